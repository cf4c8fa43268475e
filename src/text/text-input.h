/* text-input.h — the text path: text as pdftotext (or a copy from a web
 * page) leaves it, into the shared content model.
 *
 *   gk_text_read     bytes → GkContent (media "text")
 *   gk_text_to_utf8  the bytes as UTF-8 text, decoded as gk_text_read does
 *
 * Method.  Bytes that are not UTF-8 are read as whichever of UTF-8 and
 * GB18030 (the superset of GBK/GB2312 that Chinese sites use) leaves fewer
 * bytes unconverted, those replaced, and warnings say so (a GBK page with
 * one broken pair is still GBK).  HTML character references a crawler
 * left when it cut the tags away (&nbsp;, &ldquo;, &#27665;) are decoded,
 * &nbsp; as a space.  Markdown a converter left (heading and
 * quote marks at a line's start, bold marks, link targets, images) is
 * removed, a link's text kept.  Form feeds count pages; without them, a
 * browser's URL heading or closing every page does.  Page furniture — a
 * lone site URL, page numbers like "- 3 -", "— 3 —", "第3页" — is dropped
 * so a table broken over a page continues as if it were not.  Each line
 * becomes a row: its trailing run of number tokens (a unit token joins the
 * number before it, "15122.275 万元") are the cells, the rest is the
 * label; a line without numbers is a label-only row the matcher gathers.
 * A line rendered with pipes (web-page tables as text) is split at the
 * pipes instead, and its empty fields are blank cells.  A dump in
 * pdftotext's layout mode keeps each number at its column's character
 * position: a row printing fewer numbers than the nearest wide row that
 * prints more, whose columns it falls in, gets blank cells where it prints
 * none (rows near it may leave blanks of their own).  A row whose numbers
 * stand on both lines of its wrapped label takes the second line's cells,
 * each of the first line's numbers in the blank at its column.
 * A line of more than GK_FLAT_LINE_CHARS characters is a web page a
 * crawler kept as one line: it is cut into sentences (at 。), blocks (at
 * white space before a word) and, in a piece that is no sentence, the rows
 * of a flattened table (before 二、 / （一） and after each number run; a
 * table run into the next section's first sentence is cut at its heading,
 * gk_text_flat_pieces); each piece is a line and a row of the same line.
 */
#pragma once
#include "content/content.h"

GkContent *gk_text_read (const char *data, gsize len, GError **error);
/* UTF-8, else GB18030, else invalid bytes replaced; a warning goes into
 * content when it is not NULL.  Line numbers are those gk_text_read counts. */
char *gk_text_to_utf8 (const char *data, gsize len, GkContent *content);

/* Markdown a converter leaves in a page's text (a crawler that keeps pages
 * as Markdown): a heading's or quote's marks at the line's start, bold
 * marks, a link's target and an image are no part of the report's words;
 * removed in place, the link's text kept. */
void gk_text_strip_markdown (char *line);

/* One over-long line cut into sentences, blocks and flattened table rows
 * (char* pieces, white space trimmed). */
GPtrArray *gk_text_flat_pieces (const char *line);
/* The pieces a line is read as: a line over GK_FLAT_LINE_CHARS characters
 * (a crawled page's text on one line, in a text file or one paragraph of a
 * web page) cut by gk_text_flat_pieces; NULL for a line of ordinary length. */
GPtrArray *gk_text_long_line_pieces (const char *line);
