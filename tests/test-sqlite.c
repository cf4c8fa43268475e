/* test-sqlite.c — the SQLite export (schema, replace on re-run, failures,
 * export), issuer keys, cross-year checks on the three-year qinxian series
 * (one planted mismatch: found, nothing else flagged), and shard merging
 * (idempotent, and equal to one database holding everything).
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include "testutil.h"
#include "check/cross-year.h"
#include "common/gk-error.h"
#include "export/export-csv.h"
#include "store/db.h"
#include "store/merge.h"
#include "store/series.h"
#include "issuer/issuer.h"

static const char *const series[] = {
  "samples/qinxian-2019-synthetic.txt", "samples/qinxian-2020.txt", "samples/qinxian-2021-synthetic.txt",
};

static char *
tmp_db (const char *name)
{
  static char *dir;
  if (!dir)
    {
      g_autoptr (GError) error = NULL;
      dir = g_dir_make_tmp ("gk-sqlite-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return g_build_filename (dir, name, NULL);
}

static GkSqlite *
open_db (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *models = tu_source_path ("models");
  GkSqlite *db = gk_sqlite_open (path, models, &error);
  g_assert_no_error (error);
  return db;
}

static GkRecord *
extract (const char *rel)
{
  g_autofree char *path = tu_source_path (rel);
  g_autoptr (GError) error = NULL;
  GkRecord *r = gk_pipeline_extract (tu_pipeline (), path, NULL, &error);
  g_assert_no_error (error);
  return r;
}

static void
store (GkSqlite *db, const char *rel)
{
  g_autoptr (GkRecord) r = extract (rel);
  g_autoptr (GError) error = NULL;
  g_assert_true (gk_sqlite_write_record (db, r, &error));
  g_assert_no_error (error);
}


/* The content of a database without row ids or times: equal for equal data. */
static char *
content (const char *path)
{
  g_autofree char *r = tu_sqlite_dump (path, "SELECT file, sha256, media, pages, title, issuer, issuer_key, year, template,"
                                   " published_on, gongkai_version, sqlar_uncompress (record, record_size), error FROM reports ORDER BY sha256, file");
  g_autofree char *v = tu_sqlite_dump (path, "SELECT r.sha256, v.key, v.value, typeof (v.value), v.page, v.method, v.confidence, v.raw"
                                   " FROM vals v JOIN reports r ON r.id = v.report_id ORDER BY r.sha256, v.rowid");
  g_autofree char *c = tu_sqlite_dump (path, "SELECT r.sha256, c.id, c.status, c.formula, c.message, c.suspect_ocr, c.operands"
                                   " FROM checks c JOIN reports r ON r.id = c.report_id ORDER BY r.sha256, c.id");
  g_autofree char *w = tu_sqlite_dump (path, "SELECT * FROM reviews ORDER BY sha256, check_id");
  return g_strconcat (r, "--\n", v, "--\n", c, "--\n", w, NULL);
}

