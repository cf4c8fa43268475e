/* template.c — loading models/templates/ (every .json) and checks.json.
 *
 * Method.  Each file is parsed with jansson and checked field by field; a
 * missing field or a pattern PCRE2 rejects is an error naming the file and
 * the JSON path, because a silently half-read template would make every
 * report look like it has no tables.
 */
#include "template.h"
#include "common/gk-error.h"
#include "common/gk-json.h"
#include <string.h>

static void
column_free (GkTplColumn *c)
{
  g_free (c->key);
  g_free (c->label);
  gk_regex_free (c->pattern);
  g_free (c);
}

static void
row_free (GkTplRow *r)
{
  g_free (r->key);
  g_free (r->label);
  g_free (r->short_label);
  gk_regex_free (r->pattern);
  g_free (r);
}

static void
block_free (GkTplBlock *b)
{
  gk_regex_free (b->heading);
  g_ptr_array_unref (b->columns);
  g_ptr_array_unref (b->rows);
  g_free (b);
}

static void
section_free (GkTplSection *s)
{
  g_free (s->key);
  g_free (s->label);
  gk_regex_free (s->heading);
  g_ptr_array_unref (s->markers);
  g_ptr_array_unref (s->blocks);
  g_free (s);
}

static void
template_free (GkTemplate *t)
{
  g_free (t->id);
  g_free (t->name);
  gk_regex_free (t->end_heading);
  g_ptr_array_unref (t->sections);
  g_free (t);
}

static void
identity_free (GkIdentity *i)
{
  g_free (i->id);
  g_free (i->var);
  g_ptr_array_unref (i->over);
  g_hash_table_unref (i->labels);
  g_free (i->require);
  g_free (i->template_id);
  g_free (i->formula);
  g_free (i->title);
  g_ptr_array_unref (i->lhs);
  g_ptr_array_unref (i->rhs);
  g_ptr_array_unref (i->nonneg);
  g_free (i);
}

void
gk_template_set_free (GkTemplateSet *set)
{
  if (!set)
    return;
  g_free (set->dir);
  g_ptr_array_unref (set->templates);
  g_ptr_array_unref (set->identities);
  g_hash_table_unref (set->key_labels);
  g_hash_table_unref (set->key_types);
  g_hash_table_unref (set->row_labels);
  g_hash_table_unref (set->col_labels);
  if (set->grids)
    g_hash_table_unref (set->grids);
  g_mutex_clear (&set->grids_lock);
  g_free (set);
}

/* Reading helpers: each sets a GError naming file and path on failure. */
typedef struct {
  const char *file;
  GError **error;
} Ctx;

static const char *
get_string (Ctx *cx, json_t *obj, const char *field, const char *where, gboolean required)
{
  json_t *v = json_object_get (obj, field);
  if (v && json_is_string (v))
    return json_string_value (v);
  if (required && cx->error && !*cx->error)
    g_set_error (cx->error, GK_ERROR, GK_ERROR_TEMPLATE,
                 "%s: %s.%s: missing or not a string", cx->file, where, field);
  return NULL;
}

static json_t *
get_array (Ctx *cx, json_t *obj, const char *field, const char *where, gboolean required)
{
  json_t *v = json_object_get (obj, field);
  if (v && json_is_array (v))
    return v;
  if (required && cx->error && !*cx->error)
    g_set_error (cx->error, GK_ERROR, GK_ERROR_TEMPLATE,
                 "%s: %s.%s: missing or not an array", cx->file, where, field);
  return NULL;
}

static int
get_year (Ctx *cx, json_t *obj, const char *field, const char *where)
{
  json_t *v = json_object_get (obj, field);
  if (!v)
    return 0;
  if (json_is_integer (v) && json_integer_value (v) >= 1900 && json_integer_value (v) <= 9999)
    return (int) json_integer_value (v);
  if (cx->error && !*cx->error)
    g_set_error (cx->error, GK_ERROR, GK_ERROR_TEMPLATE,
                 "%s: %s.%s: not a year", cx->file, where, field);
  return 0;
}

static GkRegex *
compile (Ctx *cx, const char *pattern, const char *where)
{
  if (!pattern)
    return NULL;
  g_autoptr (GError) local = NULL;
  GkRegex *re = gk_regex_new (pattern, &local);
  if (!re && cx->error && !*cx->error)
    g_set_error (cx->error, GK_ERROR, GK_ERROR_TEMPLATE, "%s: %s: %s", cx->file, where, local->message);
  return re;
}

