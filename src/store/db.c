/* db.c — see db.h. */
#include "db-private.h"
#include "common/gk-error.h"
#include "common/gk-models.h"
#include "export/export-csv.h"
#include "export/export-json.h"
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>
#include <string.h>
#include "store/sqlite-lib.h"  /* last: its macros name the library calls */

gboolean
gk_store_fail (sqlite3 *db, const char *path, const char *what, GError **error)
{
  g_set_error (error, GK_ERROR, GK_ERROR_OUTPUT, "%s: %s: %s", path, what, sqlite3_errmsg (db));
  return FALSE;
}

sqlite3_stmt *
gk_store_prepare (sqlite3 *db, const char *path, const char *sql, GError **error)
{
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &st, NULL) != SQLITE_OK)
    {
      gk_store_fail (db, path, "cannot prepare a statement", error);
      return NULL;
    }
  return st;
}

/* A statement that returns no row, run and finalized. */
gboolean
gk_store_step_done (sqlite3 *db, const char *path, sqlite3_stmt *st, const char *what, GError **error)
{
  int rc = sqlite3_step (st);
  sqlite3_finalize (st);
  return rc == SQLITE_DONE || gk_store_fail (db, path, what, error);
}

/* zlib level of the stored records: 9 costs ~2 ms a record, in the worker. */
#define RECORD_ZLIB_LEVEL 9
/* A claim older than this is taken over whoever holds it (another host, a
 * process that cannot be asked): a batch holds one file much shorter. */
