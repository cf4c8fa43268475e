/* audit-crop.c — see audit-crop.h. */
#include "audit-crop.h"
#include "content/options.h"
#include "pdf/pdf-images.h"
#include "pdf/pdf-input.h"
#include "common/gk-error.h"
#include <cairo.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <poppler.h>
#include "pdf/pdf-libs.h"  /* last: its macros name the library calls */

/* Space between the value's box and the red outline, points. */
#define OUTLINE_PAD 1.5
/* Width of the outline, pixels. */
#define OUTLINE_WIDTH 2.0
/* Palette of the PNG: GRAY_LEVELS grays, then the outline's red. */
#define GRAY_LEVELS 255
#define RED_INDEX GRAY_LEVELS

typedef struct {
  int page;               /* 1-based */
  double scale;           /* pixels per point of this rendering */
  cairo_surface_t *image;
  guint64 used;           /* tick of last use, for eviction */
} CachedPage;

struct GkAuditCrop {
  PopplerDocument *doc;
  CachedPage cache[GK_AUDIT_CROP_CACHE_PAGES];
  guint64 tick;
};

GkAuditCrop *
gk_audit_crop_open (GBytes *pdf, const char *password, GError **error)
{
  int iw = 0, ih = 0;
  if (gk_pdf_largest_image (pdf, &iw, &ih) > GK_DEFAULT_MAX_PIXELS)
    {
      /* poppler would decode the image whole to draw any crop of its page */
      g_set_error (error, GK_ERROR, GK_ERROR_LIMIT,
                   "cannot render the PDF for crops: an embedded image of %d×%d pixels is over the pixel limit", iw, ih);
      return NULL;
    }
  g_autoptr (GError) local = NULL;
  PopplerDocument *doc = gk_pdf_open_document (pdf, password, &local);
  if (!doc)
    {
      g_set_error (error, GK_ERROR, local->code, "cannot render the PDF for crops: %s", local->message);
      return NULL;
    }
  GkAuditCrop *crop = g_new0 (GkAuditCrop, 1);
  crop->doc = doc;
  return crop;
}

void
gk_audit_crop_free (GkAuditCrop *crop)
{
  if (!crop)
    return;
  for (int i = 0; i < GK_AUDIT_CROP_CACHE_PAGES; i++)
    if (crop->cache[i].image)
      cairo_surface_destroy (crop->cache[i].image);
  g_object_unref (crop->doc);
  g_free (crop);
}

int
gk_audit_crop_n_pages (const GkAuditCrop *crop)
{
  return poppler_document_get_n_pages (crop->doc);
}

/* The rendered page, from the cache or freshly rendered (evicting the least recently used). */
static CachedPage *
rendered_page (GkAuditCrop *crop, int page_no, GError **error)
{
  CachedPage *slot = &crop->cache[0];
  for (int i = 0; i < GK_AUDIT_CROP_CACHE_PAGES; i++)
    {
      CachedPage *c = &crop->cache[i];
      if (c->image && c->page == page_no)
        {
          c->used = ++crop->tick;
          return c;
        }
      if (!c->image || c->used < slot->used)
        slot = c;
    }
  PopplerPage *page = poppler_document_get_page (crop->doc, page_no - 1);
  if (!page)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "page %d cannot be rendered", page_no);
      return NULL;
    }
  double w, h;
  poppler_page_get_size (page, &w, &h);
  if (!(w > 0 && h > 0))
    {
      g_object_unref (page);
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "page %d has no size", page_no);
      return NULL;
    }
  double scale = GK_AUDIT_CROP_SCALE;
  if (w * h * scale * scale > GK_AUDIT_CROP_MAX_PIXELS)
    scale = sqrt (GK_AUDIT_CROP_MAX_PIXELS / (w * h));
  int pw = MAX (1, (int) ceil (w * scale)), ph = MAX (1, (int) ceil (h * scale));
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "page %d: cannot allocate a %d×%d image", page_no, pw, ph);
      cairo_surface_destroy (image);
      g_object_unref (page);
      return NULL;
    }
  cairo_t *cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_object_unref (page);
  if (slot->image)
    cairo_surface_destroy (slot->image);
  *slot = (CachedPage) { page_no, scale, image, ++crop->tick };
  return slot;
}

/* The crop as an 8-bit palette PNG (leptonica): grays, and red wherever
 * the image is red (the outline, a seal).  A third of the bytes of RGB,
 * and palette images need no PNG filtering: the page weighs less and is
 * written about three times faster. */
