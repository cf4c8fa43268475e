/* test-review.c — the audit view on a database: review decisions (stored
 * by sha256 + check id, surviving re-extraction, shown on the page), how a
 * report is named, the year-over-year comparison on the three-year qinxian
 * series (one planted cross-year mismatch), and the commands end to end.
 */
#include <glib/gstdio.h>
#include "testutil.h"
#include "audit/audit-compare.h"
#include "audit/audit-db.h"
#include "audit/audit-html.h"
#include "common/gk-error.h"
#include "store/series.h"

#define QINXIAN_SHA "54b7ddf70945fff048bcaff806dde92ae9a08e754d61c2cfa46cc48ab4f602aa"

static const char *const series[] = {
  "samples/qinxian-2019-synthetic.txt", "samples/qinxian-2020.txt", "samples/qinxian-2021-synthetic.txt",
};

static char *scratch;

static void
store (GkSqlite *db, const char *rel)
{
  g_autofree char *path = tu_source_path (rel);
  g_autoptr (GError) error = NULL;
  g_autoptr (GkRecord) r = gk_pipeline_extract (tu_pipeline (), path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gk_sqlite_write_record (db, r, &error));
}

/* A fresh database holding the qinxian series with cross-year checks. */
static char *
series_db (const char *name)
{
  char *path = g_build_filename (scratch, name, NULL);
  g_autofree char *models = tu_source_path ("models");
  g_autoptr (GError) error = NULL;
  g_autoptr (GkSqlite) db = gk_sqlite_open (path, models, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    store (db, series[i]);
  g_assert_true (gk_sqlite_cross_year (db, NULL, &error));
  return path;
}

static GkAuditDb *
open_audit_db (const char *path, gboolean writable)
{
  g_autoptr (GError) error = NULL;
  GkAuditDb *db = gk_audit_db_open (path, writable, &error);
  g_assert_no_error (error);
  return db;
}

static GkAuditReport *
report_with_sha (GPtrArray *reports, const char *sha)
{
  for (guint i = 0; i < reports->len; i++)
    {
      GkAuditReport *r = reports->pdata[i];
      if (g_strcmp0 (json_string_value (json_object_get (json_object_get (r->record, "source"), "sha256")), sha) == 0)
        return r;
    }
  return NULL;
}

static void
test_resolve (void)
{
  g_autofree char *path = series_db ("resolve.db");
  g_autoptr (GkAuditDb) db = open_audit_db (path, FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree char *file = tu_source_path ("samples/qinxian-2020.txt");
  /* a file on disk: by content */
  g_autofree char *a = gk_audit_db_resolve (db, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, QINXIAN_SHA);
  /* a prefix, any case */
  g_autofree char *b = gk_audit_db_resolve (db, "54B7DDF7", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b, ==, QINXIAN_SHA);
  /* the stored path, when the file is gone from there */
  {
    g_autofree char *copy = g_build_filename (scratch, "moved-away.txt", NULL);
    g_autofree char *text = NULL;
    gsize len;
    g_autofree char *orig = tu_source_path ("samples/linchuan-2022.txt");
    g_assert_true (g_file_get_contents (orig, &text, &len, NULL));
    g_assert_true (g_file_set_contents (copy, text, (gssize) len, NULL));
    g_autofree char *models = tu_source_path ("models");
    g_autoptr (GkSqlite) w = gk_sqlite_open (path, models, &error);
    g_assert_no_error (error);
    g_autoptr (GkRecord) r = gk_pipeline_extract (tu_pipeline (), copy, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (gk_sqlite_write_record (w, r, &error));
    g_remove (copy);
    g_autofree char *c = gk_audit_db_resolve (db, copy, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (c, ==, r->sha256);
  }
  /* too short, unknown, or a file that was never read */
  g_assert_null (gk_audit_db_resolve (db, "54b7d", &error));
  g_assert_error (error, GK_ERROR, GK_ERROR_USAGE);
  g_clear_error (&error);
  g_assert_null (gk_audit_db_resolve (db, "ffffffffff", &error));
  g_assert_nonnull (strstr (error->message, "no report"));
  g_clear_error (&error);
  g_autofree char *other = tu_source_path ("samples/qiaotou-2022.txt");
  g_assert_null (gk_audit_db_resolve (db, other, &error));
  g_assert_nonnull (strstr (error->message, "is not in the database"));
}

static void
test_decisions_survive_reextraction (void)
{
  g_autofree char *path = series_db ("review.db");
  {
    g_autoptr (GkAuditDb) db = open_audit_db (path, TRUE);
    g_autoptr (GError) error = NULL;
    g_assert_true (gk_audit_db_review (db, QINXIAN_SHA, "narrative.percent_sum", "confirmed", "先确认", &error));
    /* a second decision on the same finding replaces the first */
    g_assert_true (gk_audit_db_review (db, QINXIAN_SHA, "narrative.percent_sum", "dismissed", "四舍五入所致", &error));
    g_assert_true (gk_audit_db_review (db, QINXIAN_SHA, "narrative.percent.3", "confirmed", "19/8827=0.22%", &error));
    /* refused: a check the report does not have, no reason, no such decision */
    g_assert_false (gk_audit_db_review (db, QINXIAN_SHA, "narrative.percent.9", "confirmed", "x", &error));
    g_assert_nonnull (strstr (error->message, "has no check"));
    g_clear_error (&error);
    g_assert_false (gk_audit_db_review (db, QINXIAN_SHA, "narrative.percent.3", "confirmed", " ", &error));
    g_assert_nonnull (strstr (error->message, "needs a reason"));
    g_clear_error (&error);
    g_assert_false (gk_audit_db_review (db, QINXIAN_SHA, "narrative.percent.3", "maybe", "x", &error));
    g_assert_error (error, GK_ERROR, GK_ERROR_USAGE);
  }
  {
    /* re-extraction replaces the report's rows */
    g_autofree char *models = tu_source_path ("models");
    g_autoptr (GError) error = NULL;
    g_autoptr (GkSqlite) db = gk_sqlite_open (path, models, &error);
    g_assert_no_error (error);
    store (db, "samples/qinxian-2020.txt");
  }
  g_autoptr (GkAuditDb) db = open_audit_db (path, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = gk_audit_db_reports (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 3);
  GkAuditReport *rep = report_with_sha (reports, QINXIAN_SHA);
  g_assert_nonnull (rep);
  g_assert_cmpuint (rep->reviews->len, ==, 2);
  g_autoptr (GPtrArray) page_reports = g_ptr_array_new ();
  g_ptr_array_add (page_reports, rep);
  g_autofree char *html = gk_audit_html (gk_pipeline_templates (tu_pipeline ()), page_reports, NULL, GK_AUDIT_CROPS_NONE, "t");
  /* the finding carries its decision; the other decision is gone */
  const char *li = strstr (html, "id=\"r1-f-narrative.percent_sum\"");
  g_assert_nonnull (li);
  g_assert_true (g_strrstr_len (html, li - html, "<li class=\"finding dismissed\"") != NULL);
  g_assert_nonnull (strstr (li, "已驳回（dismissed）：四舍五入所致"));
  g_assert_null (strstr (html, "先确认"));
  g_assert_nonnull (strstr (html, "已确认（confirmed）：19/8827=0.22%"));
  /* summary: two of three failing checks reviewed */
  g_assert_nonnull (strstr (html, "<td class=\"num bad\" data-sort=\"3\">3</td>"));
  g_assert_nonnull (strstr (html, "<td class=\"num\" data-sort=\"2\">2</td><td>"));
}

static void
test_not_a_database (void)
{
  g_autofree char *path = g_build_filename (scratch, "plain.db", NULL);
  g_assert_true (g_file_set_contents (path, "not sqlite at all", -1, NULL));
  g_autoptr (GError) error = NULL;
  g_assert_null (gk_audit_db_open (path, FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_autofree char *missing = g_build_filename (scratch, "missing.db", NULL);
  g_assert_null (gk_audit_db_open (missing, FALSE, &error));
  g_assert_error (error, GK_ERROR, GK_ERROR_IO);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));   /* never created */
}

static void
test_compare_series (void)
{
  g_autofree char *path = series_db ("compare.db");
  g_autoptr (GkAuditDb) db = open_audit_db (path, FALSE);
  g_autoptr (GError) error = NULL;
  /* the issuer prints its name three ways; the issuer key joins them */
  g_autoptr (GPtrArray) s = gk_audit_db_series (db, "沁县人民政府", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->len, ==, 3);
  const GkTemplateSet *set = gk_pipeline_templates (tu_pipeline ());
  g_autofree char *html = gk_audit_compare_html (set, s, "沁县人民政府");
  /* the planted mismatch: 2019 penalty items 1300 + 50 ≠ 2020's 1351 */
  g_assert_nonnull (strstr (html, "cross_year.items.penalty"));
  g_assert_nonnull (strstr (html, "不符，相差1"));
  g_assert_nonnull (strstr (html, "<td class=\"num cross-fail\" data-k=\"active.penalty.items_prev_year@2019\">1300</td>"));
  g_assert_nonnull (strstr (html, "<td class=\"num changed cross-fail\" data-k=\"active.penalty.items_prev_year@2020\">1351</td>"));
  /* passing cross-year pairs are marked as such, a change without a check just as a change */
  g_assert_nonnull (strstr (html, "data-k=\"active.licensing.items_prev_year@2020\">117</td>"));
  g_assert_nonnull (strstr (html, "<td class=\"num changed\" data-k=\"active.licensing.decisions@2021\">3100</td>"));
  /* a key the 2021 template does not have is empty, not a change */
  g_assert_nonnull (strstr (html, "data-k=\"active.fees.items_change@2020\">-2</td><td class=\"absent\"></td>"));

  g_autofree char *csv = gk_audit_compare_csv (set, s);
  g_assert_true (g_str_has_prefix (csv, "key,label,2019,2020,2021\n"));
  g_assert_nonnull (strstr (csv, "\nactive.penalty.items_prev_year,行政处罚（上一年项目数量）,1300,1351,\n"));
  g_assert_nonnull (strstr (csv, "\nactive.licensing.decisions,行政许可（处理决定数量）,3010,3208,3100\n"));

  g_assert_null (gk_audit_db_series (db, "不存在的机关", &error));
  g_assert_error (error, GK_ERROR, GK_ERROR_USAGE);
}

/* ---- the commands ---- */

static int
run (const char *const *args, char **err)
{
  return tu_run_gongkai (args, NULL, err);
}

static void
test_commands (void)
{
  g_autofree char *db = series_db ("cli.db");
  g_autofree char *sample = tu_source_path ("samples/qinxian-2020.txt");
  g_autofree char *page = g_build_filename (scratch, "audit.html", NULL);
  g_autofree char *csv = g_build_filename (scratch, "compare.csv", NULL);
  char *err = NULL;

  const char *review[] = { "review", "--db", db, sample, "narrative.percent_sum", "--dismiss", "四舍五入所致", NULL };
  g_assert_cmpint (run (review, &err), ==, 0);
  g_free (err);
  const char *bad_check[] = { "review", "--db", db, "54b7ddf7", "no.such.check", "--confirm", "x", NULL };
  g_assert_cmpint (run (bad_check, &err), ==, 2);
  g_assert_nonnull (strstr (err, "has no check “no.such.check”"));
  g_free (err);
  const char *both[] = { "review", "--db", db, "54b7ddf7", "narrative.percent.3", "--confirm", "x", "--dismiss", "y", NULL };
  g_assert_cmpint (run (both, &err), ==, 2);
  g_free (err);

  /* the page from the database shows the decision; a missing input file is
   * reported (exit 1) and the page is still written with the rest */
  g_autofree char *gone = g_build_filename (scratch, "gone.txt", NULL);
  const char *audit[] = { "audit", "--db", db, "--issuer", "沁县人民政府", gone, "-o", page, NULL };
  g_assert_cmpint (run (audit, &err), ==, 1);
  g_assert_nonnull (strstr (err, "gone.txt"));
  g_free (err);
  g_autofree char *html = NULL;
  g_assert_true (g_file_get_contents (page, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "3 份报告"));
  /* the page says what it leaves out */
  g_assert_nonnull (strstr (html, "未能读取的文件（1），未列入审核"));
  g_assert_nonnull (strstr (html, "gone.txt</td>"));
  g_assert_nonnull (strstr (html, "已驳回（dismissed）：四舍五入所致"));
  /* the stored path is reopened for the evidence: source lines of the 2020 report */
  g_assert_nonnull (strstr (html, "<span class=\"ln cur\">57</span>"));
  /* cross-year findings of the database are findings of the later report */
  g_assert_nonnull (strstr (html, "id=\"r2-f-cross_year.items.penalty\""));
  /* both years' items_prev_year are operands: the word stays without a number */
  g_assert_nonnull (strstr (html, "items_prev_year + items_change<b>[50]</b> (previous year) = items_prev_year (this year)"));

  /* relative stored paths are read from --root; stored failures are listed */
  {
    g_autofree char *rel_db = g_build_filename (scratch, "relative.db", NULL);
    g_autofree char *models = tu_source_path ("models");
    g_autoptr (GError) error = NULL;
    g_autoptr (GkSqlite) w = gk_sqlite_open (rel_db, models, &error);
    g_assert_no_error (error);
    g_autoptr (GkRecord) r = gk_pipeline_extract (tu_pipeline (), sample, NULL, &error);
    g_assert_no_error (error);
    g_free (r->file);
    r->file = g_strdup ("qinxian-2020.txt");   /* as a batch run inside samples/ stores it */
    g_assert_true (gk_sqlite_write_record (w, r, &error));
    g_assert_true (gk_sqlite_write_failure (w, "broken.pdf", NULL, "damaged PDF: no xref", &error));
    const char *rooted[] = { "audit", "--db", rel_db, "--root", GK_SOURCE_DIR "/samples", "-o", page, NULL };
    g_assert_cmpint (run (rooted, &err), ==, 0);
    g_free (err);
    g_autofree char *text = NULL;
    g_assert_true (g_file_get_contents (page, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "<span class=\"ln cur\">57</span>"));
    g_assert_nonnull (strstr (text, "<tr><td>broken.pdf</td><td>damaged PDF: no xref</td></tr>"));
  }

  const char *bad_crops[] = { "audit", sample, "--crops", "some", "-o", page, NULL };
  g_assert_cmpint (run (bad_crops, &err), ==, 2);
  g_free (err);
  const char *no_out[] = { "audit", sample, NULL };
  g_assert_cmpint (run (no_out, &err), ==, 2);
  g_free (err);

  const char *compare[] = { "compare", "--db", db, "沁县人民政府", "--format", "csv", "-o", csv, NULL };
  g_assert_cmpint (run (compare, &err), ==, 0);
  g_free (err);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "key,label,2019,2020,2021\n"));
  const char *unknown[] = { "compare", "--db", db, "没有这个机关", NULL };
  g_assert_cmpint (run (unknown, &err), ==, 2);
  g_free (err);
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_autoptr (GError) error = NULL;
  scratch = g_dir_make_tmp ("gk-review-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/review/resolve", test_resolve);
  g_test_add_func ("/review/decisions-survive-reextraction", test_decisions_survive_reextraction);
  g_test_add_func ("/review/not-a-database", test_not_a_database);
  g_test_add_func ("/review/compare-series", test_compare_series);
  g_test_add_func ("/review/commands", test_commands);
  int rc = g_test_run ();
  const char *rm[] = { "rm", "-rf", scratch, NULL };
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (scratch);
  return rc;
}
