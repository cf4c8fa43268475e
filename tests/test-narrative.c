/* test-narrative.c — metadata and prose figures, and the checks on them. */
#include "testutil.h"

static void
test_metadata (void)
{
  g_autoptr (GkRecord) a = tu_record_from_text ("北京市东城区人民政府办公室\n2019 年政府信息公开工作年度报告\n正文。\n"
                                                "北京市东城区人民政府办公室\n二〇二〇年一月十五日\n");
  g_assert_cmpstr (a->title, ==, "2019年政府信息公开工作年度报告");
  g_assert_cmpint (a->year, ==, 2019);
  g_assert_cmpstr (a->published_on, ==, "2020-01-15");
  g_assert_cmpstr (a->issuer, ==, "北京市东城区人民政府办公室");   /* the line above the title */
  g_autoptr (GkRecord) s = tu_record_from_text ("2019年政府信息公开工作年度报告\n正文。\n平顺县人民政府\n2020年1月9日\n");
  g_assert_cmpstr (s->issuer, ==, "平顺县人民政府");   /* the signature */

  g_autoptr (GkRecord) b = tu_record_from_text ("长治市财政局2021年政府信息公开工作年度报告\n正文。\n二○二二年一月二十日\n");
  g_assert_cmpstr (b->issuer, ==, "长治市财政局");
  g_assert_cmpstr (b->published_on, ==, "2022-01-20");

  /* 沁县 → 沁县人民政府 only because the text spells the full name */
  g_autoptr (GkRecord) c = tu_record_from_text ("沁县 2020 年政府信息公开年度报告\n现公布沁县人民政府 2020 年报告。\n");
  g_assert_cmpstr (c->issuer, ==, "沁县人民政府");
  g_autoptr (GkRecord) d = tu_record_from_text ("沁县 2020 年政府信息公开年度报告\n正文没有全称。\n");
  g_assert_cmpstr (d->issuer, ==, "沁县");
  g_assert_null (d->published_on);
}

static void
test_breakdown_checks (void)
{
  /* 19/8827 = 0.215% printed 0.33%; sum 100.11% */
  g_autoptr (GkRecord) r = tu_record_from_text (
    "某县2020年政府信息公开年度报告\n全年主动公开政府信息累计8827条，其中：政务动态类信息4215条，占总数的47.75%；\n"
    "信息公开目录信息更新量4283条，占总数的48.52%；机构职能类信息19条，占总数的0.33%；其他信息310\n条，占总数的3.51%。\n");
  g_assert_cmpuint (r->parts->len, ==, 4);
  g_assert_cmpstr (((GkPart *) r->parts->pdata[3])->label, ==, "其他信息");
  g_assert_cmpstr (tu_check_status (r, "narrative.percent.1"), ==, "pass");
  g_assert_cmpstr (tu_check_status (r, "narrative.percent.3"), ==, "fail");
  g_assert_cmpstr (tu_check_status (r, "narrative.percent_sum"), ==, "fail");
  g_assert_cmpstr (tu_check_status (r, "narrative.parts_sum"), ==, "pass");
  g_assert_false (r->parts_partial);
}

/* The breakdown's labels, joined by "|". */
static char *
part_labels (const GkRecord *r)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = 0; i < r->parts->len; i++)
    g_string_append_printf (s, "%s%s", i ? "|" : "", ((GkPart *) r->parts->pdata[i])->label);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The record of a text dump, its breakdown's labels asserted. */
static GkRecord *
record_with_labels (const char *text, const char *labels)
{
  GkRecord *r = tu_record_from_text (text);
  g_autofree char *got = part_labels (r);
  g_assert_cmpstr (got, ==, labels);
  return r;
}

/* output.md: a part's label is the category alone — 其中包括, 以及, 和 and
 * the like before it are no part of it; with them stripped, a list ending
 * in 以及其他信息 ends in 其他 and claims to cover the total. */
static void
test_breakdown_labels (void)
{
  g_autoptr (GkRecord) r = record_with_labels (
    "某县2020年政府信息公开年度报告\n全年主动公开政府信息5000条，其中包括政策文件类信息2870条、"
    "规划计划类信息1130条以及其他信息1000条。\n",
    "政策文件类信息|规划计划类信息|其他信息");
  g_assert_cmpstr (((GkPart *) r->parts->pdata[0])->raw, ==, "包括政策文件类信息2870条");   /* as printed */
  g_assert_false (r->parts_partial);
  g_assert_cmpstr (tu_check_status (r, "narrative.parts_sum"), ==, "pass");
  g_autoptr (GkRecord) m = tu_record_from_text (
    "某县2016年政府信息公开年度报告\n全年主动公开政府信息1200条，其中主要有政策文件300条和工作动态500条。\n");
  g_autofree char *m_labels = part_labels (m);
  g_assert_cmpstr (m_labels, ==, "政策文件|工作动态");
}

