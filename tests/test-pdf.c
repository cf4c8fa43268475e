/* test-pdf.c — the born-digital PDF path: poppler text layer, ruling lines,
 * the cell grid with merged cells, rows across a page break, blanks, pages
 * without text, and bad input.  The PDFs are drawn on the fly with cairo's
 * PDF surface (CJK text with a Noto CJK font, rules as strokes), so the
 * test needs no stored files.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <math.h>
#include "common/gk-error.h"
#include "common/gk-text.h"
#include "content/line-row.h"
#include "input/input.h"
#include "pdf/pdf-input.h"
#include "pdf/pdf-rules.h"
#include "testutil.h"
#include <jansson.h>

#define FONT "Noto Sans CJK SC"
#define FONT_SIZE 9.0
#define PAGE_W 595.0
#define PAGE_H 842.0
#define LINE_H 11.0

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* ---- drawing ---------------------------------------------------------- */

static void
draw_text (cairo_t *cr, double x, double y, const char *text)
{
  /* one visual line per \n, top at y */
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (int i = 0; lines[i]; i++)
    {
      cairo_move_to (cr, x, y + FONT_SIZE + i * LINE_H);
      cairo_show_text (cr, lines[i]);
    }
}

typedef struct {
  int row, col, rs, cs;
  const char *text;
} TCell;

typedef struct {
  double x0, y0;
  const double *col_w;
  int n_cols;
  const double *row_h;
  int n_rows;
  GArray *cells;      /* TCell */
} Table;

static double
table_x (const Table *t, int col)
{
  double x = t->x0;
  for (int c = 0; c < col; c++)
    x += t->col_w[c];
  return x;
}

/* Draws rows [r0, r1) of a table with its top at y: cells cut by the range
 * are drawn as far as they reach, their text only where they start.  With
 * open_bottom the last row is cut by the page after its first text line
 * (no rule under it); with open_top the first row is that row's rest (no
 * rule over it, the text lines after the first). */
/* Where draw_table_rows strokes the rules: the page itself, or (set by
 * write_table3_image_rules_pdf) an image later painted on the page. */
static cairo_t *rules_target;

static double
draw_table_rows (cairo_t *page_cr, const Table *t, int r0, int r1, double y, gboolean open_top, gboolean open_bottom)
{
  cairo_t *cr = rules_target ? rules_target : page_cr;
  g_autofree double *ry = g_new (double, t->n_rows + 1);
  ry[r0] = y;
  for (int r = r0; r < r1; r++)
    ry[r + 1] = ry[r] + t->row_h[r];
  if (open_top)
    ry[r0 + 1] = ry[r0] + t->row_h[r0] - LINE_H;
  if (open_bottom)
    ry[r1] = ry[r1 - 1] + 4 + LINE_H;
  cairo_set_line_width (cr, 0.6);
  for (guint i = 0; i < t->cells->len; i++)
    {
      TCell *c = &g_array_index (t->cells, TCell, i);
      int a = MAX (c->row, r0), b = MIN (c->row + c->rs, r1);
      if (a >= b)
        continue;
      double x0 = table_x (t, c->col), x1 = table_x (t, c->col + c->cs);
      cairo_move_to (cr, x0, ry[a]);
      cairo_line_to (cr, x0, ry[b]);
      cairo_move_to (cr, x1, ry[a]);
      cairo_line_to (cr, x1, ry[b]);
      if (!(open_top && a == r0))
        {
          cairo_move_to (cr, x0, ry[a]);
          cairo_line_to (cr, x1, ry[a]);
        }
      if (!(open_bottom && b == r1))
        {
          cairo_move_to (cr, x0, ry[b]);
          cairo_line_to (cr, x1, ry[b]);
        }
      cairo_stroke (cr);
      if (c->row < r0 || !c->text)
        continue;
      g_auto (GStrv) lines = g_strsplit (c->text, "\n", -1);
      if (open_top && c->row == r0)
        {
          g_autofree char *rest = lines[0] && lines[1] ? g_strjoinv ("\n", lines + 1) : NULL;
          if (rest)
            draw_text (page_cr, x0 + 2, ry[a] + 2, rest);
        }
      else if (open_bottom && c->row == r1 - 1)
        draw_text (page_cr, x0 + 2, ry[a] + 2, lines[0] ? lines[0] : "");
      else
        draw_text (page_cr, x0 + 2, ry[a] + 2, c->text);
    }
  return ry[r1];
}

static const char *const t3_rows_2019[] = {
  "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
  "（一）予以公开", "（二）部分公开（区分处理的，\n只计这一情形，不计其\n他情形）",
  "1.属于国家秘密", "2.其他法律行政法规\n禁止公开", "3.危及“三安全一稳\n定”", "4.保护第三方合法权\n益",
  "5.属于三类内部事务\n信息", "6.属于四类过程性信\n息", "7.属于行政执法案卷", "8.属于行政查询事项",
  "1.本机关不掌握相关\n政府信息", "2.没有现成信息需要\n另行制作", "3.补正后申请内容仍\n不明确",
  "1.信访举报投诉类申\n请", "2.重复申请", "3.要求提供公开出版\n物", "4.无正当理由大量反\n复申请",
  "5.要求行政机关确认\n或重新出具已获取信\n息",
  "（六）其他处理", "（七）总计", "四、结转下年度继续办理",
};
static const char *const t3_keys_2019[] = {
  "new_received", "carried_over", "granted", "partially_granted",
  "withheld_state_secret", "withheld_prohibited_by_law", "withheld_security_stability",
  "withheld_third_party", "withheld_internal_affairs", "withheld_process_info",
  "withheld_enforcement_files", "withheld_administrative_query",
  "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
  "not_processed_petition", "not_processed_repeated", "not_processed_publication",
  "not_processed_excessive", "not_processed_reconfirmation",
  "other_handling", "processed_total", "carried_forward",
};
static const char *const t3_cols[] = {
  "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
};
#define T3_DATA_ROWS 23
#define T3_HEADER_ROWS 3

