/* line-row.h — one line of text into a table row, shared by the text, HTML
 * and layout (PDF, OCR) paths.
 *
 *   gk_line_to_row             a line → GkRow: label, then its trailing cells
 *   gk_line_is_page_furniture  is a line a lone URL or page number
 *   gk_line_strip_print_stamp  cut a browser's print stamp off a line's end
 *   gk_line_opens_row          does a label open a row (四、 （三） 1.), not go on with one
 *   gk_line_continues_pipe_row does a line carry on the pipe row above it
 *
 * Method.  A line is split at white space as reports use it (U+3000 and
 * NBSP included); its trailing run of cell tokens (gk_number_is_cell_token;
 * a unit token joins the number before it, "15122.275 万元") are the cells,
 * the rest is the label, so a line without numbers is a label-only row;
 * each cell keeps its character column and the white space before it
 * (what a layout-mode dump's columns are read from).  A
 * line with pipes ("| 行政许可 | 2910 | |", a web page's table as text) is
 * split at the pipes instead, and its empty fields are blank cells.  A web
 * page's table as text breaks its row wherever a cell held a line break:
 * the blank cells come out as lines of lone pipes and the next cells as a
 * line starting with a pipe and a number ("…数量 | 25 |", "|", "|",
 * "| 25 |"); such a line carries on a row that ends with a pipe, while a
 * line starting with a label (or a Markdown rule "|---|") does not.  Page
 * furniture ("- 3 -", "第3页 共9页", "3/9", a site URL) is told by patterns
 * over the NFKC text, so a table broken over a page continues as if it
 * were not.
 */
#pragma once
#include "content/content.h"

GkRow *gk_line_to_row (const char *line, const GkSource *src);
gboolean gk_line_is_page_furniture (const char *line);
/* Cuts a browser's print stamp (2025/3/5 16:13) off the end of a line that
 * holds text before it; TRUE when it did.  A line that is the stamp alone
 * is left whole. */
gboolean gk_line_strip_print_stamp (char *line);
gboolean gk_line_opens_row (const char *label);
/* TRUE when line (trimmed) carries on the row of prev (trimmed), as above. */
gboolean gk_line_continues_pipe_row (const char *prev, const char *line);
