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

/* A template row, its section and block, and runs (NULL-ended) as an array. */
typedef struct {
  const GkTplSection *sec;
  const GkTplRow *row;
  const GkTplBlock *blk;
  GPtrArray *runs;
} RowRuns;

static RowRuns
row_runs (const char *tpl_id, const char *section, const char *row_key, const char *const *runs)
{
  RowRuns rr = { .runs = g_ptr_array_new () };
  rr.blk = find_block (tpl_id, section, row_key, &rr.sec, &rr.row);
  for (int i = 0; runs[i]; i++)
    g_ptr_array_add (rr.runs, (gpointer) runs[i]);
  return rr;
}

static GPtrArray *
split (const char *tpl_id, const char *section, const char *row_key, const char *const *runs, guint *readings)
{
  RowRuns rr = row_runs (tpl_id, section, row_key, runs);
  GPtrArray *out = gk_glued_split (gk_pipeline_templates (tu_pipeline ()), tpl_id, rr.sec, rr.blk, rr.row, rr.runs, readings);
  g_ptr_array_unref (rr.runs);
  return out;
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

  /* an amount in 万元 to the fen has six decimals: one amount, not seven */
  const char *fen[] = { "24252.311082", NULL };
  g_autoptr (GPtrArray) pf = split ("2021", "active", "fees", fen, &n);
  g_assert_nonnull (pf);
  g_assert_cmpstr (pf->pdata[0], ==, "24252.311082");
  const char *seven[] = { "24252.3110821", NULL };
  g_assert_null (split ("2021", "active", "fees", seven, &n));

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
  /* a number grouped by thousands is one run, separators and all: not
   * the digits after its last comma */
  g_autofree char *f = gk_glued_trailing_run ("行政许可36,705");
  g_assert_cmpstr (f, ==, "36,705");
  g_autofree char *g = gk_glued_trailing_run ("行政许可36,7051");   /* four digits after: no separator */
  g_assert_cmpstr (g, ==, "7051");
}

/* A run grouped by thousands ("36,705") is one printed number: read whole
 * where it fills the row, never cut where the row has more columns. */
static void
test_split_grouped_by_thousands (void)
{
  guint n;
  const char *one[] = { "36,705", NULL };
  g_autoptr (GPtrArray) p = split ("2021", "active", "licensing", one, &n);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->pdata[0], ==, "36,705");
  const char *three[] = { "1,234", NULL };
  g_autoptr (GPtrArray) q = split ("2021", "active", "normative_documents", three, &n);
  g_assert_null (q);
  g_assert_cmpuint (n, ==, 0);
}

static gboolean
blank_reading (const char *tpl_id, const char *section, const char *row_key, const char *const *runs)
{
  RowRuns rr = row_runs (tpl_id, section, row_key, runs);
  gboolean fits = gk_glued_blank_reading (gk_pipeline_templates (tu_pipeline ()), tpl_id, rr.sec, rr.blk, rr.row, rr.runs);
  g_ptr_array_unref (rr.runs);
  return fits;
}

/* Runs kept apart, fewer than the columns, each whole in a cell with the
 * others blank: a reading wherever the row's own identities allow it. */
static void
test_blank_reading_unit (void)
{
  /* table 二 has no identity inside a row: 1 · blank · 92 fits */
  const char *a[] = { "1", "92", NULL };
  g_assert_true (blank_reading ("2021", "active", "normative_documents", a));
  /* a row total: 3 and 4 beside blanks cannot make a total of 5 */
  const char *b[] = { "3", "4", "5", NULL };
  g_assert_false (blank_reading ("2021", "applications", "granted", b));
  /* 3 and 2 with a total of 5 can */
  const char *c[] = { "3", "2", "5", NULL };
  g_assert_true (blank_reading ("2021", "applications", "granted", c));
  /* more runs than columns: none */
  const char *d[] = { "1", "2", "3", "4", NULL };
  g_assert_false (blank_reading ("2021", "active", "rules", d));
}

