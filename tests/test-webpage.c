/* test-webpage.c — reports as a crawler keeps a web page: the whole text on
 * one line, tables flattened (cells run together), prose phrased as real
 * reports phrase it; and the record's decisions on such text (template
 * by what is printed, not by the year; a file that is no report). */
#include "testutil.h"
#include <glib/gstdio.h>
#include "html/html-input.h"

/* Pads a one-line page past the length where it stops being a visual line. */
static char *
one_line_page (const char *head, const char *tail)
{
  g_autoptr (GString) s = g_string_new (head);
  for (int i = 0; i < 40; i++)
    g_string_append (s, "进一步完善工作机制，规范公开流程，提升公开质量。");
  g_string_append (s, tail);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
has_piece (const GPtrArray *pieces, const char *want)
{
  for (guint i = 0; i < pieces->len; i++)
    if (strcmp (pieces->pdata[i], want) == 0)
      return TRUE;
  return FALSE;
}

static void
test_flat_pieces (void)
{
  g_autofree char *page = one_line_page (
      "首页 政务公开 某县2020年政府信息公开工作年度报告 来源：某县人民政府 根据条例编制本报告。",
      "二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量规章003规范性文件121230"
      "政府集中采购12345.6元三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量5 00005"
      "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000（七）总计5 0 0 0 0 0 5");
  g_autoptr (GPtrArray) p = gk_text_flat_pieces (page);
  /* blocks at white space before a word; a year stays with its title */
  g_assert_true (has_piece (p, "某县2020年政府信息公开工作年度报告"));
  g_assert_true (has_piece (p, "根据条例编制本报告。"));
  /* a flattened table: one row a piece, a heading its own piece */
  g_assert_true (has_piece (p, "规范性文件121230"));
  g_assert_true (has_piece (p, "政府集中采购12345.6元"));
  g_assert_true (has_piece (p, "三、收到和处理政府信息公开申请情况"));
  /* white space before a digit may part two cells: kept in the row */
  g_assert_true (has_piece (p, "一、本年新收政府信息公开申请数量5 00005"));
  /* a list number glued to the cells before it numbers the next row */
  g_assert_true (has_piece (p, "（三）不予公开1.属于国家秘密0000000"));
  g_assert_true (has_piece (p, "2.其他法律行政法规禁止公开0000000"));
  g_assert_true (has_piece (p, "（七）总计5 0 0 0 0 0 5"));
  /* 第（一）项 is inside a label, not a row of its own */
  g_assert_false (has_piece (p, "（一）项信息内容本年新制作数量规章003"));
  /* a table run into the next section's first sentence, no space between:
   * the table's rows are cut as ever, the sentence is a piece of its own */
  g_autoptr (GPtrArray) q = gk_text_flat_pieces (
      "（七）总计801000081四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况"
      "结果维持结果纠正其他结果尚未审结总计110024001510102五、存在的主要问题及改进情况存在的问题"
      "主要有以下几个方面：一是部分单位信息发布属性界定还不够精确。");
  g_assert_true (has_piece (q, "（七）总计801000081"));
  g_assert_true (has_piece (q, "四、结转下年度继续办理0000000"));
  g_assert_true (has_piece (q, "四、政府信息公开行政复议、行政诉讼情况结果维持结果纠正其他结果尚未审结总计110024001510102"));
  g_assert_true (has_piece (q, "五、存在的主要问题及改进情况存在的问题主要有以下几个方面：一是部分单位信息发布属性界定还不够精确。"));

  /* a dash printed for zero is a cell of its own, set apart; a lone
   * digit after one numbers the next row, and a heading after one ends
   * the table */
  g_autoptr (GPtrArray) d = gk_text_flat_pieces (
      "5.属于三类内部事务信息71————86.属于四类过程性信息———————7.属于行政执法案卷5—————5"
      "四、结转下年度继续办理———————五、存在的主要问题及改进情况无。");
  g_assert_true (has_piece (d, "5.属于三类内部事务信息71 — — — — 8"));
  g_assert_true (has_piece (d, "6.属于四类过程性信息 — — — — — — —"));
  g_assert_true (has_piece (d, "7.属于行政执法案卷5 — — — — — 5"));
  g_assert_true (has_piece (d, "四、结转下年度继续办理 — — — — — — —"));
  g_assert_true (has_piece (d, "五、存在的主要问题及改进情况无。"));

  /* a unit written apart after its number stays with it */
  g_autoptr (GPtrArray) u = gk_text_flat_pieces (
      "第二十条第（九）项 信息内容 采购项目数量 采购总金额 政府集中采购 463 6051115 元 三、收到和处理政府信息公开申请情况 "
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 行政事业性收费 15122.275 万元 合计");
  g_assert_true (has_piece (u, "政府集中采购 463 6051115 元"));
  g_assert_true (has_piece (u, "行政事业性收费 15122.275 万元"));
  g_assert_true (has_piece (u, "三、收到和处理政府信息公开申请情况"));
  /* a count's unit between two numbers parts two cells of the row; after
   * the last number, or before a word, it is no cell's */
  g_autoptr (GPtrArray) k = gk_text_flat_pieces (
      "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购1个246900元三、收到和处理政府信息公开申请情况");
  g_assert_true (has_piece (k, "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购1 246900元"));

  /* a short line is a visual line: not cut */
  const char *line = "某县2020年政府信息公开工作年度报告 规章003规范性文件121230\n";
  g_autoptr (GkContent) c = gk_text_read (line, strlen (line), NULL);
  g_assert_cmpuint (c->lines->len, ==, 1);
}

/* A flattened row whose first number runs into its label and whose next
 * carries its unit (政府集中采购1个246900元): one cell each, as many as the
 * columns, nothing to split. */
static void
test_glued_row_with_formatted_cell (void)
{
  g_autofree char *page = one_line_page (
      "某局2019年度政府信息公开工作年度报告 本报告由某局编制。全年主动公开政府信息514条。",
      "二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000"
      "规范性文件000第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购1个246900元"
      "三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量0000000（七）总计0000000");
  g_autoptr (GkRecord) r = tu_record_from_text (page);
  g_assert_true (tu_int_is (r, "active.procurement.projects", 1));
  const GkValue *amount = gk_record_get (r, "active.procurement.amount_wan");
  g_assert_nonnull (amount);
  g_assert_cmpfloat_with_epsilon (amount->d, 24.69, 1e-9);
}

/* A flattened page whose section headings run into their tables' header
 * and first cells, no space anywhere: the heading's row is the table's
 * first (规章000; table 四's one row of fifteen), and the last table runs
 * into the next section's first sentence. */
static void
test_heading_glued_to_table (void)
{
  g_autofree char *page = one_line_page (
      "某区2023年政府信息公开工作年度报告 本报告由某区人民政府办公室编制。全年主动公开政府信息120条。",
      "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000"
      "行政规范性文件5511第二十条第（五）项信息内容本年处理决定数量行政许可10212"
      "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
      "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
      "110024001510102五、存在的主要问题及改进情况存在的问题主要有：一是信息发布还不够及时。");
  g_autoptr (GkRecord) r = tu_record_from_text (page);
  g_assert_true (tu_int_is (r, "active.rules.issued", 0));
  g_assert_true (tu_int_is (r, "active.rules.in_force", 0));
  g_assert_true (tu_int_is (r, "appeals.review.upheld", 1));
  g_assert_true (tu_int_is (r, "appeals.review.total", 2));
  g_assert_true (tu_int_is (r, "appeals.litigation_direct.pending", 1));
  g_assert_true (tu_int_is (r, "appeals.litigation_direct.total", 5));
  g_assert_true (tu_int_is (r, "appeals.litigation_after_review.total", 2));
}

static void check_flat_table (const GkRecord *r);

/* The 2019 table 三 of a one-line page, flattened: the outcome rows sum to
 * more than （七）总计 prints, which must be found; rows whose digits split
 * more than one way stay null. */
static void
test_flat_table_read (void)
{
  g_autofree char *page = one_line_page (
      "某区2020年政府信息公开工作年度报告 本报告由某区人民政府办公室编制。全年共公布政府信息120条。",
      "二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量"
      "规章000规范性文件5511第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可10212"
      "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
      "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
      "一、本年新收政府信息公开申请数量9000009二、上年结转政府信息公开申请数量0000000三、本年度办理结果"
      "（一）予以公开5000005（二）部分公开（区分处理的，只计这一情形，不计其他情形）3000003"
      "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”0000000"
      "4.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息0000000"
      "7.属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提供1.本机关不掌握相关政府信息2000002"
      "2.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请0000000"
      "2.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请0000000"
      "5.要求行政机关确认或重新出具已获取信息0000000（六）其他处理0000000（七）总计9000009"
      "四、结转下年度继续办理0000000 五、存在的主要问题及改进情况 无。");
  /* the same page saved as HTML with its whole text in one paragraph reads the same */
  g_autofree char *html = g_strdup_printf ("<html><head><meta charset=\"utf-8\"></head><body><div><p>%s</p></div></body></html>", page);
  g_autoptr (GkContent) hc = gk_html_read_data (html, strlen (html), NULL);
  g_assert_nonnull (hc);
  for (int as_html = 0; as_html <= 1; as_html++)
    {
      g_autoptr (GkRecord) r = as_html ? gk_pipeline_record_from_content (tu_pipeline (), "page.html", hc)
                                       : tu_record_from_text (page);
      check_flat_table (r);
    }
}

static void
check_flat_table (const GkRecord *r)
{
  g_assert_cmpstr (r->template_id, ==, "2019");
  g_assert_cmpint (r->year, ==, 2020);
  g_assert_cmpstr (r->issuer, ==, "某区人民政府");
  g_assert_true (tu_int_is (r, "applications.granted.total", 5));
  g_assert_true (tu_int_is (r, "applications.unavailable_not_held.natural_person", 2));
  g_assert_true (tu_int_is (r, "applications.processed_total.total", 9));
  /* 5 + 3 + 2 = 10 outcomes under a printed total of 9 */
  g_assert_cmpstr (tu_check_status (r, "applications.outcomes_sum.total"), ==, "fail");
  g_assert_cmpstr (tu_check_status (r, "applications.balance.total"), ==, "pass");
  /* 5511 is 5|5|11 or 55|1|1…: never guessed */
  GkValue *v = gk_record_get (r, "active.normative_documents.total");
  g_assert_true (v == NULL || v->kind == GK_VALUE_NULL);
}

static void
test_issuer_completion (void)
{
  /* a bare place in the title: its 管委会 as the report spells it */
  g_autoptr (GkRecord) a = tu_record_from_text (
      "某某综合实验区2019年政府信息公开工作年度报告\n某某综合实验区管委会办公室编制了本报告。\n全年主动公开政府信息8条。\n");
  g_assert_cmpstr (a->issuer, ==, "某某综合实验区管委会");
  /* 人民政府 first when both are spelled */
  g_autoptr (GkRecord) b = tu_record_from_text (
      "甲县2019年政府信息公开工作年度报告\n甲县管委会、甲县人民政府各部门。\n全年主动公开政府信息8条。\n");
  g_assert_cmpstr (b->issuer, ==, "甲县人民政府");
  /* none spelled: the place as printed */
  g_autoptr (GkRecord) c = tu_record_from_text ("乙区2019年政府信息公开工作年度报告\n全年主动公开政府信息8条。\n");
  g_assert_cmpstr (c->issuer, ==, "乙区");
  /* its 管委会 named after the place's party committee, by the place's kind alone */
  g_autoptr (GkRecord) d = tu_record_from_text (
      "某某综合实验区2024年度政府信息公开工作年度报告\n2024年，在实验区党工委、管委会坚强领导下，持续深化政务公开。\n"
      "全年主动公开政府信息8条。\n");
  g_assert_cmpstr (d->issuer, ==, "某某综合实验区管委会");
  /* another place's kind is no such naming */
  g_autoptr (GkRecord) e = tu_record_from_text (
      "丙区2024年度政府信息公开工作年度报告\n2024年，在开发区党工委、管委会领导下，持续深化政务公开。\n全年主动公开政府信息8条。\n");
  g_assert_cmpstr (e->issuer, ==, "丙区");
}

/* A report in prose only, around one paragraph. */
static GkRecord *
prose_2020 (const char *body)
{
  g_autofree char *text = g_strconcat ("某区2020年政府信息公开工作年度报告\n", body, "\n", NULL);
  return tu_record_from_text (text);
}

static void
test_total_verbs (void)
{
  /* 公布 as the verb of the year's total, its categories in brackets */
  g_autoptr (GkRecord) a = prose_2020 ("全年我区共公布政府信息300条(其中机构职能类信息100条，政策、规范性文件类信息50条，"
                                       "其他应主动公开政府信息140条)，主要通过门户网站公开。");
  g_assert_true (tu_int_is (a, "narrative.active_total", 300));
  g_assert_cmpuint (a->parts->len, ==, 3);
  g_assert_cmpstr (((GkPart *) a->parts->pdata[1])->label, ==, "政策、规范性文件类信息");
  g_assert_false (a->parts_partial);   /* the last is 其他…: the list claims the whole */
  g_assert_cmpstr (tu_check_status (a, "narrative.parts_sum"), ==, "fail");

  /* 其他应主动公开…N条 is a category, not the total */
  g_autoptr (GkRecord) b = prose_2020 ("各单位共梳理信息若干，其他应主动公开政府信息40条。");
  g_assert_null (gk_record_get (b, "narrative.active_total"));

  /* what a microblog 发布 is no count of disclosed information */
  g_autoptr (GkRecord) c = prose_2020 ("开设政务微博3个，共发布信息900条。全区主动公开政府信息250条。");
  g_assert_true (tu_int_is (c, "narrative.active_total", 250));
  g_autoptr (GkRecord) d = prose_2020 ("全年共发布政府信息260条。");
  g_assert_true (tu_int_is (d, "narrative.active_total", 260));

  /* a bracket right after the total opens its breakdown */
  g_autoptr (GkRecord) e = prose_2020 ("主动公开政府信息60条（规划类信息12条、财政类信息30条、其他信息18条）。");
  g_assert_true (tu_int_is (e, "narrative.active_total", 60));
  g_assert_cmpuint (e->parts->len, ==, 3);
  g_assert_cmpstr (tu_check_status (e, "narrative.parts_sum"), ==, "pass");
}

static void
test_category_list (void)
{
  /* the total split by organ, then the categories introduced apart */
  g_autoptr (GkRecord) a = prose_2020 (
      "全区主动公开政府信息200条。其中，区直部门主动公开150条，占75%。乡镇主动公开50条，占25%。"
      "（二）主要类别 全区主动公开政府信息的主要类别有：机构职能类信息90条，规划、计划类信息60条，其他信息40条。");
  g_assert_true (tu_int_is (a, "narrative.active_total", 200));
  g_assert_cmpuint (a->parts->len, ==, 3);
  g_assert_cmpstr (((GkPart *) a->parts->pdata[0])->label, ==, "机构职能类信息");
  g_assert_cmpstr (tu_check_status (a, "narrative.parts_sum"), ==, "fail");   /* 190 of 200 */

  /* "在…的N条政府信息中，" with shares after 占 and parts parted by ； */
  g_autoptr (GkRecord) b = prose_2020 (
      "全年主动公开政府信息100条。在门户网站主动公开的100条政府信息中，机构、职能信息40条，占40.0%；"
      "政策文件类信息35条，占35.0%；规划类信息24条，占24.0%。");
  g_assert_cmpuint (b->parts->len, ==, 3);
  g_assert_cmpstr (tu_check_status (b, "narrative.parts_sum"), ==, "fail");     /* 99 of 100 */
  g_assert_cmpstr (tu_check_status (b, "narrative.percent_sum"), ==, "fail");   /* 99.0% */
  g_assert_cmpstr (tu_check_status (b, "narrative.percent.1"), ==, "pass");
}

static void
test_template_by_what_is_printed (void)
{
  /* a 2020 report in prose only: read as the old reports are */
  g_autoptr (GkRecord) a = prose_2020 ("全年主动公开政府信息80条。本年度未收到政府信息公开申请。");
  g_assert_cmpstr (a->template_id, ==, "pre2019");
  g_assert_true (tu_int_is (a, "applications.new_received.total", 0));
  g_assert_true (tu_warning (a->warnings, "pre2019_prose", NULL));

  /* an old statistics table's glued row is no cell of the national table */
  g_autoptr (GkRecord) b = tu_record_from_text (
      "某县人民政府2011年政府信息公开工作年度报告\n"
      "二、主动公开政府信息情况\n全年主动公开政府信息425条，其中行政许可类信息8条。\n"
      "指标名称计量单位2011年度历年累计\n主动公开信息数条4251516\n");
  g_assert_cmpstr (b->template_id, ==, "pre2019");
  g_assert_null (gk_record_get (b, "active.licensing.decisions"));
  g_assert_true (tu_int_is (b, "narrative.active_total", 425));
}

static void
test_not_a_report (void)
{
  g_autoptr (GkRecord) a = tu_record_from_text ("部门决算说明\n一、收入支出决算总体情况\n本年收入合计1200.5万元，支出合计1100万元。\n");
  g_assert_cmpstr (a->template_id, ==, "unknown");
  g_assert_cmpuint (a->values->len, ==, 0);
  g_assert_true (tu_warning (a->warnings, "not_a_report", NULL));

  /* the command line says so in its exit status, and still prints the record */
  g_autofree char *dir = g_dir_make_tmp ("gk-notreport-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "juesuan.txt", NULL);
  g_assert_true (g_file_set_contents (path, "部门决算说明\n本年收入合计1200.5万元。\n", -1, NULL));
  const char *args[] = { "extract", path, NULL };
  g_autofree char *out = NULL;
  g_assert_cmpint (tu_run_gongkai (args, &out, NULL), ==, 5);
  g_assert_nonnull (strstr (out, "not_a_report"));
  g_remove (path);
  g_rmdir (dir);

  /* a report, even a thin one, is no such thing */
  g_autoptr (GkRecord) b = prose_2020 ("本年度未收到政府信息公开申请。");
  g_assert_false (tu_warning (b->warnings, "not_a_report", NULL));
}

static void
test_received_not_handled (void)
{
  /* 接收 with the channels between verb and object */
  g_autoptr (GkRecord) a = prose_2020 ("全年共接收通过信函、网络提交的各类政府信息公开申请共计40件。");
  g_assert_true (tu_int_is (a, "narrative.applications_received", 40));
  /* handled (办理) is no count of received applications */
  g_autoptr (GkRecord) b = prose_2020 ("全年办理政府信息公开申请30件，均按时答复。");
  g_assert_null (gk_record_get (b, "narrative.applications_received"));
  /* granted and partly granted together are neither */
  g_autoptr (GkRecord) c = prose_2020 ("全年受理申请50件，其中予以公开及部分公开20件。");
  g_assert_true (tu_int_is (c, "narrative.applications_received", 50));
  g_assert_null (gk_record_get (c, "narrative.applications_partially_granted"));
  /* 不予公开N条 counts information items, not applications */
  g_autoptr (GkRecord) d = prose_2020 ("全年制作政府信息500条，主动公开400条，不予公开60条。");
  g_assert_null (gk_record_get (d, "narrative.applications_withheld"));
  g_autoptr (GkRecord) e = prose_2020 ("全年受理申请9件，同意公开5件，不予公开4件。");
  g_assert_true (tu_int_is (e, "narrative.applications_withheld", 4));
  /* one office's count on behalf of the issuer is not the report's */
  g_autoptr (GkRecord) f = prose_2020 ("全年，区政府办代表区政府受理政府信息公开申请17件，均已按时答复。");
  g_assert_null (gk_record_get (f, "narrative.applications_received"));
}

static void
test_report_fields (void)
{
  /* the signature's date, not a quoted document's 印发 line below it */
  g_autoptr (GkRecord) a = tu_record_from_text (
      "某县2020年政府信息公开工作年度报告\n全年主动公开政府信息10条。\n某县人民政府\n2021年2月3日\n"
      "附件：某县人民政府办公室\n2020年2月3日印发\n");
  g_assert_cmpstr (a->published_on, ==, "2021-02-03");
  /* a title without its year: the statistics period gives it */
  g_autoptr (GkRecord) b = tu_record_from_text (
      "某县审计局政府信息公开工作年度报告\n本报告所列数据的统计期限自2014年1月1日起至2014年12月31日止。\n"
      "全年主动公开政府信息10条。\n");
  g_assert_cmpint (b->year, ==, 2014);
  g_assert_cmpint (b->year_src.method, ==, GK_METHOD_NARRATIVE);
  /* a title without its organ: a web page's 来源： field beside it */
  g_autoptr (GkRecord) c = tu_record_from_text (
      "当前位置：首页\n2015年政府信息公开工作年度报告\n来源：某县教育局 时间：2016-01-05\n全年主动公开政府信息10条。\n");
  g_assert_cmpstr (c->issuer, ==, "某县教育局");
  /* …or the author the opening sentence names */
  g_autoptr (GkRecord) d = tu_record_from_text (
      "2015年政府信息公开工作年度报告\n本报告由某县统计局编制，内容包括总体情况等。\n全年主动公开政府信息10条。\n");
  g_assert_cmpstr (d->issuer, ==, "某县统计局");
  g_autoptr (GkRecord) e = tu_record_from_text (
      "2015年政府信息公开工作年度报告\n根据条例要求，某市水务局编制完成了本年度报告。\n全年主动公开政府信息10条。\n");
  g_assert_cmpstr (e->issuer, ==, "某市水务局");
  /* 我局 names nothing */
  g_autoptr (GkRecord) f = tu_record_from_text (
      "2015年政府信息公开工作年度报告\n我局编制了本报告。\n全年主动公开政府信息10条。\n");
  g_assert_null (f->issuer);
}

/* Lines as a PDF's layout gives them: numbered 0, told apart by their boxes. */
static GkRecord *
record_from_boxed_lines_by (const char *const *lines, GkMethod method)
{
  g_autoptr (GkContent) content = gk_content_new (method == GK_METHOD_OCR ? GK_MEDIA_PDF_SCAN : GK_MEDIA_PDF_TEXT);
  content->n_pages = 1;
  for (guint i = 0; lines[i]; i++)
    {
      GkSource src = { .page = 1, .line = 0, .has_box = TRUE, .box = { 70, 80 + 20.0 * i, 500, 95 + 20.0 * i },
                       .method = method, .confidence = method == GK_METHOD_OCR ? 0.85 : 1.0 };
      g_ptr_array_add (content->lines, gk_line_new (lines[i], &src));
    }
  return gk_pipeline_record_from_content (tu_pipeline (), "test.pdf", content);
}

static GkRecord *
record_from_boxed_lines (const char *const *lines)
{
  return record_from_boxed_lines_by (lines, GK_METHOD_PDF_TEXT);
}

/* The short name above the title, the full one in the prose: the parent
 * place every full mention shares completes the issuer, so the years that
 * print it short and in full are one series. */
static void
test_issuer_parent_place (void)
{
  const char *const lines[] = { "洪泽区人民政府", "2023年政府信息公开工作年度报告",
                                "本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制此报告。",
                                "全年主动公开政府信息10条。如有疑问，请与淮安市洪泽区人民政府办公室联系。", NULL };
  g_autoptr (GkRecord) r = record_from_boxed_lines (lines);
  g_assert_cmpstr (r->issuer, ==, "淮安市洪泽区人民政府");
  /* one full mention shows no boundary (由淮安市? 安市?): as printed */
  const char *const once[] = { "洪泽区人民政府", "2023年政府信息公开工作年度报告",
                               "本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制此报告。",
                               "全年主动公开政府信息10条。", NULL };
  g_autoptr (GkRecord) q = record_from_boxed_lines (once);
  g_assert_cmpstr (q->issuer, ==, "洪泽区人民政府");
}

/* A scan's large title face misread: the title still names the report
 * (公开 read 公一); the organ above it, never spelled so in the prose, is
 * no issuer; the author the opening sentence names is. */
static void
test_misread_scan_title (void)
{
  const char *const lines[] = { "法译区人民政府", "2023年政府信息公一工作年度报告",
                                "本报告由某市洪泽区人民政府办公室根据《条例》要求编制此报告。",
                                "全年主动公开政府信息10条。", NULL };
  g_autoptr (GkRecord) r = record_from_boxed_lines_by (lines, GK_METHOD_OCR);
  g_assert_cmpint (r->year, ==, 2023);
  g_assert_nonnull (r->title);
  g_assert_cmpstr (r->issuer, ==, "某市洪泽区人民政府办公室");
  /* the same name read again in the prose is trusted */
  const char *const again[] = { "某区人民政府", "2023年政府信息公开工作年度报告",
                                "某区人民政府坚持公开为常态。全年主动公开政府信息10条。", NULL };
  g_autoptr (GkRecord) q = record_from_boxed_lines_by (again, GK_METHOD_OCR);
  g_assert_cmpstr (q->issuer, ==, "某区人民政府");
}

static void
test_issuer_above_title_in_pdf (void)
{
  const char *const lines[] = { "某市某区人民政府", "2024年政府信息公开工作年度报告",
                                "本报告由某区人民政府办公室根据《条例》要求编制。", "全年主动公开政府信息10条。", NULL };
  g_autoptr (GkRecord) r = record_from_boxed_lines (lines);
  g_assert_cmpstr (r->title, ==, "2024年政府信息公开工作年度报告");
  g_assert_cmpstr (r->issuer, ==, "某市某区人民政府");
}

/* What a crawler's converter leaves in a page's text: Markdown marks and
 * HTML character references are no part of the report's words. */
static void
test_crawler_artefacts (void)
{
  /* a page kept as Markdown: heading marks, bold and link targets are no
   * part of the words; the link's text is */
  g_autoptr (GkRecord) k = tu_record_from_text (
      "[首页](http://www.example.gov.cn/) > [政务公开](/zwgk/)\n![logo](/img/logo.png)\n"
      "# **某县水利局2016年政府信息公开工作年度报告**\n\n## 一、主动公开政府信息情况\n"
      "> 全年主动公开政府信息[58条](#t1)。\n");
  g_assert_cmpstr (k->title, ==, "某县水利局2016年政府信息公开工作年度报告");
  g_assert_cmpstr (k->issuer, ==, "某县水利局");
  g_assert_true (tu_int_is (k, "narrative.active_total", 58));
  /* a bracket that is no link stays: 〔2016〕 written [2016] */
  const char *doc = "按照《通知》（琼办[2016]69号）要求编制。\n";
  g_autoptr (GkContent) dc = gk_text_read (doc, strlen (doc), NULL);
  g_assert_cmpstr (((GkLine *) dc->lines->pdata[0])->text, ==, "按照《通知》（琼办[2016]69号）要求编制。");
  /* a page's text cut from its tags with its character references left:
   * &nbsp; parts cells as a space does, &#27665; is 民; a bare & stays */
  g_autoptr (GkRecord) e = tu_record_from_text (
      "某县人&#27665;政府2016年政府信息公开工作年度报告&nbsp;\n&ldquo;R&D&rdquo;全年主动公开政府信息&#x35;8条。\n");
  g_assert_cmpstr (e->issuer, ==, "某县人民政府");
  g_assert_true (tu_int_is (e, "narrative.active_total", 58));
  const char *amp = "研发R&D中心 & 合作; &#4294967361;\n";
  g_autoptr (GkContent) ac = gk_text_read (amp, strlen (amp), NULL);
  /* a number past Unicode names no character, whatever it wraps to */
  g_assert_cmpstr (((GkLine *) ac->lines->pdata[0])->text, ==, "研发R&D中心 & 合作; &#4294967361;");
}

/* A signature's year in Chinese numerals whose 〇 a dump printed on the
 * line above. */
static void
test_signature_year_zeros (void)
{
  /* a signature's year whose 〇 a dump put on the line above: put back
   * where they make the one year a report can bear */
  g_autoptr (GkRecord) z = tu_record_from_text ("某县2019年政府信息公开工作年度报告\n全年主动公开政府信息10条。\n"
                                                "某县人民政府办公室\n〇 〇\n二 二 年三月六日\n");
  g_assert_cmpstr (z->published_on, ==, "2020-03-06");
  g_autoptr (GkRecord) z1 = tu_record_from_text ("某县2022年政府信息公开工作年度报告\n全年主动公开政府信息10条。\n"
                                                 "某县人民政府办公室\n〇\n二 二三年二月八日\n");
  g_assert_cmpstr (z1->published_on, ==, "2023-02-08");
  /* no 〇 above: the year cannot be told, nothing is dated */
  g_autoptr (GkRecord) z2 = tu_record_from_text ("某县2022年政府信息公开工作年度报告\n全年主动公开政府信息10条。\n"
                                                 "某县人民政府办公室\n二 二三年二月八日\n");
  g_assert_null (z2->published_on);
}

static void
test_page_without_title (void)
{
  /* a crawler's field label before the title is not part of it */
  g_autoptr (GkRecord) a = tu_record_from_text (
      "标题: 某县2016年政府信息公开工作年度报告\n发布机构: 某县人民政府\n栏目: 政府信息公开年报\n"
      "全年主动公开政府信息10条。\n");
  g_assert_cmpstr (a->title, ==, "某县2016年政府信息公开工作年度报告");
  g_assert_cmpstr (a->issuer, ==, "某县人民政府");
  /* a column heading naming the year's reports above the report's own
   * title: the title is the one that names its organ */
  g_autoptr (GkRecord) h = tu_record_from_text (
      "2020年信息公开年报\n某某工业园区2020年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息10条。\n");
  g_assert_cmpstr (h->title, ==, "某某工业园区2020年政府信息公开工作年度报告");
  g_assert_cmpstr (h->issuer, ==, "某某工业园区");
  g_assert_cmpint (h->year, ==, 2020);
  /* the author an opening sentence names is the organ's working office:
   * the organ is the issuer; the statistics period dates no signature */
  g_autoptr (GkRecord) o = tu_record_from_text (
      "本报告由某某市人民政府信息公开工作领导小组办公室根据《条例》要求，汇总某某市各县（市、区）情况编制而成。"
      "本报告中所列数据的统计时限自2012年1月1日至2012年12月31日。\n一、概述\n全年主动公开政府信息10条。\n");
  g_assert_cmpstr (o->issuer, ==, "某某市人民政府");
  g_assert_cmpint (o->year, ==, 2012);
  g_assert_null (o->published_on);
  /* a report that gathers (综合) a place's bodies' reports: that place's government */
  g_autoptr (GkRecord) g = tu_record_from_text (
      "本年度报告根据《条例》要求，综合2017年度某某市各县（市、区）政府和市级各部门的年度报告编制而成。"
      "报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。本报告全文在某某市人民政府门户网站公布。\n"
      "全年主动公开政府信息10条。\n");
  g_assert_cmpstr (g->issuer, ==, "某某市人民政府");
  g_assert_null (g->published_on);
  /* a page's metadata rows (索引号 | 主题分类：…/政府信息公开年报) are no
   * title; the 发布机构 field among them names the issuer; the opening
   * that announces the year's report gives the year */
  g_autoptr (GkRecord) m = tu_record_from_text (
      "索 引 号:0052/2016-00001 | 主题分类:综合政务/政府信息公开年报 | |\n发布机构:某区审计局 | 关 键 词:政务 | |\n"
      "按照《条例》的有关规定，现将我局2014年政府信息公开情况报告如下。\n一、主动公开政府信息情况\n本局共主动公开各类政府信息28条。\n");
  g_assert_null (m->title);
  g_assert_cmpstr (m->issuer, ==, "某区审计局");
  g_assert_cmpint (m->year, ==, 2014);
  /* a title wrapped after its year and organ; a sentence further on that
   * names the report (现向社会公布XX局2022年…年度报告。) is no title */
  g_autoptr (GkRecord) y = tu_record_from_text (
      "2022年某区审计局\n政府信息公开工作年度报告\n根据《条例》规定，现向社\n"
      "会公布某区审计局2022年政府信息公开年度报告。本报告由\n总体情况等六部分组成。\n全年主动公开政府信息10条。\n");
  g_assert_cmpstr (y->title, ==, "2022年某区审计局政府信息公开工作年度报告");
  g_assert_cmpstr (y->issuer, ==, "某区审计局");
  g_assert_cmpint (y->year, ==, 2022);
  /* a breadcrumb naming the column of reports is no title */
  g_autoptr (GkRecord) b = tu_record_from_text (
      "当前位置：首页 政务公开 政府信息公开年报\n关于2014年政务公开工作的函\n全年主动公开政府信息10条。\n");
  g_assert_null (b->title);
  g_assert_null (b->issuer);
  /* no title at all: the place whose bodies' work the opening sentence
   * gathers, completed as the report spells its government */
  g_autoptr (GkRecord) c = tu_record_from_text (
      "本报告根据条例要求，汇总某某新区各有关单位政府信息公开工作情况编制而成。"
      "本报告中所列数据统计时限为2022年1月1日至2022年12月31日。如有疑问，请与某某新区管委会办公室联系。\n"
      "全年主动公开政府信息10条。\n");
  g_assert_cmpstr (c->issuer, ==, "某某新区管委会");
  g_assert_cmpint (c->year, ==, 2022);
  /* the opening's cut may fall inside a character: the sentence still reads */
  for (int pad = 0; pad < 3; pad++)
    {
      g_autoptr (GString) t = g_string_new (NULL);
      for (int i = 0; i < pad; i++)
        g_string_append_c (t, '1');
      g_string_append (t, "本报告根据条例要求，汇总某某新区各有关单位情况编制而成。");
      while (t->len < 1300)
        g_string_append (t, "进一步完善工作机制，规范公开流程。");
      g_string_append (t, "请与某某新区管委会办公室联系。\n全年主动公开政府信息10条。\n");
      g_autoptr (GkRecord) d = tu_record_from_text (t->str);
      g_assert_cmpstr (d->issuer, ==, "某某新区管委会");
    }
}

/* An old statistics table (指标名称 计量单位 本年度 历年累计) is no national
 * table: its numbers are placed in none, and the report is read as prose. */
static void
test_old_statistics_table (void)
{
  g_autofree char *page = one_line_page (
      "某县2012年政府信息公开工作年度报告 一、主动公开政府信息情况 2012年主动公开政府信息739条。"
      "（二）主动公开政府信息的主要类别 在主动公开的739条政府信息中，规划计划类信息12条，占1.6%；"
      "行政许可类信息145条，占19.6%；其他信息582条，占78.8%。 "
      "在互联网上，本年县政府公开办主动公开信息数为121条，其他部门较多 ",
      " 二○一三年一月二十日 政府信息公开情况统计表 指标名称 计量单位 2012年度 历年累计 "
      "主动公开信息数 条 739 4359 其中：1、网站公开 条 739 4359 2、政府公报公开 条 0 0 "
      "受理依申请公开信息总数 条 0 0 其中：1、当面申请数 条 0 0 2、传真申请数 条 0 0 "
      "对申请的答复总数 条 0 0 其中：1、同意公开答复数 条 0 0 2、同意部分公开答复数 条 0 0 "
      "行政复议数 件 0 0 行政诉讼数 件 0 0 行政申诉、举报数 件 0 0 附件下载");
  g_autoptr (GkRecord) a = tu_record_from_text (page);
  g_assert_cmpstr (a->template_id, ==, "pre2019");
  g_assert_null (gk_record_get (a, "active.licensing.decisions"));
  g_assert_null (gk_record_get (a, "active.rules.issued"));
  g_assert_true (tu_int_is (a, "narrative.active_total", 739));
}

static void
test_approximate (void)
{
  /* 近N条: kept, marked, and no check fails on it */
  g_autoptr (GkRecord) a = prose_2020 ("全年主动公开政府信息近3000条，其中规划类信息1000条，其他信息1500条。");
  g_assert_true (tu_int_is (a, "narrative.active_total", 3000));
  g_assert_true (gk_record_get (a, "narrative.active_total")->approximate);
  g_assert_cmpstr (tu_check_status (a, "narrative.parts_sum"), ==, "skipped");
  g_assert_true (tu_warning (a->warnings, "narrative_approximate", NULL));
  /* N余条 and 约N条 the same */
  g_autoptr (GkRecord) b = prose_2020 ("全年主动公开政府信息5500余条，其中规划类信息1000条，占20%，其他信息1500条，占30%。");
  g_assert_true (gk_record_get (b, "narrative.active_total")->approximate);
  g_assert_cmpstr (tu_check_status (b, "narrative.percent.1"), ==, "skipped");
  g_autoptr (GkRecord) c = prose_2020 ("全年共公开政府信息约800条。");
  g_assert_true (tu_int_is (c, "narrative.active_total", 800));
  g_assert_true (gk_record_get (c, "narrative.active_total")->approximate);
  /* an exact figure is not */
  g_autoptr (GkRecord) d = prose_2020 ("全年主动公开政府信息800条。");
  g_assert_false (gk_record_get (d, "narrative.active_total")->approximate);
}

static void
test_counts_in_words (void)
{
  g_autoptr (GkRecord) a = prose_2020 ("全年共受理政府信息公开申请十二件，同意公开两件，不予公开一件。");
  g_assert_true (tu_int_is (a, "narrative.applications_received", 12));
  g_assert_true (tu_int_is (a, "narrative.applications_granted", 2));
  g_assert_true (tu_int_is (a, "narrative.applications_withheld", 1));
  g_autoptr (GkRecord) b = prose_2020 ("全年主动公开政府信息1.2万条。共受理申请一百零五件。");
  g_assert_true (tu_int_is (b, "narrative.active_total", 12000));
  g_assert_true (tu_int_is (b, "narrative.applications_received", 105));
  /* a word that merely contains a numeral is no count */
  g_autoptr (GkRecord) c = prose_2020 ("受理申请统一件号管理。");
  g_assert_null (gk_record_get (c, "narrative.applications_received"));
}

/* A real page (tests/data/README.md): its published errors found, its
 * report fields read, the rows whose digits split several ways null. */
static void
test_real_flat_page (void)
{
  g_autofree char *path = tu_source_path ("tests/data/pingtan-2020-webpage.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (GkRecord) r = gk_pipeline_extract (tu_pipeline (), path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r->issuer, ==, "平潭综合实验区管委会");
  g_assert_cmpint (r->year, ==, 2020);
  g_assert_cmpstr (r->template_id, ==, "2019");
  g_assert_true (tu_int_is (r, "narrative.active_total", 2602));
  g_assert_cmpuint (r->parts->len, ==, 11);
  g_assert_cmpstr (tu_check_status (r, "narrative.parts_sum"), ==, "fail");
  g_assert_cmpstr (tu_check_status (r, "applications.outcomes_sum.total"), ==, "fail");
  g_assert_cmpstr (tu_check_status (r, "applications.outcomes_sum.natural_person"), ==, "fail");
  g_assert_cmpstr (tu_check_status (r, "applications.balance.total"), ==, "pass");
  g_assert_true (tu_int_is (r, "applications.processed_total.total", 21));
  g_assert_true (tu_int_is (r, "applications.other_handling.total", 4));
  /* 行政许可396442278 splits several ways: null, never a guess */
  GkValue *v = gk_record_get (r, "active.licensing.decisions");
  g_assert_true (v == NULL || v->kind == GK_VALUE_NULL);
  for (guint i = 0; i < r->checks->len; i++)
    {
      const GkCheck *c = r->checks->pdata[i];
      if (c->status == GK_CHECK_FAIL)
        g_assert_true (g_str_has_prefix (c->id, "applications.outcomes_sum.") || strcmp (c->id, "narrative.parts_sum") == 0);
    }
}

/* One year's tables as a text dump prints them. */
static const char *const one_year_tables =
  "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 0 0 0\n"
  "三、收到和处理政府信息公开申请情况\n（七）总计 1 0 0 0 0 0 1\n"
  "四、政府信息公开行政复议、行政诉讼情况\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

static GkRecord *
record_from_file_bytes (const char *name, const char *bytes)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, bytes, -1, NULL));
  g_autoptr (GError) error = NULL;
  GkRecord *rec = gk_pipeline_extract (tu_pipeline (), path, NULL, &error);
  g_assert_no_error (error);
  g_remove (path);
  g_rmdir (dir);
  return rec;
}

/* A crawler's record kept as JSON: its strings are the page's text (or,
 * holding markup, the page); a short JSON holds no page and stays text. */
static void
test_json_record (void)
{
  g_autoptr (GkRecord) a = record_from_file_bytes ("r.json",
      "{\"url\": \"http://www.example.gov.cn/a.htm\", \"title\": \"某县2016年政府信息公开工作年度报告\","
      " \"content\": \"\\u5168年主动公开政府信息58条。本年度未收到政府信息公开申请。\"}");
  g_assert_cmpstr (a->title, ==, "某县2016年政府信息公开工作年度报告");
  g_assert_true (tu_int_is (a, "narrative.active_total", 58));
  g_assert_true (tu_int_is (a, "narrative.applications_received", 0));
  g_assert_nonnull (tu_warning (a->warnings, "json_record", NULL));
  g_autoptr (GkRecord) b = record_from_file_bytes ("h.json",
      "[{\"html\": \"<html><body><h1>某县2016年政府信息公开工作年度报告</h1><p>全年主动公开政府信息58条。</p></body></html>\"}]");
  g_assert_cmpint (b->media, ==, GK_MEDIA_HTML);
  g_assert_true (tu_int_is (b, "narrative.active_total", 58));
  g_autoptr (GkRecord) c = record_from_file_bytes ("c.json", "{\"a\": \"短\"}\n");
  g_assert_null (tu_warning (c->warnings, "json_record", NULL));
}

/* Markdown a converter made of a report page: its own tables drawn with
 * pipes, a table with merged cells kept as the page's HTML.  Read as a web
 * page: the HTML table's cells (a blank one is 0) and the pipe rows both. */
static void
test_markdown_with_html_table (void)
{
  g_autoptr (GkRecord) r = record_from_file_bytes ("r.md",
      "# 某县财政局2020年政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n"
      "|  |  |  |  |\n|---|---|---|---|\n| 第二十条第（九）项 |  |  |  |\n"
      "| 信息内容 | 采购项目数量 | 采购总金额 |  |\n| 政府集中采购 | 463 | 6051115 元 |  |\n\n"
      "## 三、收到和处理政府信息公开申请情况\n\n<table>\n"
      "<tr><td colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
      "<td colspan=\"7\">申请人情况</td></tr>\n"
      "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>\n"
      "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>\n"
      "<tr><td colspan=\"3\">一、本年新收政府信息公开申请数量</td><td>44</td><td>9</td><td>1</td><td>1</td><td></td>"
      "<td>3</td><td>58</td></tr>\n</table>\n");
  g_assert_cmpint (r->media, ==, GK_MEDIA_HTML);
  g_assert_cmpstr (r->title, ==, "某县财政局2020年政府信息公开工作年度报告");   /* no heading mark */
  g_assert_true (tu_int_is (r, "applications.new_received.natural_person", 44));
  g_assert_true (tu_int_is (r, "applications.new_received.legal_services", 0));
  g_assert_true (tu_int_is (r, "applications.new_received.total", 58));
  g_assert_true (tu_int_is (r, "active.procurement.projects", 463));
  const GkValue *amount = gk_record_get (r, "active.procurement.amount_wan");
  g_assert_nonnull (amount);
  g_assert_cmpfloat_with_epsilon (amount->d, 605.1115, 1e-9);
}

/* The issuer on the line above the title, on a page whose lines all come
 * from one source line (a web page written on one line, a crawled copy):
 * the line above is the one above in the text, not the first one sharing
 * the title's source line. */
static void
test_issuer_above_title_one_source_line (void)
{
  const char *page = "<html><body><p>某市国土资源局</p><p>2010年政府信息公开工作年度报告</p>"
                     "<p>本报告根据条例编制。</p><p>全年主动公开政府信息58条。</p></body></html>";
  g_autoptr (GkContent) c = gk_html_read_data (page, strlen (page), NULL);
  g_assert_nonnull (c);
  g_autoptr (GkRecord) r = gk_pipeline_record_from_content (tu_pipeline (), "page.html", c);
  g_assert_cmpstr (r->title, ==, "2010年政府信息公开工作年度报告");
  g_assert_cmpstr (r->issuer, ==, "某市国土资源局");
}

static void
test_two_reports (void)
{
  /* two years side by side in one file: refused, never merged */
  g_autofree char *text = g_strconcat ("某县2023年政府信息公开工作年度报告\n全年主动公开政府信息10条。\n", one_year_tables,
                                       "某县2024年政府信息公开工作年度报告\n全年主动公开政府信息20条。\n", one_year_tables, NULL);
  g_autoptr (GkRecord) a = tu_record_from_text (text);
  g_assert_cmpstr (a->template_id, ==, "unknown");
  g_assert_cmpuint (a->values->len, ==, 0);
  g_assert_true (tu_warning (a->warnings, "two_reports", NULL));
  /* one year alone is read */
  g_autofree char *one = g_strconcat ("某县2023年政府信息公开工作年度报告\n全年主动公开政府信息10条。\n", one_year_tables, NULL);
  g_autoptr (GkRecord) b = tu_record_from_text (one);
  g_assert_false (tu_warning (b->warnings, "two_reports", NULL));
  g_assert_true (tu_int_is (b, "narrative.active_total", 10));
}

/* Table 三's heading numbered wrongly (二、 again after 二、主动公开…, as a
 * real department's page prints it): its title names it, and the table
 * reads under it to its last row.  A sentence of the introduction that
 * lists the parts, with no number before the title, is no heading. */
static void
test_applications_heading_numbered_wrongly (void)
{
  g_autofree char *tables = g_strdup (one_year_tables);
  char *three = strstr (tables, "三、收到和处理");
  memcpy (three, "二", strlen ("二"));
  g_autofree char *text = g_strconcat ("某县2023年政府信息公开工作年度报告\n全年主动公开政府信息10条。\n", tables, NULL);
  g_autoptr (GkRecord) r = tu_record_from_text (text);
  g_assert_false (tu_warning (r->warnings, "section_heading_missing", NULL));
  g_assert_true (tu_int_is (r, "applications.processed_total.natural_person", 1));

  g_autoptr (GkRecord) s = tu_record_from_text (
    "某县2023年政府信息公开工作年度报告\n本报告由总体情况、主动公开政府信息情况、\n"
    "收到和处理政府信息公开申请情况等部分组成。\n全年主动公开政府信息10条。\n");
  g_assert_null (gk_record_get (s, "applications.processed_total.total"));
  g_assert_false (tu_warning (s->warnings, "table_not_found", NULL));
}

/* A faked bold draws a heading's glyphs twice a hair apart, and some
 * extractors (mutool, pdfminer) dump it as two lines: one heading, one
 * report, its tables read under it. */
static void
test_heading_printed_twice (void)
{
  const char *headings[] = { "二、主动公开政府信息情况\n", "三、收到和处理政府信息公开申请情况\n",
                             "四、政府信息公开行政复议、行政诉讼情况\n" };
  g_autoptr (GString) text = g_string_new ("某县2023年政府信息公开工作年度报告\n全年主动公开政府信息10条。\n");
  g_auto (GStrv) parts = g_strsplit (one_year_tables, "\n", -1);
  for (guint i = 0; parts[i] && *parts[i]; i++)
    {
      g_string_append_printf (text, "%s\n", parts[i]);
      for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
        if (strncmp (parts[i], headings[h], strlen (headings[h]) - 1) == 0)
          g_string_append_printf (text, "%s\n", parts[i]);
    }
  g_autoptr (GkRecord) r = tu_record_from_text (text->str);
  g_assert_false (tu_warning (r->warnings, "two_reports", NULL));
  g_assert_cmpstr (r->template_id, ==, "2019");
  g_assert_true (tu_int_is (r, "applications.processed_total.natural_person", 1));
  g_assert_true (tu_int_is (r, "active.rules.made", 0));
}

/* A table a text browser drew in box lines (w3m): each field between two
 * │ is one cell, so a blank one, wherever it stands in the row, is a
 * printed blank (0) and no cell is left unplaced. */
static void
test_boxed_table_blanks (void)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (GK_SOURCE_DIR "/tests/data/boxed-table-blanks.txt", &text, NULL, NULL));
  g_autoptr (GkRecord) r = tu_record_from_text (text);
  /* 20 · 3 · blank · blank · 1 · blank · blank (the total left blank) */
  g_assert_true (tu_int_is (r, "applications.granted.natural_person", 20));
  g_assert_true (tu_int_is (r, "applications.granted.legal_services", 1));
  g_assert_true (tu_int_is (r, "applications.granted.total", 0));
  /* blank · 1 · … · 1: the first cell blank */
  g_assert_true (tu_int_is (r, "applications.unavailable_unclear.natural_person", 0));
  g_assert_true (tu_int_is (r, "applications.unavailable_unclear.commercial", 1));
  g_assert_true (tu_int_is (r, "applications.unavailable_not_held.total", 0));
  g_assert_cmpstr (tu_check_status (r, "applications.row_total.granted"), ==, "fail");
  g_assert_cmpstr (tu_check_status (r, "applications.row_total.unavailable_not_held"), ==, "fail");
  g_assert_cmpstr (tu_check_status (r, "applications.balance.total"), ==, "pass");
}

