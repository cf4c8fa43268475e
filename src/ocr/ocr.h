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
 * document (not its images — a 300 dpi page is 9 MB of grey) and, when
 * the checks fail through a low-confidence cell, makes that page's image
 * again and reads the cell from gk_ocr_image_reread_view — a crop scaled
 * up, sharpened and Otsu-binarised: a different view of the same ink.
 * The caller accepts the new reading only when it is itself confident
 * (GK_OCR_REREAD_ACCEPT); a check never chooses between readings.
 */
#pragma once
#include <poppler.h>
#include "content/content.h"
#include "content/options.h"

/* A re-read is believed only at or above this confidence (0..1). */
#define GK_OCR_REREAD_ACCEPT 0.90

gboolean gk_ocr_read_pdf_page (PopplerDocument *doc, int index, const GkReadOptions *opts, GkContent *content,
                               GError **error);
gboolean gk_ocr_reread_cell (gpointer data, const GkSource *src, char **raw, double *confidence);
