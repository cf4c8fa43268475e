/* merge.c — see merge.h. */
#include "merge.h"
#include "db-private.h"
#include "common/gk-error.h"
#include <glib/gstdio.h>
#include <string.h>
#include "store/sqlite-lib.h"  /* last: its macros name the library calls */

static const char report_columns[] =
  "file, sha256, media, pages, title, issuer, issuer_key, year, template, published_on, extracted_at, gongkai_version,"
  " record, record_size, error";

/* Copies one shard report (by shard id) unless the target holds the same or a newer reading. */
static gboolean
merge_one (GkSqlite *db, gint64 shard_id, const char *file, const char *sha256, const char *at,
           gboolean *copied, GError **error)
{
  *copied = FALSE;
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, sha256 ? "SELECT extracted_at FROM main.reports WHERE sha256 = ?"
                                                                : "SELECT extracted_at FROM main.reports WHERE sha256 IS NULL AND file = ?",
                              error);
  if (!st)
    return FALSE;
  gk_store_bind_text (st, 1, sha256 ? sha256 : file);
  gboolean skip = FALSE;
  while (sqlite3_step (st) == SQLITE_ROW)
    skip |= g_strcmp0 ((const char *) sqlite3_column_text (st, 0), at) >= 0;
  sqlite3_finalize (st);
  if (skip)
    return TRUE;
  if (!gk_store_delete_same (db, file, sha256, error))
    return FALSE;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO main.reports (%s) SELECT %s FROM shard.reports WHERE id = ?",
                                          report_columns, report_columns);
  st = gk_store_prepare (db->db, db->path, sql, error);
  if (!st)
    return FALSE;
  sqlite3_bind_int64 (st, 1, shard_id);
  if (!gk_store_step_done (db->db, db->path, st, "cannot copy a report", error))
    return FALSE;
  gint64 id = sqlite3_last_insert_rowid (db->db);
  static const char *const children[] = {
    "INSERT INTO main.val_keys (key) SELECT k.key FROM shard.report_vals v JOIN shard.val_keys k ON k.id = v.key_id"
    " WHERE v.report_id = ?2 AND ?1 IS NOT NULL ORDER BY v.rowid ON CONFLICT (key) DO NOTHING",
    "INSERT INTO main.report_vals (report_id, key_id, value, page, method, confidence, raw)"
    " SELECT ?1, mk.id, v.value, v.page, v.method, v.confidence, v.raw FROM shard.report_vals v"
    " JOIN shard.val_keys sk ON sk.id = v.key_id JOIN main.val_keys mk ON mk.key = sk.key"
    " WHERE v.report_id = ?2 ORDER BY v.rowid",
    "INSERT INTO main.checks (report_id, id, status, formula, message, suspect_ocr, operands)"
    " SELECT ?1, id, status, formula, message, suspect_ocr, operands FROM shard.checks WHERE report_id = ?2 ORDER BY rowid",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (children); i++)
    {
      st = gk_store_prepare (db->db, db->path, children[i], error);
      if (!st)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int64 (st, 2, shard_id);
      if (!gk_store_step_done (db->db, db->path, st, "cannot copy values or checks", error))
        return FALSE;
    }
  /* the issuer key follows this database's rules, whatever the shard's were */
  st = gk_store_prepare (db->db, db->path, "UPDATE main.reports SET issuer_key = ? WHERE id = ?", error);
  if (!st)
    return FALSE;
  sqlite3_stmt *q = gk_store_prepare (db->db, db->path, "SELECT issuer FROM main.reports WHERE id = ?", error);
  if (!q)
    {
      sqlite3_finalize (st);
      return FALSE;
    }
  sqlite3_bind_int64 (q, 1, id);
  g_autofree char *key = NULL;
  if (sqlite3_step (q) == SQLITE_ROW)
    key = gk_issuer_key (db->issuers, (const char *) sqlite3_column_text (q, 0));
  sqlite3_finalize (q);
  gk_store_bind_text (st, 1, key);
  sqlite3_bind_int64 (st, 2, id);
  if (!gk_store_step_done (db->db, db->path, st, "cannot set an issuer key", error))
    return FALSE;
  *copied = TRUE;
  return TRUE;
}

/* Reviews of one finding that the shard and the target decided differently
 * (confirmed in one, dismissed in the other): the later decision is kept, as
 * always, but each such pair is told, never settled silently. */
