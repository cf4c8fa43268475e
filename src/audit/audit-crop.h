/* audit-crop.h — the printed figure itself: a PNG of the page region
 * around a value's box, with the box outlined.
 *
 *   gk_audit_crop_open / _free   a PDF (bytes) opened with poppler for rendering
 *   gk_audit_crop_png            PNG bytes of the region around one box on one page
 *   gk_audit_crop_n_pages        pages of the document
 *
 * Method.  An exporter reading the source again: poppler renders a page
 * once into a cairo image (kept in a small cache, since a table's values
 * sit on one or two pages), and each crop is a copy of a rectangle of it —
 * rendering the page per value would cost the page's whole content stream
 * every time.  The crop reaches GK_AUDIT_CROP_MARGIN_X/Y points beyond the
 * box, so the neighbouring figures and rules are in the picture, and the
 * box is stroked in red.  The PNG is 8-bit with a palette of grays plus
 * red (leptonica writes it): a third of RGB's bytes, and the page carries
 * one crop per value.  A page whose image would exceed
 * GK_AUDIT_CROP_MAX_PIXELS is rendered at a lower scale instead of eating
 * memory (a hostile PDF can declare a page of any size).
 */
#pragma once
#include <glib.h>
#include "content/content.h"

/* Pixels per PDF point: 2 = 144 dpi, small CJK digits stay legible. */
#define GK_AUDIT_CROP_SCALE 2.0
/* Points of page shown left/right and above/below the box. */
#define GK_AUDIT_CROP_MARGIN_X 110.0
#define GK_AUDIT_CROP_MARGIN_Y 28.0
/* Upper bound on one rendered page image, pixels (~40 MB as RGB24). */
#define GK_AUDIT_CROP_MAX_PIXELS (10 * 1000 * 1000)
/* Rendered pages kept; a report's tables span a few pages at most. */
#define GK_AUDIT_CROP_CACHE_PAGES 3

typedef struct GkAuditCrop GkAuditCrop;

GkAuditCrop *gk_audit_crop_open (GBytes *pdf, const char *password, GError **error);
void gk_audit_crop_free (GkAuditCrop *crop);
int gk_audit_crop_n_pages (const GkAuditCrop *crop);
/* page is 1-based; box in PDF points, origin top-left (output.md). */
GBytes *gk_audit_crop_png (GkAuditCrop *crop, int page, const GkRect *box, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAuditCrop, gk_audit_crop_free)
