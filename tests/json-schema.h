/* json-schema.h — a JSON Schema validator for the tests, over jansson.
 *
 *   ts_schema_load      a schema file of the source tree, parsed
 *   ts_record_schema    docs/record.schema.json, loaded once per test program
 *   ts_schema_validate  every violation of a JSON value, one line each ("/path: what"), or NULL
 *
 * Method.  The subset of JSON Schema (2020-12) the record's schema is
 * written in: type (one or a list), enum, const, properties, required,
 * additionalProperties, patternProperties, propertyNames, items,
 * minItems/maxItems, minimum/maximum, minLength, pattern, and $ref to
 * "#/$defs/NAME"; annotations ($schema, title, description) are skipped.
 * Any other keyword fails the validation, so the schema can never lean on
 * a rule this validator would silently not apply.  An integer is a number
 * with no fractional part, as the standard says (60.0 is one).
 */
#pragma once
#include <glib.h>
#include <jansson.h>
#include <math.h>
#include <string.h>

static void ts_validate (json_t *root, json_t *schema, json_t *v, const char *path, GString *errs);

static gboolean
ts_type_is (json_t *v, const char *type)
{
  if (strcmp (type, "object") == 0)
    return json_is_object (v);
  if (strcmp (type, "array") == 0)
    return json_is_array (v);
  if (strcmp (type, "string") == 0)
    return json_is_string (v);
  if (strcmp (type, "number") == 0)
    return json_is_number (v);
  if (strcmp (type, "integer") == 0)
    return json_is_integer (v) || (json_is_real (v) && json_real_value (v) == floor (json_real_value (v)));
  if (strcmp (type, "boolean") == 0)
    return json_is_boolean (v);
  if (strcmp (type, "null") == 0)
    return json_is_null (v);
  return FALSE;
}

static gboolean
ts_matches (const char *pattern, const char *s)
{
  g_autoptr (GRegex) re = g_regex_new (pattern, 0, 0, NULL);
  return re && g_regex_match (re, s, 0, NULL);
}

static json_t *
ts_resolve (json_t *root, json_t *schema, const char *path, GString *errs)
{
  json_t *ref = json_object_get (schema, "$ref");
  if (!ref)
    return schema;
  const char *r = json_string_value (ref);
  json_t *target = r && g_str_has_prefix (r, "#/$defs/")
                     ? json_object_get (json_object_get (root, "$defs"), r + strlen ("#/$defs/")) : NULL;
  if (!target)
    g_string_append_printf (errs, "%s: unresolved $ref %s\n", path, r ? r : "(not a string)");
  return target;
}

static void
ts_validate_object (json_t *root, json_t *schema, json_t *v, const char *path, GString *errs)
{
  json_t *props = json_object_get (schema, "properties");
  json_t *patterns = json_object_get (schema, "patternProperties");
  json_t *additional = json_object_get (schema, "additionalProperties");
  json_t *names = json_object_get (schema, "propertyNames");
  size_t i;
  json_t *req;
  json_array_foreach (json_object_get (schema, "required"), i, req)
    if (!json_object_get (v, json_string_value (req)))
      g_string_append_printf (errs, "%s: required member \"%s\" missing\n", path, json_string_value (req));
  const char *k;
  json_t *m;
  json_object_foreach (v, k, m)
    {
      g_autofree char *sub = g_strconcat (path, "/", k, NULL);
      if (names)
        {
          json_t *name = json_string (k);
          ts_validate (root, names, name, sub, errs);
          json_decref (name);
        }
      gboolean matched = FALSE;
      json_t *ps = json_object_get (props, k);
      if (ps)
        {
          matched = TRUE;
          ts_validate (root, ps, m, sub, errs);
        }
      const char *pat;
      json_t *pschema;
      json_object_foreach (patterns, pat, pschema)
        if (ts_matches (pat, k))
          {
            matched = TRUE;
            ts_validate (root, pschema, m, sub, errs);
          }
      if (matched || !additional)
        continue;
      if (json_is_false (additional))
        g_string_append_printf (errs, "%s: member not allowed here\n", sub);
      else if (json_is_object (additional))
        ts_validate (root, additional, m, sub, errs);
    }
}

