/* test-html.c — the web-page path: libxml2 parse, table grid (rowspan,
 * colspan, blanks, nested layout tables), flow text, charsets, bad input. */
#include "testutil.h"
#include "common/gk-error.h"
#include "html/html-input.h"

static GkContent *
read_html (const char *html)
{
  g_autoptr (GError) error = NULL;
  GkContent *c = gk_html_read_data (html, strlen (html), &error);
  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

/* The data rows (rows with cells) in order. */
static GPtrArray *
data_rows (const GkContent *c)
{
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; i < c->rows->len; i++)
    if (((GkRow *) c->rows->pdata[i])->cells->len)
      g_ptr_array_add (out, c->rows->pdata[i]);
  return out;
}

static const char *
cell_raw (const GkRow *row, guint i)
{
  g_assert_cmpuint (i, <, row->cells->len);
  return ((GkCell *) row->cells->pdata[i])->raw;
}

static gboolean
has_line (const GkContent *c, const char *text)
{
  for (guint i = 0; i < c->lines->len; i++)
    if (strcmp (((GkLine *) c->lines->pdata[i])->text, text) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
any_text_contains (const GkContent *c, const char *needle)
{
  for (guint i = 0; i < c->lines->len; i++)
    if (strstr (((GkLine *) c->lines->pdata[i])->text, needle))
      return TRUE;
  for (guint i = 0; i < c->rows->len; i++)
    if (strstr (((GkRow *) c->rows->pdata[i])->label, needle))
      return TRUE;
  return FALSE;
}

static void
test_rowspan_label_once (void)
{
  g_autoptr (GkContent) c = read_html (
    "<html><body><table>"
    "<tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>2</td></tr>"
    "<tr><td>2.其他法律行政法规禁止公开</td><td>1</td><td>3</td></tr>"
    "</table></body></html>");
  g_autoptr (GPtrArray) rows = data_rows (c);
  g_assert_cmpuint (rows->len, ==, 2);
  GkRow *a = rows->pdata[0], *b = rows->pdata[1];
  g_assert_cmpstr (a->label, ==, "（三）不予公开 1.属于国家秘密");
  g_assert_cmpstr (b->label, ==, "2.其他法律行政法规禁止公开");   /* the spanning label is not repeated */
  g_assert_cmpuint (a->cells->len, ==, 2);
  g_assert_cmpuint (b->cells->len, ==, 2);
  g_assert_cmpstr (cell_raw (b, 0), ==, "1");
  g_assert_cmpstr (cell_raw (b, 1), ==, "3");
}

static void
test_colspan_misaligned (void)
{
  /* header spans 2/2/2/2, data row 3/1/3/1: values still come in order */
  g_autoptr (GkContent) c = read_html (
    "<table><tr><td colspan=2>信息内容</td><td colspan=2>上一年项目数量</td><td colspan=2>本年增/减</td>"
    "<td colspan=2>处理决定数量</td></tr>"
    "<tr><td colspan=3>行政许可</td><td>86</td><td colspan=3>-3</td><td>1275</td></tr></table>");
  g_autoptr (GPtrArray) rows = data_rows (c);
  g_assert_cmpuint (rows->len, ==, 1);
  GkRow *r = rows->pdata[0];
  g_assert_cmpstr (r->label, ==, "行政许可");
  g_assert_cmpuint (r->cells->len, ==, 3);
  g_assert_cmpstr (cell_raw (r, 0), ==, "86");
  g_assert_cmpstr (cell_raw (r, 1), ==, "-3");
  g_assert_cmpstr (cell_raw (r, 2), ==, "1275");
  /* the header row is a label-only row */
  GkRow *h = c->rows->pdata[0];
  g_assert_cmpuint (h->cells->len, ==, 0);
  g_assert_cmpstr (h->label, ==, "信息内容 上一年项目数量 本年增/减 处理决定数量");
}

static void
test_nbsp_blank_cells (void)
{
  g_autoptr (GkContent) c = read_html (
    "<table><tr><td>规章</td><td>&nbsp;</td><td><span style=\"color:red\"> 5 </span></td><td>&#160;&#12288;</td></tr></table>");
  g_autoptr (GPtrArray) rows = data_rows (c);
  GkRow *r = rows->pdata[0];
  g_assert_cmpuint (r->cells->len, ==, 3);
  g_assert_cmpstr (cell_raw (r, 0), ==, "");
  g_assert_true (((GkCell *) r->cells->pdata[0])->grid_cell);
  g_assert_cmpstr (cell_raw (r, 1), ==, "5");
  g_assert_cmpstr (cell_raw (r, 2), ==, "");
  g_assert_true (((GkCell *) r->cells->pdata[2])->grid_cell);
  g_assert_cmpint (((GkCell *) r->cells->pdata[1])->src.method, ==, GK_METHOD_HTML);
}

/* A row of zeros printed blank is a data row whose ruled cells are blank
 * (read as 0), not a header: it used to be label-only, so its template
 * row was "not found" and all seven values null.  A header with text in
 * every cell stays a label-only row. */
static void
test_row_of_blank_cells (void)
{
  g_autoptr (GkContent) c = read_html (
    "<table><tr><td>申请人情况</td><td>自然人</td><td>总计</td></tr>"
    "<tr><td>1.属于国家秘密</td><td></td><td>&nbsp;</td></tr>"
    "<tr><td>2.其他法律行政法规禁止公开</td><td>1</td><td>1</td></tr></table>");
  g_autoptr (GPtrArray) rows = data_rows (c);
  g_assert_cmpuint (rows->len, ==, 2);
  GkRow *r = rows->pdata[0];
  g_assert_cmpstr (r->label, ==, "1.属于国家秘密");
  g_assert_cmpuint (r->cells->len, ==, 2);
  g_assert_cmpstr (cell_raw (r, 0), ==, "");
  g_assert_true (((GkCell *) r->cells->pdata[0])->grid_cell);
  g_assert_true (((GkCell *) r->cells->pdata[1])->grid_cell);
  GkRow *h = c->rows->pdata[0];
  g_assert_cmpuint (h->cells->len, ==, 0);
}

static void
test_row_without_label_keeps_leading_blank (void)
{
  /* table 四's data row: no label, its first cell blank (zero) */
  g_autoptr (GkContent) c = read_html ("<table><tr><td>&nbsp;</td><td>1</td><td>0</td></tr></table>");
  g_autoptr (GPtrArray) rows = data_rows (c);
  GkRow *r = rows->pdata[0];
  g_assert_cmpstr (r->label, ==, "");
  g_assert_cmpuint (r->cells->len, ==, 3);
  g_assert_cmpstr (cell_raw (r, 0), ==, "");
}

static void
test_value_spanning_rows_not_repeated (void)
{
  g_autoptr (GkContent) c = read_html (
    "<table><tr><td>甲</td><td>1</td><td rowspan=2>7</td></tr>"
    "<tr><td>乙</td><td>2</td></tr></table>");
  g_autoptr (GPtrArray) rows = data_rows (c);
  GkRow *b = rows->pdata[1];
  g_assert_cmpstr (b->label, ==, "乙");
  g_assert_cmpuint (b->cells->len, ==, 2);
  g_assert_cmpstr (cell_raw (b, 1), ==, "");                     /* not a second 7 */
  g_assert_false (((GkCell *) b->cells->pdata[1])->grid_cell);   /* and not a proven blank */
}

static void
test_nested_layout_table (void)
{
  g_autoptr (GkContent) c = read_html (
    "<table class=layout><tr><td>首页 &gt; 年度报告</td></tr><tr><td>\n"
    "<p>二、主动公开政府信息情况</p>\n"
    "<table><tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr></table>\n"
    "<p>正文结束</p></td></tr></table>");
  g_autoptr (GPtrArray) rows = data_rows (c);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((GkRow *) rows->pdata[0])->label, ==, "规章");
  g_assert_true (has_line (c, "二、主动公开政府信息情况"));
  g_assert_true (has_line (c, "首页 > 年度报告"));
  g_assert_true (has_line (c, "规章 0 0 3"));   /* table text is prose too */
  /* document order: heading, table row, closing text */
  guint ih = 0, it = 0, ie = 0;
  for (guint i = 0; i < c->lines->len; i++)
    {
      const char *t = ((GkLine *) c->lines->pdata[i])->text;
      if (strcmp (t, "二、主动公开政府信息情况") == 0) ih = i;
      if (strcmp (t, "规章 0 0 3") == 0) it = i;
      if (strcmp (t, "正文结束") == 0) ie = i;
    }
  g_assert_cmpuint (ih, <, it);
  g_assert_cmpuint (it, <, ie);
}

static void
test_script_style_comments_debris (void)
{
  g_autoptr (GkContent) c = read_html (
    "<html><head><title>标题</title><style>p{color:red}</style></head><body>"
    "<script>document.write('收到申请99件')</script>"
    "<p><!--[if !supportLists]--><span>（一）</span><!--[endif]-->主动公开<!-- 12 -->情况</p>"
    "<p>&lt;!--[if !supportLists]--&gt;（二）&lt;!--[endif]--&gt;依申请公开</p>"
    "<noscript>请启用脚本</noscript></body></html>");
  g_assert_false (any_text_contains (c, "99"));
  g_assert_false (any_text_contains (c, "color"));
  g_assert_false (any_text_contains (c, "12"));
  g_assert_false (any_text_contains (c, "supportLists"));
  g_assert_false (any_text_contains (c, "请启用"));
  g_assert_true (has_line (c, "（一）主动公开情况"));
  g_assert_true (has_line (c, "（二）依申请公开"));
}

static void
test_br_and_blocks_split_lines (void)
{
  g_autoptr (GkContent) c = read_html (
    "<div>第一行<br>第二行<br/>第三<b>行</b></div><h2>二、标题</h2><ul><li>甲</li><li>乙</li></ul>");
  g_assert_true (has_line (c, "第一行"));
  g_assert_true (has_line (c, "第二行"));
  g_assert_true (has_line (c, "第三行"));
  g_assert_true (has_line (c, "二、标题"));
  g_assert_true (has_line (c, "甲"));
  g_assert_true (has_line (c, "乙"));
}

/* Text around the page's tables that draws table rows with pipes or holds
 * headings (Markdown a converter left): each line a line (a pipe row a row,
 * a unit kept with its number); text without such lines still flows over
 * its line breaks. */
static void
test_pipe_rows_in_flow_text (void)
{
  g_autoptr (GkContent) c = read_html ("<div>x</div>\n| 政府集中采购 | 463 | 6051115 元 | |\n| 规章 | 2 | |\n"
                                       "## 三、标题\n<p>第一行\n第二行</p>");
  g_autoptr (GPtrArray) rows = data_rows (c);
  g_assert_cmpuint (rows->len, ==, 2);
  GkRow *buy = rows->pdata[0], *rules = rows->pdata[1];
  g_assert_cmpstr (buy->label, ==, "政府集中采购");
  g_assert_cmpuint (buy->cells->len, ==, 3);
  g_assert_cmpstr (cell_raw (buy, 1), ==, "6051115 元");
  g_assert_cmpstr (cell_raw (buy, 2), ==, "");
  g_assert_cmpint (((GkCell *) buy->cells->pdata[0])->src.line, ==, 2);
  g_assert_cmpstr (rules->label, ==, "规章");
  g_assert_cmpint (((GkCell *) rules->cells->pdata[0])->src.line, ==, 3);
  g_assert_true (has_line (c, "三、标题"));   /* a Markdown heading, its marks removed */
  g_assert_true (has_line (c, "第一行 第二行"));
}

static void
test_source_lines (void)
{
  g_autoptr (GkContent) c = read_html (
    "<html><body>\n<table>\n<tr>\n<td>规章</td>\n<td>4</td>\n</tr>\n</table>\n</body></html>");
  g_autoptr (GPtrArray) rows = data_rows (c);
  GkCell *cell = ((GkRow *) rows->pdata[0])->cells->pdata[0];
  g_assert_cmpint (cell->src.line, ==, 5);
  g_assert_cmpint (cell->src.page, ==, 0);
}

static void
test_absurd_spans_clamped (void)
{
  g_autoptr (GkContent) c = read_html (
    "<table><tr><td rowspan=99999999 colspan=100000>甲</td><td>1</td></tr><tr><td>2</td></tr></table>");
  g_assert_true (tu_warning (c->warnings, "html_span_clamped", NULL));
  g_autoptr (GPtrArray) rows = data_rows (c);
  g_assert_cmpuint (rows->len, ==, 2);
}

static void
test_charset_gb18030 (void)
{
  /* "<meta charset=gb2312><p>年度报告</p>" in GB18030 */
  const char *utf8 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                     "<body><p>政府信息公开年度报告</p></body></html>";
  gsize n = 0;
  g_autofree char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &n, NULL);
  g_assert_nonnull (gb);
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) c = gk_html_read_data (gb, n, &error);
  g_assert_no_error (error);
  g_assert_true (has_line (c, "政府信息公开年度报告"));
  g_assert_false (tu_warning (c->warnings, "encoding_gb18030", NULL));

  /* no declaration, not UTF-8: read as GB18030 with a warning */
  const char *bare = "<html><body><p>政府信息公开</p></body></html>";
  g_autofree char *gb2 = g_convert (bare, -1, "GB18030", "UTF-8", NULL, &n, NULL);
  g_autoptr (GkContent) c2 = gk_html_read_data (gb2, n, &error);
  g_assert_no_error (error);
  g_assert_true (has_line (c2, "政府信息公开"));
  g_assert_true (tu_warning (c2->warnings, "encoding_gb18030", NULL));
}

