/* test-prose.c — the pre-2019 prose figures of models/narrative.json, one
 * test per sentence shape, each with the numbers that must NOT be taken;
 * and the pre-2019 decisions of the pipeline (template, unread nulls,
 * checks on prose). */
#include "testutil.h"

/* A pre-2019 report around one paragraph of prose. */
static GkRecord *
prose (const char *body)
{
  g_autofree char *text = g_strconcat ("某县人民政府2015年政府信息公开工作年度报告\n", body,
                                       "\n某县人民政府\n2016年3月1日\n", NULL);
  return tu_record_from_text (text);
}

static gboolean
absent (const GkRecord *rec, const char *key)
{
  return gk_record_get (rec, key) == NULL;
}

static void
test_received (void)
{
  g_autoptr (GkRecord) a = prose ("全年共受理政府信息公开申请12件，均已答复。");
  g_assert_true (tu_int_is (a, "narrative.applications_received", 12));
  g_assert_true (tu_int_is (a, "applications.new_received.total", 12));
  GkValue *v = gk_record_get (a, "applications.new_received.total");
  g_assert_cmpint (v->src.method, ==, GK_METHOD_NARRATIVE);
  g_assert_cmpint (v->src.line, ==, 2);
  g_assert_nonnull (strstr (v->raw, "受理政府信息公开申请12件"));

  g_autoptr (GkRecord) b = prose ("2015年共受理依申请公开政府信息20余条。");
  g_assert_true (tu_int_is (b, "narrative.applications_received", 20));
  g_assert_true (tu_warning (b->warnings, "narrative_approximate", NULL));

  /* negative: a deadline is no count */
  g_autoptr (GkRecord) c = prose ("受理政府信息公开申请15个工作日内答复；收到申请后及时登记。");
  g_assert_true (absent (c, "narrative.applications_received"));
  g_assert_true (absent (c, "applications.new_received.total"));

  g_autoptr (GkRecord) f = prose ("全年共接到申请人提出的信息公开申请8件，按时答复率100%。因申请信息不存在告知申请人1件。");
  g_assert_true (tu_int_is (f, "narrative.applications_received", 8));
  g_assert_true (tu_int_is (f, "narrative.applications_not_exist", 1));

  g_autoptr (GkRecord) d = prose ("本年度未收到政府信息公开申请。");
  g_assert_true (tu_int_is (d, "narrative.applications_received", 0));
  g_assert_true (tu_int_is (d, "applications.new_received.total", 0));

  /* none received, in the words small offices use */
  const char *none[] = { "2015年未收到信息公开的申请和未涉及不予公开的政府信息。",
                         "本单位2014年度没有收到要求公开信息的申请。",
                         "2013年度没有依申请公开信息的情况。",
                         "2017年度，区纪工委没有收到依申请公开信息的申请要求。",
                         "2022年未收到依申请公开事宜。" };
  for (gsize i = 0; i < G_N_ELEMENTS (none); i++)
    {
      g_autoptr (GkRecord) z = prose (none[i]);
      g_assert_true (tu_int_is (z, "narrative.applications_received", 0));
    }
  /* negative: information withheld (条) is no application */
  g_autoptr (GkRecord) w = prose ("不予公开信息有10条，主要是人事安排的信息。");
  g_assert_true (absent (w, "narrative.applications_received"));
}

