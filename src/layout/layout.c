/* layout.c — see layout.h. */
#include "layout.h"
#include "layout/grid.h"
#include "common/gk-regex.h"
#include "common/gk-text.h"
#include "common/gk-number.h"
#include "content/line-row.h"
#include <math.h>
#include <string.h>

/* Bands rendered for rules reach this far above a table-like line (header
 * rows of table 三 or 四, wrapped and vertical, are up to ~150 pt tall) … */
#define GK_LAYOUT_BAND_ABOVE_PT 200.0
/* … and this far below it (the closing rule and a short last row). */
#define GK_LAYOUT_BAND_BELOW_PT 40.0
/* A word gap this many line heights wide separates table columns, not words of prose … */
#define GK_LAYOUT_COLUMN_GAP 1.5
/* … and this many, between at least GK_LAYOUT_ROW_MIN_CELLS numbers, separates
 * narrow columns (full-width digits in 31 pt columns leave ~1.3). */
#define GK_LAYOUT_NARROW_COLUMN_GAP 1.0
#define GK_LAYOUT_ROW_MIN_CELLS 3
/* Words whose centre lies this far outside a grid still belong to it (rule thickness). */
#define GK_LAYOUT_GRID_SLACK_PT 1.0
/* The top and bottom margins, as parts of the page height, where a lone number is a page number. */
#define GK_LAYOUT_MARGIN_FRACTION 0.12

typedef struct {
  GPtrArray *words;   /* const GkWord*, left to right */
  GkRect box;
  double core_y0, core_y1;  /* vertical extent of the first word: what later words must overlap */
} Line;

static void
line_free (Line *l)
{
  g_ptr_array_unref (l->words);
  g_free (l);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Line, line_free)

static GkRect
rect_union (GkRect a, GkRect b)
{
  return (GkRect) { MIN (a.x0, b.x0), MIN (a.y0, b.y0), MAX (a.x1, b.x1), MAX (a.y1, b.y1) };
}

static int
cmp_word_cy (gconstpointer a, gconstpointer b)
{
  const GkWord *x = *(GkWord *const *) a, *y = *(GkWord *const *) b;
  double cx = x->box.y0 + x->box.y1, cy = y->box.y0 + y->box.y1;
  if (cx != cy)
    return (cx > cy) - (cx < cy);
  return (x->box.x0 > y->box.x0) - (x->box.x0 < y->box.x0);
}

static int
cmp_word_x (gconstpointer a, gconstpointer b)
{
  const GkWord *x = *(GkWord *const *) a, *y = *(GkWord *const *) b;
  return (x->box.x0 > y->box.x0) - (x->box.x0 < y->box.x0);
}

static int
cmp_line_y (gconstpointer a, gconstpointer b)
{
  const Line *x = *(Line *const *) a, *y = *(Line *const *) b;
  return (x->box.y0 > y->box.y0) - (x->box.y0 < y->box.y0);
}

/* Groups words (const GkWord*) into visual lines, top to bottom. */
static GPtrArray *
group_lines (GPtrArray *words)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  g_ptr_array_sort (words, cmp_word_cy);
  Line *cur = NULL;
  for (guint i = 0; i < words->len; i++)
    {
      const GkWord *w = words->pdata[i];
      if (cur)
        {
          /* against the first word, not the growing line box, so that a
           * column of single characters cannot chain several lines together */
          double overlap = MIN (cur->core_y1, w->box.y1) - MAX (cur->core_y0, w->box.y0);
          double hmin = MIN (cur->core_y1 - cur->core_y0, w->box.y1 - w->box.y0);
          if (overlap >= GK_LAYOUT_LINE_OVERLAP * hmin)
            {
              g_ptr_array_add (cur->words, (gpointer) w);
              cur->box = rect_union (cur->box, w->box);
              continue;
            }
        }
      cur = g_new0 (Line, 1);
      cur->words = g_ptr_array_new ();
      g_ptr_array_add (cur->words, (gpointer) w);
      cur->box = w->box;
      cur->core_y0 = w->box.y0;
      cur->core_y1 = w->box.y1;
      g_ptr_array_add (lines, cur);
    }
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_sort (((Line *) lines->pdata[i])->words, cmp_word_x);
  g_ptr_array_sort (lines, cmp_line_y);
  return lines;
}

