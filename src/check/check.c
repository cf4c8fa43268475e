/* check.c — see check.h. */
#include "check.h"
#include <math.h>
#include <string.h>

/* Sums of whole counts compare exactly; this only absorbs float noise in amounts. */
#define SUM_EPSILON 1e-6

/* Expands "@outcome:applications.{row}.{col}" over outcome rows, in template order. */
static void
expand_outcomes (const GkTemplateSet *set, const GkRecord *rec, const char *pattern, GPtrArray *out)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint t = 0; t < set->templates->len; t++)
    {
      GkTemplate *tpl = set->templates->pdata[t];
      for (guint s = 0; s < tpl->sections->len; s++)
        {
          GkTplSection *sec = tpl->sections->pdata[s];
          for (guint b = 0; b < sec->blocks->len; b++)
            {
              GkTplBlock *blk = sec->blocks->pdata[b];
              for (guint r = 0; r < blk->rows->len; r++)
                {
                  GkTplRow *row = blk->rows->pdata[r];
                  if (!row->outcome)
                    continue;
                  char *key = gk_template_subst (pattern, "row", row->key);
                  if (!g_str_has_prefix (key, sec->key) || !gk_record_get (rec, key)
                      || g_hash_table_contains (seen, key))
                    {
                      g_free (key);
                      continue;
                    }
                  g_hash_table_add (seen, g_strdup (key));
                  g_ptr_array_add (out, key);
                }
            }
        }
    }
}

static GPtrArray *
expand_side (const GkTemplateSet *set, const GkRecord *rec, const GPtrArray *side,
             const char *var, const char *value)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < side->len; i++)
    {
      g_autofree char *k = gk_template_subst (side->pdata[i], var, value);
      if (g_str_has_prefix (k, "@outcome:"))
        expand_outcomes (set, rec, k + strlen ("@outcome:"), keys);
      else
        g_ptr_array_add (keys, g_steal_pointer (&k));
    }
  return keys;
}

static const char *
term_label (const GkTemplateSet *set, const char *key)
{
  return gk_template_key_label (set, key);
}

static void
format_number (GString *s, double v)
{
  if (v == floor (v) && fabs (v) < 1e15)
    g_string_append_printf (s, "%.0f", v);
  else
    g_string_append_printf (s, "%.15g", v);
}

/* "本年新收（自然人）1＋上年结转（自然人）0＝1"; long sides list non-zero terms only. */
static void
describe_side (GString *msg, const GkTemplateSet *set, const GkRecord *rec, GPtrArray *keys, double sum)
{
  gboolean long_side = keys->len > 4;
  guint shown = 0;
  for (guint i = 0; i < keys->len; i++)
    {
      GkValue *v = gk_record_get (rec, keys->pdata[i]);
      double x = gk_value_number (v);
      if (long_side && (isnan (x) || x == 0))
        continue;
      if (shown++)
        g_string_append (msg, "＋");
      g_string_append (msg, term_label (set, keys->pdata[i]));
      if (isnan (x))
        g_string_append (msg, "（空）");
      else
        format_number (msg, x);
    }
  if (long_side)
    {
      if (shown == 0)
        g_string_append (msg, "各项均为0");
      else if (shown < keys->len)
        g_string_append (msg, "（其余各项为0）");
    }
  if (keys->len > 1 || long_side)
    {
      g_string_append (msg, "＝");
      format_number (msg, sum);
    }
}

