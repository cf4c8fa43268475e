/* values.c — checks of single values (check-private.h). */
#include "check-private.h"
#include <string.h>

/* A negative count or a cell that is not a number fails on its own. */
void
gk_check_values (const GkTemplateSet *set, GkRecord *rec)
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
          c->message = g_strdup_printf ("%s为%" G_GINT64_FORMAT "，数量不能为负数。", gk_template_key_label (set, v->key), v->i);
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
          c->message = g_strdup_printf ("%s印作“%s”，不是数字。", gk_template_key_label (set, v->key), v->raw);
          c->suspect_ocr = gk_value_is_suspect_ocr (v);
          gk_record_add_check (rec, c);
        }
    }
}
