/* text-input.c — see text-input.h. */
#include "text-input.h"
#include "common/gk-error.h"
#include "common/gk-number.h"
#include "common/gk-text.h"
#include "content/line-row.h"
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include "html/xml-lib.h"  /* last: its macros name the library calls */

/* A line this long is no visual line but a web page's text kept on one
 * line by a crawler (templates.md §6.4), or a browser's PDF page that
 * pdfminer runs into one line (some 500 characters; a dump's visual lines
 * hold well under 300): its sentences, headings and flattened table rows
 * are cut apart before anything reads it. */
#define GK_FLAT_LINE_CHARS 400

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */;
}

/* A digit as a page prints it: ASCII or full width (０–９). */
static gboolean
is_digit (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static gboolean
is_cjk_numeral (gunichar c)
{
  return c && g_utf8_strchr ("一二三四五六七八九十", -1, c) != NULL;
}

/* At u[i]: a heading or row number of the national tables, 二、 or （一）
 * (not 第（一）项, which is inside a label). */
static gboolean
starts_numbered_label (const gunichar *u, glong n, glong i)
{
  if (i > 0 && u[i - 1] == 0x7B2C /* 第 */)
    return FALSE;
  gboolean paren = u[i] == 0xFF08 /* （ */ || u[i] == '(';
  glong k = i + paren;
  glong start = k;
  while (k < n && is_cjk_numeral (u[k]))
    k++;
  if (k == start || k - start > 3 || k >= n)
    return FALSE;
  return paren ? (u[k] == 0xFF09 /* ） */ || u[k] == ')') : u[k] == 0x3001 /* 、 */;
}

/* Where a unit word written after a number at u[k] (white space before
 * it allowed: "6051115 元", "15122.275 万元") ends; k when there is none. */
static glong
unit_after_number (const gunichar *u, glong n, glong k)
{
  if (k == 0 || !is_digit (u[k - 1]))
    return k;
  glong j = k;
  while (j < n && gk_text_is_space_char (u[j]))
    j++;
  glong e = j;
  while (e < n && !gk_text_is_space_char (u[e]) && e - j < 2)
    e++;
  for (; e > j; e--)
    {
      g_autofree char *word = g_ucs4_to_utf8 (u + j, e - j, NULL, NULL, NULL);
      if (word && gk_number_is_unit_token (word))
        return e;
    }
  return k;
}

/* Part of a number run as a flattened row leaves it: digits, a sign or a
 * decimal point between digits, spaces between digits, and the unit that
 * closes a cell (元, %). */
static glong
number_run_end (const gunichar *u, glong n, glong i)
{
  glong k = i;
  while (k < n)
    {
      if (is_digit (u[k]))
        k++;
      else if ((u[k] == '.' || u[k] == 0xFF0E || u[k] == '-' || u[k] == 0xFF0D || gk_text_is_space_char (u[k])) && k + 1 < n
               && is_digit (u[k + 1]) && k > i)
        k++;
      else
        break;
    }
  glong unit = unit_after_number (u, n, k);
  if (unit > k)
    return unit;
  while (k < n && (u[k] == 0x5143 /* 元 */ || u[k] == '%' || u[k] == 0xFF05))
    k++;
  return k;
}

static void
add_piece (GPtrArray *out, const gunichar *u, glong from, glong to)
{
  g_autofree char *s = g_ucs4_to_utf8 (u + from, to - from, NULL, NULL, NULL);
  if (s && *g_strstrip (s))
    g_ptr_array_add (out, g_steal_pointer (&s));
}

/* A dash a table prints for zero (—, －): a cell of its own. */
static gboolean
is_placeholder_dash (gunichar c)
{
  return c == 0x2014 || c == 0xFF0D;
}

/* A count's unit between two numbers of a flattened row ("1个246900元":
 * 采购项目数量 1 个, 采购总金额 246900 元): it parts two cells. */
static gboolean
unit_parts_cells (const gunichar *u, glong to, glong k)
{
  return k > 0 && k + 1 < to && g_utf8_strchr ("个件项", -1, u[k]) && is_digit (u[k - 1]) && is_digit (u[k + 1]);
}

/* add_piece for a piece of a flattened table: a dash printed for zero
 * beside a number or another dash is a cell of its own, set apart
 * ("41723————440" → "41723 — — — — 440"), as a row whose cells are
 * digits alone runs together (the row reading splits those). */
static void
add_table_piece (GPtrArray *out, const gunichar *u, glong from, glong to)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (glong i = from; i < to; i++)
    {
      gboolean dash = is_placeholder_dash (u[i])
                      && ((i > from && (is_digit (u[i - 1]) || is_placeholder_dash (u[i - 1])))
                          || (i + 1 < to && (is_digit (u[i + 1]) || is_placeholder_dash (u[i + 1]))));
      if (dash && s->len && s->str[s->len - 1] != ' ')
        g_string_append_c (s, ' ');
      if (unit_parts_cells (u, to, i))
        g_string_append_c (s, ' ');
      else
        g_string_append_unichar (s, u[i]);
      if (dash)
        g_string_append_c (s, ' ');
    }
  g_strstrip (s->str);
  if (*s->str)
    g_ptr_array_add (out, g_strdup (s->str));
}

/* A piece that is no sentence (a flattened table): cut before each
 * numbered label and after each number run, where the next row's label
 * begins ("规章007规范性文件121230" → "规章007" · "规范性文件121230"; a
 * number before 年/月/日 is a date, as in a title or a header); a
 * list number glued to the run before it ("00000002.其他…") goes with
 * the label it numbers. */
static void
split_table_piece (GPtrArray *out, const gunichar *u, glong from, glong to)
{
  glong start = from;
  for (glong i = from; i < to;)
    {
      if (i > start && starts_numbered_label (u, to, i))
        {
          add_table_piece (out, u, start, i);
          start = i;
        }
      if (!is_digit (u[i]))
        {
          i++;
          continue;
        }
      glong end = number_run_end (u, to, i);
      if (end >= to)
        break;
      gunichar next = u[end];
      if ((next == '.' || next == 0xFF0E || next == 0x3001) && end + 1 < to && gk_text_is_ideograph (u[end + 1]))
        {
          /* "…00000002.其他": the last digit numbers the next label; so
           * does a lone digit after a dash for zero ("—————7.属于…") */
          if (end - 1 > i && start < end - 1)
            {
              add_table_piece (out, u, start, end - 1);
              start = end - 1;
            }
          else if (end - 1 == i && i > start && is_placeholder_dash (u[i - 1]))
            {
              add_table_piece (out, u, start, i);
              start = i;
            }
        }
      else if (((gk_text_is_ideograph (next) && !g_utf8_strchr ("年月日", -1, next)) || next == 0xFF08 || next == '(')
               && !unit_parts_cells (u, to, end))
        {
          add_table_piece (out, u, start, end);
          start = end;
        }
      i = end + 1;
    }
  add_table_piece (out, u, start, to);
}

/* In a sentence [from, to): where the last section heading glued to a
 * number (or a dash for zero) before it (…110024001510102五、存在的主要问题…。) begins, the
 * end of a flattened table the sentence is run into; else from. */
static glong
glued_table_end (const gunichar *u, glong from, glong to)
{
  for (glong i = to - 1; i > from; i--)
    if ((is_digit (u[i - 1]) || is_placeholder_dash (u[i - 1])) && starts_numbered_label (u, to, i)
        && u[i] != 0xFF08 && u[i] != '(')
      return i;
  return from;
}

GPtrArray *
gk_text_flat_pieces (const char *line)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  glong n = 0;
  g_autofree gunichar *u = g_utf8_to_ucs4_fast (line, -1, &n);
  /* sentences end at 。, blocks at white space before a word (white space
   * before a digit may part two cells of a row) */
  glong start = 0;
  for (glong i = 0; i <= n; i++)
    {
      gboolean cut = i == n;
      glong next = i + 1;
      if (!cut && is_sentence_end (u[i]))
        cut = TRUE;
      else if (!cut && gk_text_is_space_char (u[i]))
        {
          glong k = i;
          while (k < n && gk_text_is_space_char (u[k]))
            k++;
          /* nor before the unit of the number before it */
          cut = k < n && !is_digit (u[k]) && unit_after_number (u, n, i) == i;
          next = k;
        }
      if (!cut)
        continue;
      glong end = i < n && is_sentence_end (u[i]) ? i + 1 : i;
      glong table_end = end > start && is_sentence_end (u[end - 1]) ? glued_table_end (u, start, end) : start;
      if (table_end > start)
        {
          /* a flattened table ran into the next section's first sentence */
          split_table_piece (out, u, start, table_end);
          add_piece (out, u, table_end, end);
        }
      else if (end > start && is_sentence_end (u[end - 1]))
        add_piece (out, u, start, end);
      else if (end > start)
        split_table_piece (out, u, start, end);
      start = next;
      i = next - 1;
    }
  return out;
}

char *
gk_text_to_utf8 (const char *data, gsize len, GkContent *content)
{
  const char *charset = NULL;
  gsize bad = 0;
  char *text = gk_text_utf8_or_gb18030 (data, len, NULL, &charset, &bad);
  if (content && strcmp (charset, "GB18030") == 0)
    gk_content_warn (content, "encoding_gb18030", 0, "text is not UTF-8; read as GB18030");
  if (content && bad)
    gk_content_warn (content, "invalid_utf8", 0, "%" G_GSIZE_FORMAT " bytes not valid %s replaced", bad, charset);
  return text;
}

typedef struct {
  char *text;          /* trimmed, inside the decoded text */
  int page;
  int lineno;
  int indent;                  /* characters of white space trimmed off its start */
  gboolean page_number;        /* surely the page's printed number: dropped */
  gboolean maybe_page_number;  /* one of several lines that may be */
} TextLine;

/* Rows this many before or after a row may show its table's columns. */
#define LAYOUT_ROWS_NEAR 40
/* Columns a row must print to set a table's columns: a wide grid (table
 * 三's seven), not the one to three of table 二's blocks, whose numbers
 * line up across blocks of different columns. */
#define LAYOUT_MIN_COLUMNS 5
/* Characters a token may stand off a column and still be read as shifted
 * from it, not as a column of its own (columns stand wider apart). */
#define LAYOUT_OFF_COLUMN 3

/* Whether each of row's numbers stands min_gap spaces or more after what
 * precedes it (the first, first_gap), none holding a space. */
static gboolean
row_numbers_apart (const GkRow *row, int first_gap, int min_gap)
{
  for (guint k = 0; k < row->cells->len; k++)
    {
      const GkCell *cell = row->cells->pdata[k];
      if (cell->text_col < 0 || cell->text_gap < (k ? min_gap : first_gap) || strchr (cell->raw, ' '))
        return FALSE;
    }
  return row->cells->len > 0;
}

/* A row whose cells stand apart as a layout dump sets a table's columns
 * (pdftotext -layout: two or more spaces before each). */
static gboolean
row_in_columns (const GkRow *row)
{
  return row_numbers_apart (row, 2, 2);
}

/* A row set in columns but for its first number, a space from its label
 * (a long label squeezes it): its columns are not proven by it, but it
 * stands in a table's columns where its numbers fall in them. */
static gboolean
row_in_columns_after_label (const GkRow *row)
{
  return row->cells->len && *row->label && ((const GkCell *) row->cells->pdata[0])->text_gap == 1
         && row_numbers_apart (row, 1, 2);
}

/* A row whose numbers stand a space apart or more: two narrow columns of
 * a squeezed table print a space apart.  Such a row proves no column; it
 * stands in a table's columns where each of its numbers falls in one that
 * other rows print (table_columns). */
