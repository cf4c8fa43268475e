/* ocr-image.c — see ocr-image.h. */
#include "ocr-image.h"
#include <math.h>
#include <string.h>
#include "common/gk-error.h"
#include "pdf/pdf-libs.h"  /* last: its macros name the library calls */

/* An embedded image is "the page" when it covers this share of its area. */
#define GK_OCR_PAGE_IMAGE_COVER 0.90
/* Red seal mask: r - (g + b) / 2 above this (0..255) is seal ink, not text. */
#define GK_OCR_SEAL_REDNESS 60.0
/* Red-channel level under which a pixel is ink whatever its hue: black text
 * under the seal, or tinted red by JPEG's coarse colour, stays text. */
#define GK_OCR_SEAL_DARK_LEVEL 140
/* Grow the seal mask by this many pixels to take its JPEG-blurred rim too. */
#define GK_OCR_SEAL_RIM_PX 1
/* A seal is first looked for in a sample of this share of the rows and
 * columns (every 4th pixel: a seal's ring is ~10 px wide). */
#define GK_OCR_SEAL_SAMPLE 0.25f
/* Skew search: binary reduction, sweep range and step, final precision (degrees). */
#define GK_OCR_SKEW_REDUCTION 2
#define GK_OCR_SKEW_SWEEP_DEG 7.0f
#define GK_OCR_SKEW_SWEEP_STEP_DEG 0.5f
#define GK_OCR_SKEW_PRECISION_DEG 0.01f
/* Deskew only when leptonica's confidence (score ratio) reaches this. */
#define GK_OCR_SKEW_MIN_CONFIDENCE 3.0
/* ... and the angle is at least this (degrees): below, rotation only blurs. */
#define GK_OCR_SKEW_MIN_DEG 0.05
/* Sauvola window half-size per dpi: ~0.05 inch, a few stroke widths. */
#define GK_OCR_SAUVOLA_WINDOW_PER_DPI 0.05
/* Sauvola k: low, so pale thin strokes stay ink (paper is pure white by then). */
#define GK_OCR_SAUVOLA_K 0.1f
/* Grey level under which a pixel may belong to a ruling line, on the
 * background-normalised image (paper ~200, hairline rules 120–190). */
#define GK_OCR_RULE_INK_LEVEL 185
/* Ink whose box is no larger than this either way (points) is a speck of
 * scanner noise: a full stop of 10 pt text is ~1.2 pt. */
#define GK_OCR_SPECK_MAX_PT 0.75
/* Grey levels at or above this are paper once gray is made (paper mapped
 * to pure white): what lies below is ink, a seal's or text's. */
#define GK_OCR_DARK_INK_PAPER 250
/* Grey levels at or above this are paper: pixBackgroundNormSimple maps paper to 200. */
#define GK_OCR_PAPER_LEVEL 190

PIX *
gk_ocr_pix_from_cairo (cairo_surface_t *surface)
{
  cairo_surface_flush (surface);
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  cairo_format_t fmt = cairo_image_surface_get_format (surface);
  const unsigned char *data = cairo_image_surface_get_data (surface);
  if (!data || w <= 0 || h <= 0 || (fmt != CAIRO_FORMAT_ARGB32 && fmt != CAIRO_FORMAT_RGB24))
    return NULL;
  PIX *pix = pixCreate (w, h, 32);
  if (!pix)
    return NULL;
  l_uint32 *dst = pixGetData (pix);
  int wpl = pixGetWpl (pix);
  for (int y = 0; y < h; y++)
    {
      const guint32 *src = (const guint32 *) (data + (gsize) y * stride);
      l_uint32 *line = dst + (gsize) y * wpl;
      for (int x = 0; x < w; x++)
        {
          guint32 p = src[x];
          int a = fmt == CAIRO_FORMAT_ARGB32 ? (p >> 24) & 0xff : 0xff;
          if (a == 0xff)
            {
              /* opaque, as a scan's millions of pixels are: no blending */
              line[x] = (((p >> 16) & 0xffu) << L_RED_SHIFT) | (((p >> 8) & 0xffu) << L_GREEN_SHIFT)
                        | ((p & 0xffu) << L_BLUE_SHIFT);
              continue;
            }
          /* premultiplied over white: a transparent scan shows paper */
          int r = ((p >> 16) & 0xff) + (255 - a);
          int g = ((p >> 8) & 0xff) + (255 - a);
          int b = (p & 0xff) + (255 - a);
          composeRGBPixel (MIN (r, 255), MIN (g, 255), MIN (b, 255), &line[x]);
        }
    }
  return pix;
}

