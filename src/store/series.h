/* series.h — an issuer's reports year by year, read back from the store.
 *
 *   gk_store_select        the readable reports (of one issuer) in the year order
 *   gk_store_series        the reports that stand for their issuer's years
 *   gk_sqlite_cross_year   recompute cross_year.* checks of every issuer series
 *   gk_sqlite_export       the whole database in an output format (CSV, JSONL)
 *
 * Method.  When an issuer has several reports for one year (the PDF and
 * the HTML of one report, say) the one with the smallest sha256 stands for
 * it — the one rule, for whatever reads the store — so
 * nothing depends on the order files arrived.  Cross-year checks are
 * stored with the later report of two consecutive years of one
 * issuer_key, comparing records rebuilt from the stored values, and only
 * what changed is rewritten.
 */
#pragma once
#include <stdio.h>
#include "export/export.h"
#include "store/db.h"

typedef struct {
  gint64 id;          /* reports.id */
  char *issuer_key;
  int year;
} GkStoreYear;

/* SELECT columns of the reports read successfully, issuer by issuer and year
 * by year, the report standing for a year first; issuer (NULL: all) keeps
 * those whose issuer or issuer_key it is. */
struct sqlite3_stmt *gk_store_select (struct sqlite3 *db, const char *path, const char *columns, const char *issuer,
                                      GError **error);
/* GkStoreYear of each (issuer_key, year) with a readable report, by
 * issuer and year; issuer as for gk_store_select. */
GArray *gk_store_series (struct sqlite3 *db, const char *path, const char *issuer, GError **error);
/* n_checks (may be NULL) receives how many cross-year checks are stored. */
gboolean gk_sqlite_cross_year (GkSqlite *db, guint *n_checks, GError **error);
/* A format `export` offers (export.h: its row says how the store gives a record). */
gboolean gk_sqlite_export (GkSqlite *db, const GkFormat *format, FILE *out, GError **error);
