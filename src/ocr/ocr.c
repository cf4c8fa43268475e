/* ocr.c — see ocr.h. */
#include "ocr.h"
#include "common/gk-error.h"
#include "layout/layout.h"
#include "ocr/ocr-engine.h"
#include "ocr/ocr-image.h"
#include "ocr/ocr-page.h"
#include "common/gk-models.h"
#include "common/gk-cores.h"
#include <math.h>
#include <sys/resource.h>
#include "pdf/pdf-libs.h"  /* last: its macros name the library calls */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct {
  PopplerDocument *doc;
  GkReadOptions opts;   /* models_dir and password pointing into this struct */
  char *models_dir;
  GPtrArray *kept;      /* GkOcrImage*: pages with ruling lines as read, oldest first */
  gsize kept_bytes;
  GkOcrImage *img;      /* the last page made again, kept for its other suspect cells;
                           at first the document's last page without rules, read
                           last (its foot holds the signature) */
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

/* ---- the pages of one document, on as many threads as cores are lent ---- */

/* One page's reading: its picture made on the document's thread, the rest
 * (clean-up, tesseract) on whichever thread runs it. */
typedef struct {
  GkOcrPages *owner;
  int number;
  double w_pt, h_pt;
  gboolean embedded;
  PIX *picture;
  GkOcrImage *img;
  GkPage *page;
  GError *error;
  gboolean done;        /* under owner->lock */
} PageJob;

struct GkOcrPages {
  PopplerDocument *doc;
  const GkReadOptions *opts;
  GkContent *content;
  char *models;
  GQueue pending;       /* PageJob*, page order: read or being read, not yet laid out */
  guint lent;           /* cores taken (gk-cores.h), one page on each */
  guint on_helpers;     /* pages being read on helper threads */
  GMutex lock;
  GCond done;
};

static void
page_job_free (PageJob *job)
{
  pixDestroy (&job->picture);
  gk_ocr_image_free (job->img);
  if (job->page)
    gk_page_free (job->page);
  g_clear_error (&job->error);
  g_free (job);
}

static void
page_job_run (PageJob *job)
{
  GkOcrEngine *engine = gk_ocr_engine_get (job->owner->models, &job->error);
  if (engine)
    job->img = gk_ocr_image_from_pix (job->picture, job->number, job->w_pt, job->h_pt, job->owner->opts, &job->error);
  pixDestroy (&job->picture);
  if (job->img)
    {
      job->img->embedded = job->embedded;
      job->page = gk_ocr_page_read (engine, job->img, &job->error);
    }
}

/* Helper threads live as long as the process and keep their tesseract for
 * the next scan; there are as many as cores were ever lent at once. */
static GMutex helpers_lock;
static GAsyncQueue *helper_jobs;
static guint helpers;
static gint helper_pages;

guint
gk_ocr_helper_pages (void)
{
  return (guint) g_atomic_int_get (&helper_pages);
}

static gpointer
helper_main (gpointer data)
{
  for (;;)
    {
      PageJob *job = g_async_queue_pop (helper_jobs);
      GkOcrPages *op = job->owner;
      page_job_run (job);
      g_atomic_int_inc (&helper_pages);
      g_mutex_lock (&op->lock);
      job->done = TRUE;
      op->on_helpers--;
      g_cond_broadcast (&op->done);
      g_mutex_unlock (&op->lock);
    }
  return NULL;
}

static void
helpers_at_least (guint n)
{
  g_mutex_lock (&helpers_lock);
  if (!helper_jobs)
    helper_jobs = g_async_queue_new ();
  for (; helpers < n; helpers++)
    g_thread_unref (g_thread_new ("gk-ocr", helper_main, NULL));
  g_mutex_unlock (&helpers_lock);
}

/* One more core, if one is lent and the address-space limit holds one
 * more tesseract (a worker's limit, pipeline/workers.h). */
