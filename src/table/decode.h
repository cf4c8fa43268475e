/* decode.h — the text-dump decoder: a table section's numbers placed on the
 * template grid, whatever order the producer printed them in.
 *
 *   (the grid it lays them on: template-grid.h)
 *   gk_decode_tokens_unused      numbers of a section a reading leaves out
 *   gk_decode_section            content rows → one cell (or none) per grid cell
 *   gk_decode_trailing_cells     a table's numbers printed after the next heading
 *   gk_decode_apart_cells        …or among its header blocks, as bare blocks
 *
 * Method.  pdftotext's default mode keeps no trace of the table's geometry:
 * a section comes out as a stream of number tokens, in an order that depends
 * on the producer (row by row; two or three rows column by column or in
 * strips of columns; whole columns as runs of lines; labels first and the
 * numbers after them), broken by page furniture.  The decoder takes the
 * template's grid as known and lays the stream onto it with a shortest-path
 * search whose steps place a row, a band of rows read by columns (rows
 * stacked: never the column groups of one printed row, table 四's, which
 * stand side by side) or strips,
 * a corner (a few rows of one page, of any blocks, whose top-left cells in
 * a staircase come first, then the rest of them: pdftotext reading a short
 * table by height beside a tall label; or one row turned round, its later
 * cells first, then the line that begins its label with its first cells,
 * which the print alone shows), or drop a stray token (between
 * rows or inside one).  A step costs the
 * layout evidence against it (tokens printed together put in cells that are
 * not neighbours — on one line, more than a misprint —, a departure from row order, a strip's run of a row's
 * cells broken by text naming no row (a strip prints each row's part in one
 * run), a dropped token, a token
 * under another column's header — printed above it, or under its row's
 * label —, a number printed right after the label naming its row read in
 * a later column of it than its first cells, or a sign, plus or minus, in
 * a column of counts); the
 * identities are judged on each whole placement as the misprints it takes to
 * explain them (a wrong part with the total summed from it is one misprint),
 * so a published error is evidence, never bent into agreement.  Every
 * placement within reach of the cheapest is walked: a cell on which they all
 * agree is read, a cell on which they differ is left unread and marked
 * ambiguous (output.md, "what a text dump cannot place"); when the cheapest
 * reads bands or strips, those dearer only by the rarity of their order
 * (strips rather than columns) vote too, since rarity is no evidence; when
 * they are too many to walk, those cheapest by their steps alone are,
 * judged alike, a row of theirs that breaks its own sums not read (where
 * those take misprints, they are
 * walked again up to the cost the cheapest came to, the options keeping
 * the identities first: a placement dearer by its steps that keeps them
 * — two rows read down, not across — is found); a walk that gave up has
 * found no cheapest, so the dear placements it met first do not make the
 * table's layout unknown.
 * Two misprints that one swap of two numbers of a column explains (each
 * the other's figure) are two cells printed out of order, not two
 * published errors: both cells are ambiguous.  So are the cells a number
 * moved back to its place changes, where that one move makes every
 * identity of a table of at most MOVE_MAX_CELLS cells hold that two
 * misprints or more broke (table 四's first 总计 printed after the next
 * group's cells), or that one stray number taken out and one cell left
 * unprinted change, the numbers between shifting one cell.
 * Rows paired in order with the numbers after a block of their labels, a
 * row's worth each, that no identity judges (table 二's) may as well be
 * read column by column: a cell the two readings give different values is
 * ambiguous.
 * A cell narrower than its number prints it over lines, a piece each: a
 * band's strip of one column may join pieces into its cells, each grouping
 * a step of its own, judged by the identities like any placement.  Where a
 * table printed its numbers first and then its label column as a block, a
 * row's wrapped edge cells may have gone with its label: a row may be read
 * without its first or last cell (left unread; not where the row and that
 * number stand on one line: it went with no label; its first, where its
 * label alone stands right before that number, at a misprint's cost), and
 * a number printed among
 * the labels of rows already placed is cheap to leave out; together they
 * cost more than a misprint, so no published error is explained away.
 * The numbers so left out (but a page's number: also one printed far
 * below its row, beside a tall group label, as Qt WebKit prints the first
 * row's total) fill those edge cells, in order and joined as
 * pieces, where one grouping alone makes the rows' identities hold.
 * A placement that needs more misprints than a table holds leaves those
 * rows unread.  When no placement comes near a table's layout, the decoder
 * tries each page's rows printed in two strips of columns (a browser's
 * table wider than pdftotext's flow), or as a staircase corner and the rest
 * (the corner first or last, its columns left to right or right to left —
 * pdftotext taking the header cells above it from the right —, each part a
 * run of the page's tokens that a label or header starts; the staircase the one its rows' own identities
 * and headers explain with a misprint at most against it, found by a shortest path
 * over the rows), each part read by the same steps, then the longest run
 * of first rows a placement explains with every identity holding and no
 * number dropped (page numbers aside: a number left out among them is one
 * of theirs printed apart, and the rows after it, shifted into its row's
 * place, add up as well); else nothing is placed.  Nor is a row where the
 * placement puts a sign in a column of counts (the order read is not
 * the producer's), nor a small block (table 二's pair of rows) where it puts
 * a number under another column's header.  A token the text reader marks as
 * maybe its page's bare number costs little to drop, between rows or where
 * a strip or column of a band ends (the footer of the page the strip
 * ends).  A stream shorter than the grid (blank cells left no token) is
 * placed by the labels before the numbers (or by a wrapped label's head,
 * the numbers printed beside it, whose rest after them names no row again;
 * labels that name no row after a full row keep their numbers out of it,
 * and so do labels followed by another block's column header): a table (or
 * a row) whose printed numbers are all zero is zeros whatever cells they
 * sat in (the rows its text names: where the text stops inside the table,
 * the rows it never names are not read; a stream of dashes for zero, which
 * leave no cell blank, as far as it reaches where no label tells the rows
 * apart), a row printed in part only where
 * its identities leave one reading — and only while the labels follow the
 * print: where numbers no
 * row took remain and the labels came out of the template's order, or
 * those numbers stand under column headers alone (a strip of columns
 * printed apart), a row the labels read in part is not read (its other
 * cells may be among them), unless printed on one line beside its label;
 * with the labels in order, so where a figure (no 0) is left, for the
 * rows named before it or never named;
 * rows with a total named with nothing before the next row's label and
 * numbers (of their block) printed no cell: zeros.  Two rows read as a
 * band (a row's total after the next row's numbers) interleave but never
 * start out of order.  A table whose rows of zeros print a lone 0, none
 * printing zeros side by side, is placed first as printing a 0 only where
 * a cell sums others (a row's 总计, （七）总计's columns); where no placement
 * so keeps every identity, as any table printing its totals.  A number
 * printed with a plus is never a count: a row (or a block of labels) whose
 * pairing puts one in a column of counts is not read.  A strip of numbers
 * under the totals column's header alone, after rows the labels read, is
 * their totals where each row's printed numbers add up to the next one
 * (a row of zeros may print none): the rows hold their other columns only,
 * and so do the rows after it whose totals the section does not print (a
 * total hidden, the sum of its parts, only for the identities across
 * rows).  The rows are then placed together on those identities, the
 * placements breaking none searched first.  A strip under the headers
 * alone of a row's last columns (其他, 总计), after rows the labels read
 * with no more numbers than the columns before those, is those columns
 * printed apart: a row among them whose numbers stand together beside
 * its label fills the columns before in order, the cells every such
 * placement fills alike read (all of them where it printed as many);
 * so do the rows after the last such strip whose own strip the section
 * does not print, where no reading of all their columns adds up.
 * A page of such a stream that printed every cell of the rows
 * its labels name (the rest of the table lost to the next section) is
 * placed alone, on the grid of those rows, by the steps above (the totals
 * column a strip of its own after the page's foot; its strips are tried
 * too where the page read row by row needs misprints): where every row is
 * judged by an identity and no misprint is needed, its rows are read so,
 * unless it moves a row printed whole beside its label (its own total
 * judges a row of zeros anywhere: the print says where).
 * A table whose groups stand side by side, each cell under a header of its
 * own (printed vertically: a character a line, several headers' characters
 * side by side on a line), is read by its headers where every number stands
 * under one naming its column and each column has a number a row: the n-th
 * under a column is the n-th row's, where every identity then holds and the
 * placements leave cells unread or take misprints.
 * Labels pin what the placements (which ignore them) leave two ways: a
 * label naming one row right before exactly that row's numbers, its
 * identities holding, then another row's label; unless some pinned cell is
 * read otherwise for certain (then the labels do not follow the print).
 * Rows the labels leave unread (their labels a block before the numbers)
 * are read by their totals: a row prints its totals even where its zeros
 * are blank, so its numbers end where its parts add up to one; the numbers
 * no read row took are split into the run's rows that way (or the first
 * rows, where every split ends them at one number — not first rows all
 * zero, which fit any cut, unless the row that fails after them is the
 * run's last, a misprint of its own), cut apart where every split cuts
 * alike, and joined on the identities.
 *
 * pdftotext may print a table's last numbers (a strip of its columns) after
 * the next section's heading: those right after it, or after a line of the
 * table's own, are read with the table where they fill its grid with every
 * identity holding and the next section reads as well without them (the
 * caller decides: a section may take a tail and leave cells, GkDecodeExtent).
 * A page that sets the table's last rows beside the next table prints the
 * next table's numbers each under its header's text, and the first table's
 * columns as blocks of bare numbers set off by a blank line from the number
 * before: exactly as many as the table misses, they are read with it alike.
 * A table's last columns may also come before its own heading, set beside
 * it (the previous section ends at the first of its headers: a column
 * group's name, a column's title printed vertically): read after the
 * section's own rows (GkDecodeExtent's lead) where that fills the grid
 * with every identity holding and the order printed fills it no other way.
 *
 * GK_DEBUG_DECODE=1 in the environment prints each section's tokens and the
 * cheapest placements found (their steps and costs), or the tokens the
 * labels give each row, on stderr.
 */