static gboolean
parse_type (Ctx *cx, const char *s, GkColumnType *out, const char *where)
{
  if (!s || strcmp (s, "count") == 0)
    *out = GK_COLUMN_COUNT;
  else if (strcmp (s, "signed") == 0)
    *out = GK_COLUMN_SIGNED;
  else if (strcmp (s, "amount_wan") == 0)
    *out = GK_COLUMN_AMOUNT_WAN;
  else
    {
      g_set_error (cx->error, GK_ERROR, GK_ERROR_TEMPLATE, "%s: %s: unknown column type “%s”", cx->file, where, s);
      return FALSE;
    }
  return TRUE;
}

static GkTplBlock *
parse_block (Ctx *cx, json_t *jb, const char *where)
{
  GkTplBlock *b = g_new0 (GkTplBlock, 1);
  b->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  const char *heading = get_string (cx, jb, "heading", where, FALSE);
  if (heading)
    b->heading = compile (cx, heading, where);
  json_t *cols = get_array (cx, jb, "columns", where, TRUE);
  json_t *rows = get_array (cx, jb, "rows", where, TRUE);
  size_t i;
  json_t *v;
  json_array_foreach (cols, i, v)
    {
      g_autofree char *w = g_strdup_printf ("%s.columns[%zu]", where, i);
      GkTplColumn *c = g_new0 (GkTplColumn, 1);
      g_ptr_array_add (b->columns, c);
      c->key = g_strdup (get_string (cx, v, "key", w, TRUE));
      c->label = g_strdup (get_string (cx, v, "label", w, TRUE));
      const char *pat = get_string (cx, v, "pattern", w, FALSE);
      c->pattern = compile (cx, pat, w);
      if (!parse_type (cx, get_string (cx, v, "type", w, FALSE), &c->type, w))
        break;
    }
  json_array_foreach (rows, i, v)
    {
      g_autofree char *w = g_strdup_printf ("%s.rows[%zu]", where, i);
      GkTplRow *r = g_new0 (GkTplRow, 1);
      g_ptr_array_add (b->rows, r);
      r->key = g_strdup (get_string (cx, v, "key", w, TRUE));
      r->label = g_strdup (get_string (cx, v, "label", w, TRUE));
      const char *sh = get_string (cx, v, "short", w, FALSE);
      r->short_label = g_strdup (sh ? sh : r->label);
      r->pattern = compile (cx, get_string (cx, v, "pattern", w, TRUE), w);
      const char *role = get_string (cx, v, "role", w, FALSE);
      r->outcome = role && strcmp (role, "outcome") == 0;
    }
  if (cx->error && *cx->error)
    {
      block_free (b);
      return NULL;
    }
  return b;
}

/* Every {var} of tmpl, left to right, replaced by value (NULL: nothing), in
 * one pass: grids are built from their templates' keys many times a
 * report, a few thousand substitutions. */
char *
gk_template_subst (const char *tmpl, const char *var, const char *value)
{
  gsize var_len = strlen (var);
  GString *out = g_string_sized_new (strlen (tmpl) + 16);
  const char *from = tmpl;
  for (const char *brace = strchr (from, '{'); brace; brace = strchr (from, '{'))
    {
      gboolean named = strncmp (brace + 1, var, var_len) == 0 && brace[1 + var_len] == '}';
      g_string_append_len (out, from, named ? brace - from : brace + 1 - from);
      if (named && value)
        g_string_append (out, value);
      from = named ? brace + var_len + 2 : brace + 1;
    }
  g_string_append (out, from);
  return g_string_free (out, FALSE);
}

char *
gk_template_key (const GkTplSection *section, const GkTplRow *row, const GkTplColumn *column)
{
  if (row->key[0] == '\0')
    return g_strdup_printf ("%s.%s", section->key, column->key);
  return g_strdup_printf ("%s.%s.%s", section->key, row->key, column->key);
}

static void
index_keys (GkTemplateSet *set, const GkTemplate *t)
{
  for (guint s = 0; s < t->sections->len; s++)
    {
      GkTplSection *sec = t->sections->pdata[s];
      for (guint b = 0; b < sec->blocks->len; b++)
        {
          GkTplBlock *blk = sec->blocks->pdata[b];
          for (guint r = 0; r < blk->rows->len; r++)
            for (guint c = 0; c < blk->columns->len; c++)
              {
                GkTplRow *row = blk->rows->pdata[r];
                GkTplColumn *col = blk->columns->pdata[c];
                char *rk = g_strdup_printf ("%s.%s", sec->key, row->key);
                if (!g_hash_table_contains (set->row_labels, rk))
                  g_hash_table_insert (set->row_labels, rk, g_strdup (row->short_label));
                else
                  g_free (rk);
                char *ck = g_strdup_printf ("%s.%s", sec->key, col->key);
                if (!g_hash_table_contains (set->col_labels, ck))
                  g_hash_table_insert (set->col_labels, ck, g_strdup (col->label));
                else
                  g_free (ck);
                char *key = gk_template_key (sec, row, col);
                char *label = row->key[0]
                  ? g_strdup_printf ("%s（%s）", row->short_label, col->label)
                  : g_strdup (col->label);
                if (!g_hash_table_contains (set->key_labels, key))
                  {
                    g_hash_table_insert (set->key_types, g_strdup (key), GINT_TO_POINTER (col->type + 1));
                    g_hash_table_insert (set->key_labels, key, label);
                  }
                else
                  {
                    g_free (key);
                    g_free (label);
                  }
              }
        }
    }
}

