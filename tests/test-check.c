/* test-check.c — each kind of check can fail, and says so in Chinese. */
#include "testutil.h"

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

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_test_add_func ("/check/published-le-total", test_published_le_total);
  g_test_add_func ("/check/not-a-number", test_not_a_number);
  g_test_add_func ("/check/balance-message", test_balance_message);
  g_test_add_func ("/check/load-without-error-pointer", test_load_without_error_pointer);
  return g_test_run ();
}
