/* pdf-input.h — the PDF path: poppler page content (or OCR for pages
 * without a text layer) → layout → the shared content model.
 *
 *   gk_pdf_read    a PDF input → GkContent (media pdf-text / pdf-scan / pdf-mixed)
 */
#pragma once
#include "content/content.h"
#include "content/options.h"
#include "input/input.h"

GkContent *gk_pdf_read (const GkInput *input, const GkReadOptions *opts, GError **error);