#define CLAIM_STALE_SECONDS (24 * 3600)

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS reports ("
  "  id INTEGER PRIMARY KEY,"
  "  file TEXT NOT NULL,"
  "  sha256 TEXT UNIQUE,"
  "  media TEXT, pages INTEGER, title TEXT, issuer TEXT, issuer_key TEXT, year INTEGER,"
  "  template TEXT, published_on TEXT,"
  "  extracted_at TEXT NOT NULL,"
  "  gongkai_version TEXT,"
  "  record BLOB, record_size INTEGER,"
  "  error TEXT);"
  "CREATE TABLE IF NOT EXISTS val_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);"
  "CREATE TABLE IF NOT EXISTS report_vals ("
  "  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,"
  "  key_id INTEGER NOT NULL REFERENCES val_keys(id),"
  "  value,"
  "  page INTEGER, method TEXT, confidence REAL, raw TEXT);"
  "CREATE TABLE IF NOT EXISTS checks ("
  "  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,"
  "  id TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'skipped')),"
  "  formula TEXT, message TEXT,"
  "  suspect_ocr INTEGER NOT NULL DEFAULT 0,"
  "  operands TEXT);"
  "CREATE TABLE IF NOT EXISTS reviews ("
  "  sha256 TEXT NOT NULL,"
  "  check_id TEXT NOT NULL,"
  "  decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),"
  "  reason TEXT,"
  "  at TEXT NOT NULL,"
  "  PRIMARY KEY (sha256, check_id));"
  "CREATE TABLE IF NOT EXISTS claims (sha256 TEXT PRIMARY KEY, host TEXT, pid INTEGER, at TEXT NOT NULL);"
  "CREATE INDEX IF NOT EXISTS reports_issuer_year ON reports (issuer_key, year);"
  "CREATE INDEX IF NOT EXISTS reports_file ON reports (file);"
  "CREATE INDEX IF NOT EXISTS vals_report ON report_vals (report_id);"
  "CREATE INDEX IF NOT EXISTS vals_key ON report_vals (key_id, value);"
  "CREATE INDEX IF NOT EXISTS checks_report ON checks (report_id, id);"
  "CREATE INDEX IF NOT EXISTS checks_failing ON checks (id) WHERE status = 'fail';"
  "CREATE VIEW IF NOT EXISTS vals AS SELECT v.rowid AS rowid, v.report_id, k.key, v.value, v.page, v.method,"
  "  v.confidence, v.raw FROM report_vals v JOIN val_keys k ON k.id = v.key_id;"
  "CREATE VIEW IF NOT EXISTS report_values AS SELECT"
  "  r.id AS report_id, r.sha256, r.file, r.issuer, r.issuer_key, r.year, r.template,"
  "  MAX(CASE WHEN v.key = 'applications.new_received.total' THEN v.value END) AS new_received,"
  "  MAX(CASE WHEN v.key = 'applications.carried_over.total' THEN v.value END) AS carried_over,"
  "  MAX(CASE WHEN v.key = 'applications.granted.total' THEN v.value END) AS granted,"
  "  MAX(CASE WHEN v.key = 'applications.partially_granted.total' THEN v.value END) AS partially_granted,"
  "  MAX(CASE WHEN v.key = 'applications.processed_total.total' THEN v.value END) AS processed_total,"
  "  MAX(CASE WHEN v.key = 'applications.carried_forward.total' THEN v.value END) AS carried_forward,"
  "  MAX(CASE WHEN v.key = 'appeals.review.total' THEN v.value END) AS review_total,"
  "  MAX(CASE WHEN v.key = 'appeals.litigation_direct.total' THEN v.value END) AS litigation_direct_total,"
  "  MAX(CASE WHEN v.key = 'appeals.litigation_after_review.total' THEN v.value END) AS litigation_after_review_total,"
  "  MAX(CASE WHEN v.key = 'narrative.active_total' THEN v.value END) AS active_total,"
  "  MAX(CASE WHEN v.key = 'active.licensing.decisions' THEN v.value END) AS licensing_decisions,"
  "  MAX(CASE WHEN v.key = 'active.penalty.decisions' THEN v.value END) AS penalty_decisions,"
  "  MAX(CASE WHEN v.key = 'active.coercion.decisions' THEN v.value END) AS coercion_decisions,"
  "  (SELECT COUNT(*) FROM checks c WHERE c.report_id = r.id AND c.status = 'fail') AS failing_checks,"
  "  r.error"
  "  FROM reports r LEFT JOIN vals v ON v.report_id = r.id GROUP BY r.id;";

/* Schema 1 → 2: the record compressed (in C, between the two halves), values
 * keyed by number, passing checks without the text their record holds. */
static const char upgrade_1_sql[] =
  "ALTER TABLE reports ADD COLUMN gongkai_version TEXT;"
  "ALTER TABLE reports ADD COLUMN record BLOB;"
  "ALTER TABLE reports ADD COLUMN record_size INTEGER;"
  "UPDATE reports SET gongkai_version = json_extract (json, '$.source.gongkai_version') WHERE json IS NOT NULL;"
  "CREATE TABLE val_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);"
  "INSERT INTO val_keys (key) SELECT DISTINCT key FROM vals ORDER BY key;"
  "CREATE TABLE report_vals ("
  "  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,"
  "  key_id INTEGER NOT NULL REFERENCES val_keys(id),"
  "  value,"
  "  page INTEGER, method TEXT, confidence REAL, raw TEXT);"
  "INSERT INTO report_vals (report_id, key_id, value, page, method, confidence, raw)"
  "  SELECT v.report_id, k.id, v.value, v.page, v.method, v.confidence, v.raw"
  "  FROM vals v JOIN val_keys k ON k.key = v.key ORDER BY v.rowid;"
  "DROP VIEW IF EXISTS report_values;"
  "DROP TABLE vals;"
  "UPDATE checks SET formula = NULL, message = NULL, operands = NULL WHERE status = 'pass';";
static const char upgrade_1_end_sql[] = "ALTER TABLE reports DROP COLUMN json;";

gboolean
gk_store_exec (GkSqlite *db, const char *sql, GError **error)
{
  char *msg = NULL;
  if (sqlite3_exec (db->db, sql, NULL, NULL, &msg) == SQLITE_OK)
    return TRUE;
  g_set_error (error, GK_ERROR, GK_ERROR_OUTPUT, "%s: %s", db->path, msg ? msg : sqlite3_errmsg (db->db));
  sqlite3_free (msg);
  return FALSE;
}

void
gk_store_rollback (GkSqlite *db)
{
  if (!sqlite3_get_autocommit (db->db))
    sqlite3_exec (db->db, "ROLLBACK", NULL, NULL, NULL);
  if (db->key_ids)
    g_hash_table_remove_all (db->key_ids);   /* keys added by the transaction are gone */
}

/* data through a zlib (de)compressor; NULL with an error. */
static GBytes *
convert (GConverter *conv, const void *data, gsize len, GError **error)
{
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) out = g_converter_output_stream_new (mem, conv);
  if (!g_output_stream_write_all (out, data, len, NULL, NULL, error) || !g_output_stream_close (out, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

/* The stored form of a record's JSON, as the sqlite3 shell's sqlar_compress
 * makes it: zlib, or the text itself when that is no smaller. */
GBytes *
gk_store_record_compress (const char *json)
{
  gsize len = strlen (json);
  g_autoptr (GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, RECORD_ZLIB_LEVEL);
  GBytes *packed = convert (G_CONVERTER (z), json, len, NULL);
  if (packed && g_bytes_get_size (packed) < len)
    return packed;
  g_clear_pointer (&packed, g_bytes_unref);
  return g_bytes_new (json, len);
}

/* The JSON text of a stored record (sqlar_uncompress), NULL with an error. */
static char *
record_inflate (const void *data, gsize len, gint64 size, GError **error)
{
  if (size < 0 || (guint64) size > G_MAXSIZE - 1)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "stored record with a bad size");
      return NULL;
    }
  if ((gsize) size == len)
    return g_strndup (data, len);
  g_autoptr (GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr (GBytes) text = convert (G_CONVERTER (z), data, len, error);
  if (!text)
    return NULL;
  if (g_bytes_get_size (text) != (gsize) size)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "stored record damaged (%zu bytes, expected %" G_GINT64_FORMAT ")",
                   g_bytes_get_size (text), size);
      return NULL;
    }
  return g_strndup (g_bytes_get_data (text, NULL), (gsize) size);
}

