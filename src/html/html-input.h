/* html-input.h — the web-page path: an HTML report → the shared content model.
 *
 *   gk_html_read        an HTML input → GkContent (media html): table cells as rows, body text as lines
 *   gk_html_read_data   the same from bytes in memory (tests, fuzzing)
 *
 * Method.  libxml2's HTML parser reads the page (recovering from broken
 * markup, never touching the network); the charset comes from the page's
 * <meta>, else UTF-8 when the bytes are valid UTF-8, else GB18030.  The
 * body is walked in document order: script, style and comments are
 * skipped, and Word's conditional-comment debris left as text
 * (<!--[if !supportLists]--> …) is cut out.  Block elements (p, div, hN,
 * li, a <br>) end a line; each line becomes a GkLine and, as in the text
 * path, a row (a line of prose is a label-only row the matcher reads as a
 * heading).  A paragraph longer than a visual line holds a whole page's
 * text (tables flattened into it): it is cut into pieces as the text path
 * cuts a crawler's one-line copy (gk_text_long_line_pieces).  A table whose cells hold another table is page layout: its
 * cells are read as flow and the inner tables as tables.  A data table is
 * laid out on a grid honouring rowspan and colspan (spans clamped to
 * GK_HTML_MAX_ROWSPAN / GK_HTML_MAX_COLSPAN); each grid row yields one
 * GkRow from the cells that start in it, in column order: the leading
 * non-numeric cells are its label (a label spanning rows counts once, for
 * its first row), the rest its value cells with their raw text, blanks
 * and &nbsp; included as "" (grid_cell TRUE: the td exists).  Value cells
 * are taken in order, not by grid column, so a data row whose colspans do
 * not line up with the header row still reads right.  A row without any
 * number among its cells is a header row: label only.  Sources carry the
 * page's source line of each cell (page 0: a web page has no pages).
 */
#pragma once
#include "content/content.h"
#include "content/options.h"
#include "input/input.h"

/* Spans beyond these are typos or hostile markup ("rowspan=9999"); the
 * national tables span at most 25 rows and 15 columns. */
#define GK_HTML_MAX_ROWSPAN 64     /* rows */
#define GK_HTML_MAX_COLSPAN 32     /* columns */

GkContent *gk_html_read (const GkInput *input, const GkReadOptions *opts, GError **error);
GkContent *gk_html_read_data (const char *data, gsize len, GError **error);