/* A page kept as one line of text, read in pieces: its signature date comes
 * before a flattened statistics table that is many pieces long; the search
 * for it reaches back to the last section's opening, never to a date in the
 * body above (a job fair's). */
static void
test_signature_date_on_one_line (void)
{
  GString *page = g_string_new ("某县2012年政府信息公开工作年度报告 一、概述 2012年12月26日成功举办了招聘会。"
                                "二、主动公开政府信息情况 全年主动公开政府信息20条。 四、存在的主要问题 仍存在一些不足。 "
                                "某县人民政府 2013年1月16日 附件1：某县2012年政府信息公开情况统计表 指标名称计量单位2012年度历年累计");
  for (int k = 1; k <= 80; k++)   /* a page past GK_FLAT_LINE_CHARS: read in pieces */
    g_string_append_printf (page, " %d.某项申请数条0%d", k, k % 10);
  g_string_append_c (page, '\n');
  g_autoptr (GkRecord) signed_page = tu_record_from_text (page->str);
  g_assert_cmpstr (signed_page->published_on, ==, "2013-01-16");
  /* no signature: the body's date above the last section is no signature */
  g_autoptr (GString) unsigned_page = g_string_new (page->str);
  g_string_replace (unsigned_page, "某县人民政府 2013年1月16日 ", "", 1);
  g_string_replace (unsigned_page, "四、存在的主要问题", "七、统计表", 1);
  g_autoptr (GkRecord) u = tu_record_from_text (unsigned_page->str);
  g_assert_null (u->published_on);
  g_string_free (page, TRUE);
}