/* A page with one byte that is not in its charset: the byte is replaced
 * (invalid_utf8) and the rest of the page read.  libxml2's decoder used to
 * stop there: a UTF-8 page lost everything after the byte ("no text in
 * HTML page", libxml2's own lines on stderr), a GBK page its later rows,
 * without a warning. */
static const char one_bad_byte_page[] =
  "<html><head><meta charset=%s></head><body><p>政府信息公开工作年度报告</p><table>"
  "<tr><td>规章</td><td>1</td></tr><tr><td>规范性文件</td><td>2</td></tr>"
  "<tr><td>行政许可%s</td><td>3</td></tr><tr><td>行政处罚</td><td>4</td></tr>"
  "<tr><td>行政强制</td><td>5</td></tr></table><p>本年度无其他需要报告的事项。</p></body></html>";

/* one_bad_byte_page declaring `declared`, in `charset`, the bad bytes before the "3" */
static GkContent *
read_one_bad_byte_page (const char *declared, const char *charset, const char *bad)
{
  g_autofree char *utf8 = g_strdup_printf (one_bad_byte_page, declared, "@@");
  gsize n = 0;
  g_autofree char *bytes = g_convert (utf8, -1, charset, "UTF-8", NULL, &n, NULL);
  g_assert_nonnull (bytes);
  g_autoptr (GString) page = g_string_new_len (bytes, (gssize) n);
  const char *at = strstr (page->str, "@@");
  g_assert_nonnull (at);
  gsize pos = (gsize) (at - page->str);
  g_string_erase (page, (gssize) pos, 2);
  g_string_insert (page, (gssize) pos, bad);
  g_autoptr (GError) error = NULL;
  GkContent *c = gk_html_read_data (page->str, page->len, &error);
  g_assert_no_error (error);
  return c;
}