/* The values of table 三: arbitrary outcome counts with every identity of
 * the template holding (row totals, the outcome sum, the balance), so a
 * blank printed for a zero stays a zero after the checks. */
static int t3_vals[T3_DATA_ROWS][7];

static void
t3_fill (void)
{
  enum { NEW = 0, CARRIED = 1, FIRST_OUTCOME = 2, PROCESSED = 21, FORWARD = 22 };
  for (int c = 0; c < 6; c++)
    {
      int sum = 0;
      for (int d = FIRST_OUTCOME; d < PROCESSED; d++)
        {
          int v = (d * 7 + c * 3) % 11;
          t3_vals[d][c] = v < 5 ? 0 : v;
          sum += t3_vals[d][c];
        }
      t3_vals[PROCESSED][c] = sum;
      t3_vals[FORWARD][c] = c % 2;
      t3_vals[CARRIED][c] = c == 2 ? 0 : 1;
      t3_vals[NEW][c] = sum + t3_vals[FORWARD][c] - t3_vals[CARRIED][c];
    }
  for (int d = 0; d < T3_DATA_ROWS; d++)
    {
      t3_vals[d][6] = 0;
      for (int c = 0; c < 6; c++)
        t3_vals[d][6] += t3_vals[d][c];
    }
}

/* The value printed in data row d, column c (0..6); -1 = left blank. */
static int
t3_value (int d, int c, gboolean blanks)
{
  return blanks && t3_vals[d][c] == 0 ? -1 : t3_vals[d][c];
}

/* Table 三 of the 2019 format: 3 label columns (the first a vertical
 * merged cell down the 20 outcome rows, one character per line), group
 * cells beside their numbered rows, wrapped labels. */
static Table *
table3_new (gboolean blanks, char ***texts_out)
{
  static const double col_w[10] = { 22, 38, 110, 38, 38, 38, 38, 38, 38, 38 };
  Table *t = g_new0 (Table, 1);
  t->x0 = 57;
  t->col_w = col_w;
  t->n_cols = 10;
  t->n_rows = T3_HEADER_ROWS + T3_DATA_ROWS;
  double *row_h = g_new (double, t->n_rows);
  row_h[0] = 18;
  row_h[1] = 18;
  row_h[2] = 30;
  for (int d = 0; d < T3_DATA_ROWS; d++)
    {
      int nl = 1;
      for (const char *p = t3_rows_2019[d]; *p; p++)
        nl += *p == '\n';
      row_h[T3_HEADER_ROWS + d] = 6 + nl * LINE_H;
    }
  t->row_h = row_h;
  t->cells = g_array_new (FALSE, FALSE, sizeof (TCell));
  GPtrArray *texts = g_ptr_array_new ();
#define ADD(r, c, rs_, cs_, txt) do { TCell tc = { r, c, rs_, cs_, txt }; g_array_append_val (t->cells, tc); } while (0)
  ADD (0, 0, 3, 3, "（本列数据的勾稽关系为：第一项\n加第二项之和，等于第三项加第\n四项之和）");
  ADD (0, 3, 1, 7, "申请人情况");
  ADD (1, 3, 2, 1, "自然\n人");
  ADD (1, 4, 1, 5, "法人或其他组织");
  ADD (1, 9, 2, 1, "总计");
  ADD (2, 4, 1, 1, "商业\n企业");
  ADD (2, 5, 1, 1, "科研\n机构");
  ADD (2, 6, 1, 1, "社会公\n益组织");
  ADD (2, 7, 1, 1, "法律服\n务机构");
  ADD (2, 8, 1, 1, "其他");
  int h = T3_HEADER_ROWS;
  ADD (h + 0, 0, 1, 3, t3_rows_2019[0]);
  ADD (h + 1, 0, 1, 3, t3_rows_2019[1]);
  ADD (h + 2, 0, 20, 1, "三\n、\n本\n年\n度\n办\n理\n结\n果");
  ADD (h + 2, 1, 1, 2, t3_rows_2019[2]);
  ADD (h + 3, 1, 1, 2, t3_rows_2019[3]);
  ADD (h + 4, 1, 8, 1, "（三）\n不予\n公开");
  ADD (h + 12, 1, 3, 1, "（四）\n无法\n提供");
  ADD (h + 15, 1, 5, 1, "（五）\n不予\n处理");
  for (int d = 4; d < 20; d++)
    ADD (h + d, 2, 1, 1, t3_rows_2019[d]);
  ADD (h + 20, 1, 1, 2, t3_rows_2019[20]);
  ADD (h + 21, 1, 1, 2, t3_rows_2019[21]);
  ADD (h + 22, 0, 1, 3, t3_rows_2019[22]);
  for (int d = 0; d < T3_DATA_ROWS; d++)
    for (int c = 0; c < 7; c++)
      {
        int v = t3_value (d, c, blanks);
        char *s = v < 0 ? g_strdup ("") : g_strdup_printf ("%d", v);
        g_ptr_array_add (texts, s);
        ADD (h + d, 3 + c, 1, 1, s);
      }
#undef ADD
  g_ptr_array_add (texts, NULL);
  *texts_out = (char **) g_ptr_array_free (texts, FALSE);
  return t;
}

static void
table_free (Table *t)
{
  g_free ((double *) t->row_h);
  g_array_unref (t->cells);
  g_free (t);
}

static cairo_t *
pdf_begin_sheet (const char *path, double width, double height, cairo_surface_t **surf)
{
  *surf = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (*surf);
  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, FONT_SIZE);
  cairo_set_source_rgb (cr, 0, 0, 0);
  return cr;
}

static cairo_t *
pdf_begin (const char *path, cairo_surface_t **surf)
{
  return pdf_begin_sheet (path, PAGE_W, PAGE_H, surf);
}

/* PDFs are drawn in a child process: cairo 1.16's PDF writer loses a
 * buffer when it finishes a surface with subset fonts, and make check-asan's
 * leak report is about gongkai, not about this test's drawing.  Returns
 * TRUE in the child, which draws and ends with pdf_end(); the parent waits. */
