/* test-templates.c — the template loader (the JSON files of models/templates) on the
 * shipped models and on broken copies, and the OCR user-words made from
 * the templates' labels. */
#include "testutil.h"
#include "common/gk-error.h"
#include "templates/template.h"

/* A scratch models dir holding a copy of the tree's templates. */
static char *
copy_templates (void)
{
  g_autoptr (GError) error = NULL;
  char *models = g_dir_make_tmp ("gk-templates-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *dir = g_build_filename (models, "templates", NULL);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  const char *names[] = { "2019.json", "2021.json", "checks.json" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *rel = g_build_filename ("models", "templates", names[i], NULL);
      gsize len;
      g_autofree char *data = tu_source_contents (rel, &len);
      g_autofree char *dest = g_build_filename (dir, names[i], NULL);
      g_assert_true (g_file_set_contents (dest, data, (gssize) len, NULL));
    }
  return models;
}

static void
remove_models (const char *models)
{
  g_autofree char *dir = g_build_filename (models, "templates", NULL);
  tu_remove_flat_dir (dir);
  g_rmdir (models);
}

/* The message of loading models whose file name has been written text. */
static char *
load_error (const char *name, const char *text)
{
  g_autofree char *models = copy_templates ();
  g_autofree char *path = g_build_filename (models, "templates", name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (GkTemplateSet) set = gk_template_set_load (models, &error);
  g_assert_null (set);
  g_assert_error (error, GK_ERROR, GK_ERROR_TEMPLATE);
  g_assert_nonnull (strstr (error->message, path));   /* the file, in full */
  remove_models (models);
  return g_strdup (error->message);
}

/* The tree's 2019 template with the value at a JSON path replaced. */
static char *
template_with (const char *section_row_pattern)
{
  g_autofree char *path = tu_source_path ("models/templates/2019.json");
  json_t *root = json_load_file (path, 0, NULL);
  g_assert_nonnull (root);
  json_t *row = json_array_get (json_object_get (json_array_get (json_object_get (json_array_get (
                  json_object_get (root, "sections"), 1), "blocks"), 0), "rows"), 2);
  g_assert_nonnull (row);
  json_object_set_new (row, "pattern", json_string (section_row_pattern));
  char *s = json_dumps (root, JSON_INDENT (2));
  json_decref (root);
  return s;
}

static void
test_shipped (void)
{
  g_autofree char *models = tu_source_path ("models");
  g_autoptr (GError) error = NULL;
  g_autoptr (GkTemplateSet) set = gk_template_set_load (models, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gk_template_set_find (set, "2019"));
  g_assert_nonnull (gk_template_set_find (set, "2021"));
  g_assert_null (gk_template_set_find (set, "2008"));
  g_assert_cmpint (gk_template_set_find (set, "2021")->first_year, ==, 2021);
  g_assert_cmpstr (gk_template_key_label (set, "no.such.key"), ==, "no.such.key");
  g_assert_cmpint (gk_template_key_type (set, "active.procurement.amount_wan"), ==, GK_COLUMN_AMOUNT_WAN);
  g_assert_cmpint (gk_template_key_type (set, "active.licensing.items_change"), ==, GK_COLUMN_SIGNED);
}

static void
test_bad_json (void)
{
  g_autofree char *msg = load_error ("2021.json", "{ \"id\": \"2021\",\n  \"sections\": [ }\n");
  g_assert_nonnull (strstr (msg, "2021.json:2:"));   /* file and line */
}

static void
test_bad_pattern (void)
{
  g_autofree char *text = template_with ("(其他");
  g_autofree char *msg = load_error ("2019.json", text);
  g_assert_nonnull (strstr (msg, "$.sections[1].blocks[0].rows[2]"));   /* the JSON path */
  g_assert_nonnull (strstr (msg, "(其他"));                              /* and the pattern */
}

static void
test_missing_field (void)
{
  g_autofree char *msg = load_error ("2019.json", "{ \"id\": \"2019\", \"end_heading\": \"^五\" }");
  g_assert_nonnull (strstr (msg, "$.sections: missing or not an array"));
}

/* first_year is a year or absent: a string there is refused, not read as 0 */
static void
test_first_year_not_a_year (void)
{
  g_autofree char *msg = load_error ("2019.json", "{ \"id\": \"2019\", \"end_heading\": \"^五\", "
                                                  "\"first_year\": \"2019\", \"sections\": [] }");
  g_assert_nonnull (strstr (msg, "$.first_year: not a year"));
}

/* Every "label" of the templates' JSON, white space removed. */
static void
collect_labels (json_t *node, GHashTable *words)
{
  const char *k;
  json_t *v;
  size_t i;
  if (json_is_object (node))
    json_object_foreach (node, k, v)
      {
        if (strcmp (k, "label") == 0 && json_is_string (v))
          {
            GString *w = g_string_new (NULL);
            for (const char *p = json_string_value (v); *p; p = g_utf8_next_char (p))
              if (!g_unichar_isspace (g_utf8_get_char (p)))
                g_string_append_unichar (w, g_utf8_get_char (p));
            if (w->len)
              g_hash_table_add (words, g_string_free (w, FALSE));
            else
              g_string_free (w, TRUE);
          }
        else
          collect_labels (v, words);
      }
  else if (json_is_array (node))
    json_array_foreach (node, i, v)
      collect_labels (v, words);
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* models/ocr/labels.user-words is made from the templates by
 * scripts/ocr-user-words: a template edited without re-making it leaves
 * tesseract preferring labels no report prints. */
static void
test_user_words_current (void)
{
  g_autofree char *dir = tu_source_path ("models/templates");
  g_autoptr (GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  for (const char *name; (name = g_dir_read_name (d));)
    if (g_str_has_suffix (name, ".json"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        json_t *root = json_load_file (path, 0, NULL);
        g_assert_nonnull (root);
        collect_labels (root, words);
        json_decref (root);
      }
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter it;
  gpointer word;
  g_hash_table_iter_init (&it, words);
  while (g_hash_table_iter_next (&it, &word, NULL))
    g_ptr_array_add (sorted, word);
  g_ptr_array_sort (sorted, compare_strings);
  g_autoptr (GString) want = g_string_new (NULL);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (want, "%s\n", (char *) sorted->pdata[i]);
  gsize len;
  g_autofree char *have = tu_source_contents ("models/ocr/labels.user-words", &len);
  if (strcmp (have, want->str) != 0)
    g_test_fail_printf ("models/ocr/labels.user-words is stale: scripts/ocr-user-words > models/ocr/labels.user-words");
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_test_add_func ("/templates/shipped", test_shipped);
  g_test_add_func ("/templates/bad-json", test_bad_json);
  g_test_add_func ("/templates/bad-pattern", test_bad_pattern);
  g_test_add_func ("/templates/missing-field", test_missing_field);
  g_test_add_func ("/templates/first-year-not-a-year", test_first_year_not_a_year);
  g_test_add_func ("/templates/user-words-current", test_user_words_current);
  return g_test_run ();
}
