/* test-check.c — each kind of check can fail, and says so in Chinese; a
 * printed placeholder counts as 0 through a failing check. */
#include "testutil.h"
#include "check/check.h"
#include "export/export-json.h"

static const char *const table2_2019 =
  "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n"
  "规章 0 5 3\n规范性文件 -1 1 9\n";

static void
test_published_le_total (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (table2_2019);
  const GkCheck *c = tu_find_check (rec, "active.rules.published_le_total");
  g_assert_nonnull (c);
  g_assert_cmpint (c->status, ==, GK_CHECK_FAIL);           /* 5 published > 3 in total */
  g_assert_nonnull (strstr (c->message, "超过"));
  const GkCheck *n = tu_find_check (rec, "active.normative_documents.published_le_total");
  g_assert_cmpint (n->status, ==, GK_CHECK_FAIL);           /* made = -1 */
  g_assert_nonnull (strstr (n->message, "负数"));
  g_assert_nonnull (tu_find_check (rec, "value.non_negative.active.normative_documents.made"));
}

static void
test_not_a_number (void)
{
  const char *text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
                     "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
  g_autoptr (GkRecord) ok = tu_record_from_text (text);
  g_assert_cmpstr (tu_check_status (ok, "appeals.review.total"), ==, "pass");
  /* a cell that reads 1O (letter O) is no number: null, a failing check, the identity skipped */
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_TEXT);
  GkSource src = { .method = GK_METHOD_OCR, .confidence = 0.4, .page = 2 };
  g_ptr_array_add (content->rows, gk_row_new ("四、政府信息公开行政复议、行政诉讼情况", &src));
  GkRow *row = gk_row_new ("行政复议", &src);
  const char *cells[] = { "1O", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0" };
  for (gsize i = 0; i < G_N_ELEMENTS (cells); i++)
    gk_row_add_cell (row, gk_cell_new (cells[i], &src));
  g_ptr_array_add (content->rows, row);
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), "ocr.pdf", content);
  const GkCheck *c = tu_find_check (rec, "value.number.appeals.review.upheld");
  g_assert_nonnull (c);
  g_assert_cmpint (c->status, ==, GK_CHECK_FAIL);
  g_assert_true (c->suspect_ocr);                             /* low-confidence OCR cell */
  g_assert_cmpstr (tu_check_status (rec, "appeals.review.total"), ==, "skipped");
}

/* An OCR reading below GK_OCR_SUSPECT_CONFIDENCE keeps its value and says
 * it is doubtful in its provenance (suspect_ocr); a sure one does not, nor
 * does a born-digital value. */
static void
test_suspect_ocr_provenance (void)
{
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_SCAN);
  GkSource sure = { .method = GK_METHOD_OCR, .confidence = 0.95, .page = 2 };
  GkSource doubtful = sure;
  doubtful.confidence = 0.41;
  g_ptr_array_add (content->rows, gk_row_new ("四、政府信息公开行政复议、行政诉讼情况", &sure));
  GkRow *row = gk_row_new ("行政复议", &sure);
  for (int i = 0; i < 15; i++)
    gk_row_add_cell (row, gk_cell_new (i == 0 ? "7" : i == 4 ? "7" : "0", i == 0 ? &doubtful : &sure));
  g_ptr_array_add (content->rows, row);
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), "ocr.pdf", content);
  json_t *j = gk_record_to_json (rec);
  json_t *prov = json_object_get (j, "provenance");
  json_t *upheld = json_object_get (prov, "appeals.review.upheld");
  json_t *review = json_object_get (json_object_get (json_object_get (j, "data"), "appeals"), "review");
  g_assert_cmpint (json_integer_value (json_object_get (review, "upheld")), ==, 7);
  g_assert_true (json_is_true (json_object_get (upheld, "suspect_ocr")));
  g_assert_null (json_object_get (json_object_get (prov, "appeals.review.total"), "suspect_ocr"));
  json_decref (j);

  g_autoptr (GkRecord) text = tu_record_from_text ("四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
                                                   "7 0 0 0 7 0 0 0 0 0 0 0 0 0 0\n");
  json_t *t = gk_record_to_json (text);
  g_assert_null (json_object_get (json_object_get (json_object_get (t, "provenance"), "appeals.review.upheld"), "suspect_ocr"));
  json_decref (t);
}