static void
test_channels (void)
{
  g_autoptr (GkRecord) a = prose ("共收到申请15件，其中当面申请5件，网上申请4件，信函申请3件，传真申请1件，电子邮件申请2件。");
  g_assert_true (tu_int_is (a, "narrative.applications_in_person", 5));
  g_assert_true (tu_int_is (a, "narrative.applications_online", 4));
  g_assert_true (tu_int_is (a, "narrative.applications_letter", 3));
  g_assert_true (tu_int_is (a, "narrative.applications_fax", 1));
  g_assert_true (tu_int_is (a, "narrative.applications_email", 2));
  g_assert_true (absent (a, "narrative.applications_other_channel"));

  /* statistics-table row: this year's column, not the cumulative one */
  g_autoptr (GkRecord) b = prose ("其中：1．当面申请数          件      4      21\n6．其它形式   件   0   3");
  g_assert_true (tu_int_is (b, "narrative.applications_in_person", 4));
  g_assert_true (tu_int_is (b, "narrative.applications_other_channel", 0));

  /* negative: no number stated */
  g_autoptr (GkRecord) c = prose ("收到申请3件，均为当面申请。");
  g_assert_true (absent (c, "narrative.applications_in_person"));

  /* negative: a channel's word in a sentence on no application counts
   * something else (websites closed, letters sent) */
  g_autoptr (GkRecord) d = prose ("关停运营不规范的政府网站1个、政务新媒体2个。全年邮寄宣传材料300份，来信5件均已回复。");
  g_assert_true (absent (d, "narrative.applications_online"));
  g_assert_true (absent (d, "narrative.applications_letter"));
}

static void
test_prose_sums (void)
{
  /* parts stated in prose never exceed their total */
  g_autoptr (GkRecord) a = prose ("共收到申请10件，其中当面申请5件，网上申请7件。已答复10件，其中同意公开6件，信息不存在4件。");
  g_assert_cmpstr (tu_check_status (a, "narrative.channels_sum"), ==, "fail");   /* 5 + 7 > 10 */
  g_assert_cmpstr (tu_check_status (a, "narrative.answers_sum"), ==, "pass");    /* 6 + 4 <= 10 */

  /* a total without parts, or parts without a total: nothing to check */
  g_autoptr (GkRecord) b = prose ("共收到申请10件。其中同意公开6件。");
  g_assert_null (tu_check_status (b, "narrative.channels_sum"));
  g_assert_null (tu_check_status (b, "narrative.answers_sum"));
}

static void
test_answers (void)
{
  g_autoptr (GkRecord) a = prose ("其中同意公开8件，同意部分公开2件，不予公开2件，信息不存在1件，非本机关掌握3件，申请内容不明确1件。");
  g_assert_true (tu_int_is (a, "narrative.applications_granted", 8));
  g_assert_true (tu_int_is (a, "applications.granted.total", 8));
  g_assert_true (tu_int_is (a, "narrative.applications_partially_granted", 2));
  g_assert_true (tu_int_is (a, "applications.partially_granted.total", 2));
  g_assert_true (tu_int_is (a, "narrative.applications_withheld", 2));
  g_assert_true (tu_int_is (a, "narrative.applications_not_exist", 1));
  g_assert_true (tu_int_is (a, "narrative.applications_not_held", 3));
  g_assert_true (tu_int_is (a, "narrative.applications_unclear", 1));

  /* negatives: 不同意公开 and 部分同意公开 are not 同意公开 */
  g_autoptr (GkRecord) b = prose ("不同意公开3件，部分同意公开2件。");
  g_assert_true (absent (b, "narrative.applications_granted"));
  g_assert_true (tu_int_is (b, "narrative.applications_withheld", 3));
  g_assert_true (tu_int_is (b, "narrative.applications_partially_granted", 2));

  /* negative: 不予公开 of produced information is no application count */
  g_autoptr (GkRecord) c = prose ("全年共制作、获取政府信息4300条，其中主动公开3680条，依申请公开120条，不予公开500条。");
  g_assert_true (absent (c, "narrative.applications_withheld"));
  g_assert_true (tu_int_is (c, "narrative.active_total", 3680));

  /* negative: 维持原答复 is an appeal outcome, not an answer count */
  g_autoptr (GkRecord) d = prose ("行政复议维持原答复3件。");
  g_assert_true (absent (d, "narrative.applications_answered"));
  g_autoptr (GkRecord) e = prose ("27件申请已全部答复。");
  g_assert_true (tu_int_is (e, "narrative.applications_answered", 27));

  g_autoptr (GkRecord) f = prose ("2015年，无不予公开政府信息的情况。");
  g_assert_true (tu_int_is (f, "narrative.applications_withheld", 0));
}

