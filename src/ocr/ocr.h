/* ocr.h — the OCR path as the PDF reader sees it: a page without text → content.
 *
 *   gk_ocr_pages_new       the scanned pages of one document, read into content
 *   gk_ocr_pages_read      one PDF page → image → cells and prose read by tesseract
 *                          → shared layout → rows and lines in content
 *   gk_ocr_pages_finish    every page given laid out (before a text page, and at the end)
 *   gk_ocr_helper_pages    how many pages helper threads have read (tests)
 *   gk_ocr_reread_cell     (GkRereadFunc) one suspect cell read again, other preprocessing
 *   gk_ocr_reread_dark     (GkRereadDarkFunc) a region read again, its paler ink (a grey seal) left out
 *
 * Method.  The page image is made and cleaned by ocr-image, read cell by
 * cell by ocr-page, and laid out by the same gk_layout_page as a
 * born-digital page; the page number joins content->ocr_pages.  The first
 * OCRed page installs a re-read hook on the content: it keeps the
 * document and, up to GK_OCR_KEEP_IMAGES_BYTES, the cleaned images of
 * the pages with ruling lines (a 300 dpi page is ~10 MB; making one again
 * took a tenth of lujiang-2019's 300 dpi scan's time).  When the checks fail through a
 * low-confidence cell, it reads the cell from gk_ocr_image_reread_view of
 * that page's image (kept, or made again) — a crop scaled up, sharpened
 * and Otsu-binarised: a different view of the same ink.  The last page
 * read is kept too: a signature's date under a seal stamped in grey (the
 * red of a colour scan is gone by then) is read again from that page with
 * only its darker ink (gk_ocr_reread_dark), where the prose reader found
 * no date.
 * The caller accepts the new reading only when it is itself confident
 * (GK_OCR_REREAD_ACCEPT); a check never chooses between readings.
 * Pages are read one after another on the caller's thread; when cores are
 * lent (gk-cores.h: an idle worker's, or extract -j N of one file), the
 * next pages go to helper threads, each with its tesseract, while the
 * caller makes the pictures (poppler stays on one thread) and reads the
 * pages no helper is free for.  Pages are laid out in page order all the
 * same, so the record is the one a single thread makes.
 */
#pragma once
#include <poppler.h>
#include "content/content.h"
#include "content/options.h"

/* A page scanned below this resolution (dpi), or whose paper grain
 * (GkOcrImage.grain) exceeds GK_OCR_POOR_GRAIN, is a poor scan: the
 * record says so (poor_scan, naming the page).  Scanners of reports give
 * 200–300 dpi and a grain under 1; heavy noise gives 4 and more. */
#define GK_OCR_POOR_DPI 180
#define GK_OCR_POOR_GRAIN 2.5

/* Page images kept for re-reads, at most (bytes): six 300 dpi pages. */
#define GK_OCR_KEEP_IMAGES_BYTES (64u << 20)
/* A re-read is believed only at or above this confidence (0..1). */
#define GK_OCR_REREAD_ACCEPT 0.90

/* Pages read at once at most: this thread and lent cores' (gk-cores.h). */
#define GK_OCR_THREADS_MAX 4
/* Address space one more reading thread may take (tesseract's models and
 * buffers, a page's images, a malloc arena): a worker whose limit does not
 * hold one more reads on the threads it has (chuanbei-2020-scan200: each
 * thread adds ~190 MB to VmPeak). */
#define GK_OCR_THREAD_BYTES (G_GUINT64_CONSTANT (384) << 20)

typedef struct GkOcrPages GkOcrPages;

/* content is borrowed and must outlive the GkOcrPages; so must opts. */
GkOcrPages *gk_ocr_pages_new (PopplerDocument *doc, const GkReadOptions *opts, GkContent *content);
/* Page index (from 0) read: laid out into content at once, or when the
 * pages before it are (gk_ocr_pages_finish). */
gboolean gk_ocr_pages_read (GkOcrPages *pages, int index, GError **error);
/* Every page given is laid out, in page order; the lent cores go back. */
gboolean gk_ocr_pages_finish (GkOcrPages *pages, GError **error);
void gk_ocr_pages_free (GkOcrPages *pages);
/* Pages read on helper threads since the process began (tests). */
guint gk_ocr_helper_pages (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkOcrPages, gk_ocr_pages_free)

gboolean gk_ocr_reread_cell (gpointer data, const GkSource *src, char **raw, double *confidence);
/* (GkRereadDarkFunc) a region read again from gk_ocr_image_dark_ink_view:
 * its text lines, boxes in points. */
GPtrArray *gk_ocr_reread_dark (gpointer data, int page, const GkRect *region, guint splits);