/* Ink the OCR saw in a value cell but could not read (GK_UNREAD_MARK) is
 * a figure unread: null, never a blank's 0, and no misprint (no failing
 * value.number check).  A table all of whose checks are then skipped says
 * so (checks_skipped): no failing check there is no clean bill. */
static void
test_unread_ink_is_null (void)
{
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_SCAN);
  GkSource src = { .method = GK_METHOD_OCR, .confidence = 0.95, .page = 3 };
  g_ptr_array_add (content->rows, gk_row_new ("四、政府信息公开行政复议、行政诉讼情况", &src));
  GkRow *row = gk_row_new ("行政复议", &src);
  for (int i = 0; i < 15; i++)
    {
      GkSource s = src;
      s.confidence = i % 5 == 4 ? 0.0 : 0.95;   /* every total unread */
      GkCell *cell = gk_cell_new (i % 5 == 4 ? GK_UNREAD_MARK : "0", &s);
      cell->grid_cell = TRUE;
      gk_row_add_cell (row, cell);
    }
  g_ptr_array_add (content->rows, row);
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), "ocr.pdf", content);
  const GkValue *total = gk_record_get (rec, "appeals.review.total");
  g_assert_nonnull (total);
  g_assert_cmpint (total->kind, ==, GK_VALUE_NULL);
  g_assert_false (total->from_blank);
  g_assert_null (tu_find_check (rec, "value.number.appeals.review.total"));
  g_assert_cmpstr (tu_check_status (rec, "appeals.review.total"), ==, "skipped");
  gboolean said = FALSE;
  for (guint i = 0; i < rec->warnings->len; i++)
    {
      const GkWarning *w = rec->warnings->pdata[i];
      said |= strcmp (w->code, "checks_skipped") == 0 && strstr (w->message, "appeals") != NULL;
    }
  g_assert_true (said);
  /* the same table read whole: its checks run, nothing to say */
  g_autoptr (GkRecord) whole = tu_record_from_text ("四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
                                                    "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n");
  for (guint i = 0; i < whole->warnings->len; i++)
    g_assert_cmpstr (((GkWarning *) whole->warnings->pdata[i])->code, !=, "checks_skipped");
}

static void
test_balance_message (void)
{
  const char *text = "三、收到和处理政府信息公开申请情况\n"
                     "一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
                     "（一）予以公开 2 0 0 0 0 0 2\n（七）总计 2 0 0 0 0 0 2\n四、结转下年度继续办理 0 0 0 0 0 0 0\n";
  g_autoptr (GkRecord) rec = tu_record_from_text (text);
  const GkCheck *c = tu_find_check (rec, "applications.balance.natural_person");
  g_assert_cmpint (c->status, ==, GK_CHECK_FAIL);
  g_assert_nonnull (strstr (c->message, "不符，相差1"));
  g_assert_cmpuint (c->operands->len, ==, 4);
  /* rows the report lacks are null: the outcomes sum cannot be checked */
  g_assert_cmpstr (tu_check_status (rec, "applications.outcomes_sum.total"), ==, "skipped");
}

/* Table 三 in 2019 form, one row per line; 商业企业 of row 四 is printed "—"
 * and 一 + 二 = 三（七） + 四 fails in that column (1 + 0 ≠ 0 + —). */
static const char *const dash_in_failing_balance =
  "测试县2020年政府信息公开工作年度报告\n"
  "三、收到和处理政府信息公开申请情况\n"
  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n"
  "申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
  "一、本年新收政府信息公开申请数量 2 1 0 0 0 0 3\n"
  "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"
  "三、本年度办理结果\n"
  "（一）予以公开 2 0 0 0 0 0 2\n"
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0\n"
  "（三）不予公开\n"
  "1.属于国家秘密 0 0 0 0 0 0 0\n2.其他法律行政法规禁止公开 0 0 0 0 0 0 0\n"
  "3.危及“三安全一稳定” 0 0 0 0 0 0 0\n4.保护第三方合法权益 0 0 0 0 0 0 0\n"
  "5.属于三类内部事务信息 0 0 0 0 0 0 0\n6.属于四类过程性信息 0 0 0 0 0 0 0\n"
  "7.属于行政执法案卷 0 0 0 0 0 0 0\n8.属于行政查询事项 0 0 0 0 0 0 0\n"
  "（四）无法提供\n"
  "1.本机关不掌握相关政府信息 0 0 0 0 0 0 0\n2.没有现成信息需要另行制作 0 0 0 0 0 0 0\n"
  "3.补正后申请内容仍不明确 0 0 0 0 0 0 0\n"
  "（五）不予处理\n"
  "1.信访举报投诉类申请 0 0 0 0 0 0 0\n2.重复申请 0 0 0 0 0 0 0\n3.要求提供公开出版物 0 0 0 0 0 0 0\n"
  "4.无正当理由大量反复申请 0 0 0 0 0 0 0\n5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0\n"
  "（六）其他处理 0 0 0 0 0 0 0\n"
  "（七）总计 2 0 0 0 0 0 2\n"
  "四、结转下年度继续办理 0 — 0 0 0 0 0\n";

