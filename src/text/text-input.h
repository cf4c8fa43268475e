/* text-input.h — the text path: text as pdftotext (or a copy from a web
 * page) leaves it, into the shared content model.
 *
 *   gk_text_read     bytes → GkContent (media "text")
 *
 * Method.  Bytes that are not UTF-8 are read as GB18030 (the superset of
 * GBK/GB2312 that Chinese sites use), else invalid sequences are replaced
 * and a warning says so.  Form feeds count pages.  Page furniture — a
 * lone site URL, page numbers like "- 3 -", "— 3 —", "第3页" — is dropped
 * so a table broken over a page continues as if it were not.  Each line
 * becomes a row: its trailing run of number tokens (a unit token joins the
 * number before it, "15122.275 万元") are the cells, the rest is the
 * label; a line without numbers is a label-only row the matcher gathers.
 * A line rendered with pipes (web-page tables as text) is split at the
 * pipes instead, and its empty fields are blank cells.
 */
#pragma once
#include "content/content.h"

GkContent *gk_text_read (const char *data, gsize len, GError **error);

/* Splits one line into label and cell tokens (exposed for tests). */
GkRow *gk_text_line_to_row (const char *line, const GkSource *src);
/* TRUE for a line that is page furniture: URL, page number. */
gboolean gk_text_is_page_furniture (const char *line);
