/* merge.h — shard databases combined into one (gongkai merge).
 *
 *   gk_sqlite_merge   copy a shard database in (idempotent, by sha256)
 *
 * Method.  A shard report is copied when the target lacks its sha256 or
 * holds an older reading (extracted_at), so merging twice, or in any
 * order, gives the same rows; its issuer key follows the target's rules.
 * Reviews keep the later decision, and a finding the two decided
 * differently is told, never settled silently.
 */
#pragma once
#include "store/db.h"

/* n_copied (may be NULL) receives how many shard reports were new or newer;
 * conflicts (may be NULL) gets a message (char *) per finding the shard and
 * db reviewed differently; a shard that is db itself is a GK_ERROR_USAGE. */
gboolean gk_sqlite_merge (GkSqlite *db, const char *shard_path, guint *n_copied, GPtrArray *conflicts,
                          GError **error);
