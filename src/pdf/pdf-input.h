/* pdf-input.h — the PDF path: poppler page content (or OCR for pages
 * without a text layer) → layout → the shared content model.
 *
 *   gk_pdf_read            a PDF input → GkContent (media pdf-text / pdf-scan / pdf-mixed)
 *   gk_pdf_open_document   open PDF bytes with poppler, errors in gongkai's words
 *
 * Errors: GK_ERROR_ENCRYPTED (no or wrong password), GK_ERROR_FORMAT
 * ("damaged PDF: " and poppler's cause), GK_ERROR_EMPTY (no pages),
 * GK_ERROR_LIMIT (a page over opts->max_glyphs, or the per-file deadline).
 * Warnings in the content: page_needs_ocr (a page without a text layer),
 * pages_truncated (more pages than opts->max_pages: the first are read),
 * page_too_large (a page over opts->max_pixels is read from its text alone),
 * too_many_rules (hatching, not a table: text alone), page_unreadable,
 * page_turned (the page's text runs down or up the sheet, or upside down,
 * by the steps from each character to the next: its words and ruling
 * lines are turned upright before the layout reads them).
 */
#pragma once
#include <poppler.h>
#include "content/content.h"
#include "content/options.h"
#include "input/input.h"

GkContent *gk_pdf_read (const GkInput *input, const GkReadOptions *opts, GError **error);
/* GK_ERROR_ENCRYPTED without the right password, GK_ERROR_FORMAT when damaged. */
PopplerDocument *gk_pdf_open_document (GBytes *bytes, const char *password, GError **error);