/* Digits run into the label, then a number set apart (行政规范性文件1 92):
 * the text keeps white space between cells, so the row may be 1 · blank ·
 * 92 as well as 1 · 9 · 2.  Both fit; the row is not read. */
static void
test_glue_or_blanks_unread (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "某县民政局2021年政府信息公开工作年度报告\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\n"
    "信息内容 本年制发件数 本年废止件数 现行有效件数\n"
    "规章 3 0 41\n"
    "行政规范性文件1 92\n"
    "第二十条第（五）项\n"
    "信息内容 本年处理决定数量\n"
    "行政许可 19653\n");
  g_assert_true (tu_int_is (rec, "active.rules.in_force", 41));
  g_assert_true (tu_int_is (rec, "active.licensing.decisions", 19653));
  for (guint k = 0; k < 3; k++)
    {
      static const char *const keys[] = { "active.normative_documents.issued", "active.normative_documents.repealed",
                                          "active.normative_documents.in_force" };
      GkValue *v = gk_record_get (rec, keys[k]);
      g_assert_nonnull (v);
      g_assert_cmpint (v->kind, ==, GK_VALUE_NULL);
    }
  /* the row was found: its warning says why it is not read */
  g_assert_true (tu_warning (rec->warnings, "cells_glued", "1 92"));
  g_assert_false (tu_warning (rec->warnings, "row_not_found", "行政规范性文件"));
  /* digits glued whole, nothing set apart: the only split is read */
  g_autoptr (GkRecord) whole = tu_record_from_text (
    "某县民政局2021年政府信息公开工作年度报告\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（一）项\n"
    "信息内容 本年制发件数 本年废止件数 现行有效件数\n"
    "规章 3 0 41\n"
    "行政规范性文件192\n");
  g_assert_true (tu_int_is (whole, "active.normative_documents.in_force", 2));
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
   * when the prose states a figure for it: the prose may count another scope
   * (142001018: no split of the row adds up, its total is not read) */
  g_autoptr (GkRecord) rec = tu_record_from_text (
    "某区2020年政府信息公开工作年度报告\n"
    "全年收到政府信息公开申请17件。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "一、本年新收政府信息公开申请数量142001018\n"
    "二、上年结转政府信息公开申请数量1000001\n");
  GkValue *v = gk_record_get (rec, "applications.new_received.total");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, GK_VALUE_NULL);
  g_assert_true (tu_int_is (rec, "narrative.applications_received", 17));
  g_assert_cmpstr (tu_check_status (rec, "narrative.applications_vs_table"), ==, "skipped");
}

/* A page's flattened table 三 whose rows run into the next label's number
 * ("…相关政府信息2620000282.没有现成信息…"): the decoder sees each row's
 * digits as one number; it must not read such a run as one cell and the
 * row's other cells as blanks, nor fill the rows it cannot place with 0. */
static const char flat_applications[] =
  "某区2022年度政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况（本"
  "列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自"
  "然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他"
  " 一、本年新收政府信息公开申请数量 524000056二、上年结转政府信息公开申"
  "请数量2000002三、本年度办理结果 （一）予以公开181000019（二）部"
  "分公开（区分处理的，只计这一情形，不计其他情形） 6000006（三）不予公开 "
  "1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及"
  "“三安全一稳定” 00000004.保护第三方合法权益00000005.属于三类"
  "内部事务信息00000006.属于四类过程性信息 10000017.属于行政执法"
  "案卷00000008.属于行政查询事项0000000（四）无法提供 1.本机关不"
  "掌握相关政府信息 2620000282.没有现成信息需要另行制作00000003"
  ".补正后申请内容仍不明确0000000（五）不予处理 1.信访举报投诉类申请 0"
  "0000002.重复申请00000003.要求提供公开出版物00000004.无"
  "正当理由大量反复申请 00000005.要求行政机关确认或重新出具已获取信息00"
  "00000（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府"
  "信息公开申请31000042.申请人逾期未按收费通知要求缴纳费用、行政机关不再处"
  "理其政府信息公开申请 00000003.其他0000000（七）总计544000"
  "058四、结转下年度继续办理 0000000 四、政府信息公开行政复议、行政诉讼"
  "情况 五、存在的主要问题及改进情况 无。";