/* The page's one scan at its own resolution, or NULL when the page is more than one image. */
static cairo_surface_t *
page_scan (PopplerPage *page, double w_pt, double h_pt)
{
  GList *maps = poppler_page_get_image_mapping (page);
  cairo_surface_t *surface = NULL;
  if (maps && !maps->next)
    {
      PopplerImageMapping *m = maps->data;
      double area = fabs (m->area.x2 - m->area.x1) * fabs (m->area.y2 - m->area.y1);
      g_autofree char *text = poppler_page_get_text (page);
      gboolean has_text = text && *g_strstrip (text);
      if (area >= GK_OCR_PAGE_IMAGE_COVER * w_pt * h_pt && !has_text)
        surface = poppler_page_get_image (page, m->image_id);
    }
  poppler_page_free_image_mapping (maps);
  return surface;
}

/* The page drawn on white at scale (pixels per point), w × h pixels. */
static cairo_surface_t *
page_on_white (PopplerPage *page, double scale, int w, int h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  return surface;
}

PIX *
gk_ocr_render_page (PopplerPage *page, double dpi, gint64 max_pixels, GError **error)
{
  double w_pt, h_pt;
  poppler_page_get_size (page, &w_pt, &h_pt);
  double scale = dpi / 72.0;
  int w = (int) ceil (w_pt * scale), h = (int) ceil (h_pt * scale);
  if (w <= 0 || h <= 0 || (gint64) w * h > max_pixels)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "page image of %d×%d pixels exceeds the limit of %" G_GINT64_FORMAT,
                   w, h, max_pixels);
      return NULL;
    }
  cairo_surface_t *surface = page_on_white (page, scale, w, h);
  PIX *pix = gk_ocr_pix_from_cairo (surface);
  cairo_surface_destroy (surface);
  if (!pix)
    g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "page could not be rendered");
  return pix;
}

PIX *
gk_ocr_page_picture (PopplerPage *page, int number, const GkReadOptions *opts, gboolean *embedded, GError **error)
{
  double w_pt, h_pt;
  poppler_page_get_size (page, &w_pt, &h_pt);
  *embedded = FALSE;
  if (w_pt <= 0 || h_pt <= 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "page %d has no size", number);
      return NULL;
    }
  PIX *pix = NULL;
  cairo_surface_t *scan = page_scan (page, w_pt, h_pt);
  if (scan)
    {
      int w = cairo_image_surface_get_width (scan), h = cairo_image_surface_get_height (scan);
      if ((gint64) w * h > opts->max_pixels)
        {
          cairo_surface_destroy (scan);
          g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "page %d image of %d×%d pixels exceeds the limit of %" G_GINT64_FORMAT,
                       number, w, h, opts->max_pixels);
          return NULL;
        }
      pix = gk_ocr_pix_from_cairo (scan);
      cairo_surface_destroy (scan);
      *embedded = pix != NULL;
    }
  if (!pix)
    pix = gk_ocr_render_page (page, GK_OCR_RENDER_DPI, opts->max_pixels, error);
  return pix;
}

GkOcrImage *
gk_ocr_image_from_page (PopplerPage *page, int number, const GkReadOptions *opts, GError **error)
{
  gboolean embedded;
  PIX *pix = gk_ocr_page_picture (page, number, opts, &embedded, error);
  if (!pix)
    return NULL;
  double w_pt, h_pt;
  poppler_page_get_size (page, &w_pt, &h_pt);
  GkOcrImage *img = gk_ocr_image_from_pix (pix, number, w_pt, h_pt, opts, error);
  pixDestroy (&pix);
  if (img)
    img->embedded = embedded;
  return img;
}

