/* series.c — see series.h. */
#include "series.h"
#include "db-private.h"
#include "check/cross-year.h"
#include "common/gk-error.h"
#include "common/gk-json.h"
#include "export/export-json.h"
#include <errno.h>
#include <string.h>
#include "store/sqlite-lib.h"  /* last: its macros name the library calls */

#define CROSS_YEAR_GLOB "cross_year.*"

static gboolean
method_from_name (const char *name, GkMethod *m)
{
  for (GkMethod k = GK_METHOD_PDF_TEXT; k <= GK_METHOD_NARRATIVE; k++)
    if (name && strcmp (name, gk_method_name (k)) == 0)
      {
        *m = k;
        return TRUE;
      }
  return FALSE;
}

/* A record rebuilt from reports + vals: metadata and values with provenance
 * (no boxes, checks or warnings: what the CSV and cross-year checks need). */
static GkRecord *
load_record (GkSqlite *db, gint64 id, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT file, sha256, issuer, year, template FROM reports WHERE id = ?", error);
  if (!st)
    return NULL;
  sqlite3_bind_int64 (st, 1, id);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      sqlite3_finalize (st);
      gk_store_fail (db->db, db->path, "a report vanished while reading", error);
      return NULL;
    }
  g_autoptr (GkRecord) r = gk_record_new ((const char *) sqlite3_column_text (st, 0));
  r->sha256 = g_strdup ((const char *) sqlite3_column_text (st, 1));
  r->issuer = g_strdup ((const char *) sqlite3_column_text (st, 2));
  r->year = sqlite3_column_int (st, 3);
  if (sqlite3_column_type (st, 4) != SQLITE_NULL)
    {
      g_free (r->template_id);
      r->template_id = g_strdup ((const char *) sqlite3_column_text (st, 4));
    }
  sqlite3_finalize (st);

  st = gk_store_prepare (db->db, db->path, "SELECT k.key, v.value, v.page, v.method, v.confidence, v.raw FROM report_vals v"
                                           " JOIN val_keys k ON k.id = v.key_id WHERE v.report_id = ? ORDER BY v.rowid", error);
  if (!st)
    return NULL;
  sqlite3_bind_int64 (st, 1, id);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (st, 0);
      const char *raw = (const char *) sqlite3_column_text (st, 5);
      GkSource src = { .page = sqlite3_column_int (st, 2), .confidence = sqlite3_column_double (st, 4) };
      const GkSource *sp = method_from_name ((const char *) sqlite3_column_text (st, 3), &src.method) ? &src : NULL;
      switch (sqlite3_column_type (st, 1))
        {
        case SQLITE_INTEGER:
          gk_record_set_int (r, key, sqlite3_column_int64 (st, 1), sp, raw);
          break;
        case SQLITE_FLOAT:
          gk_record_set_double (r, key, sqlite3_column_double (st, 1), sp, raw);
          break;
        default:
          gk_record_set_null (r, key, sp, raw);
        }
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      gk_store_fail (db->db, db->path, "cannot read stored values", error);
      return NULL;
    }
  return g_steal_pointer (&r);
}

/* checks[] of the stored JSON: cross_year.* entries replaced by `fresh`. */
static gboolean
rewrite_json_checks (GkSqlite *db, gint64 id, const GPtrArray *fresh, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT record, record_size FROM reports WHERE id = ?", error);
  if (!st)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  json_t *root = NULL;
  if (sqlite3_step (st) == SQLITE_ROW && sqlite3_column_type (st, 0) != SQLITE_NULL)
    {
      g_autofree char *json = gk_sqlite_column_record (st, 0, NULL);
      root = json ? json_loads (json, 0, NULL) : NULL;
    }
  sqlite3_finalize (st);
  if (!root)
    return TRUE;   /* a failed file has no record to update */
  json_t *old = json_object_get (root, "checks");
  json_t *checks = json_array ();
  size_t i;
  json_t *c;
  json_array_foreach (old, i, c)
    {
      const char *cid = json_string_value (json_object_get (c, "id"));
      if (!cid || !g_str_has_prefix (cid, "cross_year."))
        json_array_append (checks, c);
    }
  for (guint k = 0; fresh && k < fresh->len; k++)
    json_array_append_new (checks, gk_check_to_json (fresh->pdata[k]));
  json_object_set_new (root, "checks", checks);
  g_autofree char *text = gk_json_dump (root, FALSE);
  json_decref (root);
  g_autoptr (GBytes) packed = gk_store_record_compress (text);
  st = gk_store_prepare (db->db, db->path, "UPDATE reports SET record = ?, record_size = ? WHERE id = ?", error);
  if (!st)
    return FALSE;
  sqlite3_bind_blob (st, 1, g_bytes_get_data (packed, NULL), (int) g_bytes_get_size (packed), SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, (gint64) strlen (text));
  sqlite3_bind_int64 (st, 3, id);
  return gk_store_step_done (db->db, db->path, st, "cannot update a record", error);
}

