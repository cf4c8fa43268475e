/* ocr.h — the OCR path as the PDF reader sees it: a page without text → content.
 *
 *   gk_ocr_read_pdf_page   one PDF page → image → cells and prose read by tesseract
 *                          → shared layout → rows and lines in content
 *   gk_ocr_reread_cell     (GkRereadFunc) one suspect cell read again, other preprocessing
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
 * and Otsu-binarised: a different view of the same ink.
 * The caller accepts the new reading only when it is itself confident
 * (GK_OCR_REREAD_ACCEPT); a check never chooses between readings.
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

gboolean gk_ocr_read_pdf_page (PopplerDocument *doc, int index, const GkReadOptions *opts, GkContent *content,
                               GError **error);
gboolean gk_ocr_reread_cell (gpointer data, const GkSource *src, char **raw, double *confidence);
