/* test-layout.c — the layout stage on its own: pages of words and rules made
 * in the test (no PDF, no OCR) → grids, table bands, lines and rows. */
#include <math.h>
#include "layout/grid.h"
#include "layout/layout.h"
#include "layout/rules.h"
#include "testutil.h"

#define PAGE_W 595.0
#define PAGE_H 842.0

/* A row of full-width numbers in narrow columns leaves gaps of ~1.3 line
 * heights, under the 1.5 that tells a column from a word gap: with three
 * numbers or more it is a table row all the same, and its band is searched
 * for rules (their loss left table 三's last rows unruled, a row broken by
 * the page unjoined).  Two numbers so spaced are no row. */
static void
test_narrow_column_band (void)
{
  static const char *const row[] = { "８１", "１", "—", "—", "—", "２", "８４" };
  g_autoptr (GkPage) page = gk_page_new (4, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  g_autoptr (GkPage) pair = gk_page_new (4, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  double x = 290;
  for (gsize i = 0; i < G_N_ELEMENTS (row); i++)
    {
      GkRect box = { x, 446, x + 12, 462 };      /* 16 pt high, 20.8 pt (1.3 heights) apart */
      gk_page_add_word (page, row[i], &box, 1.0);
      if (i < 2)
        gk_page_add_word (pair, row[i], &box, 1.0);
      x += 12 + 20.8;
    }
  g_autoptr (GArray) bands = gk_layout_table_bands (page);
  g_assert_cmpuint (bands->len, ==, 1);
  g_assert_cmpfloat (g_array_index (bands, GkRect, 0).y0, <, 446);
  g_assert_cmpfloat (g_array_index (bands, GkRect, 0).y1, >, 462);
  g_autoptr (GArray) none = gk_layout_table_bands (pair);
  g_assert_cmpuint (none->len, ==, 0);
}

/* A row of blanks whose one number (the total) sits between the two lines
 * of its wrapped label is a line of one number: a table row all the same,
 * whose band is searched for rules (without it the middle rows of such a
 * table fell between two bands and out of its grid).  The page's own
 * number alone in the bottom margin is no row. */
static void
test_lone_number_band (void)
{
  g_autoptr (GkPage) page = gk_page_new (3, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  GkRect label_top = { 160, 440, 240, 451 }, value = { 505, 447, 511, 458 }, label_bottom = { 160, 454, 184, 465 };
  gk_page_add_word (page, "3.危及“三安全一", &label_top, 1.0);
  gk_page_add_word (page, "0", &value, 1.0);
  gk_page_add_word (page, "稳定”", &label_bottom, 1.0);
  g_autoptr (GArray) bands = gk_layout_table_bands (page);
  g_assert_cmpuint (bands->len, ==, 1);
  g_assert_cmpfloat (g_array_index (bands, GkRect, 0).y0, <, 440);
  g_assert_cmpfloat (g_array_index (bands, GkRect, 0).y1, >, 465);

  g_autoptr (GkPage) folio = gk_page_new (3, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  GkRect number = { 295, 800, 301, 811 };
  gk_page_add_word (folio, "3", &number, 1.0);
  g_autoptr (GArray) none = gk_layout_table_bands (folio);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
add_rule (GArray *rules, double x0, double y0, double x1, double y1)
{
  GkRect r = { x0, y0, x1, y1 };
  g_array_append_val (rules, r);
}

/* A ruled grid of n_rows x n_cols cells of w x h points at (x0, y0), as rules of a page. */
static void
add_grid_rules (GkPage *page, double x0, double y0, int n_rows, int n_cols, double w, double h)
{
  for (int r = 0; r <= n_rows; r++)
    {
      GkRect rule = { x0, y0 + r * h, x0 + n_cols * w, y0 + r * h + 0.5 };
      gk_page_add_rule (page, &rule);
    }
  for (int c = 0; c <= n_cols; c++)
    {
      GkRect rule = { x0 + c * w, y0, x0 + c * w + 0.5, y0 + n_rows * h };
      gk_page_add_rule (page, &rule);
    }
}

/* A word at the top left of grid cell (row, col). */
static void
add_cell_word (GkPage *page, double x0, double y0, double w, double h, int row, int col, const char *text)
{
  GkRect box = { x0 + col * w + 2, y0 + row * h + 4, x0 + col * w + 2 + 9.0 * g_utf8_strlen (text, -1), y0 + row * h + 14 };
  gk_page_add_word (page, text, &box, 1.0);
}

/* A page of one ruled grid, rows × 3 cells 80 × 20 pt from (50, y0), with
 * the words cells gives row by row ("" for a blank cell). */
static GkPage *
grid_page (int number, double y0, int rows, const char *const *cells)
{
  GkPage *page = gk_page_new (number, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  add_grid_rules (page, 50, y0, rows, 3, 80, 20);
  for (int k = 0; k < rows * 3; k++)
    if (*cells[k])
      add_cell_word (page, 50, y0, 80, 20, k / 3, k % 3, cells[k]);
  return page;
}

/* A row broken by the page the other way round: its figures at the foot
 * of one page with no label, its label at the head of the next (after the
 * table's header repeated) over blank cells.  One row, labelled; the row
 * after it stands on its own; a labelled row of blanks at a page's head
 * after a labelled row is a row of blanks. */
static void
test_row_figures_before_its_label (void)
{
  const double x0 = 50, w = 80, h = 20;
  for (int repeat_header = 0; repeat_header <= 1; repeat_header++)
    {
      g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_TEXT);
      g_autoptr (GkPage) p1 = grid_page (1, 700, 2, (const char *const[]) { "1.行政许可", "1", "2", "", "3", "4" });
      gk_layout_page (p1, content);
      g_autoptr (GkPage) p2 = gk_page_new (2, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
      int top = repeat_header;
      add_grid_rules (p2, x0, 80, 2 + top, 3, w, h);
      if (repeat_header)
        {
          add_cell_word (p2, x0, 80, w, h, 0, 0, "信息内容");
          add_cell_word (p2, x0, 80, w, h, 0, 1, "本年");
          add_cell_word (p2, x0, 80, w, h, 0, 2, "累计");
        }
      add_cell_word (p2, x0, 80, w, h, top, 0, "2.行政处罚");
      add_cell_word (p2, x0, 80, w, h, top + 1, 0, "3.行政强制");
      add_cell_word (p2, x0, 80, w, h, top + 1, 1, "5");
      add_cell_word (p2, x0, 80, w, h, top + 1, 2, "6");
      gk_layout_page (p2, content);
      GkRow *figures = NULL, *next = NULL;
      for (guint i = 0; i < content->rows->len; i++)
        {
          GkRow *r = content->rows->pdata[i];
          g_assert_cmpstr (r->label, !=, "");
          if (strcmp (r->label, "2.行政处罚") == 0)
            figures = r;
          if (strcmp (r->label, "3.行政强制") == 0)
            next = r;
        }
      g_assert_nonnull (figures);
      g_assert_cmpuint (figures->cells->len, ==, 2);
      g_assert_cmpstr (((GkCell *) figures->cells->pdata[0])->raw, ==, "3");
      g_assert_cmpstr (((GkCell *) figures->cells->pdata[1])->raw, ==, "4");
      g_assert_cmpint (figures->label_src.page, ==, 2);
      g_assert_nonnull (next);
      g_assert_cmpstr (((GkCell *) next->cells->pdata[0])->raw, ==, "5");
    }
  /* the previous page's last row has its label: the blank row is its own */
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_TEXT);
  g_autoptr (GkPage) p1 = gk_page_new (1, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  add_grid_rules (p1, x0, 700, 1, 3, w, h);
  add_cell_word (p1, x0, 700, w, h, 0, 0, "1.行政许可");
  add_cell_word (p1, x0, 700, w, h, 0, 1, "1");
  gk_layout_page (p1, content);
  g_autoptr (GkPage) p2 = gk_page_new (2, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  add_grid_rules (p2, x0, 80, 2, 3, w, h);
  add_cell_word (p2, x0, 80, w, h, 0, 0, "2.行政处罚");
  add_cell_word (p2, x0, 80, w, h, 1, 0, "3.行政强制");
  add_cell_word (p2, x0, 80, w, h, 1, 1, "5");
  gk_layout_page (p2, content);
  g_assert_cmpuint (content->rows->len, ==, 3);
  g_assert_cmpstr (((GkRow *) content->rows->pdata[0])->label, ==, "1.行政许可");
  g_assert_cmpstr (((GkRow *) content->rows->pdata[1])->label, ==, "2.行政处罚");
  g_assert_cmpstr (((GkCell *) ((GkRow *) content->rows->pdata[1])->cells->pdata[0])->raw, ==, "");
}

/* A row broken by the page with its figures moved on: its label's head over
 * blank cells at the foot, the label's rest and the figures at the next
 * page's head (wkhtmltopdf).  One row, the figures from the second page; a
 * first row there whose label opens a row keeps the blank row apart. */
static void
test_row_figures_after_its_label (void)
{
  for (int opens = 0; opens <= 1; opens++)
    {
      g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_TEXT);
      g_autoptr (GkPage) p1 = grid_page (1, 700, 2, (const char *const[]) { "1.行政许可", "1", "2", "2.危及安全", "", "" });
      gk_layout_page (p1, content);
      g_autoptr (GkPage) p2 = grid_page (2, 80, 2, (const char *const[]) { opens ? "3.其他" : "稳定", "3", "4",
                                                                          "4.行政强制", "5", "6" });
      gk_layout_page (p2, content);
      g_assert_cmpuint (content->rows->len, ==, opens ? 4 : 3);
      GkRow *broken = content->rows->pdata[1];
      g_assert_cmpstr (broken->label, ==, opens ? "2.危及安全" : "2.危及安全稳定");
      g_assert_cmpuint (broken->cells->len, ==, 2);
      g_assert_cmpstr (((GkCell *) broken->cells->pdata[0])->raw, ==, opens ? "" : "3");
      g_assert_cmpstr (((GkCell *) broken->cells->pdata[1])->raw, ==, opens ? "" : "4");
      if (!opens)
        g_assert_cmpint (((GkCell *) broken->cells->pdata[0])->src.page, ==, 2);
      g_assert_cmpstr (((GkRow *) content->rows->pdata[content->rows->len - 1])->label, ==, "4.行政强制");
    }
  /* the table's header repeated at the next page's head finishes nothing */
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_TEXT);
  g_autoptr (GkPage) p1 = grid_page (1, 700, 2, (const char *const[]) { "1.行政许可", "1", "2", "2.危及安全", "", "" });
  gk_layout_page (p1, content);
  g_autoptr (GkPage) p2 = grid_page (2, 80, 2, (const char *const[]) { "信息内容", "本年", "累计", "3.其他", "5", "6" });
  gk_layout_page (p2, content);
  GkRow *blank = content->rows->pdata[1];
  g_assert_cmpstr (blank->label, ==, "2.危及安全");
  g_assert_cmpuint (blank->cells->len, ==, 2);
}

/* A row with a label and only blank values is a row (blank for zero); a
 * row without a word at all is a spacer, no row. */
static void
test_blank_rows (void)
{
  g_autoptr (GkPage) page = gk_page_new (1, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  const double x0 = 50, y0 = 100, w = 60, h = 20;
  add_grid_rules (page, x0, y0, 4, 3, w, h);
  add_cell_word (page, x0, y0, w, h, 0, 0, "规章");
  add_cell_word (page, x0, y0, w, h, 0, 1, "1");
  add_cell_word (page, x0, y0, w, h, 0, 2, "2");
  add_cell_word (page, x0, y0, w, h, 1, 0, "行政许可");
  /* row 2: nothing at all */
  add_cell_word (page, x0, y0, w, h, 3, 0, "行政处罚");
  add_cell_word (page, x0, y0, w, h, 3, 1, "3");
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_TEXT);
  gk_layout_page (page, content);
  g_assert_cmpuint (content->rows->len, ==, 3);
  GkRow *blank = content->rows->pdata[1];
  g_assert_cmpstr (blank->label, ==, "行政许可");
  g_assert_cmpuint (blank->cells->len, ==, 2);
  g_assert_cmpstr (((GkCell *) blank->cells->pdata[0])->raw, ==, "");
  g_assert_true (((GkCell *) blank->cells->pdata[1])->grid_cell);
  GkRow *last = content->rows->pdata[2];
  g_assert_cmpstr (last->label, ==, "行政处罚");
  g_assert_cmpstr (((GkCell *) last->cells->pdata[0])->raw, ==, "3");
  g_assert_cmpstr (((GkCell *) last->cells->pdata[1])->raw, ==, "");
}

/* A row whose label columns are ruled apart from its figures (wkhtmltopdf
 * under a wrapped label): a rule across the label column only, inside the
 * row, so its figures' cells span two base rows and its label starts in
 * the second.  One row, its label with its figures. */
static void
test_label_ruled_below_its_figures (void)
{
  g_autoptr (GkPage) page = gk_page_new (1, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  static const double full[] = { 100, 120, 140, 180 };
  for (gsize i = 0; i < G_N_ELEMENTS (full); i++)
    {
      GkRect rule = { 50, full[i], 230, full[i] + 0.5 };
      gk_page_add_rule (page, &rule);
    }
  GkRect label_only = { 50, 150, 110, 150.5 };
  gk_page_add_rule (page, &label_only);
  static const double xs[] = { 50, 110, 170, 230 };
  for (gsize i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      GkRect rule = { xs[i], 100, xs[i] + 0.5, 180 };
      gk_page_add_rule (page, &rule);
    }
  static const struct { double x, y; const char *text; } words[] = {
    { 52, 104, "行政许可" }, { 112, 104, "1" }, { 172, 104, "2" },
    { 52, 124, "规章" }, { 112, 124, "5" }, { 172, 124, "6" },
    { 52, 156, "行政处罚" }, { 112, 154, "3" }, { 172, 154, "4" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    {
      GkRect box = { words[i].x, words[i].y, words[i].x + 9.0 * g_utf8_strlen (words[i].text, -1), words[i].y + 10 };
      gk_page_add_word (page, words[i].text, &box, 1.0);
    }
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_TEXT);
  gk_layout_page (page, content);
  g_assert_cmpuint (content->rows->len, ==, 3);
  GkRow *row = content->rows->pdata[2];
  g_assert_cmpstr (row->label, ==, "行政处罚");
  g_assert_cmpuint (row->cells->len, ==, 2);
  g_assert_cmpstr (((GkCell *) row->cells->pdata[0])->raw, ==, "3");
  g_assert_cmpstr (((GkCell *) row->cells->pdata[1])->raw, ==, "4");
}

/* Table 四 with its first six value cells left blank: the blank columns
 * are value columns (no label in any row with numbers), not labels. */
static void
test_leading_blank_value_columns (void)
{
  g_autoptr (GkPage) page = gk_page_new (1, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  const double x0 = 50, cw = 30, y0 = 100, rh = 20;
  add_grid_rules (page, x0, y0, 2, 15, cw, rh);
  static const char *const heads[5] = { "维持", "纠正", "其他", "未结", "总计" };
  for (int c = 0; c < 15; c++)
    {
      add_cell_word (page, x0, y0, cw, rh, 0, c, heads[c % 5]);
      if (c < 6)
        continue;
      g_autofree char *num = g_strdup_printf ("%d", c % 3);
      add_cell_word (page, x0, y0, cw, rh, 1, c, num);
    }
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_TEXT);
  gk_layout_page (page, content);
  g_assert_cmpuint (content->rows->len, ==, 2);
  GkRow *header = content->rows->pdata[0];
  GkRow *data = content->rows->pdata[1];
  g_assert_cmpuint (header->cells->len, ==, 0);
  g_assert_cmpstr (data->label, ==, "");
  g_assert_cmpuint (data->cells->len, ==, 15);
  for (int c = 0; c < 15; c++)
    {
      GkCell *cell = data->cells->pdata[c];
      g_assert_true (cell->grid_cell);
      if (c < 6)
        g_assert_cmpstr (cell->raw, ==, "");
      else
        g_assert_cmpint (atoi (cell->raw), ==, c % 3);
    }
}

/* A value cell whose ink the OCR could not read holds GK_UNREAD_MARK: it
 * is a value cell still (the row keeps its columns, the header its place),
 * not a label nor a header. */
static void
test_unread_value_cell (void)
{
  g_autoptr (GkPage) page = gk_page_new (1, PAGE_W, PAGE_H, GK_METHOD_OCR);
  const double x0 = 50, cw = 60, y0 = 100, rh = 20;
  add_grid_rules (page, x0, y0, 2, 4, cw, rh);
  static const char *const head[] = { "信息内容", "本年制发件数", "本年废止件数", "现行有效件数" };
  static const char *const data[] = { "规章", "3", GK_UNREAD_MARK, "12" };
  for (int c = 0; c < 4; c++)
    {
      add_cell_word (page, x0, y0, cw, rh, 0, c, head[c]);
      add_cell_word (page, x0, y0, cw, rh, 1, c, data[c]);
    }
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_SCAN);
  gk_layout_page (page, content);
  g_assert_cmpuint (content->rows->len, ==, 2);
  GkRow *row = content->rows->pdata[1];
  g_assert_cmpstr (row->label, ==, "规章");
  g_assert_cmpuint (row->cells->len, ==, 3);
  g_assert_cmpstr (((GkCell *) row->cells->pdata[1])->raw, ==, GK_UNREAD_MARK);
}

/* A ruled table with no number in it (the fee table of a report that
 * charged nothing, its one cell blank): the column under a header that is
 * blank in every row below is its value column, so the row has a blank
 * cell (0 by the placeholder rule) and not only a label.  A table of text
 * in both columns has no value column. */
static void
test_table_without_numbers (void)
{
  g_autoptr (GkPage) page = gk_page_new (1, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  const double x0 = 50, cw = 120, y0 = 100, rh = 20;
  add_grid_rules (page, x0, y0, 2, 2, cw, rh);
  add_cell_word (page, x0, y0, cw, rh, 0, 0, "信息内容");
  add_cell_word (page, x0, y0, cw, rh, 0, 1, "本年收费金额（单位：万元）");
  add_cell_word (page, x0, y0, cw, rh, 1, 0, "行政事业性收费");
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_TEXT);
  gk_layout_page (page, content);
  g_assert_cmpuint (content->rows->len, ==, 2);
  GkRow *header = content->rows->pdata[0], *data = content->rows->pdata[1];
  g_assert_cmpuint (header->cells->len, ==, 0);
  g_assert_cmpstr (data->label, ==, "行政事业性收费");
  g_assert_cmpuint (data->cells->len, ==, 1);
  g_assert_cmpstr (((GkCell *) data->cells->pdata[0])->raw, ==, "");
  g_assert_true (((GkCell *) data->cells->pdata[0])->grid_cell);

  g_autoptr (GkPage) prose = gk_page_new (1, PAGE_W, PAGE_H, GK_METHOD_PDF_TEXT);
  add_grid_rules (prose, x0, y0, 2, 2, cw, rh);
  add_cell_word (prose, x0, y0, cw, rh, 0, 0, "项目");
  add_cell_word (prose, x0, y0, cw, rh, 0, 1, "说明");
  add_cell_word (prose, x0, y0, cw, rh, 1, 0, "行政事业性收费");
  add_cell_word (prose, x0, y0, cw, rh, 1, 1, "未收取");
  g_autoptr (GkContent) text = gk_content_new (GK_MEDIA_PDF_TEXT);
  gk_layout_page (prose, text);
  for (guint i = 0; i < text->rows->len; i++)
    g_assert_cmpuint (((GkRow *) text->rows->pdata[i])->cells->len, ==, 0);
}

static void
test_grid_merged_cells (void)
{
  /* 3 x 3 grid; the top-left cell spans two rows, the top-right two columns;
   * a stray short rule far away is no table */
  g_autoptr (GArray) rules = g_array_new (FALSE, FALSE, sizeof (GkRect));
  add_rule (rules, 100, 100, 400, 100.5);
  add_rule (rules, 200, 130, 400, 130.5);   /* under the top-right cell only from x 200 */
  add_rule (rules, 100, 160, 400, 160.5);
  add_rule (rules, 100, 190, 400, 190.5);
  add_rule (rules, 100, 100, 100.5, 190);
  add_rule (rules, 200, 100, 200.5, 190);
  add_rule (rules, 300, 130, 300.5, 190);   /* the top row has no rule at x 300 */
  add_rule (rules, 400, 100, 400.5, 190);
  add_rule (rules, 50, 600, 90, 600.5);
  g_autoptr (GPtrArray) grids = gk_layout_grids_find (rules);
  g_assert_cmpuint (grids->len, ==, 1);
  GkGrid *g = grids->pdata[0];
  g_assert_cmpint (g->n_rows, ==, 3);
  g_assert_cmpint (g->n_cols, ==, 3);
  g_assert_cmpuint (g->cells->len, ==, 7);
  GkGridCell *c0 = &g_array_index (g->cells, GkGridCell, 0);
  g_assert_cmpint (c0->row_span, ==, 2);
  g_assert_cmpint (c0->col_span, ==, 1);
  GkGridCell *c1 = &g_array_index (g->cells, GkGridCell, 1);
  g_assert_cmpint (c1->col, ==, 1);
  g_assert_cmpint (c1->col_span, ==, 2);
  g_assert_cmpint (gk_layout_grid_cell_at (g, 150, 150), ==, 0);
  g_assert_cmpint (gk_layout_grid_cell_at (g, 350, 110), ==, 1);
  g_assert_cmpint (gk_layout_grid_cell_at (g, 350, 180), ==, 6);
  g_assert_cmpint (gk_layout_grid_cell_at (g, 450, 180), ==, -1);
}

/* The strokes of a title's large bold glyph cross like rules (corpus 007:
 * 县 at 22 pt, two strokes across of 20 pt, two down): a group that fits
 * in GK_GRID_MIN_SIDE_PT either way is no table, or the title's glyphs
 * were read as cells and blanked from its line.  A small real table — two
 * rows of one label and one figure — is wider, and stays. */
static void
test_glyph_strokes_no_grid (void)
{
  g_autoptr (GArray) rules = g_array_new (FALSE, FALSE, sizeof (GkRect));
  add_rule (rules, 178, 80, 198, 80.8);
  add_rule (rules, 178, 90, 198, 90.8);
  add_rule (rules, 182, 76, 182.8, 96);
  add_rule (rules, 194, 76, 194.8, 96);
  add_rule (rules, 100, 300, 220, 300.5);
  add_rule (rules, 100, 320, 220, 320.5);
  add_rule (rules, 100, 340, 220, 340.5);
  add_rule (rules, 100, 300, 100.5, 340);
  add_rule (rules, 180, 300, 180.5, 340);
  add_rule (rules, 220, 300, 220.5, 340);
  g_autoptr (GPtrArray) grids = gk_layout_grids_find (rules);
  g_assert_cmpuint (grids->len, ==, 1);
  GkGrid *g = grids->pdata[0];
  g_assert_cmpfloat (g->box.y0, >=, 299);
  g_assert_cmpint (g->n_rows, ==, 2);
  g_assert_cmpint (g->n_cols, ==, 2);
}

static void
test_rules_from_pix (void)
{
  /* a 2-pixel-per-point image: a ruled box with a cross rule, plus
   * glyph-sized strokes that must not come out as rules */
  PIX *pix = pixCreate (600, 400, 1);
  pixRenderLine (pix, 20, 20, 580, 20, 1, L_SET_PIXELS);
  pixRenderLine (pix, 20, 200, 580, 200, 2, L_SET_PIXELS);
  pixRenderLine (pix, 20, 380, 580, 380, 1, L_SET_PIXELS);
  pixRenderLine (pix, 20, 20, 20, 380, 1, L_SET_PIXELS);
  pixRenderLine (pix, 580, 20, 580, 380, 1, L_SET_PIXELS);
  pixRenderLine (pix, 100, 100, 120, 100, 2, L_SET_PIXELS);   /* a 10 pt 一 */
  pixRenderLine (pix, 300, 100, 300, 116, 2, L_SET_PIXELS);   /* an 8 pt stroke */
  pixRenderLine (pix, 300, 250, 500, 250, 20, L_SET_PIXELS);  /* a 10 pt thick bar */
  g_autoptr (GArray) rules = g_array_new (FALSE, FALSE, sizeof (GkRect));
  int n = gk_layout_rules_from_pix (pix, 0.5, 10, 30, rules);
  pixDestroy (&pix);
  g_assert_cmpint (n, ==, 5);
  int horiz = 0;
  for (guint i = 0; i < rules->len; i++)
    {
      GkRect *r = &g_array_index (rules, GkRect, i);
      if (r->x1 - r->x0 > r->y1 - r->y0)
        {
          horiz++;
          g_assert_cmpfloat (fabs (r->x0 - (10 + 10)), <, 1.0);
          g_assert_cmpfloat (fabs (r->x1 - (10 + 290.5)), <, 1.0);
        }
      else
        g_assert_cmpfloat (fabs (r->y0 - (30 + 10)), <, 1.0);
    }
  g_assert_cmpint (horiz, ==, 3);
  g_autoptr (GPtrArray) grids = gk_layout_grids_find (rules);
  g_assert_cmpuint (grids->len, ==, 1);
  g_assert_cmpint (((GkGrid *) grids->pdata[0])->n_rows, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/narrow-column-band", test_narrow_column_band);
  g_test_add_func ("/layout/lone-number-band", test_lone_number_band);
  g_test_add_func ("/layout/grid-merged-cells", test_grid_merged_cells);
  g_test_add_func ("/layout/glyph-strokes-no-grid", test_glyph_strokes_no_grid);
  g_test_add_func ("/layout/leading-blank-value-columns", test_leading_blank_value_columns);
  g_test_add_func ("/layout/blank-rows", test_blank_rows);
  g_test_add_func ("/layout/label-ruled-below-its-figures", test_label_ruled_below_its_figures);
  g_test_add_func ("/layout/row-figures-before-its-label", test_row_figures_before_its_label);
  g_test_add_func ("/layout/row-figures-after-its-label", test_row_figures_after_its_label);
  g_test_add_func ("/layout/table-without-numbers", test_table_without_numbers);
  g_test_add_func ("/layout/unread-value-cell", test_unread_value_cell);
  g_test_add_func ("/layout/rules-from-pix", test_rules_from_pix);
  return g_test_run ();
}