static gboolean
draw_in_child (void)
{
  pid_t pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    return TRUE;
  int status = 0;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return FALSE;
}

/* Finishes the PDF and ends the drawing child. */
static void
pdf_end (cairo_t *cr, cairo_surface_t *surf)
{
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surf);
  g_assert_cmpint (cairo_surface_status (surf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surf);
  _exit (0);
}

/* Writes a report page (title, heading, table 三) to path; split_at > 0
 * breaks the table before that data row, with the page number `folio` in
 * between; split_in > 0 breaks data row split_in itself after its first
 * text line.  quarter 1 or 3 lays the page sideways on a landscape sheet,
 * turned a quarter clockwise (its text runs down the sheet) or counter-
 * clockwise: a wide table turned to fit, or a page turned by /Rotate. */
static void
write_table3_pages (const char *path, gboolean blanks, int split_at, int split_in, const char *folio, int quarter)
{
  if (!draw_in_child ())
    return;
  cairo_surface_t *surf;
  cairo_t *cr = quarter ? pdf_begin_sheet (path, PAGE_H, PAGE_W, &surf) : pdf_begin (path, &surf);
  if (quarter)
    {
      cairo_translate (cr, quarter == 1 ? PAGE_H : 0, quarter == 1 ? 0 : PAGE_W);
      cairo_rotate (cr, quarter * G_PI / 2);
    }
  g_auto (GStrv) texts = NULL;
  Table *t = table3_new (blanks, &texts);
  cairo_set_font_size (cr, 16);
  draw_text (cr, 150, 50, "某县2020年政府信息公开年度报告");
  cairo_set_font_size (cr, FONT_SIZE);
  draw_text (cr, 57, 90, "三、收到和处理政府信息公开申请情况");
  int stop = split_in > 0 ? T3_HEADER_ROWS + split_in + 1 : split_at > 0 ? T3_HEADER_ROWS + split_at : t->n_rows;
  draw_table_rows (cr, t, 0, stop, 110, FALSE, split_in > 0);
  if (split_at > 0 || split_in > 0)
    {
      draw_text (cr, 285, 800, folio);
      cairo_show_page (cr);
      draw_text (cr, 230, 30, "http://www.example.gov.cn/");
      draw_table_rows (cr, t, split_in > 0 ? stop - 1 : stop, t->n_rows, 60, split_in > 0, FALSE);
      draw_text (cr, 57, 560, "四、政府信息公开行政复议、行政诉讼情况");
    }
  else
    draw_text (cr, 57, 760, "四、政府信息公开行政复议、行政诉讼情况");
  table_free (t);
  pdf_end (cr, surf);
}

static void
write_table3_pdf_split (const char *path, gboolean blanks, int split_at, int split_in, const char *folio)
{
  write_table3_pages (path, blanks, split_at, split_in, folio, 0);
}

/* Table 三 with its rules drawn into an image painted under the text, as
 * a scanned form filled in by a program would be: no rule is a path, or
 * (with_line) the only one is a line drawn beside the table. */
static void
write_table3_image_rules_pdf (const char *path, gboolean with_line)
{
  if (!draw_in_child ())
    return;
  const double px_per_pt = 3;
  cairo_surface_t *surf;
  cairo_t *cr = pdf_begin (path, &surf);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (PAGE_W * px_per_pt),
                                                       (int) (PAGE_H * px_per_pt));
  rules_target = cairo_create (image);
  cairo_scale (rules_target, px_per_pt, px_per_pt);
  g_auto (GStrv) texts = NULL;
  Table *t = table3_new (FALSE, &texts);
  draw_text (cr, 57, 90, "三、收到和处理政府信息公开申请情况");
  draw_table_rows (cr, t, 0, t->n_rows, 110, FALSE, FALSE);
  cairo_destroy (rules_target);
  rules_target = NULL;
  tu_paint_image (cr, image, 1 / px_per_pt);
  if (with_line)
    {
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, 57, 140);
      cairo_line_to (cr, 57, 400);
      cairo_stroke (cr);
    }
  table_free (t);
  pdf_end (cr, surf);
}

static void
write_table3_pdf (const char *path, gboolean blanks, int split_at)
{
  write_table3_pdf_split (path, blanks, split_at, 0, "- 3 -");
}

/* ---- helpers ---------------------------------------------------------- */

static GkContent *
read_pdf (const char *path, const GkReadOptions *opts_in, GError **error)
{
  GkReadOptions opts;
  gk_read_options_init (&opts);
  if (opts_in)
    opts = *opts_in;
  g_autoptr (GkInput) input = gk_input_open (path, &opts, error);
  if (!input)
    return NULL;
  return gk_pdf_read (input, &opts, error);
}

static void
assert_table3_values (const GkRecord *rec, gboolean blanks)
{
  g_assert_cmpstr (rec->template_id, ==, "2019");
  for (int d = 0; d < T3_DATA_ROWS; d++)
    for (int c = 0; c < 7; c++)
      {
        g_autofree char *key = g_strdup_printf ("applications.%s.%s", t3_keys_2019[d], t3_cols[c]);
        int v = t3_value (d, c, blanks);
        GkValue *val = gk_record_get (rec, key);
        if (!val || val->kind != GK_VALUE_INT || val->i != MAX (v, 0))
          g_error ("%s: expected %d", key, MAX (v, 0));
        g_assert_true (val->src.has_box);
        g_assert_cmpint (val->src.method, ==, GK_METHOD_PDF_TEXT);
        if (v < 0)
          g_assert_true (val->from_blank);
      }
}

/* Draws table 三 into tmp/name and reads it back. */
static GkContent *
table3_content (const char *name, gboolean blanks, int split_at, char **path_out)
{
  char *path = tmp_path (name);
  write_table3_pdf (path, blanks, split_at);
  g_autoptr (GError) error = NULL;
  GkContent *content = read_pdf (path, NULL, &error);
  g_assert_no_error (error);
  *path_out = path;
  return content;
}