/* A crawler's copy that keeps the page's source line breaks: its long
 * paragraph on one line, its table 二 on shorter lines each running several
 * rows together ("本年处理决定数量行政处罚1282行政强制42第二十条…").  Those
 * lines are cut as the one-line page's are: each row reads its own number. */
static void
test_flat_rows_on_short_lines (void)
{
  g_autoptr (GString) s = g_string_new ("某县2021年政府信息公开工作年度报告 来源：某县人民政府\n");
  for (int i = 0; i < 20; i++)
    g_string_append (s, "全县坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开，");
  g_string_append (s, "取得了新成效。一、总体情况全年主动公开政府信息2645条。二、主动公开政府信息情况\n"
                      "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章\n"
                      "000行政规范性文件5912第二十条第（五）项信息内容本年处理决定数量行政许可2293\n"
                      "第二十条第（六）项信息内容\n"
                      "本年处理决定数量行政处罚1282行政强制42第二十条第（八）项信息内容\n"
                      "本年收费金额（单位：万元）行政事业性收费0三、收到和处理政府信息公开申请情况\n"
                      "五、存在的主要问题及改进情况无。\n");
  g_autoptr (GkRecord) rec = tu_record_from_text (s->str);
  g_assert_true (tu_int_is (rec, "active.licensing.decisions", 2293));
  g_assert_true (tu_int_is (rec, "active.penalty.decisions", 1282));
  g_assert_true (tu_int_is (rec, "active.coercion.decisions", 42));
}