/* A line as segments: runs of words with no visible gap between them.  The
 * segments are the white-space tokens of the line's text, each with its box. */
typedef struct {
  GString *text;      /* segments joined by one space */
  GArray *boxes;      /* GkRect per segment */
  double max_gap;     /* widest gap between segments, in line heights */
} LineText;

static void
line_text_clear (LineText *lt)
{
  g_string_free (lt->text, TRUE);
  g_array_unref (lt->boxes);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LineText, line_text_clear)

static void
line_text_init (LineText *lt, const Line *line)
{
  lt->text = g_string_new (NULL);
  lt->boxes = g_array_new (FALSE, FALSE, sizeof (GkRect));
  lt->max_gap = 0;
  double h = line->box.y1 - line->box.y0;
  for (guint i = 0; i < line->words->len; i++)
    {
      const GkWord *w = line->words->pdata[i];
      if (i > 0)
        {
          GkRect *last = &g_array_index (lt->boxes, GkRect, lt->boxes->len - 1);
          double gap = w->box.x0 - last->x1;
          if (gap <= GK_LAYOUT_SPACE_GAP * h)
            {
              g_string_append (lt->text, w->text);
              *last = rect_union (*last, w->box);
              continue;
            }
          lt->max_gap = MAX (lt->max_gap, h > 0 ? gap / h : 0);
          g_string_append_c (lt->text, ' ');
        }
      g_string_append (lt->text, w->text);
      g_array_append_val (lt->boxes, w->box);
    }
}

/* A lone number no greater than the page's own, in its top or bottom
 * margin: the printed page number (a text dump cannot tell it from a
 * table's one-number line; a page can).  Left as a row, it would stand
 * between a table row broken by the page and its rest. */
static gboolean
is_page_number (const GkPage *page, const Line *line, const char *text)
{
  double margin = page->height * GK_LAYOUT_MARGIN_FRACTION;
  if (line->box.y0 < page->height - margin && line->box.y1 > margin)
    return FALSE;
  g_autofree char *n = g_strstrip (gk_text_nfkc (text));
  char *end = NULL;
  guint64 v = g_ascii_strtoull (n, &end, 10);
  return *n && g_ascii_isdigit (*n) && end && *end == '\0' && v >= 1 && v <= (guint64) page->number;
}

/* TRUE when the line holds a number set off by a column gap, or a run of
 * numbers set off by narrower ones: a table row.  A lone number is one too
 * (not the page's own number): the value of a row whose wrapped label runs
 * above and below it, or the one cell printed in a row of blanks. */
static gboolean
line_is_table_like (const GkPage *page, const Line *line)
{
  g_auto (LineText) lt;
  line_text_init (&lt, line);
  if (lt.boxes->len == 1)
    return gk_number_is_cell_token (lt.text->str) && !is_page_number (page, line, lt.text->str)
           && !gk_line_is_page_furniture (lt.text->str);
  if (lt.max_gap < GK_LAYOUT_NARROW_COLUMN_GAP)
    return FALSE;
  g_autoptr (GkRow) row = gk_line_to_row (lt.text->str, NULL);
  guint min_cells = lt.max_gap < GK_LAYOUT_COLUMN_GAP ? GK_LAYOUT_ROW_MIN_CELLS : 1;
  return row->cells->len >= min_cells;
}

GArray *
gk_layout_table_bands (const GkPage *page)
{
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (GkRect));
  g_autoptr (GPtrArray) words = g_ptr_array_new ();
  for (guint i = 0; i < page->words->len; i++)
    g_ptr_array_add (words, page->words->pdata[i]);
  g_autoptr (GPtrArray) lines = group_lines (words);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = lines->pdata[i];
      if (!line_is_table_like (page, l))
        continue;
      GkRect b = { 0, MAX (0, l->box.y0 - GK_LAYOUT_BAND_ABOVE_PT), page->width,
                   MIN (page->height, l->box.y1 + GK_LAYOUT_BAND_BELOW_PT) };
      if (bands->len)
        {
          GkRect *last = &g_array_index (bands, GkRect, bands->len - 1);
          if (b.y0 <= last->y1)
            {
              last->y1 = MAX (last->y1, b.y1);
              continue;
            }
        }
      g_array_append_val (bands, b);
    }
  return bands;
}