/* ---- tests ------------------------------------------------------------ */

static void
test_ruled_table3 (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GkContent) content = table3_content ("t3.pdf", FALSE, 0, &path);
  g_assert_cmpint (content->media, ==, GK_MEDIA_PDF_TEXT);
  g_assert_cmpint (content->n_pages, ==, 1);
  /* the vertical merged label gives its text once, to its first row; the
   * wrapped label arrives whole; every data row has 7 grid cells */
  int data_rows = 0;
  gboolean saw_vertical = FALSE, saw_wrapped = FALSE;
  for (guint i = 0; i < content->rows->len; i++)
    {
      GkRow *row = content->rows->pdata[i];
      g_autofree char *key = gk_text_label_key (row->label);
      if (row->cells->len == 0)
        continue;
      data_rows++;
      g_assert_cmpuint (row->cells->len, ==, 7);
      for (guint k = 0; k < row->cells->len; k++)
        {
          GkCell *cell = row->cells->pdata[k];
          g_assert_true (cell->grid_cell);
          g_assert_true (cell->src.has_box);
          g_assert_cmpint (cell->src.page, ==, 1);
          g_assert_cmpfloat (cell->src.box.x0, >=, 57 + 22 + 38 + 110 - 1);
        }
      if (strstr (key, "三、本年度办理结果"))
        {
          g_assert_nonnull (strstr (key, "三、本年度办理结果(一)予以公开"));
          g_assert_false (saw_vertical);
          saw_vertical = TRUE;
        }
      if (g_str_has_prefix (key, "(二)部分公开"))
        {
          g_assert_cmpstr (key, ==, "(二)部分公开(区分处理的,只计这一情形,不计其他情形)");
          saw_wrapped = TRUE;
        }
    }
  g_assert_cmpint (data_rows, ==, T3_DATA_ROWS);
  g_assert_true (saw_vertical);
  g_assert_true (saw_wrapped);
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), path, content);
  assert_table3_values (rec, FALSE);
  /* provenance: 予以公开·自然人 sits in the third data row, fourth grid column */
  GkValue *v = gk_record_get (rec, "applications.granted.natural_person");
  g_assert_cmpint (v->src.page, ==, 1);
  g_assert_cmpfloat (v->src.box.x0, >=, 57 + 170);
  g_assert_cmpfloat (v->src.box.x1, <=, 57 + 170 + 38);
}

/* Rules that are no path (an image of the form) are found in a rendering,
 * also when a path in the table's band gives one rule of its own. */
static void
assert_image_rules_read (gboolean with_line)
{
  g_autofree char *path = tmp_path (with_line ? "t3-image-rules-line.pdf" : "t3-image-rules.pdf");
  write_table3_image_rules_pdf (path, with_line);
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) content = read_pdf (path, NULL, &error);
  g_assert_no_error (error);
  int grid_cells = 0;
  for (guint i = 0; i < content->rows->len; i++)
    {
      GkRow *row = content->rows->pdata[i];
      for (guint k = 0; k < row->cells->len; k++)
        grid_cells += ((GkCell *) row->cells->pdata[k])->grid_cell;
    }
  g_assert_cmpint (grid_cells, ==, T3_DATA_ROWS * 7);
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), path, content);
  assert_table3_values (rec, FALSE);
}

static void
test_rules_in_an_image (void)
{
  assert_image_rules_read (FALSE);
  assert_image_rules_read (TRUE);
}

static void
test_table_split_over_pages (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GkContent) content = table3_content ("t3-split.pdf", FALSE, 9, &path);
  g_assert_cmpint (content->n_pages, ==, 2);
  for (guint i = 0; i < content->lines->len; i++)
    {
      GkLine *line = content->lines->pdata[i];
      g_assert_false (gk_line_is_page_furniture (line->text));
      g_assert_null (strstr (line->text, "example.gov.cn"));
    }
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), path, content);
  assert_table3_values (rec, FALSE);
  GkValue *first = gk_record_get (rec, "applications.new_received.total");
  GkValue *last = gk_record_get (rec, "applications.carried_forward.total");
  g_assert_cmpint (first->src.page, ==, 1);
  g_assert_cmpint (last->src.page, ==, 2);
}

/* A page break inside a row (5.要求行政机关确认 / 或重新出具已获取信息): the
 * row has no rule under it on the first page and none over its rest on the
 * next; the rest's label joins the row, its blank cells are no row.  A
 * page number printed bare ("1", no dashes) in the bottom margin between
 * the two is page furniture too: as a row of its own it kept the rest from
 * its row, whose blank cells then stood for the row's values. */
static void
assert_row_split_read (const char *folio)
{
  g_autofree char *path = tmp_path ("t3-split-row.pdf");
  write_table3_pdf_split (path, FALSE, 0, 19, folio);
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) content = read_pdf (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (content->n_pages, ==, 2);
  int data_rows = 0;
  for (guint i = 0; i < content->rows->len; i++)
    {
      GkRow *row = content->rows->pdata[i];
      if (row->cells->len == 0)
        continue;
      data_rows++;
      g_autofree char *key = gk_text_label_key (row->label);
      if (strstr (key, "要求行政机关确认"))
        {
          g_assert_cmpstr (key, ==, "5.要求行政机关确认或重新出具已获取信息");
          g_assert_cmpint (((GkCell *) row->cells->pdata[0])->src.page, ==, 1);
        }
    }
  g_assert_cmpint (data_rows, ==, T3_DATA_ROWS);
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), path, content);
  assert_table3_values (rec, FALSE);
}

static void
test_row_split_over_pages (void)
{
  assert_row_split_read ("- 3 -");
  assert_row_split_read ("1");
}

