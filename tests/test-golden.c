/* test-golden.c — every samples/NAME.expected.json against what gongkai
 * reads from samples/NAME.{pdf,txt,html}: all true values exact, the
 * report metadata right, the failing checks exactly those expected and
 * every other check passing (or skipped where the truth says so), and the
 * whole record valid against docs/record.schema.json.
 *
 * Adding a sample is adding a test: drop the report and its truth in samples/.
 */
#include <math.h>
#include "json-schema.h"
#include "testutil.h"

static const char *const input_exts[] = { ".pdf", ".txt", ".html", ".htm", NULL };

static gboolean
json_values_equal (json_t *got, json_t *want)
{
  if (json_is_number (want) && json_is_number (got))
    {
      double a = json_number_value (got), b = json_number_value (want);
      return fabs (a - b) <= 1e-9 * MAX (1.0, fabs (b));
    }
  if (json_is_array (want) && json_is_array (got))
    {
      if (json_array_size (want) != json_array_size (got))
        return FALSE;
      for (size_t i = 0; i < json_array_size (want); i++)
        if (!json_values_equal (json_array_get (got, i), json_array_get (want, i)))
          return FALSE;
      return TRUE;
    }
  if (json_is_object (want) && json_is_object (got))
    {
      const char *k;
      json_t *v;
      json_object_foreach (want, k, v)
        if (!json_values_equal (json_object_get (got, k), v))
          return FALSE;
      return TRUE;
    }
  return got && json_equal (got, want);
}

static gboolean
in_list (json_t *list, const char *id)
{
  size_t i;
  json_t *v;
  json_array_foreach (list, i, v)
    if (json_is_string (v) && strcmp (json_string_value (v), id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_sample (gconstpointer data)
{
  const char *truth_path = data;
  json_error_t jerr;
  json_t *truth = json_load_file (truth_path, 0, &jerr);
  g_assert_nonnull (truth);
  g_autofree char *stem = g_strndup (truth_path, strlen (truth_path) - strlen (".expected.json"));
  g_autofree char *input = NULL;
  for (int i = 0; input_exts[i] && !input; i++)
    {
      char *cand = g_strconcat (stem, input_exts[i], NULL);
      if (g_file_test (cand, G_FILE_TEST_IS_REGULAR))
        input = cand;
      else
        g_free (cand);
    }
  if (!input)
    {
      g_test_skip ("no input file beside the truth");
      json_decref (truth);
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (GkRecord) rec = gk_pipeline_extract (tu_pipeline (), input, NULL, &error);
  g_assert_no_error (error);
  json_t *out = gk_record_to_json (rec);
  json_t *data_out = json_object_get (out, "data");

  int wrong = 0, total = 0;
  const char *key;
  json_t *want;
  json_object_foreach (json_object_get (truth, "values"), key, want)
    {
      total++;
      json_t *got = tu_json_get (data_out, key);
      if (!json_values_equal (got, want))
        {
          g_autofree char *gs = got ? json_dumps (got, JSON_ENCODE_ANY | JSON_COMPACT) : g_strdup ("(absent)");
          g_autofree char *ws = json_dumps (want, JSON_ENCODE_ANY | JSON_COMPACT);
          g_test_message ("%s: %s = %s, expected %s", input, key, gs, ws);
          wrong++;
        }
    }
  json_t *report_want = json_object_get (truth, "report");
  json_object_foreach (report_want, key, want)
    {
      json_t *got = json_object_get (json_object_get (out, "report"), key);
      if (!json_values_equal (got, want))
        {
          g_autofree char *gs = got ? json_dumps (got, JSON_ENCODE_ANY) : g_strdup ("(absent)");
          g_test_message ("%s: report.%s = %s", input, key, gs);
          wrong++;
        }
    }
  json_t *failing = json_object_get (truth, "failing_checks");
  json_t *skipped_ok = json_object_get (truth, "skipped_checks");
  size_t i;
  json_t *c;
  int bad_checks = 0;
  json_array_foreach (json_object_get (out, "checks"), i, c)
    {
      const char *id = json_string_value (json_object_get (c, "id"));
      const char *status = json_string_value (json_object_get (c, "status"));
      const char *should = in_list (failing, id) ? "fail" : in_list (skipped_ok, id) ? "skipped" : "pass";
      if (strcmp (status, should) != 0)
        {
          g_test_message ("%s: check %s is %s, expected %s: %s", input, id, status, should,
                          json_string_value (json_object_get (c, "message")));
          bad_checks++;
        }
    }
  json_t *f;
  json_array_foreach (failing, i, f)
    {
      gboolean found = FALSE;
      size_t k;
      json_array_foreach (json_object_get (out, "checks"), k, c)
        found |= strcmp (json_string_value (json_object_get (c, "id")), json_string_value (f)) == 0;
      if (!found)
        {
          g_test_message ("%s: expected failing check %s was not run", input, json_string_value (f));
          bad_checks++;
        }
    }
  g_test_message ("%s: %d/%d values exact, %d check mismatches", input, total - wrong, total, bad_checks);
  g_autofree char *violations = ts_schema_validate (ts_record_schema (), out);
  if (violations)
    g_test_message ("%s: not valid against docs/record.schema.json:\n%s", input, violations);
  g_assert_null (violations);
  json_decref (out);
  json_decref (truth);
  g_assert_cmpint (wrong, ==, 0);
  g_assert_cmpint (bad_checks, ==, 0);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_autofree char *dir = tu_source_path ("samples");
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".expected.json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = names->pdata[i];
      g_autofree char *test_name = g_strdup_printf ("/golden/%.*s", (int) (strlen (n) - strlen (".expected.json")), n);
      g_test_add_data_func_full (test_name, g_build_filename (dir, n, NULL), test_sample, g_free);
    }
  return g_test_run ();
}
