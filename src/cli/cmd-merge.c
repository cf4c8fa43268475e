/* cmd-merge.c — `gongkai merge SHARD.sqlite... --db all.sqlite`: shards
 * written by separate batches (other machines, Slurm array tasks) combined
 * into one database by sha256, then the cross-year checks recomputed over
 * the whole.  Idempotent: a report already present with the same or a
 * newer reading is left alone, so merging twice changes nothing.  Each
 * shard is copied in one transaction: a failed merge leaves no half shard.
 * Two decisions on one finding (a shard and the target disagree) are
 * listed on stderr, the later one kept; a shard that is the target itself
 * is a usage error (exit 2).
 */
#include <stdio.h>
#include "cli.h"
#include "common/gk-error.h"
#include "store/db.h"
#include "store/merge.h"
#include "store/series.h"

int
cmd_merge (int argc, char **argv)
{
  g_autofree char *db_path = NULL, *models = NULL;
  g_auto (GStrv) shards = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "the database to merge into (created if missing; required)", "FILE" },
    { "models", 0, 0, G_OPTION_ARG_FILENAME, &models, "models directory", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &shards, NULL, "SHARD.sqlite..." },
    { NULL },
  };
  if (!cli_parse_options (&argc, &argv, "— combine shard databases into one", entries, NULL, NULL))
    return GK_EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  if (!db_path || !shards || !shards[0])
    {
      fprintf (stderr, "gongkai: merge: need --db FILE and at least one shard (see gongkai merge --help)\n");
      return GK_EXIT_USAGE;
    }
  g_autoptr (GkSqlite) db = gk_sqlite_open (db_path, models, &error);
  if (!db)
    {
      cli_report_error (NULL, error);
      return gk_exit_code_for (error);
    }
  int exit_code = GK_EXIT_OK;
  guint copied = 0, n_conflicts = 0;
  for (int i = 0; shards[i]; i++)
    {
      guint n = 0;
      g_autoptr (GError) merr = NULL;
      g_autoptr (GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
      if (!gk_sqlite_merge (db, shards[i], &n, conflicts, &merr))
        {
          cli_report_error (NULL, merr);
          exit_code = MAX (exit_code, gk_exit_code_for (merr));
        }
      for (guint k = 0; k < conflicts->len; k++)
        fprintf (stderr, "gongkai: %s: %s\n", shards[i], (const char *) conflicts->pdata[k]);
      n_conflicts += conflicts->len;
      copied += n;
    }
  guint n_cross = 0;
  if (!gk_sqlite_cross_year (db, &n_cross, &error))
    {
      cli_report_error (NULL, error);
      return GK_EXIT_OUTPUT;
    }
  fprintf (stderr, "gongkai: merge: %u shards: %u reports copied, %" G_GINT64_FORMAT " in %s; %u cross-year checks",
           g_strv_length (shards), copied, gk_sqlite_count (db, "reports"), db_path, n_cross);
  if (n_conflicts)
    fprintf (stderr, "; %u conflicting reviews (the later decision kept, each listed above)", n_conflicts);
  fputc ('\n', stderr);
  return exit_code;
}