/* output.md, printed placeholders: the dash is 0 and stays 0 though the
 * balance fails through it (it used to go back to null, the balance
 * skipped, hiding the report's error); the failing check names it, its
 * message says it was counted as 0, and the cell is no "not a number". */
static void
test_placeholder_stays_zero (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (dash_in_failing_balance);
  GkValue *v = gk_record_get (rec, "applications.carried_forward.commercial");
  g_assert_true (v->kind == GK_VALUE_INT && v->i == 0 && v->from_blank);
  g_assert_cmpstr (v->raw, ==, "—");
  const GkCheck *c = tu_find_check (rec, "applications.balance.commercial");
  g_assert_cmpint (c->status, ==, GK_CHECK_FAIL);
  g_assert_nonnull (c->placeholders);
  g_assert_cmpuint (c->placeholders->len, ==, 1);
  g_assert_cmpstr (c->placeholders->pdata[0], ==, "applications.carried_forward.commercial");
  g_assert_true (g_str_has_suffix (c->message, "不符，相差1，其中“—”按0计。"));
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.total"), ==, "fail");
  g_assert_null (tu_find_check (rec, "applications.balance.total")->placeholders);
  g_assert_null (tu_find_check (rec, "applications.row_total.carried_forward")->placeholders);   /* passes */
  g_assert_null (tu_check_status (rec, "value.number.applications.carried_forward.commercial"));

  json_t *j = gk_record_to_json (rec);
  json_t *prov = json_object_get (json_object_get (j, "provenance"), "applications.carried_forward.commercial");
  g_assert_true (json_is_true (json_object_get (prov, "placeholder")));
  g_assert_cmpstr (json_string_value (json_object_get (prov, "raw")), ==, "—");
  json_t *checks = json_object_get (j, "checks");
  for (size_t i = 0; i < json_array_size (checks); i++)
    {
      json_t *cj = json_array_get (checks, i);
      json_t *keys = json_object_get (cj, "placeholders");
      if (strcmp (json_string_value (json_object_get (cj, "id")), "applications.balance.commercial") != 0)
        {
          g_assert_null (keys);
          continue;
        }
      g_assert_cmpuint (json_array_size (keys), ==, 1);
      g_assert_cmpstr (json_string_value (json_array_get (keys, 0)), ==, "applications.carried_forward.commercial");
    }
  json_decref (j);
}

/* In a ruled grid a blank cell is a placeholder too; the message names
 * each printed form once, a blank as 空白. */
static void
test_placeholder_forms (void)
{
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_PDF_TEXT);
  GkSource src = { .method = GK_METHOD_PDF_TEXT, .confidence = 1.0, .page = 2, .has_box = TRUE };
  g_ptr_array_add (content->rows, gk_row_new ("三、收到和处理政府信息公开申请情况", &src));
  g_ptr_array_add (content->rows, gk_row_new ("申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计", &src));
  GkRow *row = gk_row_new ("（一）予以公开", &src);
  const char *cells[] = { "2", "", "—", "", "0", "0", "3" };   /* 2 + 0 + 0 + 0 ≠ 3 */
  for (gsize i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      GkCell *cell = gk_cell_new (cells[i], &src);
      cell->grid_cell = TRUE;
      gk_row_add_cell (row, cell);
    }
  g_ptr_array_add (content->rows, row);
  g_autoptr (GkRecord) rec = gk_pipeline_record_from_content (tu_pipeline (), "grid.pdf", content);
  const GkCheck *c = tu_find_check (rec, "applications.row_total.granted");
  g_assert_cmpint (c->status, ==, GK_CHECK_FAIL);
  g_assert_cmpuint (c->placeholders->len, ==, 3);
  g_assert_true (g_str_has_suffix (c->message, "，其中空白、“—”按0计。"));
}

