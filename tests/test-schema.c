/* test-schema.c — docs/record.schema.json, the record's contract for
 * downstream systems: what gongkai writes (extract's JSON and JSON lines,
 * a database's export) is valid against it, and what breaks the contract
 * (a member missing, renamed or added, a value of the wrong kind) is not.
 * test-golden validates every sample's record the same way.
 */
#include "json-schema.h"
#include "testutil.h"

static void
assert_valid (json_t *rec, const char *what)
{
  g_autofree char *violations = ts_schema_validate (ts_record_schema (), rec);
  if (violations)
    g_test_message ("%s:\n%s", what, violations);
  g_assert_null (violations);
}

/* Every line of JSON lines output is a valid record; returns how many. */
static guint
assert_lines_valid (const char *out)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;
  for (int i = 0; lines[i]; i++)
    {
      if (!*lines[i])
        continue;
      json_error_t jerr;
      json_t *rec = json_loads (lines[i], 0, &jerr);
      g_assert_nonnull (rec);
      assert_valid (rec, lines[i]);
      json_decref (rec);
      n++;
    }
  return n;
}

static void
test_cli_output_valid (void)
{
  g_autofree char *txt = tu_source_path ("samples/qinxian-2020.txt");
  g_autofree char *html = tu_source_path ("samples/jiangbei-hbt-2013.html");
  g_autofree char *pdf = tu_source_path ("samples/hexi-2022.pdf");
  g_autofree char *out = NULL;
  const char *jsonl[] = { "extract", "--format", "jsonl", txt, html, pdf, NULL };
  g_assert_cmpint (tu_run_gongkai (jsonl, &out, NULL), ==, 0);
  g_assert_cmpuint (assert_lines_valid (out), ==, 3);

  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gk-schema-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *db = g_build_filename (dir, "r.db", NULL);
  const char *batch[] = { "batch", txt, html, "--db", db, NULL };
  g_assert_cmpint (tu_run_gongkai (batch, NULL, NULL), ==, 0);
  g_autofree char *exported = NULL;
  const char *export[] = { "export", "--db", db, "--format", "jsonl", NULL };
  g_assert_cmpint (tu_run_gongkai (export, &exported, NULL), ==, 0);
  g_assert_cmpuint (assert_lines_valid (exported), ==, 2);
  tu_remove_flat_dir (dir);
}

/* A record with one thing changed by path: set (value) or removed (NULL). */
static json_t *
mutated (json_t *rec, const char *dotted, json_t *value)
{
  json_t *copy = json_deep_copy (rec);
  g_autofree char *parent_path = g_strdup (dotted);
  char *dot = strrchr (parent_path, '.');
  json_t *parent = copy;
  const char *member = dotted;
  if (dot)
    {
      *dot = '\0';
      parent = tu_json_get (copy, parent_path);
      member = dot + 1;
    }
  g_assert_nonnull (parent);
  if (json_is_array (parent))
    parent = json_array_get (parent, 0);
  if (value)
    json_object_set_new (parent, member, value);
  else
    g_assert_cmpint (json_object_del (parent, member), ==, 0);
  return copy;
}

static void
test_broken_records_refused (void)
{
  g_autoptr (GkRecord) r = tu_record_from_text ("某县2021年政府信息公开年度报告\n"
                                                 "共主动公开政府信息100条，其中，重点领域信息60条，占60%；其他信息40条，占40%。\n"
                                                 "本年度共受理政府信息公开申请3件。\n");
  json_t *rec = gk_record_to_json (r);
  assert_valid (rec, "the record as made");
  g_assert_cmpuint (json_array_size (json_object_get (rec, "checks")), >, 0);
  struct {
    const char *path;
    json_t *value;
  } breaks[] = {
    { "source.sha256", NULL },                                    /* a member missing */
    { "source.media", json_string ("scan") },                     /* not one of the media */
    { "source.file", json_null () },                              /* the member the non-UTF-8 name lost */
    { "report.year", json_string ("2021") },                      /* a number as text */
    { "data.narrative.active_total", json_string ("100条") },
    { "data.narrative.active_breakdown", json_string ("重点领域信息") },
    { "checks.status", json_string ("ok") },
    { "checks.values", json_pack ("{s:s}", "narrative.active_total", "100") },
    { "provenance.Active Total", json_object () },                /* not a canonical key */
    { "warnings", json_pack ("[{s:s}]", "code", "x") },           /* page and message missing */
    { "extra", json_true () },                                    /* an undocumented member */
    { "format_version", json_integer (2) },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (breaks); i++)
    {
      json_t *bad = mutated (rec, breaks[i].path, breaks[i].value);
      g_autofree char *violations = ts_schema_validate (ts_record_schema (), bad);
      g_test_message ("%s → %s", breaks[i].path, violations ? violations : "(valid!)");
      g_assert_nonnull (violations);
      json_decref (bad);
    }
  json_decref (rec);
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_test_add_func ("/schema/cli-output-valid", test_cli_output_valid);
  g_test_add_func ("/schema/broken-records-refused", test_broken_records_refused);
  return g_test_run ();
}