static void
run_identity_instance (const GkTemplateSet *set, GkRecord *rec, const GkIdentity *id, const char *value)
{
  if (id->require)
    {
      g_autofree char *req = gk_template_subst (id->require, id->var, value);
      if (!gk_record_get (rec, req))
        return;
    }
  g_autoptr (GPtrArray) lhs = expand_side (set, rec, id->lhs, id->var, value);
  if (id->absent_as_zero)
    {
      /* parts never stated add nothing; with none stated there is nothing to check */
      for (guint i = lhs->len; i-- > 0;)
        if (!gk_record_get (rec, lhs->pdata[i]))
          g_ptr_array_remove_index (lhs, i);
      if (lhs->len == 0)
        return;
    }
  g_autoptr (GPtrArray) rhs = expand_side (set, rec, id->rhs, id->var, value);
  g_autoptr (GPtrArray) nonneg = expand_side (set, rec, id->nonneg, id->var, value);
  /* a table key counts as present when a table gave it: a pre-2019
   * report's prose fills a few canonical totals, never a table's full
   * identity; a prose figure (narrative.*) is present as itself */
  gboolean any_present = FALSE;
  GPtrArray *both[2] = { lhs, rhs };
  for (int side = 0; side < 2; side++)
    for (guint i = 0; i < both[side]->len; i++)
      {
        const char *k = both[side]->pdata[i];
        const GkValue *v = gk_record_get (rec, k);
        any_present |= v && (g_str_has_prefix (k, "narrative.")
                             || !(v->has_source && v->src.method == GK_METHOD_NARRATIVE));
      }
  if (!any_present)
    return;   /* the report has no such table: nothing to check */

  g_autofree char *cid = gk_template_subst (id->id, id->var, value);
  GkCheck *c = gk_check_new (cid, id->formula);
  gboolean any_null = FALSE, suspect = FALSE;
  double ls = 0, rs = 0;
  GPtrArray *sides[2] = { lhs, rhs };
  for (int side = 0; side < 2; side++)
    for (guint i = 0; i < sides[side]->len; i++)
      {
        const char *k = sides[side]->pdata[i];
        GkValue *v = gk_record_get (rec, k);
        gk_check_add_operand (c, k, v);
        double x = gk_value_number (v);
        if (isnan (x))
          any_null = TRUE;
        else if (side == 0)
          ls += x;
        else
          rs += x;
        suspect |= gk_value_is_suspect_ocr (v);
      }
  g_autoptr (GString) negatives = g_string_new (NULL);
  for (guint i = 0; i < nonneg->len; i++)
    {
      const char *k = nonneg->pdata[i];
      GkValue *v = gk_record_get (rec, k);
      gboolean listed = FALSE;
      for (guint j = 0; j < c->operands->len; j++)
        listed |= strcmp (g_array_index (c->operands, GkCheckOperand, j).key, k) == 0;
      if (!listed)
        gk_check_add_operand (c, k, v);
      double x = gk_value_number (v);
      if (isnan (x))
        any_null = TRUE;
      else if (x < 0)
        {
          g_string_append_printf (negatives, "%s%s为负数", negatives->len ? "，" : "", term_label (set, k));
          suspect |= gk_value_is_suspect_ocr (v);
        }
    }

  const char *label = g_hash_table_lookup (id->labels, value);
  if (!label)
    {
      /* row-wise checks name the row, column-wise the column */
      g_autofree char *probe = gk_template_subst (id->id, id->var, value);
      g_auto (GStrv) bits = g_strsplit (probe, ".", -1);
      g_autofree char *rk = g_strdup_printf ("%s.%s", bits[0], value);
      label = gk_template_row_label (set, rk);
      if (!label)
        label = gk_template_column_label (set, rk);
      if (!label)
        label = value;
    }
  g_autofree char *title = gk_template_subst (id->title, "label", label);
  g_autoptr (GString) msg = g_string_new (title);
  g_string_append (msg, "：");
  if (any_null)
    {
      c->status = GK_CHECK_SKIPPED;
      g_string_append (msg, "有数值未能读出，无法核对。");
    }
  else
    {
      gboolean ok = id->relation == GK_RELATION_EQ ? fabs (ls - rs) < SUM_EPSILON : ls <= rs + SUM_EPSILON;
      ok = ok && negatives->len == 0;
      c->status = ok ? GK_CHECK_PASS : GK_CHECK_FAIL;
      describe_side (msg, set, rec, lhs, ls);
      g_string_append (msg, "，");
      describe_side (msg, set, rec, rhs, rs);
      if (id->relation == GK_RELATION_EQ)
        {
          if (fabs (ls - rs) < SUM_EPSILON)
            g_string_append (msg, "，相符");
          else
            {
              g_string_append (msg, "，不符，相差");
              format_number (msg, fabs (ls - rs));
            }
        }
      else
        g_string_append (msg, ls <= rs + SUM_EPSILON ? "，不超过" : "，超过了");
      if (negatives->len)
        g_string_append_printf (msg, "；%s", negatives->str);
      g_string_append (msg, "。");
      c->suspect_ocr = !ok && suspect;
    }
  c->message = g_string_free (g_steal_pointer (&msg), FALSE);
  gk_record_add_check (rec, c);
}

