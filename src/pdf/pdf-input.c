/* pdf-input.c — see pdf-input.h.
 *
 * Method.  poppler-glib opens the bytes (with the password, if given).
 * For each page the text layer comes from poppler_page_get_text and
 * poppler_page_get_text_layout, which give one rectangle per character of
 * that text, in points with the origin at the top left of the page as
 * displayed (the crop box, the page's /Rotate applied) — the same space
 * poppler_page_get_size and poppler_page_render use, so words, rules and
 * the page size all agree.  Characters are gathered into words at white
 * space and at gaps too wide to be inside a word (two table cells whose
 * text poppler joined).
 *
 * Ruling lines.  poppler-glib offers no call that hands out a page's
 * vector paths, but it draws them through cairo: only pages whose text has
 * table-like lines are rendered, clipped to the bands around those lines,
 * through a cairo observer surface that sees every fill and stroke
 * (pdf-rules.h); its axis-aligned pieces, joined, are the rules — exact,
 * with no rasterising or morphology.  Where that finds none (borders drawn
 * as images or glyphs) the bands are rendered at GK_PDF_RULE_PX_PER_PT and
 * the rules found with leptonica morphology (gk_layout_rules_from_pix, the
 * function the OCR path uses on scans).  The cost that remains is poppler's
 * own: interpreting the page for cairo and loading its fonts for cairo,
 * about as much again as the text layer.
 *
 * Pages beyond opts->max_pages are not read: the first max_pages are, with
 * a warning, since the national tables come early in a report and a long
 * PDF is most often a report with annexes.
 */
#include "pdf-input.h"
#include "pdf-images.h"
#include "pdf-rules.h"
#include "common/gk-error.h"
#include "common/gk-text.h"
#include "layout/layout.h"
#include "layout/rules.h"
#include "ocr/ocr.h"
#include "page/page.h"
#include <cairo.h>
#include <gio/gio.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include "pdf/pdf-libs.h"  /* last: its macros name the library calls */

/* Rendering is serialised across the threads of one process: poppler's
 * cairo backend opens and closes FreeType faces on one FT_Library shared by
 * all documents, which FreeType allows only under a lock.  Faces are closed
 * when a document goes, so that goes under the lock too.  The command line
 * reads files in parallel in worker processes (pipeline/workers.h), each
 * with its own FT_Library, so there the lock is never contended. */
static GMutex render_lock;

