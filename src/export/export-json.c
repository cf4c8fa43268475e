/* export-json.c — see export-json.h.
 *
 * data{} is built by walking each canonical key's dotted path, so the
 * nesting is exactly the key and no exporter can drift from another.
 */
#include "export-json.h"
#include "common/gk-text.h"
#include "common/gk-version.h"
#include <string.h>

static json_t *
value_json (const GkValue *v)
{
  switch (v->kind)
    {
    case GK_VALUE_INT:    return json_integer (v->i);
    case GK_VALUE_DOUBLE: return json_real (v->d);
    default:              return json_null ();
    }
}

/* data.a.b.c = value, creating the objects on the way. */
static void
put_path (json_t *root, const char *key, json_t *value)
{
  g_auto (GStrv) parts = g_strsplit (key, ".", -1);
  json_t *obj = root;
  for (int i = 0; parts[i + 1]; i++)
    {
      json_t *next = json_object_get (obj, parts[i]);
      if (!next || !json_is_object (next))
        {
          next = json_object ();
          json_object_set_new (obj, parts[i], next);
        }
      obj = next;
    }
  json_object_set_new (obj, parts[g_strv_length (parts) - 1], value);
}

static json_t *
source_json (const GkSource *src, const char *raw)
{
  json_t *o = json_object ();
  json_object_set_new (o, "page", src->page ? json_integer (src->page) : json_null ());
  if (src->has_box)
    json_object_set_new (o, "bbox", json_pack ("[ffff]", src->box.x0, src->box.y0, src->box.x1, src->box.y1));
  else
    json_object_set_new (o, "bbox", json_null ());
  json_object_set_new (o, "method", json_string (gk_method_name (src->method)));
  json_object_set_new (o, "confidence", json_real (src->confidence));
  json_object_set_new (o, "raw", raw ? json_string (raw) : json_null ());
  if (src->line)
    json_object_set_new (o, "line", json_integer (src->line));
  return o;
}

static json_t *
str_or_null (const char *s)
{
  return s ? json_string (s) : json_null ();
}

json_t *
gk_check_to_json (const GkCheck *c)
{
  json_t *o = json_object ();
  json_object_set_new (o, "id", json_string (c->id));
  json_object_set_new (o, "status", json_string (gk_check_status_name (c->status)));
  json_object_set_new (o, "formula", json_string (c->formula));
  json_t *vals = json_object ();
  for (guint k = 0; k < c->operands->len; k++)
    {
      GkCheckOperand *op = &g_array_index (c->operands, GkCheckOperand, k);
      json_t *jv;
      if (op->is_null)
        jv = json_null ();
      else if (op->value == (double) (gint64) op->value)
        jv = json_integer ((json_int_t) op->value);
      else
        jv = json_real (op->value);
      json_object_set_new (vals, op->key, jv);
    }
  json_object_set_new (o, "values", vals);
  json_object_set_new (o, "message", str_or_null (c->message));
  if (c->suspect_ocr)
    json_object_set_new (o, "suspect_ocr", json_true ());
  if (c->placeholders)
    {
      json_t *keys = json_array ();
      for (guint k = 0; k < c->placeholders->len; k++)
        json_array_append_new (keys, json_string (c->placeholders->pdata[k]));
      json_object_set_new (o, "placeholders", keys);
    }
  return o;
}