static void
test_blank_cells (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GkContent) content = table3_content ("t3-blanks.pdf", TRUE, 0, &path);
  int blanks = 0;
  for (guint i = 0; i < content->rows->len; i++)
    {
      GkRow *row = content->rows->pdata[i];
      for (guint k = 0; k < row->cells->len; k++)
        {
          GkCell *cell = row->cells->pdata[k];
          if (*cell->raw == '\0')
            {
              blanks++;
              g_assert_true (cell->grid_cell);
              g_assert_true (cell->src.has_box);
              /* a blank cell's box is the cell itself */
              g_assert_cmpfloat (cell->src.box.x1 - cell->src.box.x0, >, 30);
            }
        }
    }
  int zeros = 0;
  for (int d = 0; d < T3_DATA_ROWS; d++)
    for (int c = 0; c < 7; c++)
      zeros += t3_vals[d][c] == 0;
  g_assert_cmpint (zeros, >, 20);
  g_assert_cmpint (blanks, ==, zeros);
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), path, content);
  assert_table3_values (rec, TRUE);
}

static gpointer
extract_repeatedly (gpointer path)
{
  for (int i = 0; i < 4; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GkRecord) rec = gk_pipeline_extract (tu_pipeline (), path, NULL, &error);
      g_assert_no_error (error);
      assert_table3_values (rec, FALSE);
    }
  return NULL;
}

/* Files read in parallel (--jobs) render in parallel threads: each reads
 * the same values as alone. */
static void
test_parallel_reads (void)
{
  g_autofree char *path = tmp_path ("t3-threads.pdf");
  write_table3_pdf (path, FALSE, 9);
  tu_pipeline ();
  GThread *threads[3];
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("extract", extract_repeatedly, path);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_page_without_text (void)
{
  g_autofree char *path = tmp_path ("image-only.pdf");
  if (draw_in_child ())
    {
      cairo_surface_t *surf;
      cairo_t *cr = pdf_begin (path, &surf);
      draw_text (cr, 57, 60, "一、总体情况");
      cairo_show_page (cr);
      /* page 2: only a filled shape, as a scanned page's image would be */
      cairo_rectangle (cr, 100, 100, 300, 400);
      cairo_fill (cr);
      pdf_end (cr, surf);
    }
  g_autoptr (GError) error = NULL;
  GkReadOptions never;
  gk_read_options_init (&never);
  never.ocr = GK_OCR_NEVER;  /* with OCR on, the page would be read (test-ocr.c) */
  g_autoptr (GkContent) content = read_pdf (path, &never, &error);
  g_assert_no_error (error);
  g_assert_cmpint (content->n_pages, ==, 2);
  gboolean found = FALSE;
  for (guint i = 0; i < content->warnings->len; i++)
    {
      GkWarning *w = content->warnings->pdata[i];
      if (strcmp (w->code, "page_needs_ocr") == 0)
        {
          g_assert_cmpint (w->page, ==, 2);
          found = TRUE;
        }
    }
  g_assert_true (found);
  for (guint i = 0; i < content->lines->len; i++)
    g_assert_cmpint (((GkLine *) content->lines->pdata[i])->src.page, ==, 1);
}

/* A landscape page drawn a quarter turn anticlockwise, shown upright by
 * /Rotate 90: words and rules must both come out in the upright page. */
static void
test_rotated_page (void)
{
  g_autofree char *path0 = tmp_path ("landscape.pdf");
  if (draw_in_child ())
    {
      cairo_surface_t *surf = cairo_pdf_surface_create (path0, PAGE_H, PAGE_W);
      cairo_t *cr = cairo_create (surf);
      cairo_matrix_t quarter_turn = { 0, -1, 1, 0, 0, PAGE_W };
      cairo_transform (cr, &quarter_turn);
      cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, FONT_SIZE);
      static const double col_w[2] = { 100, 60 };
      static const double row_h[2] = { 20, 20 };
      Table t = { 57, 100, col_w, 2, row_h, 2, g_array_new (FALSE, FALSE, sizeof (TCell)) };
      TCell cells[] = { { 0, 0, 1, 1, "规章" }, { 0, 1, 1, 1, "12" }, { 1, 0, 1, 1, "行政许可" }, { 1, 1, 1, 1, "34" } };
      g_array_append_vals (t.cells, cells, G_N_ELEMENTS (cells));
      draw_table_rows (cr, &t, 0, 2, 100, FALSE, FALSE);
      g_array_unref (t.cells);
      pdf_end (cr, surf);
    }
  /* cairo cannot set /Rotate: add it to the page dictionary (poppler
   * rebuilds the cross-reference table the insertion shifts) */
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (path0, &data, &len, NULL));
  /* memmem: the compressed streams hold NUL bytes, which end str* searches */
  static const char page_type[] = "/Type /Page ";
  const char *at = memmem (data, len, page_type, strlen (page_type));
  g_assert_nonnull (at);
  g_autoptr (GString) pdf = g_string_new_len (data, (gssize) len);
  g_string_insert (pdf, at - data + (gssize) strlen (page_type), "/Rotate 90 ");
  g_autofree char *path = tmp_path ("rotated.pdf");
  g_assert_true (g_file_set_contents (path, pdf->str, (gssize) pdf->len, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) content = read_pdf (path, NULL, &error);
  g_assert_no_error (error);
  guint data_rows = 0;
  for (guint i = 0; i < content->rows->len; i++)
    {
      GkRow *row = content->rows->pdata[i];
      if (row->cells->len == 0)
        continue;
      data_rows++;
      g_assert_cmpuint (row->cells->len, ==, 1);
      GkCell *cell = row->cells->pdata[0];
      g_assert_true (cell->grid_cell);
      g_assert_cmpstr (cell->raw, ==, data_rows == 1 ? "12" : "34");
      g_assert_cmpstr (row->label, ==, data_rows == 1 ? "规章" : "行政许可");
      /* upright page coordinates: the value column is 157..217 pt from the left */
      g_assert_cmpfloat (cell->src.box.x0, >=, 157);
      g_assert_cmpfloat (cell->src.box.x1, <=, 217);
    }
  g_assert_cmpuint (data_rows, ==, 2);
}

