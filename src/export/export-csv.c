/* export-csv.c — see export-csv.h. */
#include "export-csv.h"
#include "common/gk-text.h"
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
  g_autofree char *file = gk_text_escape_invalid (r->file);   /* the CSV is UTF-8, a file name may not be */
  gk_csv_append_field (out, file);
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

char *
gk_flat_value_text (const GkFlatValue *v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  switch (v->kind)
    {
    case GK_VALUE_INT:    return g_strdup_printf ("%" G_GINT64_FORMAT, v->i);
    case GK_VALUE_DOUBLE: return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", v->d));
    default:              return g_strdup ("");
    }
}

void
gk_record_flatten (const GkRecord *r, GkFlatFunc func, gpointer user_data)
{
  for (guint i = 0; i < r->values->len; i++)
    {
      GkValue *v = r->values->pdata[i];
      GkFlatValue f = { v->key, v->kind, v->i, v->d, v->has_source ? &v->src : NULL, v->raw };
      func (&f, user_data);
    }
  for (guint i = 0; i < r->parts->len; i++)
    {
      GkPart *p = r->parts->pdata[i];
      g_autofree char *kc = g_strdup_printf ("narrative.active_breakdown.%u.count", i + 1);
      g_autofree char *kp = g_strdup_printf ("narrative.active_breakdown.%u.percent", i + 1);
      GkFlatValue fc = { kc, p->has_count ? GK_VALUE_INT : GK_VALUE_NULL, p->count, 0, &p->src, p->label };
      GkFlatValue fp = { kp, p->has_percent ? GK_VALUE_DOUBLE : GK_VALUE_NULL, 0, p->percent, &p->src, p->label };
      func (&fc, user_data);
      func (&fp, user_data);
    }
}

typedef struct {
  GString *out;
  const GkRecord *record;
} CsvSink;

static void
csv_row (const GkFlatValue *v, gpointer user_data)
{
  CsvSink *sink = user_data;
  g_autofree char *val = gk_flat_value_text (v);
  append_row (sink->out, sink->record, v->key, val, v->src, v->raw);
}

char *
gk_csv_record (const GkRecord *r)
{
  CsvSink sink = { g_string_new (NULL), r };
  gk_record_flatten (r, csv_row, &sink);
  return g_string_free (sink.out, FALSE);
}