static void
test_partial_list (void)
{
  /* parts without percents and without 其他: a partial list, only sum <= total */
  g_autoptr (GkRecord) ok = tu_record_from_text ("某县2016年政府信息公开年度报告\n全年主动公开政府信息1200条，其中：政策文件300条，工作动态500条。\n");
  g_assert_true (ok->parts_partial);
  g_assert_cmpstr (tu_check_status (ok, "narrative.parts_sum"), ==, "pass");
  g_autoptr (GkRecord) over = tu_record_from_text ("某县2016年政府信息公开年度报告\n全年主动公开政府信息700条，其中：政策文件300条，工作动态500条。\n");
  g_assert_cmpstr (tu_check_status (over, "narrative.parts_sum"), ==, "fail");
  /* complete list (ends with 其他) must add up exactly */
  g_autoptr (GkRecord) full = tu_record_from_text ("某县2016年政府信息公开年度报告\n全年主动公开政府信息1200条，其中：政策文件300条，其他信息800条。\n");
  g_assert_false (full->parts_partial);
  g_assert_cmpstr (tu_check_status (full, "narrative.parts_sum"), ==, "fail");
}

static void
test_applications_received (void)
{
  g_autoptr (GkRecord) none = tu_record_from_text ("某县2016年政府信息公开年度报告\n本年度未收到政府信息公开申请。\n");
  g_assert_true (tu_int_is (none, "narrative.applications_received", 0));
  g_autoptr (GkRecord) some = tu_record_from_text ("某县2016年政府信息公开年度报告\n全年共受理政府信息公开申请12件。\n");
  g_assert_true (tu_int_is (some, "narrative.applications_received", 12));
  GkValue *v = gk_record_get (some, "narrative.applications_received");
  g_assert_cmpint (v->src.method, ==, GK_METHOD_NARRATIVE);
  g_assert_cmpint (v->src.line, ==, 2);
  /* 新收: the 2019 template's word for the year's new applications */
  g_autoptr (GkRecord) fresh = tu_record_from_text ("某县2021年政府信息公开年度报告\n2021年共新收政府信息公开申请160件，上年结转1件。\n");
  g_assert_true (tu_int_is (fresh, "narrative.applications_received", 160));
  /* a count of something else must not be taken */
  g_autoptr (GkRecord) other = tu_record_from_text ("某县2016年政府信息公开年度报告\n接到群众来电12件，均已答复。\n");
  g_assert_null (gk_record_get (other, "narrative.applications_received"));
  /* what a service hall's windows accepted is no information disclosure
   * application: the report's own statement of those stands */
  g_autoptr (GkRecord) hall = tu_record_from_text (
    "某县2015年政府信息公开年度报告\n"
    "我县不断拓展公开载体。建立窗口服务大厅，已入驻审批服务部门13个，开设窗口24个，共受理申请136437件。\n"
    "三、政府信息依申请公开工作情况\n2015年全县未收到有关政府信息公开申请。\n");
  g_assert_true (tu_int_is (hall, "narrative.applications_received", 0));
  g_autoptr (GkRecord) window = tu_record_from_text (
    "某县2015年政府信息公开年度报告\n通过服务窗口共受理政府信息公开申请15件。\n");
  g_assert_true (tu_int_is (window, "narrative.applications_received", 15));
  /* 收到有关…的申请: the words an old report puts between */
  g_autoptr (GkRecord) about = tu_record_from_text (
    "某县2012年政府信息公开年度报告\n2012年全县共收到有关政府信息公开的申请21条，其中当面申请数18条。\n");
  g_assert_true (tu_int_is (about, "narrative.applications_received", 21));
  /* nor is what a hotline or a service hall concluded an answered application */
  g_autoptr (GkRecord) hotline = tu_record_from_text (
    "某县2018年政府信息公开年度报告\n我县完善政府网站反馈机制。依托“12345便民服务平台”，对网民的咨询投诉件及时处理并反馈，"
    "截至目前共收到15564件咨询投诉件，已办结15042件。\n");
  g_assert_null (gk_record_get (hotline, "narrative.applications_answered"));
  g_autoptr (GkRecord) answered = tu_record_from_text (
    "某县2018年政府信息公开年度报告\n全年共受理政府信息公开申请12件，已办结12件。\n");
  g_assert_true (tu_int_is (answered, "narrative.applications_answered", 12));
}

