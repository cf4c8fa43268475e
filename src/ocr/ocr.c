/* ocr.c — see ocr.h. */
#include "ocr.h"
#include "common/gk-error.h"
#include "layout/layout.h"
#include "ocr/ocr-engine.h"
#include "ocr/ocr-image.h"
#include "ocr/ocr-page.h"
#include "common/gk-models.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct {
  PopplerDocument *doc;
  GkReadOptions opts;   /* models_dir and password pointing into this struct */
  char *models_dir;
  GPtrArray *kept;      /* GkOcrImage*: pages with ruling lines as read, oldest first */
  gsize kept_bytes;
  GkOcrImage *img;      /* the last page made again, kept for its other suspect cells */
} Rereader;

static void
rereader_free (gpointer data)
{
  Rereader *r = data;
  g_object_unref (r->doc);
  g_free (r->models_dir);
  g_ptr_array_unref (r->kept);
  gk_ocr_image_free (r->img);
  g_free (r);
}

static gsize
image_bytes (const GkOcrImage *img)
{
  return 4 * ((gsize) pixGetWpl (img->gray) * pixGetHeight (img->gray) + (gsize) pixGetWpl (img->binary) * pixGetHeight (img->binary));
}

/* Keeps img (taken) for re-reads within GK_OCR_KEEP_IMAGES_BYTES, the
 * oldest pages giving way; what a re-read does not look at goes first. */
static void
rereader_keep (Rereader *r, GkOcrImage *img)
{
  pixDestroy (&img->rules);
  gsize bytes = image_bytes (img);
  if (bytes > GK_OCR_KEEP_IMAGES_BYTES)
    {
      gk_ocr_image_free (img);
      return;
    }
  while (r->kept->len > 0 && r->kept_bytes + bytes > GK_OCR_KEEP_IMAGES_BYTES)
    {
      r->kept_bytes -= image_bytes (r->kept->pdata[0]);
      g_ptr_array_remove_index (r->kept, 0);
    }
  g_ptr_array_add (r->kept, img);
  r->kept_bytes += bytes;
}

/* The page's image as it was read, kept or made again; NULL if it cannot be made. */
static const GkOcrImage *
rereader_image (Rereader *r, int page)
{
  for (guint i = 0; i < r->kept->len; i++)
    if (((GkOcrImage *) r->kept->pdata[i])->page == page)
      return r->kept->pdata[i];
  if (!r->img || r->img->page != page)
    {
      g_clear_pointer (&r->img, gk_ocr_image_free);
      g_autoptr (PopplerPage) ppage = poppler_document_get_page (r->doc, page - 1);
      if (ppage)
        r->img = gk_ocr_image_from_page (ppage, page, &r->opts, NULL);
    }
  return r->img;
}

static char *
models_dir_of (const GkReadOptions *opts)
{
  return opts->models_dir ? g_strdup (opts->models_dir) : gk_models_dir_default ();
}

gboolean
gk_ocr_read_pdf_page (PopplerDocument *doc, int index, const GkReadOptions *opts, GkContent *content, GError **error)
{
  int number = index + 1;
  g_autoptr (PopplerPage) ppage = poppler_document_get_page (doc, index);
  if (!ppage)
    {
      gk_content_warn (content, "page_unreadable", number, "page %d cannot be read", number);
      return TRUE;
    }
  /* a blank page (a scanned empty sheet, the back of a page) costs a
   * coarse rendering, not the OCR images and tesseract */
  if (!gk_ocr_page_has_ink (ppage, opts))
    return TRUE;
  g_autofree char *models = models_dir_of (opts);
  GkOcrEngine *engine = gk_ocr_engine_get (models, error);
  if (!engine)
    return FALSE;
  g_autoptr (GkOcrImage) img = gk_ocr_image_from_page (ppage, number, opts, error);
  if (!img)
    return FALSE;
  g_autoptr (GkPage) page = gk_ocr_page_read (engine, img, error);
  if (!page)
    return FALSE;
  if (img->scan_dpi < GK_OCR_POOR_DPI || img->grain > GK_OCR_POOR_GRAIN)
    gk_content_warn (content, "poor_scan", number,
                     "第%d页扫描质量差（%d dpi，纸面噪点 %.1f）：识别的数字可能有误，存疑者标为 suspect_ocr",
                     number, img->scan_dpi, img->grain);
  gk_layout_page (page, content);
  if (page->words->len > 0)
    g_array_append_val (content->ocr_pages, number);  /* a blank page was not "read by OCR" */
  if (!content->reread)
    {
      Rereader *r = g_new0 (Rereader, 1);
      r->doc = g_object_ref (doc);
      r->opts = *opts;
      r->models_dir = g_strdup (models);
      r->opts.models_dir = r->models_dir;
      r->opts.password = NULL;  /* the document is open already */
      r->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_ocr_image_free);
      content->reread = gk_ocr_reread_cell;
      content->reread_data = r;
      content->reread_free = rereader_free;
    }
  /* suspect cells lie in tables, and tables in ruling lines */
  if (page->rules->len > 0 && content->reread == gk_ocr_reread_cell)
    rereader_keep (content->reread_data, g_steal_pointer (&img));
  return TRUE;
}

gboolean
gk_ocr_reread_cell (gpointer data, const GkSource *src, char **raw, double *confidence)
{
  Rereader *r = data;
  if (!src->has_box || src->method != GK_METHOD_OCR || src->page < 1)
    return FALSE;
  const GkOcrImage *img = rereader_image (r, src->page);
  if (!img)
    return FALSE;
  GkOcrEngine *engine = gk_ocr_engine_get (r->models_dir, NULL);
  GkOcrCellRect cr;
  /* the source box is the inset cell box already: no further inset */
  if (!engine || !gk_ocr_cell_rect (img, &src->box, 0.0, &cr))
    return FALSE;
  int dpi = 0;
  PIX *framed = gk_ocr_image_reread_view (img, cr.x, cr.y, cr.w, cr.h, &dpi);
  gboolean ok = FALSE;
  if (framed)
    {
      gk_ocr_engine_set_image (engine, framed, dpi);
      *raw = gk_ocr_read_cell (engine, 0, 0, pixGetWidth (framed), pixGetHeight (framed), GK_OCR_REREAD_BORDER_PX, &cr,
                               confidence);
      ok = **raw != '\0';
      if (!ok)
        g_clear_pointer (raw, g_free);
    }
  pixDestroy (&framed);
  return ok;
}
