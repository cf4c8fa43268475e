/* audit-db.c — see audit-db.h. */
#include "audit-db.h"
#include "common/gk-error.h"
#include "store/db.h"
#include "store/series.h"
#include "input/input.h"
#include <sqlite3.h>
#include <string.h>
#include "store/sqlite-lib.h"  /* last: its macros name the library calls */

struct GkAuditDb {
  sqlite3 *db;
  char *path;
};

GkAuditDb *
gk_audit_db_open (const char *path, gboolean writable, GError **error)
{
  g_autoptr (GkAuditDb) db = g_new0 (GkAuditDb, 1);
  db->path = g_strdup (path);
  db->db = gk_sqlite_connect (path, writable, error);
  if (!db->db || !gk_sqlite_check_schema (db->db, path, error))
    return NULL;
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                                         " AND name IN ('reports', 'checks', 'reviews')", NULL);
  int n = st && sqlite3_step (st) == SQLITE_ROW ? sqlite3_column_int (st, 0) : -1;
  sqlite3_finalize (st);
  if (n != 3)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "%s: not a gongkai database (no reports, checks and reviews tables)", path);
      return NULL;
    }
  return g_steal_pointer (&db);
}

void
gk_audit_db_close (GkAuditDb *db)
{
  if (!db)
    return;
  sqlite3_close (db->db);
  g_free (db->path);
  g_free (db);
}

static const char *
col_text (sqlite3_stmt *st, int i)
{
  return (const char *) sqlite3_column_text (st, i);
}

static gboolean
load_reviews (GkAuditDb *db, GkAuditReport *rep, const char *sha256, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT check_id, decision, reason, at FROM reviews WHERE sha256 = ? ORDER BY at", error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, sha256, -1, SQLITE_TRANSIENT);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (rep->reviews, gk_audit_review_new (col_text (st, 0), col_text (st, 1), col_text (st, 2), col_text (st, 3)));
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      gk_store_fail (db->db, db->path, "cannot read reviews", error);
      return FALSE;
    }
  return TRUE;
}

/* The report of a row (sha256, record, record_size), with its reviews. */
static GkAuditReport *
read_report (GkAuditDb *db, sqlite3_stmt *st, GError **error)
{
  const char *sha = col_text (st, 0);
  json_error_t jerr = { .text = "" };
  g_autoptr (GError) zerr = NULL;
  g_autofree char *text = gk_sqlite_column_record (st, 1, &zerr);
  json_t *record = text ? json_loads (text, 0, &jerr) : NULL;
  if (!json_is_object (record))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "%s: report %.12s…: stored JSON unreadable: %s",
                   db->path, sha ? sha : "?", zerr ? zerr->message : jerr.text);
      json_decref (record);
      return NULL;
    }
  GkAuditReport *rep = gk_audit_report_new (record);
  json_decref (record);
  if (sha && !load_reviews (db, rep, sha, error))
    {
      gk_audit_report_free (rep);
      return NULL;
    }
  return rep;
}

GPtrArray *
gk_audit_db_reports (GkAuditDb *db, const char *issuer, GError **error)
{
  sqlite3_stmt *st = gk_store_select (db->db, db->path, "sha256, record, record_size", issuer, error);
  if (!st)
    return NULL;
  g_autoptr (GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_audit_report_free);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (st, 1) == SQLITE_NULL)
        continue;   /* a schema 1 report stored without its record */
      GkAuditReport *rep = read_report (db, st, error);
      if (!rep)
        {
          sqlite3_finalize (st);
          return NULL;
        }
      g_ptr_array_add (reports, rep);
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      gk_store_fail (db->db, db->path, "cannot read reports", error);
      return NULL;
    }
  return g_steal_pointer (&reports);
}

GPtrArray *
gk_audit_db_series (GkAuditDb *db, const char *issuer, GError **error)
{
  g_autoptr (GArray) years = gk_store_series (db->db, db->path, issuer, error);
  if (!years)
    return NULL;
  if (years->len == 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_USAGE, "%s: no report of issuer “%s” with a year", db->path, issuer);
      return NULL;
    }
  g_autoptr (GPtrArray) series = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_audit_report_free);
  for (guint i = 0; i < years->len; i++)
    {
      sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT sha256, record, record_size FROM reports WHERE id = ?",
                                           error);
      if (!st)
        return NULL;
      sqlite3_bind_int64 (st, 1, g_array_index (years, GkStoreYear, i).id);
      GkAuditReport *rep = sqlite3_step (st) == SQLITE_ROW ? read_report (db, st, error) : NULL;
      if (!rep && error && !*error)
        gk_store_fail (db->db, db->path, "a report vanished while reading", error);
      sqlite3_finalize (st);
      if (!rep)
        return NULL;
      g_ptr_array_add (series, rep);
    }
  return g_steal_pointer (&series);
}