/* Content whose lines came from OCR: one line per string. */
static GkRecord *
record_from_ocr_lines (const char *const *lines)
{
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_SCAN);
  for (int i = 0; lines[i]; i++)
    {
      GkSource src = { 0 };
      src.page = 1;
      src.line = i + 1;
      src.method = GK_METHOD_OCR;
      g_ptr_array_add (content->lines, gk_line_new (lines[i], &src));
    }
  return gk_pipeline_record_from_content (tu_pipeline (), "scan.pdf", content);
}

/* An OCRed title that misreads the organ: the report's own mentions of it
 * before 人民政府 outvote the reading; a misread last character of the
 * title (报千 for 报告) still finds the title. */
static void
test_ocr_title_issuer (void)
{
  static const struct {
    const char *lines[4];
    const char *issuer;
  } cases[] = {
    { { "青漂县2020年政府信息公开工作年度报千",
        "根据《条例》规定，现公布青潭县人民政府2020年政府信息公开工作年度报告。",
        "本报告电子版可在青潭县人民政府门户网站下载。如有疑问，请与青潭有具人民政府办公室联系。" },
      "青潭县人民政府" },
    /* split glyph: 县 read as 有具 in the title and once in the text */
    { { "川北有具2020年政府信息公开工作年度报告", "现公布川北有具人民政府2020年政府信息公开工作年度报告。",
        "本报告电子版可在川北县人民政府门户网站下载，或向川北县人民政府办公室索取。" },
      "川北县人民政府" },
    /* one mention is no vote: the title's reading stands */
    { { "青漂县2020年政府信息公开工作年度报告", "现公布青潭县人民政府2020年政府信息公开工作年度报告。" }, "青漂县" },
    /* a superior government mentioned more often is no misreading of the
     * county: 长治市 shares too little of 沁县 */
    { { "沁县2020年政府信息公开工作年度报告", "按照长治市人民政府要求，沁县人民政府……长治市人民政府办公室……长治市人民政府" },
      "沁县人民政府" },
    /* a full name misread in the title's large face (白 read 日): the
     * report's own spellings of that length outvote it (baihe-2021 at 200 dpi) */
    { { "日河县教育局2020年政府信息公开工作年度报千", "2020年，白河县教育局坚持以公开为常态。",
        "如对本报告有疑问，请与白河县教育局政务公开办公室联系。" },
      "白河县教育局" },
    /* ... not one mention alone */
    { { "日河县教育局2020年政府信息公开工作年度报告", "2020年，白河县教育局坚持以公开为常态。" }, "日河县教育局" },
    /* Latin letters a speck in the title's face made (新谷aa街道办事处)
     * are in no organ's name */
    { { "新谷aa街道办事处2020年度政府信息公开工作", "年度报告" }, "新谷街道办事处" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GkRecord) rec = record_from_ocr_lines (cases[i].lines);
      g_assert_cmpstr (rec->issuer, ==, cases[i].issuer);
      g_assert_cmpint (rec->year, ==, 2020);
    }
  g_autoptr (GkRecord) first = record_from_ocr_lines (cases[0].lines);
  g_assert_cmpstr (first->title, ==, "青漂县2020年政府信息公开工作年度报千");
  /* text that was not OCRed is what the report printed: no respelling */
  g_autoptr (GkRecord) typed = tu_record_from_text ("日河县教育局2020年政府信息公开工作年度报告\n"
                                                    "白河县教育局……白河县教育局……白河县教育局\n");
  g_assert_cmpstr (typed->issuer, ==, "日河县教育局");
  /* the date under the signature, a stray "]" read before 日 */
  static const char *const signed_lines[] = { "白河县教育局2021年政府信息公开工作年度报告", "白河县教育局",
                                              "2022年1月21]日", NULL };
  g_autoptr (GkRecord) dated = record_from_ocr_lines (signed_lines);
  g_assert_cmpstr (dated->published_on, ==, "2022-01-21");
}

/* A breakdown percent (or count) the OCR saw but could not read: the entry
 * stays with that field null, the entries after it are read, and the
 * checks that need the field skip it instead of stopping the list. */
