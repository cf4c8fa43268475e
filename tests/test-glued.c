/* test-glued.c — cells run together in web-page text (templates.md §6.4):
 * split only where the template and the row's identities leave a single
 * reading, otherwise null with a warning. */
#include "testutil.h"
#include "table/glued.h"

static const GkTplBlock *
find_block (const char *tpl_id, const char *section, const char *row_key, const GkTplSection **sec_out,
            const GkTplRow **row_out)
{
  const GkTemplate *tpl = gk_template_set_find (gk_pipeline_templates (tu_pipeline ()), tpl_id);
  g_assert_nonnull (tpl);
  for (guint s = 0; s < tpl->sections->len; s++)
    {
      const GkTplSection *sec = tpl->sections->pdata[s];
      if (strcmp (sec->key, section) != 0)
        continue;
      for (guint b = 0; b < sec->blocks->len; b++)
        {
          const GkTplBlock *blk = sec->blocks->pdata[b];
          for (guint r = 0; r < blk->rows->len; r++)
            if (strcmp (((GkTplRow *) blk->rows->pdata[r])->key, row_key) == 0)
              {
                *sec_out = sec;
                *row_out = blk->rows->pdata[r];
                return blk;
              }
        }
    }
  g_assert_not_reached ();
}

static GPtrArray *
split (const char *tpl_id, const char *section, const char *row_key, const char *const *runs, guint *readings)
{
  const GkTplSection *sec;
  const GkTplRow *row;
  const GkTplBlock *blk = find_block (tpl_id, section, row_key, &sec, &row);
  g_autoptr (GPtrArray) r = g_ptr_array_new ();
  for (int i = 0; runs[i]; i++)
    g_ptr_array_add (r, (gpointer) runs[i]);
  return gk_glued_split (gk_pipeline_templates (tu_pipeline ()), tpl_id, sec, blk, row, r, readings);
}

static void
test_split_unit (void)
{
  guint n;
  /* as many digits as columns: one reading */
  const char *a[] = { "1000001", NULL };
  g_autoptr (GPtrArray) pa = split ("2019", "applications", "new_received", a, &n);
  g_assert_nonnull (pa);
  g_assert_cmpstr (pa->pdata[0], ==, "1");
  g_assert_cmpstr (pa->pdata[6], ==, "1");

  /* the row total pins 12 | 0 … | 12 (no leading zeros) */
  const char *b[] = { "120000012", NULL };
  g_autoptr (GPtrArray) pb = split ("2019", "applications", "granted", b, &n);
  g_assert_nonnull (pb);
  g_assert_cmpstr (pb->pdata[0], ==, "12");
  g_assert_cmpstr (pb->pdata[6], ==, "12");

  /* negative: 12·12·30, 1·21·230, … all satisfy published ≤ total */
  const char *c[] = { "121230", NULL };
  g_assert_null (split ("2019", "active", "normative_documents", c, &n));
  g_assert_cmpuint (n, ==, 2);

  /* negative: no reading satisfies the row total */
  const char *d[] = { "12000012", NULL };
  g_assert_null (split ("2019", "applications", "granted", d, &n));
  g_assert_cmpuint (n, ==, 0);

  /* a sign only in the signed column, and it starts a cell */
  const char *e[] = { "5-1", NULL };
  g_autoptr (GPtrArray) pe = split ("2019", "active", "fees", e, &n);
  g_assert_nonnull (pe);
  g_assert_cmpstr (pe->pdata[1], ==, "-1");
  const char *f[] = { "32+1250", NULL };   /* +1250 cannot be a count */
  g_assert_null (split ("2019", "active", "other_services", f, &n));
  g_assert_cmpuint (n, ==, 2);

  /* a surviving white-space boundary is kept */
  const char *g[] = { "7", "-1", "12", NULL };
  g_autoptr (GPtrArray) pg = split ("2019", "active", "penalty", g, &n);
  g_assert_nonnull (pg);
  g_assert_cmpstr (pg->pdata[0], ==, "7");
  g_assert_cmpstr (pg->pdata[2], ==, "12");

  /* a decimal point only in an amount, whole: the fee of 2021 is one */
  const char *amount[] = { "300.3398", NULL };
  g_autoptr (GPtrArray) pm = split ("2021", "active", "fees", amount, &n);
  g_assert_nonnull (pm);
  g_assert_cmpstr (pm->pdata[0], ==, "300.3398");
  const char *point[] = { "12.5", NULL };   /* no count has a point */
  g_assert_null (split ("2021", "active", "licensing", point, &n));
  g_assert_cmpuint (n, ==, 0);

  /* 2021: a single column takes the whole run */
  const char *h[] = { "2910", NULL };
  g_autoptr (GPtrArray) ph = split ("2021", "active", "licensing", h, &n);
  g_assert_nonnull (ph);
  g_assert_cmpstr (ph->pdata[0], ==, "2910");
}

