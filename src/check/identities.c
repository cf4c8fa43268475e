/* identities.c — the identities of models/templates/checks.json, each
 * checked once per value of its variable (check-private.h). */
#include "check-private.h"
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
      g_string_append (msg, gk_template_key_label (set, keys->pdata[i]));
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
          g_string_append_printf (negatives, "%s%s为负数", negatives->len ? "，" : "", gk_template_key_label (set, k));
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

void
gk_check_identities (const GkTemplateSet *set, GkRecord *rec)
{
  for (guint i = 0; i < set->identities->len; i++)
    {
      GkIdentity *id = set->identities->pdata[i];
      for (guint k = 0; k < id->over->len; k++)
        run_identity_instance (set, rec, id, id->over->pdata[k]);
    }
}