static void
test_breakdown_unread (void)
{
  static const char *const lines[] = {
    "某县2020年政府信息公开工作年度报告",
    "全年主动公开政府信息5197条。其中，人事信息156条，占总数的3.00%；政务动态信息2168条，占总数的"
    GK_UNREAD_MARK "%；通知公告1833条，占总数的35.27%；其他信息" GK_UNREAD_MARK "条，占总数的7.18%。",
    NULL,
  };
  g_autoptr (GkRecord) rec = record_from_ocr_lines (lines);
  g_assert_cmpuint (rec->parts->len, ==, 4);
  GkPart *dynamic = rec->parts->pdata[1], *notices = rec->parts->pdata[2], *other = rec->parts->pdata[3];
  g_assert_cmpstr (dynamic->label, ==, "政务动态信息");
  g_assert_true (dynamic->has_count);
  g_assert_cmpint (dynamic->count, ==, 2168);
  g_assert_false (dynamic->has_percent);
  g_assert_cmpint (notices->count, ==, 1833);
  g_assert_false (other->has_count);
  g_assert_true (other->has_percent);
  g_assert_false (rec->parts_partial);
  g_assert_cmpstr (tu_check_status (rec, "narrative.percent.1"), ==, "pass");
  g_assert_null (tu_find_check (rec, "narrative.percent.2"));
  g_assert_cmpstr (tu_check_status (rec, "narrative.percent.3"), ==, "pass");
  g_assert_null (tu_find_check (rec, "narrative.parts_sum"));   /* a count unread */
}

/* A list that stops on a bracket it cannot read as a share (% read as 96)
 * was cut by the misreading: no breakdown rather than its first parts. */
static void
test_breakdown_cut_by_misreading (void)
{
  static const char *const lines[] = {
    "某县2023年政府信息公开年度报告",
    "全年主动公开政府信息741条，其中，财政资金类信息196条（占26.45%），行政执法类信息120条（占16.19296），"
    "其他信息425条（占57.36%）。",
    NULL,
  };
  g_autoptr (GkRecord) rec = record_from_ocr_lines (lines);
  g_assert_true (tu_int_is (rec, "narrative.active_total", 741));
  g_assert_cmpuint (rec->parts->len, ==, 0);
}

/* A share printed 占比P%, 占P% in brackets or 占总数的比例为P%: each part
 * keeps its percent and the list goes on after it.  In brackets right
 * after the count the share may follow one other glyph (占 misread by
 * the OCR, as the bracket may be: 〈), not a phrase (同比增长). */
static void
test_breakdown_percent_forms (void)
{
  g_autoptr (GkRecord) r = record_with_labels (
    "某县2021年政府信息公开年度报告\n全年共主动公开政府信息200条，其中：财政资金类信息80条，占比40.0%；"
    "政策解读类信息50条（占25.0%），通知公告类信息40条，占总数的比例为20.0%；其他信息30\n条〈直\n15.0%）。\n",
    "财政资金类信息|政策解读类信息|通知公告类信息|其他信息");
  static const double pct[] = { 40.0, 25.0, 20.0, 15.0 };
  for (guint i = 0; i < r->parts->len; i++)
    {
      GkPart *part = r->parts->pdata[i];
      g_assert_true (part->has_percent);
      g_assert_cmpfloat (part->percent, ==, pct[i]);
    }
  g_assert_cmpstr (((GkPart *) r->parts->pdata[1])->raw, ==, "政策解读类信息50条(占25.0%)");
  g_assert_false (r->parts_partial);
  g_assert_cmpstr (tu_check_status (r, "narrative.percent_sum"), ==, "pass");
  /* negative: a 占比 of something after the list is no part */
  g_autoptr (GkRecord) n = tu_record_from_text (
    "某县2021年政府信息公开年度报告\n全年共主动公开政府信息100条，其中：政策文件60条，其他信息40条，占比较上年提高5%。\n");
  g_assert_cmpuint (n->parts->len, ==, 2);
  g_assert_false (((GkPart *) n->parts->pdata[1])->has_percent);
  g_autoptr (GkRecord) g = record_with_labels (
    "某县2021年政府信息公开年度报告\n全年共主动公开政府信息100条，其中：政策文件60条，其他信息40条（同比增长5%）。\n",
    "政策文件|其他信息");
  g_assert_false (((GkPart *) g->parts->pdata[1])->has_percent);
}

/* Page furniture the text path keeps (a bare number can be a table cell,
 * a date a figure) leaves the prose: the page's own number alone on the
 * first or last line of its page, a browser's print stamp, a line that
 * is only a web address (with the page count beside it, or a slash
 * lost by the OCR).  A bare
 * number that is not its page's number stays. */