GPtrArray *
gk_audit_db_failures (GkAuditDb *db, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT file, error FROM reports WHERE error IS NOT NULL ORDER BY file", error);
  if (!st)
    return NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_audit_failure_free);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (out, gk_audit_failure_new (col_text (st, 0), col_text (st, 1)));
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      gk_store_fail (db->db, db->path, "cannot read failures", error);
      g_ptr_array_unref (out);
      return NULL;
    }
  return out;
}

/* The sha256 values a query with one text parameter returns. */
static GPtrArray *
shas (GkAuditDb *db, const char *sql, const char *param, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, sql, error);
  if (!st)
    return NULL;
  sqlite3_bind_text (st, 1, param, -1, SQLITE_TRANSIENT);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (st) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup (col_text (st, 0)));
  sqlite3_finalize (st);
  return out;
}

static char *
one_sha (GkAuditDb *db, GPtrArray *found, const char *report, GError **error)
{
  if (found->len == 1)
    return g_strdup (found->pdata[0]);
  g_set_error (error, GK_ERROR, GK_ERROR_USAGE, "%s: “%s” names %u reports; give more of the sha256",
               db->path, report, found->len);
  return NULL;
}

char *
gk_audit_db_resolve (GkAuditDb *db, const char *report, GError **error)
{
  if (g_file_test (report, G_FILE_TEST_IS_REGULAR))
    {
      /* a file on disk: by its content, whatever its name was when read */
      g_autoptr (GkInput) input = gk_input_open (report, NULL, error);
      if (!input)
        return NULL;
      g_autoptr (GPtrArray) found = shas (db, "SELECT sha256 FROM reports WHERE sha256 = ?", input->sha256, error);
      if (!found)
        return NULL;
      if (found->len == 0)
        {
          g_set_error (error, GK_ERROR, GK_ERROR_USAGE, "%s: %s (sha256 %.12s…) is not in the database",
                       db->path, report, input->sha256);
          return NULL;
        }
      return g_strdup (found->pdata[0]);
    }
  gsize len = strlen (report);
  gboolean hex = len >= GK_AUDIT_MIN_SHA_PREFIX && len <= 64;
  for (gsize i = 0; hex && i < len; i++)
    hex = g_ascii_isxdigit (report[i]);
  if (hex)
    {
      g_autofree char *prefix = g_ascii_strdown (report, -1);
      g_autofree char *pattern = g_strconcat (prefix, "*", NULL);
      g_autoptr (GPtrArray) found = shas (db, "SELECT sha256 FROM reports WHERE sha256 GLOB ?", pattern, error);
      if (!found)
        return NULL;
      if (found->len)
        return one_sha (db, found, report, error);
    }
  g_autoptr (GPtrArray) found = shas (db, "SELECT sha256 FROM reports WHERE file = ? AND sha256 IS NOT NULL", report, error);
  if (!found)
    return NULL;
  if (found->len)
    return one_sha (db, found, report, error);
  g_set_error (error, GK_ERROR, GK_ERROR_USAGE, "%s: no report “%s” (neither a sha256 prefix, a file, nor a stored path)",
               db->path, report);
  return NULL;
}

gboolean
gk_audit_db_review (GkAuditDb *db, const char *sha256, const char *check_id,
                    const char *decision, const char *reason, GError **error)
{
  if (g_strcmp0 (decision, "confirmed") != 0 && g_strcmp0 (decision, "dismissed") != 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_USAGE, "a decision is “confirmed” or “dismissed”, not “%s”", decision);
      return FALSE;
    }
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  if (!*trimmed)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_USAGE, "a decision needs a reason");
      return FALSE;
    }
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT c.status FROM checks c JOIN reports r ON c.report_id = r.id"
                                                         " WHERE r.sha256 = ? AND c.id = ?", error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 2, check_id, -1, SQLITE_TRANSIENT);
  gboolean exists = sqlite3_step (st) == SQLITE_ROW;
  sqlite3_finalize (st);
  if (!exists)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_USAGE, "report %.12s… has no check “%s”", sha256, check_id);
      return FALSE;
    }
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  st = gk_store_prepare (db->db, db->path, "INSERT INTO reviews (sha256, check_id, decision, reason, at) VALUES (?, ?, ?, ?, ?)"
                                           " ON CONFLICT (sha256, check_id) DO UPDATE SET decision = excluded.decision,"
                                           " reason = excluded.reason, at = excluded.at", error);
  if (!st)
    return FALSE;
  sqlite3_bind_text (st, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 2, check_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 3, decision, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 4, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 5, at, -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step (st);
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      gk_store_fail (db->db, db->path, "cannot store the decision", error);
      return FALSE;
    }
  return TRUE;
}