static void
take_core (GkOcrPages *op)
{
  if (op->lent >= GK_OCR_THREADS_MAX - 1)
    return;
  struct rlimit rl;
  if (getrlimit (RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
      && rl.rlim_cur < (rlim_t) (op->lent + 2) * GK_OCR_THREAD_BYTES)
    return;
  op->lent += gk_cores_take (1);
}

GkOcrPages *
gk_ocr_pages_new (PopplerDocument *doc, const GkReadOptions *opts, GkContent *content)
{
  GkOcrPages *op = g_new0 (GkOcrPages, 1);
  op->doc = g_object_ref (doc);
  op->opts = opts;
  op->content = content;
  op->models = models_dir_of (opts);
  g_queue_init (&op->pending);
  g_mutex_init (&op->lock);
  g_cond_init (&op->done);
  return op;
}

/* Lays out a page read, as one thread reading page after page would. */
static gboolean
page_job_commit (GkOcrPages *op, PageJob *job, GError **error)
{
  if (job->error)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  GkContent *content = op->content;
  int number = job->number;
  GkOcrImage *img = job->img;
  if (img->scan_dpi < GK_OCR_POOR_DPI || img->grain > GK_OCR_POOR_GRAIN)
    gk_content_warn (content, "poor_scan", number,
                     "第%d页扫描质量差（%d dpi，纸面噪点 %.1f）：识别的数字可能有误，存疑者标为 suspect_ocr",
                     number, img->scan_dpi, img->grain);
  gk_layout_page (job->page, content);
  if (job->page->words->len > 0)
    g_array_append_val (content->ocr_pages, number);  /* a blank page was not "read by OCR" */
  if (!content->reread)
    {
      Rereader *r = g_new0 (Rereader, 1);
      r->doc = g_object_ref (op->doc);
      r->opts = *op->opts;
      r->models_dir = g_strdup (op->models);
      r->opts.models_dir = r->models_dir;
      r->opts.password = NULL;  /* the document is open already */
      r->kept = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_ocr_image_free);
      content->reread = gk_ocr_reread_cell;
      content->reread_dark = gk_ocr_reread_dark;
      content->reread_data = r;
      content->reread_free = rereader_free;
    }
  /* suspect cells lie in tables, and tables in ruling lines; the last
   * page read is kept all the same, for a signature read again */
  if (job->page->rules->len > 0 && content->reread == gk_ocr_reread_cell)
    rereader_keep (content->reread_data, g_steal_pointer (&job->img));
  else if (content->reread == gk_ocr_reread_cell)
    {
      Rereader *r = content->reread_data;
      gk_ocr_image_free (r->img);
      r->img = g_steal_pointer (&job->img);
    }
  return TRUE;
}

/* Lays out the pages read at the head of the queue; with wait, every page. */
static gboolean
commit_pages (GkOcrPages *op, gboolean wait, GError **error)
{
  for (;;)
    {
      PageJob *job = g_queue_peek_head (&op->pending);
      if (!job)
        return TRUE;
      g_mutex_lock (&op->lock);
      while (wait && !job->done)
        g_cond_wait (&op->done, &op->lock);
      gboolean done = job->done;
      g_mutex_unlock (&op->lock);
      if (!done)
        return TRUE;
      g_queue_pop_head (&op->pending);
      gboolean ok = page_job_commit (op, job, error);
      page_job_free (job);
      if (!ok)
        return FALSE;
    }
}