static void
test_prose_page_furniture (void)
{
  g_autoptr (GkRecord) r = record_with_labels (
    "某县2021年政府信息公开年度报告\n共主动公开政府信息100条，其中，重点领域信息60条，占\n"
    "http:/www.example.gov.cn/\n1\n"
    "\f2023/2/8 14:56\n60.0%；其他信息40条，占40.0%。本年度未收到政府信息\n"
    "http://www.example.gov.cn/ 2/3\n2\n"
    "\f2023/2/8 14:56\n公开申请。\n",
    "重点领域信息|其他信息");
  g_assert_true (((GkPart *) r->parts->pdata[0])->has_percent);
  g_assert_cmpfloat (((GkPart *) r->parts->pdata[0])->percent, ==, 60.0);
  g_assert_true (tu_int_is (r, "narrative.applications_received", 0));
  GkValue *v = gk_record_get (r, "narrative.applications_received");
  g_assert_cmpint (v->src.page, ==, 2);   /* the line the sentence starts on */
  /* negative: 3 on page 1 is no page number, it is the count */
  g_autoptr (GkRecord) k = tu_record_from_text ("某县2021年政府信息公开年度报告\n全年共受理政府信息公开申请\n3\n\f件，均已答复。\n");
  g_assert_true (tu_int_is (k, "narrative.applications_received", 3));
}

/* A text kept without its form feeds (pdftotext -nopgbrk) still prints a
 * page's number alone, blank lines around it, inside a sentence broken
 * over the page: it is no digit of the percent the sentence goes on with
 * ("占" · "1" · "60.0%" is 60.0%, not 160.0%).  A number alone after a line
 * that is no running text (no ，；：or %) stays: the count of 3 below. */
static void
test_page_number_inside_a_sentence (void)
{
  g_autoptr (GkRecord) r = record_with_labels (
    "某县2021年政府信息公开年度报告\n共主动公开政府信息100条，其中，重点领域信息60条，占\n\n1\n\n\n"
    "60.0%；其他信息40条，占40.0%。本年度未收到政府信息公开申请。\n",
    "重点领域信息|其他信息");
  g_assert_true (((GkPart *) r->parts->pdata[0])->has_percent);
  g_assert_cmpfloat (((GkPart *) r->parts->pdata[0])->percent, ==, 60.0);
  g_assert_cmpstr (tu_check_status (r, "narrative.percent_sum"), ==, "pass");
  g_autoptr (GkRecord) k = tu_record_from_text ("某县2021年政府信息公开年度报告\n全年共受理政府信息公开申请\n\n3\n\n件，均已答复。\n");
  g_assert_true (tu_int_is (k, "narrative.applications_received", 3));
}

/* A report of the national template whose table 三 the text lacks (a page
 * cut short) fills no cell of it from its prose: 收到申请75件 may count the
 * applications carried over too (the table printed 74 new).  A report of
 * no table (pre-2019 prose) still gives its count to new_received. */
static void
test_prose_fills_no_cell_of_a_template_table (void)
{
  g_autoptr (GkRecord) r = tu_record_from_text (
    "某区2022年度政府信息公开工作年度报告\n一、总体情况\n全年共收到政府信息公开申请75件，均按时答复。\n"
    "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
    "规章 0 0 0\n行政规范性文件 8 8 56\n");
  g_assert_true (tu_int_is (r, "active.normative_documents.in_force", 56));
  g_assert_true (tu_int_is (r, "narrative.applications_received", 75));
  GkValue *v = gk_record_get (r, "applications.new_received.total");
  g_assert_true (!v || v->kind == GK_VALUE_NULL);
  g_autoptr (GkRecord) old = tu_record_from_text (
    "某县2012年政府信息公开工作年度报告\n全年共收到政府信息公开申请12件，均按时答复。\n");
  g_assert_true (tu_int_is (old, "applications.new_received.total", 12));
}

/* A text with no figure of a report (a few CR-ended lines) gives data{}
 * empty and says so, once: a news item is not_a_report, which says it
 * already; one figure read is enough to be silent. */
