/* cross-year.c — see cross-year.h. */
#include "cross-year.h"
#include <math.h>
#include <string.h>

#define CARRIED_FORWARD "applications.carried_forward."
#define CARRIED_OVER    "applications.carried_over."
#define ITEMS_PREV      ".items_prev_year"
#define ITEMS_CHANGE    ".items_change"
/* Counts are whole numbers; this only absorbs float noise. */
#define CROSS_EPSILON 1e-6

static void
add_number (GString *s, double v)
{
  if (v == floor (v) && fabs (v) < 1e15)
    g_string_append_printf (s, "%.0f", v);
  else
    g_string_append_printf (s, "%.15g", v);
}

static char *
prev_name (const char *key, int year)
{
  return g_strdup_printf ("%s@%d", key, year);
}

/* 二、上年结转 of next = 四、结转下年度继续办理 of prev, column by column. */
static GkCheck *
check_carried_over (const GkTemplateSet *set, const GkRecord *prev, const GkRecord *next)
{
  GkCheck *c = NULL;
  g_autoptr (GString) diffs = g_string_new (NULL);
  gboolean any_null = FALSE, any_compared = FALSE;
  for (guint i = 0; i < prev->values->len; i++)
    {
      const GkValue *pv = prev->values->pdata[i];
      if (!g_str_has_prefix (pv->key, CARRIED_FORWARD))
        continue;
      const char *col = pv->key + strlen (CARRIED_FORWARD);
      g_autofree char *nk = g_strconcat (CARRIED_OVER, col, NULL);
      const GkValue *nv = gk_record_get (next, nk);
      if (!nv)
        continue;
      if (!c)
        c = gk_check_new ("cross_year.carried_over",
                          "carried_over (this year) = carried_forward (previous year), per applicant column");
      g_autofree char *pk = prev_name (pv->key, prev->year);
      gk_check_add_operand (c, nk, nv);
      gk_check_add_operand (c, pk, pv);
      double a = gk_value_number (nv), b = gk_value_number (pv);
      if (isnan (a) || isnan (b))
        {
          any_null = TRUE;
          continue;
        }
      any_compared = TRUE;
      if (fabs (a - b) >= CROSS_EPSILON)
        {
          g_autofree char *ck = g_strconcat ("applications.", col, NULL);
          const char *label = gk_template_column_label (set, ck);
          g_string_append_printf (diffs, "%s%s列本年报告为", diffs->len ? "；" : "", label ? label : col);
          add_number (diffs, a);
          g_string_append_printf (diffs, "件，%d年报告为", prev->year);
          add_number (diffs, b);
          g_string_append (diffs, "件");
        }
    }
  if (!c)
    return NULL;
  g_autoptr (GString) msg = g_string_new (NULL);
  g_string_append_printf (msg, "%d年“上年结转政府信息公开申请数量”应等于%d年“结转下年度继续办理”：",
                          next->year, prev->year);
  if (diffs->len)
    {
      c->status = GK_CHECK_FAIL;
      g_string_append_printf (msg, "%s，不符。", diffs->str);
    }
  else if (any_null || !any_compared)
    {
      c->status = GK_CHECK_SKIPPED;
      g_string_append (msg, "有数值未能读出，无法核对。");
    }
  else
    {
      c->status = GK_CHECK_PASS;
      g_string_append (msg, "相符。");
    }
  c->message = g_string_free (g_steal_pointer (&msg), FALSE);
  return c;
}

/* items_prev_year + items_change of prev = items_prev_year of next, for one row. */
static GkCheck *
check_items (const GkTemplateSet *set, const GkRecord *prev, const GkRecord *next, const char *row_key)
{
  g_autofree char *kp = g_strconcat (row_key, ITEMS_PREV, NULL);
  g_autofree char *kc = g_strconcat (row_key, ITEMS_CHANGE, NULL);
  const GkValue *pp = gk_record_get (prev, kp), *pc = gk_record_get (prev, kc);
  const GkValue *np = gk_record_get (next, kp);
  if (!pp || !pc || !np)
    return NULL;
  const char *row = row_key + strlen ("active.");
  g_autofree char *id = g_strdup_printf ("cross_year.items.%s", row);
  GkCheck *c = gk_check_new (id, "items_prev_year + items_change (previous year) = items_prev_year (this year)");
  g_autofree char *pkp = prev_name (kp, prev->year), *pkc = prev_name (kc, prev->year);
  gk_check_add_operand (c, pkp, pp);
  gk_check_add_operand (c, pkc, pc);
  gk_check_add_operand (c, kp, np);
  const char *label = gk_template_row_label (set, row_key);
  g_autoptr (GString) msg = g_string_new (NULL);
  g_string_append_printf (msg, "%s项目数量：", label ? label : row);
  double a = gk_value_number (pp), b = gk_value_number (pc), n = gk_value_number (np);
  if (isnan (a) || isnan (b) || isnan (n))
    {
      c->status = GK_CHECK_SKIPPED;
      g_string_append (msg, "有数值未能读出，无法核对。");
    }
  else
    {
      gboolean ok = fabs (a + b - n) < CROSS_EPSILON;
      c->status = ok ? GK_CHECK_PASS : GK_CHECK_FAIL;
      g_string_append_printf (msg, "%d年报告上一年项目数量", prev->year);
      add_number (msg, a);
      g_string_append (msg, "、本年增/减");
      if (b > 0)
        g_string_append_c (msg, '+');
      add_number (msg, b);
      g_string_append (msg, "，合计");
      add_number (msg, a + b);
      g_string_append_printf (msg, "；%d年报告上一年项目数量为", next->year);
      add_number (msg, n);
      if (ok)
        g_string_append (msg, "，相符。");
      else
        {
          g_string_append (msg, "，不符，相差");
          add_number (msg, fabs (a + b - n));
          g_string_append (msg, "。");
        }
    }
  c->message = g_string_free (g_steal_pointer (&msg), FALSE);
  return c;
}

GPtrArray *
gk_cross_year_checks (const GkTemplateSet *set, const GkRecord *prev, const GkRecord *next)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_check_free);
  if (!prev->year || prev->year + 1 != next->year)
    return out;
  GkCheck *c = check_carried_over (set, prev, next);
  if (c)
    g_ptr_array_add (out, c);
  for (guint i = 0; i < prev->values->len; i++)
    {
      const GkValue *v = prev->values->pdata[i];
      if (!g_str_has_prefix (v->key, "active.") || !g_str_has_suffix (v->key, ITEMS_CHANGE))
        continue;
      g_autofree char *row_key = g_strndup (v->key, strlen (v->key) - strlen (ITEMS_CHANGE));
      c = check_items (set, prev, next, row_key);
      if (c)
        g_ptr_array_add (out, c);
    }
  return out;
}
