/* issuer.c — see issuer.h. */
#include "issuer.h"
#include "common/gk-error.h"
#include "common/gk-text.h"
#include "common/gk-models.h"
#include <jansson.h>
#include <string.h>

#define GK_ISSUER_FILE "issuers.json"

struct GkIssuerRules {
  GPtrArray *forms;     /* char*, longest first */
  char *canonical_form;
  GHashTable *aliases;  /* label key → canonical name */
};

void
gk_issuer_rules_free (GkIssuerRules *r)
{
  if (!r)
    return;
  g_ptr_array_unref (r->forms);
  g_free (r->canonical_form);
  g_hash_table_unref (r->aliases);
  g_free (r);
}

static int
longer_first (gconstpointer a, gconstpointer b)
{
  return (int) strlen (*(char *const *) b) - (int) strlen (*(char *const *) a);
}

GkIssuerRules *
gk_issuer_rules_load (const char *models_dir, GError **error)
{
  g_autofree char *dir = models_dir ? g_strdup (models_dir) : gk_models_dir_default ();
  g_autofree char *path = g_build_filename (dir, GK_ISSUER_FILE, NULL);
  json_error_t jerr;
  json_t *root = json_load_file (path, 0, &jerr);
  if (!root || !json_is_object (root))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_TEMPLATE, "%s: %s", path, root ? "not a JSON object" : jerr.text);
      json_decref (root);
      return NULL;
    }
  GkIssuerRules *r = g_new0 (GkIssuerRules, 1);
  r->forms = g_ptr_array_new_with_free_func (g_free);
  r->aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  size_t i;
  json_t *v;
  json_array_foreach (json_object_get (root, "government_forms"), i, v)
    if (json_is_string (v) && *json_string_value (v))
      g_ptr_array_add (r->forms, gk_text_label_key (json_string_value (v)));
  g_ptr_array_sort (r->forms, longer_first);
  json_t *canon = json_object_get (root, "canonical_form");
  r->canonical_form = gk_text_label_key (json_is_string (canon) ? json_string_value (canon) : "");
  const char *k;
  json_object_foreach (json_object_get (root, "aliases"), k, v)
    if (json_is_string (v))
      g_hash_table_insert (r->aliases, gk_text_label_key (k), gk_text_label_key (json_string_value (v)));
  json_decref (root);
  return r;
}

char *
gk_issuer_key (const GkIssuerRules *r, const char *name)
{
  if (!name || !*name)
    return NULL;
  g_autofree char *key = gk_text_label_key (name);
  const char *alias = g_hash_table_lookup (r->aliases, key);
  if (alias)
    {
      g_free (key);
      key = g_strdup (alias);
    }
  for (guint i = 0; i < r->forms->len; i++)
    {
      const char *form = r->forms->pdata[i];
      gsize kl = strlen (key), fl = strlen (form);
      if (kl > fl && g_str_has_suffix (key, form))
        return g_strdup_printf ("%.*s%s", (int) (kl - fl), key, r->canonical_form);
    }
  return g_steal_pointer (&key);
}