/* The rectangle x, y, w, h of pix as a new image; NULL outside it. */
static PIX *
crop_region (PIX *pix, int x, int y, int w, int h)
{
  BOX *b = boxCreate (x, y, w, h);
  PIX *crop = b ? pixClipRectangle (pix, b, NULL) : NULL;
  boxDestroy (&b);
  return crop;
}

/* The seal's ink: clearly red pixels (GK_OCR_SEAL_REDNESS), 1 bpp. */
static PIX *
seal_mask (PIX *pix)
{
  return pixMakeArbMaskFromRGB (pix, 1.0f, -0.5f, -0.5f, GK_OCR_SEAL_REDNESS);
}

/* FALSE when a sparse sample of the page holds no red: most pages have no
 * seal, and the full mask costs more than the rest of the seal's removal. */
static gboolean
may_have_red (PIX *pix)
{
  PIX *sample = pixScaleBySampling (pix, GK_OCR_SEAL_SAMPLE, GK_OCR_SEAL_SAMPLE);
  PIX *mask = sample ? seal_mask (sample) : NULL;
  l_int32 empty = 0;
  if (mask)
    pixZero (mask, &empty);
  pixDestroy (&sample);
  pixDestroy (&mask);
  return !empty;
}

/* Grey with the red seal gone: red channel, and clearly red pixels white. */
static PIX *
gray_without_seal (PIX *pix)
{
  if (pixGetDepth (pix) != 32)
    return pixConvertTo8 (pix, FALSE);
  PIX *gray = pixGetRGBComponent (pix, COLOR_RED);
  PIX *mask = may_have_red (pix) ? seal_mask (pix) : NULL;
  if (gray && mask)
    {
      int size = 2 * GK_OCR_SEAL_RIM_PX + 1;
      PIX *rim = pixDilateBrick (NULL, mask, size, size);
      PIX *dark = pixThresholdToBinary (gray, GK_OCR_SEAL_DARK_LEVEL);
      if (rim && dark)
        pixSubtract (rim, rim, dark);
      pixSetMasked (gray, rim ? rim : mask, 255);
      pixDestroy (&rim);
      pixDestroy (&dark);
    }
  pixDestroy (&mask);
  return gray;
}

/* A new copy of gray at `target` dpi, or a clone when it is close enough
 * (or when the copy would exceed opts->max_pixels; no limit without opts). */
static PIX *
rescale (PIX *gray, double *dpi, double target, const GkReadOptions *opts)
{
  if (*dpi <= target * GK_OCR_RESCALE_RATIO && *dpi * GK_OCR_RESCALE_RATIO >= target)
    return pixClone (gray);
  float s = (float) (target / *dpi);
  double w = pixGetWidth (gray) * (double) s, h = pixGetHeight (gray) * (double) s;
  PIX *scaled = !opts || w * h <= (double) opts->max_pixels ? pixScale (gray, s, s) : NULL;  /* area mapping when reducing */
  if (!scaled)
    return pixClone (gray);
  *dpi *= s;
  return scaled;
}

/* binary (taken) without its specks of noise (GK_OCR_SPECK_MAX_PT). */
static PIX *
without_specks (PIX *binary, double dpi)
{
  int speck = (int) floor (GK_OCR_SPECK_MAX_PT * dpi / 72.0);
  PIX *clean = speck >= 1 ? pixSelectBySize (binary, speck + 1, speck + 1, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL)
                          : NULL;
  if (!clean)
    return binary;
  pixDestroy (&binary);
  return clean;
}

/* Sauvola's threshold, then the specks of noise go (GK_OCR_SPECK_MAX_PT):
 * one beside a dash makes its ink no flat bar, and one alone in a blank
 * cell is ink a reading must account for. */
static PIX *
binarise (PIX *gray, double dpi)
{
  PIX *binary = NULL;
  int whsize = MAX (3, (int) (dpi * GK_OCR_SAUVOLA_WINDOW_PER_DPI));
  int nx = MAX (1, pixGetWidth (gray) / 1000), ny = MAX (1, pixGetHeight (gray) / 1000);
  if (pixSauvolaBinarizeTiled (gray, whsize, GK_OCR_SAUVOLA_K, nx, ny, NULL, &binary) != 0)
    return NULL;
  return without_specks (binary, dpi);
}