static gboolean
row_in_close_columns (const GkRow *row)
{
  /* a line of numbers alone may start at its first character */
  return row_numbers_apart (row, *row->label ? 1 : 0, 1);
}

/* The character column a token ends at (its last character's). */
static int
cell_end_col (const GkCell *cell)
{
  return cell->text_col + (int) g_utf8_strlen (cell->raw, -1) - 1;
}

/* Whether two tokens of a layout dump stand in one column: their starts
 * within a character.  (Ends or middles would join more of a dump whose
 * numbers are set right, but a text browser's table, set by display width,
 * then joins tokens of neighbouring columns.) */
static gboolean
same_column (const GkCell *a, const GkCell *b)
{
  return ABS (a->text_col - b->text_col) <= 1;
}

/* Whether two rows' totals stand in one column: their starts or their ends
 * within a character (the last column's numbers, of every width, are set
 * against the table's right edge or from its column's left). */
static gboolean
same_total (const GkCell *a, const GkCell *b)
{
  return same_column (a, b) || ABS (cell_end_col (a) - cell_end_col (b)) <= 1;
}

/* Whether cell stands in fuller's k-th column: their starts within a
 * character, or their ends where no other of fuller's tokens is near
 * (a table set right: a short number ends under a long one). */
static gboolean
in_fuller_column (const GkRow *fuller, guint k, const GkCell *cell)
{
  if (same_column (fuller->cells->pdata[k], cell))
    return TRUE;
  if (ABS (cell_end_col (fuller->cells->pdata[k]) - cell_end_col (cell)) > 1)
    return FALSE;
  for (guint j = 0; j < fuller->cells->len; j++)
    {
      const GkCell *other = fuller->cells->pdata[j];
      if (j != k && (same_column (other, cell) || ABS (cell_end_col (other) - cell_end_col (cell)) <= 1))
        return FALSE;
    }
  return TRUE;
}

/* Whether each cell of row stands in a distinct column of fuller, in
 * order; the columns in at (row's length) unless NULL. */
static gboolean
columns_cover (const GkRow *fuller, const GkRow *row, guint *at)
{
  guint k = 0;
  for (guint c = 0; c < row->cells->len; c++)
    {
      const GkCell *cell = row->cells->pdata[c];
      while (k < fuller->cells->len && !in_fuller_column (fuller, k, cell)
             && cell_end_col (fuller->cells->pdata[k]) < cell->text_col)
        k++;
      if (k == fuller->cells->len || !in_fuller_column (fuller, k, cell))
        return FALSE;
      if (at)
        at[c] = k;
      k++;
    }
  return TRUE;
}

static const GkCell *
last_cell (const GkRow *row)
{
  return row->cells->pdata[row->cells->len - 1];
}

static void
ptr_array_unref_maybe (gpointer a)
{
  if (a)
    g_ptr_array_unref (a);
}

/* Whether cell stands in the column whose tokens are col's, as same tells
 * two tokens of one column (same_column; same_total for the totals). */
static gboolean
column_holds (const GPtrArray *col, const GkCell *cell, gboolean (*same) (const GkCell *, const GkCell *))
{
  for (guint m = 0; m < col->len; m++)
    if (same (col->pdata[m], cell))
      return TRUE;
  return FALSE;
}

static gboolean
in_column (const GPtrArray *col, const GkCell *cell)
{
  return column_holds (col, cell, same_column);
}

static gboolean
in_total_column (const GPtrArray *col, const GkCell *cell)
{
  return column_holds (col, cell, same_total);
}

static gint
column_cmp (gconstpointer a, gconstpointer b)
{
  const GPtrArray *x = *(const GPtrArray *const *) a, *y = *(const GPtrArray *const *) b;
  int cx = ((const GkCell *) x->pdata[0])->text_col, cy = ((const GkCell *) y->pdata[0])->text_col;
  return (cx > cy) - (cx < cy);
}

/* Whether row, its first number starting at first_start (in whatever
 * measure col is), prints its label where a column starting at col
 * stands: no column of its table's (a row a renderer set off the others'
 * columns). */
static gboolean
label_under_column_at (const GkRow *row, int first_start, int col)
{
  return *row->label && col < first_start - ((const GkCell *) row->cells->pdata[0])->text_gap;
}

static gboolean
label_under_column (const GkRow *row, int col)
{
  return label_under_column_at (row, ((const GkCell *) row->cells->pdata[0])->text_col, col);
}

/* Whether the column of cols that holds cell holds another row's token
 * too. */
static gboolean
column_printed_by_others (const GPtrArray *cols, const GkCell *cell)
{
  for (guint q = 0; q < cols->len; q++)
    if (g_ptr_array_find (cols->pdata[q], cell, NULL))
      return ((const GPtrArray *) cols->pdata[q])->len >= 2;
  return FALSE;
}

/* Whether a row of rows[lo, hi) prints tokens where a and b start, each
 * apart (same_column): the two are columns of their own, however close. */
static gboolean
printed_together (const GPtrArray *rows, guint lo, guint hi, const GkCell *a, const GkCell *b)
{
  for (guint j = lo; j < hi; j++)
    {
      const GkRow *r = rows->pdata[j];
      gboolean at_a = FALSE, at_b = FALSE;
      for (guint k = 0; k < r->cells->len; k++)
        {
          const GkCell *cell = r->cells->pdata[k];
          if (cell->text_col < 0 || strchr (cell->raw, ' '))
            continue;
          if (same_column (cell, a))
            at_a = TRUE;
          else if (same_column (cell, b))
            at_b = TRUE;
        }
      if (at_a && at_b)
        return TRUE;
    }
  return FALSE;
}

/* Whether some token of row but its total stands a few characters off a
 * column of cols and in none: a row printed shifted (its label pushing
 * its numbers right), no row of those columns.  A column of its own
 * stands further, or where a row of the table, rows[lo, hi), prints in
 * both (a squeezed table's narrow columns stand close). */
static gboolean
row_off_columns (const GPtrArray *cols, const GkRow *row, const GPtrArray *rows, guint lo, guint hi)
{
  for (guint k = 0; k + 1 < row->cells->len; k++)
    {
      const GkCell *cell = row->cells->pdata[k];
      gboolean in = FALSE, near = FALSE;
      for (guint q = 0; q < cols->len && !in; q++)
        {
          in = in_column (cols->pdata[q], cell);
          const GPtrArray *col = cols->pdata[q];
          for (guint m = 0; m < col->len && !near; m++)
            {
              const GkCell *o = col->pdata[m];
              near = (ABS (o->text_col - cell->text_col) <= LAYOUT_OFF_COLUMN
                      || ABS (cell_end_col (o) - cell_end_col (cell)) <= LAYOUT_OFF_COLUMN)
                     && !printed_together (rows, lo, hi, o, cell);
            }
        }
      if (!in && near)
        return TRUE;
    }
  return FALSE;
}

static gint
distance_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
  int i = (int) *(const guint *) data;
  int x = ABS ((int) *(const guint *) a - i), y = ABS ((int) *(const guint *) b - i);
  return (x > y) - (x < y);
}

/* Whether a line opens a report's section ("三、收到和处理…": a numeral
 * of one to three characters and 、 first). */
static gboolean
opens_section (const char *label)
{
  static const char numerals[] = "一二三四五六七八九十";
  const char *p = label;
  while (*p == ' ')
    p++;
  guint n = 0;
  for (; *p; p = g_utf8_next_char (p), n++)
    {
      char one[8] = { 0 };
      g_unichar_to_utf8 (g_utf8_get_char (p), one);
      if (!strstr (numerals, one))
        break;
    }
  return n >= 1 && n <= 3 && g_str_has_prefix (p, "、");
}

/* Whether rows[j] is a section's heading: it opens one and holds no
 * number, nor is followed by a line of numbers alone (a table row's label
 * "二、上年结转…" set over its numbers is no heading). */
static gboolean
section_heading_at (const GPtrArray *rows, guint j)
{
  const GkRow *r = rows->pdata[j];
  if (r->cells->len || !opens_section (r->label))
    return FALSE;
  const GkRow *next = j + 1 < rows->len ? rows->pdata[j + 1] : NULL;
  return !next || *next->label || !next->cells->len;
}

/* The rows [*lo, *hi) around row i that may be its table's: within
 * LAYOUT_ROWS_NEAR, on its page, not past a section's heading. */
static void
table_window (const GPtrArray *rows, guint i, guint *lo, guint *hi)
{
  int page = ((const GkRow *) rows->pdata[i])->label_src.page;
  guint a = i, b = i + 1;
  while (a > 0 && i - (a - 1) <= LAYOUT_ROWS_NEAR
         && ((const GkRow *) rows->pdata[a - 1])->label_src.page == page && !section_heading_at (rows, a - 1))
    a--;
  while (b < rows->len && b - i <= LAYOUT_ROWS_NEAR && ((const GkRow *) rows->pdata[b])->label_src.page == page
         && !section_heading_at (rows, b))
    b++;
  *lo = a, *hi = b;
}

/* Whether a row prints a placeholder for a zero (a dash): a table that
 * does leaves few blanks, and a dash stands wherever in its cell. */
static gboolean
row_prints_placeholder (const GkRow *row)
{
  for (guint k = 0; k < row->cells->len; k++)
    if (gk_number_parse (((const GkCell *) row->cells->pdata[k])->raw, GK_COLUMN_COUNT).kind == GK_NUMBER_PLACEHOLDER)
      return TRUE;
  return FALSE;
}

/* The columns of the table row i stands in, as the rows around it print
 * them: each row in columns that ends in row i's last column (a row's
 * total is printed, blank zeros or not), up and down its table_window
 * until a row of two numbers or more that ends elsewhere (another
 * table's).  A column is the tokens that stand in it; NULL where a row's
 * two tokens fall in one column or a token in two (the rows are no one
 * grid), or where the columns are no more than the row prints or too few
 * for table 三. */