static void
test_appeals (void)
{
  g_autoptr (GkRecord) a = prose ("因政府信息公开被申请行政复议2件，被提起行政诉讼1件，申诉3件。");
  g_assert_true (tu_int_is (a, "narrative.review_total", 2));
  g_assert_true (tu_int_is (a, "appeals.review.total", 2));
  g_assert_true (tu_int_is (a, "narrative.litigation_total", 1));
  g_assert_true (tu_int_is (a, "narrative.complaints_total", 3));
  g_assert_true (absent (a, "appeals.litigation_direct.total"));   /* the split is unknown */

  g_autoptr (GkRecord) b = prose ("本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。");
  g_assert_true (tu_int_is (b, "narrative.review_total", 0));
  g_assert_true (tu_int_is (b, "appeals.review.total", 0));
  g_assert_true (tu_int_is (b, "narrative.litigation_total", 0));
  g_assert_true (absent (b, "narrative.complaints_total"));   /* 申诉 not named */

  g_autoptr (GkRecord) c = prose ("我镇因政府信息公开被申请行政复议、提起行政诉讼各1件。");
  g_assert_true (tu_int_is (c, "narrative.review_total", 1));
  g_assert_true (tu_int_is (c, "narrative.litigation_total", 1));

  /* negatives: a right of appeal, and a table header, state no count */
  g_autoptr (GkRecord) d = prose ("对未予公开决定不服的可依法申请行政复议或提起行政诉讼。\n未经复议直接起诉");
  g_assert_true (absent (d, "narrative.review_total"));
  g_assert_true (absent (d, "narrative.litigation_total"));

  g_autoptr (GkRecord) f = prose ("全年共发生1起因政府信息公开引起的行政复议案件，未发生行政诉讼案件。");
  g_assert_true (tu_int_is (f, "narrative.review_total", 1));
  g_assert_true (tu_int_is (f, "narrative.litigation_total", 0));
  /* negative: a count of applications before a clause on appeals */
  g_autoptr (GkRecord) g = prose ("受理申请12件，申请人均未申请行政复议。");
  g_assert_true (absent (g, "narrative.review_total"));

  g_autoptr (GkRecord) e = prose ("全年无申诉。");
  g_assert_true (tu_int_is (e, "narrative.complaints_total", 0));
}

static void
test_fees (void)
{
  g_autoptr (GkRecord) a = prose ("收取检索、复制、邮寄费共计135.5元。");
  GkValue *v = gk_record_get (a, "narrative.fees_yuan");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, GK_VALUE_DOUBLE);
  g_assert_cmpfloat_with_epsilon (v->d, 135.5, 1e-9);

  g_autoptr (GkRecord) b = prose ("全年收取费用0.12万元。");
  g_assert_true (tu_int_is (b, "narrative.fees_yuan", 1200));

  g_autoptr (GkRecord) c = prose ("本年度未收取任何与政府信息公开有关的费用。");
  g_assert_true (tu_int_is (c, "narrative.fees_yuan", 0));

  g_autoptr (GkRecord) e = prose ("依申请公开工作未产生任何收费。");
  g_assert_true (tu_int_is (e, "narrative.fees_yuan", 0));

  /* negative: a tariff is not an amount collected */
  g_autoptr (GkRecord) d = prose ("按规定收取复印费每页0.5元。");
  g_assert_true (absent (d, "narrative.fees_yuan"));
}

