/* cli-db.c — storing into a database from `gongkai extract --db`: a record's rows,
 * or the cause of a file that failed (under its sha256 when the file can
 * be hashed, so a later batch skips it like any stored file), then the
 * cross-year checks once all files are in. */
#include <stdio.h>
#include "cli.h"
#include "input/input.h"
#include "store/series.h"

gboolean
cli_db_store (GkSqlite *db, const char *path, GBytes *rows, const GError *failure)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;
  if (rows)
    ok = gk_sqlite_write_rows (db, rows, &error);
  else
    {
      g_autofree char *sha = gk_input_sha256_file (path, NULL);
      ok = gk_sqlite_write_failure (db, path, sha, failure->message, &error);
    }
  if (!ok)
    cli_report_error (NULL, error);
  return ok;
}

gboolean
cli_db_finish (GkSqlite *db)
{
  g_autoptr (GError) error = NULL;
  if (gk_sqlite_cross_year (db, NULL, &error))
    return TRUE;
  cli_report_error (NULL, error);
  return FALSE;
}