/* Table 三 of 2021 as the run-together tests print it: each row's label as
 * printed, its key, its cells. */
static const char *const run_together_rows[][3] = {
  { "一、本年新收政府信息公开申请数量", "new_received", "417 23 0 0 0 0 440" },
  { "二、上年结转政府信息公开申请数量", "carried_over", "0 0 0 0 0 0 0" },
  { "三、本年度办理结果（一）予以公开", "granted", "192 14 0 0 0 0 206" },
  { "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted", "0 0 0 0 0 0 0" },
  { "（三）不予公开1.属于国家秘密", "withheld_state_secret", "2 0 0 0 0 0 2" },
  { "2.其他法律行政法规禁止公开", "withheld_prohibited_by_law", "4 0 0 0 0 0 4" },
  { "3.危及“三安全一稳定”", "withheld_security_stability", "3 0 0 0 0 0 3" },
  { "4.保护第三方合法权益", "withheld_third_party", "13 0 0 0 0 0 13" },
  { "5.属于三类内部事务信息", "withheld_internal_affairs", "7 1 0 0 0 0 8" },
  { "6.属于四类过程性信息", "withheld_process_info", "0 0 0 0 0 0 0" },
  { "7.属于行政执法案卷", "withheld_enforcement_files", "5 0 0 0 0 0 5" },
  { "8.属于行政查询事项", "withheld_administrative_query", "5 1 0 0 0 0 6" },
  { "（四）无法提供1.本机关不掌握相关政府信息", "unavailable_not_held", "99 4 0 0 0 0 103" },
  { "2.没有现成信息需要另行制作", "unavailable_needs_creation", "14 0 0 0 0 0 14" },
  { "3.补正后申请内容仍不明确", "unavailable_unclear", "0 0 0 0 0 0 0" },
  { "（五）不予处理1.信访举报投诉类申请", "not_processed_petition", "22 1 0 0 0 0 23" },
  { "2.重复申请", "not_processed_repeated", "0 0 0 0 0 0 0" },
  { "3.要求提供公开出版物", "not_processed_publication", "4 0 0 0 0 0 4" },
  { "4.无正当理由大量反复申请", "not_processed_excessive", "0 0 0 0 0 0 0" },
  { "5.要求行政机关确认或重新出具已获取信息", "not_processed_reconfirmation", "11 0 0 0 0 0 11" },
  { "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_handling_overdue_correction", "19 0 0 0 0 0 19" },
  { "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_handling_overdue_fee", "2 0 0 0 0 0 2" },
  { "3.其他", "other_handling_misc", "15 2 0 0 0 0 17" },
  { "（七）总计", "processed_total", "417 23 0 0 0 0 440" },
  { "四、结转下年度继续办理", "carried_forward", "0 0 0 0 0 0 0" },
};