static void
test_limits (void)
{
  g_autofree char *path = tmp_path ("t3-limits.pdf");
  write_table3_pdf (path, FALSE, 9);
  GkReadOptions opts;
  gk_read_options_init (&opts);
  opts.max_glyphs = 50;
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) none = read_pdf (path, &opts, &error);
  g_assert_null (none);
  g_assert_error (error, GK_ERROR, GK_ERROR_LIMIT);
  g_clear_error (&error);
  /* the per-file deadline is honoured between pages */
  gk_read_options_init (&opts);
  opts.deadline_us = g_get_monotonic_time () - 1;
  g_autoptr (GkContent) late = read_pdf (path, &opts, &error);
  g_assert_null (late);
  g_assert_error (error, GK_ERROR, GK_ERROR_LIMIT);
  g_clear_error (&error);
  /* a page too large to render for rules is read from its text alone */
  gk_read_options_init (&opts);
  opts.max_pixels = 1000;
  g_autoptr (GkContent) text_only = read_pdf (path, &opts, &error);
  g_assert_no_error (error);
  g_assert_true (tu_warning (text_only->warnings, "page_too_large", NULL));
  for (guint i = 0; i < text_only->rows->len; i++)
    {
      GkRow *row = text_only->rows->pdata[i];
      for (guint k = 0; k < row->cells->len; k++)
        g_assert_false (((GkCell *) row->cells->pdata[k])->grid_cell);
    }
  gk_read_options_init (&opts);
  opts.max_pages = 1;
  g_autoptr (GkContent) first = read_pdf (path, &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->n_pages, ==, 2);
  g_assert_true (tu_warning (first->warnings, "pages_truncated", NULL));
  for (guint i = 0; i < first->lines->len; i++)
    g_assert_cmpint (((GkLine *) first->lines->pdata[i])->src.page, ==, 1);
}

/* A page covered in hatching is no table: past a bound on line segments
 * the page is read from its text alone, instead of pairing every segment. */
static void
test_hatched_page (void)
{
  g_autofree char *path = tmp_path ("hatched.pdf");
  if (draw_in_child ())
    {
      cairo_surface_t *surf;
      cairo_t *cr = pdf_begin (path, &surf);
      for (double y = 20; y < PAGE_H - 20; y += 40)
        draw_text (cr, 57, y, "规章          12          34");
      cairo_set_line_width (cr, 0.5);
      for (double y = 10; y < PAGE_H - 10; y += 3)
        for (double x = 10; x < PAGE_W - 35; x += 45)
          {
            cairo_move_to (cr, x, y);
            cairo_line_to (cr, x + 25, y);
          }
      for (double x = 11.5; x < PAGE_W - 10; x += 3)
        for (double y = 10; y < PAGE_H - 35; y += 45)
          {
            cairo_move_to (cr, x, y);
            cairo_line_to (cr, x, y + 25);
          }
      cairo_stroke (cr);
      pdf_end (cr, surf);
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) content = read_pdf (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tu_warning (content->warnings, "too_many_rules", NULL));
  guint data_rows = 0;
  for (guint i = 0; i < content->rows->len; i++)
    {
      GkRow *row = content->rows->pdata[i];
      data_rows += row->cells->len == 2;
      for (guint k = 0; k < row->cells->len; k++)
        g_assert_false (((GkCell *) row->cells->pdata[k])->grid_cell);
    }
  g_assert_cmpuint (data_rows, >, 15);
}

static void
test_encrypted (void)
{
  g_autofree char *gs = g_find_program_in_path ("gs");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  if (!gs && !qpdf)
    {
      g_test_skip ("neither qpdf nor ghostscript installed: cannot make an encrypted PDF");
      return;
    }
  g_autofree char *plain = tmp_path ("plain.pdf");
  g_autofree char *enc = tmp_path ("encrypted.pdf");
  write_table3_pdf (plain, FALSE, 0);
  g_autofree char *out_arg = g_strconcat ("-sOutputFile=", enc, NULL);
  const char *gs_argv[] = { gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                            "-sOwnerPassword=owner", "-sUserPassword=secret", out_arg, plain, NULL };
  const char *qpdf_argv[] = { qpdf, "--encrypt", "secret", "owner", "256", "--", plain, enc, NULL };
  gint status = 0;
  g_autoptr (GError) error = NULL;
  gboolean ok = g_spawn_sync (NULL, (char **) (qpdf ? qpdf_argv : gs_argv), NULL,
                              G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                              NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (ok && g_spawn_check_wait_status (status, NULL));
  g_autoptr (GkContent) none = read_pdf (enc, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, GK_ERROR, GK_ERROR_ENCRYPTED);
  g_assert_cmpstr (error->message, ==, "encrypted PDF: a password is needed (--password)");
  g_clear_error (&error);
  GkReadOptions opts;
  gk_read_options_init (&opts);
  opts.password = "wrong";
  g_autoptr (GkContent) wrong = read_pdf (enc, &opts, &error);
  g_assert_null (wrong);
  g_assert_error (error, GK_ERROR, GK_ERROR_ENCRYPTED);
  g_assert_cmpstr (error->message, ==, "encrypted PDF: the password given (--password) is wrong");
  g_clear_error (&error);
  opts.password = "secret";
  g_autoptr (GkContent) content = read_pdf (enc, &opts, &error);
  g_assert_no_error (error);
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), enc, content);
  assert_table3_values (rec, FALSE);
}