static void
test_active_total_shapes (void)
{
  g_autoptr (GkRecord) a = prose ("全年主动公开政府信息2600余条。");
  g_assert_true (tu_int_is (a, "narrative.active_total", 2600));
  g_assert_true (tu_warning (a->warnings, "narrative_approximate", NULL));

  g_autoptr (GkRecord) b = prose ("（一）主动公开信息数      条      2046      9873");
  g_assert_true (tu_int_is (b, "narrative.active_total", 2046));
  /* the old statistics table's first row under its other name */
  g_autoptr (GkRecord) i = prose ("七、附表 指标名称 单位 2017年 历年累计 主动公开文件数 条 4 31 其中：1.政府网站公开数 条 4 25");
  g_assert_true (tu_int_is (i, "narrative.active_total", 4));

  g_autoptr (GkRecord) d = prose ("全年累计公开各类政府信息986条。");
  g_assert_true (tu_int_is (d, "narrative.active_total", 986));
  /* negatives: a cumulative count over the years, and 依申请公开 */
  g_autoptr (GkRecord) e = prose ("自2008年以来累计公开政府信息9873条，依申请公开政府信息12条。");
  g_assert_true (absent (e, "narrative.active_total"));

  g_autoptr (GkRecord) f = prose ("我局共发布政府信息3217条，其中通过门户网站发布2986条，通过政务微博发布231条。");
  g_assert_true (tu_int_is (f, "narrative.active_total", 3217));
  g_assert_cmpuint (f->parts->len, ==, 2);
  /* negative: one channel's share is not the total */
  g_autoptr (GkRecord) g = prose ("在政务微博发布政府信息231条。");
  g_assert_true (absent (g, "narrative.active_total"));

  g_autoptr (GkRecord) h = prose ("2013年度主动公开信息的有5条；");
  g_assert_true (tu_int_is (h, "narrative.active_total", 5));
  g_autoptr (GkRecord) j = prose ("全年主动公开信息数156条，其中机关职能类信息12条，其他应主动公开的政府信息45条。");
  g_assert_true (tu_int_is (j, "narrative.active_total", 156));

  /* negative: a year after 主动公开 is no count */
  g_autoptr (GkRecord) c = prose ("主动公开2015年度财政预算。");
  g_assert_true (absent (c, "narrative.active_total"));
}

static void
test_breakdown_and_separators (void)
{
  g_autoptr (GkRecord) a = prose ("主动公开政府信息共计1,236条。其中，甲类信息482条，占39.0%；其他信息754条，占61.0%。");
  g_assert_true (tu_int_is (a, "narrative.active_total", 1236));
  g_assert_cmpuint (a->parts->len, ==, 2);
  g_assert_cmpint (((GkPart *) a->parts->pdata[1])->count, ==, 754);
  g_assert_cmpstr (tu_check_status (a, "narrative.percent.1"), ==, "pass");
  g_assert_cmpstr (tu_check_status (a, "narrative.parts_sum"), ==, "pass");

  g_autoptr (GkRecord) e = prose ("共主动公开政府信息700条，比上年增加100条。按公开内容分：机构职能类300条，其他类400条。");
  g_assert_true (tu_int_is (e, "narrative.active_total", 700));
  g_assert_cmpuint (e->parts->len, ==, 2);
  g_assert_cmpstr (tu_check_status (e, "narrative.parts_sum"), ==, "pass");

  g_autoptr (GkRecord) b = prose ("主动公开政府信息共计12,345,678条。");
  g_assert_true (tu_int_is (b, "narrative.active_total", 12345678));

  /* negative: a 其中 deeper in the next sentence belongs to something else */
  g_autoptr (GkRecord) c = prose ("主动公开政府信息100条。全年收到申请6件，其中当面申请5件，网上申请1件。");
  g_assert_cmpuint (c->parts->len, ==, 0);
  /* negative: a list separator is no thousands separator */
  g_autoptr (GkRecord) d = prose ("收到政府信息公开申请5,网上申请4件。");
  g_assert_true (absent (d, "narrative.applications_received"));

  /* the categories named in a sentence of their own, without counts, and
   * counted in the next one: that list is the breakdown (and here, ending
   * in 其他, complete: 90 of a stated 100 is a published error) */
  g_autoptr (GkRecord) f = prose ("全年共主动公开政府信息100条，通过门户网站公开。主动公开类别主要涉及公示公告、"
                                  "工作动态等政府信息。其中公示公告类40条，工作动态类信息30条，其他应主动公开的政府信息20条。");
  g_assert_cmpuint (f->parts->len, ==, 3);
  g_assert_cmpstr (((GkPart *) f->parts->pdata[0])->label, ==, "公示公告类");
  g_assert_cmpstr (tu_check_status (f, "narrative.parts_sum"), ==, "fail");
  /* negative: a 其中 after a sentence naming no categories is another list */
  g_autoptr (GkRecord) h = prose ("全年共主动公开政府信息100条，通过门户网站公开。全年收到申请6件。其中当面申请5件，网上申请1件。");
  g_assert_cmpuint (h->parts->len, ==, 0);
}