static void
document_release (PopplerDocument *doc)
{
  g_mutex_lock (&render_lock);
  g_object_unref (doc);
  g_mutex_unlock (&render_lock);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, document_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Rendering scale for rule finding: 1 px per point (72 dpi) keeps hairlines
 * (poppler widens strokes to at least one pixel) at a fraction of the cost of
 * print resolution. */
#define GK_PDF_RULE_PX_PER_PT 1.0
/* Grey level (0..255) below which a rendered pixel is ink: anti-aliased
 * hairlines come out mid-grey at 72 dpi. */
#define GK_PDF_INK_LEVEL 200
/* More rule segments than this on one page is hatching or a drawing, not a
 * table (a full table 三 has about 300); matching them pairwise would cost
 * seconds, so the page is read from its text alone. */
#define GK_PDF_MAX_RULES 4000
/* A gap between two characters wider than this share of their height splits a word. */
#define GK_PDF_WORD_SPLIT_GAP 0.6
/* Character boxes come from the font's bounding box; some producers (Ghostscript
 * re-embedding a CJK font, cairo) give boxes three font sizes tall.  A box taller
 * than this many font sizes (for an ideograph, its width, the em it fills) is cut
 * to GK_PDF_CHAR_HEIGHT_EM around its centre, so that lines do not swallow their
 * neighbours. */
#define GK_PDF_MAX_CHAR_HEIGHT_EM 1.6
#define GK_PDF_CHAR_HEIGHT_EM 1.2

static gboolean
is_space (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\t' || gk_text_is_space_char (c) || g_unichar_isspace (c);
}

/* Character steps a page's text direction is told from, at the least, and
 * the share of them that must agree. */
#define GK_PDF_DIRECTION_MIN_STEPS 10
#define GK_PDF_DIRECTION_SHARE 0.6

/* How a page's text lies as the page is shown: the axis its characters
 * advance along (0 x, 1 y) and the sign of that advance.  Upright is
 * { 0, +1 }; a page turned a quarter (a table laid sideways, or a /Rotate)
 * runs along y.  Lines follow as a turn of the page lays them (the order
 * poppler gives lines is no evidence: it sorts blocks its own way). */
typedef struct {
  int axis, along;
} TextFrame;

static gboolean
frame_upright (const TextFrame *f)
{
  return f->axis == 0 && f->along > 0;
}

/* The frame of the page's text: each character's step to the next within
 * a line votes; upright when too few steps agree. */
static TextFrame
text_frame (const char *text, const PopplerRectangle *rects, guint n_rects)
{
  guint votes[4] = { 0 }, total = 0, i = 0;
  double px = 0, py = 0;
  gboolean have_prev = FALSE;
  for (const char *p = text; *p && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      if (is_space (g_utf8_get_char (p)))
        {
          have_prev = FALSE;
          continue;
        }
      double cx = (rects[i].x1 + rects[i].x2) / 2, cy = (rects[i].y1 + rects[i].y2) / 2;
      double dx = cx - px, dy = cy - py;
      if (have_prev && (fabs (dx) > 0.5 || fabs (dy) > 0.5))
        {
          votes[fabs (dx) >= fabs (dy) ? (dx > 0 ? 0 : 2) : (dy > 0 ? 1 : 3)]++;
          total++;
        }
      px = cx, py = cy, have_prev = TRUE;
    }
  int best = 0;
  for (int d = 1; d < 4; d++)
    if (votes[d] > votes[best])
      best = d;
  TextFrame f = { 0, 1 };
  if (total >= GK_PDF_DIRECTION_MIN_STEPS && votes[best] >= GK_PDF_DIRECTION_SHARE * total)
    f = (TextFrame) { best % 2, best < 2 ? 1 : -1 };
  return f;
}

/* A point of the page as shown (w × h) in the frame where its text runs
 * left to right and its lines top to bottom. */
static void
point_upright (const TextFrame *f, double w, double h, double x, double y, double *ux, double *uy)
{
  /* a turn: down the sheet, lines go leftwards; up it, rightwards */
  double a = f->axis == 0 ? x : y, b = f->axis == 0 ? y : x;
  double la = f->axis == 0 ? w : h, lb = f->axis == 0 ? h : w;
  gboolean across_forward = f->axis == 0 ? f->along > 0 : f->along < 0;
  *ux = f->along > 0 ? a : la - a;
  *uy = across_forward ? b : lb - b;
}

static void
rect_upright (const TextFrame *f, double w, double h, PopplerRectangle *r)
{
  double ax, ay, bx, by;
  point_upright (f, w, h, r->x1, r->y1, &ax, &ay);
  point_upright (f, w, h, r->x2, r->y2, &bx, &by);
  r->x1 = MIN (ax, bx), r->x2 = MAX (ax, bx), r->y1 = MIN (ay, by), r->y2 = MAX (ay, by);
}

/* The text layer of one page as words; FALSE with error when over the glyph
 * limit.  A page whose text runs sideways or upside down is read turned
 * upright: its boxes and size in that frame, *frame saying how. */
static gboolean
read_words (PopplerPage *ppage, GkPage *page, const GkReadOptions *opts, TextFrame *frame, GError **error)
{
  g_autofree char *text = poppler_page_get_text (ppage);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  if (!text || !poppler_page_get_text_layout (ppage, &rects, &n_rects))
    {
      g_free (rects);
      return TRUE;
    }
  if (opts->max_glyphs > 0 && n_rects > (guint) opts->max_glyphs)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "page %d has %u glyphs, more than the limit of %d",
                   page->number, n_rects, opts->max_glyphs);
      g_free (rects);
      return FALSE;
    }
  *frame = text_frame (text, rects, n_rects);
  if (!frame_upright (frame))
    {
      for (guint k = 0; k < n_rects; k++)
        rect_upright (frame, page->width, page->height, &rects[k]);
      if (frame->axis == 1)
        {
          double w = page->width;
          page->width = page->height, page->height = w;
        }
    }
  /* font size per character, to catch boxes taller than the glyphs */
  g_autofree double *font_size = g_new0 (double, n_rects);
  GList *attrs = poppler_page_get_text_attributes (ppage);
  for (GList *a = attrs; a; a = a->next)
    {
      PopplerTextAttributes *ta = a->data;
      for (int k = MAX (ta->start_index, 0); k <= ta->end_index && k < (int) n_rects; k++)
        font_size[k] = ta->font_size;
    }
  poppler_page_free_text_attributes (attrs);
  g_autoptr (GString) word = g_string_new (NULL);
  GkRect box = { 0 };
  guint i = 0;
  const char *p = text;
  for (; *p && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      PopplerRectangle *r = &rects[i];
      GkRect cb = { MIN (r->x1, r->x2), MIN (r->y1, r->y2), MAX (r->x1, r->x2), MAX (r->y1, r->y2) };
      double fs = font_size[i];
      /* an ideograph (or a radical drawn for one) fills a square em: a box
       * far taller than wide is the font's, not the glyph's, whatever size
       * the font says */
      if (c >= 0x2E80 && c <= 0x9FFF && cb.x1 > cb.x0)
        fs = fs > 0 ? MIN (fs, cb.x1 - cb.x0) : cb.x1 - cb.x0;
      if (fs > 0 && cb.y1 - cb.y0 > GK_PDF_MAX_CHAR_HEIGHT_EM * fs)
        {
          double cy = (cb.y0 + cb.y1) / 2;
          cb.y0 = cy - GK_PDF_CHAR_HEIGHT_EM * fs / 2;
          cb.y1 = cy + GK_PDF_CHAR_HEIGHT_EM * fs / 2;
        }
      gboolean split = is_space (c);
      if (!split && word->len)
        {
          double h = MAX (cb.y1 - cb.y0, box.y1 - box.y0);
          double gap = cb.x0 - box.x1;
          /* a wide gap, a step back to the left or a new baseline starts a new word */
          split = gap > GK_PDF_WORD_SPLIT_GAP * h || cb.x1 < box.x0
                  || fabs ((cb.y0 + cb.y1) / 2 - (box.y0 + box.y1) / 2) > h / 2;
        }
      if (split && word->len)
        {
          gk_page_add_word (page, word->str, &box, 1.0);
          g_string_truncate (word, 0);
        }
      if (is_space (c))
        continue;
      if (!word->len)
        box = cb;
      else
        box = (GkRect) { MIN (box.x0, cb.x0), MIN (box.y0, cb.y0), MAX (box.x1, cb.x1), MAX (box.y1, cb.y1) };
      g_string_append_unichar (word, c);
    }
  if (word->len)
    gk_page_add_word (page, word->str, &box, 1.0);
  if (*p && i == n_rects)
    g_debug ("page %d: poppler gave fewer rectangles than characters", page->number);
  g_free (rects);
  return TRUE;
}