static GkSource
source_for (const GkPage *page, const GkRect *box, double confidence)
{
  GkSource src = { .page = page->number, .line = 0, .has_box = box != NULL,
                   .method = page->method, .confidence = confidence };
  if (box)
    src.box = *box;
  return src;
}

static void
add_line (GkContent *content, const GkPage *page, const char *text, const GkRect *box, double conf)
{
  GkSource src = source_for (page, box, conf);
  g_ptr_array_add (content->lines, gk_line_new (text, &src));
}

/* Joins text pieces; a space only between two ASCII letters or digits. */
static void
append_joined (GString *s, const char *piece)
{
  if (!*piece)
    return;
  if (s->len && g_ascii_isalnum (s->str[s->len - 1]) && g_ascii_isalnum (piece[0]))
    g_string_append_c (s, ' ');
  g_string_append (s, piece);
}

/* One grid cell as read: its text (lines top to bottom) and the box of that text. */
typedef struct {
  GPtrArray *words;   /* const GkWord* */
  char *text;
  gboolean has_text;
  GkRect text_box;
  double confidence;
} CellText;

static void
cell_text_fill (CellText *ct)
{
  g_autoptr (GString) s = g_string_new (NULL);
  ct->confidence = 1.0;
  if (ct->words->len)
    {
      g_autoptr (GPtrArray) lines = group_lines (ct->words);
      for (guint i = 0; i < lines->len; i++)
        {
          g_auto (LineText) lt;
          line_text_init (&lt, lines->pdata[i]);
          append_joined (s, lt.text->str);
        }
      for (guint i = 0; i < ct->words->len; i++)
        {
          const GkWord *w = ct->words->pdata[i];
          ct->text_box = i ? rect_union (ct->text_box, w->box) : w->box;
          ct->confidence = MIN (ct->confidence, w->confidence);
        }
      ct->has_text = TRUE;
    }
  ct->text = g_string_free (g_steal_pointer (&s), FALSE);
}

/* A value cell's text: a number or placeholder, a blank, or a figure the
 * OCR saw but could not read (GK_UNREAD_MARK, null later). */
static gboolean
text_is_value (const char *text)
{
  return !*text || gk_number_is_cell_token (text) || strcmp (text, GK_UNREAD_MARK) == 0;
}

/* The first row of a table at the top of a page whose value cells are all
 * blank, as many as the previous page's last row has, and whose label does
 * not open a row, is that row's rest: a page broke it.  Its label text
 * (the cell next to the values; cells further left continue merged group
 * labels already read) joins the previous row's label. */
static gboolean
continue_previous_row (const GkPage *page, GkContent *content, const char *label_tail,
                       guint n_values, gboolean values_blank)
{
  if (!values_blank || n_values == 0 || content->rows->len == 0 || gk_line_opens_row (label_tail))
    return FALSE;
  GkRow *prev = content->rows->pdata[content->rows->len - 1];
  if (prev->cells->len != n_values)
    return FALSE;
  for (guint i = 0; i < prev->cells->len; i++)
    {
      GkCell *c = prev->cells->pdata[i];
      if (!c->grid_cell || c->src.page != page->number - 1)
        return FALSE;
    }
  g_autoptr (GString) label = g_string_new (prev->label);
  append_joined (label, label_tail);
  g_free (prev->label);
  prev->label = g_string_free (g_steal_pointer (&label), FALSE);
  return TRUE;
}

/* A producer may also move a broken row's figures to the next page with
 * the rest of its label: the previous page's last row has a label and only
 * blank value cells, as many as this first row has, and this row's label
 * does not open a row.  That previous row is the one to finish (NULL when
 * it is not so). */
