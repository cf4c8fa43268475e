/* pdf-rules.h — the ruling lines of a born-digital page, from its vector paths.
 *
 *   gk_pdf_rules_from_paths   the axis-aligned lines poppler fills or strokes inside
 *                             a page's table bands, merged into rules (GkRect, points)
 *
 * Method.  poppler-glib has no call that hands out a page's paths, but it
 * draws them through cairo, and a cairo observer surface calls back after
 * every fill and stroke that reaches it — while the cairo_t still holds the
 * path.  So the page is rendered, clipped to the table bands, into a small
 * observer-wrapped image (GK_PDF_PATH_PX_PER_PT: nothing is looked at in
 * it, and tiny glyphs rasterise fastest), in poppler's printing mode (the
 * screen mode snaps strokes to device pixels), and each callback copies
 * the current path into page points.  A filled subpath that is an axis-aligned
 * rectangle (Chromium and Word draw borders so) and a stroked straight
 * axis-aligned segment (LibreOffice) become candidate rules, clipped to the
 * bands as the raster method's clip would.  Border pieces drawn cell by
 * cell are then joined where they lie on one line and touch, and the
 * length and thickness limits of rules.h apply, so the layout receives the
 * same kind of rules the raster method (gk_layout_rules_from_pix) finds —
 * with exact positions, and without rasterising or morphology.
 *
 * What it misses: borders drawn as images or glyphs, and paths inside a
 * transparency group (drawn on a surface cairo makes, not ours).  So it
 * also says whether an image was drawn inside the bands (a scanned form
 * under a text layer), and the caller adds the raster method's rules then,
 * and when no rule is found.
 */
#pragma once
#include <glib.h>
#include <poppler.h>

/* Rendering scale: the image is never read, so as small as cairo's 24.8
 * fixed point still resolves a 0.1 pt hairline (0.025 px = 6 units). */
#define GK_PDF_PATH_PX_PER_PT 0.25
/* Border pieces on one line: centres this close (pt) are one rule … */
#define GK_PDF_RULE_SAME_LINE_PT 1.0
/* … and pieces this close end to start (pt) are joined. */
#define GK_PDF_RULE_JOIN_GAP_PT 1.5
/* A stroke of width 0 is a device hairline: this thick in points. */
#define GK_PDF_HAIRLINE_PT 0.25

/* Renders ppage clipped to bands (GArray of GkRect, points, origin top
 * left) and appends the rules found to rules (GArray of GkRect); *images
 * (may be NULL) says whether an image was drawn inside the bands.  The
 * caller serialises rendering (poppler's FreeType faces are shared, and
 * so is the observer surface, made once: cairo 1.16 leaks an observer's
 * callbacks when it is destroyed).
 * Returns the number of rules appended; -1 when cairo failed. */
int gk_pdf_rules_from_paths (PopplerPage *ppage, const GArray *bands, GArray *rules, gboolean *images);