/* The paper's grain (GK_OCR_GRAIN_*): scanner noise makes neighbouring
 * paper pixels differ; a clean scan's paper is smooth, its JPEG and blur
 * included. */
static double
paper_grain (PIX *gray)
{
  int w = pixGetWidth (gray), h = pixGetHeight (gray), wpl = pixGetWpl (gray);
  const l_uint32 *data = pixGetData (gray);
  double sum = 0;
  gint64 n = 0;
  for (int y = 0; y < h; y += GK_OCR_GRAIN_ROW_STEP)
    {
      const l_uint32 *line = data + (gsize) y * wpl;
      int prev = GET_DATA_BYTE (line, 0);
      for (int x = 1; x < w; x++)
        {
          int v = GET_DATA_BYTE (line, x);
          if (v >= GK_OCR_GRAIN_PAPER_LEVEL && prev >= GK_OCR_GRAIN_PAPER_LEVEL)
            sum += abs (v - prev), n++;
          prev = v;
        }
    }
  return n ? sum / (double) n : 0;
}

static gint images_made;

guint
gk_ocr_images_made (void)
{
  return (guint) g_atomic_int_get (&images_made);
}

gboolean
gk_ocr_page_has_ink (PopplerPage *page, const GkReadOptions *opts)
{
  double w_pt, h_pt;
  poppler_page_get_size (page, &w_pt, &h_pt);
  double scale = GK_OCR_INK_DPI / 72.0;
  int w = (int) ceil (w_pt * scale), h = (int) ceil (h_pt * scale);
  if (w <= 0 || h <= 0 || (gint64) w * h > opts->max_pixels)
    return TRUE;   /* the reading proper reports it */
  cairo_surface_t *surface = page_on_white (page, scale, w, h);
  cairo_surface_flush (surface);
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int dark = 0;
  for (int y = 0; data && y < h && dark < GK_OCR_INK_MIN_PIXELS; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      for (int x = 0; x < w; x++)
        {
          guint32 px = row[x];
          /* luminance (0..255) of the RGB24 pixel, integer weights 0.30/0.59/0.11 */
          guint grey = (77 * ((px >> 16) & 0xff) + 151 * ((px >> 8) & 0xff) + 28 * (px & 0xff)) >> 8;
          if (grey < GK_OCR_INK_GREY)
            dark++;
        }
    }
  gboolean ok = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (surface);
  return !ok || dark >= GK_OCR_INK_MIN_PIXELS;
}