char *
gk_sqlite_column_record (sqlite3_stmt *st, int col, GError **error)
{
  if (sqlite3_column_type (st, col) == SQLITE_NULL)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "no stored record");
      return NULL;
    }
  const void *data = sqlite3_column_blob (st, col);
  int len = sqlite3_column_bytes (st, col);
  return record_inflate (data, (gsize) len, sqlite3_column_int64 (st, col + 1), error);
}

/* sqlar_uncompress (X, SZ) of the sqlite3 shell, for gongkai's connections. */
static void
sql_uncompress (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (ctx);
      return;
    }
  g_autoptr (GError) error = NULL;
  g_autofree char *text = record_inflate (sqlite3_value_blob (argv[0]), (gsize) sqlite3_value_bytes (argv[0]),
                                          sqlite3_value_int64 (argv[1]), &error);
  if (!text)
    sqlite3_result_error (ctx, error->message, -1);
  else
    sqlite3_result_text (ctx, g_steal_pointer (&text), -1, g_free);
}

void
gk_sqlite_add_functions (struct sqlite3 *db)
{
  sqlite3_create_function (db, "sqlar_uncompress", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_uncompress, NULL, NULL);
}

void
gk_store_bind_text (sqlite3_stmt *st, int i, const char *s)
{
  if (s)
    sqlite3_bind_text (st, i, s, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (st, i);
}

gint64
gk_store_query_int (GkSqlite *db, const char *sql)
{
  sqlite3_stmt *st = NULL;
  gint64 n = -1;
  if (sqlite3_prepare_v2 (db->db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step (st) == SQLITE_ROW)
    n = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return n;
}

void
gk_sqlite_close (GkSqlite *db)
{
  if (!db)
    return;
  sqlite3_finalize (db->ins_val);
  sqlite3_finalize (db->ins_check);
  g_clear_pointer (&db->key_ids, g_hash_table_unref);
  if (db->db)
    sqlite3_close (db->db);
  gk_issuer_rules_free (db->issuers);
  gk_template_set_free (db->templates);
  g_free (db->path);
  g_free (db);
}

/* Why the database at path could not be read, its first statement having
 * failed with rc: a file that is no database, a damaged one, or one that
 * could not be opened (permissions, a read-only directory) — never the one
 * for the other.  Errors are GK_ERROR_OUTPUT for a database being written,
 * else those of an input. */
static void
set_open_error (GError **error, const char *path, sqlite3 *db, int rc, gboolean writing)
{
  const char *msg = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  int input_code = GK_ERROR_IO;
  const char *what;
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      what = "not an SQLite database";
      input_code = GK_ERROR_FORMAT;
      break;
    case SQLITE_CORRUPT:
      what = "database is malformed (damaged or cut short)";
      input_code = GK_ERROR_FORMAT;
      break;
    case SQLITE_READONLY:
      what = "database is read-only";
      break;
    default:
      what = "cannot open the database";
      break;
    }
  g_set_error (error, GK_ERROR, writing ? GK_ERROR_OUTPUT : input_code, "%s: %s: %s", path, what, msg);
}

/* The result code of a first read of db's schema. */
static int
probe (sqlite3 *db)
{
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (st) == SQLITE_ROW ? SQLITE_OK : sqlite3_errcode (db);
  sqlite3_finalize (st);
  return rc;
}

/* sqlite3_open_v2 of an existing file, NULL with the cause. */
static sqlite3 *
open_handle (const char *name, int flags, const char *path, gboolean writing, GError **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (name, &db, flags, NULL);
  if (rc == SQLITE_OK)
    rc = probe (db);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, GK_SQLITE_BUSY_TIMEOUT_MS);
      sqlite3_extended_result_codes (db, 1);
      gk_sqlite_add_functions (db);
      return db;
    }
  set_open_error (error, path, db, rc, writing);
  sqlite3_close (db);
  return NULL;
}

struct sqlite3 *
gk_sqlite_connect (const char *path, gboolean writable, GError **error)
{
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_IO, "%s: no such database (make one with gongkai batch or extract --db)",
                   path);
      return NULL;
    }
  int flags = (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_URI;
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, NULL);
  g_autoptr (GError) local = NULL;
  sqlite3 *db = open_handle (uri, flags, path, writable, &local);
  if (db && writable && sqlite3_db_readonly (db, "main") == 1)
    {
      sqlite3_close (db);
      g_set_error (error, GK_ERROR, GK_ERROR_OUTPUT, "%s: database is read-only: cannot be written", path);
      return NULL;
    }
  if (db)
    return db;
  if (writable)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  /* A WAL database needs its -shm file, which a read-only directory cannot
   * take.  Without a -wal file (or with an empty one) every commit is in the database file itself,
   * which is then read as it is (immutable: no locks, no -shm). */
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  if (!g_error_matches (local, GK_ERROR, GK_ERROR_IO))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  GStatBuf st;
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_IO,
                   "%s: a WAL database with a -wal file, whose -shm file cannot be created here (%s): "
                   "make its directory writable, or copy it with its -wal file",
                   path, local->message);
      return NULL;
    }
  g_autofree char *immutable = g_strconcat (uri, "?immutable=1", NULL);
  return open_handle (immutable, flags, path, FALSE, error);
}