static GPtrArray *
table_columns (const GPtrArray *rows, const gboolean *in_columns, const gboolean *placeholder, guint i)
{
  const GkCell *last = last_cell (rows->pdata[i]);
  g_autoptr (GArray) around = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (around, i);
  guint lo, hi;
  table_window (rows, i, &lo, &hi);
  for (int dir = -1; dir <= 1; dir += 2)
    for (int j = (int) i + dir; j >= (int) lo && j < (int) hi; j += dir)
      {
        const GkRow *r = rows->pdata[j];
        if (!in_columns[j])
          continue;
        if (same_total (last_cell (r), last))
          g_array_append_val (around, j);
        else if (r->cells->len >= 2)
          break;
      }
  /* a table that prints placeholders for its zeros leaves few blanks, and
   * a dash stands wherever in its cell: its columns are its full rows' */
  for (guint a = 0; a < around->len; a++)
    if (placeholder[g_array_index (around, guint, a)])
      return NULL;
  /* the nearest rows set the columns first */
  g_array_sort_with_data (around, distance_cmp, &i);
  /* the totals apart (each row's last token, in the total column by
   * same_total), the other tokens in columns of their own */
  g_autoptr (GPtrArray) cols = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *totals = g_ptr_array_new ();
  g_ptr_array_add (cols, totals);
  for (guint a = 0; a < around->len; a++)
    {
      const GkRow *r = rows->pdata[g_array_index (around, guint, a)];
      guint first_new = cols->len;
      if (row_off_columns (cols, r, rows, lo, hi))
        {
          g_array_remove_index (around, a--);
          continue;
        }
      g_ptr_array_add (totals, (gpointer) last_cell (r));
      g_autofree gboolean *taken = g_new0 (gboolean, cols->len + r->cells->len);
      for (guint k = 0; k + 1 < r->cells->len; k++)
        {
          GkCell *cell = r->cells->pdata[k];
          if (in_total_column (totals, cell))
            return NULL;
          int at = -1;
          for (guint q = 1; q < first_new; q++)
            if (in_column (cols->pdata[q], cell))
              {
                if (at >= 0 || taken[q])
                  return NULL;
                at = (int) q;
              }
          if (at < 0)
            {
              g_ptr_array_add (cols, g_ptr_array_new ());
              at = (int) cols->len - 1;
            }
          taken[at] = TRUE;
          g_ptr_array_add (cols->pdata[at], cell);
        }
    }
  g_ptr_array_sort (cols, column_cmp);
  /* the totals' column last; no column that a row printing all of them
   * alone prints (a count is printed in its row and in a total's: that row
   * is set off the others' columns), nor where a row prints its label;
   * each row's tokens in order of the columns, one a column */
  if (cols->pdata[cols->len - 1] != totals)
    return NULL;
  for (guint q = 0; q < cols->len; q++)
    if (((GPtrArray *) cols->pdata[q])->len < 2)
      for (guint a = 0; a < around->len; a++)
        {
          const GkRow *r = rows->pdata[g_array_index (around, guint, a)];
          if (r->cells->len == cols->len && g_ptr_array_find (r->cells, ((GPtrArray *) cols->pdata[q])->pdata[0], NULL))
            return NULL;
        }
  int first_col = G_MAXINT;
  for (guint m = 0; m < ((GPtrArray *) cols->pdata[0])->len; m++)
    first_col = MIN (first_col, ((const GkCell *) ((GPtrArray *) cols->pdata[0])->pdata[m])->text_col);
  for (guint a = 0; a < around->len; a++)
    {
      const GkRow *r = rows->pdata[g_array_index (around, guint, a)];
      if (label_under_column (r, first_col))
        return NULL;
      guint q = 0;
      for (guint k = 0; k + 1 < r->cells->len; k++, q++)
        {
          while (q + 1 < cols->len && !in_column (cols->pdata[q], r->cells->pdata[k]))
            q++;
          if (q + 1 == cols->len)
            return NULL;
        }
    }
  const GkRow *row = rows->pdata[i];
  if (cols->len < LAYOUT_MIN_COLUMNS || cols->len <= row->cells->len)
    return NULL;
  if (!in_columns[i] && !row_in_columns_after_label (row))
    for (guint k = 0; k + 1 < row->cells->len; k++)
      if (!column_printed_by_others (cols, row->cells->pdata[k]))
        return NULL;
  return g_steal_pointer (&cols);
}

/* The columns of the nearest row of its table_window that prints more
 * than row i and whose columns it falls in, each column that row's token;
 * NULL when none. */
static GPtrArray *
fuller_row_columns (const GPtrArray *rows, const gboolean *in_columns, guint i)
{
  const GkRow *row = rows->pdata[i];
  const GkRow *best = NULL;
  guint best_dist = 0;
  guint lo, hi;
  table_window (rows, i, &lo, &hi);
  for (guint j = lo; j < hi; j++)
    {
      const GkRow *s = rows->pdata[j];
      guint dist = j > i ? j - i : i - j;
      /* it must print more, each of the row's under one of its columns,
       * and end in the row's last one (a row's total is printed, blank
       * zeros or not); a wide row that prints blanks too is no measure */
      if (j == i || s->cells->len < LAYOUT_MIN_COLUMNS || !in_columns[j] || s->cells->len <= row->cells->len
          || !columns_cover (s, row, NULL) || !same_column (last_cell (s), last_cell (row))
          || label_under_column (row, ((const GkCell *) s->cells->pdata[0])->text_col))
        continue;
      /* the nearest such row is the table's; of two as near, the fuller */
      if (!best || dist < best_dist || (dist == best_dist && s->cells->len > best->cells->len))
        best = s, best_dist = dist;
    }
  if (!best)
    return NULL;
  /* a table that prints placeholders for its zeros leaves no blank cell:
   * a row printing fewer numbers than such a row is cut, not blank */
  if (row_prints_placeholder (best))
    return NULL;
  GPtrArray *cols = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint k = 0; k < best->cells->len; k++)
    {
      GPtrArray *col = g_ptr_array_new ();
      g_ptr_array_add (col, best->cells->pdata[k]);
      g_ptr_array_add (cols, col);
    }
  /* the row's own tokens join the columns they stand in (by their ends) */
  g_autofree guint *at = g_new (guint, row->cells->len);
  columns_cover (best, row, at);
  for (guint c = 0; c < row->cells->len; c++)
    g_ptr_array_add (cols->pdata[at[c]], row->cells->pdata[c]);
  return cols;
}

/* Gives row a cell for each of ncols columns, each proven as a ruled
 * grid's: its k-th number in column at[k] (-1: none, the number dropped),
 * a blank starting at start[q] in each column no number goes to. */
static void
row_fill_columns (GkRow *row, guint ncols, const int *start, const int *at)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_cell_free);
  guint c = 0;
  for (guint q = 0; q < ncols; q++)
    {
      GkCell *cell;
      if (c < row->cells->len && at[c] == (int) q)
        cell = g_steal_pointer (&row->cells->pdata[c++]);
      else
        {
          cell = gk_cell_new ("", &row->label_src);
          cell->text_col = start[q];
        }
      cell->grid_cell = TRUE;
      g_ptr_array_add (cells, cell);
    }
  g_ptr_array_unref (row->cells);
  row->cells = cells;
}

static gint
int_cmp (gconstpointer a, gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

/* Whether a row prints a number other than 0. */
static gboolean
row_prints_nonzero (const GkRow *row)
{
  for (guint k = 0; k < row->cells->len; k++)
    {
      GkNumber num = gk_number_parse (((const GkCell *) row->cells->pdata[k])->raw, GK_COLUMN_COUNT);
      if ((num.kind == GK_NUMBER_INT && num.i != 0) || (num.kind == GK_NUMBER_DOUBLE && num.d != 0.0))
        return TRUE;
    }
  return FALSE;
}

/* The index of the column of cols (starts, ascending) starting at col,
 * -1 when none does. */
static int
exact_column_at (const GArray *cols, int col)
{
  for (guint q = 0; q < cols->len; q++)
    if (g_array_index (cols, int, q) == col)
      return (int) q;
  return -1;
}

/* Whether row's first number stands before the first of cols, in the
 * label column (a renderer that lost a cell spanning rows sets the row a
 * column left: lynx's （七）总计). */
static gboolean
row_set_column_left (const GkRow *row, const GArray *cols)
{
  return ((const GkCell *) row->cells->pdata[0])->text_col < g_array_index (cols, int, 0);
}

/* Whether a row of rows[lo, hi) prints numbers starting at a and at b:
 * two columns, however close, not one a layout jitters. */
static gboolean
starts_printed_together (const GPtrArray *rows, guint lo, guint hi, int a, int b)
{
  for (guint j = lo; j < hi; j++)
    {
      const GkRow *r = rows->pdata[j];
      gboolean at_a = FALSE, at_b = FALSE;
      for (guint k = 0; k < r->cells->len; k++)
        {
          int col = ((const GkCell *) r->cells->pdata[k])->text_col;
          at_a |= col == a, at_b |= col == b;
        }
      if (at_a && at_b)
        return TRUE;
    }
  return FALSE;
}

/* The columns of a table set a character a cell with each number at its
 * cell's start (a text browser: lynx), from the rows of rows[lo, hi): the
 * starts two rows or more print a number at, where every number of every
 * row with numbers stands at one of them (or, a row's first, before them:
 * row_set_column_left), LAYOUT_MIN_COLUMNS of them or more, and a row
 * prints in the first and the last.  No start may stand a character off
 * another, nor within LAYOUT_OFF_COLUMN unless a row prints at both: a
 * layout set right or centred, or rows pushed by their labels, jitter a
 * column's starts.  Where this holds, the columns need no row that prints
 * them all, nor one that prints them apart (two narrow cells print a
 * space apart).  NULL elsewhere. */
static GArray *
exact_columns (const GPtrArray *rows, const gboolean *placeholder, guint lo, guint hi)
{
  g_autoptr (GHashTable) rows_at = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint j = lo; j < hi; j++)
    {
      const GkRow *r = rows->pdata[j];
      if (!r->cells->len)
        continue;
      if (!row_in_close_columns (r) || placeholder[j])
        return NULL;
      for (guint k = 0; k < r->cells->len; k++)
        {
          gpointer at = GINT_TO_POINTER (((const GkCell *) r->cells->pdata[k])->text_col + 1);
          g_hash_table_insert (rows_at, at, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (rows_at, at)) + 1));
        }
    }
  g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (int));
  GHashTableIter it;
  gpointer at, n;
  g_hash_table_iter_init (&it, rows_at);
  while (g_hash_table_iter_next (&it, &at, &n))
    if (GPOINTER_TO_INT (n) >= 2)
      {
        int col = GPOINTER_TO_INT (at) - 1;
        g_array_append_val (cols, col);
      }
  g_array_sort (cols, int_cmp);
  if (cols->len < LAYOUT_MIN_COLUMNS)
    return NULL;
  for (guint q = 1; q < cols->len; q++)
    {
      int a = g_array_index (cols, int, q - 1), b = g_array_index (cols, int, q);
      if (b - a < 2 || (b - a <= LAYOUT_OFF_COLUMN && !starts_printed_together (rows, lo, hi, a, b)))
        return NULL;
    }
  gboolean spans = FALSE;
  for (guint j = lo; j < hi; j++)
    {
      const GkRow *r = rows->pdata[j];
      for (guint k = 0; k < r->cells->len; k++)
        if (exact_column_at (cols, ((const GkCell *) r->cells->pdata[k])->text_col) < 0
            && !(k == 0 && row_set_column_left (r, cols)))
          return NULL;
      spans |= r->cells->len && ((const GkCell *) r->cells->pdata[0])->text_col == g_array_index (cols, int, 0)
               && last_cell (r)->text_col == g_array_index (cols, int, cols->len - 1);
    }
  return spans ? g_steal_pointer (&cols) : NULL;
}

/* The column of cols (exact_columns) each of row's numbers goes to (into
 * at): the one it starts at, or, in a row set a column left, the one
 * after it and the first for its first number.  A row that prints a
 * number but 0 ends in the last column, its total (a total is printed,
 * blank zeros or not): that tells a row set a column left by exactly one,
 * and a row whose first number is blank from one set left.  FALSE where
 * the row does not end so, or where its columns run out. */
static gboolean
exact_row_columns (const GkRow *row, const GArray *cols, int *at)
{
  guint n = row->cells->len;
  gboolean left = row_set_column_left (row, cols);
  if (!n || (left && n < 2))
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      at[k] = left && k == 0 ? 0 : exact_column_at (cols, ((const GkCell *) row->cells->pdata[k])->text_col) + left;
      if (at[k] >= (int) cols->len)
        return FALSE;
    }
  return !row_prints_nonzero (row) || at[n - 1] == (int) cols->len - 1;
}

/* Where each row of a table set in exact columns (exact_columns) and
 * printing fewer numbers than them goes in them: into cols_of[i] its
 * table's columns (kept in tables) and into at_of[i] the column of each of
 * its numbers, both NULL where they do not place it.  What they place is
 * certain: no other measure of columns is asked. */
