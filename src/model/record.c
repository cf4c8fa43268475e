/* record.c — see record.h. */
#include "record.h"
#include <math.h>

gboolean
gk_value_is_suspect_ocr (const GkValue *v)
{
  return v && v->has_source && v->src.method == GK_METHOD_OCR && v->src.confidence < GK_OCR_SUSPECT_CONFIDENCE;
}

double
gk_value_number (const GkValue *v)
{
  if (!v)
    return NAN;
  switch (v->kind)
    {
    case GK_VALUE_INT:    return (double) v->i;
    case GK_VALUE_DOUBLE: return v->d;
    default:              return NAN;
    }
}

const char *
gk_check_status_name (GkCheckStatus status)
{
  switch (status)
    {
    case GK_CHECK_PASS:    return "pass";
    case GK_CHECK_FAIL:    return "fail";
    case GK_CHECK_SKIPPED: return "skipped";
    }
  return "skipped";
}

static void
operand_clear (gpointer p)
{
  GkCheckOperand *op = p;
  g_free (op->key);
}

GkCheck *
gk_check_new (const char *id, const char *formula)
{
  GkCheck *c = g_new0 (GkCheck, 1);
  c->id = g_strdup (id);
  c->formula = g_strdup (formula);
  c->status = GK_CHECK_SKIPPED;
  c->operands = g_array_new (FALSE, TRUE, sizeof (GkCheckOperand));
  g_array_set_clear_func (c->operands, operand_clear);
  return c;
}

void
gk_check_add_number (GkCheck *check, const char *key, gboolean is_null, double value)
{
  GkCheckOperand op = { g_strdup (key), is_null, is_null ? 0.0 : value };
  g_array_append_val (check->operands, op);
}

void
gk_check_add_operand (GkCheck *check, const char *key, const GkValue *value)
{
  gboolean is_null = value == NULL || value->kind == GK_VALUE_NULL;
  gk_check_add_number (check, key, is_null, is_null ? 0.0 : gk_value_number (value));
}

void
gk_check_free (GkCheck *check)
{
  if (!check)
    return;
  g_free (check->id);
  g_free (check->formula);
  g_free (check->message);
  g_array_unref (check->operands);
  if (check->placeholders)
    g_ptr_array_unref (check->placeholders);
  g_free (check);
}

static void
value_free (GkValue *v)
{
  g_free (v->key);
  g_free (v->raw);
  g_free (v);
}

GkPart *
gk_part_new (const char *label)
{
  GkPart *p = g_new0 (GkPart, 1);
  p->label = g_strdup (label);
  return p;
}

void
gk_part_free (GkPart *part)
{
  if (!part)
    return;
  g_free (part->label);
  g_free (part->raw);
  g_free (part);
}

GkRecord *
gk_record_new (const char *file)
{
  GkRecord *r = g_new0 (GkRecord, 1);
  r->file = g_strdup (file);
  r->ocr_pages = g_array_new (FALSE, FALSE, sizeof (int));
  r->template_id = g_strdup ("unknown");
  r->values = g_ptr_array_new_with_free_func ((GDestroyNotify) value_free);
  r->index = g_hash_table_new (g_str_hash, g_str_equal);
  r->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_part_free);
  r->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_check_free);
  r->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_warning_free);
  return r;
}

void
gk_record_free (GkRecord *r)
{
  if (!r)
    return;
  g_free (r->file);
  g_free (r->sha256);
  g_array_unref (r->ocr_pages);
  g_free (r->title);
  g_free (r->issuer);
  g_free (r->template_id);
  g_free (r->published_on);
  g_hash_table_unref (r->index);
  g_ptr_array_unref (r->values);
  g_ptr_array_unref (r->parts);
  g_ptr_array_unref (r->checks);
  g_ptr_array_unref (r->warnings);
  g_free (r);
}

/* Returns the value slot for key, creating it at the end when new. */
static GkValue *
record_slot (GkRecord *r, const char *key, const GkSource *src, const char *raw)
{
  GkValue *v = g_hash_table_lookup (r->index, key);
  if (!v)
    {
      v = g_new0 (GkValue, 1);
      v->key = g_strdup (key);
      g_ptr_array_add (r->values, v);
      g_hash_table_insert (r->index, v->key, v);
    }
  g_free (v->raw);
  v->raw = g_strdup (raw);
  v->has_source = src != NULL;
  if (src)
    v->src = *src;
  else
    memset (&v->src, 0, sizeof v->src);
  v->from_blank = FALSE;
  v->approximate = FALSE;
  return v;
}

GkValue *
gk_record_set_int (GkRecord *r, const char *key, gint64 i, const GkSource *src, const char *raw)
{
  GkValue *v = record_slot (r, key, src, raw);
  v->kind = GK_VALUE_INT;
  v->i = i;
  return v;
}

GkValue *
gk_record_set_double (GkRecord *r, const char *key, double d, const GkSource *src, const char *raw)
{
  GkValue *v = record_slot (r, key, src, raw);
  v->kind = GK_VALUE_DOUBLE;
  v->d = d;
  return v;
}

GkValue *
gk_record_set_null (GkRecord *r, const char *key, const GkSource *src, const char *raw)
{
  GkValue *v = record_slot (r, key, src, raw);
  v->kind = GK_VALUE_NULL;
  return v;
}

GkValue *
gk_record_get (const GkRecord *r, const char *key)
{
  return g_hash_table_lookup (r->index, key);
}

void
gk_record_add_part (GkRecord *r, GkPart *part)
{
  g_ptr_array_add (r->parts, part);
}

void
gk_record_add_check (GkRecord *r, GkCheck *check)
{
  g_ptr_array_add (r->checks, check);
}

void
gk_record_warn (GkRecord *r, const char *code, int page, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_ptr_array_add (r->warnings, gk_warning_new (code, page, "%s", msg));
}

void
gk_record_take_warnings (GkRecord *r, GPtrArray *warnings)
{
  while (warnings->len > 0)
    g_ptr_array_add (r->warnings, g_ptr_array_steal_index (warnings, 0));
}

guint
gk_record_drop_unread (GkRecord *r)
{
  guint dropped = 0;
  for (guint i = r->values->len; i-- > 0;)
    {
      GkValue *v = r->values->pdata[i];
      if (v->kind != GK_VALUE_NULL || v->has_source)
        continue;
      g_hash_table_remove (r->index, v->key);
      g_ptr_array_remove_index (r->values, i);   /* keeps the order of the rest */
      dropped++;
    }
  return dropped;
}

guint
gk_record_drop_table_values (GkRecord *r)
{
  guint dropped = 0;
  for (guint i = r->values->len; i-- > 0;)
    {
      GkValue *v = r->values->pdata[i];
      if (v->has_source && v->src.method == GK_METHOD_NARRATIVE)
        continue;
      g_hash_table_remove (r->index, v->key);
      g_ptr_array_remove_index (r->values, i);
      dropped++;
    }
  return dropped;
}

gboolean
gk_record_has_table_values (const GkRecord *r)
{
  for (guint i = 0; i < r->values->len; i++)
    {
      const GkValue *v = r->values->pdata[i];
      if (v->kind != GK_VALUE_NULL && !(v->has_source && v->src.method == GK_METHOD_NARRATIVE))
        return TRUE;
    }
  return FALSE;
}