static void
store_year_clear (gpointer p)
{
  g_free (((GkStoreYear *) p)->issuer_key);
}

sqlite3_stmt *
gk_store_select (sqlite3 *db, const char *path, const char *columns, const char *issuer, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM reports WHERE error IS NULL"
                                          " AND (?1 IS NULL OR issuer = ?1 OR issuer_key = ?1)"
                                          " ORDER BY issuer_key, year, sha256", columns);
  sqlite3_stmt *st = gk_store_prepare (db, path, sql, error);
  if (st && issuer)
    sqlite3_bind_text (st, 1, issuer, -1, SQLITE_TRANSIENT);
  return st;
}

GArray *
gk_store_series (sqlite3 *db, const char *path, const char *issuer, GError **error)
{
  sqlite3_stmt *st = gk_store_select (db, path, "id, issuer_key, year", issuer, error);
  if (!st)
    return NULL;
  GArray *out = g_array_new (FALSE, TRUE, sizeof (GkStoreYear));
  g_array_set_clear_func (out, store_year_clear);
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (st, 1);
      int year = sqlite3_column_int (st, 2);
      if (!key || !year)
        continue;   /* no issuer or no year: in no series */
      if (out->len)
        {
          GkStoreYear *last = &g_array_index (out, GkStoreYear, out->len - 1);
          if (last->year == year && strcmp (last->issuer_key, key) == 0)
            continue;
        }
      GkStoreYear e = { sqlite3_column_int64 (st, 0), g_strdup (key), year };
      g_array_append_val (out, e);
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      g_array_unref (out);
      gk_store_fail (db, path, "cannot read issuer series", error);
      return NULL;
    }
  return out;
}

/* id, status, message and operands of each check, in order: equal text, equal checks. */
static char *
checks_fingerprint (const GPtrArray *checks)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; checks && i < checks->len; i++)
    {
      const GkCheck *c = checks->pdata[i];
      gboolean text = gk_store_check_text_kept (c->status);
      g_autofree char *operands = text ? gk_store_check_operands (c) : NULL;
      g_string_append_printf (s, "%s\x1f%s\x1f%s\x1f%s\x1e", c->id, gk_check_status_name (c->status),
                              text && c->message ? c->message : "", operands ? operands : "");
    }
  return g_string_free (s, FALSE);
}

static char *
stored_fingerprint (GkSqlite *db, gint64 id, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT id, status, message, operands FROM checks"
                                                         " WHERE report_id = ? AND id GLOB '" CROSS_YEAR_GLOB "' ORDER BY rowid", error);
  if (!st)
    return NULL;
  sqlite3_bind_int64 (st, 1, id);
  GString *s = g_string_new (NULL);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      const char *m = (const char *) sqlite3_column_text (st, 2), *o = (const char *) sqlite3_column_text (st, 3);
      g_string_append_printf (s, "%s\x1f%s\x1f%s\x1f%s\x1e", sqlite3_column_text (st, 0), sqlite3_column_text (st, 1),
                              m ? m : "", o ? o : "");
    }
  sqlite3_finalize (st);
  return g_string_free (s, FALSE);
}

/* Replaces a report's cross_year.* checks (table and JSON) unless they are unchanged,
 * so recomputing a large database rewrites only what moved. */
