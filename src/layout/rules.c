/* rules.c — see rules.h. */
#include "rules.h"
#include <math.h>
#include "pdf/pdf-libs.h"  /* last: its macros name the library calls */

/* Finds the rules of one orientation in pix and appends them. */
static int
rules_one_way (PIX *pix, gboolean horizontal, double pt_per_px, double x0_pt, double y0_pt, GArray *rules)
{
  double min_len_pt = horizontal ? GK_RULE_MIN_H_LENGTH_PT : GK_RULE_MIN_V_LENGTH_PT;
  int len_px = MAX (3, (int) lround (min_len_pt / pt_per_px));
  /* the composite DWA opening: several times faster than pixOpenBrick, and
   * its brick (a product of two factors, within a pixel or two of len_px)
   * is as good a yardstick for "longer than a glyph stroke" */
  PIX *opened = horizontal ? pixOpenCompBrickDwa (NULL, pix, len_px, 1) : pixOpenCompBrickDwa (NULL, pix, 1, len_px);
  if (!opened)
    return 0;
  BOXA *boxes = pixConnComp (opened, NULL, 8);
  pixDestroy (&opened);
  if (!boxes)
    return 0;
  int added = 0;
  int n = boxaGetCount (boxes);
  for (int i = 0; i < n; i++)
    {
      l_int32 x, y, w, h;
      if (boxaGetBoxGeometry (boxes, i, &x, &y, &w, &h))
        continue;
      double thick_pt = (horizontal ? h : w) * pt_per_px;
      if (thick_pt > GK_RULE_MAX_THICKNESS_PT)
        continue;
      GkRect r = { x0_pt + x * pt_per_px, y0_pt + y * pt_per_px,
                   x0_pt + (x + w) * pt_per_px, y0_pt + (y + h) * pt_per_px };
      g_array_append_val (rules, r);
      added++;
    }
  boxaDestroy (&boxes);
  return added;
}

int
gk_layout_rules_from_pix (PIX *pix, double pt_per_px, double x0_pt, double y0_pt, GArray *rules)
{
  g_return_val_if_fail (pix && rules && pt_per_px > 0, 0);
  if (pixGetDepth (pix) != 1)
    {
      g_warning ("gk_layout_rules_from_pix: need a 1-bpp image, got %d bpp", pixGetDepth (pix));
      return 0;
    }
  return rules_one_way (pix, TRUE, pt_per_px, x0_pt, y0_pt, rules)
         + rules_one_way (pix, FALSE, pt_per_px, x0_pt, y0_pt, rules);
}