/* A GkSqlite without its connection yet: the models it labels checks with. */
static GkSqlite *
sqlite_new (const char *path, const char *models_dir, GError **error)
{
  g_autoptr (GkSqlite) db = g_new0 (GkSqlite, 1);
  db->path = g_strdup (path);
  g_autofree char *dir = models_dir ? g_strdup (models_dir) : gk_models_dir_default ();
  db->issuers = gk_issuer_rules_load (dir, error);
  if (!db->issuers)
    return NULL;
  db->templates = gk_template_set_load (dir, error);
  if (!db->templates)
    return NULL;
  return g_steal_pointer (&db);
}

/* The schema version of db (0: none yet), -1 with an error when this
 * gongkai cannot read it. */
static gint64
schema_version (GkSqlite *db, GError **error)
{
  gint64 version = gk_store_query_int (db, "PRAGMA user_version");
  if (version > GK_SQLITE_SCHEMA_VERSION)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_OUTPUT, "%s: schema version %" G_GINT64_FORMAT
                   " is newer than this gongkai (%d)", db->path, version, GK_SQLITE_SCHEMA_VERSION);
      return -1;
    }
  return version;
}

gboolean
gk_sqlite_check_schema (struct sqlite3 *db, const char *path, GError **error)
{
  sqlite3_stmt *st = NULL;
  gint64 version = -1;
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK && sqlite3_step (st) == SQLITE_ROW)
    version = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  if (version == GK_SQLITE_SCHEMA_VERSION || version == 0)
    return TRUE;   /* 0: not made by gongkai; the caller looks for its tables */
  if (version > GK_SQLITE_SCHEMA_VERSION)
    g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "%s: schema version %" G_GINT64_FORMAT " is newer than this gongkai (%d)",
                 path, version, GK_SQLITE_SCHEMA_VERSION);
  else
    g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "%s: schema version %" G_GINT64_FORMAT " is older than this gongkai (%d):"
                 " upgrade it in place with gongkai batch --db %s (no files needed)", path, version,
                 GK_SQLITE_SCHEMA_VERSION, path);
  return FALSE;
}

