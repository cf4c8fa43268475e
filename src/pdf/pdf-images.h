/* pdf-images.h — the size of a PDF's embedded images, without decoding them.
 *
 *   gk_pdf_largest_image   the largest /Width × /Height of any image XObject
 *
 * Why: poppler-glib decodes an embedded image whole before saying how big
 * it is, so a hostile 20000×20000 scan costs gigabytes before any limit can
 * act.  Image XObjects are streams, and streams are never inside object
 * streams, so their dictionaries are plain text in the file: scanning the
 * bytes finds every one.
 */
#pragma once
#include <glib.h>

/* Pixels of the largest image dictionary found (0 when none); *width and
 * *height (may be NULL) receive its size. */
gint64 gk_pdf_largest_image (GBytes *pdf, int *width, int *height);