/* The raster method: the bands rendered into an image as tall as they
 * reach, rules found by morphology.  For borders the path method cannot see. */
static void
read_rules_from_rendering (PopplerPage *ppage, GkPage *page, const GArray *bands, const GkReadOptions *opts,
                           GkContent *content)
{
  double top = page->height, bottom = 0;
  for (guint b = 0; b < bands->len; b++)
    {
      GkRect *r = &g_array_index (bands, GkRect, b);
      top = MIN (top, r->y0);
      bottom = MAX (bottom, r->y1);
    }
  double s = GK_PDF_RULE_PX_PER_PT;
  int w = (int) ceil (page->width * s), h = (int) ceil ((bottom - top) * s);
  if (w <= 0 || h <= 0)
    return;
  if (opts->max_pixels > 0 && (gint64) w * h > opts->max_pixels)
    {
      gk_content_warn (content, "page_too_large", page->number,
                       "page %d is too large to look for ruling lines (%d x %d pixels); its tables are read from the text alone",
                       page->number, w, h);
      return;
    }
  cairo_surface_t *surf = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surf);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, s, s);
  cairo_translate (cr, 0, -top);
  for (guint b = 0; b < bands->len; b++)
    {
      GkRect *r = &g_array_index (bands, GkRect, b);
      cairo_rectangle (cr, r->x0, r->y0, r->x1 - r->x0, r->y1 - r->y0);
    }
  cairo_clip (cr);
  g_mutex_lock (&render_lock);
  poppler_page_render (ppage, cr);
  cairo_destroy (cr);
  g_mutex_unlock (&render_lock);
  cairo_surface_flush (surf);

  PIX *pix = pixCreate (w, h, 1);
  if (pix && cairo_surface_status (surf) == CAIRO_STATUS_SUCCESS)
    {
      const guint8 *data = cairo_image_surface_get_data (surf);
      int stride = cairo_image_surface_get_stride (surf);
      l_uint32 *pdata = pixGetData (pix);
      int wpl = pixGetWpl (pix);
      for (int y = 0; y < h; y++)
        {
          const guint32 *src = (const guint32 *) (data + (gsize) y * stride);
          l_uint32 *line = pdata + (gsize) y * wpl;
          for (int x = 0; x < w; x++)
            {
              guint32 px = src[x] & 0xffffff;
              if (px == 0xffffff)
                continue;   /* paper: most of the image */
              int grey = (int) ((((px >> 16) & 0xff) * 299 + ((px >> 8) & 0xff) * 587 + (px & 0xff) * 114) / 1000);
              if (grey < GK_PDF_INK_LEVEL)
                SET_DATA_BIT (line, x);
            }
        }
      gk_layout_rules_from_pix (pix, 1.0 / s, 0.0, top, page->rules);
    }
  pixDestroy (&pix);
  cairo_surface_destroy (surf);
}