static GkRow *
row_finished_here (const GkPage *page, GkContent *content, const char *label_tail, guint n_values,
                   gboolean values_blank)
{
  if (values_blank || n_values == 0 || content->rows->len == 0 || !*label_tail || gk_line_opens_row (label_tail))
    return NULL;
  GkRow *prev = content->rows->pdata[content->rows->len - 1];
  if (prev->cells->len != n_values || !*prev->label)
    return NULL;
  for (guint i = 0; i < prev->cells->len; i++)
    {
      GkCell *c = prev->cells->pdata[i];
      if (!c->grid_cell || c->src.page != page->number - 1 || *c->raw)
        return NULL;
    }
  return prev;
}

/* The same break the other way (a producer that sets a row's numbers, centred
 * lower, on the page its label is cut from): the first row of a table at
 * the top of a page, after the table's header repeated, whose value cells
 * are all blank and whose label opens a row, is the label of the previous
 * page's last row when that row has figures in as many ruled cells and no
 * label at all.  That row takes the label. */
static gboolean
label_previous_row (const GkPage *page, GkContent *content, const char *label, const GkSource *label_src,
                    const char *label_tail, guint n_values, gboolean values_blank)
{
  if (!values_blank || n_values == 0 || !gk_line_opens_row (label_tail))
    return FALSE;
  GkRow *prev = NULL;
  for (guint i = content->rows->len; i > 0 && !prev; i--)
    {
      GkRow *r = content->rows->pdata[i - 1];
      if (r->cells->len)
        prev = r;
      else if (r->label_src.page != page->number)
        return FALSE;   /* only this page's repeated header stands between */
    }
  if (!prev || prev->cells->len != n_values || *prev->label)
    return FALSE;
  gboolean figures = FALSE;
  for (guint i = 0; i < prev->cells->len; i++)
    {
      GkCell *c = prev->cells->pdata[i];
      if (!c->grid_cell || c->src.page != page->number - 1)
        return FALSE;
      figures |= *c->raw != '\0';
    }
  if (!figures)
    return FALSE;
  g_free (prev->label);
  prev->label = g_strdup (label);
  prev->label_src = *label_src;
  return TRUE;
}

/* A grid with no number at all (a table whose only cells are blank, a fee
 * of nothing): its value columns are the leftmost run of columns that hold
 * text only in the header rows above and are blank in every row below,
 * where the columns to their left hold the labels.  n_cols when there is
 * no such run. */
static int
blank_value_col (const GkGrid *grid, const CellText *cells)
{
  for (int c = 1; c < grid->n_cols; c++)
    {
      int last_header = -1, last_label = -1;
      for (guint j = 0; j < grid->cells->len; j++)
        {
          const GkGridCell *gc = &g_array_index (grid->cells, GkGridCell, j);
          if (!cells[j].has_text)
            continue;
          if (gc->col + gc->col_span > c)
            last_header = MAX (last_header, gc->row + gc->row_span - 1);
          else
            last_label = MAX (last_label, gc->row);
        }
      if (last_header < 0)
        return grid->n_cols;   /* no header over these columns: nothing says they hold values */
      if (last_label > last_header)
        return c;
    }
  return grid->n_cols;
}

/* The first value column of a grid: the leftmost column where a cell holds
 * a number, widened to the left over columns that hold no words but numbers
 * in any row with a number — blank value cells (table 四 with its first
 * columns empty), not labels.  n_cols when no cell holds a number. */
static int
grid_value_col (const GkGrid *grid, const CellText *cells)
{
  guint nc = grid->cells->len;
  int value_col = grid->n_cols;
  g_autofree gboolean *data_row = g_new0 (gboolean, grid->n_rows);
  for (guint j = 0; j < nc; j++)
    if (cells[j].has_text && gk_number_is_cell_token (cells[j].text))
      {
        const GkGridCell *gc = &g_array_index (grid->cells, GkGridCell, j);
        value_col = MIN (value_col, gc->col);
        data_row[gc->row] = TRUE;
      }
  if (value_col == grid->n_cols)
    return blank_value_col (grid, cells);
  while (value_col > 0)
    {
      int c = value_col - 1;
      for (guint j = 0; j < nc; j++)
        {
          const GkGridCell *gc = &g_array_index (grid->cells, GkGridCell, j);
          if (data_row[gc->row] && gc->col <= c && c < gc->col + gc->col_span && !text_is_value (cells[j].text))
            return value_col;
        }
      value_col = c;
    }
  return value_col;
}