/* Schema 1 → 2 in one transaction: a database is upgraded whole or not at all. */
static gboolean
upgrade_from_1 (GkSqlite *db, GError **error)
{
  g_autofree char *sql = NULL;
  if (!gk_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!gk_store_exec (db, upgrade_1_sql, error))
    goto failed;
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT id, json FROM reports WHERE json IS NOT NULL", error);
  sqlite3_stmt *up = st ? gk_store_prepare (db->db, db->path, "UPDATE reports SET record = ?, record_size = ? WHERE id = ?", error) : NULL;
  int rc = SQLITE_DONE;
  while (up && (rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *json = (const char *) sqlite3_column_text (st, 1);
      g_autoptr (GBytes) packed = gk_store_record_compress (json);
      sqlite3_reset (up);
      sqlite3_bind_blob (up, 1, g_bytes_get_data (packed, NULL), (int) g_bytes_get_size (packed), SQLITE_TRANSIENT);
      sqlite3_bind_int64 (up, 2, (gint64) strlen (json));
      sqlite3_bind_int64 (up, 3, sqlite3_column_int64 (st, 0));
      if (sqlite3_step (up) != SQLITE_DONE)
        rc = SQLITE_ERROR;
      if (rc != SQLITE_ROW)
        break;
    }
  sqlite3_finalize (st);
  sqlite3_finalize (up);
  if (!up || rc != SQLITE_DONE)
    {
      if (up)
        gk_store_fail (db->db, db->path, "cannot compress the stored records", error);
      goto failed;
    }
  sql = g_strdup_printf ("%s %s PRAGMA user_version = %d;", upgrade_1_end_sql, schema_sql,
                                          GK_SQLITE_SCHEMA_VERSION);
  if (gk_store_exec (db, sql, error) && gk_store_exec (db, "COMMIT", error))
    return TRUE;
failed:
  gk_store_rollback (db);
  g_prefix_error (error, "cannot upgrade the database from schema version 1: ");
  return FALSE;
}

GkSqlite *
gk_sqlite_open_readonly (const char *path, const char *models_dir, GError **error)
{
  g_autoptr (GkSqlite) db = sqlite_new (path, models_dir, error);
  if (!db || !(db->db = gk_sqlite_connect (path, FALSE, error)))
    return NULL;
  gint64 version = schema_version (db, error);
  if (version < 0)
    return NULL;
  if (version > 0 && !gk_sqlite_check_schema (db->db, path, error))
    return NULL;
  if (version == 0 || gk_store_query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'reports'") != 1)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "%s: not a gongkai database (no reports table)", path);
      return NULL;
    }
  return g_steal_pointer (&db);
}

/* The journal mode of db after running sql ("PRAGMA journal_mode..."), NULL
 * when SQLite refused it (rc says why). */
static char *
journal_mode (GkSqlite *db, const char *sql, int *rc)
{
  sqlite3_stmt *st = NULL;
  char *mode = NULL;
  *rc = sqlite3_prepare_v2 (db->db, sql, -1, &st, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (st);
      if (*rc == SQLITE_ROW)
        mode = g_ascii_strdown ((const char *) sqlite3_column_text (st, 0), -1);
    }
  sqlite3_finalize (st);
  return mode;
}

/* WAL, so that readers never block the writer. Converting a file to WAL needs
 * it alone and SQLite calls no busy handler for that: batches opening one new
 * database together retry within the busy timeout, until one has converted it. */
static gboolean
use_wal (GkSqlite *db, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) GK_SQLITE_BUSY_TIMEOUT_MS * 1000;
  gulong pause_us = 1000;
  for (;;)
    {
      int rc;
      g_autofree char *now = journal_mode (db, "PRAGMA journal_mode", &rc);
      if (g_strcmp0 (now, "wal") == 0)
        return TRUE;
      g_autofree char *set = now ? journal_mode (db, "PRAGMA journal_mode = WAL", &rc) : NULL;
      if (set)
        return TRUE;   /* wal, or what a database that cannot have one keeps (":memory:") */
      if (((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED) || g_get_monotonic_time () >= deadline)
        return gk_store_fail (db->db, db->path, "cannot use a write-ahead log", error);
      g_usleep (pause_us);
      pause_us = MIN (pause_us * 2, 100000);
    }
}

GkSqlite *
gk_sqlite_open (const char *path, const char *models_dir, GError **error)
{
  g_autoptr (GkSqlite) db = sqlite_new (path, models_dir, error);
  if (!db)
    return NULL;
  if (sqlite3_open_v2 (path, &db->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      gk_store_fail (db->db, db->path, "cannot open the database", error);
      return NULL;
    }
  sqlite3_busy_timeout (db->db, GK_SQLITE_BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db->db, 1);
  gk_sqlite_add_functions (db->db);
  int rc = probe (db->db);
  if (rc != SQLITE_OK)
    {
      set_open_error (error, path, db->db, rc, TRUE);
      return NULL;
    }
  if (sqlite3_db_readonly (db->db, "main") == 1)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_OUTPUT, "%s: database is read-only: cannot be written", path);
      return NULL;
    }
  gint64 version = schema_version (db, error);
  if (version < 0)
    return NULL;
  /* NORMAL sync is durable at each commit point that matters here (a lost
   * last report is re-read on resume). */
  if (!use_wal (db, error)
      || !gk_store_exec (db, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;", error))
    return NULL;
  if (version == 0)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
                                              schema_sql, GK_SQLITE_SCHEMA_VERSION);
      if (!gk_store_exec (db, sql, error))
        {
          gk_store_rollback (db);
          return NULL;
        }
    }
  else if (version == 1 && !upgrade_from_1 (db, error))
    return NULL;
  db->key_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  db->ins_val = gk_store_prepare (db->db, db->path, "INSERT INTO report_vals (report_id, key_id, value, page, method, confidence, raw)"
                                                    " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (!db->ins_val)
    return NULL;
  db->ins_check = gk_store_prepare (db->db, db->path, "INSERT INTO checks (report_id, id, status, formula, message, suspect_ocr, operands)"
                                                      " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (!db->ins_check)
    return NULL;
  return g_steal_pointer (&db);
}

gint64
gk_sqlite_count (GkSqlite *db, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM \"%s\"", table);
  return gk_store_query_int (db, sql);
}

GHashTable *
gk_sqlite_known (GkSqlite *db, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT sha256 FROM reports WHERE sha256 IS NOT NULL", error);
  if (!st)
    return NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup ((const char *) sqlite3_column_text (st, 0)));
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      g_hash_table_unref (set);
      gk_store_fail (db->db, db->path, "cannot read the stored reports", error);
      return NULL;
    }
  return set;
}

static char *
now_utc (void)
{
  g_autoptr (GDateTime) t = g_date_time_new_now_utc ();
  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* Deletes the stored reading of the same content (cascading to vals/checks). */
gboolean
gk_store_delete_same (GkSqlite *db, const char *file, const char *sha256, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, sha256 ? "DELETE FROM reports WHERE sha256 = ?"
                                                                : "DELETE FROM reports WHERE sha256 IS NULL AND file = ?", error);
  if (!st)
    return FALSE;
  gk_store_bind_text (st, 1, sha256 ? sha256 : file);
  return gk_store_step_done (db->db, db->path, st, "cannot replace a report", error);
}

/* Whether a check's row keeps its formula, message and operands: not for a
 * passing check, most of them, whose text the stored record holds. */
gboolean
gk_store_check_text_kept (GkCheckStatus status)
{
  return status != GK_CHECK_PASS;
}

/* The batch's claim on sha256 ends with the transaction storing it. */
static gboolean
release_claim (GkSqlite *db, const char *sha256, GError **error)
{
  if (!sha256)
    return TRUE;
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "DELETE FROM claims WHERE sha256 = ?", error);
  if (!st)
    return FALSE;
  gk_store_bind_text (st, 1, sha256);
  return gk_store_step_done (db->db, db->path, st, "cannot release a claim", error);
}