static void
test_schema (void)
{
  g_autofree char *path = tmp_db ("schema.sqlite");
  g_autoptr (GkSqlite) db = open_db (path);
  g_autofree char *objects = tu_sqlite_dump (path, "SELECT type, name FROM sqlite_master WHERE name NOT GLOB 'sqlite_*' ORDER BY type, name");
  g_assert_cmpstr (objects, ==,
                   "index|checks_failing\nindex|checks_report\nindex|reports_file\nindex|reports_issuer_year\n"
                   "index|vals_key\nindex|vals_report\n"
                   "table|checks\ntable|claims\ntable|report_vals\ntable|reports\ntable|reviews\ntable|val_keys\n"
                   "view|report_values\nview|vals\n");
  g_autofree char *mode = tu_sqlite_dump (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal\n");
  g_autofree char *version = tu_sqlite_dump (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "2\n");
  g_autofree char *cols = tu_sqlite_dump (path, "SELECT group_concat (name, ',') FROM pragma_table_info ('vals')");
  g_assert_cmpstr (cols, ==, "rowid,report_id,key,value,page,method,confidence,raw\n");
}

static void
test_replace_on_rerun (void)
{
  g_autofree char *path = tmp_db ("replace.sqlite");
  g_autoptr (GkSqlite) db = open_db (path);
  store (db, "samples/qinxian-2020.txt");
  gint64 vals = gk_sqlite_count (db, "vals"), checks = gk_sqlite_count (db, "checks");
  g_assert_cmpint (vals, >, 150);
  g_assert_cmpint (checks, >, 30);
  /* an auditor's decision, keyed by content: must survive re-extraction */
  g_autofree char *sha = tu_sqlite_dump (path, "SELECT sha256 FROM reports");
  sha[64] = 0;
  g_autofree char *ins = g_strdup_printf ("INSERT INTO reviews VALUES ('%s', 'narrative.percent.3', 'confirmed', 'typo', '2026-01-01')", sha);
  sqlite3 *raw;
  sqlite3_open (path, &raw);
  g_assert_cmpint (sqlite3_exec (raw, ins, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  store (db, "samples/qinxian-2020.txt");
  g_assert_cmpint (gk_sqlite_count (db, "reports"), ==, 1);
  g_assert_cmpint (gk_sqlite_count (db, "vals"), ==, vals);
  g_assert_cmpint (gk_sqlite_count (db, "checks"), ==, checks);
  g_assert_cmpint (gk_sqlite_count (db, "reviews"), ==, 1);
  g_autofree char *row = tu_sqlite_dump (path, "SELECT issuer, issuer_key, year, template, published_on, error IS NULL,"
                                     " json_extract (sqlar_uncompress (record, record_size), '$.report.year') FROM reports");
  g_assert_cmpstr (row, ==, "沁县人民政府|沁县人民政府|2020|2019|2021-02-05|1|2020\n");
  g_autofree char *v = tu_sqlite_dump (path, "SELECT value, typeof (value), raw FROM vals WHERE key IN"
                                   " ('active.licensing.items_change', 'active.procurement.amount_wan') ORDER BY key");
  g_assert_cmpstr (v, ==, "85|integer|+85\n15122.275|real|15122.275 万元\n");
  g_autofree char *wide = tu_sqlite_dump (path, "SELECT new_received, carried_forward, active_total, failing_checks FROM report_values");
  g_assert_cmpstr (wide, ==, "1|0|8827|3\n");
}

static void
test_failure_rows (void)
{
  g_autofree char *path = tmp_db ("failure.sqlite");
  g_autoptr (GkSqlite) db = open_db (path);
  g_autoptr (GError) error = NULL;
  g_assert_true (gk_sqlite_write_failure (db, "gone.pdf", NULL, "No such file or directory", &error));
  g_assert_true (gk_sqlite_write_failure (db, "gone.pdf", NULL, "No such file or directory", &error));
  g_assert_true (gk_sqlite_write_failure (db, "bad.pdf", "abc", "not a PDF (no %PDF- header)", &error));
  g_assert_no_error (error);
  g_autofree char *rows = tu_sqlite_dump (path, "SELECT file, sha256, error, record FROM reports ORDER BY file");
  g_assert_cmpstr (rows, ==, "bad.pdf|abc|not a PDF (no %PDF- header)|NULL\ngone.pdf|NULL|No such file or directory|NULL\n");
  g_autoptr (GHashTable) known = gk_sqlite_known (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_hash_table_size (known), ==, 1);
  g_assert_true (g_hash_table_contains (known, "abc"));
}

static void
test_not_a_database (void)
{
  g_autofree char *path = tmp_db ("text.sqlite");
  g_assert_true (g_file_set_contents (path, "this is not a database, just some text long enough to matter\n", -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autofree char *models = tu_source_path ("models");
  g_autoptr (GkSqlite) db = gk_sqlite_open (path, models, &error);
  g_assert_null (db);
  g_assert_error (error, GK_ERROR, GK_ERROR_OUTPUT);
  g_assert_nonnull (strstr (error->message, "not an SQLite database"));
}

static void
test_export_csv_matches_extract (void)
{
  g_autofree char *path = tmp_db ("export.sqlite");
  g_autoptr (GkSqlite) db = open_db (path);
  store (db, "samples/qinxian-2020.txt");
  g_autoptr (GkRecord) r = extract ("samples/qinxian-2020.txt");
  g_autofree char *rows = gk_csv_record (r);
  g_autofree char *want = g_strconcat (gk_csv_header (), rows, NULL);
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream (&buf, &len);
  g_autoptr (GError) error = NULL;
  g_assert_true (gk_sqlite_export (db, gk_format_find ("csv"), mem, &error));
  fclose (mem);
  g_assert_no_error (error);
  g_assert_cmpstr (buf, ==, want);
  free (buf);

  mem = open_memstream (&buf, &len);
  g_assert_true (gk_sqlite_export (db, gk_format_find ("jsonl"), mem, &error));
  fclose (mem);
  json_t *j = json_loads (buf, 0, NULL);
  g_assert_nonnull (j);
  g_assert_cmpint (json_integer_value (tu_json_get (j, "data.active.licensing.items_change")), ==, 85);
  json_decref (j);
  g_assert_cmpint (strchr (buf, '\n') - buf + 1, ==, (gssize) len);   /* exactly one line */
  free (buf);
}

/* One row per format: what extract prints and what export writes come from
 * the same render, and export offers only what the store can give. */
static void
test_format_table (void)
{
  g_autoptr (GkRecord) r = extract ("samples/qinxian-2020.txt");
  const char *names[] = { "json", "jsonl", "csv" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const GkFormat *f = gk_format_find (names[i]);
      g_assert_nonnull (f);
      g_assert_cmpstr (f->name, ==, names[i]);
      g_autofree char *text = f->render (r);
      g_assert_true (g_str_has_suffix (text, "\n"));
      g_assert_true (strchr (text, '\n') + 1 == text + strlen (text) || f->array || f->header);
    }
  g_assert_null (gk_format_find ("xml"));
  g_assert_null (gk_format_find (NULL));
  g_assert_cmpstr (gk_format_find ("csv")->extension, ==, "csv");
  g_assert_cmpstr (gk_format_find ("jsonl")->extension, ==, "json");
  g_autofree char *all = gk_format_names (FALSE), *stored = gk_format_names (TRUE);
  g_assert_cmpstr (all, ==, "json, jsonl or csv");
  g_assert_cmpstr (stored, ==, "jsonl or csv");
}

static void
test_issuer_keys (void)
{
  g_autofree char *models = tu_source_path ("models");
  g_autoptr (GError) error = NULL;
  g_autoptr (GkIssuerRules) rules = gk_issuer_rules_load (models, &error);
  g_assert_no_error (error);
  const char *same[] = { "沁县人民政府", "沁县政府", "沁县人民政府办公室", "沁县政府办公室",
                         "沁 县 人 民 政 府", "沁县人民政府\u3000", "沁县人民政府办公厅" };
  for (gsize i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *k = gk_issuer_key (rules, same[i]);
      g_assert_cmpstr (k, ==, "沁县人民政府");
    }
  g_autofree char *dept = gk_issuer_key (rules, "沁县教育局");
  g_assert_cmpstr (dept, ==, "沁县教育局");
  g_autofree char *other = gk_issuer_key (rules, "武乡县人民政府");
  g_assert_cmpstr (other, ==, "武乡县人民政府");
  g_autofree char *bare = gk_issuer_key (rules, "政府");   /* nothing before the form: kept as is */
  g_assert_cmpstr (bare, ==, "政府");
  g_assert_null (gk_issuer_key (rules, NULL));
  g_assert_null (gk_issuer_key (rules, ""));
}

static const char *
status_of (GPtrArray *checks, const char *id)
{
  for (guint i = 0; i < checks->len; i++)
    {
      GkCheck *c = checks->pdata[i];
      if (strcmp (c->id, id) == 0)
        return gk_check_status_name (c->status);
    }
  return NULL;
}

static void
test_cross_year_pairs (void)
{
  const GkTemplateSet *set = gk_pipeline_templates (tu_pipeline ());
  g_autoptr (GkRecord) y19 = extract (series[0]);
  g_autoptr (GkRecord) y20 = extract (series[1]);
  g_autoptr (GkRecord) y21 = extract (series[2]);

  g_autoptr (GPtrArray) a = gk_cross_year_checks (set, y19, y20);
  g_assert_cmpuint (a->len, ==, 6);   /* carried_over + 5 item rows of the 2019 template */
  g_assert_cmpstr (status_of (a, "cross_year.items.penalty"), ==, "fail");
  for (guint i = 0; i < a->len; i++)
    {
      GkCheck *c = a->pdata[i];
      if (strcmp (c->id, "cross_year.items.penalty") != 0)
        g_assert_cmpstr (gk_check_status_name (c->status), ==, "pass");
    }
  /* 2021 template: no item counts, only carried_over is comparable */
  g_autoptr (GPtrArray) b = gk_cross_year_checks (set, y20, y21);
  g_assert_cmpuint (b->len, ==, 1);
  g_assert_cmpstr (status_of (b, "cross_year.carried_over"), ==, "pass");
  /* not consecutive: nothing */
  g_autoptr (GPtrArray) c = gk_cross_year_checks (set, y19, y21);
  g_assert_cmpuint (c->len, ==, 0);

  /* a carried-over number that differs fails; an unread one is skipped */
  gk_record_set_int (y21, "applications.carried_over.natural_person", 4, NULL, "4");
  g_autoptr (GPtrArray) d = gk_cross_year_checks (set, y20, y21);
  g_assert_cmpstr (status_of (d, "cross_year.carried_over"), ==, "fail");
  GkCheck *dc = d->pdata[0];
  g_assert_nonnull (strstr (dc->message, "自然人"));
  gk_record_set_null (y19, "active.fees.items_change", NULL, NULL);
  g_autoptr (GPtrArray) e = gk_cross_year_checks (set, y19, y20);
  g_assert_cmpstr (status_of (e, "cross_year.items.fees"), ==, "skipped");
}

static void
test_cross_year_in_db (void)
{
  g_autofree char *path = tmp_db ("series.sqlite");
  g_autoptr (GkSqlite) db = open_db (path);
  /* stored out of order: the series comes from the years, not the arrival */
  store (db, series[2]);
  store (db, series[0]);
  store (db, series[1]);
  guint n = 0;
  g_autoptr (GError) error = NULL;
  g_assert_true (gk_sqlite_cross_year (db, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 7);
  g_autofree char *keys = tu_sqlite_dump (path, "SELECT DISTINCT issuer, issuer_key FROM reports ORDER BY year");
  g_assert_cmpstr (keys, ==, "沁县政府|沁县人民政府\n沁县人民政府|沁县人民政府\n沁县人民政府办公室|沁县人民政府\n");
  g_autofree char *fails = tu_sqlite_dump (path, "SELECT r.year, c.id FROM checks c JOIN reports r ON r.id = c.report_id"
                                       " WHERE c.id GLOB 'cross_year.*' AND c.status <> 'pass'");
  g_assert_cmpstr (fails, ==, "2020|cross_year.items.penalty\n");
  g_autofree char *where = tu_sqlite_dump (path, "SELECT r.year, COUNT(*) FROM checks c JOIN reports r ON r.id = c.report_id"
                                       " WHERE c.id GLOB 'cross_year.*' GROUP BY r.year ORDER BY r.year");
  g_assert_cmpstr (where, ==, "2020|6\n2021|1\n");
  /* the stored JSON record carries them too, once */
  g_autofree char *in_json = tu_sqlite_dump (path, "SELECT r.year, COUNT(*) FROM reports r, json_each (sqlar_uncompress (r.record, r.record_size), '$.checks') j"
                                         " WHERE json_extract (j.value, '$.id') GLOB 'cross_year.*' GROUP BY r.year");
  g_assert_cmpstr (in_json, ==, "2020|6\n2021|1\n");
  /* recomputing changes nothing, and rewrites nothing (same row ids) */
  g_autofree char *before = content (path);
  g_autofree char *rows_before = tu_sqlite_dump (path, "SELECT rowid, report_id, id FROM checks WHERE id GLOB 'cross_year.*' ORDER BY rowid");
  g_assert_true (gk_sqlite_cross_year (db, &n, &error));
  g_autofree char *after = content (path);
  g_assert_cmpstr (before, ==, after);
  g_autofree char *rows_after = tu_sqlite_dump (path, "SELECT rowid, report_id, id FROM checks WHERE id GLOB 'cross_year.*' ORDER BY rowid");
  g_assert_cmpstr (rows_before, ==, rows_after);
  /* a report re-read loses its cross-year checks until the series is recomputed,
   * and a removed predecessor removes them for good */
  sqlite3 *raw;
  sqlite3_open (path, &raw);
  sqlite3_exec (raw, "PRAGMA foreign_keys = ON; DELETE FROM reports WHERE year = 2019", NULL, NULL, NULL);
  sqlite3_close (raw);
  g_assert_true (gk_sqlite_cross_year (db, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_autofree char *left = tu_sqlite_dump (path, "SELECT COUNT(*) FROM checks WHERE id GLOB 'cross_year.*' AND status = 'fail'");
  g_assert_cmpstr (left, ==, "0\n");
}

static void
merge (GkSqlite *db, const char *shard)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (gk_sqlite_merge (db, shard, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gk_sqlite_cross_year (db, NULL, &error));
  g_assert_no_error (error);
}

static void
test_merge (void)
{
  g_autofree char *pa = tmp_db ("shard-a.sqlite"), *pb = tmp_db ("shard-b.sqlite");
  g_autofree char *pall = tmp_db ("merged.sqlite"), *pone = tmp_db ("single.sqlite");
  {
    g_autoptr (GkSqlite) a = open_db (pa);
    store (a, series[0]);
    store (a, series[1]);
    g_autoptr (GError) error = NULL;
    g_assert_true (gk_sqlite_write_failure (a, "bad.pdf", "feed", "not a PDF (no %PDF- header)", &error));
    g_autoptr (GkSqlite) b = open_db (pb);
    store (b, series[1]);    /* the same report in both shards */
    store (b, series[2]);
  }
  {
    g_autoptr (GkSqlite) one = open_db (pone);
    store (one, series[0]);
    store (one, series[1]);
    store (one, series[2]);
    g_autoptr (GError) error = NULL;
    g_assert_true (gk_sqlite_write_failure (one, "bad.pdf", "feed", "not a PDF (no %PDF- header)", &error));
    g_assert_true (gk_sqlite_cross_year (one, NULL, &error));
  }
  g_autoptr (GkSqlite) all = open_db (pall);
  merge (all, pa);
  merge (all, pb);
  g_assert_cmpint (gk_sqlite_count (all, "reports"), ==, 4);
  g_autofree char *first = content (pall);
  merge (all, pa);
  merge (all, pb);
  g_autofree char *second = content (pall);
  g_assert_cmpstr (first, ==, second);
  g_autofree char *ids = tu_sqlite_dump (pall, "SELECT group_concat (id) FROM reports");
  merge (all, pb);
  g_autofree char *ids2 = tu_sqlite_dump (pall, "SELECT group_concat (id) FROM reports");
  g_assert_cmpstr (ids, ==, ids2);   /* nothing rewritten, not even row ids */
  g_autofree char *single = content (pone);
  g_assert_cmpstr (first, ==, single);

  /* not a gongkai database */
  g_autofree char *junk = tmp_db ("junk.sqlite");
  g_assert_true (g_file_set_contents (junk, "junk", -1, NULL));
  g_autoptr (GError) error = NULL;
  g_assert_false (gk_sqlite_merge (all, junk, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* into itself: refused at once as a usage error (it waited 30 s on its own lock) */
  gint64 t0 = g_get_monotonic_time ();
  g_assert_false (gk_sqlite_merge (all, pall, NULL, NULL, &error));
  g_assert_error (error, GK_ERROR, GK_ERROR_USAGE);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 5 * G_USEC_PER_SEC);
}

static void
add_review (const char *path, const char *decision, const char *reason, const char *at)
{
  sqlite3 *raw;
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO reviews (sha256, check_id, decision, reason, at)"
                                          " VALUES ('abcdef0123456789', 'applications.balance.total', '%s', '%s', '%s')",
                                          decision, reason, at);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

/* One finding reviewed differently in two shards: the later decision is
 * kept whatever the merge order, and the conflict is told each time. */
static void
test_merge_review_conflict (void)
{
  g_autofree char *pa = tmp_db ("rev-a.sqlite"), *pb = tmp_db ("rev-b.sqlite"), *pall = tmp_db ("rev-all.sqlite");
  {
    g_autoptr (GkSqlite) a = open_db (pa);
    g_autoptr (GkSqlite) b = open_db (pb);
  }
  add_review (pa, "dismissed", "四舍五入", "2026-03-01T10:00:00Z");
  add_review (pb, "confirmed", "表格确有错误", "2026-03-02T09:00:00Z");
  g_autoptr (GkSqlite) all = open_db (pall);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (gk_sqlite_merge (all, pa, NULL, conflicts, &error));
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_true (gk_sqlite_merge (all, pb, NULL, conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  const char *msg = conflicts->pdata[0];
  g_assert_nonnull (strstr (msg, "applications.balance.total"));
  g_assert_nonnull (strstr (msg, "kept “confirmed: 表格确有错误”"));
  g_assert_nonnull (strstr (msg, "not “dismissed: 四舍五入”"));
  g_autofree char *kept = tu_sqlite_dump (pall, "SELECT decision FROM reviews");
  g_assert_cmpstr (kept, ==, "confirmed\n");
  /* merged again, the older shard still disagrees: told again, nothing changes */
  g_ptr_array_set_size (conflicts, 0);
  g_assert_true (gk_sqlite_merge (all, pa, NULL, conflicts, &error));
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_nonnull (strstr (conflicts->pdata[0], "kept “confirmed"));
  g_autofree char *still = tu_sqlite_dump (pall, "SELECT decision FROM reviews");
  g_assert_cmpstr (still, ==, "confirmed\n");
}

/* Schema version 1 as gongkai 0.1 made it (the record as JSON text, values
 * keyed by their text), filled from a current database attached as n. */
static const char v1_from_current_sql[] =
  "CREATE TABLE reports (id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT UNIQUE, media TEXT, pages INTEGER,"
  "  title TEXT, issuer TEXT, issuer_key TEXT, year INTEGER, template TEXT, published_on TEXT,"
  "  extracted_at TEXT NOT NULL, json TEXT, error TEXT);"
  "CREATE TABLE vals (report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE, key TEXT NOT NULL,"
  "  value, page INTEGER, method TEXT, confidence REAL, raw TEXT);"
  "CREATE TABLE checks (report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE, id TEXT NOT NULL,"
  "  status TEXT NOT NULL, formula TEXT, message TEXT, suspect_ocr INTEGER NOT NULL DEFAULT 0, operands TEXT);"
  "CREATE TABLE reviews (sha256 TEXT NOT NULL, check_id TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT,"
  "  at TEXT NOT NULL, PRIMARY KEY (sha256, check_id));"
  "CREATE INDEX vals_report ON vals (report_id);"
  "CREATE INDEX vals_key ON vals (key, value);"
  "CREATE INDEX checks_report ON checks (report_id, id);"
  "CREATE VIEW report_values AS SELECT r.id FROM reports r LEFT JOIN vals v ON v.report_id = r.id GROUP BY r.id;"
  "INSERT INTO reports SELECT id, file, sha256, media, pages, title, issuer, issuer_key, year, template, published_on,"
  "  extracted_at, sqlar_uncompress (record, record_size), error FROM n.reports;"
  "INSERT INTO vals SELECT report_id, key, value, page, method, confidence, raw FROM n.vals ORDER BY rowid;"
  /* version 1 kept the text of passing checks too */
  "INSERT INTO checks SELECT report_id, id, status, coalesce (formula, 'f'), coalesce (message, 'm'), suspect_ocr,"
  "  coalesce (operands, '{}') FROM n.checks ORDER BY rowid;"
  "INSERT INTO reviews SELECT * FROM n.reviews;"
  "PRAGMA user_version = 1;";

/* A version 1 database: read-only commands refuse it, saying how to
 * upgrade; opening it for writing upgrades it in place to the same content. */
static void
test_upgrade_from_1 (void)
{
  g_autofree char *now = tmp_db ("current.sqlite"), *old = tmp_db ("v1.sqlite");
  {
    g_autoptr (GkSqlite) db = open_db (now);
    store (db, series[0]);
    store (db, series[1]);
    g_autoptr (GError) error = NULL;
    g_assert_true (gk_sqlite_write_failure (db, "bad.pdf", "feed", "not a PDF (no %PDF- header)", &error));
    g_assert_true (gk_sqlite_cross_year (db, NULL, &error));
    g_assert_no_error (error);
  }
  sqlite3 *raw;
  g_assert_cmpint (sqlite3_open (old, &raw), ==, SQLITE_OK);
  gk_sqlite_add_functions (raw);
  char *attach = sqlite3_mprintf ("ATTACH %Q AS n", now);
  g_assert_cmpint (sqlite3_exec (raw, attach, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_free (attach);
  g_assert_cmpint (sqlite3_exec (raw, v1_from_current_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  g_autoptr (GError) error = NULL;
  g_autoptr (GkSqlite) ro = gk_sqlite_open_readonly (old, NULL, &error);
  g_assert_null (ro);
  g_assert_nonnull (strstr (error->message, "schema version 1 is older than this gongkai (2): upgrade it in place"));
  g_clear_error (&error);
  {
    g_autoptr (GkSqlite) up = open_db (old);
  }
  g_autofree char *version = tu_sqlite_dump (old, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "2\n");
  /* a failure stored by version 1 does not say which gongkai read it: null */
  g_assert_cmpint (sqlite3_open (now, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE reports SET gongkai_version = NULL WHERE error IS NOT NULL",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_autofree char *want = content (now), *got = content (old);
  g_assert_cmpstr (got, ==, want);
  g_autofree char *stored = tu_sqlite_dump (old, "SELECT COUNT(*) FROM reports WHERE length (record) * 4 < record_size");
  g_assert_cmpstr (stored, ==, "2\n");   /* compressed to under a quarter */
  ro = gk_sqlite_open_readonly (old, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ro);
}

typedef struct
{
  sqlite3 *writer;
  sqlite3_stmt *read;
} HeldWrite;

static gpointer
end_write_later (gpointer data)
{
  HeldWrite *h = data;
  g_usleep (300 * 1000);
  sqlite3_finalize (h->read);
  g_assert_cmpint (sqlite3_exec (h->writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return NULL;
}

/* Converting a file to WAL needs it alone, and SQLite calls no busy handler
 * there: a batch opening the database while another writes it waits for it
 * (two batches started together on a new database failed one time in ~400). */
static void
test_open_while_written (void)
{
  g_autofree char *path = tmp_db ("write-held.sqlite");
  HeldWrite h = { 0 };
  g_assert_cmpint (sqlite3_open (path, &h.writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (h.writer, "CREATE TABLE t (x); INSERT INTO t VALUES (1); BEGIN IMMEDIATE",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (h.writer, "SELECT x FROM t", -1, &h.read, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (h.read), ==, SQLITE_ROW);   /* a write transaction, held */
  GThread *ender = g_thread_new ("end-write", end_write_later, &h);
  g_autoptr (GkSqlite) db = open_db (path);
  g_thread_join (ender);
  g_assert_nonnull (db);
  g_autofree char *mode = tu_sqlite_dump (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal\n");
  sqlite3_close (h.writer);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sqlite/schema", test_schema);
  g_test_add_func ("/sqlite/open-while-written", test_open_while_written);
  g_test_add_func ("/sqlite/merge-review-conflict", test_merge_review_conflict);
  g_test_add_func ("/sqlite/upgrade-from-1", test_upgrade_from_1);
  g_test_add_func ("/sqlite/replace-on-rerun", test_replace_on_rerun);
  g_test_add_func ("/sqlite/failure-rows", test_failure_rows);
  g_test_add_func ("/sqlite/not-a-database", test_not_a_database);
  g_test_add_func ("/sqlite/export-csv-matches-extract", test_export_csv_matches_extract);
  g_test_add_func ("/sqlite/issuer-keys", test_issuer_keys);
  g_test_add_func ("/sqlite/cross-year-pairs", test_cross_year_pairs);
  g_test_add_func ("/sqlite/cross-year-in-db", test_cross_year_in_db);
  g_test_add_func ("/sqlite/merge", test_merge);
  g_test_add_func ("/sqlite/format-table", test_format_table);
  return g_test_run ();
}