/* The applications_vs_table check of a report whose table 三 receives 2
 * new and carries 1 over, its prose stating prose_count received; the
 * record (*rec) is the caller's. */
static const GkCheck *
received_vs_table (const char *prose_count, GkRecord **rec)
{
  g_autofree char *text = g_strdup_printf ("某县2023年政府信息公开工作年度报告\n全年收到政府信息公开申请%s件。\n"
                                           "三、收到和处理政府信息公开申请情况\n"
                                           "一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2\n"
                                           "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n",
                                           prose_count);
  *rec = tu_record_from_text (text);
  const GkCheck *c = tu_find_check (*rec, "narrative.applications_vs_table");
  g_assert_nonnull (c);
  g_assert_cmpint (c->status, ==, GK_CHECK_FAIL);
  return c;
}

/* The prose counting last year's carried-over applications among those
 * received: the check still fails (the table's 本年新收 is the year's
 * count), and its message says where the prose's number comes from. */
static void
test_received_counts_carried_over (void)
{
  g_autoptr (GkRecord) a = NULL;
  g_assert_nonnull (strstr (received_vs_table ("3", &a)->message, "上年结转1件"));
  /* a count off by something else says nothing of the carried-over */
  g_autoptr (GkRecord) b = NULL;
  g_assert_null (strstr (received_vs_table ("4", &b)->message, "上年结转"));
}

/* A page that signs no date: its own date at its head is when it was
 * published; a signature's date, where there is one, wins. */
static void
test_page_date (void)
{
  const char *head = "标题: 某局2017年政府信息公开年度报告\n发布时间: 2018-01-26 17:22\n";
  g_autofree char *unsigned_page = g_strconcat (head, "全年主动公开政府信息4条。\n某局\n", NULL);
  g_autoptr (GkRecord) a = tu_record_from_text (unsigned_page);
  g_assert_cmpstr (a->published_on, ==, "2018-01-26");
  g_autofree char *signed_page = g_strconcat (head, "全年主动公开政府信息4条。\n某局\n2018年1月15日\n", NULL);
  g_autoptr (GkRecord) b = tu_record_from_text (signed_page);
  g_assert_cmpstr (b->published_on, ==, "2018-01-15");
  /* negative: a date that names no publishing (统计时间) */
  g_autoptr (GkRecord) c = tu_record_from_text ("某局2017年政府信息公开年度报告\n统计时间: 2017-12-31\n全年主动公开政府信息4条。\n");
  g_assert_null (c->published_on);
}