static void
test_no_report_content (void)
{
  g_autoptr (GkRecord) news = tu_record_from_text ("关于做好防汛工作的通知\n各乡镇要加强值班值守。\n");
  g_assert_cmpuint (news->values->len, ==, 0);
  g_assert_nonnull (tu_warning (news->warnings, "not_a_report", NULL));
  g_assert_null (tu_warning (news->warnings, "no_report_content", NULL));
  g_autoptr (GkRecord) cr_only = tu_record_from_text ("某县人民政府\r办公室\r2021年1月\r");
  g_assert_nonnull (tu_warning (cr_only->warnings, "no_report_content", NULL));
  g_autoptr (GkRecord) one = tu_record_from_text ("某县2021年政府信息公开年度报告\n本年度共受理政府信息公开申请3件。\n");
  g_assert_true (tu_int_is (one, "narrative.applications_received", 3));
  g_assert_null (tu_warning (one->warnings, "no_report_content", NULL));
}

/* The old statistics table (本年度 and 历年累计 columns) printed flat: a
 * row's two figures run together; the year's is read only where one cut
 * leaves it no larger than the cumulative one.  Printed apart, as is. */
static void
test_statistics_table_run_together (void)
{
  g_autoptr (GkRecord) flat = tu_record_from_text (
    "某县2013年政府信息公开工作年度报告 二、主动公开政府信息情况 四、政府信息公开情况统计表 "
    "指标名称计量单位2013年度历年累计主动公开信息数条12508327对申请的答复总数件312"
    "行政复议数件12行政诉讼数件01\n");
  /* 1|2508327, 12|508327, 1250|8327: not read */
  g_assert_null (gk_record_get (flat, "narrative.active_total"));
  g_assert_true (tu_int_is (flat, "narrative.review_total", 1));
  g_assert_true (tu_int_is (flat, "narrative.litigation_total", 0));
  g_assert_true (tu_int_is (flat, "narrative.applications_answered", 3));
  g_autoptr (GkRecord) apart = tu_record_from_text (
    "某县2013年政府信息公开工作年度报告 四、政府信息公开情况统计表 "
    "指标名称 计量单位 2013年度 历年累计 主动公开信息数 条 1250 8327 行政复议数 件 1 2\n");
  g_assert_true (tu_int_is (apart, "narrative.active_total", 1250));
  g_assert_true (tu_int_is (apart, "narrative.review_total", 1));
  /* rows counted in 条; a combined 信函、传真 row is no fax count */
  g_autoptr (GkRecord) tiao = tu_record_from_text (
    "某区2014年政府信息公开工作年度报告 二、主动公开政府信息情况 六、政府信息公开情况统计表 "
    "指标名称计量单位2014年度历年累计主动公开文件数条25436120受理依申请公开信息总数条13其中：1、当面申请数条01"
    "2、网上申请数条003、信函、传真申请数条12对申请的答复总数条13其中：1、同意公开答复数条13\n");
  g_assert_true (tu_int_is (tiao, "narrative.applications_received", 1));
  g_assert_true (tu_int_is (tiao, "narrative.applications_in_person", 0));
  g_assert_true (tu_int_is (tiao, "narrative.applications_answered", 1));
  g_assert_true (tu_int_is (tiao, "narrative.applications_granted", 1));
  g_assert_null (gk_record_get (tiao, "narrative.applications_fax"));
  g_assert_cmpstr (tu_check_status (tiao, "narrative.channels_sum"), ==, "pass");
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_test_add_func ("/narrative/no-report-content", test_no_report_content);
  g_test_add_func ("/narrative/metadata", test_metadata);
  g_test_add_func ("/narrative/ocr-title-issuer", test_ocr_title_issuer);
  g_test_add_func ("/narrative/breakdown-unread", test_breakdown_unread);
  g_test_add_func ("/narrative/breakdown-cut-by-misreading", test_breakdown_cut_by_misreading);
  g_test_add_func ("/narrative/breakdown-checks", test_breakdown_checks);
  g_test_add_func ("/narrative/breakdown-labels", test_breakdown_labels);
  g_test_add_func ("/narrative/partial-list", test_partial_list);
  g_test_add_func ("/narrative/applications-received", test_applications_received);
  g_test_add_func ("/narrative/breakdown-percent-forms", test_breakdown_percent_forms);
  g_test_add_func ("/narrative/prose-page-furniture", test_prose_page_furniture);
  g_test_add_func ("/narrative/page-number-inside-a-sentence", test_page_number_inside_a_sentence);
  g_test_add_func ("/narrative/prose-fills-no-cell-of-a-template-table", test_prose_fills_no_cell_of_a_template_table);
  g_test_add_func ("/narrative/statistics-table-run-together", test_statistics_table_run_together);
  return g_test_run ();
}
