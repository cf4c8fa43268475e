/* db-private.h — the store's inside, for db.c, merge.c and series.c alone:
 * the connection with the models it labels with, and the steps of a
 * write that merging and the cross-year pass repeat. */
#pragma once
#include "store/db.h"
#include "issuer/issuer.h"
#include "templates/template.h"
#include <sqlite3.h>

struct GkSqlite {
  sqlite3 *db;
  char *path;
  GkIssuerRules *issuers;
  GkTemplateSet *templates;
  sqlite3_stmt *ins_val;
  sqlite3_stmt *ins_check;
  GHashTable *key_ids;   /* val_keys: key → id, as far as seen (cleared on rollback) */
};

gboolean gk_store_exec (GkSqlite *db, const char *sql, GError **error);
/* Ends an open transaction, forgetting the keys it added. */
void gk_store_rollback (GkSqlite *db);
/* The first column of the first row of sql; -1 when there is none. */
gint64 gk_store_query_int (GkSqlite *db, const char *sql);
void gk_store_bind_text (sqlite3_stmt *st, int i, const char *s);
/* A record's JSON as stored: zlib, or the text when that is no smaller. */
GBytes *gk_store_record_compress (const char *json);
/* Deletes the stored reading of the same content (sha256, else the file of a failure). */
gboolean gk_store_delete_same (GkSqlite *db, const char *file, const char *sha256, GError **error);
/* A check's row keeps formula, message and operands only when it does not pass. */
gboolean gk_store_check_text_kept (GkCheckStatus status);
char *gk_store_check_operands (const GkCheck *c);
gboolean gk_store_insert_check (GkSqlite *db, gint64 report_id, const GkCheck *c, GError **error);
