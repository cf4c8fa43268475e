/* test-number.c — the number normaliser and the text path's tokenizer. */
#include "common/gk-text.h"
#include "testutil.h"
#include "common/gk-number.h"
#include "content/line-row.h"

static void
test_counts (void)
{
  GkNumber n = gk_number_parse ("3208", GK_COLUMN_COUNT);
  g_assert_cmpint (n.kind, ==, GK_NUMBER_INT);
  g_assert_cmpint (n.i, ==, 3208);
  n = gk_number_parse ("１２", GK_COLUMN_COUNT);           /* full-width digits */
  g_assert_cmpint (n.kind, ==, GK_NUMBER_INT);
  g_assert_cmpint (n.i, ==, 12);
  n = gk_number_parse ("1,234,567", GK_COLUMN_COUNT);
  g_assert_cmpint (n.i, ==, 1234567);
  n = gk_number_parse ("12件", GK_COLUMN_COUNT);
  g_assert_cmpint (n.kind, ==, GK_NUMBER_INT);
  g_assert_cmpstr (n.unit, ==, "件");
  n = gk_number_parse ("3.5", GK_COLUMN_COUNT);           /* a count has no decimals */
  g_assert_cmpint (n.kind, ==, GK_NUMBER_INVALID);
  n = gk_number_parse ("abc", GK_COLUMN_COUNT);
  g_assert_cmpint (n.kind, ==, GK_NUMBER_INVALID);
  n = gk_number_parse ("12万元", GK_COLUMN_COUNT);         /* money is not a count */
  g_assert_cmpint (n.kind, ==, GK_NUMBER_INVALID);
  n = gk_number_parse ("1234567890123456789012", GK_COLUMN_COUNT);
  g_assert_cmpint (n.kind, ==, GK_NUMBER_INVALID);
}

static void
test_signed (void)
{
  GkNumber n = gk_number_parse ("+85", GK_COLUMN_SIGNED);
  g_assert_cmpint (n.i, ==, 85);
  n = gk_number_parse ("-2", GK_COLUMN_SIGNED);
  g_assert_cmpint (n.i, ==, -2);
  n = gk_number_parse ("－120", GK_COLUMN_SIGNED);         /* full-width minus */
  g_assert_cmpint (n.i, ==, -120);
  n = gk_number_parse ("−7", GK_COLUMN_SIGNED);            /* U+2212 */
  g_assert_cmpint (n.i, ==, -7);
  n = gk_number_parse ("0", GK_COLUMN_SIGNED);
  g_assert_cmpint (n.kind, ==, GK_NUMBER_INT);
  g_assert_cmpint (n.i, ==, 0);
}

static void
test_amounts (void)
{
  GkNumber n = gk_number_parse ("15122.275 万元", GK_COLUMN_AMOUNT_WAN);
  g_assert_cmpint (n.kind, ==, GK_NUMBER_DOUBLE);
  g_assert_cmpfloat (n.d, ==, 15122.275);
  g_assert_cmpstr (n.unit, ==, "万元");
  n = gk_number_parse ("1530000元", GK_COLUMN_AMOUNT_WAN);
  g_assert_cmpfloat (n.d, ==, 153.0);
  n = gk_number_parse ("621007.6元", GK_COLUMN_AMOUNT_WAN);   /* exact decimal shift */
  g_assert_cmpfloat (n.d, ==, 62.10076);
  n = gk_number_parse ("12元", GK_COLUMN_AMOUNT_WAN);
  g_assert_cmpfloat (n.d, ==, 0.0012);
  n = gk_number_parse ("0.092", GK_COLUMN_AMOUNT_WAN);
  g_assert_cmpfloat (n.d, ==, 0.092);
  n = gk_number_parse ("5笔", GK_COLUMN_AMOUNT_WAN);         /* not a money unit */
  g_assert_cmpint (n.kind, ==, GK_NUMBER_INVALID);
}

static void
test_placeholders (void)
{
  const char *dashes[] = { "—", "-", "－", "/", "无", "——", "–" };
  for (gsize i = 0; i < G_N_ELEMENTS (dashes); i++)
    g_assert_cmpint (gk_number_parse (dashes[i], GK_COLUMN_COUNT).kind, ==, GK_NUMBER_PLACEHOLDER);
  g_assert_cmpint (gk_number_parse ("", GK_COLUMN_COUNT).kind, ==, GK_NUMBER_BLANK);
  g_assert_cmpint (gk_number_parse ("\u3000 ", GK_COLUMN_COUNT).kind, ==, GK_NUMBER_BLANK);
  g_assert_cmpint (gk_number_parse ("\xc2\xa0", GK_COLUMN_COUNT).kind, ==, GK_NUMBER_BLANK);   /* &nbsp; */
}

static void
test_line_to_row (void)
{
  GkSource src = { .method = GK_METHOD_TEXT, .line = 7 };
  g_autoptr (GkRow) a = gk_line_to_row ("政府集中采购 415 15122.275 万元", &src);
  g_assert_cmpstr (a->label, ==, "政府集中采购");
  g_assert_cmpuint (a->cells->len, ==, 2);
  g_assert_cmpstr (((GkCell *) a->cells->pdata[1])->raw, ==, "15122.275 万元");
  g_assert_cmpint (((GkCell *) a->cells->pdata[0])->src.line, ==, 7);

  g_autoptr (GkRow) b = gk_line_to_row ("2.其他法律行政法规", &src);
  g_assert_cmpuint (b->cells->len, ==, 0);

  g_autoptr (GkRow) c = gk_line_to_row ("行政事业性收费 43 -2", &src);
  g_assert_cmpuint (c->cells->len, ==, 2);
  g_assert_cmpstr (((GkCell *) c->cells->pdata[1])->raw, ==, "-2");

  g_autoptr (GkRow) d = gk_line_to_row ("0 0 0 0 0 0 0", &src);
  g_assert_cmpstr (d->label, ==, "");
  g_assert_cmpuint (d->cells->len, ==, 7);

  g_autoptr (GkRow) e = gk_line_to_row ("规章\u3000—\u3000—\u30003", &src);   /* ideographic spaces, dashes */
  g_assert_cmpstr (e->label, ==, "规章");
  g_assert_cmpuint (e->cells->len, ==, 3);

  g_autoptr (GkRow) f = gk_line_to_row ("万元", &src);   /* a unit alone is no cell */
  g_assert_cmpuint (f->cells->len, ==, 0);
}