static void
ts_validate (json_t *root, json_t *schema, json_t *v, const char *path, GString *errs)
{
  schema = ts_resolve (root, schema, path, errs);
  if (!schema)
    return;
  const char *kw;
  json_t *arg;
  json_object_foreach (schema, kw, arg)
    {
      if (!strcmp (kw, "$ref") || !strcmp (kw, "$schema") || !strcmp (kw, "$defs") || !strcmp (kw, "title")
          || !strcmp (kw, "description") || !strcmp (kw, "properties") || !strcmp (kw, "patternProperties")
          || !strcmp (kw, "additionalProperties") || !strcmp (kw, "required") || !strcmp (kw, "propertyNames"))
        continue;   /* annotations, or applied with "type": "object" below */
      if (!strcmp (kw, "type"))
        {
          gboolean ok = FALSE;
          if (json_is_string (arg))
            ok = ts_type_is (v, json_string_value (arg));
          size_t i;
          json_t *t;
          json_array_foreach (arg, i, t)
            ok = ok || ts_type_is (v, json_string_value (t));
          if (!ok)
            {
              g_autofree char *want = json_dumps (arg, JSON_ENCODE_ANY | JSON_COMPACT);
              g_string_append_printf (errs, "%s: not of type %s\n", path, want);
            }
        }
      else if (!strcmp (kw, "enum"))
        {
          gboolean ok = FALSE;
          size_t i;
          json_t *e;
          json_array_foreach (arg, i, e)
            ok = ok || json_equal (e, v);
          if (!ok)
            g_string_append_printf (errs, "%s: not one of the listed values\n", path);
        }
      else if (!strcmp (kw, "const"))
        {
          if (!json_equal (arg, v))
            g_string_append_printf (errs, "%s: not the constant the schema requires\n", path);
        }
      else if (!strcmp (kw, "items"))
        {
          size_t i;
          json_t *item;
          json_array_foreach (v, i, item)
            {
              g_autofree char *sub = g_strdup_printf ("%s/%zu", path, i);
              ts_validate (root, arg, item, sub, errs);
            }
        }
      else if (!strcmp (kw, "minItems") || !strcmp (kw, "maxItems"))
        {
          if (json_is_array (v) && (kw[1] == 'i' ? json_array_size (v) < (size_t) json_integer_value (arg)
                                                 : json_array_size (v) > (size_t) json_integer_value (arg)))
            g_string_append_printf (errs, "%s: %zu items (%s %" JSON_INTEGER_FORMAT ")\n", path, json_array_size (v), kw,
                                    json_integer_value (arg));
        }
      else if (!strcmp (kw, "minimum") || !strcmp (kw, "maximum"))
        {
          double bound = json_number_value (arg), x = json_number_value (v);
          if (json_is_number (v) && (kw[1] == 'i' ? x < bound : x > bound))
            g_string_append_printf (errs, "%s: %g out of range (%s %g)\n", path, x, kw, bound);
        }
      else if (!strcmp (kw, "minLength"))
        {
          if (json_is_string (v) && g_utf8_strlen (json_string_value (v), -1) < json_integer_value (arg))
            g_string_append_printf (errs, "%s: shorter than %" JSON_INTEGER_FORMAT " characters\n", path,
                                    json_integer_value (arg));
        }
      else if (!strcmp (kw, "pattern"))
        {
          if (json_is_string (v) && !ts_matches (json_string_value (arg), json_string_value (v)))
            g_string_append_printf (errs, "%s: \"%s\" does not match %s\n", path, json_string_value (v),
                                    json_string_value (arg));
        }
      else
        g_string_append_printf (errs, "%s: schema keyword \"%s\" unknown to this validator\n", path, kw);
    }
  if (json_is_object (v))
    ts_validate_object (root, schema, v, path, errs);
}

/* The schema at rel (inside the source tree), parsed; a new reference. */
static inline json_t *
ts_schema_load (const char *source_dir, const char *rel)
{
  g_autofree char *path = g_build_filename (source_dir, rel, NULL);
  json_error_t jerr;
  json_t *schema = json_load_file (path, 0, &jerr);
  if (!schema)
    g_error ("%s:%d: %s", path, jerr.line, jerr.text);
  return schema;
}

/* NULL when v is valid, else the violations, one per line. */
static inline char *
ts_schema_validate (json_t *schema, json_t *v)
{
  GString *errs = g_string_new (NULL);
  ts_validate (schema, schema, v, "", errs);
  if (errs->len == 0)
    {
      g_string_free (errs, TRUE);
      return NULL;
    }
  return g_string_free (errs, FALSE);
}

static inline json_t *
ts_record_schema (void)
{
  static json_t *schema;
  if (!schema)
    schema = ts_schema_load (GK_SOURCE_DIR, "docs/record.schema.json");
  return schema;
}