/* A check's operands as the JSON object of its record entry. */
char *
gk_store_check_operands (const GkCheck *c)
{
  json_t *j = gk_check_to_json (c);
  char *operands = gk_json_dump (json_object_get (j, "values"), FALSE);
  json_decref (j);
  return operands;
}

gboolean
gk_store_insert_check (GkSqlite *db, gint64 report_id, const GkCheck *c, GError **error)
{
  g_autofree char *operands = gk_store_check_operands (c);
  sqlite3_stmt *st = db->ins_check;
  sqlite3_reset (st);
  sqlite3_bind_int64 (st, 1, report_id);
  gk_store_bind_text (st, 2, c->id);
  gk_store_bind_text (st, 3, gk_check_status_name (c->status));
  gboolean text = gk_store_check_text_kept (c->status);
  gk_store_bind_text (st, 4, text ? c->formula : NULL);
  gk_store_bind_text (st, 5, text ? c->message : NULL);
  sqlite3_bind_int (st, 6, c->suspect_ocr ? 1 : 0);
  gk_store_bind_text (st, 7, text ? operands : NULL);
  return sqlite3_step (st) == SQLITE_DONE || gk_store_fail (db->db, db->path, "cannot store a check", error);
}

/* The GVariant of a report's rows (gk_sqlite_rows): the reports columns
 * (the file name a bytestring: it need not be UTF-8; the record compressed,
 * with its size),
 * then vals (key, value int64|double|nothing, page (0: none), method,
 * confidence, raw), then checks (id, status, formula, message, suspect_ocr,
 * operands). */
#define ROWS_TYPE "(aymsmsimsmsimsmsayxa(smvimsmdms)a(ssmsmsbms))"

static void
add_val (const GkFlatValue *v, gpointer user_data)
{
  GVariantBuilder *b = user_data;
  GVariant *value = v->kind == GK_VALUE_INT      ? g_variant_new_int64 (v->i)
                    : v->kind == GK_VALUE_DOUBLE ? g_variant_new_double (v->d)
                                                 : NULL;
  g_variant_builder_add (b, "(smvimsmdms)", v->key, value, v->src ? v->src->page : 0,
                         v->src ? gk_method_name (v->src->method) : NULL, v->src != NULL,
                         v->src ? v->src->confidence : 0.0, v->raw);
}

GBytes *
gk_sqlite_rows (const GkRecord *r)
{
  json_t *j = gk_record_to_json (r);
  g_autofree char *json = gk_json_dump (j, FALSE);
  json_decref (j);
  g_autoptr (GBytes) packed = gk_store_record_compress (json);
  GVariantBuilder vals, checks;
  g_variant_builder_init (&vals, G_VARIANT_TYPE ("a(smvimsmdms)"));
  gk_record_flatten (r, add_val, &vals);
  g_variant_builder_init (&checks, G_VARIANT_TYPE ("a(ssmsmsbms)"));
  for (guint i = 0; i < r->checks->len; i++)
    {
      const GkCheck *c = r->checks->pdata[i];
      g_autofree char *operands = gk_store_check_operands (c);
      gboolean text = gk_store_check_text_kept (c->status);
      g_variant_builder_add (&checks, "(ssmsmsbms)", c->id, gk_check_status_name (c->status), text ? c->formula : NULL,
                             text ? c->message : NULL, (gboolean) c->suspect_ocr, text ? operands : NULL);
    }
  g_autoptr (GVariant) rows = g_variant_ref_sink (
    g_variant_new ("(^aymsmsimsmsimsms@ayx@a(smvimsmdms)@a(ssmsmsbms))", r->file, r->sha256, gk_media_name (r->media), r->pages, r->title, r->issuer, r->year,
                   r->template_id, r->published_on,
                   g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, packed, TRUE), (gint64) strlen (json),
                   g_variant_builder_end (&vals), g_variant_builder_end (&checks)));
  return g_variant_get_data_as_bytes (rows);
}

static void
bind_int_or_null (sqlite3_stmt *st, int i, gint64 v)
{
  if (v)
    sqlite3_bind_int64 (st, i, v);
  else
    sqlite3_bind_null (st, i);
}

/* The id of key in val_keys, added when new; 0 on an error. */
static gint64
key_id (GkSqlite *db, const char *key)
{
  gpointer id = g_hash_table_lookup (db->key_ids, key);
  if (id)
    return GPOINTER_TO_SIZE (id);
  sqlite3_stmt *st = NULL;
  gint64 found = 0;
  if (sqlite3_prepare_v2 (db->db, "INSERT INTO val_keys (key) VALUES (?1) ON CONFLICT (key) DO UPDATE SET key = ?1"
                                  " RETURNING id", -1, &st, NULL) == SQLITE_OK)
    {
      gk_store_bind_text (st, 1, key);
      if (sqlite3_step (st) == SQLITE_ROW)
        found = sqlite3_column_int64 (st, 0);
      if (sqlite3_step (st) != SQLITE_DONE)
        found = 0;
    }
  sqlite3_finalize (st);
  if (found > 0 && (guint64) found <= G_MAXSIZE)
    g_hash_table_insert (db->key_ids, g_strdup (key), GSIZE_TO_POINTER ((gsize) found));
  return found;
}