static gboolean
store_cross_year (GkSqlite *db, gint64 id, const GPtrArray *checks, GError **error)
{
  g_autofree char *want = checks_fingerprint (checks);
  g_autofree char *have = stored_fingerprint (db, id, error);
  if (!have)
    return FALSE;
  if (strcmp (want, have) == 0)
    return TRUE;
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "DELETE FROM checks WHERE report_id = ? AND id GLOB '" CROSS_YEAR_GLOB "'", error);
  if (!st)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  if (!gk_store_step_done (db->db, db->path, st, "cannot replace cross-year checks", error))
    return FALSE;
  for (guint i = 0; checks && i < checks->len; i++)
    if (!gk_store_insert_check (db, id, checks->pdata[i], error))
      return FALSE;
  return rewrite_json_checks (db, id, checks, error);
}

gboolean
gk_sqlite_cross_year (GkSqlite *db, guint *n_checks, GError **error)
{
  guint total = 0;
  g_autoptr (GArray) series = gk_store_series (db->db, db->path, NULL, error);
  if (!series)
    return FALSE;
  /* report id → GPtrArray of fresh checks; reports holding stale ones get an empty array */
  g_autoptr (GHashTable) fresh = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 1; i < series->len; i++)
    {
      GkStoreYear *a = &g_array_index (series, GkStoreYear, i - 1), *b = &g_array_index (series, GkStoreYear, i);
      if (strcmp (a->issuer_key, b->issuer_key) != 0 || a->year + 1 != b->year)
        continue;
      g_autoptr (GkRecord) prev = load_record (db, a->id, error);
      if (!prev)
        return FALSE;
      g_autoptr (GkRecord) next = load_record (db, b->id, error);
      if (!next)
        return FALSE;
      GPtrArray *checks = gk_cross_year_checks (db->templates, prev, next);
      total += checks->len;
      g_hash_table_insert (fresh, g_memdup2 (&b->id, sizeof b->id), checks);
    }
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT DISTINCT report_id FROM checks WHERE id GLOB '" CROSS_YEAR_GLOB "'", error);
  if (!st)
    return FALSE;
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (st, 0);
      if (!g_hash_table_contains (fresh, &id))
        g_hash_table_insert (fresh, g_memdup2 (&id, sizeof id),
                             g_ptr_array_new_with_free_func ((GDestroyNotify) gk_check_free));
    }
  sqlite3_finalize (st);

  if (!gk_store_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, fresh);
  while (g_hash_table_iter_next (&it, &k, &v))
    if (!store_cross_year (db, *(gint64 *) k, v, error))
      {
        gk_store_rollback (db);
        return FALSE;
      }
  if (!gk_store_exec (db, "COMMIT", error))
    {
      gk_store_rollback (db);
      return FALSE;
    }
  if (n_checks)
    *n_checks = total;
  return TRUE;
}

gboolean
gk_sqlite_export (GkSqlite *db, const GkFormat *format, FILE *out, GError **error)
{
  sqlite3_stmt *st = gk_store_prepare (db->db, db->path, "SELECT id, record, record_size FROM reports WHERE error IS NULL ORDER BY id", error);
  if (!st)
    return FALSE;
  if (format->header)
    fputs (format->header (), out);
  int rc;
  gboolean ok = TRUE;
  while (ok && (rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      if (format->store == GK_FORMAT_STORED_RECORD)
        {
          g_autofree char *json = gk_sqlite_column_record (st, 1, error);
          if (!json)
            {
              g_prefix_error (error, "%s: report %" G_GINT64_FORMAT ": ", db->path, (gint64) sqlite3_column_int64 (st, 0));
              ok = FALSE;
              continue;
            }
          fputs (json, out);
          fputc ('\n', out);
          continue;
        }
      g_autoptr (GkRecord) r = load_record (db, sqlite3_column_int64 (st, 0), error);
      if (!r)
        ok = FALSE;
      else
        {
          g_autofree char *text = format->render (r);
          fputs (text, out);
        }
    }
  sqlite3_finalize (st);
  if (ok && rc != SQLITE_DONE)
    ok = gk_store_fail (db->db, db->path, "cannot read the reports", error);
  if (ok && (fflush (out) != 0 || ferror (out)))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_OUTPUT, "cannot write the export: %s", g_strerror (errno));
      ok = FALSE;
    }
  return ok;
}