static void
exact_columns_of (const GPtrArray *rows, const gboolean *placeholder, GPtrArray *tables, GPtrArray *cols_of,
                  GPtrArray *at_of)
{
  guint lo = 0, hi = 0;
  GArray *cols = NULL;
  gboolean judged = FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const GkRow *row = rows->pdata[i];
      g_ptr_array_add (cols_of, NULL);
      g_ptr_array_add (at_of, NULL);
      if (!row->cells->len || ((const GkCell *) row->cells->pdata[0])->text_col < 0)
        continue;
      guint a, b;
      table_window (rows, i, &a, &b);
      if (!judged || a != lo || b != hi)
        {
          lo = a, hi = b, judged = TRUE;
          cols = exact_columns (rows, placeholder, lo, hi);
          if (cols)
            g_ptr_array_add (tables, cols);
        }
      g_autofree int *at = g_new (int, row->cells->len);
      if (!cols || row->cells->len >= cols->len || !exact_row_columns (row, cols, at))
        continue;
      cols_of->pdata[i] = cols;
      at_of->pdata[i] = g_steal_pointer (&at);
    }
}

/* pdftotext -layout (and any text rendering of a table in columns) keeps
 * each number at its column's character position: a row printing fewer
 * numbers than its table's columns (blank cells for zero) gets a blank
 * cell in each column it prints nothing in, as a ruled PDF's row would.
 * The table's columns are those its rows print in, together; where they
 * do not make one grid, those of the nearest row that prints more. */
static void
restore_layout_blanks (GPtrArray *rows)
{
  g_autoptr (GPtrArray) columns_of = g_ptr_array_new_with_free_func (ptr_array_unref_maybe);
  /* judged once a row, not once for each row near it */
  g_autofree gboolean *in_columns = g_new (gboolean, rows->len + 1);
  for (guint i = 0; i < rows->len; i++)
    in_columns[i] = row_in_columns (rows->pdata[i]);
  /* and whether a row prints a placeholder (a number parsed a cell at a
   * time): exact_columns and table_columns ask it of each row's window */
  g_autofree gboolean *placeholder = g_new (gboolean, rows->len + 1);
  for (guint i = 0; i < rows->len; i++)
    placeholder[i] = row_prints_placeholder (rows->pdata[i]);
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr (GPtrArray) exact_cols = g_ptr_array_new ();
  g_autoptr (GPtrArray) exact_at = g_ptr_array_new_with_free_func (g_free);
  exact_columns_of (rows, placeholder, tables, exact_cols, exact_at);
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *cols = NULL;
      if (exact_at->pdata[i])
        {
          g_ptr_array_add (columns_of, NULL);
          continue;
        }
      /* rows in columns, and those set after their label, print their
       * numbers a space apart or more too */
      if (row_in_close_columns (rows->pdata[i]))
        cols = table_columns (rows, in_columns, placeholder, i);
      if (in_columns[i] && !cols)
        cols = fuller_row_columns (rows, in_columns, i);
      g_ptr_array_add (columns_of, cols);
    }
  /* rebuilt after all are chosen: a row filled out sets no columns */
  for (guint i = 0; i < rows->len; i++)
    {
      const GPtrArray *cols = columns_of->pdata[i];
      GkRow *row = rows->pdata[i];
      const GArray *exact = exact_cols->pdata[i];
      if (exact)
        row_fill_columns (row, exact->len, (const int *) exact->data, exact_at->pdata[i]);
      if (!cols)
        continue;
      g_autofree int *start = g_new (int, cols->len), *at = g_new (int, row->cells->len);
      guint c = 0;
      for (guint k = 0; k < cols->len; k++)
        {
          const GPtrArray *column = cols->pdata[k];
          start[k] = ((const GkCell *) column->pdata[0])->text_col;
          const GkCell *next = c < row->cells->len ? row->cells->pdata[c] : NULL;
          if (next && (k + 1 == cols->len ? c + 1 == row->cells->len && in_total_column (column, next)
                                          : in_column (column, next)))
            at[c++] = (int) k;
        }
      for (; c < row->cells->len; c++)
        at[c] = -1;
      row_fill_columns (row, cols->len, start, at);
    }
}

/* A token's digits as ASCII (NFKC of ASCII or full-width digits; owned by
 * the caller), NULL when it holds anything else or nothing. */
static char *
digits_of (const char *raw)
{
  char *n = gk_text_nfkc (raw);
  gboolean digits = *n != '\0';
  for (const char *q = n; *q && digits; q++)
    digits = g_ascii_isdigit (*q);
  if (!digits)
    g_clear_pointer (&n, g_free);
  return n;
}

/* Whether a token is a count alone: digits, ASCII or full-width. */
static gboolean
digits_only (const char *raw)
{
  g_autofree char *n = digits_of (raw);
  return n != NULL;
}

/* Whether a token of the line under a wrapped number stands under its
 * head: from a character before its start to one past its end (a
 * shorter tail is centred). */
static gboolean
tail_under_head (const GkCell *head, const GkCell *tail)
{
  return tail->text_col >= head->text_col - 1 && tail->text_col <= cell_end_col (head) + 1;
}

/* Whether head and tail may be the two halves of one wrapped number:
 * digits each, placed in the page's columns, the tail under its head and
 * no longer than it. */
static gboolean
halves_of_one_number (const GkCell *head, const GkCell *tail)
{
  return head->text_col >= 0 && tail->text_col >= 0 && digits_only (head->raw) && digits_only (tail->raw)
         && g_utf8_strlen (tail->raw, -1) <= g_utf8_strlen (head->raw, -1) && tail_under_head (head, tail);
}

/* The number wrapped in two halves, whole: a new cell at head's place. */
static GkCell *
joined_halves (const GkCell *head, const GkCell *tail)
{
  g_autofree char *raw = g_strconcat (head->raw, tail->raw, NULL);
  GkCell *cell = gk_cell_new (raw, &head->src);
  cell->text_col = head->text_col;
  cell->text_gap = head->text_gap;
  return cell;
}

/* Whether any of row's tokens covers the character column col. */
static gboolean
row_covers_column (const GkRow *row, int col)
{
  for (guint k = 0; k < row->cells->len; k++)
    {
      const GkCell *cell = row->cells->pdata[k];
      if (col >= cell->text_col - 1 && col <= cell_end_col (cell) + 1)
        return TRUE;
    }
  return FALSE;
}

/* Whether a line may hold halves of wrapped numbers: they stand in their
 * columns, two spaces apart or more (the first may follow its label's
 * piece a space after), as pdftotext -layout sets them.  Rows of numbers
 * a space apart after their labels (pdftotext -raw) line up by chance
 * when the labels are as long. */
static gboolean
halves_set_apart (const GkRow *half)
{
  return row_numbers_apart (half, half->cells->len > 1 ? 1 : 2, 2);
}

/* Whether the lines above and below row (up, down) hold the halves of
 * numbers wrapped in their narrow cells: each of up's tokens, digits and
 * as long as the one under it or longer, has one of down's under it, in a
 * column row prints nothing in, and the last stands right of all row's
 * (the total has the most digits: it wraps whenever another count does;
 * in a blank-zero table the rows around print their totals in row's). */
static gboolean
holds_wrapped_numbers (const GkRow *up, const GkRow *row, const GkRow *down)
{
  if (row->cells->len < 2 || !up->cells->len || up->cells->len != down->cells->len
      || up->label_src.line + 1 != row->label_src.line || row->label_src.line + 1 != down->label_src.line
      || up->label_src.page != row->label_src.page || down->label_src.page != row->label_src.page
      || !halves_set_apart (up) || !halves_set_apart (down))
    return FALSE;
  for (guint k = 0; k < up->cells->len; k++)
    {
      const GkCell *head = up->cells->pdata[k], *tail = down->cells->pdata[k];
      if (!halves_of_one_number (head, tail) || row_covers_column (row, head->text_col)
          || row_covers_column (row, tail->text_col))
        return FALSE;
    }
  const GkCell *first = row->cells->pdata[0];
  return ((const GkCell *) up->cells->pdata[0])->text_col >= first->text_col - first->text_gap
         && ((const GkCell *) last_cell (up))->text_col > cell_end_col (last_cell (row));
}

static int
cell_col_cmp (gconstpointer a, gconstpointer b)
{
  const GkCell *x = *(const GkCell *const *) a, *y = *(const GkCell *const *) b;
  return (x->text_col > y->text_col) - (x->text_col < y->text_col);
}

/* Moves the wrapped numbers of up and down into row, each its two halves
 * joined, in column order; the gaps before row's tokens measured anew. */
static void
join_wrapped_numbers (GkRow *up, GkRow *row, GkRow *down)
{
  const GkCell *first = row->cells->pdata[0];
  int label_end = first->text_col - first->text_gap;
  for (guint k = 0; k < up->cells->len; k++)
    {
      g_ptr_array_add (row->cells, joined_halves (up->cells->pdata[k], down->cells->pdata[k]));
    }
  g_ptr_array_set_size (up->cells, 0);
  g_ptr_array_set_size (down->cells, 0);
  g_ptr_array_sort (row->cells, cell_col_cmp);
  int after = label_end;
  for (guint k = 0; k < row->cells->len; k++)
    {
      GkCell *cell = row->cells->pdata[k];
      cell->text_gap = cell->text_col - after;
      after = cell_end_col (cell) + 1;
    }
}

/* The head a tail of a wrapped number stands under, among row's and
 * low's digits not yet taken (taken[k]: row's cells first, then low's);
 * -1 when none, or more than one. */
static int
head_above (const GkRow *row, const GkRow *low, const gboolean *taken, const GkCell *tail)
{
  int found = -1;
  for (guint k = 0; k < row->cells->len + low->cells->len; k++)
    {
      const GkCell *head = k < row->cells->len ? row->cells->pdata[k] : low->cells->pdata[k - row->cells->len];
      if (taken[k] || !halves_of_one_number (head, tail))
        continue;
      if (found >= 0)
        return -1;
      found = (int) k;
    }
  return found;
}

/* Whether a row set lower than its label's first line holds numbers wrapped
 * below it: low, the line under row with no label, prints the row's last
 * columns (its numbers right of all row's: their heads, set a line lower),
 * and tails, on the line after or one further (a blank line between, the
 * label still wrapping), prints a tail under each of low's and maybe under
 * row's, digits each, under one head alone, no longer than it.  Into
 * tail_of (row's cells, then low's) the index of each head's tail, or -1. */
static gboolean
holds_numbers_wrapped_below (const GkRow *row, const GkRow *low, const GkRow *tails, int *tail_of)
{
  if (row->cells->len < 2 || *low->label || !low->cells->len || !tails->cells->len
      || row->label_src.line + 1 != low->label_src.line || tails->label_src.line > low->label_src.line + 2
      || low->label_src.page != row->label_src.page || tails->label_src.page != row->label_src.page
      || !halves_set_apart (low) || !halves_set_apart (tails))
    return FALSE;
  guint n = row->cells->len + low->cells->len;
  g_autofree gboolean *taken = g_new0 (gboolean, n);
  for (guint k = 0; k < n; k++)
    tail_of[k] = -1;
  for (guint k = 0; k < low->cells->len; k++)
    {
      const GkCell *cell = low->cells->pdata[k];
      if (cell->text_col <= cell_end_col (last_cell (row)) || !digits_only (cell->raw))
        return FALSE;
    }
  for (guint t = 0; t < tails->cells->len; t++)
    {
      const GkCell *tail = tails->cells->pdata[t];
      int head = head_above (row, low, taken, tail);
      if (head < 0)
        return FALSE;
      taken[head] = TRUE;
      tail_of[head] = (int) t;
    }
  for (guint k = row->cells->len; k < n; k++)
    if (!taken[k])
      return FALSE;
  return TRUE;
}

/* Joins each head of row and low with its tail (tail_of) and moves low's
 * numbers into row, in column order; tails' numbers are gone. */
