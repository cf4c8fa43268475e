/* test-check-placeholder.c — a dash read as 0 that a failing identity
 * refutes goes back to null (check.c); it must then not be reported as
 * "not a number" (value.number.*), which only text that is no number at all
 * deserves.  Found by scripts/gen-samples --crosscheck.
 */
#include "testutil.h"
#include "check/check.h"

/* Table 三 in 2019 form, one row per line; 商业企业 of row 四 is printed "—"
 * and 一 + 二 = 三（七） + 四 fails in that column (1 + 0 ≠ 0 + —), so the dash
 * cannot be 0. */
static const char *report =
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

static void
test_refuted_dash_is_null_not_invalid (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (report);
  GkValue *v = gk_record_get (rec, "applications.carried_forward.commercial");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, GK_VALUE_NULL);
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.commercial"), ==, "skipped");
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.total"), ==, "fail");
  g_assert_null (tu_check_status (rec, "value.number.applications.carried_forward.commercial"));
}

static void
test_text_that_is_no_number_still_fails (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (report);
  /* the same cell read as text that is no number at all */
  gk_record_set_null (rec, "applications.carried_forward.commercial", NULL, "1x");
  gk_checks_run (gk_pipeline_templates (tu_pipeline ()), rec, FALSE);
  g_assert_cmpstr (tu_check_status (rec, "value.number.applications.carried_forward.commercial"), ==, "fail");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/refuted-dash-is-null-not-invalid", test_refuted_dash_is_null_not_invalid);
  g_test_add_func ("/check/text-that-is-no-number-still-fails", test_text_that_is_no_number_still_fails);
  return g_test_run ();
}