GkOcrImage *
gk_ocr_image_from_pix (PIX *pix, int number, double width_pt, double height_pt,
                       const GkReadOptions *opts, GError **error)
{
  g_atomic_int_inc (&images_made);
  int w = pixGetWidth (pix), h = pixGetHeight (pix);
  if ((gint64) w * h > opts->max_pixels)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "page %d image of %d×%d pixels exceeds the limit of %" G_GINT64_FORMAT,
                   number, w, h, opts->max_pixels);
      return NULL;
    }
  double dpi = w / (width_pt / 72.0);
  int scan_dpi = (int) lround (dpi);
  PIX *gray = gray_without_seal (pix);
  if (!gray)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "page %d image could not be converted", number);
      return NULL;
    }
  PIX *scaled = rescale (gray, &dpi, GK_OCR_TEXT_DPI, opts);
  pixDestroy (&gray);
  gray = scaled;
  PIX *norm = pixBackgroundNormSimple (gray, NULL, NULL);
  if (norm)
    {
      pixDestroy (&gray);
      gray = norm;
    }
  /* Skew from the generous threshold: faint hairline rules and thin text
   * give leptonica's score too little ink at its default threshold (a
   * LibreOffice table page: confidence 1.5 at 130, 69 at 200). */
  double skew = 0;
  PIX *ink = pixThresholdToBinary (gray, GK_OCR_RULE_INK_LEVEL);
  l_float32 angle = 0, conf = 0;
  if (ink && pixFindSkewSweepAndSearch (ink, &angle, &conf, GK_OCR_SKEW_REDUCTION, GK_OCR_SKEW_REDUCTION,
                                        GK_OCR_SKEW_SWEEP_DEG, GK_OCR_SKEW_SWEEP_STEP_DEG, GK_OCR_SKEW_PRECISION_DEG) == 0
      && conf >= GK_OCR_SKEW_MIN_CONFIDENCE && fabs (angle) >= GK_OCR_SKEW_MIN_DEG)
    {
      PIX *straight = pixRotate (gray, (l_float32) (angle * G_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
      if (straight)
        {
          pixDestroy (&gray);
          gray = straight;
          skew = angle;
        }
    }
  pixDestroy (&ink);
  double grain = paper_grain (gray);
  /* before paper goes white: faint grey hairlines (LibreOffice's rules) are
   * still there; Sauvola loses them, a generous global threshold keeps
   * them, and the text and noise it lets in do not survive the layout's
   * long-brick opening */
  PIX *rules = pixThresholdToBinary (gray, GK_OCR_RULE_INK_LEVEL);
  /* paper to pure white, ink contrast stretched: faint seal residue and noise vanish */
  pixGammaTRC (gray, gray, 1.0f, 0, GK_OCR_PAPER_LEVEL);
  PIX *binary = binarise (gray, dpi);
  if (!binary || !rules)
    {
      pixDestroy (&rules);
      pixDestroy (&gray);
      pixDestroy (&binary);
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "page %d image could not be binarised", number);
      return NULL;
    }
  GkOcrImage *img = g_new0 (GkOcrImage, 1);
  img->page = number;
  img->width_pt = width_pt;
  img->height_pt = height_pt;
  img->pt_per_px = width_pt / pixGetWidth (gray);
  img->dpi = (int) lround (dpi);
  img->skew_deg = skew;
  img->scan_dpi = scan_dpi;
  img->grain = grain;
  img->gray = gray;
  img->binary = binary;
  img->rules = rules;
  return img;
}

void
gk_ocr_image_free (GkOcrImage *img)
{
  if (!img)
    return;
  pixDestroy (&img->gray);
  pixDestroy (&img->binary);
  pixDestroy (&img->rules);
  g_free (img);
}

PIX *
gk_ocr_image_digits (const GkOcrImage *img, int x, int y, int w, int h, double *scale, int *dpi)
{
  PIX *crop = crop_region (img->gray, x, y, w, h);
  if (!crop)
    return NULL;
  double ddpi = img->dpi;
  PIX *scaled = rescale (crop, &ddpi, GK_OCR_DIGITS_DPI, NULL);  /* a reduction: no pixel limit */
  pixDestroy (&crop);
  PIX *digits = scaled ? binarise (scaled, ddpi) : NULL;
  pixDestroy (&scaled);
  if (digits)
    {
      *scale = (double) pixGetWidth (digits) / w;
      *dpi = (int) lround (ddpi);
    }
  return digits;
}

PIX *
gk_ocr_image_reread_view (const GkOcrImage *img, int x, int y, int w, int h, int *dpi)
{
  PIX *crop = crop_region (img->gray, x, y, w, h);
  PIX *big = crop ? pixScaleGrayLI (crop, GK_OCR_REREAD_SCALE, GK_OCR_REREAD_SCALE) : NULL;
  PIX *sharp = big ? pixUnsharpMaskingGray (big, GK_OCR_REREAD_SHARPEN_HALFWIDTH, GK_OCR_REREAD_SHARPEN_FRACT) : NULL;
  PIX *bin = NULL;
  if (sharp)
    pixOtsuAdaptiveThreshold (sharp, MAX (16, pixGetWidth (sharp)), MAX (16, pixGetHeight (sharp)), 0, 0, 0.1f, NULL, &bin);
  PIX *framed = bin ? pixAddBorder (bin, GK_OCR_REREAD_BORDER_PX, 0) : NULL;
  *dpi = (int) (img->dpi * GK_OCR_REREAD_SCALE);
  pixDestroy (&crop);
  pixDestroy (&big);
  pixDestroy (&sharp);
  pixDestroy (&bin);
  return framed;
}