static void
join_numbers_wrapped_below (GkRow *row, GkRow *low, GkRow *tails, const int *tail_of)
{
  guint nrow = row->cells->len;
  for (guint k = 0; k < nrow + low->cells->len; k++)
    {
      GkCell **at = (GkCell **) (k < nrow ? &row->cells->pdata[k] : &low->cells->pdata[k - nrow]);
      if (tail_of[k] < 0)
        continue;
      GkCell *cell = joined_halves (*at, tails->cells->pdata[tail_of[k]]);
      gk_cell_free (*at);
      *at = cell;
    }
  while (low->cells->len)
    {
      GkCell *cell = g_ptr_array_steal_index (low->cells, 0);
      cell->text_gap = cell->text_col - cell_end_col (last_cell (row)) - 1;
      g_ptr_array_add (row->cells, cell);
    }
  g_ptr_array_set_size (tails->cells, 0);
}

/* pdftotext -layout prints a number too wide for its narrow cell in two
 * halves, on the lines above and below its row ("１３" over the row,
 * "４６" under it for 1346), the row's other numbers centred between:
 * joined back into their row.  A row whose label wraps over more lines
 * may print its first half on its own line and the row's last columns'
 * halves a line lower, the second halves after a blank line
 * (holds_numbers_wrapped_below). */
static void
restore_wrapped_numbers (GPtrArray *rows)
{
  for (guint i = 1; i + 1 < rows->len; i++)
    if (holds_wrapped_numbers (rows->pdata[i - 1], rows->pdata[i], rows->pdata[i + 1]))
      join_wrapped_numbers (rows->pdata[i - 1], rows->pdata[i], rows->pdata[i + 1]);
  for (guint i = 0; i + 2 < rows->len; i++)
    {
      GkRow *row = rows->pdata[i], *low = rows->pdata[i + 1], *tails = rows->pdata[i + 2];
      g_autofree int *tail_of = g_new (int, row->cells->len + low->cells->len);
      if (holds_numbers_wrapped_below (row, low, tails, tail_of))
        join_numbers_wrapped_below (row, low, tails, tail_of);
    }
  /* a line that held halves alone is gone */
  for (guint i = rows->len; i-- > 0;)
    {
      const GkRow *row = rows->pdata[i];
      if (!row->cells->len && !*row->label)
        g_ptr_array_remove_index (rows, i);
    }
}

/* Lines above a row this far (blank ones included) may hold its header. */
#define HEADER_LINES_NEAR 12
/* Characters a number may stand off the header character it is under. */
#define HEADER_OFF_COLUMN 2

/* How many cells c takes where a text is laid out by display width (a text
 * browser's, pandoc's): two for a wide character (CJK, full-width digits). */
static int
cell_width (gunichar c, gboolean display)
{
  return display && g_unichar_iswide (c) ? 2 : 1;
}

/* Whether a line is a header printed one character a column (vertical
 * header text: 结/果/维/持 over each cell): each token one letter (no
 * digit, no dash); the start of each, counted in characters or, where
 * display, in display cells, appended to starts. */
static gboolean
vertical_header_line (const TextLine *tl, gboolean display, GArray *starts)
{
  guint before = starts->len;
  int col = tl->indent;
  gboolean in_token = FALSE;
  glong token_len = 0;
  for (const char *p = tl->text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int at = col;
      col += cell_width (c, display);
      if (c == ' ')
        {
          in_token = FALSE;
          continue;
        }
      if (!g_unichar_isalpha (c) || (in_token && ++token_len > 1))
        {
          g_array_set_size (starts, before);
          return FALSE;
        }
      if (!in_token)
        {
          in_token = TRUE, token_len = 1;
          g_array_append_val (starts, at);
        }
    }
  return starts->len > before;
}

/* Where each of row's numbers starts and how wide it is, in characters or,
 * where display, in display cells of its line tl (into pos, width); its
 * text_col counts display cells where by_display. */
static void
cell_positions (const GkRow *row, const TextLine *tl, gboolean by_display, gboolean display, int *pos, int *width)
{
  int ch = tl->indent, cell = tl->indent, shown = tl->indent;
  const char *p = tl->text;
  for (guint k = 0; k < row->cells->len; k++)
    {
      const GkCell *c = row->cells->pdata[k];
      for (; *p && (by_display ? shown : ch) < c->text_col; p = g_utf8_next_char (p), ch++)
        {
          cell += cell_width (g_utf8_get_char (p), display);
          shown += cell_width (g_utf8_get_char (p), TRUE);
        }
      pos[k] = cell, width[k] = 0;
      for (const char *q = c->raw; *q; q = g_utf8_next_char (q))
        width[k] += cell_width (g_utf8_get_char (q), display);
    }
}

/* The header columns over the row printed on line lines[k]: the starts of
 * the vertical header lines just above it, on its page, a column the
 * starts within a character of the one before; empty when none or when
 * two columns stand closer than 2 * HEADER_OFF_COLUMN. */
static GArray *
vertical_header_columns (const GArray *lines, guint k, gboolean display)
{
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  const TextLine *row_line = &g_array_index (lines, TextLine, k);
  for (guint j = k; j-- > 0 && k - j <= HEADER_LINES_NEAR;)
    {
      const TextLine *tl = &g_array_index (lines, TextLine, j);
      if (tl->page != row_line->page)
        break;
      /* blank lines may part a header's blocks (a browser's groups) */
      if (*tl->text && !vertical_header_line (tl, display, starts))
        break;
    }
  g_array_sort (starts, int_cmp);
  GArray *cols = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint m = 0; m < starts->len; m++)
    {
      int at = g_array_index (starts, int, m);
      if (!m || at - g_array_index (starts, int, m - 1) > 1)
        g_array_append_val (cols, at);
    }
  /* characters set closer than two a glyph (a CJK glyph is two characters
   * wide) are a header squeezed out of the numbers' scale: their columns
   * drift from the numbers' and place none */
  for (guint q = 1; q < cols->len; q++)
    if (g_array_index (cols, int, q) - g_array_index (cols, int, q - 1) < 2 * HEADER_OFF_COLUMN)
      g_array_set_size (cols, 0);
  return cols;
}

/* How far a number of width cells from start stands off the header
 * column at: from its start or its middle, whichever is nearer. */
static int
header_distance (int at, int start, int width)
{
  int mid = start + (width - 1) / 2;
  return MIN (ABS (at - start), ABS (at - mid));
}

/* The header column each of n numbers (starting at pos, width wide)
 * stands under (into at): each
 * within HEADER_OFF_COLUMN of its column, one column a number, in order,
 * the numbers nearest their columns in all — and no other such placement as
 * near (a number between two characters goes where its neighbours leave
 * room).  FALSE when there is none or two. */
static gboolean
header_columns_of (const GArray *cols, guint n, const int *pos, const int *width, int *at)
{
  guint m = cols->len;
  g_autofree int *cost = g_new (int, n * m);
  g_autofree int *ways = g_new (int, n * m);
  g_autofree int *from = g_new (int, n * m);
  for (guint k = 0; k < n; k++)
    for (guint q = 0; q < m; q++)
      {
        guint i = k * m + q;
        int d = header_distance (g_array_index (cols, int, q), pos[k], width[k]);
        cost[i] = G_MAXINT, ways[i] = 0, from[i] = -1;
        if (d > HEADER_OFF_COLUMN)
          continue;
        if (!k)
          {
            cost[i] = d, ways[i] = 1;
            continue;
          }
        for (guint p = 0; p < q; p++)
          {
            guint j = (k - 1) * m + p;
            if (!ways[j] || cost[j] + d > cost[i])
              continue;
            if (cost[j] + d < cost[i])
              cost[i] = cost[j] + d, ways[i] = 0, from[i] = (int) p;
            ways[i] = MIN (ways[i] + ways[j], 2);
          }
      }
  int best = -1, total = 0;
  for (guint q = 0; q < m; q++)
    {
      guint i = (n - 1) * m + q;
      if (!ways[i] || (best >= 0 && cost[i] > cost[(n - 1) * m + (guint) best]))
        continue;
      if (best >= 0 && cost[i] == cost[(n - 1) * m + (guint) best])
        total += ways[i];
      else
        best = (int) q, total = ways[i];
    }
  if (best < 0 || total != 1)
    return FALSE;
  for (guint k = n; k-- > 0;)
    {
      at[k] = best;
      best = from[k * m + (guint) best];
    }
  return TRUE;
}

/* The header column each of row's numbers stands under (header_columns_of)
 * and the columns (into *cols), counted in characters (pdftotext -layout)
 * or in display cells (a text browser, pandoc): the count where only one
 * places the numbers, or where both place them alike; NULL elsewhere. */
static int *
under_vertical_header (const GArray *lines, const GkRow *row, gboolean by_display, GArray **cols)
{
  guint n = row->cells->len, k = (guint) row->label_src.line - 1;
  const TextLine *tl = &g_array_index (lines, TextLine, k);
  int *found[2] = { NULL, NULL };
  GArray *found_cols[2] = { NULL, NULL };
  for (int display = 0; display <= 1; display++)
    {
      g_autoptr (GArray) c = vertical_header_columns (lines, k, display);
      g_autofree int *pos = g_new (int, n), *width = g_new (int, n);
      cell_positions (row, tl, by_display, display, pos, width);
      if (c->len < LAYOUT_MIN_COLUMNS || c->len <= n || label_under_column_at (row, pos[0], g_array_index (c, int, 0)))
        continue;
      g_autofree int *at = g_new (int, n);
      if (header_columns_of (c, n, pos, width, at))
        found[display] = g_steal_pointer (&at), found_cols[display] = g_steal_pointer (&c);
    }
  gboolean alike = found[0] && found[1] && found_cols[0]->len == found_cols[1]->len
                   && memcmp (found[0], found[1], n * sizeof (int)) == 0;
  int pick = found[0] && (!found[1] || alike) ? 0 : found[1] && !found[0] ? 1 : -1;
  for (int d = 0; d <= 1; d++)
    if (d != pick)
      {
        g_free (found[d]);
        if (found_cols[d])
          g_array_unref (found_cols[d]);
      }
  if (pick < 0)
    return NULL;
  *cols = found_cols[pick];
  return found[pick];
}

/* How many of the numbers of rows in columns start or end where a number
 * of another line does, counted in characters or, where display, in
 * display cells: the more, the better the count lines the table up. */
static guint
numbers_lined_up (const GPtrArray *rows, const GArray *lines, gboolean display)
{
  g_autoptr (GHashTable) starts = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) ends = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint lined_starts = 0, lined_ends = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      const GkRow *row = rows->pdata[i];
      guint n = row->cells->len;
      if (n < 3 || !row_in_close_columns (row) || row->label_src.line < 1 || (guint) row->label_src.line > lines->len)
        continue;
      const TextLine *tl = &g_array_index (lines, TextLine, (guint) row->label_src.line - 1);
      g_autofree int *pos = g_new (int, n), *width = g_new (int, n);
      cell_positions (row, tl, FALSE, display, pos, width);
      for (guint k = 0; k < n; k++)
        {
          gpointer start = GINT_TO_POINTER (pos[k] + 1), end = GINT_TO_POINTER (pos[k] + width[k]);
          lined_starts += g_hash_table_contains (starts, start);
          lined_ends += g_hash_table_contains (ends, end);
          g_hash_table_add (starts, start);
          g_hash_table_add (ends, end);
        }
    }
  return MAX (lined_starts, lined_ends);
}

/* Numbers that must line up more counted in display cells than in
 * characters for a dump to be read so: a few rows of a blank-zero table
 * line up by chance either way. */
#define LINED_UP_MORE 20

/* Whether a dump's tables are laid out by display width (pandoc's plain
 * text: a CJK character two cells wide) rather than a character a cell
 * (pdftotext -layout, lynx): its numbers line up clearly better so
 * counted, by half as many again and by LINED_UP_MORE. */