static void
test_not_a_pdf (void)
{
  /* a web error page saved under a report's name: the input stage refuses it */
  g_autofree char *html = tmp_path ("error-page.pdf");
  g_assert_true (g_file_set_contents (html, "<html><body>404 Not Found</body></html>", -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (GkRecord) rec = gk_pipeline_extract (tu_pipeline (), html, NULL, &error);
  g_assert_null (rec);
  g_assert_error (error, GK_ERROR, GK_ERROR_FORMAT);
  g_clear_error (&error);
  /* a PDF header on garbage, and a real PDF cut short: damaged */
  g_autofree char *junk = tmp_path ("junk.pdf");
  g_assert_true (g_file_set_contents (junk, "%PDF-1.7\nthis is not a PDF body\n", -1, NULL));
  g_autoptr (GkContent) none = read_pdf (junk, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, GK_ERROR, GK_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "damaged PDF: "));
  g_clear_error (&error);
  g_autofree char *full = tmp_path ("full.pdf");
  write_table3_pdf (full, FALSE, 0);
  g_autofree char *data = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (full, &data, &len, NULL));
  g_autofree char *cut = tmp_path ("cut.pdf");
  g_assert_true (g_file_set_contents (cut, data, (gssize) (len / 3), NULL));
  g_autoptr (GkContent) cut_content = read_pdf (cut, NULL, &error);
  /* poppler may rebuild a cut file's xref and read what is left; either way no crash */
  if (!cut_content)
    g_assert_error (error, GK_ERROR, GK_ERROR_FORMAT);
}

/* The rules gk_pdf_rules_from_paths finds on the first page of the PDF at
 * path, inside one band. */
static GArray *
first_page_rules (const char *path, GkRect band, gboolean *images)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  PopplerPage *ppage = poppler_document_get_page (doc, 0);
  g_autoptr (GArray) bands = g_array_new (FALSE, FALSE, sizeof (GkRect));
  g_array_append_val (bands, band);
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (GkRect));
  g_assert_cmpint (gk_pdf_rules_from_paths (ppage, bands, rules, images), ==, (int) rules->len);
  g_object_unref (ppage);
  g_object_unref (doc);
  return rules;
}

/* Vector rules: a table whose top half is drawn as filled rectangles cell by
 * cell (Chromium, Word) and whose bottom half as stroked lines (LibreOffice),
 * plus what is no rule: a short underline, a shaded cell, a diagonal, a
 * curve, and a long rule outside the band. */
static void
test_rules_from_paths (void)
{
  g_autofree char *path = tmp_path ("paths.pdf");
  const double x0 = 100, y0 = 100, cw = 80, rh = 20;
  if (draw_in_child ())
    {
      cairo_surface_t *surf;
      cairo_t *cr = pdf_begin (path, &surf);
      for (int r = 0; r <= 2; r++)       /* rows 0..1: filled pieces, one per cell edge */
        for (int c = 0; c < 4; c++)
          cairo_rectangle (cr, x0 + c * cw, y0 + r * rh - 0.25, cw, 0.5);
      for (int c = 0; c <= 4; c++)
        for (int r = 0; r < 2; r++)
          cairo_rectangle (cr, x0 + c * cw - 0.25, y0 + r * rh, 0.5, rh);
      cairo_fill (cr);
      cairo_set_line_width (cr, 1.0);     /* rows 2..3: stroked lines */
      for (int r = 3; r <= 4; r++)
        {
          cairo_move_to (cr, x0, y0 + r * rh);
          cairo_line_to (cr, x0 + 4 * cw, y0 + r * rh);
        }
      for (int c = 0; c <= 4; c++)
        {
          cairo_move_to (cr, x0 + c * cw, y0 + 2 * rh);
          cairo_line_to (cr, x0 + c * cw, y0 + 4 * rh);
        }
      cairo_stroke (cr);
      cairo_move_to (cr, x0 + 5, y0 + 30);          /* an underline, 10 pt */
      cairo_line_to (cr, x0 + 15, y0 + 30);
      cairo_move_to (cr, x0 + 10, y0 + 45);         /* a diagonal */
      cairo_line_to (cr, x0 + 70, y0 + 75);
      cairo_stroke (cr);
      cairo_arc (cr, x0 + 120, y0 + 50, 8, 0, 2 * G_PI);  /* a curve */
      cairo_stroke (cr);
      cairo_rectangle (cr, x0 + cw, y0 + rh, cw, rh); /* a shaded cell */
      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_rectangle (cr, x0, 600, 300, 0.5);        /* outside the band */
      cairo_fill (cr);
      pdf_end (cr, surf);
    }
  gboolean images = TRUE;
  g_autoptr (GArray) rules = first_page_rules (path, (GkRect) { 50, 80, 545, 200 }, &images);
  g_assert_cmpint (rules->len, ==, 10);
  int horizontal = 0, vertical = 0;
  for (guint i = 0; i < rules->len; i++)
    {
      GkRect *r = &g_array_index (rules, GkRect, i);
      if (r->x1 - r->x0 > r->y1 - r->y0)
        {
          /* every row line joined from its pieces, across the whole table */
          g_assert_cmpfloat_with_epsilon (r->x0, x0, 0.6);
          g_assert_cmpfloat_with_epsilon (r->x1, x0 + 4 * cw, 0.6);
          g_assert_cmpfloat_with_epsilon ((r->y0 + r->y1) / 2, y0 + horizontal * rh, 0.05);
          g_assert_cmpfloat (r->y1 - r->y0, <=, 1.1);
          horizontal++;
        }
      else
        {
          /* each column line runs down both halves: filled and stroked pieces joined */
          g_assert_cmpfloat_with_epsilon ((r->x0 + r->x1) / 2, x0 + vertical * cw, 0.05);
          g_assert_cmpfloat_with_epsilon (r->y0, y0, 0.6);
          g_assert_cmpfloat_with_epsilon (r->y1, y0 + 4 * rh, 0.6);
          vertical++;
        }
    }
  g_assert_cmpint (horizontal, ==, 5);
  g_assert_cmpint (vertical, ==, 5);
  g_assert_false (images);
}

/* A border drawn on past the page's clip (wkhtmltopdf draws a broken table's
 * column rules from the sheet's edge and clips them at the margin) is a rule
 * only where it shows: a rule reaching up to the edge would merge the first
 * row under it with the margin above. */