static GkTemplate *
parse_template (Ctx *cx, json_t *root)
{
  GkTemplate *t = g_new0 (GkTemplate, 1);
  t->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  t->id = g_strdup (get_string (cx, root, "id", "$", TRUE));
  t->name = g_strdup (get_string (cx, root, "name", "$", FALSE));
  t->end_heading = compile (cx, get_string (cx, root, "end_heading", "$", TRUE), "$.end_heading");
  t->first_year = get_year (cx, root, "first_year", "$");
  json_t *sections = get_array (cx, root, "sections", "$", TRUE);
  size_t i;
  json_t *js;
  json_array_foreach (sections, i, js)
    {
      g_autofree char *w = g_strdup_printf ("$.sections[%zu]", i);
      GkTplSection *s = g_new0 (GkTplSection, 1);
      g_ptr_array_add (t->sections, s);
      s->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_regex_free);
      s->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
      s->key = g_strdup (get_string (cx, js, "key", w, TRUE));
      const char *label = get_string (cx, js, "label", w, FALSE);
      s->label = g_strdup (label ? label : s->key);
      s->heading = compile (cx, get_string (cx, js, "heading", w, TRUE), w);
      json_t *markers = get_array (cx, js, "markers", w, FALSE);
      size_t k;
      json_t *m;
      json_array_foreach (markers, k, m)
        if (json_is_string (m))
          {
            GkRegex *re = compile (cx, json_string_value (m), w);
            if (re)
              g_ptr_array_add (s->markers, re);
          }
      json_t *blocks = get_array (cx, js, "blocks", w, TRUE);
      json_t *jb;
      json_array_foreach (blocks, k, jb)
        {
          g_autofree char *wb = g_strdup_printf ("%s.blocks[%zu]", w, k);
          GkTplBlock *b = parse_block (cx, jb, wb);
          if (!b)
            break;
          g_ptr_array_add (s->blocks, b);
        }
      if (*cx->error)
        break;
    }
  if (*cx->error)
    {
      template_free (t);
      return NULL;
    }
  return t;
}

static GPtrArray *
string_list (Ctx *cx, json_t *obj, const char *field, const char *where, gboolean required)
{
  return gk_json_strings (get_array (cx, obj, field, where, required));
}

static gboolean
parse_identities (Ctx *cx, json_t *root, GPtrArray *out, GHashTable *key_labels)
{
  json_t *ids = get_array (cx, root, "identities", "$", TRUE);
  size_t i;
  json_t *ji;
  json_array_foreach (ids, i, ji)
    {
      g_autofree char *w = g_strdup_printf ("$.identities[%zu]", i);
      GkIdentity *id = g_new0 (GkIdentity, 1);
      g_ptr_array_add (out, id);
      id->id = g_strdup (get_string (cx, ji, "id", w, TRUE));
      id->formula = g_strdup (get_string (cx, ji, "formula", w, TRUE));
      id->title = g_strdup (get_string (cx, ji, "title", w, TRUE));
      id->require = g_strdup (get_string (cx, ji, "require", w, FALSE));
      id->template_id = g_strdup (get_string (cx, ji, "template", w, FALSE));
      const char *rel = get_string (cx, ji, "relation", w, TRUE);
      id->relation = rel && strcmp (rel, "<=") == 0 ? GK_RELATION_LE : GK_RELATION_EQ;
      id->lhs = string_list (cx, ji, "lhs", w, TRUE);
      id->rhs = string_list (cx, ji, "rhs", w, TRUE);
      id->nonneg = string_list (cx, ji, "nonneg", w, FALSE);
      const char *absent = get_string (cx, ji, "absent", w, FALSE);
      id->absent_as_zero = absent && strcmp (absent, "zero") == 0;
      /* labels of operands no template names (prose figures), for messages */
      const char *kk;
      json_t *kv;
      json_object_foreach (json_object_get (ji, "key_labels"), kk, kv)
        if (json_is_string (kv) && !g_hash_table_contains (key_labels, kk))
          g_hash_table_insert (key_labels, g_strdup (kk), g_strdup (json_string_value (kv)));
      id->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      json_t *over = json_object_get (ji, "over");
      const char *var;
      json_t *vals;
      id->over = g_ptr_array_new_with_free_func (g_free);
      json_object_foreach (over, var, vals)
        {
          id->var = g_strdup (var);
          g_ptr_array_unref (id->over);
          id->over = string_list (cx, over, var, w, TRUE);
          break;
        }
      if (!id->var && !*cx->error)
        g_set_error (cx->error, GK_ERROR, GK_ERROR_TEMPLATE, "%s: %s.over: missing", cx->file, w);
      json_t *labels = json_object_get (ji, "labels");
      const char *lk;
      json_t *lv;
      json_object_foreach (labels, lk, lv)
        if (json_is_string (lv))
          g_hash_table_insert (id->labels, g_strdup (lk), g_strdup (json_string_value (lv)));
      if (*cx->error)
        return FALSE;
    }
  return TRUE;
}