static gboolean
laid_out_by_display_width (const GPtrArray *rows, const GArray *lines)
{
  guint by_chars = numbers_lined_up (rows, lines, FALSE), by_display = numbers_lined_up (rows, lines, TRUE);
  return by_display > by_chars + by_chars / 2 && by_display >= by_chars + LINED_UP_MORE;
}

/* Counts each number's column in display cells (laid_out_by_display_width). */
static void
columns_in_display_cells (GPtrArray *rows, const GArray *lines)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GkRow *row = rows->pdata[i];
      guint n = row->cells->len;
      if (!n || ((GkCell *) row->cells->pdata[0])->text_col < 0 || row->label_src.line < 1
          || (guint) row->label_src.line > lines->len)
        continue;
      const TextLine *tl = &g_array_index (lines, TextLine, (guint) row->label_src.line - 1);
      g_autofree int *pos = g_new (int, n), *width = g_new (int, n);
      cell_positions (row, tl, FALSE, TRUE, pos, width);
      for (guint k = 0; k < n; k++)
        ((GkCell *) row->cells->pdata[k])->text_col = pos[k];
    }
}

/* A row no other row shows the columns of (restore_layout_blanks left it
 * as printed) under a header printed one character a column: each number
 * goes to the header column it stands under (header_columns_of) and each
 * column it leaves empty gets a blank, where no column stands where the
 * row prints its label. */
static void
restore_header_column_blanks (GPtrArray *rows, const GArray *lines, gboolean by_display)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GkRow *row = rows->pdata[i];
      guint n = row->cells->len;
      if (n < 2 || ((GkCell *) row->cells->pdata[0])->grid_cell || !row_in_close_columns (row)
          || row->label_src.line < 1 || (guint) row->label_src.line > lines->len)
        continue;
      g_autoptr (GArray) cols = NULL;
      g_autofree int *at = under_vertical_header (lines, row, by_display, &cols);
      if (!at)
        continue;
      row_fill_columns (row, cols->len, (const int *) cols->data, at);
    }
}

/* The printed number of a line that is only a number (ASCII or full-width
 * digits), else -1. */
static int
bare_number (const char *text)
{
  g_autofree char *n = digits_of (text);
  return n && strlen (n) <= 4 ? atoi (n) : -1;
}

/* Whether a line next to line k, on its page, holds words, no number. */
static gboolean
line_beside_words (const GArray *lines, guint k)
{
  for (int step = -1; step <= 1; step += 2)
    {
      gint q = (gint) k + step;
      if (q < 0 || (guint) q >= lines->len)
        continue;
      const TextLine *t = &g_array_index (lines, TextLine, q);
      if (t->page == g_array_index (lines, TextLine, k).page && *t->text && bare_number (t->text) < 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
line_blank_or_page_end (const GArray *lines, guint k)
{
  if (k + 1 >= lines->len)
    return TRUE;
  const TextLine *a = &g_array_index (lines, TextLine, k), *b = &g_array_index (lines, TextLine, k + 1);
  return b->page != a->page || *b->text == '\0';
}

/* Characters a row of a table run together holds at least (a cell each,
 * the rows of table 三 seven: digits, or dashes printed for zero), and
 * such runs that show a line is a table's rows run together
 * (规章0058规范性文件303071…, 1.属于国家秘密2—————2…). */
enum { GLUED_ROW_MIN_CELLS = 7, GLUED_ROWS_MIN = 3 };

/* A character of a row's cells run together: a digit, or a dash for zero. */
static gboolean
is_glued_cell_char (gunichar c)
{
  return is_digit (c) || is_placeholder_dash (c);
}

/* Whether a line runs a table's rows together, each row's label and its
 * cells with nothing between (pdfminer's dump of a browser's page, a line
 * a page, shorter than GK_FLAT_LINE_CHARS): runs of GLUED_ROW_MIN_CELLS
 * digits or dashes between ideographs, GLUED_ROWS_MIN of them.  Prose
 * sets its numbers apart (1878条) and its dashes come in pairs (——). */
static gboolean
line_runs_rows_together (const char *text)
{
  guint runs = 0;
  gunichar before = 0;
  for (const char *p = text; *p && runs < GLUED_ROWS_MIN;)
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_glued_cell_char (c))
        {
          before = c;
          p = g_utf8_next_char (p);
          continue;
        }
      guint chars = 0;
      while (*p && is_glued_cell_char (g_utf8_get_char (p)))
        chars++, p = g_utf8_next_char (p);
      gunichar after = *p ? g_utf8_get_char (p) : 0;
      /* the next row's label after it, or its list number's point
       * ("00000002.其他…": the run's last digit numbers the next row) */
      runs += chars >= GLUED_ROW_MIN_CELLS && (gk_text_is_ideograph (before) || before == 0xFF09 || before == ')')
              && (gk_text_is_ideograph (after) || after == 0xFF08 || after == '(' || after == '.' || after == 0xFF0E
                  || after == 0x3001);
      before = 0;
    }
  return runs >= GLUED_ROWS_MIN;
}

/* Lines of prose that run on to the next (no 。 or ； ends them) at least
 * this long, and this many of them, show how a dump spaces its lines. */
enum { SPACING_MIN_CHARS = 16, SPACING_MIN_LINES = 8 };

/* Whether the dump leaves a blank line after each of its lines, a text
 * block a line (mutool's of a PDF that sets each line apart): its
 * paragraphs' lines that run on are nearly all one blank line apart.
 * pdftotext's keep a paragraph's lines together, a blank line only
 * between blocks; a blank line there says no more than a line break. */
static gboolean
dump_spaces_its_lines (const GArray *lines)
{
  guint spaced = 0, tight = 0;
  for (guint k = 0; k + 2 < lines->len; k++)
    {
      const char *t = g_array_index (lines, TextLine, k).text;
      if (g_utf8_strlen (t, -1) < SPACING_MIN_CHARS)
        continue;
      gunichar last = g_utf8_get_char (g_utf8_find_prev_char (t, t + strlen (t)));
      if (is_sentence_end (last) || last == 0xFF1B /* ； */ || last == 0xFF1A /* ： */)
        continue;
      const char *next = g_array_index (lines, TextLine, k + 1).text;
      if (*next)
        tight++;
      else if (*g_array_index (lines, TextLine, k + 2).text)
        spaced++;
    }
  return spaced >= SPACING_MIN_LINES && spaced >= 9 * tight;
}

/* Whether a line says nothing of the page's text: blank, or furniture (a
 * browser's URL above or below the page's number). */
static gboolean
line_blank_or_furniture (const TextLine *t)
{
  return *t->text == '\0' || gk_line_is_page_furniture (t->text);
}

/* The page's last or first line with text, furniture aside. */
static gboolean
line_ends_page (const GArray *lines, guint k)
{
  int page = g_array_index (lines, TextLine, k).page;
  gboolean last = TRUE, first = TRUE;
  for (guint q = k + 1; q < lines->len && last; q++)
    {
      const TextLine *t = &g_array_index (lines, TextLine, q);
      if (t->page != page)
        break;
      last = line_blank_or_furniture (t);
    }
  for (guint q = k; q-- > 0 && first;)
    {
      const TextLine *t = &g_array_index (lines, TextLine, q);
      if (t->page != page)
        break;
      first = line_blank_or_furniture (t);
    }
  return last || first;
}

/* Page numbers printed bare ("3" alone on its line) are no cell of a table.
 * A report prints them so when at least two pages end (or start) with a
 * line that is only the page's number, counted from the form feeds (the
 * first numbered page may follow an unnumbered cover: offsets 0..2).  On such
 * a report the lines of a page that hold only its number and end a text
 * block (in a text without blank lines, that stand beside words) are its
 * candidates: pdftotext puts the footer at the page's end or, for a
 * browser's PDF, among a table's columns.  One candidate is the page
 * number; of several, any may be a cell: the table decoder tells. */
static void
mark_page_numbers (GArray *lines)
{
  int best_offset = -1, best_pages = 1;
  for (int offset = 0; offset <= 2; offset++)
    {
      int pages = 0, last_page = -1;
      for (guint k = 0; k < lines->len; k++)
        {
          const TextLine *t = &g_array_index (lines, TextLine, k);
          if (t->page != last_page && bare_number (t->text) == t->page - offset && t->page - offset > 0
              && line_ends_page (lines, k))
            {
              pages++;
              last_page = t->page;
            }
        }
      if (pages > best_pages)
        {
          best_pages = pages;
          best_offset = offset;
        }
    }
  if (best_offset < 0)
    return;
  /* a text without blank lines (a crawler dropped them) shows no blocks:
   * a line of the page's number alone beside words may be it (one between
   * numbers is a cell) */
  gboolean blocks_shown = FALSE;
  for (guint k = 0; k + 1 < lines->len && !blocks_shown; k++)
    blocks_shown = !*g_array_index (lines, TextLine, k).text && *g_array_index (lines, TextLine, k + 1).text
                   && g_array_index (lines, TextLine, k + 1).page == g_array_index (lines, TextLine, k).page;
  guint start = 0;
  while (start < lines->len)
    {
      int page = g_array_index (lines, TextLine, start).page;
      guint end = start;
      while (end < lines->len && g_array_index (lines, TextLine, end).page == page)
        end++;
      /* a page that prints its number as furniture (- 1 -, 第1页) has no
       * bare one: a number alone on a line there is a cell */
      gboolean stated = FALSE;
      for (guint k = start; k < end && !stated; k++)
        {
          const char *text = g_array_index (lines, TextLine, k).text;
          stated = *text && !g_ascii_isalpha (*text) && gk_line_is_page_furniture (text);
        }
      guint n = 0, last = 0;
      for (guint k = start; k < end && !stated; k++)
        {
          TextLine *t = &g_array_index (lines, TextLine, k);
          if (page - best_offset > 0 && bare_number (t->text) == page - best_offset
              && (line_ends_page (lines, k) || line_blank_or_page_end (lines, k)
                  || (!blocks_shown && line_beside_words (lines, k))))
            {
              t->maybe_page_number = TRUE;
              last = k;
              n++;
            }
        }
      if (n == 1)
        g_array_index (lines, TextLine, last).page_number = TRUE;
      start = end;
    }
}

/* Whether a line is running text: ideographs and a sentence's inner
 * punctuation (，；： or a percent sign), which a table's label lacks. */
static gboolean
line_is_running_text (const char *text)
{
  guint ideographs = 0;
  gboolean punct = FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      ideographs += gk_text_is_ideograph (c);
      punct |= c == 0xFF0C || c == 0xFF1B || c == 0xFF1A || c == '%' || c == 0xFF05;
    }
  return ideographs >= 6 && punct;
}

/* The nearest line with text from line k on, step -1 or +1; NULL at the
 * text's end. */
static const char *
line_with_text_from (const GArray *lines, guint k, int step)
{
  for (gint q = (gint) k + step; q >= 0 && (guint) q < lines->len; q += step)
    if (*g_array_index (lines, TextLine, q).text)
      return g_array_index (lines, TextLine, q).text;
  return NULL;
}

/* A number alone on its line inside a sentence broken over a page (the
 * line before runs on, no 。 or ； at its end, and the line after carries
 * on the text) is that page's number, not the sentence's: read into it,
 * "占比" · "1" · "14.14％" says 114.14％.  Marked so whether or not the text
 * kept its form feeds. */
