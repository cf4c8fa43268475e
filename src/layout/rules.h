/* rules.h — ruling lines of a table, found in a page image.
 *
 *   gk_layout_rules_from_pix   1-bpp image → ruling lines (GkRect, points)
 *
 * Method (the lattice idea of Camelot, with leptonica).  An opening with a
 * long thin horizontal brick keeps only runs of ink at least
 * GK_RULE_MIN_H_LENGTH_PT long — table rules, not glyph strokes; the same
 * with a vertical brick finds vertical rules.  Each connected component
 * of the opened image is one rule segment; its bounding box, scaled from
 * pixels to points and offset by where the image sits on the page, is
 * the rule.  Components thicker than GK_RULE_MAX_THICKNESS_PT are filled
 * areas (shading, seals, black bars), not rules, and are dropped.  Short
 * glyph strokes that survive (a long 一 in a heading) are weeded out later
 * by the grid, which keeps only rules that cross or touch another.
 *
 * The born-digital path calls this on a low-resolution rendering of the
 * table bands of a page; the OCR path on the binarised scan.
 */
#pragma once
#include <glib.h>
#include <leptonica/allheaders.h>
#include "content/content.h"

/* Shorter ink runs are glyph strokes: a CJK 一 at 16 pt is about 15 pt long. */
#define GK_RULE_MIN_H_LENGTH_PT 18.0
/* Vertical rules between two rows of 10.5 pt text are at least ~14 pt. */
#define GK_RULE_MIN_V_LENGTH_PT 12.0
/* Table rules are hairlines to 2 pt; thicker ink is a filled area. */
#define GK_RULE_MAX_THICKNESS_PT 4.0

/* Appends to rules (GArray of GkRect) every horizontal and vertical rule
 * found in pix (1 bpp, ink = 1).  pt_per_px: size of one pixel in points
 * (72 / dpi); (x0_pt, y0_pt): the page position of the image's top-left
 * pixel, in points, origin top-left.  Returns the number of rules added. */
int gk_layout_rules_from_pix (PIX *pix, double pt_per_px, double x0_pt, double y0_pt, GArray *rules);