json_t *
gk_record_to_json (const GkRecord *r)
{
  json_t *root = json_object ();
  json_object_set_new (root, "format_version", json_integer (1));

  json_t *source = json_object ();
  g_autofree char *file = gk_text_escape_invalid (r->file);   /* json_string refuses a name that is not UTF-8 */
  json_object_set_new (source, "file", json_string (file));
  json_object_set_new (source, "sha256", str_or_null (r->sha256));
  json_object_set_new (source, "media", json_string (gk_media_name (r->media)));
  json_object_set_new (source, "pages", r->pages ? json_integer (r->pages) : json_null ());
  json_t *ocr = json_array ();
  for (guint i = 0; i < r->ocr_pages->len; i++)
    json_array_append_new (ocr, json_integer (g_array_index (r->ocr_pages, int, i)));
  json_object_set_new (source, "ocr_pages", ocr);
  json_object_set_new (source, "gongkai_version", json_string (GK_VERSION));
  json_object_set_new (root, "source", source);

  json_t *report = json_object ();
  json_object_set_new (report, "title", str_or_null (r->title));
  json_object_set_new (report, "issuer", str_or_null (r->issuer));
  json_object_set_new (report, "year", r->year ? json_integer (r->year) : json_null ());
  json_object_set_new (report, "template", json_string (r->template_id));
  json_object_set_new (report, "published_on", str_or_null (r->published_on));
  json_object_set_new (root, "report", report);

  json_t *data = json_object ();
  json_t *prov = json_object ();
  for (guint i = 0; i < r->values->len; i++)
    {
      GkValue *v = r->values->pdata[i];
      put_path (data, v->key, value_json (v));
      if (v->has_source)
        {
          json_t *src = source_json (&v->src, v->raw);
          if (v->from_blank)
            json_object_set_new (src, "placeholder", json_true ());
          if (v->approximate)
            json_object_set_new (src, "approximate", json_true ());
          if (gk_value_is_suspect_ocr (v))
            json_object_set_new (src, "suspect_ocr", json_true ());
          json_object_set_new (prov, v->key, src);
        }
    }
  if (r->parts->len)
    {
      json_t *list = json_array ();
      for (guint i = 0; i < r->parts->len; i++)
        {
          GkPart *p = r->parts->pdata[i];
          json_t *o = json_object ();
          json_object_set_new (o, "label", json_string (p->label));
          json_object_set_new (o, "count", p->has_count ? json_integer (p->count) : json_null ());
          json_object_set_new (o, "percent", p->has_percent ? json_real (p->percent) : json_null ());
          json_array_append_new (list, o);
          g_autofree char *k = g_strdup_printf ("narrative.active_breakdown.%u", i + 1);
          json_object_set_new (prov, k, source_json (&p->src, p->raw));
        }
      put_path (data, "narrative.active_breakdown", list);
      put_path (data, "narrative.active_breakdown_partial", json_boolean (r->parts_partial));
    }
  json_object_set_new (root, "data", data);

  json_t *checks = json_array ();
  for (guint i = 0; i < r->checks->len; i++)
    json_array_append_new (checks, gk_check_to_json (r->checks->pdata[i]));
  json_object_set_new (root, "checks", checks);
  json_object_set_new (root, "provenance", prov);

  json_t *warnings = json_array ();
  for (guint i = 0; i < r->warnings->len; i++)
    {
      GkWarning *w = r->warnings->pdata[i];
      json_t *o = json_object ();
      json_object_set_new (o, "code", json_string (w->code));
      json_object_set_new (o, "page", w->page ? json_integer (w->page) : json_null ());
      json_object_set_new (o, "message", json_string (w->message));
      json_array_append_new (warnings, o);
    }
  json_object_set_new (root, "warnings", warnings);
  return root;
}

char *
gk_json_dump (const json_t *json, gboolean pretty)
{
  size_t flags = JSON_REAL_PRECISION (15) | JSON_PRESERVE_ORDER;
  if (pretty)
    flags |= JSON_INDENT (2);
  else
    flags |= JSON_COMPACT;
  char *s = json_dumps (json, flags);
  char *out = g_strdup (s);
  free (s);
  return out;
}

/* The record's JSON text and a newline. */
static char *
record_text (const GkRecord *record, gboolean pretty)
{
  json_t *j = gk_record_to_json (record);
  g_autofree char *s = gk_json_dump (j, pretty);
  json_decref (j);
  return g_strconcat (s, "\n", NULL);
}

char *
gk_json_record (const GkRecord *record)
{
  return record_text (record, TRUE);
}

char *
gk_jsonl_record (const GkRecord *record)
{
  return record_text (record, FALSE);
}