static json_t *
load_json (const char *path, GError **error)
{
  json_error_t jerr;
  json_t *root = json_load_file (path, 0, &jerr);
  if (!root)
    g_set_error (error, GK_ERROR, GK_ERROR_TEMPLATE, "%s:%d: %s", path, jerr.line, jerr.text);
  return root;
}

static int
compare_templates (gconstpointer a, gconstpointer b)
{
  const GkTemplate *ta = *(GkTemplate *const *) a, *tb = *(GkTemplate *const *) b;
  return strcmp (ta->id, tb->id);
}

static GkTemplateSet *template_set_load (const char *models_dir, GError **error);

GkTemplateSet *
gk_template_set_load (const char *models_dir, GError **error)
{
  /* the readers test *error to stop early: give them a real one whatever the caller passed */
  GError *local = NULL;
  GkTemplateSet *set = template_set_load (models_dir, &local);
  if (local)
    g_propagate_error (error, local);
  return set;
}

static GkTemplateSet *
template_set_load (const char *models_dir, GError **error)
{
  g_autofree char *dir = g_build_filename (models_dir, "templates", NULL);
  g_autoptr (GError) local = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &local);
  if (!d)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_TEMPLATE, "cannot read templates: %s", local->message);
      return NULL;
    }
  g_autoptr (GkTemplateSet) set = g_new0 (GkTemplateSet, 1);
  g_mutex_init (&set->grids_lock);
  set->dir = g_strdup (models_dir);
  set->templates = g_ptr_array_new_with_free_func ((GDestroyNotify) template_free);
  set->identities = g_ptr_array_new_with_free_func ((GDestroyNotify) identity_free);
  set->key_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  set->key_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->row_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  set->col_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *name;
  gboolean have_checks = FALSE;
  while ((name = g_dir_read_name (d)))
    {
      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_autofree char *path = g_build_filename (dir, name, NULL);
      json_t *root = load_json (path, error);
      if (!root)
        return NULL;
      Ctx cx = { path, error };
      gboolean ok;
      if (strcmp (name, "checks.json") == 0)
        {
          ok = parse_identities (&cx, root, set->identities, set->key_labels);
          have_checks = TRUE;
        }
      else
        {
          GkTemplate *t = parse_template (&cx, root);
          ok = t != NULL;
          if (t)
            g_ptr_array_add (set->templates, t);
        }
      json_decref (root);
      if (!ok)
        return NULL;
    }
  if (set->templates->len == 0 || !have_checks)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_TEMPLATE,
                   "%s: no templates or no checks.json found", dir);
      return NULL;
    }
  g_ptr_array_sort (set->templates, compare_templates);
  for (guint i = 0; i < set->templates->len; i++)
    index_keys (set, set->templates->pdata[i]);
  return g_steal_pointer (&set);
}

const GkTemplate *
gk_template_set_find (const GkTemplateSet *set, const char *id)
{
  for (guint i = 0; i < set->templates->len; i++)
    {
      GkTemplate *t = set->templates->pdata[i];
      if (strcmp (t->id, id) == 0)
        return t;
    }
  return NULL;
}

const char *
gk_template_key_label (const GkTemplateSet *set, const char *key)
{
  const char *l = g_hash_table_lookup (set->key_labels, key);
  return l ? l : key;
}

GkColumnType
gk_template_key_type (const GkTemplateSet *set, const char *key)
{
  gpointer p = g_hash_table_lookup (set->key_types, key);
  return p ? (GkColumnType) (GPOINTER_TO_INT (p) - 1) : GK_COLUMN_COUNT;
}

const char *
gk_template_row_label (const GkTemplateSet *set, const char *section_row)
{
  return g_hash_table_lookup (set->row_labels, section_row);
}

const char *
gk_template_column_label (const GkTemplateSet *set, const char *section_column)
{
  return g_hash_table_lookup (set->col_labels, section_column);
}
