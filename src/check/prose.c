/* prose.c — the prose checks (check-private.h): one function per check,
 * run in the order of prose_checks[]. */
#include "check-private.h"
#include <math.h>

static double
half_unit (int decimals)
{
  return 0.5 * pow (10.0, -decimals);
}

static void
format_fixed (GString *s, double v, int decimals)
{
  g_string_append_printf (s, "%.*f", decimals, v);
}

/* narrative.percent.<i>: each printed percent against its count and the total. */
static void
check_percents (const GkTemplateSet *set, GkRecord *rec)
{
  GkValue *total = gk_record_get (rec, "narrative.active_total");
  double t = gk_value_number (total);
  for (guint i = 0; i < rec->parts->len; i++)
    {
      GkPart *p = rec->parts->pdata[i];
      if (!p->has_percent)
        continue;
      g_autofree char *id = g_strdup_printf ("narrative.percent.%u", i + 1);
      GkCheck *c = gk_check_new (id, "count / active_total × 100 = percent (± half a unit of the last printed digit)");
      g_autofree char *kc = g_strdup_printf ("narrative.active_breakdown.%u.count", i + 1);
      g_autofree char *kp = g_strdup_printf ("narrative.active_breakdown.%u.percent", i + 1);
      gk_check_add_number (c, kc, !p->has_count, (double) p->count);
      gk_check_add_operand (c, "narrative.active_total", total);
      gk_check_add_number (c, kp, FALSE, p->percent);
      g_autoptr (GString) msg = g_string_new (NULL);
      if (isnan (t) || !p->has_count || t == 0)
        {
          c->status = GK_CHECK_SKIPPED;
          g_string_printf (msg, "%s占比%.*f%%：主动公开总数未能读出，无法核对。", p->label,
                           p->percent_decimals, p->percent);
        }
      else
        {
          double computed = (double) p->count / t * 100.0;
          gboolean ok = fabs (computed - p->percent) <= half_unit (p->percent_decimals) + 1e-9;
          c->status = ok ? GK_CHECK_PASS : GK_CHECK_FAIL;
          g_string_printf (msg, "%s%" G_GINT64_FORMAT "条占%.0f条的", p->label, p->count, t);
          format_fixed (msg, computed, MAX (p->percent_decimals, 2));
          g_string_append_printf (msg, "%%，报告写作%.*f%%%s。", p->percent_decimals, p->percent,
                                  ok ? "，相符" : "，不符");
        }
      c->message = g_string_free (g_steal_pointer (&msg), FALSE);
      gk_record_add_check (rec, c);
    }
}

/* narrative.parts_sum: the counts of two parts or more against the total
 * (at most the total when the list is partial). */
static void
check_parts_sum (const GkTemplateSet *set, GkRecord *rec)
{
  GPtrArray *parts = rec->parts;
  gint64 count_sum = 0;
  for (guint i = 0; i < parts->len; i++)
    {
      GkPart *p = parts->pdata[i];
      if (!p->has_count)
        return;
      count_sum += p->count;
    }
  if (parts->len < 2)
    return;
  GkValue *total = gk_record_get (rec, "narrative.active_total");
  double t = gk_value_number (total);
  gboolean partial = rec->parts_partial;
  GkCheck *c = gk_check_new ("narrative.parts_sum", partial
                             ? "sum of breakdown counts <= active_total (partial list)"
                             : "sum of breakdown counts = active_total");
  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *k = g_strdup_printf ("narrative.active_breakdown.%u.count", i + 1);
      gk_check_add_number (c, k, FALSE, (double) ((GkPart *) parts->pdata[i])->count);
    }
  gk_check_add_operand (c, "narrative.active_total", total);
  if (isnan (t))
    {
      c->status = GK_CHECK_SKIPPED;
      c->message = g_strdup ("主动公开各类信息条数：总数未能读出，无法核对。");
    }
  else
    {
      gboolean ok = partial ? (double) count_sum <= t : (double) count_sum == t;
      c->status = ok ? GK_CHECK_PASS : GK_CHECK_FAIL;
      c->message = g_strdup_printf ("主动公开各类信息条数之和为%" G_GINT64_FORMAT "条，报告所列总数%.0f条，%s。",
                                    count_sum, t,
                                    ok ? (partial ? "未超过总数" : "相符")
                                       : (partial ? "分项之和超过了总数" : "不符"));
    }
  gk_record_add_check (rec, c);
}