static gboolean
insert_vals (GkSqlite *db, gint64 report_id, GVariantIter *it)
{
  const char *key, *method, *raw;
  GVariant *value;
  gint32 page;
  gboolean has_conf;
  double conf;
  while (g_variant_iter_next (it, "(&smvim&smdm&s)", &key, &value, &page, &method, &has_conf, &conf, &raw))
    {
      sqlite3_stmt *st = db->ins_val;
      gint64 kid = key_id (db, key);
      if (!kid)
        return FALSE;
      sqlite3_reset (st);
      sqlite3_bind_int64 (st, 1, report_id);
      sqlite3_bind_int64 (st, 2, kid);
      if (value && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (st, 3, g_variant_get_int64 (value));
      else if (value)
        sqlite3_bind_double (st, 3, g_variant_get_double (value));
      else
        sqlite3_bind_null (st, 3);
      g_clear_pointer (&value, g_variant_unref);
      bind_int_or_null (st, 4, page);
      gk_store_bind_text (st, 5, method);
      if (has_conf)
        sqlite3_bind_double (st, 6, conf);
      else
        sqlite3_bind_null (st, 6);
      gk_store_bind_text (st, 7, raw);
      if (sqlite3_step (st) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_checks (GkSqlite *db, gint64 report_id, GVariantIter *it, GError **error)
{
  const char *id, *status, *formula, *message, *operands;
  gboolean suspect;
  while (g_variant_iter_next (it, "(&s&sm&sm&sbm&s)", &id, &status, &formula, &message, &suspect, &operands))
    {
      sqlite3_stmt *st = db->ins_check;
      sqlite3_reset (st);
      sqlite3_bind_int64 (st, 1, report_id);
      gk_store_bind_text (st, 2, id);
      gk_store_bind_text (st, 3, status);
      gk_store_bind_text (st, 4, formula);
      gk_store_bind_text (st, 5, message);
      sqlite3_bind_int (st, 6, suspect ? 1 : 0);
      gk_store_bind_text (st, 7, operands);
      if (sqlite3_step (st) != SQLITE_DONE)
        return gk_store_fail (db->db, db->path, "cannot store a check", error);
    }
  return TRUE;
}

gboolean
gk_sqlite_write_rows (GkSqlite *db, GBytes *bytes, GError **error)
{
  g_autoptr (GVariant) rows = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ROWS_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (rows))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_OUTPUT, "%s: a report's rows arrived damaged", db->path);
      return FALSE;
    }
  const char *file, *sha256, *media, *title, *issuer, *template_id, *published_on;
  gint32 pages, year;
  gint64 record_size;
  g_autoptr (GVariant) record = NULL;
  g_autoptr (GVariantIter) vals = NULL, checks = NULL;
  g_variant_get (rows, "(^&aym&sm&sim&sm&sim&sm&s@ayxa(smvimsmdms)a(ssmsmsbms))", &file, &sha256, &media, &pages, &title,
                 &issuer, &year, &template_id, &published_on, &record, &record_size, &vals, &checks);
  gsize record_len;
  gconstpointer record_data = g_variant_get_fixed_array (record, &record_len, 1);
  g_autofree char *issuer_key = gk_issuer_key (db->issuers, issuer);
  g_autofree char *at = now_utc ();
  if (!gk_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!gk_store_delete_same (db, file, sha256, error) || !release_claim (db, sha256, error))
    goto failed;
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "INSERT INTO reports (file, sha256, media, pages, title, issuer, issuer_key,"
                                                         " year, template, published_on, extracted_at, gongkai_version, record, record_size)"
                                                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (!st)
    goto failed;
  gk_store_bind_text (st, 1, file);
  gk_store_bind_text (st, 2, sha256);
  gk_store_bind_text (st, 3, media);
  bind_int_or_null (st, 4, pages);
  gk_store_bind_text (st, 5, title);
  gk_store_bind_text (st, 6, issuer);
  gk_store_bind_text (st, 7, issuer_key);
  bind_int_or_null (st, 8, year);
  gk_store_bind_text (st, 9, template_id);
  gk_store_bind_text (st, 10, published_on);
  gk_store_bind_text (st, 11, at);
  gk_store_bind_text (st, 12, GK_VERSION);
  sqlite3_bind_blob (st, 13, record_data, (int) record_len, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 14, record_size);
  if (!gk_store_step_done (db->db, db->path, st, "cannot store a report", error))
      goto failed;
  gint64 report_id = sqlite3_last_insert_rowid (db->db);
  if (!insert_vals (db, report_id, vals))
    {
      gk_store_fail (db->db, db->path, "cannot store a value", error);
      goto failed;
    }
  if (!insert_checks (db, report_id, checks, error))
    goto failed;
  if (gk_store_exec (db, "COMMIT", error))
    return TRUE;
failed:
  gk_store_rollback (db);
  return FALSE;
}

gboolean
gk_sqlite_write_record (GkSqlite *db, const GkRecord *r, GError **error)
{
  g_autoptr (GBytes) rows = gk_sqlite_rows (r);
  return gk_sqlite_write_rows (db, rows, error);
}

gboolean
gk_sqlite_write_failure (GkSqlite *db, const char *file, const char *sha256, const char *cause, GError **error)
{
  g_autofree char *at = now_utc ();
  if (!gk_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!gk_store_delete_same (db, file, sha256, error) || !release_claim (db, sha256, error))
    goto failed;
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "INSERT INTO reports (file, sha256, extracted_at, gongkai_version, error)"
                                                         " VALUES (?, ?, ?, ?, ?)", error);
  if (!st)
    goto failed;
  gk_store_bind_text (st, 1, file);
  gk_store_bind_text (st, 2, sha256);
  gk_store_bind_text (st, 3, at);
  gk_store_bind_text (st, 4, GK_VERSION);
  gk_store_bind_text (st, 5, cause);
  if (!gk_store_step_done (db->db, db->path, st, "cannot store a failure", error))
      goto failed;
  if (gk_store_exec (db, "COMMIT", error))
    return TRUE;
failed:
  gk_store_rollback (db);
  return FALSE;
}