static void
mark_numbers_inside_sentences (GArray *lines)
{
  for (guint k = 0; k < lines->len; k++)
    {
      TextLine *t = &g_array_index (lines, TextLine, k);
      int v = bare_number (t->text);
      if (v <= 0 || v >= 1000 || t->page_number
          || (k > 0 && *g_array_index (lines, TextLine, k - 1).text)
          || (k + 1 < lines->len && *g_array_index (lines, TextLine, k + 1).text))
        continue;
      const char *before = line_with_text_from (lines, k, -1), *after = line_with_text_from (lines, k, 1);
      if (!before || !after || !line_is_running_text (before) || !line_is_running_text (after)
          || g_str_has_suffix (before, "。") || g_str_has_suffix (before, "；"))
        continue;
      t->page_number = TRUE;
    }
}

/* Without form feeds no page says which number is its own: a number alone
 * on its line next to a browser's header or footer line (its URL, its date
 * stamp, blank lines aside) is the page's number where the next such
 * number counts on from it, or the one before counts up to it (1, 2, 3 down
 * the text): a table's cell beside the furniture keeps no such count. */
static void
mark_page_numbers_beside_furniture (GArray *lines)
{
  typedef struct {
    guint line;
    int value;
  } Candidate;
  g_autoptr (GArray) cand = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint k = 0; k < lines->len; k++)
    {
      int v = bare_number (g_array_index (lines, TextLine, k).text);
      if (v <= 0 || v >= 1000)
        continue;
      const char *before = line_with_text_from (lines, k, -1), *after = line_with_text_from (lines, k, 1);
      if ((before && gk_line_is_page_furniture (before)) || (after && gk_line_is_page_furniture (after)))
        g_array_append_val (cand, ((Candidate){ k, v }));
    }
  const Candidate *c = (const Candidate *) cand->data;
  for (guint i = 0; i < cand->len; i++)
    if ((i > 0 && c[i - 1].value == c[i].value - 1) || (i + 1 < cand->len && c[i + 1].value == c[i].value + 1))
      g_array_index (lines, TextLine, c[i].line).page_number = TRUE;
}

/* Lines from the text's first line (or to its last) a page's URL stands
 * within to be the header (or footer) of every page. */
enum { URL_PAGE_EDGE_LINES = 4 };

/* Whether the lines with text either side of line k hold words, not a
 * number or a dash printed for one. */
static gboolean
line_set_off_by_words (const GArray *lines, guint k)
{
  const char *before = line_with_text_from (lines, k, -1), *after = line_with_text_from (lines, k, 1);
  return before && after && bare_number (before) < 0 && !gk_number_is_cell_token (before) && bare_number (after) < 0
         && !gk_number_is_cell_token (after);
}

/* Lines with text from one page's number to the next one's at least (a
 * last page may hold no more than its signature and date); the shortest
 * count of page numbers, and the longest, taken for one; the lines with
 * text before the last page's number that hold no number. */
enum { PAGE_MIN_LINES = 2, PAGE_CHAIN_MIN = 3, PAGE_CHAIN_MAX = 60, PAGE_END_WORDS = 3 };

/* Without form feeds a report that prints its pages' numbers bare still
 * counts them down the text: its last line (furniture aside) is the last
 * page's number L, and L-1, L-2, ... down to 1 or 2 stand alone on lines
 * before it, in order, each a page's lines apart.  Table cells rarely keep
 * such a count over the whole text.  Each page's number may stand on any
 * line between where the one before it can be and where the one after it
 * can be: the only such line is the page's number, and of several, the
 * only one set between words.  Where every page's is found, each line gets
 * its page and the count of pages is returned (the caller reads the text
 * as one with form feeds); else the numbers found are dropped, and the
 * other candidates stay cells: with no page to bound them, marking them
 * all would let the decoder drop true cells as page numbers. */
static int
mark_page_number_chain (GArray *lines)
{
  guint end = lines->len;
  while (end > 0 && line_blank_or_furniture (&g_array_index (lines, TextLine, end - 1)))
    end--;
  if (end == 0)
    return 0;
  int last = bare_number (g_array_index (lines, TextLine, end - 1).text);
  if (last < PAGE_CHAIN_MIN || last > PAGE_CHAIN_MAX)
    return 0;
  /* a text cut off inside a table ends on a cell among cells: the last
   * page's number follows the report's own last words (its signature, its
   * date), no number alone on its line */
  for (guint k = end - 1, seen = 0; k-- > 0 && seen < PAGE_END_WORDS;)
    {
      const char *text = g_array_index (lines, TextLine, k).text;
      if (!*text)
        continue;
      if (bare_number (text) >= 0 || gk_number_is_cell_token (text))
        return 0;
      seen++;
    }
  /* the lines with text, counted from the top: their spacing, not the
   * dump's blank lines, measures a page */
  g_autofree guint *ordinal = g_new0 (guint, lines->len);
  for (guint k = 0, n = 0; k < lines->len; k++)
    ordinal[k] = *g_array_index (lines, TextLine, k).text ? ++n : n;
  g_autofree guint *latest = g_new0 (guint, last + 1), *earliest = g_new0 (guint, last + 1);
  latest[last] = end - 1;
  int low = last;
  while (low > 1)
    {
      guint found = G_MAXUINT;
      for (guint k = latest[low]; k-- > 0 && found == G_MAXUINT;)
        if (ordinal[latest[low]] - ordinal[k] >= PAGE_MIN_LINES
            && bare_number (g_array_index (lines, TextLine, k).text) == low - 1)
          found = k;
      if (found == G_MAXUINT)
        break;
      latest[--low] = found;
    }
  /* the count reaches the first numbered page (a cover may go unnumbered) */
  if (low > 2 || last - low + 1 < PAGE_CHAIN_MIN)
    return 0;
  earliest[low] = latest[low];
  for (guint k = 0; k < latest[low]; k++)
    if (bare_number (g_array_index (lines, TextLine, k).text) == low)
      {
        earliest[low] = k;
        break;
      }
  for (int v = low + 1; v <= last; v++)
    {
      earliest[v] = latest[v];
      for (guint k = earliest[v - 1] + 1; k < latest[v]; k++)
        if (ordinal[k] - ordinal[earliest[v - 1]] >= PAGE_MIN_LINES
            && bare_number (g_array_index (lines, TextLine, k).text) == v)
          {
            earliest[v] = k;
            break;
          }
    }
  g_autofree guint *page_end = g_new (guint, last + 1);   /* G_MAXUINT: not found */
  for (int v = 0; v <= last; v++)
    page_end[v] = G_MAXUINT;
  gboolean counted = TRUE;
  for (int v = low; v <= last; v++)
    {
      guint n = 0, only = 0, apart = 0, only_apart = 0;
      for (guint k = earliest[v]; k <= latest[v]; k++)
        if (bare_number (g_array_index (lines, TextLine, k).text) == v)
          {
            only = k;
            n++;
            if (line_set_off_by_words (lines, k))
              only_apart = k, apart++;
          }
      /* the text's last line is the last page's number; of several, the
       * one that words stand either side of (the page's foot, then the
       * next page's head) is the page's: a cell's neighbours are cells */
      if (v == last)
        n = 1, only = latest[last];
      if (n == 1 || apart == 1)
        page_end[v] = n == 1 ? only : only_apart;
      else
        counted = FALSE;
    }
  /* every page's number found: each ends its page (the last line is the
   * last page's), and the text is read as one with form feeds (its bare
   * page numbers marked page by page, mark_page_numbers); else only the
   * numbers found are dropped */
  if (!counted)
    {
      for (int v = low; v <= last; v++)
        if (page_end[v] != G_MAXUINT)
          g_array_index (lines, TextLine, page_end[v]).page_number = TRUE;
      return 0;
    }
  int page = low;
  for (guint k = 0; k < lines->len; k++)
    {
      TextLine *t = &g_array_index (lines, TextLine, k);
      t->page = page;
      if (page < last && k == page_end[page])
        page++;
    }
  return last;
}

/* Whether a label only carries on the one above: none of its words opens
 * a row (四、 （三） 1.; a merged group's label may stand before the row's
 * own: "予公开 5.属于三类内部事务信息"). */
static gboolean
label_carries_on (const char *label)
{
  g_auto (GStrv) words = g_strsplit_set (label, " \t", -1);
  for (guint w = 0; words[w]; w++)
    if (*words[w] && gk_line_opens_row (words[w]))
      return FALSE;
  return TRUE;
}

/* The cell of row standing at column col (a character either way) that
 * is blank and not yet taken, or -1. */
static int
blank_cell_at (const GkRow *row, int col, const gboolean *taken)
{
  for (guint q = 0; q < row->cells->len; q++)
    {
      const GkCell *cell = row->cells->pdata[q];
      if (!taken[q] && !*cell->raw && cell->text_col >= 0 && ABS (cell->text_col - col) <= 1)
        return (int) q;
    }
  return -1;
}

/* pdftotext -layout may set a row's numbers on both lines of its wrapped
 * label ("3.危及“三安全一  1" then "稳定”  0  1  2"): the second line,
 * which carries on the label (label_carries_on), gets blank cells where
 * the first prints its numbers.  Each of the first line's numbers fills the
 * blank at its column, and the row's cells are all on its first line; the
 * second keeps its label's rest alone. */
static void
join_cells_over_label_lines (GPtrArray *rows)
{
  for (guint i = 0; i + 1 < rows->len; i++)
    {
      GkRow *row = rows->pdata[i], *next = rows->pdata[i + 1];
      if (!*row->label || !*next->label || !row->cells->len || next->cells->len <= row->cells->len
          || next->label_src.line != row->label_src.line + 1 || next->label_src.page != row->label_src.page
          || !label_carries_on (next->label))
        continue;
      /* the blank each of row's numbers fills, each blank filled once */
      g_autofree gboolean *taken = g_new0 (gboolean, next->cells->len);
      g_autofree int *fills = g_new (int, row->cells->len);
      gboolean fits = TRUE;
      for (guint k = 0; k < row->cells->len && fits; k++)
        {
          const GkCell *cell = row->cells->pdata[k];
          fills[k] = *cell->raw && cell->text_col >= 0 ? blank_cell_at (next, cell->text_col, taken) : -1;
          fits = fills[k] >= 0;
          if (fits)
            taken[fills[k]] = TRUE;
        }
      if (!fits)
        continue;
      for (guint k = 0; k < row->cells->len; k++)
        {
          gpointer blank = next->cells->pdata[fills[k]];
          next->cells->pdata[fills[k]] = row->cells->pdata[k];
          row->cells->pdata[k] = blank;
        }
      g_ptr_array_set_size (row->cells, 0);
      gsize n = 0;
      g_autofree gpointer *cells = g_ptr_array_steal (next->cells, &n);
      for (gsize q = 0; q < n; q++)
        gk_row_add_cell (row, cells[q]);
    }
}

/* A browser prints the page's URL in its header or footer, the same line
 * on every page: a text kept without its form feeds still shows where each
 * page begins.  A URL alone on its line, the same at least twice, whose
 * first stands before any other text (a header: each opens a page) or
 * whose last stands after all other text (a footer: each ends one), gives
 * each line its page.  Returns the number of pages, 0 when none shows. */