static void
test_decoder_keeps_the_split (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (flat_applications);
  g_assert_true (tu_int_is (rec, "applications.processed_total.natural_person", 54));
  g_assert_true (tu_int_is (rec, "applications.processed_total.total", 58));
  g_assert_true (tu_int_is (rec, "applications.other_handling_overdue_correction.commercial", 1));
  g_assert_true (tu_int_is (rec, "applications.other_handling_overdue_correction.total", 4));
  /* 26·2·0·0·0·0·28 or 2·6·20·0·0·0·28 both keep the row total; the
   * 商业企业 column (4 received, 4 processed) leaves the first */
  g_assert_true (tu_int_is (rec, "applications.unavailable_not_held.natural_person", 26));
  g_assert_true (tu_int_is (rec, "applications.unavailable_not_held.commercial", 2));
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.total"), ==, "pass");
  g_assert_cmpstr (tu_check_status (rec, "applications.balance.natural_person"), ==, "pass");
}

/* Table 二 flattened, its numbers run into the labels (行政许可3106): the
 * decoder sees no number there, so its rows are no blank rows of zeros. */
static const char flat_active[] =
  "某区2021年度政府信息公开工作年度报告 本报告根据《国务院办公厅政府信息与政务"
  "公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公"
  "开办函〔2021〕30号）编制。二、主动公开政府信息情况 第二十条第（一）项信息"
  "内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件582471第"
  "二十条第（五）项信息内容本年处理决定数量行政许可3106 第二十条第（六）项信息"
  "内容 本年处理决定数量行政处罚875行政强制31第二十条第（八）项信息内容 本年"
  "收费金额（单位：万元）行政事业性收费1830.402517三、收到和处理政府信息"
  "公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
  " 申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法"
  "律服务机构 其他 一、本年新收政府信息公开申请数量 524000056二、上年结"
  "转政府信息公开申请数量2000002三、本年度办理结果 （一）予以公开18100"
  "0019（二）部分公开（区分处理的，只计这一情形，不计其他情形） 6000006"
  "（三）不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开000"
  "00003.危及“三安全一稳定” 00000004.保护第三方合法权益00000"
  "005.属于三类内部事务信息00000006.属于四类过程性信息 1000001"
  "7.属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提"
  "供 1.本机关不掌握相关政府信息 2620000282.没有现成信息需要另行制作"
  "00000003.补正后申请内容仍不明确0000000（五）不予处理 1.信访举"
  "报投诉类申请 00000002.重复申请00000003.要求提供公开出版物00"
  "000004.无正当理由大量反复申请 00000005.要求行政机关确认或重新出"
  "具已获取信息0000000（六）其他处理 1.申请人无正当理由逾期不补正、行政机"
  "关不再处理其政府信息公开申请31000042.申请人逾期未按收费通知要求缴纳费用"
  "、行政机关不再处理其政府信息公开申请 00000003.其他0000000（七）"
  "总计544000058四、结转下年度继续办理 0000000 四、政府信息公开行"
  "政复议、行政诉讼情况 五、存在的主要问题及改进情况 无。";

static void
test_label_runs_are_no_blanks (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (flat_active);
  g_assert_true (tu_int_is (rec, "active.licensing.decisions", 3106));
  g_assert_true (tu_int_is (rec, "active.penalty.decisions", 875));
  g_assert_true (tu_int_is (rec, "active.coercion.decisions", 31));
  GkValue *fee = gk_record_get (rec, "active.fees.amount_wan");
  g_assert_nonnull (fee);
  g_assert_cmpint (fee->kind, ==, GK_VALUE_DOUBLE);
  g_assert_cmpfloat_with_epsilon (fee->d, 1830.402517, 1e-9);
  /* 58·24·71, 5·82·471, …: ambiguous, null */
  GkValue *v = gk_record_get (rec, "active.normative_documents.issued");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, GK_VALUE_NULL);
}