static void
test_trailing_run (void)
{
  g_autofree char *a = gk_glued_trailing_run ("规范性文件121230");
  g_assert_cmpstr (a, ==, "121230");
  g_autofree char *b = gk_glued_trailing_run ("1.属于国家秘密");
  g_assert_null (b);
  g_autofree char *c = gk_glued_trailing_run ("行政处罚1500-20300");
  g_assert_cmpstr (c, ==, "1500-20300");
  /* a decimal amount run into its label is one run, point and all */
  g_autofree char *d = gk_glued_trailing_run ("行政事业性收费300.3398");
  g_assert_cmpstr (d, ==, "300.3398");
  g_autofree char *e = gk_glued_trailing_run ("规章12.");   /* a point that ends is no decimal's */
  g_assert_null (e);
  g_assert_true (gk_glued_is_run ("-20"));
  g_assert_false (gk_glued_is_run ("15122.275万元"));
}

static const char report[] =
  "某区2020年政府信息公开工作年度报告\n"
  "二、主动公开政府信息情况\n"
  "第二十条第（一）项\n"
  "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n"
  "规章000\n"
  "规范性文件121230\n"
  "第二十条第（六）项\n"
  "信息内容 上一年项目数量 本年增/减 处理决定数量\n"
  "行政处罚7 -1 12\n"
  "三、收到和处理政府信息公开申请情况\n"
  "一、本年新收政府信息公开申请数量1000001\n"
  "四、政府信息公开行政复议、行政诉讼情况\n"
  "行政复议 行政诉讼\n"
  "结果维持 结果纠正 其他结果 尚未审结 总计\n"
  "102030000000000\n"
  "五、存在的主要问题及改进情况\n"
  "电话：0731-5558236\n";

static void
test_record (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (report);
  g_assert_true (tu_int_is (rec, "active.rules.total", 0));
  g_assert_true (tu_int_is (rec, "active.penalty.items_change", -1));
  g_assert_true (tu_int_is (rec, "active.penalty.decisions", 12));
  g_assert_true (tu_int_is (rec, "applications.new_received.total", 1));
  g_assert_true (tu_int_is (rec, "appeals.review.other", 2));
  g_assert_true (tu_int_is (rec, "appeals.review.total", 3));
  g_assert_true (tu_int_is (rec, "appeals.litigation_after_review.total", 0));
  /* ambiguous: null, with a warning, never a guess */
  GkValue *v = gk_record_get (rec, "active.normative_documents.total");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, GK_VALUE_NULL);
  g_assert_true (tu_warning (rec->warnings, "cells_glued", "121230"));
  g_assert_true (tu_warning (rec->warnings, "cells_split", "1000001"));
  /* the phone number after the last table is no row */
  g_assert_false (tu_warning (rec->warnings, "cells_glued", "5558236"));
  g_assert_cmpstr (tu_check_status (rec, "appeals.review.total"), ==, "pass");
}

static void
test_prose_does_not_fill_unread_cell (void)
{
  /* beside a table that was read, an unread (glued) cell stays null even
   * when the prose states a figure for it: the prose may count another scope */
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "某区2020年政府信息公开工作年度报告\n"
    "全年收到政府信息公开申请17件。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "一、本年新收政府信息公开申请数量142001017\n"
    "二、上年结转政府信息公开申请数量1000001\n");
  GkValue *v = gk_record_get (rec, "applications.new_received.total");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, GK_VALUE_NULL);
  g_assert_true (tu_int_is (rec, "narrative.applications_received", 17));
  g_assert_cmpstr (tu_check_status (rec, "narrative.applications_vs_table"), ==, "skipped");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/glued/split", test_split_unit);
  g_test_add_func ("/glued/trailing-run", test_trailing_run);
  g_test_add_func ("/glued/record", test_record);
  g_test_add_func ("/glued/prose-does-not-fill", test_prose_does_not_fill_unread_cell);
  return g_test_run ();
}