static gboolean
review_conflicts (GkSqlite *db, GPtrArray *conflicts, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT m.sha256, m.check_id, m.decision, m.reason, m.at, s.decision, s.reason, s.at"
                                                         " FROM main.reviews m JOIN shard.reviews s USING (sha256, check_id)"
                                                         " WHERE m.decision IS NOT s.decision ORDER BY m.sha256, m.check_id", error);
  if (!st)
    return FALSE;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *col[8];
      for (int i = 0; i < 8; i++)
        col[i] = (const char *) sqlite3_column_text (st, i);
      gboolean shard_later = g_strcmp0 (col[7], col[4]) > 0;
      int kept = shard_later ? 5 : 2, lost = shard_later ? 2 : 5;
      g_ptr_array_add (conflicts, g_strdup_printf ("conflicting reviews of report %.12s, finding %s: kept “%s: %s” (%s), "
                                                   "not “%s: %s” (%s)", col[0], col[1], col[kept], col[kept + 1],
                                                   col[kept + 2], col[lost], col[lost + 1], col[lost + 2]));
    }
  sqlite3_finalize (st);
  return rc == SQLITE_DONE || gk_store_fail (db->db, db->path, "cannot read the reviews", error);
}

static gboolean
merge_attached (GkSqlite *db, guint *n_copied, GPtrArray *conflicts, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT id, file, sha256, extracted_at FROM shard.reports ORDER BY id", error);
  if (!st)
    return FALSE;
  if (!gk_store_exec (db, "BEGIN IMMEDIATE", error))
    {
      sqlite3_finalize (st);
      return FALSE;
    }
  int rc;
  gboolean ok = TRUE;
  while (ok && (rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      gboolean copied;
      ok = merge_one (db, sqlite3_column_int64 (st, 0), (const char *) sqlite3_column_text (st, 1),
                      (const char *) sqlite3_column_text (st, 2), (const char *) sqlite3_column_text (st, 3),
                      &copied, error);
      *n_copied += copied;
    }
  sqlite3_finalize (st);
  if (ok && rc != SQLITE_DONE)
    ok = gk_store_fail (db->db, db->path, "cannot read the shard", error);
  if (ok && conflicts)
    ok = review_conflicts (db, conflicts, error);
  ok = ok && gk_store_exec (db, "INSERT INTO main.reviews (sha256, check_id, decision, reason, at)"
                       " SELECT sha256, check_id, decision, reason, at FROM shard.reviews WHERE TRUE"
                       " ON CONFLICT (sha256, check_id) DO UPDATE SET decision = excluded.decision,"
                       " reason = excluded.reason, at = excluded.at WHERE excluded.at > reviews.at", error);
  ok = ok && gk_store_exec (db, "COMMIT", error);
  if (!ok)
    gk_store_rollback (db);
  return ok;
}

gboolean
gk_sqlite_merge (GkSqlite *db, const char *shard_path, guint *n_copied, GPtrArray *conflicts, GError **error)
{
  guint copied = 0;
  GStatBuf shard_st, db_st;
  if (g_stat (shard_path, &shard_st) != 0 || !S_ISREG (shard_st.st_mode))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_IO, "%s: no such database file", shard_path);
      return FALSE;
    }
  /* attached to itself, the copy would wait on its own write lock */
  if (g_stat (db->path, &db_st) == 0 && db_st.st_dev == shard_st.st_dev && db_st.st_ino == shard_st.st_ino)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_USAGE, "%s: is the database merged into (--db); a database cannot be merged into itself",
                   shard_path);
      return FALSE;
    }
  {
    /* the shard must be a gongkai database of a schema we know */
    g_autoptr (GkSqlite) probe = g_new0 (GkSqlite, 1);
    probe->path = g_strdup (shard_path);
    if (sqlite3_open_v2 (shard_path, &probe->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
      return gk_store_fail (probe->db, probe->path, "cannot open the shard", error);
    sqlite3_busy_timeout (probe->db, GK_SQLITE_BUSY_TIMEOUT_MS);
    gint64 version = gk_store_query_int (probe, "PRAGMA user_version");
    if (version > 0 && version < GK_SQLITE_SCHEMA_VERSION)
      {
        /* an older shard is upgraded in place, as opening it for a batch would */
        g_autoptr (GkSqlite) up = gk_sqlite_open (shard_path, NULL, error);
        if (!up)
          return FALSE;
        version = GK_SQLITE_SCHEMA_VERSION;
      }
    if (version != GK_SQLITE_SCHEMA_VERSION)
      {
        g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "%s: not a gongkai database (schema version %" G_GINT64_FORMAT ")",
                     shard_path, version);
        return FALSE;
      }
  }
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "ATTACH DATABASE ? AS shard", error);
  if (!st)
    return FALSE;
  gk_store_bind_text (st, 1, shard_path);
  if (!gk_store_step_done (db->db, db->path, st, "cannot attach the shard", error))
    return FALSE;
  gboolean ok = merge_attached (db, &copied, conflicts, error);
  sqlite3_exec (db->db, "DETACH DATABASE shard", NULL, NULL, NULL);
  if (n_copied)
    *n_copied = copied;
  return ok;
}