static int
pages_from_repeated_urls (GArray *lines)
{
  guint first = G_MAXUINT, last = 0;
  for (guint k = 0; k < lines->len; k++)
    if (*g_array_index (lines, TextLine, k).text)
      {
        first = MIN (first, k);
        last = k;
      }
  if (first == G_MAXUINT)
    return 0;
  const char *url = NULL;
  guint count = 0;
  for (guint k = 0; k < lines->len; k++)
    {
      const char *text = g_array_index (lines, TextLine, k).text;
      if (!g_str_has_prefix (text, "http") || !gk_line_is_page_furniture (text))
        continue;
      if (!url)
        url = text;
      count += strcmp (text, url) == 0;
    }
  if (count < 2)
    return 0;
  /* the header: the first of them opens the text (a page's date stamp or
   * title may stand before it); the footer: the last closes it */
  gboolean header = FALSE, footer = FALSE;
  for (guint k = first; k < lines->len && k <= first + URL_PAGE_EDGE_LINES; k++)
    header |= strcmp (g_array_index (lines, TextLine, k).text, url) == 0;
  for (guint k = last + 1; k-- > first && k + URL_PAGE_EDGE_LINES >= last;)
    footer |= strcmp (g_array_index (lines, TextLine, k).text, url) == 0;
  if (header == footer)
    return 0;
  /* each URL but the first opens a page, or each but the last ends one */
  int page = 1;
  guint seen = 0;
  for (guint k = 0; k < lines->len; k++)
    {
      TextLine *t = &g_array_index (lines, TextLine, k);
      gboolean is_url = strcmp (t->text, url) == 0;
      seen += is_url;
      if (header && is_url && seen > 1)
        page++;
      t->page = page;
      if (footer && is_url && seen < count)
        page++;
    }
  return page;
}

/* Lines that carry on the pipe row above them (gk_line_continues_pipe_row)
 * joined to it, left empty; the joined texts are owned by the result. */
static GPtrArray *
join_pipe_continuations (GArray *lines)
{
  GPtrArray *joined = g_ptr_array_new_with_free_func (g_free);
  TextLine *row = NULL;
  for (guint k = 0; k < lines->len; k++)
    {
      TextLine *tl = &g_array_index (lines, TextLine, k);
      if (!*tl->text)
        continue;
      if (row && row->page == tl->page && gk_line_continues_pipe_row (row->text, tl->text))
        {
          char *text = g_strconcat (row->text, " ", tl->text, NULL);
          g_ptr_array_add (joined, text);
          row->text = text;
          tl->text += strlen (tl->text);
          continue;
        }
      row = tl;
    }
  return joined;
}

/* Longest character reference decoded: &thetasym; and &#x10FFFF; fit. */
#define CHAR_REF_MAX 10

/* HTML character references a crawler left in a page's text when it cut the
 * tags away (&nbsp; between cells, &ldquo;, Chinese as &#27665;): decoded
 * in place (a reference is never shorter than its UTF-8); one that names no
 * character stays as printed. */
static void
decode_char_refs (char *text)
{
  char *out = text;
  for (const char *p = text; *p;)
    {
      const char *semi = *p == '&' ? memchr (p, ';', strnlen (p, CHAR_REF_MAX + 2)) : NULL;
      gunichar c = 0;
      if (semi && p[1] == '#')
        {
          char *end = NULL;
          gboolean hex = p[2] == 'x' || p[2] == 'X';
          guint64 v = g_ascii_strtoull (p + (hex ? 3 : 2), &end, hex ? 16 : 10);
          if (end == semi && end > p + (hex ? 3 : 2) && v != 0 && v <= 0x10FFFF && g_unichar_validate ((gunichar) v))
            c = (gunichar) v;
        }
      else if (semi && semi > p + 1)
        {
          g_autofree char *name = g_strndup (p + 1, (gsize) (semi - p - 1));
          const htmlEntityDesc *e = htmlEntityLookup ((const xmlChar *) name);
          c = e ? e->value : 0;
        }
      if (c)
        {
          out += g_unichar_to_utf8 (c == 0xA0 ? ' ' : c, out);   /* &nbsp; parts cells as a space does */
          p = semi + 1;
        }
      else
        *out++ = *p++;
    }
  *out = '\0';
}

/* TRUE when s starts a link target: a URL, a site path or an anchor. */
static gboolean
is_link_target (const char *s)
{
  return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://") || g_str_has_prefix (s, "www.")
         || *s == '/' || *s == '#';
}

void
gk_text_strip_markdown (char *line)
{
  if (!strpbrk (line, "#>*_[!"))
    return;   /* no mark at all: the line is not copied (every line of every text comes here) */
  char *p = line + strspn (line, " \t");   /* the indent stays: layout columns count from it */
  GString *out = g_string_new_len (line, p - line);
  for (;;)
    {
      gsize hashes = strspn (p, "#");
      if (hashes >= 1 && hashes <= 6 && p[hashes] == ' ')
        p += hashes + 1;
      else if (*p == '>' && p[1] == ' ')
        p += 2;
      else
        break;
    }
  while (*p)
    {
      if ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_'))
        {
          p += 2;
          continue;
        }
      gboolean image = p[0] == '!' && p[1] == '[';
      if (*p == '[' || image)
        {
          const char *open = image ? p + 1 : p;
          const char *close = strchr (open, ']');
          const char *end = close && close[1] == '(' && is_link_target (close + 2) ? strchr (close + 2, ')') : NULL;
          if (end)
            {
              if (!image)
                g_string_append_len (out, open + 1, close - open - 1);
              p = (char *) end + 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  memcpy (line, out->str, out->len + 1);   /* never longer than the line */
  g_string_free (out, TRUE);
}

/* A short line that opens with the number run of the row above glued to
 * the next row's numbered label ("713000074二、上年结转…", "10000016.属于…",
 * a flattened table kept a row a line, each label on the line after its
 * numbers): the run and the label, cut apart; NULL for any other line. */
static GPtrArray *
run_glued_to_label (const char *line)
{
  glong n = 0;
  g_autofree gunichar *u = g_utf8_to_ucs4_fast (line, -1, &n);
  if (n < 2 || !is_digit (u[0]))
    return NULL;
  glong end = number_run_end (u, n, 0);
  glong cut = -1;
  if (end + 1 < n && (u[end] == '.' || u[end] == 0xFF0E || u[end] == 0x3001) && gk_text_is_ideograph (u[end + 1])
      && end >= 2)
    cut = end - 1;   /* its last digit numbers the label */
  else if (end < n && starts_numbered_label (u, n, end))
    cut = end;
  if (cut <= 0)
    return NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  add_piece (out, u, 0, cut);
  add_piece (out, u, cut, n);
  return out;
}

GPtrArray *
gk_text_long_line_pieces (const char *line)
{
  return g_utf8_strlen (line, -1) > GK_FLAT_LINE_CHARS ? gk_text_flat_pieces (line) : run_glued_to_label (line);
}

GkContent *
gk_text_read (const char *data, gsize len, GError **error)
{
  if (len == 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_EMPTY, "empty file");
      return NULL;
    }
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_TEXT);
  /* NUL bytes would cut the text short: treat them as line ends */
  g_autofree char *copy = g_memdup2 (data, len);
  for (gsize i = 0; i < len; i++)
    if (copy[i] == '\0')
      copy[i] = '\n';
  g_autofree char *text = gk_text_to_utf8 (copy, len, content);
  decode_char_refs (text);
  char *folded = gk_text_fold_radicals (text);
  if (folded)
    g_free (text), text = folded;
  int page = 1;
  int n_ff = 0;
  for (const char *q = text; *q; q++)
    n_ff += *q == '\f';
  gboolean saw_ff = n_ff > 0;
  const char *last_ff = strrchr (text, '\f');
  gboolean ends_with_ff = TRUE;
  for (const char *q = last_ff ? last_ff + 1 : text; *q && ends_with_ff; q++)
    ends_with_ff = g_ascii_isspace (*q);
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (TextLine));
  int lineno = 0;
  for (char *p = text; p; )
    {
      char *nl = strchr (p, '\n');
      if (nl)
        *nl = '\0';
      lineno++;
      char *line = p;
      p = nl ? nl + 1 : NULL;
      /* a form feed starts a new page; pdftotext puts it at the start of the page's first line */
      while (*line == '\f')
        {
          page++;
          line++;
        }
      char *ff;
      while ((ff = strchr (line, '\f')))
        *ff = ' ';
      gk_text_strip_markdown (line);
      int indent = 0;
      while (g_ascii_isspace (line[indent]))
        indent++;
      g_strstrip (line);
      gk_line_strip_print_stamp (line);
      TextLine tl = { .text = line, .page = page, .lineno = lineno, .indent = indent };
      g_array_append_val (lines, tl);
    }
  int url_pages = saw_ff ? 0 : pages_from_repeated_urls (lines);
  if (url_pages > 1)
    {
      saw_ff = TRUE;
      n_ff = url_pages - 1;
      ends_with_ff = FALSE;
    }
  /* owns the texts of the joined lines while the lines are read */
  g_autoptr (GPtrArray) joined G_GNUC_UNUSED = join_pipe_continuations (lines);
  if (saw_ff)
    mark_page_numbers (lines);
  else
    {
      mark_page_numbers_beside_furniture (lines);
      int counted_pages = mark_page_number_chain (lines);
      if (counted_pages > 1)
        {
          saw_ff = TRUE;
          n_ff = counted_pages - 1;
          ends_with_ff = FALSE;
          mark_page_numbers (lines);
        }
    }
  mark_numbers_inside_sentences (lines);
  /* a page a crawler kept with some of its text on one line (a table's
   * rows run together) may keep the rest of it on shorter lines alike: all
   * of them are cut as a flattened page's */
  gboolean kept_flat = FALSE;
  for (guint k = 0; k < lines->len && !kept_flat; k++)
    kept_flat = g_utf8_strlen (g_array_index (lines, TextLine, k).text, -1) > GK_FLAT_LINE_CHARS
                || line_runs_rows_together (g_array_index (lines, TextLine, k).text);
  gboolean spaced = dump_spaces_its_lines (lines);
  gboolean any_text = FALSE;
  for (guint k = 0; k < lines->len; k++)
    {
      const TextLine *tl = &g_array_index (lines, TextLine, k);
      if (*tl->text == '\0' || tl->page_number)
        continue;
      gboolean spaced_above = spaced && k >= 2 && !*g_array_index (lines, TextLine, k - 1).text
                              && *g_array_index (lines, TextLine, k - 2).text;
      if (gk_line_is_page_furniture (tl->text))
        continue;
      any_text = TRUE;
      GkSource src = { .page = saw_ff ? tl->page : 0, .line = tl->lineno, .method = GK_METHOD_TEXT, .confidence = 1.0 };
      /* no line of a text not kept flat is long: only a run may be cut off */
      g_autoptr (GPtrArray) pieces = kept_flat ? gk_text_flat_pieces (tl->text) : run_glued_to_label (tl->text);
      for (guint p = 0; p < (pieces ? pieces->len : 1); p++)
        {
          const char *piece = pieces ? pieces->pdata[p] : tl->text;
          g_ptr_array_add (content->lines, gk_line_new (piece, &src));
          GkRow *row = gk_line_to_row (piece, &src);
          if (tl->maybe_page_number && row->cells->len == 1)
            ((GkCell *) row->cells->pdata[0])->maybe_page_number = TRUE;
          for (guint k = 0; k < row->cells->len; k++)
            {
              GkCell *cell = row->cells->pdata[k];
              /* a piece of a cut line has no column of the page; a line's
               * first token stands after its indent */
              if (!pieces && cell->text_col == 0)
                cell->text_gap = tl->indent;
              cell->text_col = pieces ? -1 : cell->text_col + tl->indent;
              cell->spaced_above = spaced_above;
            }
          g_ptr_array_add (content->rows, row);
        }
    }
  gboolean by_display = laid_out_by_display_width (content->rows, lines);
  if (by_display)
    columns_in_display_cells (content->rows, lines);
  else
    restore_wrapped_numbers (content->rows);   /* its gaps count characters */
  restore_layout_blanks (content->rows);
  restore_header_column_blanks (content->rows, lines, by_display);
  join_cells_over_label_lines (content->rows);
  if (!any_text)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_EMPTY, "no text in file");
      return NULL;
    }
  /* a trailing form feed (pdftotext ends every page with one) is no page */
  content->n_pages = saw_ff ? n_ff + (ends_with_ff ? 0 : 1) : 0;
  return g_steal_pointer (&content);
}
