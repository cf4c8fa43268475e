/* db.h — the store: records in one SQLite database (output.md "SQLite").
 * Which report stands for a year and the cross-year pass are series.h,
 * combining shards merge.h.
 *
 *   gk_sqlite_open / gk_sqlite_close   open or create a database (schema, WAL, busy timeout)
 *   gk_sqlite_open_readonly            an existing database, for reading only (export)
 *   gk_sqlite_connect                  a connection to an existing database file (audit-db too)
 *   gk_sqlite_known                    the sha256 of every report already stored
 *   gk_sqlite_write_record             one report, in one transaction, replacing its sha256
 *   gk_sqlite_rows / _write_rows       the same in two steps: the rows made where the record is
 *                                      (a worker process), written by the one writer
 *   gk_sqlite_write_failure            a file that could not be read: its one-line cause
 *   gk_sqlite_claim / _unclaim         a batch takes a file (by sha256) so that another batch on the same
 *                                      database skips it; storing it releases the claim
 *   gk_sqlite_count_failures           how many files are stored as failed
 *   gk_sqlite_column_record            the JSON text of a stored record (reports.record)
 *   gk_sqlite_check_schema             a connection's schema version is this gongkai's, else why not
 *   gk_sqlite_add_functions            sqlar_uncompress (X, SZ) on a connection, as in the sqlite3 shell
 *   gk_sqlite_count                    rows of a table (tests, summaries)
 *   gk_store_prepare / _step_done      a statement prepared, or run to its end and finalized;
 *   gk_store_fail                      else an error naming the database and what failed
 *
 * Schema (PRAGMA user_version 1):
 *   reports  one row per file read: id, file, sha256 UNIQUE, media, pages,
 *            title, issuer, issuer_key (issuer.h), year, template,
 *            published_on, extracted_at (UTC, ISO 8601, microseconds),
 *            json (the full record, compact), error (NULL, or the one-line
 *            cause for a file that failed; its sha256 is NULL when the file
 *            could not even be hashed)
 *   vals     (report_id, key, value, page, method, confidence, raw): the
 *            CSV's rows — one number per canonical key, the breakdown as
 *            narrative.active_breakdown.<i>.count/.percent.  value has no
 *            declared type so 100.0 万元 stays REAL and 85 stays INTEGER.
 *   checks   (report_id, id, status, formula, message, suspect_ocr, operands
 *            as JSON): every check of the record plus cross_year.*
 *   reviews  (sha256, check_id, decision confirmed|dismissed, reason, at):
 *            auditors' decisions, keyed by content so they survive re-extraction
 *   indexes  reports (issuer_key, year), reports (file), vals (report_id),
 *            vals (key, value) for "this key across all reports", checks
 *            (report_id, id), and checks (id) WHERE status = 'fail' — partial,
 *            so the many passing checks cost no index writes.  vals (key,
 *            value) is the dearest to maintain (each report adds an entry to
 *            ~200 separate index pages): about 40% of a text-only batch's
 *            time; drop it for a write-only bulk load and re-create it after.
 *   view report_values: one row per report (long → wide) with the most-used
 *            canonical keys as columns (applications.*.total, appeals.*.total,
 *            narrative.active_total, the 2019/2021 decisions) and the count of
 *            failing checks.  Any other key: SELECT … FROM vals WHERE key = ….
 *
 * Method.  Content decides identity: a file is its sha256, so re-reading it
 * (or merging a shard that read it) replaces its rows, and reviews keyed by
 * sha256 + check id outlive any number of re-extractions.  Every report is
 * written in one transaction, so a batch killed at any instant leaves each
 * report either whole or absent, and resuming is "skip what is there".  WAL
 * lets readers (export, a review UI) work while a batch writes; the busy
 * timeout waits out another writer instead of failing.
 * The connection is not shared between threads: one writer, many readers.
 */
#pragma once
#include <stdio.h>
#include <glib.h>
#include "model/record.h"