static void
test_rules_clipped (void)
{
  g_autofree char *path = tmp_path ("clipped.pdf");
  if (draw_in_child ())
    {
      cairo_surface_t *surf;
      cairo_t *cr = pdf_begin (path, &surf);
      cairo_save (cr);
      cairo_rectangle (cr, 0, 120, 595, 600);   /* the page's text area */
      cairo_clip (cr);
      cairo_rectangle (cr, 100, 0, 0.5, 200);   /* drawn from the sheet's edge */
      cairo_rectangle (cr, 100, 150, 200, 0.5);
      cairo_fill (cr);
      cairo_restore (cr);
      pdf_end (cr, surf);
    }
  g_autoptr (GArray) rules = first_page_rules (path, (GkRect) { 0, 0, 595, 300 }, NULL);
  g_assert_cmpint (rules->len, ==, 2);
  for (guint i = 0; i < rules->len; i++)
    {
      GkRect *r = &g_array_index (rules, GkRect, i);
      if (r->y1 - r->y0 > r->x1 - r->x0)
        {
          g_assert_cmpfloat_with_epsilon (r->y0, 120, 0.6);
          g_assert_cmpfloat_with_epsilon (r->y1, 200, 0.6);
        }
      else
        g_assert_cmpfloat_with_epsilon (r->y0, 150, 0.6);
    }
}

/* A page whose text runs down or up the sheet is read turned upright:
 * its words, its ruling lines and so its table, cell by cell. */
static void
test_turned_page (void)
{
  for (int quarter = 1; quarter <= 3; quarter += 2)
    {
      g_autofree char *path = tmp_path (quarter == 1 ? "turned-cw.pdf" : "turned-ccw.pdf");
      write_table3_pages (path, FALSE, 0, 0, NULL, quarter);
      g_autoptr (GError) error = NULL;
      g_autoptr (GkContent) content = read_pdf (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (tu_warning (content->warnings, "page_turned", NULL));
      g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), path, content);
      assert_table3_values (rec, FALSE);
    }
}

/* Real PDFs that are no single report (tests/data/README.md): a 部门决算
 * full of money and figures, and two years' reports in one file.  Both are
 * refused with exit 5 and a record that holds nothing read from them. */
static void
test_not_one_report (void)
{
  static const struct { const char *file, *code; } cases[] = {
    { "tests/data/juesuan-2024.pdf", "not_a_report" },
    { "tests/data/two-reports.pdf", "two_reports" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (GK_SOURCE_DIR, cases[i].file, NULL);
      const char *args[] = { "extract", "--format", "json", path, NULL };
      g_autofree char *out = NULL;
      g_assert_cmpint (tu_run_gongkai (args, &out, NULL), ==, 5);
      json_t *rec = json_loads (out, 0, NULL);
      g_assert_nonnull (rec);
      json_t *report = json_object_get (rec, "report");
      g_assert_cmpstr (json_string_value (json_object_get (report, "template")), ==, "unknown");
      /* neither report's title, year or signature date stands for the file */
      g_assert_true (json_is_null (json_object_get (report, "year")));
      g_assert_true (json_is_null (json_object_get (report, "published_on")));
      g_assert_true (json_is_null (json_object_get (report, "title")));
      g_assert_nonnull (strstr (out, cases[i].code));
      /* no value read: every table and the prose are empty */
      json_t *data = json_object_get (rec, "data"), *section;
      const char *name;
      json_object_foreach (data, name, section)
        g_assert_true (json_is_null (section) || json_object_size (section) == 0 || json_array_size (section) == 0);
      json_decref (rec);
    }
}

/* Character boxes the font makes far taller than the glyphs (tests/data/
 * tall-glyph-boxes.pdf): an ideograph's box is cut to its square, so the
 * three lines of a wrapped cell stay three lines in their order. */
static void
test_tall_glyph_boxes (void)
{
  g_autofree char *path = g_build_filename (GK_SOURCE_DIR, "tests/data/tall-glyph-boxes.pdf", NULL);
  GkReadOptions opts;
  gk_read_options_init (&opts);
  g_autoptr (GError) error = NULL;
  g_autoptr (GkInput) in = gk_input_open (path, &opts, &error);
  g_assert_no_error (error);
  g_autoptr (GkContent) c = gk_pdf_read (in, &opts, &error);
  g_assert_no_error (error);
  const char *want[] = { "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                         "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                         "3.补正后申请内容仍不明确" };
  for (gsize k = 0; k < G_N_ELEMENTS (want); k++)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < c->lines->len && !found; i++)
        {
          g_autofree char *sq = gk_text_squeeze (((GkLine *) c->lines->pdata[i])->text);
          found = strstr (sq, want[k]) != NULL;
        }
      if (!found)
        g_error ("no line reads “%s”", want[k]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  t3_fill ();
  tmpdir = g_dir_make_tmp ("gk-test-pdf-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  g_test_add_func ("/pdf/ruled-table3", test_ruled_table3);
  g_test_add_func ("/pdf/rules-in-an-image", test_rules_in_an_image);
  g_test_add_func ("/pdf/table-split-over-pages", test_table_split_over_pages);
  g_test_add_func ("/pdf/row-split-over-pages", test_row_split_over_pages);
  g_test_add_func ("/pdf/blank-cells", test_blank_cells);
  g_test_add_func ("/pdf/parallel-reads", test_parallel_reads);
  g_test_add_func ("/pdf/page-without-text", test_page_without_text);
  g_test_add_func ("/pdf/rotated-page", test_rotated_page);
  g_test_add_func ("/pdf/limits", test_limits);
  g_test_add_func ("/pdf/hatched-page", test_hatched_page);
  g_test_add_func ("/pdf/encrypted", test_encrypted);
  g_test_add_func ("/pdf/not-a-pdf", test_not_a_pdf);
  g_test_add_func ("/pdf/not-one-report", test_not_one_report);
  g_test_add_func ("/pdf/tall-glyph-boxes", test_tall_glyph_boxes);
  g_test_add_func ("/pdf/turned-page", test_turned_page);
  g_test_add_func ("/pdf/rules-from-paths", test_rules_from_paths);
  g_test_add_func ("/pdf/rules-clipped", test_rules_clipped);
  int rc = g_test_run ();
  tu_remove_flat_dir (tmpdir);
  g_free (tmpdir);
  return rc;
}