/* A row several splits fit on its own (220000022: 22·0·0·0·0·0·22 or
 * 2·20·0·0·0·0·22) is read where the section's identities across rows
 * leave one of them: the 商业企业 column holds 1 in all, so 20 cannot be. */
static const char flat_two_readings[] =
  "某区2023年度政府信息公开工作年度报告 本报告根据国办公开办函〔2021〕30"
  "号编制。三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项"
  "之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构"
  "社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量801000081二"
  "、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开22"
  "0000022（二）部分公开（区分处理的，只计这一情形，不计其他情形）40000"
  "04（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00"
  "000003.危及“三安全一稳定”00000004.保护第三方合法权益00000"
  "005.属于三类内部事务信息00000006.属于四类过程性信息00000007"
  ".属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提供"
  "1.本机关不掌握相关政府信息5310000542.没有现成信息需要另行制作000"
  "00003.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类"
  "申请00000002.重复申请00000003.要求提供公开出版物0000000"
  "4.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息"
  "0000000（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政"
  "府信息公开申请10000012.申请人逾期未按收费通知要求缴纳费用、行政机关不再"
  "处理其政府信息公开申请00000003.其他0000000（七）总计801000"
  "081四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况"
  "五、存在的主要问题及改进情况无。";

static void
test_section_identities_pick_the_split (void)
{
  g_autoptr (GkRecord) rec = tu_record_from_text (flat_two_readings);
  g_assert_true (tu_int_is (rec, "applications.granted.natural_person", 22));
  g_assert_true (tu_int_is (rec, "applications.granted.commercial", 0));
  g_assert_true (tu_int_is (rec, "applications.granted.total", 22));
  g_assert_true (tu_warning (rec->warnings, "cells_split", "220000022"));
  /* a published error in the column (（六）1. printed 2 where 1 adds up):
   * neither reading keeps the identities, so neither is taken; what both
   * give alike (the row's total) is read */
  g_autoptr (GString) misprinted = g_string_new (flat_two_readings);
  g_assert_cmpint (g_string_replace (misprinted, "其政府信息公开申请1000001", "其政府信息公开申请2000002", 1), ==, 1);
  g_autoptr (GkRecord) err = tu_record_from_text (misprinted->str);
  GkValue *v = gk_record_get (err, "applications.granted.natural_person");
  g_assert_nonnull (v);
  g_assert_cmpint (v->kind, ==, GK_VALUE_NULL);
  g_assert_true (tu_int_is (err, "applications.granted.total", 22));
  g_assert_true (tu_warning (err->warnings, "cells_glued", "220000022"));
}

/* Table 四 run together into one run of digits, of two splits that keep
 * every group's total (21014·1|12|0|3|16·00000 or 21014·11|2|0|3|16·00000):
 * the cells both give alike are read, the two they give apart are not. */