/* That table run together, its rows' cells as printed ("0" or a dash for
 * zero: zero_as), a row a piece. */
static char *
run_together_table3 (const char *zero_as)
{
  GString *s = g_string_new ("三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
                             "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他");
  for (guint r = 0; r < G_N_ELEMENTS (run_together_rows); r++)
    {
      g_string_append (s, run_together_rows[r][0]);
      g_auto (GStrv) cells = g_strsplit (run_together_rows[r][2], " ", -1);
      for (guint c = 0; cells[c]; c++)
        g_string_append (s, strcmp (cells[c], "0") == 0 ? zero_as : cells[c]);
    }
  return g_string_free (s, FALSE);
}

/* Every cell of that table read as printed, its balance holding. */
static void
assert_run_together_table3 (const GkRecord *rec)
{
  static const char *const cols[] = { "natural_person", "commercial", "research", "social_welfare",
                                      "legal_services", "other_org", "total" };
  for (guint r = 0; r < G_N_ELEMENTS (run_together_rows); r++)
    {
      g_auto (GStrv) cells = g_strsplit (run_together_rows[r][2], " ", -1);
      for (guint c = 0; c < G_N_ELEMENTS (cols); c++)
        {
          g_autofree char *key = g_strdup_printf ("applications.%s.%s", run_together_rows[r][1], cols[c]);
          if (!tu_int_is (rec, key, g_ascii_strtoll (cells[c], NULL, 10)))
            g_error ("%s: want %s", key, cells[c]);
        }
    }
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.total"), ==, "pass");
}