gint64
gk_sqlite_count_failures (GkSqlite *db)
{
  return gk_store_query_int (db, "SELECT COUNT(*) FROM reports WHERE error IS NOT NULL");
}

/* Whether a claim by (host, pid) at time `at` is no longer held: its process
 * is gone (this host), it is ours, or it is too old to be trusted. */
static gboolean
claim_stale (const char *host, gint64 pid, const char *at)
{
  g_autoptr (GDateTime) then = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  if (!then || g_date_time_difference (now, then) > (GTimeSpan) CLAIM_STALE_SECONDS * G_TIME_SPAN_SECOND)
    return TRUE;
  if (g_strcmp0 (host, g_get_host_name ()) != 0)
    return FALSE;
  return pid == getpid () || pid <= 0 || (kill ((pid_t) pid, 0) != 0 && errno == ESRCH);
}

/* GK_SQLITE_STORED when reports holds sha256 in a way that mode skips. */
static gboolean
stored (GkSqlite *db, const char *sha256, GkSqliteClaimMode mode, gboolean *is_stored, GError **error)
{
  *is_stored = FALSE;
  if (mode == GK_SQLITE_CLAIM_ANY)
    return TRUE;
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT error IS NOT NULL FROM reports WHERE sha256 = ?", error);
  if (!st)
    return FALSE;
  gk_store_bind_text (st, 1, sha256);
  int rc = sqlite3_step (st);
  if (rc == SQLITE_ROW)
    *is_stored = mode == GK_SQLITE_CLAIM_NEW || !sqlite3_column_int (st, 0);
  sqlite3_finalize (st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || gk_store_fail (db->db, db->path, "cannot read the stored reports", error);
}

gboolean
gk_sqlite_claim (GkSqlite *db, const char *sha256, GkSqliteClaimMode mode, GkSqliteClaim *claim, GError **error)
{
  gboolean is_stored;
  /* most files of a resumed batch are stored: no write transaction for them */
  if (!stored (db, sha256, mode, &is_stored, error))
    return FALSE;
  *claim = GK_SQLITE_STORED;
  if (is_stored)
    return TRUE;
  if (!gk_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!stored (db, sha256, mode, &is_stored, error))
    goto failed;
  if (!is_stored)
    {
      sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT host, pid, at FROM claims WHERE sha256 = ?", error);
      if (!st)
        goto failed;
      gk_store_bind_text (st, 1, sha256);
      gboolean held = sqlite3_step (st) == SQLITE_ROW
                      && !claim_stale ((const char *) sqlite3_column_text (st, 0), sqlite3_column_int64 (st, 1),
                                       (const char *) sqlite3_column_text (st, 2));
      sqlite3_finalize (st);
      *claim = held ? GK_SQLITE_HELD : GK_SQLITE_CLAIMED;
    }
  if (*claim == GK_SQLITE_CLAIMED)
    {
      g_autofree char *at = now_utc ();
      sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "INSERT OR REPLACE INTO claims (sha256, host, pid, at) VALUES (?, ?, ?, ?)", error);
      if (!st)
        goto failed;
      gk_store_bind_text (st, 1, sha256);
      gk_store_bind_text (st, 2, g_get_host_name ());
      sqlite3_bind_int64 (st, 3, getpid ());
      gk_store_bind_text (st, 4, at);
      if (!gk_store_step_done (db->db, db->path, st, "cannot claim a file", error))
          goto failed;
    }
  if (gk_store_exec (db, "COMMIT", error))
    return TRUE;
failed:
  gk_store_rollback (db);
  return FALSE;
}

void
gk_sqlite_unclaim (GkSqlite *db)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "DELETE FROM claims WHERE host = ? AND pid = ?", NULL);
  if (!st)
    return;
  gk_store_bind_text (st, 1, g_get_host_name ());
  sqlite3_bind_int64 (st, 2, getpid ());
  sqlite3_step (st);
  sqlite3_finalize (st);
}