static void
test_cells_every_split_gives_alike (void)
{
  g_autoptr (GString) text = g_string_new (flat_two_readings);
  g_assert_cmpint (g_string_replace (text, "行政诉讼情况五、",
                                     "行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉"
                                     "复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结"
                                     "总计21014112031600000五、", 1), ==, 1);
  g_autoptr (GkRecord) rec = tu_record_from_text (text->str);
  static const struct { const char *key; int want; } read[] = {
    { "appeals.review.upheld", 2 },  { "appeals.review.total", 4 },
    { "appeals.litigation_direct.other", 0 }, { "appeals.litigation_direct.pending", 3 },
    { "appeals.litigation_direct.total", 16 }, { "appeals.litigation_after_review.total", 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    if (!tu_int_is (rec, read[i].key, read[i].want))
      g_error ("%s: want %d", read[i].key, read[i].want);
  for (const char *const *k = (const char *const[]){ "appeals.litigation_direct.upheld",
                                                     "appeals.litigation_direct.corrected", NULL }; *k; k++)
    {
      GkValue *v = gk_record_get (rec, *k);
      g_assert_nonnull (v);
      g_assert_cmpint (v->kind, ==, GK_VALUE_NULL);
    }
  g_assert_true (tu_warning (rec->warnings, "cells_glued", "21014112031600000"));
}

/* text, a copy of flat_two_readings, reads every applications value alike. */
static void
assert_read_alike (const char *text)
{
  g_autoptr (GkRecord) ascii = tu_record_from_text (flat_two_readings);
  g_autoptr (GkRecord) rec = tu_record_from_text (text);
  guint read = 0;
  for (guint i = 0; i < ascii->values->len; i++)
    {
      const GkValue *a = ascii->values->pdata[i];
      if (!g_str_has_prefix (a->key, "applications."))
        continue;
      const GkValue *b = gk_record_get (rec, a->key);
      if (!b || b->kind != a->kind || (a->kind == GK_VALUE_INT && a->i != b->i))
        g_error ("%s: not read alike", a->key);
      read += a->kind == GK_VALUE_INT;
    }
  g_assert_cmpuint (read, >=, 150);
}

/* A page that prints its digits full width (０–９) is the same page: its
 * flattened rows are cut and split as the ASCII ones are ("…信息５３１００
 * ００５４２.没有…": the ２ numbers the next label), every value alike. */
static void
test_full_width_digits_read_alike (void)
{
  g_autoptr (GString) wide = g_string_new (NULL);
  for (const char *p = flat_two_readings; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_unichar (wide, 0xFF10 + (gunichar) (*p - '0'));
    else
      g_string_append_c (wide, *p);
  assert_read_alike (wide->str);
}

/* A page whose font drew 一, 二, 人 with the radicals' glyphs (⼀ ⼆ ⼈, as
 * wkhtmltopdf's PDFs give them) is the same page: "⼆、上年结转" is row 二's
 * label, cut where 二、 is. */
static void
test_radicals_read_alike (void)
{
  g_autoptr (GString) text = g_string_new (flat_two_readings);
  static const char *const from[] = { "一", "二", "人" }, *const to[] = { "⼀", "⼆", "⼈" };
  for (guint i = 0; i < G_N_ELEMENTS (from); i++)
    g_assert_cmpuint (g_string_replace (text, from[i], to[i], 0), >, 0);
  assert_read_alike (text->str);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/glued/split", test_split_unit);
  g_test_add_func ("/glued/trailing-run", test_trailing_run);
  g_test_add_func ("/glued/split-grouped-by-thousands", test_split_grouped_by_thousands);
  g_test_add_func ("/glued/blank-reading", test_blank_reading_unit);
  g_test_add_func ("/glued/glue-or-blanks-unread", test_glue_or_blanks_unread);
  g_test_add_func ("/glued/record", test_record);
  g_test_add_func ("/glued/prose-does-not-fill", test_prose_does_not_fill_unread_cell);
  g_test_add_func ("/glued/decoder-keeps-the-split", test_decoder_keeps_the_split);
  g_test_add_func ("/glued/label-runs-are-no-blanks", test_label_runs_are_no_blanks);
  g_test_add_func ("/glued/section-identities-pick-the-split", test_section_identities_pick_the_split);
  g_test_add_func ("/glued/cells-every-split-gives-alike", test_cells_every_split_gives_alike);
  g_test_add_func ("/glued/full-width-digits-read-alike", test_full_width_digits_read_alike);
  g_test_add_func ("/glued/radicals-read-alike", test_radicals_read_alike);
  return g_test_run ();
}