/* The row each cell of a grid is read in: the one it starts in, except
 * for a row's labels that start lower than its figures.  A producer may
 * rule the label columns of a row apart from its value columns (wkhtmltopdf
 * under a wrapped label above: a rule across the labels only, inside the
 * row's figures): the row's value cells span two base rows, its labels
 * start in the second, and read row by row the figures would have no
 * label and the labels no figures.  Labels starting inside the span of a
 * row's value cells, where that row's own label cells are blank and no
 * value cell starts there, are read with those figures.  Returns the cells
 * in the order read, row by row (each row's in their grid order);
 * row_start[r] (n_rows + 1 of them) is where row r's begin. */
static guint *
cells_in_rows_read (const GkGrid *grid, const CellText *cells, int value_col, guint *row_start)
{
  guint nc = grid->cells->len;
  g_autofree int *read_row = g_new (int, MAX (nc, 1));
  g_autofree int *value_span = g_new0 (int, MAX (grid->n_rows, 1));   /* fewest base rows a value cell starting there spans */
  g_autofree gboolean *labelled = g_new0 (gboolean, MAX (grid->n_rows, 1));
  for (guint j = 0; j < nc; j++)
    {
      const GkGridCell *gc = &g_array_index (grid->cells, GkGridCell, j);
      read_row[j] = gc->row;
      if (gc->col >= value_col)
        value_span[gc->row] = value_span[gc->row] ? MIN (value_span[gc->row], gc->row_span) : gc->row_span;
      else
        labelled[gc->row] |= cells[j].has_text;
    }
  for (int r = 0; r < grid->n_rows; r++)
    {
      if (value_span[r] < 2 || labelled[r])
        continue;
      int below = r + 1;
      while (below < r + value_span[r] && below < grid->n_rows && !value_span[below])
        below++;
      if (below != r + value_span[r])
        continue;
      for (guint j = 0; j < nc; j++)
        {
          const GkGridCell *gc = &g_array_index (grid->cells, GkGridCell, j);
          if (gc->col < value_col && gc->row > r && gc->row < below)
            read_row[j] = r;
        }
    }
  /* a counting sort by the row read in, stable */
  memset (row_start, 0, (grid->n_rows + 1) * sizeof (guint));
  for (guint j = 0; j < nc; j++)
    row_start[read_row[j] + 1]++;
  for (int r = 0; r < grid->n_rows; r++)
    row_start[r + 1] += row_start[r];
  guint *order = g_new (guint, MAX (nc, 1));
  g_autofree guint *next = g_memdup2 (row_start, grid->n_rows * sizeof (guint));
  for (guint j = 0; j < nc; j++)
    order[next[read_row[j]]++] = j;
  return order;
}