#pragma once
#include "content/content.h"
#include "templates/template.h"
#include "template-grid.h"

/* Number tokens of rows [lo, hi) that are none of cells[0..ncells). */
guint gk_decode_tokens_unused (const GPtrArray *rows, guint lo, guint hi, const GkCell *const *cells, guint ncells);

/* Whether GK_DEBUG_DECODE is set: read once, asked wherever a trace is printed. */
gboolean gk_decode_debugging (void);

typedef struct {
  const GkCell **cells;  /* per grid cell: the cell placed there, or NULL */
  gboolean *ambiguous;   /* per grid cell: cheapest placements disagree */
  gboolean *two_ways;    /* per grid cell: a row's total printed after the
                            next row's parts reads it otherwise (ambiguous) */
  GPtrArray *warnings;   /* GkWarning* */
  GPtrArray *owned;      /* GkCell*: blank cells of rows printed in part (raw "") */
  guint skipped;         /* tokens the placement leaves out (furniture, strays) */
  guint misprints;       /* published errors the cheapest placement needs */
  gboolean unplaceable;  /* no placement comes near a table's layout */
  gboolean by_labels;    /* fewer numbers than cells (blanks for zero): rows
                            placed by their labels, the row reading's
                            column positions are not to be trusted */
  gboolean zero_table;   /* every number 0, the table read as zeros whatever
                            its layout (cells blank but where placed) */
} GkDecoded;