static void
assert_whole_page_read (const GkContent *c)
{
  g_autoptr (GPtrArray) rows = data_rows (c);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (((GkRow *) rows->pdata[1])->label, ==, "规范性文件");
  g_assert_cmpstr (((GkRow *) rows->pdata[4])->label, ==, "行政强制");
  g_assert_cmpstr (cell_raw (rows->pdata[4], 0), ==, "5");
  g_assert_true (has_line (c, "本年度无其他需要报告的事项。"));
  g_assert_nonnull (tu_warning (c->warnings, "invalid_utf8", NULL));
}

static void
test_one_bad_byte (void)
{
  if (g_test_subprocess ())
    {
      /* UTF-8: a stray byte, and a sequence cut short */
      g_autoptr (GkContent) u = read_one_bad_byte_page ("utf-8", "UTF-8", "\xff");
      assert_whole_page_read (u);
      g_assert_null (tu_warning (u->warnings, "encoding_gb18030", NULL));
      g_autoptr (GkContent) u2 = read_one_bad_byte_page ("utf-8", "UTF-8", "\xe5\x8c");
      assert_whole_page_read (u2);
      /* GBK declared, a pair that is not GB18030 */
      g_autoptr (GkContent) g = read_one_bad_byte_page ("gb2312", "GB18030", "\xff\xff");
      assert_whole_page_read (g);
      g_assert_true (has_line (g, "政府信息公开工作年度报告"));
      /* GBK not declared (the meta says utf-8): still GB18030, the pair replaced */
      g_autoptr (GkContent) g2 = read_one_bad_byte_page ("utf-8", "GB18030", "\xff\xff");
      assert_whole_page_read (g2);
      g_assert_nonnull (tu_warning (g2->warnings, "encoding_gb18030", NULL));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");   /* nothing from libxml2 */
}

static void
test_bad_input (void)
{
  g_autoptr (GError) error = NULL;
  g_assert_null (gk_html_read_data ("", 0, &error));
  g_assert_error (error, GK_ERROR, GK_ERROR_EMPTY);
  g_clear_error (&error);
  const char *empty_body = "<html><head><script>var a=1;</script></head><body>  &nbsp; </body></html>";
  g_assert_null (gk_html_read_data (empty_body, strlen (empty_body), &error));
  g_assert_error (error, GK_ERROR, GK_ERROR_EMPTY);
  g_clear_error (&error);
  /* broken markup is recovered, not refused */
  const char *broken = "<table><tr><td>规章<td>1<tr><td>规范性文件<td>2</table><p>未闭合";
  g_autoptr (GkContent) c = gk_html_read_data (broken, strlen (broken), &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) rows = data_rows (c);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((GkRow *) rows->pdata[1])->label, ==, "规范性文件");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/html/rowspan-label-once", test_rowspan_label_once);
  g_test_add_func ("/html/colspan-misaligned", test_colspan_misaligned);
  g_test_add_func ("/html/nbsp-blank-cells", test_nbsp_blank_cells);
  g_test_add_func ("/html/row-without-label", test_row_without_label_keeps_leading_blank);
  g_test_add_func ("/html/row-of-blank-cells", test_row_of_blank_cells);
  g_test_add_func ("/html/value-spanning-rows", test_value_spanning_rows_not_repeated);
  g_test_add_func ("/html/nested-layout-table", test_nested_layout_table);
  g_test_add_func ("/html/script-style-comments-debris", test_script_style_comments_debris);
  g_test_add_func ("/html/br-and-blocks", test_br_and_blocks_split_lines);
  g_test_add_func ("/html/source-lines", test_source_lines);
  g_test_add_func ("/html/pipe-rows-in-flow-text", test_pipe_rows_in_flow_text);
  g_test_add_func ("/html/absurd-spans", test_absurd_spans_clamped);
  g_test_add_func ("/html/charset-gb18030", test_charset_gb18030);
  g_test_add_func ("/html/bad-input", test_bad_input);
  g_test_add_func ("/html/one-bad-byte", test_one_bad_byte);
  return g_test_run ();
}