gboolean
gk_ocr_pages_read (GkOcrPages *op, int index, GError **error)
{
  int number = index + 1;
  g_autoptr (PopplerPage) ppage = poppler_document_get_page (op->doc, index);
  if (!ppage)
    {
      if (!commit_pages (op, TRUE, error))   /* the warning in page order */
        return FALSE;
      gk_content_warn (op->content, "page_unreadable", number, "page %d cannot be read", number);
      return TRUE;
    }
  /* a blank page (a scanned empty sheet, the back of a page) costs a
   * coarse rendering, not the OCR images and tesseract */
  if (!gk_ocr_page_has_ink (ppage, op->opts))
    return TRUE;
  PageJob *job = g_new0 (PageJob, 1);
  job->owner = op;
  job->number = number;
  poppler_page_get_size (ppage, &job->w_pt, &job->h_pt);
  job->picture = gk_ocr_page_picture (ppage, number, op->opts, &job->embedded, &job->error);
  if (!job->picture && !job->error)
    g_set_error (&job->error, GK_ERROR, GK_ERROR_FORMAT, "page %d could not be rendered", number);
  g_queue_push_tail (&op->pending, job);
  if (job->error)
    job->done = TRUE;
  else
    {
      g_mutex_lock (&op->lock);
      guint busy = op->on_helpers;
      g_mutex_unlock (&op->lock);
      if (busy >= op->lent)
        take_core (op);
      if (busy < op->lent)
        {
          helpers_at_least (op->lent);
          g_mutex_lock (&op->lock);
          op->on_helpers++;
          g_mutex_unlock (&op->lock);
          g_async_queue_push (helper_jobs, job);
        }
      else
        {
          page_job_run (job);
          job->done = TRUE;   /* no helper has it: no lock needed */
        }
    }
  return commit_pages (op, FALSE, error);
}

gboolean
gk_ocr_pages_finish (GkOcrPages *op, GError **error)
{
  gboolean ok = commit_pages (op, TRUE, error);
  gk_cores_give (op->lent);
  op->lent = 0;
  return ok;
}

void
gk_ocr_pages_free (GkOcrPages *op)
{
  if (!op)
    return;
  g_mutex_lock (&op->lock);
  while (op->on_helpers > 0)
    g_cond_wait (&op->done, &op->lock);
  g_mutex_unlock (&op->lock);
  g_queue_clear_full (&op->pending, (GDestroyNotify) page_job_free);
  gk_cores_give (op->lent);
  g_object_unref (op->doc);
  g_free (op->models);
  g_mutex_clear (&op->lock);
  g_cond_clear (&op->done);
  g_free (op);
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

GPtrArray *
gk_ocr_reread_dark (gpointer data, int page, const GkRect *region, guint splits)
{
  Rereader *r = data;
  const GkOcrImage *img = page >= 1 ? rereader_image (r, page) : NULL;
  GkOcrEngine *engine = img ? gk_ocr_engine_get (r->models_dir, NULL) : NULL;
  if (!engine)
    return NULL;
  double px = 1.0 / img->pt_per_px;
  int W = pixGetWidth (img->gray), H = pixGetHeight (img->gray);
  /* clamped as doubles: a region may run to G_MAXDOUBLE (the page's edge) */
  int x0 = (int) floor (CLAMP (region->x0 * px, 0, W)), y0 = (int) floor (CLAMP (region->y0 * px, 0, H));
  int x1 = (int) ceil (CLAMP (region->x1 * px, 0, W)), y1 = (int) ceil (CLAMP (region->y1 * px, 0, H));
  PIX *view = x1 - x0 >= 2 && y1 - y0 >= 2 ? gk_ocr_image_dark_ink_view (img, x0, y0, x1 - x0, y1 - y0, splits) : NULL;
  if (!view)
    return NULL;
  gk_ocr_engine_set_image (engine, view, img->dpi);
  g_autoptr (GPtrArray) read = gk_ocr_engine_read_lines (engine, 0, 0, pixGetWidth (view), pixGetHeight (view));
  pixDestroy (&view);
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_line_free);
  for (guint i = 0; i < read->len; i++)
    {
      const GkOcrLine *l = read->pdata[i];
      int dx = x0 - GK_OCR_REREAD_BORDER_PX, dy = y0 - GK_OCR_REREAD_BORDER_PX;
      GkSource src = { .page = page, .has_box = TRUE, .method = GK_METHOD_OCR, .confidence = l->confidence,
                       .box = gk_ocr_image_to_points (img, l->x0 + dx, l->y0 + dy, l->x1 + dx, l->y1 + dy) };
      g_ptr_array_add (lines, gk_line_new (l->text, &src));
    }
  return lines;
}