/* Where a section's numbers are other than its rows': pdftotext may print
 * a table's last numbers after the next section's heading, among that
 * section's rows. */
typedef struct {
  guint hi;                /* the tail: rows [the section's hi, hi) */
  const GHashTable *take;  /* GkCell*: the tail's cells read as the section's
                              last numbers; NULL: no tail */
  const GHashTable *leave; /* GkCell*: cells of the section's own rows that
                              another section reads; NULL: none */
  guint lead_lo, lead_hi;  /* rows [lead_lo, lead_hi) before the heading
                              (the table's last columns printed beside it),
                              read after the section's own; none when equal */
} GkDecodeExtent;

/* The cheapest placements of the number tokens of rows [lo, hi) (and of
 * ext, which may be NULL) on the grid; NULL when the section holds no
 * number at all. */
GkDecoded *gk_decode_section (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi, const GkDecodeExtent *ext);

/* The number cells of rows (from, to) — after the next section's heading,
 * at from — that the grid's table may have printed there: right after the
 * heading, or after a line of its own (a column's header, a row's label),
 * up to any other text.  Empty when none. */
GPtrArray *gk_decode_trailing_cells (const GkGrid *grid, const GPtrArray *rows, guint from, guint to);

/* The number cells of rows (from, to) printed apart: blocks of bare numbers
 * (no text) set off by a blank line from the number printed before them,
 * as a table's columns printed beside the next table's header blocks come
 * out.  Empty when none. */
GPtrArray *gk_decode_apart_cells (const GPtrArray *rows, guint from, guint to);
void gk_decoded_free (GkDecoded *dec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkDecoded, gk_decoded_free)