PIX *
gk_ocr_image_dark_ink_view (const GkOcrImage *img, int x, int y, int w, int h, guint splits)
{
  PIX *crop = crop_region (img->gray, x, y, w, h);
  NUMA *hist = crop ? pixGetGrayHistogram (crop, 1) : NULL;
  /* paper is pure white in gray: the levels below it are ink and its rims */
  l_int32 split = GK_OCR_DARK_INK_PAPER;
  for (guint i = 0; hist && i < splits && split > 1; i++)
    {
      NUMA *ink = numaClipToInterval (hist, 0, split - 1);
      l_int32 s = -1;
      if (!ink || numaSplitDistribution (ink, 0.0f, &s, NULL, NULL, NULL, NULL, NULL) != 0)
        s = -1;
      numaDestroy (&ink);
      split = s;
    }
  PIX *framed = NULL;
  if (split > 0 && split < GK_OCR_DARK_INK_PAPER)
    {
      PIX *bin = pixThresholdToBinary (crop, split + 1);
      bin = bin ? without_specks (bin, img->dpi) : NULL;
      framed = bin ? pixAddBorder (bin, GK_OCR_REREAD_BORDER_PX, 0) : NULL;
      pixDestroy (&bin);
    }
  numaDestroy (&hist);
  pixDestroy (&crop);
  return framed;
}

PIX *
gk_ocr_image_gray_view (const GkOcrImage *img, int x, int y, int w, int h)
{
  PIX *crop = crop_region (img->gray, x, y, w, h);
  PIX *framed = crop ? pixAddBorder (crop, GK_OCR_REREAD_BORDER_PX, 255) : NULL;
  pixDestroy (&crop);
  return framed;
}

/* Rows [top, bottom) of a region that hold ink. */
typedef struct {
  int top, bottom;
} Band;

static int
band_height (const GArray *bands, guint i)
{
  const Band *b = &g_array_index (bands, Band, i);
  return b->bottom - b->top;
}

BOXA *
gk_ocr_image_text_lines (const GkOcrImage *img, int x, int y, int w, int h)
{
  BOXA *lines = boxaCreate (4);
  PIX *crop = crop_region (img->binary, x, y, w, h);
  NUMA *ink = crop ? pixCountPixelsByRow (crop, NULL) : NULL;
  g_autoptr (GArray) bands = g_array_new (FALSE, FALSE, sizeof (Band));
  int n = ink ? numaGetCount (ink) : 0, tallest = 0;
  l_int32 v = 0;
  for (int r = 0; r < n; r++)
    {
      numaGetIValue (ink, r, &v);
      if (v == 0)
        continue;
      Band b = { r, r };
      while (b.bottom < n && (numaGetIValue (ink, b.bottom, &v), v > 0))
        b.bottom++;
      g_array_append_val (bands, b);
      tallest = MAX (tallest, b.bottom - b.top);
      r = b.bottom;
    }
  /* the lowest band joins its nearer neighbour, until every band is a line */
  while (bands->len > 1)
    {
      guint low = 0;
      for (guint i = 1; i < bands->len; i++)
        if (band_height (bands, i) < band_height (bands, low))
          low = i;
      if (band_height (bands, low) >= GK_OCR_LINE_MIN_SHARE * tallest)
        break;
      const Band *m = &g_array_index (bands, Band, low);
      int gap_above = low > 0 ? m->top - g_array_index (bands, Band, low - 1).bottom : G_MAXINT;
      int gap_below = low + 1 < bands->len ? g_array_index (bands, Band, low + 1).top - m->bottom : G_MAXINT;
      Band *into = &g_array_index (bands, Band, gap_above <= gap_below ? low - 1 : low + 1);
      into->top = MIN (into->top, m->top);
      into->bottom = MAX (into->bottom, m->bottom);
      g_array_remove_index (bands, low);
    }
  for (guint i = 0; i < bands->len; i++)
    {
      const Band *b = &g_array_index (bands, Band, i);
      boxaAddBox (lines, boxCreate (x, y + b->top, w, b->bottom - b->top), L_INSERT);
    }
  numaDestroy (&ink);
  pixDestroy (&crop);
  return lines;
}

GkRect
gk_ocr_image_to_points (const GkOcrImage *img, int x0, int y0, int x1, int y1)
{
  double s = img->pt_per_px;
  return (GkRect) { x0 * s, y0 * s, x1 * s, y1 * s };
}
