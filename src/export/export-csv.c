/* export-csv.c — see export-csv.h. */
#include "export-csv.h"
#include <string.h>

const char *
gk_csv_header (void)
{
  return "file,issuer,year,template,key,value,page,method,confidence,raw\n";
}

void
gk_csv_append_field (GString *out, const char *field)
{
  if (!field)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString *out, const GkRecord *r, const char *key, const char *value,
            const GkSource *src, const char *raw)
{
  gk_csv_append_field (out, r->file);
  g_string_append_c (out, ',');
  gk_csv_append_field (out, r->issuer);
  g_string_append_c (out, ',');
  if (r->year)
    g_string_append_printf (out, "%d", r->year);
  g_string_append_c (out, ',');
  gk_csv_append_field (out, r->template_id);
  g_string_append_c (out, ',');
  gk_csv_append_field (out, key);
  g_string_append_c (out, ',');
  gk_csv_append_field (out, value);
  g_string_append_c (out, ',');
  if (src && src->page)
    g_string_append_printf (out, "%d", src->page);
  g_string_append_c (out, ',');
  if (src)
    gk_csv_append_field (out, gk_method_name (src->method));
  g_string_append_c (out, ',');
  if (src)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.3g", src->confidence));
    }
  g_string_append_c (out, ',');
  gk_csv_append_field (out, raw);
  g_string_append_c (out, '\n');
}

static char *
format_value (const GkValue *v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  switch (v->kind)
    {
    case GK_VALUE_INT:    return g_strdup_printf ("%" G_GINT64_FORMAT, v->i);
    case GK_VALUE_DOUBLE: return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", v->d));
    default:              return g_strdup ("");
    }
}

char *
gk_record_to_csv (const GkRecord *r)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < r->values->len; i++)
    {
      GkValue *v = r->values->pdata[i];
      g_autofree char *val = format_value (v);
      append_row (out, r, v->key, val, v->has_source ? &v->src : NULL, v->raw);
    }
  for (guint i = 0; i < r->parts->len; i++)
    {
      GkPart *p = r->parts->pdata[i];
      g_autofree char *kc = g_strdup_printf ("narrative.active_breakdown.%u.count", i + 1);
      g_autofree char *kp = g_strdup_printf ("narrative.active_breakdown.%u.percent", i + 1);
      g_autofree char *vc = p->has_count ? g_strdup_printf ("%" G_GINT64_FORMAT, p->count) : g_strdup ("");
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      const char *vp = p->has_percent ? g_ascii_formatd (buf, sizeof buf, "%.15g", p->percent) : "";
      append_row (out, r, kc, vc, &p->src, p->label);
      append_row (out, r, kp, vp, &p->src, p->label);
    }
  return g_string_free (out, FALSE);
}