static void
test_page_furniture (void)
{
  const char *yes[] = { "— 3 —", "- 12 -", "－3－", "第3页", "第 3 页 共 8 页", "http://www.changzhi.gov.cn/", "www.qinxian.gov.cn", "file:///tmp/report.html", "3/8" };
  /* rows of a table printing dashes and slashes for zero: no page's number */
  const char *no[] = { "2020", "规章 0 0 0", "一、总体情况", "0 0 0", "-2", "- 0 —", "— 0 —", "- 3 —", "3 / 4", "0/0" };
  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++)
    g_assert_true (gk_line_is_page_furniture (yes[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++)
    g_assert_false (gk_line_is_page_furniture (no[i]));
}

/* A browser's print stamp glued to a page's last words or last cell is cut
 * off; the cell before it stays, and a line that is the stamp alone, or a
 * report's date without a time, is left whole. */
static void
test_print_stamp (void)
{
  struct { const char *line, *want; gboolean cut; } cases[] = {
    { "8.属于国家秘密02024/3/22 11:04", "8.属于国家秘密0", TRUE },
    { "本年收费金额（单位：万元） 2025/3/5 16:13", "本年收费金额（单位：万元）", TRUE },
    { "其他 3 2023/2/8 14:56:07", "其他 3", TRUE },
    { "2025/3/5 16:13", "2025/3/5 16:13", FALSE },
    { "发布日期：2024/3/22", "发布日期：2024/3/22", FALSE },
    { "行政许可 2024 3 22 11", "行政许可 2024 3 22 11", FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *line = g_strdup (cases[i].line);
      g_assert_cmpint (gk_line_strip_print_stamp (line), ==, cases[i].cut);
      g_assert_cmpstr (line, ==, cases[i].want);
    }
}

/* gk_text_nfkc's table-free fast path agrees with GLib on every character
 * it handles, and text with other characters still goes through GLib. */
static void
test_nfkc_fast_path (void)
{
  static const gunichar ranges[][2] = {
    { 0x01, 0x7F }, { 0x3000, 0x3011 }, { 0x4E00, 0x9FFF }, { 0xFF01, 0xFF5E },
  };
  for (gsize r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (gunichar c = ranges[r][0]; c <= ranges[r][1]; c++)
      {
        char one[8] = { 0 };
        g_unichar_to_utf8 (c, one);
        g_autofree char *want = g_utf8_normalize (one, -1, G_NORMALIZE_NFKC);
        g_autofree char *got = gk_text_nfkc (one);
        if (g_strcmp0 (got, want) != 0)
          g_error ("U+%04X: gk_text_nfkc gives “%s”, GLib “%s”", c, got, want);
      }
  g_autofree char *mixed = gk_text_nfkc ("（一）①ｶ　２");
  g_assert_cmpstr (mixed, ==, "(一)1カ 2");
  /* radicals a font draws for ideographs: the Kangxi ones (NFKC) and the
   * supplement's (人⺠政府, ⻓, ⻔), which NFKC leaves */
  g_autofree char *radicals = gk_text_nfkc ("某区人⺠政府⼯作⻓⻔");
  g_assert_cmpstr (radicals, ==, "某区人民政府工作长门");
}

/* Bare page numbers: where at least two pages end with a line that is only
 * their number, each page's number is dropped — at the end, or the one such
 * line among the page's cells; where a page has several, each is kept and
 * marked for the table decoder.  A report that shows no such footer keeps
 * every bare number. */
static gboolean
content_has_line (const GkContent *c, const char *text, int page, gboolean *maybe)
{
  for (guint i = 0; i < c->rows->len; i++)
    {
      const GkRow *row = c->rows->pdata[i];
      if (row->label_src.page == page && row->cells->len == 1 && *row->label == '\0'
          && strcmp (((GkCell *) row->cells->pdata[0])->raw, text) == 0)
        {
          *maybe = ((GkCell *) row->cells->pdata[0])->maybe_page_number;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_page_numbers (void)
{
  const char *text = "报告\n\n1\n"
                     "\f表格\n7\n2\n\n5\n\n"           /* page 2: its number among the cells */
                     "\f3\n\n8\n3\n\n3\n"                /* page 3: three lines of 3 */
                     "\f结束\n\n4\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) c = gk_text_read (text, strlen (text), &error);
  g_assert_no_error (error);
  gboolean maybe = FALSE;
  g_assert_false (content_has_line (c, "1", 1, &maybe));
  g_assert_false (content_has_line (c, "2", 2, &maybe));
  g_assert_false (content_has_line (c, "4", 4, &maybe));
  g_assert_true (content_has_line (c, "3", 3, &maybe));
  g_assert_true (maybe);
  g_assert_true (content_has_line (c, "5", 2, &maybe));
  g_assert_false (maybe);
  /* one page ending with its number is no footer style: the 2 stays */
  const char *one = "报告\n\n1\n\f表格\n2\n\n5\n";
  g_autoptr (GkContent) d = gk_text_read (one, strlen (one), &error);
  g_assert_true (content_has_line (d, "2", 2, &maybe));
  g_assert_false (maybe);
}

/* A text whose blank lines were dropped shows no text blocks: a line of
 * the page's number alone beside words (a browser's footer printed among
 * a table's headers) may be the number as well as one ending the page, so
 * neither is dropped, both are marked; one between numbers is a cell. */
static void
test_page_numbers_without_blank_lines (void)
{
  const char *text = "报告\n正文。\n1\n"
                     "\f表格\n7\n2\n9\n五、存在的主要问题\n2\n复议后起诉\n0\n2\n"
                     "\f结束\n3\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) c = gk_text_read (text, strlen (text), &error);
  g_assert_no_error (error);
  gboolean maybe = FALSE;
  g_assert_false (content_has_line (c, "1", 1, &maybe));
  g_assert_false (content_has_line (c, "3", 3, &maybe));
  guint twos = 0, marked = 0;
  for (guint i = 0; i < c->rows->len; i++)
    {
      const GkRow *row = c->rows->pdata[i];
      for (guint k = 0; k < row->cells->len; k++)
        if (strcmp (((GkCell *) row->cells->pdata[k])->raw, "2") == 0)
          {
            twos++;
            marked += ((GkCell *) row->cells->pdata[k])->maybe_page_number;
          }
    }
  g_assert_cmpuint (twos, ==, 3);
  g_assert_cmpuint (marked, ==, 2);
}

/* Without form feeds, bare page numbers still count the pages down the
 * text when its last line (after the signature and date) is the last
 * page's: 1, 2, 3, 4 stand on lines in that order.  Where one line alone
 * can be a page's number (1; 2 among the cells; 4), or one alone stands
 * between words (the second 3: the page's foot, then the next page's
 * head), each page is found: the lines get their pages and the text is
 * read as one with form feeds (page 3's two 3s both kept and marked, as
 * there).  A text cut off inside a table ends on a cell among cells,
 * which counts no pages: every number stays. */
static void
test_page_numbers_counted_without_form_feeds (void)
{
  const char *body = "报告\n\n正文第一页。\n\n1\n\n表格\n\n7\n\n2\n\n5\n\n3\n\n正文第三页。\n\n3\n\n";
  g_autofree char *text = g_strconcat (body, "无。\n\n某县人民政府办公室\n\n2024年1月1日\n\n4\n", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) c = gk_text_read (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->n_pages, ==, 4);
  gboolean maybe = FALSE;
  g_assert_false (content_has_line (c, "1", 1, &maybe));
  g_assert_false (content_has_line (c, "2", 2, &maybe));
  g_assert_false (content_has_line (c, "4", 4, &maybe));
  g_assert_true (content_has_line (c, "7", 2, &maybe));
  g_assert_false (maybe);
  g_assert_true (content_has_line (c, "5", 3, &maybe));
  guint threes = 0;
  for (guint i = 0; i < c->rows->len; i++)
    {
      const GkRow *row = c->rows->pdata[i];
      if (row->cells->len == 1 && strcmp (((GkCell *) row->cells->pdata[0])->raw, "3") == 0)
        {
          g_assert_cmpint (row->label_src.page, ==, 3);
          g_assert_true (((GkCell *) row->cells->pdata[0])->maybe_page_number);
          threes++;
        }
    }
  g_assert_cmpuint (threes, ==, 2);

  g_autofree char *cut = g_strconcat (body, "8\n\n4\n", NULL);
  g_autoptr (GkContent) d = gk_text_read (cut, strlen (cut), &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->n_pages, ==, 0);
  g_assert_true (content_has_line (d, "2", 0, &maybe));
  g_assert_true (content_has_line (d, "4", 0, &maybe));
}

static const GkRow *
row_labelled (const GkContent *c, const char *label)
{
  for (guint i = 0; i < c->rows->len; i++)
    if (strcmp (((const GkRow *) c->rows->pdata[i])->label, label) == 0)
      return c->rows->pdata[i];
  return NULL;
}

/* pdftotext -layout sets a row's numbers on both lines of its wrapped
 * label: 1 beside "3.危及“三安全一", the rest in their columns beside
 * "稳定”".  The row's cells are all on its first line, each number in its
 * column; the label's rest keeps no cell.  A line whose label opens a row
 * of its own after a merged group's label ("予公开 5.…") carries on
 * nothing, though its blanks stand under the numbers of the row above. */
static void
test_layout_cells_over_label_lines (void)
{
  const char *text = "一、本年新收申请数量          103   6     1     0     5     3     118\n"
                     "二、上年结转申请数量          3                                   3\n"
                     "3.危及“三安全一           1\n"
                     "稳定”                       0                 1           2\n"
                     "4.保护第三方合法           1\n"
                     "予公开 5.属于内部                0                 1           2\n"
                     "（七）总计               111   6     1     0     6     4     128\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) c = gk_text_read (text, strlen (text), &error);
  g_assert_no_error (error);
  const GkRow *row = row_labelled (c, "3.危及“三安全一");
  g_assert_nonnull (row);
  static const char *const want[] = { "1", "0", "", "", "1", "", "2" };
  g_assert_cmpuint (row->cells->len, ==, G_N_ELEMENTS (want));
  for (guint k = 0; k < G_N_ELEMENTS (want); k++)
    g_assert_cmpstr (((const GkCell *) row->cells->pdata[k])->raw, ==, want[k]);
  g_assert_cmpuint (row_labelled (c, "稳定”")->cells->len, ==, 0);
  g_assert_cmpuint (row_labelled (c, "4.保护第三方合法")->cells->len, ==, 1);
  g_assert_cmpuint (row_labelled (c, "予公开 5.属于内部")->cells->len, ==, 7);
}

/* A browser's PDF kept as text without its form feeds: its URL heads
 * every page, so each line still gets its page (a table's strips are cut
 * where pages break), and the text counts its pages.  Read the other way
 * round, the URL closing every page ends each.  A URL that neither opens
 * nor closes the text divides nothing. */
static void
test_pages_from_repeated_urls (void)
{
  const char *header = "http://www.example.gov.cn/\n某县2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n"
                       "http://www.example.gov.cn/\n二、主动公开政府信息情况\n规章 1 2 3\n"
                       "http://www.example.gov.cn/\n行政许可 56\n五、存在的主要问题及改进情况\n正文。\n正文。\n正文。\n"
                       "六、其他需要报告的事项\n无。\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) c = gk_text_read (header, strlen (header), &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->n_pages, ==, 3);
  g_assert_cmpint (row_labelled (c, "规章")->label_src.page, ==, 2);
  g_assert_cmpint (row_labelled (c, "行政许可")->label_src.page, ==, 3);

  const char *footer = "某县2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n正文。\n正文。\n正文。\n规章 1 2 3\n"
                       "http://www.example.gov.cn/\n行政许可 56\nhttp://www.example.gov.cn/\n";
  g_autoptr (GkContent) d = gk_text_read (footer, strlen (footer), &error);
  g_assert_cmpint (d->n_pages, ==, 2);
  g_assert_cmpint (row_labelled (d, "规章")->label_src.page, ==, 1);
  g_assert_cmpint (row_labelled (d, "行政许可")->label_src.page, ==, 2);

  const char *inside = "某县2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n正文。\n正文。\n正文。\n"
                       "http://www.example.gov.cn/\n规章 1 2 3\nhttp://www.example.gov.cn/\n行政许可 56\n"
                       "正文。\n正文。\n正文。\n正文。\n正文。\n";
  g_autoptr (GkContent) e = gk_text_read (inside, strlen (inside), &error);
  g_assert_cmpint (e->n_pages, ==, 0);
}

/* A browser's PDF heads each page with its URL, then the page's number
 * (pdftotext -raw keeps them first on the page): the number is the page's
 * first line of text, the URL being furniture, and no cell. */
static void
test_page_numbers_under_a_url (void)
{
  const char *text = "报告\n"
                     "\fhttp://www.example.gov.cn/\n2\n信息内容 本年处理决定数量\n行政许可 561\n"
                     "\fhttp://www.example.gov.cn/\n3\n行政处罚 4393\n行政强制 112\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) c = gk_text_read (text, strlen (text), &error);
  g_assert_no_error (error);
  gboolean maybe = FALSE;
  g_assert_false (content_has_line (c, "2", 2, &maybe));
  g_assert_false (content_has_line (c, "3", 3, &maybe));
}

/* pdftotext -layout keeps each number under its column: a row that prints
 * fewer numbers than the wide row near it (blank for zero) gets blank cells
 * where it prints none, so its numbers keep their columns. */
static void
test_layout_blanks (void)
{
  const char *text =
      "                         自然人  商业  科研  公益  法律  其他  总计\n"
      "一、本年新收申请数量                                    1         1\n"
      "（一）予以公开               2           3                     5\n"
      "（七）总计                 2     0     3     0     1     0   6\n"
      "行政许可                                                    9\n"
      "规章    0   0   0\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) c = gk_text_read (text, strlen (text), &error);
  g_assert_no_error (error);
  const GkRow *first = c->rows->pdata[1], *granted = c->rows->pdata[2], *rules = c->rows->pdata[5];
  g_assert_cmpuint (first->cells->len, ==, 7);
  g_assert_cmpstr (((GkCell *) first->cells->pdata[0])->raw, ==, "");
  g_assert_cmpstr (((GkCell *) first->cells->pdata[4])->raw, ==, "1");
  g_assert_cmpstr (((GkCell *) first->cells->pdata[6])->raw, ==, "1");
  g_assert_true (((GkCell *) first->cells->pdata[0])->grid_cell);
  g_assert_cmpuint (granted->cells->len, ==, 7);
  g_assert_cmpstr (((GkCell *) granted->cells->pdata[0])->raw, ==, "2");
  g_assert_cmpstr (((GkCell *) granted->cells->pdata[2])->raw, ==, "3");
  g_assert_cmpstr (((GkCell *) granted->cells->pdata[1])->raw, ==, "");
  /* under the total column alone it is still a row of the table */
  g_assert_cmpuint (((const GkRow *) c->rows->pdata[4])->cells->len, ==, 7);
  /* numbers that do not end under the wide row's last column keep their own */
  g_assert_cmpuint (rules->cells->len, ==, 3);
  /* numbers one space apart (pdftotext's default mode) prove no column */
  const char *flat = "（七）总计 2 0 3 0 1 0 6\n一、本年新收申请数量 1 1\n";
  g_autoptr (GkContent) d = gk_text_read (flat, strlen (flat), &error);
  g_assert_cmpuint (((const GkRow *) d->rows->pdata[1])->cells->len, ==, 2);
}

/* Rows that each leave one cell blank measure no columns for one another:
 * each is filled out by the table's full row, farther off. */
static void
test_layout_blanks_full_row_farther (void)
{
  const char *text =
      "一、本年新收申请数量          2     1           3     1     1     8\n"
      "二、上年结转申请数量          1           1     1     1     1     5\n"
      "（七）总计               2     0     3     0     1     0     6\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) c = gk_text_read (text, strlen (text), &error);
  g_assert_no_error (error);
  const GkRow *first = c->rows->pdata[0], *second = c->rows->pdata[1];
  g_assert_cmpuint (first->cells->len, ==, 7);
  g_assert_cmpstr (((GkCell *) first->cells->pdata[1])->raw, ==, "1");
  g_assert_cmpstr (((GkCell *) first->cells->pdata[2])->raw, ==, "");
  g_assert_cmpstr (((GkCell *) first->cells->pdata[3])->raw, ==, "3");
  g_assert_cmpuint (second->cells->len, ==, 7);
  g_assert_cmpstr (((GkCell *) second->cells->pdata[1])->raw, ==, "");
  g_assert_cmpstr (((GkCell *) second->cells->pdata[2])->raw, ==, "1");
}

/* The content of a text dump that must read. */
static GkContent *
read_dump (const GString *s)
{
  g_autoptr (GError) error = NULL;
  GkContent *c = gk_text_read (s->str, s->len, &error);
  g_assert_no_error (error);
  return c;
}

/* One line of a layout dump: label, then each cell at its column's
 * character (starts[c]), the last set right to end at total_end when that
 * is not 0; NULL cells print nothing. */
static void
layout_line (GString *s, const char *label, const int *starts, const char *const *cells, guint n, int shift,
             int total_end)
{
  glong at = g_utf8_strlen (label, -1);
  g_string_append (s, label);
  for (guint c = 0; c < n; c++)
    {
      if (!cells[c])
        continue;
      glong start = starts[c] + shift;
      if (c + 1 == n && total_end)
        start = total_end + shift - g_utf8_strlen (cells[c], -1) + 1;
      for (; at < start; at++)
        g_string_append_c (s, ' ');
      g_string_append (s, cells[c]);
      at += g_utf8_strlen (cells[c], -1);
    }
  g_string_append_c (s, '\n');
}

static void
assert_cells (const GkRow *row, const char *const *want, guint n)
{
  g_assert_cmpuint (row->cells->len, ==, n);
  for (guint c = 0; c < n; c++)
    g_assert_cmpstr (((GkCell *) row->cells->pdata[c])->raw, ==, want[c] ? want[c] : "");
}

/* A blank-zero table where no row prints all seven columns: the rows
 * together do (each column by two rows at least; the totals set right,
 * "102" over "5"), and each row gets a
 * blank in each column it leaves empty — a row whose numbers stand on a
 * line of their own, under their label, too. */
static void
test_layout_blanks_columns_of_rows_together (void)
{
  static const int starts[] = { 22, 28, 34, 40, 46, 52, 60 };
  static const char *const first[] = { "93", "2", NULL, NULL, "4", "3", "102" };
  static const char *const carried[] = { "5", "0", NULL, NULL, "0", NULL, "5" };
  static const char *const granted[] = { "37", NULL, "1", "2", NULL, NULL, "40" };
  static const char *const partly[] = { "12", NULL, "1", "2", NULL, "3", "18" };
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n");
  layout_line (s, "一、本年新收申请数量", starts, first, 7, 0, 62);
  g_string_append (s, "二、上年结转申请数量\n");
  layout_line (s, "", starts, carried, 7, 0, 62);
  layout_line (s, "（一）予以公开", starts, granted, 7, 0, 62);
  layout_line (s, "（二）部分公开", starts, partly, 7, 0, 62);
  g_autoptr (GkContent) c = read_dump (s);
  assert_cells (c->rows->pdata[1], first, 7);
  assert_cells (c->rows->pdata[3], carried, 7);
  assert_cells (c->rows->pdata[4], granted, 7);
  assert_cells (c->rows->pdata[5], partly, 7);
  g_assert_true (((GkCell *) ((GkRow *) c->rows->pdata[3])->cells->pdata[2])->grid_cell);
}

/* What sets no columns for the others: a row printed a few characters to
 * the right of them (a long label pushing it), the rows of another page
 * (set out anew), a full row set off their columns, and a table that
 * prints dashes for its zeros (a dash stands anywhere in its cell; such a
 * table's rows are full). */
static void
test_layout_blanks_columns_kept_apart (void)
{
  static const int ends[] = { 22, 28, 34, 40, 46, 52, 60 };
  static const char *const full[] = { "9", "1", "1", "1", "1", "1", "14" };
  static const char *const part[] = { "3", NULL, "1", NULL, NULL, "1", "5" };
  static const char *const shifted[] = { "4", "1", "1", "1", "1", "1", "9" };
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n");
  layout_line (s, "一、本年新收申请数量", ends, full, 7, 0, 0);
  layout_line (s, "（一）予以公开", ends, part, 7, 0, 0);
  layout_line (s, "四、结转下年度继续办理", ends, shifted, 7, 3, 0);
  g_string_append (s, "\f");
  static const int other_ends[] = { 20, 25, 30, 38, 44, 50, 60 };
  layout_line (s, "（二）部分公开", other_ends, part, 7, 0, 0);
  g_autoptr (GkContent) c = read_dump (s);
  assert_cells (c->rows->pdata[1], full, 7);
  assert_cells (c->rows->pdata[2], part, 7);
  assert_cells (c->rows->pdata[3], shifted, 7);
  /* page 2's row: nothing on its page prints more, it keeps its own */
  g_assert_cmpuint (((GkRow *) c->rows->pdata[4])->cells->len, ==, 4);

  /* a full row a text browser set off the others' columns (its first
   * number where the others print their labels, the rest one column
   * left): it sets no column of theirs */
  static const int set_off[] = { 12, 22, 28, 34, 40, 46, 60 };
  static const char *const total[] = { "107", "3", "1", "2", "4", "3", "120" };
  static const char *const parts[] = { "7", NULL, NULL, NULL, "1", NULL, "8" };
  g_autoptr (GString) u = g_string_new (NULL);
  layout_line (u, "2.其他法律行政法规禁止公开", ends, parts, 7, 0, 0);
  layout_line (u, "1.本机关不掌握相关政府信息", ends, parts, 7, 0, 0);
  layout_line (u, "（七）总计", set_off, total, 7, 0, 0);
  g_autoptr (GkContent) e = read_dump (u);
  for (guint r = 0; r < 2; r++)
    g_assert_cmpstr (((GkCell *) ((GkRow *) e->rows->pdata[r])->cells->pdata[0])->raw, ==, "7");

  static const char *const dashes[] = { "2", "—", "—", "1", "—", "—", "3" };
  static const char *const ones[] = { "1", "1", "1", "1", "1", "1", "6" };
  g_autoptr (GString) t = g_string_new (NULL);
  layout_line (t, "一、本年新收申请数量", ends, ones, 7, 0, 0);
  /* the dashes set centred, two characters left of the numbers */
  static const int dash_ends[] = { 22, 26, 32, 40, 44, 50, 60 };
  layout_line (t, "（一）予以公开", dash_ends, dashes, 7, 0, 0);
  g_autoptr (GkContent) d = read_dump (t);
  assert_cells (d->rows->pdata[0], ones, 7);
  assert_cells (d->rows->pdata[1], dashes, 7);
}

/* A narrow table whose last two columns stand two characters apart: rows
 * printing in either are in the table's columns, not shifted off them
 * (other rows print there too), and a row printing in both, a space
 * apart, fills the two. */
static void
test_layout_blanks_columns_close_together (void)
{
  static const int starts[] = { 24, 28, 32, 37, 42, 44, 59 };
  static const char *const rows[][7] = {
    { "78", "8", NULL, "0", "4", NULL, "90" },
    { "2", NULL, "0", "0", NULL, "0", "2" },
    { NULL, "2", NULL, "0", "0", "0", "2" },
    { "3", "0", "0", NULL, NULL, "0", "3" },
    { "1", NULL, NULL, NULL, "0", NULL, "1" },
  };
  static const char *const labels[] = { "一、本年新收申请数量", "1.属于国家秘密", "7.属于行政执法案卷",
                                         "8.属于行政查询事项", "3.其他" };
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    layout_line (s, labels[r], starts, rows[r], 7, 0, 0);
  g_autoptr (GkContent) c = read_dump (s);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    assert_cells (c->rows->pdata[r + 1], rows[r], 7);
}

/* A blank-zero table 三 as a text browser sets it (lynx: a character a
 * cell, each number at its cell's start): no row prints all seven columns,
 * the last two stand a space apart, a row of zeros leaves its total blank;
 * the columns are the starts the rows print at, together, and each row
 * gets its blanks.  The total row, set a column left (the browser lost the
 * cell spanning the rows above it: its first number where the others print
 * their labels), goes a column right, its last number the total.  A
 * layout whose rows are pushed a column (a table of zeros two characters
 * apart) makes no column of its own: its rows keep what they print. */
static void
test_layout_blanks_exact_columns (void)
{
  static const int starts[] = { 39, 43, 48, 53, 60, 67, 69 };
  static const char *const labels[] = { "   一、本年新收申请数量", "   二、上年结转申请数量", "      （一）予以公开",
                                        "      （二）部分公开", "              3.危及“三安全一稳定”",
                                        "              4.保护第三方合法权益" };
  static const char *const rows[][7] = {
    { "68", "2", "1", "0", NULL, NULL, "71" }, { "0", "0", "0", NULL, NULL, "0", NULL },
    { "30", NULL, "1", NULL, "0", "0", "31" }, { "9", NULL, "0", NULL, "0", NULL, "9" },
    { NULL, NULL, NULL, NULL, NULL, "0", "0" }, { "2", NULL, NULL, "0", NULL, "0", "2" },
  };
  static const int set_left[] = { 14, 39, 43, 48, 53, 60, 67 };
  static const char *const total[] = { "68", "2", "1", NULL, NULL, NULL, "71" };
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    layout_line (s, labels[r], starts, rows[r], 7, 0, 0);
  layout_line (s, "   （七）总计", set_left, total, 7, 0, 0);
  g_autoptr (GkContent) c = read_dump (s);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    assert_cells (c->rows->pdata[r + 1], rows[r], 7);
  assert_cells (c->rows->pdata[G_N_ELEMENTS (rows) + 1], total, 7);

  static const int at[] = { 17, 19, 21, 23, 25, 27, 29 };
  static const char *const zeros[] = { "0", "0", "0", "0", "0", "0", "0" };
  g_autoptr (GString) t = g_string_new ("三、收到和处理政府信息公开申请情况\n");
  for (guint r = 0; r < 6; r++)
    layout_line (t, "   申请", at, zeros, 7, r < 2 ? 0 : 2, 0);
  g_autoptr (GkContent) d = read_dump (t);
  for (guint r = 0; r < 6; r++)
    assert_cells (d->rows->pdata[r + 1], zeros, 7);
}

/* A number too wide for its narrow cell wraps: its first digits on the
 * line above its row, the rest on the line below, the row's other numbers
 * between (full-width digits, a dash for each zero).  The halves join back
 * into the row, each in its column; lines of numbers around a row of a
 * blank-zero table (their totals in the row's total column) stay rows. */
static void
test_layout_wrapped_numbers (void)
{
  static const int starts[] = { 24, 29, 34, 39, 43, 47, 52 };
  static const char *const heads[] = { "１３", NULL, NULL, NULL, NULL, NULL, "１４" };
  static const char *const middle[] = { NULL, "１９", "—", "８", "—", "４５", NULL };
  static const char *const tails[] = { "４６", NULL, NULL, NULL, NULL, NULL, "１８" };
  static const char *const joined[] = { "１３４６", "１９", "—", "８", "—", "４５", "１４１８" };
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n\n");
  layout_line (s, "", starts, heads, 7, 0, 0);
  layout_line (s, "一、本年新收申请数量", starts, middle, 7, 0, 0);
  layout_line (s, "", starts, tails, 7, 0, 0);
  g_autoptr (GkContent) c = read_dump (s);
  g_assert_cmpuint (c->rows->len, ==, 2);
  assert_cells (c->rows->pdata[1], joined, 7);

  static const char *const above[] = { "3", NULL, NULL, NULL, NULL, NULL, "3" };
  static const char *const row[] = { NULL, "2", NULL, NULL, NULL, NULL, "2" };
  static const char *const below[] = { "1", NULL, NULL, NULL, NULL, NULL, "1" };
  g_autoptr (GString) t = g_string_new ("三、收到和处理政府信息公开申请情况\n");
  layout_line (t, "1.属于国家秘密", starts, above, 7, 0, 0);
  layout_line (t, "2.其他法律行政法规禁止公开", starts, row, 7, 0, 0);
  layout_line (t, "3.危及“三安全一稳定”", starts, below, 7, 0, 0);
  g_autoptr (GkContent) d = read_dump (t);
  g_assert_cmpuint (d->rows->len, ==, 4);
  g_assert_cmpstr (((GkCell *) ((GkRow *) d->rows->pdata[1])->cells->pdata[0])->raw, ==, "3");
  g_assert_cmpstr (((GkCell *) ((GkRow *) d->rows->pdata[3])->cells->pdata[0])->raw, ==, "1");
}

/* A dump of a row's line (label, cells), a line of numbers under it, a
 * blank line and a line after (label, cells), in table 三's columns. */
static GkContent *
read_row_and_lines_under (const char *label, const char *const *row, const char *const *low, const char *after,
                          const char *const *after_cells)
{
  static const int starts[] = { 24, 29, 34, 39, 43, 47, 52 };
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n");
  layout_line (s, label, starts, row, 7, 0, 0);
  layout_line (s, "", starts, low, 7, 0, 0);
  g_string_append (s, "\n");
  layout_line (s, after, starts, after_cells, 7, 0, 0);
  return read_dump (s);
}

/* A row whose label wraps over three lines, its numbers centred: the row's
 * line prints the first half of a number too wide for its cell with the
 * other numbers, the line under it the first half of the total (set a line
 * lower), and after a blank line, beside the label's last piece, the second
 * halves under the first.  They join back into the row, each in its column.
 * A lone number a line under a row, no number after the blank line under
 * it, is no half: the rows stay as printed. */
static void
test_layout_numbers_wrapped_below (void)
{
  static const char *const row[] = { "２１", "４", "—", "１", "—", "４", NULL };
  static const char *const low[] = { NULL, NULL, NULL, NULL, NULL, NULL, "３０" };
  static const char *const tails[] = { "６", NULL, NULL, NULL, NULL, NULL, "９" };
  static const char *const joined[] = { "２１６", "４", "—", "１", "—", "４", "３０９" };
  g_autoptr (GkContent) c = read_row_and_lines_under ("（二）部分公开，只计这一情形，不计其他", row, low, "情形）", tails);
  g_assert_cmpuint (c->rows->len, ==, 3);
  assert_cells (c->rows->pdata[1], joined, 7);

  static const char *const lone[] = { NULL, NULL, NULL, NULL, NULL, NULL, "２" };
  static const char *const next[] = { "８", NULL, NULL, NULL, NULL, NULL, NULL };
  g_autoptr (GkContent) d = read_row_and_lines_under ("1.属于国家秘密", row, lone, "2.其他法律行政法规禁止公开", next);
  g_assert_cmpuint (d->rows->len, ==, 4);
  assert_cells (d->rows->pdata[1], row, 6);
  g_assert_cmpstr (((GkCell *) ((GkRow *) d->rows->pdata[3])->cells->pdata[0])->raw, ==, "８");
}

/* pdftotext -raw prints each row's numbers a space after its label: rows
 * whose labels are as long line their numbers up by chance, around a row
 * printing fewer.  They are rows of their own, not halves of numbers
 * wrapped in the middle row's cells (that is a layout dump's, set in
 * columns two spaces apart). */
static void
test_raw_rows_are_not_wrapped_numbers (void)
{
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n"
                                        "1.信访举报投诉类申请 3 2 0 0 5\n"
                                        "2.重复申请 1 1\n"
                                        "3.要求提供公开出版物 1 1 0 0 2\n");
  g_autoptr (GkContent) c = read_dump (s);
  static const char *const first[] = { "3", "2", "0", "0", "5" };
  static const char *const middle[] = { "1", "1" };
  static const char *const last[] = { "1", "1", "0", "0", "2" };
  g_assert_cmpuint (c->rows->len, ==, 4);
  assert_cells (c->rows->pdata[1], first, 5);
  assert_cells (c->rows->pdata[2], middle, 2);
  assert_cells (c->rows->pdata[3], last, 5);
}

/* A blank-zero table set right: a shorter number ends under the full
 * row's number of its column, starting a character or two right of it;
 * it stands in that column where no other of the full row's numbers
 * starts or ends near it. */
static void
test_layout_blanks_columns_set_right (void)
{
  static const int full_starts[] = { 52, 61, 69, 75, 79, 86, 90 };
  static const int right_starts[] = { 53, 63, 69, 75, 81, 86, 90 };
  static const char *const full[] = { "947", "171", "0", "0", "19", "0", "1137" };
  static const char *const some[] = { "21", "3", NULL, NULL, NULL, NULL, "24" };
  static const char *const more[] = { "13", "4", NULL, NULL, "1", NULL, "18" };
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n");
  layout_line (s, "3.要求提供公开出版物", right_starts, some, 7, 0, 0);
  layout_line (s, "4.无正当理由大量反复申请", right_starts, more, 7, 0, 0);
  layout_line (s, "（七）总计", full_starts, full, 7, 0, 0);
  g_autoptr (GkContent) c = read_dump (s);
  assert_cells (c->rows->pdata[1], some, 7);
  assert_cells (c->rows->pdata[2], more, 7);
}

/* A table that prints a dash for each zero leaves no cell blank: a line
 * printing fewer numbers than its full rows (a number cut off its row) gets
 * no blank cells from them. */
static void
test_layout_no_blanks_where_zeros_print (void)
{
  static const int starts[] = { 24, 29, 34, 39, 43, 47, 52 };
  static const char *const full[] = { "７", "—", "—", "—", "—", "—", "７" };
  static const char *const alone[] = { NULL, NULL, NULL, NULL, NULL, NULL, "１４" };
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n");
  layout_line (s, "1.属于国家秘密", starts, full, 7, 0, 0);
  layout_line (s, "", starts, alone, 7, 0, 0);
  layout_line (s, "2.其他法律行政法规禁止公开", starts, full, 7, 0, 0);
  g_autoptr (GkContent) c = read_dump (s);
  assert_cells (c->rows->pdata[2], alone + 6, 1);
}

/* A row of numbers under a header printed one character a column (vertical
 * header text: 结/果/维/持 over each cell), with no other row to show the
 * table's columns: each number goes to the header column it stands under,
 * a blank to each column it leaves empty. */
static void
test_layout_blanks_under_vertical_headers (void)
{
  static const int starts[] = { 1, 6, 11, 17, 21, 25, 29, 37, 43, 50, 54, 58, 66, 73, 80 };
  static const char *const heads[][15] = {
    { "结", "结", "其", "尚", "总", "结", "结", "其", "尚", "总", "结", "结", "其", "尚", "总" },
    { "果", "果", "他", "未", "计", "果", "果", "他", "未", "计", "果", "果", "他", "未", "计" },
  };
  static const char *const numbers[] = { "1", "2", NULL, "2", "5", "2", "1", "2", NULL, "5",
                                         NULL, NULL, NULL, NULL, NULL };
  static const char *const want[] = { "1", "2", NULL, "2", "5", "2", "1", "2", NULL, "5",
                                      NULL, NULL, NULL, NULL, NULL };
  g_autoptr (GString) s = g_string_new ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n");
  g_string_append (s, "          行政复议                      行政诉讼\n");
  for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
    layout_line (s, "", starts, heads[h], 15, -1, 0);
  /* the numbers centred under their headers, a character either side */
  static const int under[] = { 2, 6, 11, 16, 21, 25, 30, 37, 43, 49, 54, 58, 66, 73, 80 };
  layout_line (s, "", under, numbers, 15, -1, 0);
  g_autoptr (GkContent) c = read_dump (s);
  const GkRow *row = c->rows->pdata[c->rows->len - 1];
  assert_cells (row, want, 15);

  /* a number under no header column (between two): the row keeps what it printed */
  static const int off[] = { 2, 6, 11, 16, 21, 25, 30, 33, 43, 49, 54, 58, 66, 73, 80 };
  g_autoptr (GString) t = g_string_new (NULL);
  for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
    layout_line (t, "", starts, heads[h], 15, -1, 0);
  layout_line (t, "", off, numbers, 15, -1, 0);
  g_autoptr (GkContent) d = read_dump (t);
  g_assert_cmpuint (((GkRow *) d->rows->pdata[d->rows->len - 1])->cells->len, ==, 8);

  /* dashes and a wrapped label's last character, one a column, are no
   * header: the row under them keeps its seven cells */
  static const int seven[] = { 19, 24, 28, 32, 36, 40, 45 };
  static const char *const dashes[] = { "—", "—", "—", "—", "—", "—", "—" };
  static const char *const counts[] = { "21", "—", "—", "1", "—", "—", "22" };
  g_autoptr (GString) u = g_string_new (NULL);
  g_string_append (u, "      6.属于四类过程性信\n");
  layout_line (u, "", seven, dashes, 7, 0, 0);
  g_string_append (u, "      息\n\n");
  layout_line (u, "      8.属于行政查询事项", seven, counts, 7, 0, 0);
  g_autoptr (GkContent) e = read_dump (u);
  assert_cells (e->rows->pdata[e->rows->len - 1], counts, 7);
}

/* Under a header printed one character a column: a number standing between
 * two columns goes where its neighbour leaves room; a header squeezed out
 * of the numbers' scale (its characters two apart, less than a glyph)
 * places none, its columns drifting from the numbers'. */
static void
test_layout_blanks_under_vertical_headers_near (void)
{
  static const int every4[] = { 0, 4, 8, 12, 16, 20 };
  static const char *const head[] = { "结", "结", "其", "尚", "总", "结" };
  static const char *const printed[] = { "1", NULL, "2", "1", "4", NULL };
  /* "2" two characters right of its column, as far from the next; "1" one right of its own */
  static const int between[] = { 0, 4, 10, 13, 16, 20 };
  static const char *const want[] = { "1", NULL, "2", "1", "4", NULL };
  g_autoptr (GString) s = g_string_new (NULL);
  layout_line (s, "", every4, head, 6, 0, 0);
  layout_line (s, "", between, printed, 6, 0, 0);
  g_autoptr (GkContent) c = read_dump (s);
  assert_cells (c->rows->pdata[1], want, 6);

  static const int every2[] = { 0, 2, 4, 6, 8, 10 };
  g_autoptr (GString) t = g_string_new (NULL);
  layout_line (t, "", every2, head, 6, 0, 0);
  layout_line (t, "", every4, printed, 6, 0, 0);
  g_autoptr (GkContent) d = read_dump (t);
  g_assert_cmpuint (((GkRow *) d->rows->pdata[1])->cells->len, ==, 4);
}

/* One line laid out by display width, as a text browser or pandoc sets a
 * table: each token at its display cell starts[c] (a CJK character two
 * cells wide); NULL tokens print nothing. */
static void
display_line (GString *s, const int *starts, const char *const *tokens, guint n)
{
  int at = 0;
  for (guint c = 0; c < n; c++)
    {
      if (!tokens[c])
        continue;
      for (; at < starts[c]; at++)
        g_string_append_c (s, ' ');
      g_string_append (s, tokens[c]);
      for (const char *p = tokens[c]; *p; p = g_utf8_next_char (p))
        at += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
    }
  g_string_append_c (s, '\n');
}

/* A table 四 laid out by display width (pandoc's plain text of a web
 * page): the groups' vertical headers in two blocks a blank line apart, the
 * numbers on a line of their own.  Counted in characters the headers drift
 * a character for each CJK one before them; counted in display cells each
 * number stands under its column. */
static void
test_layout_blanks_under_vertical_headers_by_display_width (void)
{
  static const int first[] = { 2, 16, 30, 44, 58 };
  static const int rest[] = { 72, 86, 100, 114, 128, 142, 156, 170, 184, 198 };
  static const char *const heads[][10] = {
    { "结", "结", "其", "尚", "总", "结", "结", "其", "尚", "总" },
    { "果", "果", "他", "未", "计", "果", "果", "他", "未", "计" },
  };
  g_autoptr (GString) s = g_string_new ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n");
  for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
    display_line (s, first, heads[h], 5);
  g_string_append_c (s, '\n');
  for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
    display_line (s, rest, heads[h], 10);
  g_string_append_c (s, '\n');
  static const int all[] = { 2, 16, 30, 44, 58, 72, 86, 100, 114, 128, 142, 156, 170, 184, 198 };
  static const char *const numbers[] = { "4", "1", "1", "3", "9", NULL, "1", "1", NULL, "2",
                                         "0", NULL, "2", "1", "3" };
  display_line (s, all, numbers, 15);
  g_autoptr (GkContent) c = read_dump (s);
  assert_cells (c->rows->pdata[c->rows->len - 1], numbers, 15);
}

/* A blank-zero table 三 laid out by display width (pandoc's plain text of a
 * web page: a CJK character two cells wide): counted in characters the
 * rows' numbers shift with their labels' length; counted in display cells
 * they stand in the table's columns, and each row gets its blanks. */
static void
test_layout_blanks_by_display_width (void)
{
  static const char *const labels[] = { "一、本年新收政府信息公开申请数量", "二、上年结转申请数量", "（一）予以公开",
                                        "（二）部分公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
                                        "3.危及安全稳定", "（七）总计" };
  static const char *const rows[][7] = {
    { "12", "3", NULL, "1", "2", NULL, "18" }, { "2", NULL, "1", NULL, "1", "1", "5" },
    { "7", "1", NULL, "1", NULL, "1", "10" },  { "3", NULL, "2", "1", NULL, NULL, "6" },
    { "1", "1", "1", NULL, NULL, "1", "4" },   { NULL, "2", NULL, "1", "1", NULL, "4" },
    { "4", NULL, "1", NULL, "2", NULL, "7" },  { "15", "4", NULL, "2", "1", "1", "23" },
  };
  static const int starts[] = { 2, 70, 78, 86, 94, 102, 110, 118 };
  g_autoptr (GString) s = g_string_new ("三、收到和处理政府信息公开申请情况\n");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      const char *tokens[8] = { labels[r] };
      memcpy (tokens + 1, rows[r], sizeof rows[r]);
      display_line (s, starts, tokens, 8);
    }
  g_autoptr (GkContent) c = read_dump (s);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    assert_cells (c->rows->pdata[r + 1], rows[r], 7);
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_test_add_func ("/number/counts", test_counts);
  g_test_add_func ("/number/signed", test_signed);
  g_test_add_func ("/number/amounts", test_amounts);
  g_test_add_func ("/number/placeholders", test_placeholders);
  g_test_add_func ("/text/line-to-row", test_line_to_row);
  g_test_add_func ("/text/nfkc-fast-path", test_nfkc_fast_path);
  g_test_add_func ("/text/page-furniture", test_page_furniture);
  g_test_add_func ("/text/page-numbers", test_page_numbers);
  g_test_add_func ("/text/page-numbers-under-a-url", test_page_numbers_under_a_url);
  g_test_add_func ("/text/print-stamp", test_print_stamp);
  g_test_add_func ("/text/layout-cells-over-label-lines", test_layout_cells_over_label_lines);
  g_test_add_func ("/text/pages-from-repeated-urls", test_pages_from_repeated_urls);
  g_test_add_func ("/text/page-numbers-counted-without-form-feeds", test_page_numbers_counted_without_form_feeds);
  g_test_add_func ("/text/page-numbers-without-blank-lines", test_page_numbers_without_blank_lines);
  g_test_add_func ("/text/layout-blanks", test_layout_blanks);
  g_test_add_func ("/text/layout-blanks-full-row-farther", test_layout_blanks_full_row_farther);
  g_test_add_func ("/text/layout-blanks-columns-of-rows-together", test_layout_blanks_columns_of_rows_together);
  g_test_add_func ("/text/layout-blanks-columns-kept-apart", test_layout_blanks_columns_kept_apart);
  g_test_add_func ("/text/layout-blanks-columns-close-together", test_layout_blanks_columns_close_together);
  g_test_add_func ("/text/layout-blanks-columns-set-right", test_layout_blanks_columns_set_right);
  g_test_add_func ("/text/layout-blanks-exact-columns", test_layout_blanks_exact_columns);
  g_test_add_func ("/text/layout-wrapped-numbers", test_layout_wrapped_numbers);
  g_test_add_func ("/text/raw-rows-are-not-wrapped-numbers", test_raw_rows_are_not_wrapped_numbers);
  g_test_add_func ("/text/layout-numbers-wrapped-below", test_layout_numbers_wrapped_below);
  g_test_add_func ("/text/layout-no-blanks-where-zeros-print", test_layout_no_blanks_where_zeros_print);
  g_test_add_func ("/text/layout-blanks-under-vertical-headers", test_layout_blanks_under_vertical_headers);
  g_test_add_func ("/text/layout-blanks-under-vertical-headers-near", test_layout_blanks_under_vertical_headers_near);
  g_test_add_func ("/text/layout-blanks-by-display-width", test_layout_blanks_by_display_width);
  g_test_add_func ("/text/layout-blanks-under-vertical-headers-by-display-width",
                   test_layout_blanks_under_vertical_headers_by_display_width);
  return g_test_run ();
}