static void
test_pre2019_record (void)
{
  /* the heading 二、主动公开… and a prose line with numbers make no table */
  g_autoptr (GkRecord) a = tu_record_from_text (
    "某县2012年政府信息公开工作年度报告\n"
    "二、主动公开政府信息情况\n"
    "全年主动公开政府信息845条，其中机构职能类56条，占6.6%；业务动态类789条，占95.0%。\n"
    "三、依申请公开情况\n"
    "同意部分公开答复数  件  2  6\n"
    "某县人民政府\n二○一三年三月十日\n");
  g_assert_cmpstr (a->template_id, ==, "pre2019");
  g_assert_cmpstr (a->published_on, ==, "2013-03-10");
  g_assert_true (absent (a, "applications.partially_granted.natural_person"));
  g_assert_true (tu_int_is (a, "applications.partially_granted.total", 2));
  g_assert_true (tu_warning (a->warnings, "pre2019_prose", NULL));
  g_assert_false (tu_warning (a->warnings, "row_not_found", NULL));
  /* the prose checks run; the identities do not (no table) */
  g_assert_cmpstr (tu_check_status (a, "narrative.percent.1"), ==, "pass");
  g_assert_cmpstr (tu_check_status (a, "narrative.percent.2"), ==, "fail");   /* 789/845 = 93.4% */
  g_assert_cmpstr (tu_check_status (a, "narrative.parts_sum"), ==, "pass");
  g_assert_null (tu_check_status (a, "applications.row_total.partially_granted"));
  g_assert_null (tu_check_status (a, "narrative.applications_vs_table"));

  /* a 2020 report that prints no table is read as the old reports are:
   * the template says what is printed, not the year */
  g_autoptr (GkRecord) b = tu_record_from_text ("某中心2020年政府信息公开工作年度报告\n全年主动公开政府信息12条。\n");
  g_assert_cmpstr (b->template_id, ==, "pre2019");
}

static void
test_prose_does_not_override_table (void)
{
  /* the seed report: prose says 未收到 (0), its table says 1 */
  g_autofree char *path = tu_source_path ("samples/qinxian-2020.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (GkRecord) rec = gk_pipeline_extract (tu_pipeline (), path, NULL, &error);
  g_assert_no_error (error);
  GkValue *v = gk_record_get (rec, "applications.new_received.total");
  g_assert_true (tu_int_is (rec, "applications.new_received.total", 1));
  g_assert_cmpint (v->src.method, !=, GK_METHOD_NARRATIVE);
  g_assert_true (tu_int_is (rec, "narrative.applications_received", 0));
}

static void
test_title_organ_above (void)
{
  g_autoptr (GkRecord) a = tu_record_from_text ("湘城市国土资源局\n2010年政府信息公开工作年度报告\n全年主动公开政府信息5条。\n");
  g_assert_cmpstr (a->title, ==, "2010年政府信息公开工作年度报告");
  g_assert_cmpstr (a->issuer, ==, "湘城市国土资源局");
  g_assert_cmpint (a->year, ==, 2010);

  /* a breadcrumb naming 年度报告 before the title is not the title */
  g_autoptr (GkRecord) b = tu_record_from_text ("首页>政务公开>年度报告\n某市审计局2017年政府信息公开工作年度报告\n");
  g_assert_cmpstr (b->issuer, ==, "某市审计局");
  g_assert_cmpint (b->year, ==, 2017);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/prose/received", test_received);
  g_test_add_func ("/prose/channels", test_channels);
  g_test_add_func ("/prose/answers", test_answers);
  g_test_add_func ("/prose/sums", test_prose_sums);
  g_test_add_func ("/prose/appeals", test_appeals);
  g_test_add_func ("/prose/fees", test_fees);
  g_test_add_func ("/prose/active-total", test_active_total_shapes);
  g_test_add_func ("/prose/breakdown-separators", test_breakdown_and_separators);
  g_test_add_func ("/prose/received-counts-carried-over", test_received_counts_carried_over);
  g_test_add_func ("/prose/page-date", test_page_date);
  g_test_add_func ("/prose/pre2019-record", test_pre2019_record);
  g_test_add_func ("/prose/table-wins", test_prose_does_not_override_table);
  g_test_add_func ("/prose/title", test_title_organ_above);
  return g_test_run ();
}