/* narrative.percent_sum: two printed percents or more add up to 100 (at
 * most 100 for a partial list), within half a unit per part. */
static void
check_percent_sum (const GkTemplateSet *set, GkRecord *rec)
{
  GPtrArray *parts = rec->parts;
  double pct_sum = 0, pct_tol = 0;
  guint n_pct = 0;
  for (guint i = 0; i < parts->len; i++)
    {
      GkPart *p = parts->pdata[i];
      if (!p->has_percent)
        continue;
      n_pct++;
      pct_sum += p->percent;
      pct_tol += half_unit (p->percent_decimals);
    }
  if (n_pct < 2)
    return;
  gboolean part_list = rec->parts_partial || n_pct < parts->len;
  GkCheck *c = gk_check_new ("narrative.percent_sum", part_list
                             ? "sum of printed percents <= 100 (partial list)"
                             : "sum of printed percents = 100 (± half a unit per part)");
  for (guint i = 0; i < parts->len; i++)
    {
      GkPart *p = parts->pdata[i];
      if (!p->has_percent)
        continue;
      g_autofree char *k = g_strdup_printf ("narrative.active_breakdown.%u.percent", i + 1);
      gk_check_add_number (c, k, FALSE, p->percent);
    }
  gboolean ok = part_list ? pct_sum <= 100.0 + pct_tol + 1e-9 : fabs (pct_sum - 100.0) <= pct_tol + 1e-9;
  c->status = ok ? GK_CHECK_PASS : GK_CHECK_FAIL;
  c->message = g_strdup_printf ("报告所列各类信息占比之和为%.*f%%，%s。", 2, pct_sum,
                                ok ? (part_list ? "未超过100%" : "与100%相符")
                                   : (part_list ? "超过了100%" : "不等于100%"));
  gk_record_add_check (rec, c);
}

/* narrative.applications_vs_table: the applications the prose says were
 * received against the table's 本年新收 total (not one the prose filled in). */
static void
check_applications_vs_table (const GkTemplateSet *set, GkRecord *rec)
{
  GkValue *prose = gk_record_get (rec, "narrative.applications_received");
  GkValue *table = gk_record_get (rec, "applications.new_received.total");
  if (!prose || !table || (table->has_source && table->src.method == GK_METHOD_NARRATIVE))
    return;
  GkCheck *c = gk_check_new ("narrative.applications_vs_table",
                             "narrative.applications_received = applications.new_received.total");
  gk_check_add_operand (c, "narrative.applications_received", prose);
  gk_check_add_operand (c, "applications.new_received.total", table);
  double a = gk_value_number (prose), b = gk_value_number (table);
  if (isnan (a) || isnan (b))
    {
      c->status = GK_CHECK_SKIPPED;
      c->message = g_strdup ("正文所述收到申请数与表格“本年新收”总计：有数值未能读出，无法核对。");
    }
  else
    {
      c->status = a == b ? GK_CHECK_PASS : GK_CHECK_FAIL;
      if (a == 0 && b != 0)
        c->message = g_strdup_printf ("正文称未收到政府信息公开申请，表格“本年新收”总计为%.0f件，不符。", b);
      else
        {
          /* a prose count of every application handled, last year's too:
           * still not the year's received count, but say where it comes from */
          GkValue *carried = gk_record_get (rec, "applications.carried_over.total");
          double k = carried ? gk_value_number (carried) : NAN;
          g_autofree char *why = !isnan (k) && k > 0 && a == b + k
                                   ? g_strdup_printf ("（正文之数等于本年新收加上年结转%.0f件）", k)
                                   : g_strdup ("");
          c->message = g_strdup_printf ("正文称收到政府信息公开申请%.0f件，表格“本年新收”总计为%.0f件，%s%s。",
                                        a, b, a == b ? "相符" : "不符", a == b ? "" : why);
        }
      c->suspect_ocr = c->status == GK_CHECK_FAIL && gk_value_is_suspect_ocr (table);
    }
  gk_record_add_check (rec, c);
}

/* A new prose check: its function above and its line here. */
static const GkCheckPass prose_checks[] = {
  check_percents,
  check_parts_sum,
  check_percent_sum,
  check_applications_vs_table,
};

void
gk_check_prose (const GkTemplateSet *set, GkRecord *rec)
{
  for (gsize i = 0; i < G_N_ELEMENTS (prose_checks); i++)
    prose_checks[i] (set, rec);
}