/* pdfminer's dump of a browser's PDF: each page one line of its text run
 * together, no line of them long (a page's text, 450 to 570 characters),
 * table 三 over two of them.  The runs of a row's seven cells show the
 * lines are a table's rows run together: they are cut as a flattened
 * page's are, and the table read. */
static void
test_flat_rows_on_lines_a_page (void)
{
  g_autofree char *table = run_together_table3 ("0");
  /* cut at 2.重复申请, a page's foot and the next page's head between */
  const char *cut = strstr (table, "2.重复申请");
  g_autofree char *page3 = g_strndup (table, cut - table);
  g_autofree char *text = g_strdup_printf (
      "第1页 共2页\n\n某县2021年政府信息公开工作年度报告本报告根据《中华人民共和国政府信息公开条例》编制。全年主动公开政府信息"
      "2645条。\n\n\f%s第1页 共2页\n\n\f%s五、存在的主要问题及改进情况无。第2页 共2页\n", page3, cut);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint k = 0; lines[k]; k++)
    g_assert_cmpint (g_utf8_strlen (lines[k], -1), <, 600);
  g_autoptr (GkRecord) rec = tu_record_from_text (text);
  assert_run_together_table3 (rec);
}

/* A flattened page whose table prints a dash for zero, the dashes run
 * into the digits (41723————440): each dash is a cell of 0 of its own,
 * the digits between split as the row's identities allow (417 · 23), and
 * the dashes are kept as printed (placeholder_as_zero). */