static GBytes *
encode_png (cairo_surface_t *image, GError **error)
{
  cairo_surface_flush (image);
  int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *src = cairo_image_surface_get_data (image);
  PIX *pix = pixCreate (w, h, 8);
  PIXCMAP *cmap = pixcmapCreate (8);
  for (int i = 0; i < GRAY_LEVELS; i++)
    {
      int g = i * 255 / (GRAY_LEVELS - 1);
      pixcmapAddColor (cmap, g, g, g);
    }
  pixcmapAddColor (cmap, 219, 20, 20);
  pixSetColormap (pix, cmap);
  l_uint32 *data = pixGetData (pix);
  int wpl = pixGetWpl (pix);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (src + (gsize) y * stride);
      l_uint32 *line = data + (gsize) y * wpl;
      for (int x = 0; x < w; x++)
        {
          int r = (row[x] >> 16) & 0xff, g = (row[x] >> 8) & 0xff, b = row[x] & 0xff;
          int index = r > 160 && g < 110 && b < 110 ? RED_INDEX
                      : ((r * 77 + g * 151 + b * 28) >> 8) * (GRAY_LEVELS - 1) / 255;
          SET_DATA_BYTE (line, x, index);
        }
    }
  l_uint8 *bytes = NULL;
  size_t len = 0;
  l_ok bad = pixWriteMemPng (&bytes, &len, pix, 0.0);
  pixDestroy (&pix);
  if (bad || !bytes)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_OUTPUT, "cannot encode the crop as PNG");
      return NULL;
    }
  GBytes *out = g_bytes_new (bytes, len);
  lept_free (bytes);
  return out;
}

GBytes *
gk_audit_crop_png (GkAuditCrop *crop, int page, const GkRect *box, GError **error)
{
  int n = poppler_document_get_n_pages (crop->doc);
  if (page < 1 || page > n)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "page %d is not in the document (%d pages)", page, n);
      return NULL;
    }
  if (!(isfinite (box->x0) && isfinite (box->y0) && isfinite (box->x1) && isfinite (box->y1))
      || box->x1 < box->x0 || box->y1 < box->y0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "page %d: not a box: [%g, %g, %g, %g]",
                   page, box->x0, box->y0, box->x1, box->y1);
      return NULL;
    }
  CachedPage *pg = rendered_page (crop, page, error);
  if (!pg)
    return NULL;
  double s = pg->scale;
  int pw = cairo_image_surface_get_width (pg->image), ph = cairo_image_surface_get_height (pg->image);
  /* the region in pixels, clamped to the page */
  double fx0 = floor ((box->x0 - GK_AUDIT_CROP_MARGIN_X) * s), fy0 = floor ((box->y0 - GK_AUDIT_CROP_MARGIN_Y) * s);
  double fx1 = ceil ((box->x1 + GK_AUDIT_CROP_MARGIN_X) * s), fy1 = ceil ((box->y1 + GK_AUDIT_CROP_MARGIN_Y) * s);
  int x0 = (int) CLAMP (fx0, 0, pw), y0 = (int) CLAMP (fy0, 0, ph);
  int x1 = (int) CLAMP (fx1, 0, pw), y1 = (int) CLAMP (fy1, 0, ph);
  if (x1 <= x0 || y1 <= y0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "page %d: box [%g, %g, %g, %g] lies outside the page",
                   page, box->x0, box->y0, box->x1, box->y1);
      return NULL;
    }
  cairo_surface_t *out = cairo_image_surface_create (CAIRO_FORMAT_RGB24, x1 - x0, y1 - y0);
  cairo_t *cr = cairo_create (out);
  cairo_set_source_surface (cr, pg->image, -x0, -y0);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.86, 0.08, 0.08);
  cairo_set_line_width (cr, OUTLINE_WIDTH);
  cairo_rectangle (cr, (box->x0 - OUTLINE_PAD) * s - x0, (box->y0 - OUTLINE_PAD) * s - y0,
                   (box->x1 - box->x0 + 2 * OUTLINE_PAD) * s, (box->y1 - box->y0 + 2 * OUTLINE_PAD) * s);
  cairo_stroke (cr);
  cairo_destroy (cr);
  GBytes *png = encode_png (out, error);
  cairo_surface_destroy (out);
  return png;
}