/* The ruling lines in bands of the page: from the paths poppler draws
 * (pdf-rules.h), else from a rendering. */
static void
read_rules_in (PopplerPage *ppage, GkPage *page, const GArray *bands, const GkReadOptions *opts, GkContent *content)
{
  if (bands->len == 0 || opts->no_rendering)
    return;   /* no_rendering: said once for the file (image_too_large) */
  double s = GK_PDF_PATH_PX_PER_PT;
  if (opts->max_pixels > 0 && (page->width * s) * (page->height * s) > (double) opts->max_pixels)
    {
      gk_content_warn (content, "page_too_large", page->number,
                       "page %d is too large to look for ruling lines (%.0f x %.0f points); its tables are read from the text alone",
                       page->number, page->width, page->height);
      return;
    }
  g_mutex_lock (&render_lock);
  gboolean images = FALSE;
  int found = gk_pdf_rules_from_paths (ppage, bands, page->rules, &images);
  g_mutex_unlock (&render_lock);
  if (found <= 0 || images)
    read_rules_from_rendering (ppage, page, bands, opts, content);
  if (page->rules->len > GK_PDF_MAX_RULES)
    {
      gk_content_warn (content, "too_many_rules", page->number,
                       "page %d has %u line segments, too many for a table; its tables are read from the text alone",
                       page->number, page->rules->len);
      g_array_set_size (page->rules, 0);
    }
}

/* The ruling lines in the page's table bands. */
static void
read_rules (PopplerPage *ppage, GkPage *page, const GkReadOptions *opts, GkContent *content)
{
  g_autoptr (GArray) bands = gk_layout_table_bands (page);
  read_rules_in (ppage, page, bands, opts, content);
}

/* The ruling lines of a page read turned upright (read_words): found over
 * the whole page as shown, then turned as its text was. */
static void
read_rules_turned (PopplerPage *ppage, GkPage *page, const TextFrame *frame, const GkReadOptions *opts, GkContent *content)
{
  double w, h;
  poppler_page_get_size (ppage, &w, &h);
  g_autoptr (GkPage) shown = gk_page_new (page->number, w, h, page->method);
  g_autoptr (GArray) bands = g_array_new (FALSE, FALSE, sizeof (GkRect));
  GkRect all = { 0, 0, w, h };
  g_array_append_val (bands, all);
  read_rules_in (ppage, shown, bands, opts, content);
  for (guint i = 0; i < shown->rules->len; i++)
    {
      GkRect *r = &g_array_index (shown->rules, GkRect, i);
      PopplerRectangle pr = { r->x0, r->y0, r->x1, r->y1 };
      rect_upright (frame, w, h, &pr);
      GkRect up = { pr.x1, pr.y1, pr.x2, pr.y2 };
      gk_page_add_rule (page, &up);
    }
}

/* A page without a text layer (every page with --ocr always): OCR reads it. */
static gboolean
read_page_by_ocr (PopplerDocument *doc, int index, const GkReadOptions *opts, GkContent *content, GkOcrPages **scans,
                  GError **error)
{
  if (opts->no_rendering && opts->ocr != GK_OCR_NEVER)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_LIMIT,
                   "page %d is an image over the limit of %" G_GINT64_FORMAT " pixels (--max-pixels)",
                   index + 1, opts->max_pixels);
      return FALSE;
    }
  if (opts->ocr == GK_OCR_NEVER)
    {
      gk_content_warn (content, "page_needs_ocr", index + 1,
                       "page %d has no text layer; it needs OCR (--ocr never)", index + 1);
      return TRUE;
    }
  if (!*scans)
    *scans = gk_ocr_pages_new (doc, opts, content);
  return gk_ocr_pages_read (*scans, index, error);
}