/* How long a write waits for another connection's lock before failing. */
#define GK_SQLITE_BUSY_TIMEOUT_MS 30000
#define GK_SQLITE_SCHEMA_VERSION  2

struct sqlite3;
struct sqlite3_stmt;

typedef struct GkSqlite GkSqlite;

/* models_dir (NULL = default) gives the issuer rules and check labels. */
GkSqlite *gk_sqlite_open (const char *path, const char *models_dir, GError **error);
/* An existing gongkai database opened read-only: export and other readers,
 * on a read-only file system or a 0444 file too.  Writing through it fails. */
GkSqlite *gk_sqlite_open_readonly (const char *path, const char *models_dir, GError **error);
void gk_sqlite_close (GkSqlite *db);
/* A connection (busy timeout, extended result codes) to the existing
 * database file at path, its schema read once.  Read-only unless writable,
 * and then a file that cannot be written is an error.  A read-only WAL
 * database in a directory where its -shm file cannot be made is read as
 * the file stands when it has no -wal file (or an empty one), and refused,
 * saying so, when its -wal file holds commits.  Errors never call an unreadable file "not a database": a file
 * that is not SQLite, a damaged one ("malformed") and one that cannot be
 * opened are told apart. */
struct sqlite3 *gk_sqlite_connect (const char *path, gboolean writable, GError **error);
/* A set (sha256 → itself) of every stored report, failed ones included. */
GHashTable *gk_sqlite_known (GkSqlite *db, GError **error);
gboolean gk_sqlite_write_record (GkSqlite *db, const GkRecord *record, GError **error);
/* A report's rows as bytes (a GVariant) that gk_sqlite_write_rows stores
 * exactly as gk_sqlite_write_record would have stored the record. */
GBytes *gk_sqlite_rows (const GkRecord *record);
gboolean gk_sqlite_write_rows (GkSqlite *db, GBytes *rows, GError **error);
gboolean gk_sqlite_write_failure (GkSqlite *db, const char *file, const char *sha256,
                                  const char *cause, GError **error);
/* Which stored files a batch reads again: none, the failed ones, all. */
typedef enum { GK_SQLITE_CLAIM_NEW, GK_SQLITE_CLAIM_FAILED, GK_SQLITE_CLAIM_ANY } GkSqliteClaimMode;
typedef enum {
  GK_SQLITE_CLAIMED,   /* this process reads it */
  GK_SQLITE_STORED,    /* stored, and mode skips it */
  GK_SQLITE_HELD,      /* claimed by another live process */
} GkSqliteClaim;
/* Claims are rows of the claims table (sha256, host, pid, at); one whose
 * process is gone (same host) or older than a day is taken over. */
gboolean gk_sqlite_claim (GkSqlite *db, const char *sha256, GkSqliteClaimMode mode, GkSqliteClaim *claim,
                          GError **error);
/* Drops this process's claims left unstored (an interrupted batch). */
void gk_sqlite_unclaim (GkSqlite *db);
gint64 gk_sqlite_count_failures (GkSqlite *db);
/* The record at column col (reports.record) with its size at col + 1. */
char *gk_sqlite_column_record (struct sqlite3_stmt *st, int col, GError **error);
gboolean gk_sqlite_check_schema (struct sqlite3 *db, const char *path, GError **error);
void gk_sqlite_add_functions (struct sqlite3 *db);
gint64 gk_sqlite_count (GkSqlite *db, const char *table);

/* The one way a statement is prepared, run and its failure told, for every
 * reader of a gongkai database (merge, series, audit): errors are
 * GK_ERROR_OUTPUT "PATH: WHAT: sqlite's message".  gk_store_fail returns FALSE. */
struct sqlite3_stmt *gk_store_prepare (struct sqlite3 *db, const char *path, const char *sql, GError **error);
gboolean gk_store_step_done (struct sqlite3 *db, const char *path, struct sqlite3_stmt *st, const char *what,
                             GError **error);
gboolean gk_store_fail (struct sqlite3 *db, const char *path, const char *what, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkSqlite, gk_sqlite_close)
