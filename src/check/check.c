/* check.c — see check.h: the passes, run from here in this order. */
#include "check-private.h"
#include <string.h>

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
note_placeholders (const GkTemplateSet *set, GkRecord *rec)
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
skip_approximate (const GkTemplateSet *set, GkRecord *rec)
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

/* The checks of one report, kind by kind; then what a failing check's
 * operands say about it (an approximate figure, a placeholder). */
static const GkCheckPass passes[] = {
  gk_check_identities,
  gk_check_prose,
  gk_check_values,
  skip_approximate,
  note_placeholders,
};

void
gk_checks_run (const GkTemplateSet *set, GkRecord *rec)
{
  g_ptr_array_set_size (rec->checks, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (passes); i++)
    passes[i] (set, rec);
}