PopplerDocument *
gk_pdf_open_document (GBytes *bytes, const char *password, GError **error)
{
  g_autoptr (GError) perr = NULL;
  /* From a memory stream, not poppler_document_new_from_bytes: in poppler
   * 22.12 the latter crashes when a wrong password is given (it retries on a
   * stream the first attempt has already freed). */
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  PopplerDocument *doc = poppler_document_new_from_stream (stream, (goffset) g_bytes_get_size (bytes),
                                                           password, NULL, &perr);
  if (!doc)
    {
      if (g_error_matches (perr, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, GK_ERROR, GK_ERROR_ENCRYPTED, "%s",
                     password ? "encrypted PDF: the password given (--password) is wrong"
                              : "encrypted PDF: a password is needed (--password)");
      else
        g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "damaged PDF: %s",
                     perr ? perr->message : "poppler cannot read it");
    }
  return doc;
}

GkContent *
gk_pdf_read (const GkInput *input, const GkReadOptions *opts, GError **error)
{
  GkReadOptions defaults;
  if (!opts)
    {
      gk_read_options_init (&defaults);
      opts = &defaults;
    }
  g_autoptr (PopplerDocument) doc = gk_pdf_open_document (input->bytes, opts->password, error);
  if (!doc)
    return NULL;
  int n_pages = poppler_document_get_n_pages (doc);
  if (n_pages <= 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_EMPTY, "PDF has no pages");
      return NULL;
    }
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_TEXT);
  /* an embedded image too large to decode safely: poppler decodes an image
   * whole whenever it renders it, so this file is read from its text layer only */
  GkReadOptions local = *opts;
  int iw = 0, ih = 0;
  if (gk_pdf_largest_image (input->bytes, &iw, &ih) > opts->max_pixels)
    {
      local.no_rendering = TRUE;
      gk_content_warn (content, "image_too_large", 0,
                       "an embedded image of %d×%d pixels exceeds the limit of %" G_GINT64_FORMAT
                       " (--max-pixels): nothing is rendered, tables are read from the text alone",
                       iw, ih, opts->max_pixels);
    }
  opts = &local;
  content->n_pages = n_pages;
  int limit = n_pages;
  if (opts->max_pages > 0 && n_pages > opts->max_pages)
    {
      limit = opts->max_pages;
      gk_content_warn (content, "pages_truncated", 0, "PDF has %d pages; only the first %d are read",
                       n_pages, limit);
    }
  int text_pages = 0;
  /* scanned pages, read on more threads when cores are lent; what this
   * loop adds to content itself waits until they are laid out */
  g_autoptr (GkOcrPages) scans = NULL;
  for (int i = 0; i < limit; i++)
    {
      if (gk_read_options_expired (opts, error))
        return NULL;
      g_autoptr (PopplerPage) ppage = poppler_document_get_page (doc, i);
      if (!ppage)
        {
          if (scans && !gk_ocr_pages_finish (scans, error))
            return NULL;
          gk_content_warn (content, "page_unreadable", i + 1, "page %d cannot be read", i + 1);
          continue;
        }
      if (opts->ocr == GK_OCR_ALWAYS)
        {
          if (!read_page_by_ocr (doc, i, opts, content, &scans, error))
            return NULL;
          continue;
        }
      double w, h;
      poppler_page_get_size (ppage, &w, &h);
      g_autoptr (GkPage) page = gk_page_new (i + 1, w, h, GK_METHOD_PDF_TEXT);
      TextFrame frame;
      if (!read_words (ppage, page, opts, &frame, error))
        return NULL;
      if (page->words->len == 0)
        {
          if (!read_page_by_ocr (doc, i, opts, content, &scans, error))
            return NULL;
          continue;
        }
      if (scans && !gk_ocr_pages_finish (scans, error))
        return NULL;
      if (!frame_upright (&frame))
        {
          gk_content_warn (content, "page_turned", page->number, "page %d shows its text %s; it is read turned upright",
                           page->number, frame.axis == 1 ? "running down or up the page" : "upside down or mirrored");
          read_rules_turned (ppage, page, &frame, opts, content);
        }
      else
        read_rules (ppage, page, opts, content);
      gk_layout_page (page, content);
      text_pages++;
    }
  if (scans && !gk_ocr_pages_finish (scans, error))
    return NULL;
  /* blank pages count neither way: OCR lists only pages it read text on */
  if (content->ocr_pages->len > 0)
    content->media = text_pages == 0 ? GK_MEDIA_PDF_SCAN : GK_MEDIA_PDF_MIXED;
  return g_steal_pointer (&content);
}