/* One ruled table → rows (and a line per row with text). */
static void
layout_grid (const GkPage *page, const GkGrid *grid, GPtrArray *words, GkContent *content, gboolean at_page_top)
{
  guint nc = grid->cells->len;
  g_autofree CellText *cells = g_new0 (CellText, nc);
  for (guint k = 0; k < nc; k++)
    cells[k].words = g_ptr_array_new ();
  for (guint i = 0; i < words->len; i++)
    {
      const GkWord *w = words->pdata[i];
      double cx = (w->box.x0 + w->box.x1) / 2, cy = (w->box.y0 + w->box.y1) / 2;
      cx = CLAMP (cx, grid->box.x0, grid->box.x1);
      cy = CLAMP (cy, grid->box.y0, grid->box.y1);
      int k = gk_layout_grid_cell_at (grid, cx, cy);
      if (k >= 0)
        g_ptr_array_add (cells[k].words, (gpointer) w);
    }
  for (guint k = 0; k < nc; k++)
    cell_text_fill (&cells[k]);
  int value_col = grid_value_col (grid, cells);
  g_autofree guint *row_start = g_new (guint, grid->n_rows + 1);
  g_autofree guint *order = cells_in_rows_read (grid, cells, value_col, row_start);
  for (int r = 0; r < grid->n_rows; r++)
    {
      /* the cells read as row r's (those that start in it, and labels it
       * takes from below), left to right within their rows */
      gboolean header = FALSE, any_value = FALSE, any_text = FALSE;
      GkRow *finished = NULL;   /* the previous page's last row, finished by this one */
      const char *finished_tail = NULL;
      for (guint q = row_start[r]; q < row_start[r + 1]; q++)
        {
          guint j = order[q];
          const GkGridCell *gc = &g_array_index (grid->cells, GkGridCell, j);
          any_text |= cells[j].has_text;
          if (gc->col >= value_col)
            {
              any_value = TRUE;
              header |= !text_is_value (cells[j].text);
            }
        }
      /* a row without a word (a spacer, or a row of blanks with no label)
       * says nothing a reader could tie to the template: no row */
      if (!any_text)
        continue;
      g_autoptr (GString) label = g_string_new (NULL);
      g_autoptr (GString) all = g_string_new (NULL);
      GkRect label_box = { 0 };
      gboolean has_label_box = FALSE;
      double conf = 1.0;
      for (guint q = row_start[r]; q < row_start[r + 1]; q++)
        {
          guint j = order[q];
          const GkGridCell *gc = &g_array_index (grid->cells, GkGridCell, j);
          if (cells[j].has_text)
            {
              if (all->len)
                g_string_append_c (all, ' ');
              g_string_append (all, cells[j].text);
            }
          if ((gc->col < value_col || header || !any_value) && cells[j].has_text)
            {
              if (label->len)
                g_string_append_c (label, ' ');
              g_string_append (label, cells[j].text);
              label_box = has_label_box ? rect_union (label_box, cells[j].text_box) : cells[j].text_box;
              has_label_box = TRUE;
              conf = MIN (conf, cells[j].confidence);
            }
        }
      GkSource lsrc = source_for (page, has_label_box ? &label_box : NULL, conf);
      if (at_page_top)
        {
          /* only the table's first row can carry on the previous page's last */
          at_page_top = FALSE;
          const char *tail = "";
          guint n_values = 0;
          gboolean blank = !header;
          for (guint q = row_start[r]; q < row_start[r + 1]; q++)
            {
              guint j = order[q];
              const GkGridCell *gc = &g_array_index (grid->cells, GkGridCell, j);
              if (gc->col >= value_col)
                {
                  n_values++;
                  blank &= !cells[j].has_text;
                }
              else if (cells[j].has_text)
                tail = cells[j].text;
            }
          if (continue_previous_row (page, content, tail, n_values, blank)
              || label_previous_row (page, content, label->str, &lsrc, tail, n_values, blank))
            {
              if (all->len)
                add_line (content, page, all->str, NULL, conf);
              continue;
            }
          /* a header repeated at the page's head finishes no row */
          finished = header ? NULL : row_finished_here (page, content, tail, n_values, blank);
          finished_tail = tail;
          at_page_top = header;   /* the header repeated: the next row is the first */
        }
      GkRow *row = finished ? finished : gk_row_new (label->str, &lsrc);
      if (finished)
        {
          g_autoptr (GString) joined = g_string_new (finished->label);
          append_joined (joined, finished_tail);
          g_free (finished->label);
          finished->label = g_string_free (g_steal_pointer (&joined), FALSE);
          g_ptr_array_set_size (finished->cells, 0);   /* the blanks left on the page before */
        }
      if (any_value && !header)
        for (guint q = row_start[r]; q < row_start[r + 1]; q++)
          {
            guint j = order[q];
            const GkGridCell *gc = &g_array_index (grid->cells, GkGridCell, j);
            if (gc->col < value_col)
              continue;
            const GkRect *box = cells[j].has_text ? &cells[j].text_box : &gc->box;
            GkSource src = source_for (page, box, cells[j].confidence);
            GkCell *cell = gk_cell_new (cells[j].text, &src);
            cell->grid_cell = TRUE;
            gk_row_add_cell (row, cell);
          }
      if (all->len)
        {
          GkRect rbox = { grid->box.x0, g_array_index (grid->ys, double, r),
                          grid->box.x1, g_array_index (grid->ys, double, r + 1) };
          add_line (content, page, all->str, &rbox, conf);
        }
      if (!finished)
        g_ptr_array_add (content->rows, row);
    }
  for (guint j = 0; j < nc; j++)
    {
      g_ptr_array_unref (cells[j].words);
      g_free (cells[j].text);
    }
}