static void
run_identities (const GkTemplateSet *set, GkRecord *rec)
{
  for (guint i = 0; i < set->identities->len; i++)
    {
      GkIdentity *id = set->identities->pdata[i];
      for (guint k = 0; k < id->over->len; k++)
        run_identity_instance (set, rec, id, id->over->pdata[k]);
    }
}

/* --- prose ------------------------------------------------------------ */

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

static void
run_narrative (GkRecord *rec)
{
  GkValue *total = gk_record_get (rec, "narrative.active_total");
  double t = gk_value_number (total);
  GPtrArray *parts = rec->parts;
  double pct_sum = 0, pct_tol = 0;
  guint n_pct = 0;
  gint64 count_sum = 0;
  gboolean counts_ok = TRUE;
  for (guint i = 0; i < parts->len; i++)
    {
      GkPart *p = parts->pdata[i];
      if (!p->has_count)
        counts_ok = FALSE;
      else
        count_sum += p->count;
      if (!p->has_percent)
        continue;
      n_pct++;
      pct_sum += p->percent;
      pct_tol += half_unit (p->percent_decimals);
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

  gboolean partial = rec->parts_partial;
  if (parts->len >= 2 && counts_ok)
    {
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

  if (n_pct >= 2)
    {
      gboolean part_list = partial || n_pct < parts->len;
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

  GkValue *prose = gk_record_get (rec, "narrative.applications_received");
  GkValue *table = gk_record_get (rec, "applications.new_received.total");
  if (prose && table && !(table->has_source && table->src.method == GK_METHOD_NARRATIVE))
    {
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
            c->message = g_strdup_printf ("正文称收到政府信息公开申请%.0f件，表格“本年新收”总计为%.0f件，%s。",
                                          a, b, a == b ? "相符" : "不符");
          c->suspect_ocr = c->status == GK_CHECK_FAIL && gk_value_is_suspect_ocr (table);
        }
      gk_record_add_check (rec, c);
    }
}

/* A negative count or a cell that is not a number fails on its own. */
static void
run_value_checks (const GkTemplateSet *set, GkRecord *rec)
{
  for (guint i = 0; i < rec->values->len; i++)
    {
      GkValue *v = rec->values->pdata[i];
      if (g_str_has_prefix (v->key, "narrative."))
        continue;
      GkColumnType type = gk_template_key_type (set, v->key);
      if (v->kind == GK_VALUE_INT && v->i < 0 && type == GK_COLUMN_COUNT)
        {
          g_autofree char *id = g_strdup_printf ("value.non_negative.%s", v->key);
          GkCheck *c = gk_check_new (id, "count >= 0");
          gk_check_add_operand (c, v->key, v);
          c->status = GK_CHECK_FAIL;
          c->message = g_strdup_printf ("%s为%" G_GINT64_FORMAT "，数量不能为负数。", term_label (set, v->key), v->i);
          c->suspect_ocr = gk_value_is_suspect_ocr (v);
          gk_record_add_check (rec, c);
        }
      /* a null whose text reads as a number (an OCR reading not believed,
         cells glued together, ink the OCR could not read) is no misprint:
         only text that is none fails */
      else if (v->kind == GK_VALUE_NULL && v->raw && *v->raw && strcmp (v->raw, GK_UNREAD_MARK) != 0
               && gk_number_parse (v->raw, type).kind == GK_NUMBER_INVALID)
        {
          g_autofree char *id = g_strdup_printf ("value.number.%s", v->key);
          GkCheck *c = gk_check_new (id, "cell is a number");
          gk_check_add_operand (c, v->key, v);
          c->status = GK_CHECK_FAIL;
          c->message = g_strdup_printf ("%s印作“%s”，不是数字。", term_label (set, v->key), v->raw);
          c->suspect_ocr = gk_value_is_suspect_ocr (v);
          gk_record_add_check (rec, c);
        }
    }
}

/* "“—”、空白": the printed forms of the placeholders among keys, each once. */
static char *
placeholder_forms (const GkRecord *rec, const GPtrArray *keys)
{
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < keys->len; i++)
    {
      const GkValue *v = gk_record_get (rec, keys->pdata[i]);
      char *form = g_strstrip (g_strdup (v->raw ? v->raw : ""));
      if (g_ptr_array_find_with_equal_func (seen, form, g_str_equal, NULL))
        {
          g_free (form);
          continue;
        }
      if (seen->len)
        g_string_append (s, "、");
      if (*form)
        g_string_append_printf (s, "“%s”", form);
      else
        g_string_append (s, "空白");
      g_ptr_array_add (seen, form);
    }
  return g_string_free (s, FALSE);
}

/* A failing check names its operands printed as placeholders, which
 * count as 0 (check.h): their keys, and a clause in its message. */
static void
note_placeholders (GkRecord *rec)
{
  for (guint i = 0; i < rec->checks->len; i++)
    {
      GkCheck *c = rec->checks->pdata[i];
      if (c->status != GK_CHECK_FAIL)
        continue;
      g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      for (guint k = 0; k < c->operands->len; k++)
        {
          const char *key = g_array_index (c->operands, GkCheckOperand, k).key;
          const GkValue *v = gk_record_get (rec, key);
          if (v && v->from_blank && v->kind != GK_VALUE_NULL
              && !g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
            g_ptr_array_add (keys, g_strdup (key));
        }
      if (keys->len == 0)
        continue;
      g_autofree char *forms = placeholder_forms (rec, keys);
      g_autoptr (GString) msg = g_string_new (c->message);
      if (g_str_has_suffix (msg->str, "。"))
        g_string_truncate (msg, msg->len - strlen ("。"));
      g_string_append_printf (msg, "，其中%s按0计。", forms);
      g_free (c->message);
      c->message = g_string_free (g_steal_pointer (&msg), FALSE);
      c->placeholders = g_steal_pointer (&keys);
    }
}

/* A check that rests on a figure the report printed as approximate
 * (5500余条) cannot fail: the printed number is not the count, so a
 * difference proves nothing; skipped, its message saying why. */
static void
skip_approximate (GkRecord *rec)
{
  for (guint i = 0; i < rec->checks->len; i++)
    {
      GkCheck *c = rec->checks->pdata[i];
      const GkValue *approx = NULL;
      for (guint k = 0; k < c->operands->len && !approx; k++)
        {
          const GkValue *v = gk_record_get (rec, g_array_index (c->operands, GkCheckOperand, k).key);
          if (v && v->approximate && v->kind != GK_VALUE_NULL)
            approx = v;
        }
      if (!approx || c->status != GK_CHECK_FAIL)
        continue;   /* what holds with the figure as printed may stand */
      c->status = GK_CHECK_SKIPPED;
      g_free (c->message);
      c->message = g_strdup_printf ("报告原文为约数“%s”，无法据以核对。", approx->raw ? approx->raw : approx->key);
    }
}

void
gk_checks_run (const GkTemplateSet *set, GkRecord *rec)
{
  g_ptr_array_set_size (rec->checks, 0);
  run_identities (set, rec);
  run_narrative (rec);
  run_value_checks (set, rec);
  skip_approximate (rec);
  note_placeholders (rec);
}