static void
test_text_that_is_no_number_still_fails (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (dash_in_failing_balance);
  /* the same cell read as text that is no number at all */
  gk_record_set_null (rec, "applications.carried_forward.commercial", NULL, "1x");
  gk_checks_run (gk_pipeline_templates (tu_pipeline ()), rec);
  g_assert_cmpstr (tu_check_status (rec, "value.number.applications.carried_forward.commercial"), ==, "fail");
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.commercial"), ==, "skipped");
}

/* Regression (found by fuzz-text): loading models with no GError** crashed. */
static void
test_load_without_error_pointer (void)
{
  g_autofree char *models = tu_source_path ("models");
  GkPipeline *p = gk_pipeline_new (models, NULL);
  g_assert_nonnull (p);
  gk_pipeline_free (p);
  g_assert_null (gk_pipeline_new ("/nonexistent", NULL));
}

/* A pipeline made for one report (its prose patterns not JIT-compiled)
 * reads a report as one made for many does. */
static void
test_pipeline_for_one_report (void)
{
  g_autofree char *models = tu_source_path ("models");
  g_autofree char *report = tu_source_path ("samples/qinxian-2020.txt");
  GkReadOptions opts;
  gk_read_options_init (&opts);
  char *json[2];
  for (guint reports = 1; reports <= 2; reports++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GkPipeline) p = gk_pipeline_new_for (models, reports, &error);
      g_assert_no_error (error);
      g_autoptr (GkRecord) rec = gk_pipeline_extract (p, report, &opts, &error);
      g_assert_no_error (error);
      json_t *j = gk_record_to_json (rec);
      json[reports - 1] = gk_json_dump (j, FALSE);
      json_decref (j);
    }
  g_assert_nonnull (strstr (json[0], "\"narrative\""));
  g_assert_cmpstr (json[0], ==, json[1]);
  g_free (json[0]);
  g_free (json[1]);
}

/* The rank of a check's kind in the passes of check.c: identities, prose, values. */
static int
kind_rank (const char *id)
{
  if (g_str_has_prefix (id, "narrative."))
    return 1;
  if (g_str_has_prefix (id, "value."))
    return 2;
  return 0;
}

/* gk_checks_run is the one place checks of a report run: kind after kind,
 * and running it again on the record gives the same checks (a check never
 * changes a value). */
static void
test_passes_by_kind (void)
{
  gsize len;
  g_autofree char *text = tu_source_contents ("samples/qinxian-2020.txt", &len);
  g_autoptr (GkRecord) rec = tu_record_from_text (text);
  g_assert_nonnull (tu_find_check (rec, "applications.balance.total"));
  g_assert_nonnull (tu_find_check (rec, "narrative.percent.1"));
  g_assert_nonnull (tu_find_check (rec, "narrative.applications_vs_table"));
  json_t *before = gk_record_to_json (rec);
  int rank = 0;
  for (guint i = 0; i < rec->checks->len; i++)
    {
      int r = kind_rank (((GkCheck *) rec->checks->pdata[i])->id);
      g_assert_cmpint (r, >=, rank);
      rank = r;
    }
  gk_checks_run (gk_pipeline_templates (tu_pipeline ()), rec);
  json_t *after = gk_record_to_json (rec);
  g_assert_true (json_equal (before, after));
  json_decref (before);
  json_decref (after);
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_test_add_func ("/check/published-le-total", test_published_le_total);
  g_test_add_func ("/check/not-a-number", test_not_a_number);
  g_test_add_func ("/check/suspect-ocr-provenance", test_suspect_ocr_provenance);
  g_test_add_func ("/check/unread-ink-is-null", test_unread_ink_is_null);
  g_test_add_func ("/check/balance-message", test_balance_message);
  g_test_add_func ("/check/placeholder-stays-zero", test_placeholder_stays_zero);
  g_test_add_func ("/check/placeholder-forms", test_placeholder_forms);
  g_test_add_func ("/check/text-that-is-no-number-still-fails", test_text_that_is_no_number_still_fails);
  g_test_add_func ("/check/load-without-error-pointer", test_load_without_error_pointer);
  g_test_add_func ("/check/pipeline-for-one-report", test_pipeline_for_one_report);
  g_test_add_func ("/check/passes-by-kind", test_passes_by_kind);
  return g_test_run ();
}