/* One line of text outside any grid: a line of prose, a heading, or a row
 * of a table without rules, split like the text path but with real boxes. */
static gboolean
layout_free_line (const GkPage *page, const Line *line, GkContent *content)
{
  g_auto (LineText) lt;
  line_text_init (&lt, line);
  if (gk_line_is_page_furniture (lt.text->str) || is_page_number (page, line, lt.text->str))
    return FALSE;
  double conf = 1.0;
  for (guint i = 0; i < line->words->len; i++)
    conf = MIN (conf, ((const GkWord *) line->words->pdata[i])->confidence);
  add_line (content, page, lt.text->str, &line->box, conf);
  GkSource src = source_for (page, &line->box, conf);
  GkRow *row = gk_line_to_row (lt.text->str, &src);
  /* the row's tokens are the line's segments: give each cell its own box */
  int seg = (int) lt.boxes->len - 1;
  for (int c = (int) row->cells->len - 1; c >= 0 && seg >= 0; c--)
    {
      GkCell *cell = row->cells->pdata[c];
      int ntok = 1;
      for (const char *q = cell->raw; *q; q++)
        ntok += *q == ' ';
      GkRect box = g_array_index (lt.boxes, GkRect, seg);
      for (int t = 1; t < ntok && seg - t >= 0; t++)
        box = rect_union (box, g_array_index (lt.boxes, GkRect, seg - t));
      seg -= ntok;
      cell->src.box = box;
    }
  if (seg >= 0 && row->cells->len)
    {
      GkRect box = g_array_index (lt.boxes, GkRect, 0);
      for (int t = 1; t <= seg; t++)
        box = rect_union (box, g_array_index (lt.boxes, GkRect, t));
      row->label_src.box = box;
    }
  g_ptr_array_add (content->rows, row);
  return TRUE;
}

void
gk_layout_page (const GkPage *page, GkContent *content)
{
  g_autoptr (GPtrArray) grids = gk_layout_grids_find (page->rules);
  g_autoptr (GPtrArray) free_words = g_ptr_array_new ();
  g_autoptr (GPtrArray) grid_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint g = 0; g < grids->len; g++)
    g_ptr_array_add (grid_words, g_ptr_array_new ());
  for (guint i = 0; i < page->words->len; i++)
    {
      const GkWord *w = page->words->pdata[i];
      double cx = (w->box.x0 + w->box.x1) / 2, cy = (w->box.y0 + w->box.y1) / 2;
      gboolean taken = FALSE;
      for (guint g = 0; g < grids->len && !taken; g++)
        {
          const GkGrid *grid = grids->pdata[g];
          if (cx >= grid->box.x0 - GK_LAYOUT_GRID_SLACK_PT && cx <= grid->box.x1 + GK_LAYOUT_GRID_SLACK_PT
              && cy >= grid->box.y0 - GK_LAYOUT_GRID_SLACK_PT && cy <= grid->box.y1 + GK_LAYOUT_GRID_SLACK_PT)
            {
              g_ptr_array_add (grid_words->pdata[g], (gpointer) w);
              taken = TRUE;
            }
        }
      if (!taken)
        g_ptr_array_add (free_words, (gpointer) w);
    }
  g_autoptr (GPtrArray) lines = group_lines (free_words);
  /* reading order: free lines and grids by their top edge */
  guint g = 0;
  gboolean at_top = TRUE;   /* nothing but page furniture read yet on this page */
  for (guint i = 0; i <= lines->len; i++)
    {
      const Line *line = i < lines->len ? lines->pdata[i] : NULL;
      while (g < grids->len && (!line || ((GkGrid *) grids->pdata[g])->box.y0 <= line->box.y0))
        {
          layout_grid (page, grids->pdata[g], grid_words->pdata[g], content, at_top);
          at_top = FALSE;
          g++;
        }
      if (line && layout_free_line (page, line, content))
        at_top = FALSE;
    }
}