static void
test_flat_rows_with_dashes_for_zero (void)
{
  g_autofree char *table = run_together_table3 ("—");
  g_autofree char *page = one_line_page ("某县2021年政府信息公开工作年度报告 本报告由某县人民政府办公室编制。全年主动公开政府信息2645条。",
                                         table);
  g_autofree char *text = g_strconcat (page, "五、存在的主要问题及改进情况无。\n", NULL);
  g_autoptr (GkRecord) rec = tu_record_from_text (text);
  assert_run_together_table3 (rec);
  g_assert_nonnull (tu_warning (rec->warnings, "placeholder_as_zero", NULL));
}

/* A short copy whose table 三 rows run each one's numbers into the next
 * row's numbered label on the line after its own ("一、本年新收…数量" /
 * "713000074二、上年结转…"): the run is the row above's. */
static void
test_run_glued_to_the_next_label (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "某县2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况自然人法人或其他组织总计"
    "商业企业科研机构社会公益组织法律服务机构其他\n一、本年新收政府信息公开申请数量\n"
    "713000074二、上年结转政府信息公开申请数量\n1000001三、本年度办理结果\n（一）予以公开\n"
    "210000021（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
    "8100009（三）不予公开\n1.属于国家秘密00000002.其他法律行政法规禁止公开\n"
    "00000003.危及“三安全一稳定”\n00000004.保护第三方合法权益\n四、政府信息公开行政复议、行政诉讼情况\n");
  g_assert_true (tu_int_is (rec, "applications.new_received.total", 74));
  g_assert_true (tu_int_is (rec, "applications.new_received.commercial", 3));
  g_assert_true (tu_int_is (rec, "applications.carried_over.total", 1));
  g_assert_true (tu_int_is (rec, "applications.granted.total", 21));
  g_assert_true (tu_int_is (rec, "applications.partially_granted.natural_person", 8));
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_test_add_func ("/webpage/flat-pieces", test_flat_pieces);
  g_test_add_func ("/webpage/flat-table", test_flat_table_read);
  g_test_add_func ("/webpage/issuer-completion", test_issuer_completion);
  g_test_add_func ("/webpage/boxed-table-blanks", test_boxed_table_blanks);
  g_test_add_func ("/webpage/page-without-title", test_page_without_title);
  g_test_add_func ("/webpage/heading-glued-to-table", test_heading_glued_to_table);
  g_test_add_func ("/webpage/issuer-above-title-in-pdf", test_issuer_above_title_in_pdf);
  g_test_add_func ("/webpage/misread-scan-title", test_misread_scan_title);
  g_test_add_func ("/webpage/issuer-parent-place", test_issuer_parent_place);
  g_test_add_func ("/webpage/old-statistics-table", test_old_statistics_table);
  g_test_add_func ("/webpage/total-verbs", test_total_verbs);
  g_test_add_func ("/webpage/category-list", test_category_list);
  g_test_add_func ("/webpage/template", test_template_by_what_is_printed);
  g_test_add_func ("/webpage/not-a-report", test_not_a_report);
  g_test_add_func ("/webpage/received-not-handled", test_received_not_handled);
  g_test_add_func ("/webpage/report-fields", test_report_fields);
  g_test_add_func ("/webpage/approximate", test_approximate);
  g_test_add_func ("/webpage/counts-in-words", test_counts_in_words);
  g_test_add_func ("/webpage/real-flat-page", test_real_flat_page);
  g_test_add_func ("/webpage/two-reports", test_two_reports);
  g_test_add_func ("/webpage/heading-printed-twice", test_heading_printed_twice);
  g_test_add_func ("/webpage/glued-row-with-formatted-cell", test_glued_row_with_formatted_cell);
  g_test_add_func ("/webpage/applications-heading-numbered-wrongly", test_applications_heading_numbered_wrongly);
  g_test_add_func ("/webpage/json-record", test_json_record);
  g_test_add_func ("/webpage/markdown-with-html-table", test_markdown_with_html_table);
  g_test_add_func ("/webpage/crawler-artefacts", test_crawler_artefacts);
  g_test_add_func ("/webpage/signature-year-zeros", test_signature_year_zeros);
  g_test_add_func ("/webpage/signature-date-on-one-line", test_signature_date_on_one_line);
  g_test_add_func ("/webpage/issuer-above-title-one-source-line", test_issuer_above_title_one_source_line);
  g_test_add_func ("/webpage/flat-rows-on-short-lines", test_flat_rows_on_short_lines);
  g_test_add_func ("/webpage/run-glued-to-the-next-label", test_run_glued_to_the_next_label);
  g_test_add_func ("/webpage/flat-rows-on-lines-a-page", test_flat_rows_on_lines_a_page);
  g_test_add_func ("/webpage/flat-rows-with-dashes-for-zero", test_flat_rows_with_dashes_for_zero);
  return g_test_run ();
}
