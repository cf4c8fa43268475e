/* layout.h — a page's words and rules → reading-order lines and table rows.
 *
 *   gk_layout_page          one GkPage → lines and rows appended to a GkContent
 *   gk_layout_table_bands   where on a page tables may be (to render only there)
 *
 * Method.  Words are grouped into visual lines (vertical overlap), lines
 * read top to bottom.  Words inside a ruled table (grid.h) go to their
 * cell; a cell's lines are joined top to bottom, so vertical text in a
 * narrow cell (结/果/维/持) and wrapped labels read whole.  Each grid row
 * becomes a GkRow: the label is the text of the cells left of the value
 * columns (a vertically merged label cell gives its text once, to the
 * first row it spans); the cells are the value cells left to right,
 * blanks included with raw "" and grid_cell = TRUE, each with its page,
 * box and method.  The value columns start at the leftmost column where a
 * cell holds a number; in a table with no number, at the columns blank in
 * every row below their header.  A row whose label cells are blank while
 * its value cells span several base rows (a rule across the label columns
 * only, inside the row) takes the labels that start within that span, no
 * value cell starting there.  A row whose value cells hold words that are not
 * numbers is a header row and becomes a label-only row.  Text outside
 * grids (prose, headings, tables without rules) is split like the text
 * path (gk_line_to_row), but each cell keeps its own box.  Page
 * furniture (URLs, page numbers) is dropped, so a table broken over a
 * page continues in content->rows as if it were not.  A page break inside
 * a row leaves the row's rest at the top of the next page: a first table
 * row there whose value cells are all blank, as many as the previous
 * page's last row has, and whose label does not open a row (一、 （三） 1.)
 * is that rest, and its label text joins the previous row's label.  The
 * other way round (a row's figures left at the foot with no label, its
 * label set at the next page's head over blank cells, after the header
 * repeated), the label opening a row goes to the figures.
 */
#pragma once
#include "content/content.h"
#include "page/page.h"

/* Lines whose words overlap vertically by this share of the lower word are one line. */
#define GK_LAYOUT_LINE_OVERLAP 0.5
/* A gap wider than this share of the line height between words is a space
 * (poppler breaks words at about a tenth of the font size). */
#define GK_LAYOUT_SPACE_GAP 0.1

void gk_layout_page (const GkPage *page, GkContent *content);

/* Vertical bands (GkRect, full page width) around lines that carry numbers
 * set off as cells (a lone number too, not the page's own), widened to take
 * in a table's header rows; overlapping bands merged.  Empty when the page has no table-like lines. */
GArray *gk_layout_table_bands (const GkPage *page);
