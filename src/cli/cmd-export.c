/* cmd-export.c — `gongkai export --db DB --format csv|jsonl [-o FILE]`:
 * a whole database as output.md's flat CSV (one row per value, written by
 * export-csv from the stored values) or as JSON lines (the stored records,
 * cross-year checks included).  Files that failed have no record and are
 * left out; `SELECT file, error FROM reports WHERE error IS NOT NULL` lists them.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include "cli.h"
#include "common/gk-error.h"
#include "export/export.h"
#include "store/series.h"

int
cmd_export (int argc, char **argv)
{
  g_autofree char *db_path = NULL, *format_s = NULL, *out_path = NULL, *models = NULL;
  g_autofree char *names = gk_format_names (TRUE);
  g_autofree char *format_help = g_strdup_printf ("%s (default csv)", names);
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "the database to export (required)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_s, format_help, "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, "write to FILE (atomically) instead of stdout (-o -: stdout)", "FILE" },
    { "models", 0, 0, G_OPTION_ARG_FILENAME, &models, "models directory", "DIR" },
    { NULL },
  };
  if (!cli_parse_options (&argc, &argv, "— export a whole database as CSV or JSON lines", entries, NULL, NULL))
    return GK_EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  const GkFormat *format = gk_format_find (format_s ? format_s : "csv");
  if (!format || format->store == GK_FORMAT_NOT_STORED)
    {
      fprintf (stderr, "gongkai: export: unknown format “%s” (%s)\n", format_s, names);
      return GK_EXIT_USAGE;
    }
  if (!db_path || argc > 1)
    {
      fprintf (stderr, "gongkai: export: need --db FILE and no other arguments (see gongkai export --help)\n");
      return GK_EXIT_USAGE;
    }
  cli_output_is_stdout (&out_path);
  if (cli_output_overwrites_input ("export", out_path, NULL, db_path))
    return GK_EXIT_USAGE;
  g_autoptr (GkSqlite) db = gk_sqlite_open_readonly (db_path, models, &error);
  if (!db)
    {
      cli_report_error (NULL, error);
      return gk_exit_code_for (error);
    }
  g_autofree char *tmp = out_path ? g_strconcat (out_path, ".partial", NULL) : NULL;
  FILE *out = tmp ? fopen (tmp, "w") : stdout;
  if (!out)
    {
      fprintf (stderr, "gongkai: %s: %s\n", tmp, g_strerror (errno));
      return GK_EXIT_OUTPUT;
    }
  gboolean ok = gk_sqlite_export (db, format, out, &error);
  if (tmp)
    {
      ok = (fclose (out) == 0) && ok;
      if (ok && g_rename (tmp, out_path) != 0)
        {
          g_set_error (&error, GK_ERROR, GK_ERROR_OUTPUT, "%s: %s", out_path, g_strerror (errno));
          ok = FALSE;
        }
      if (!ok)
        g_unlink (tmp);
    }
  if (!ok)
    {
      if (error)
        cli_report_error (NULL, error);
      else
        fprintf (stderr, "gongkai: %s: cannot write\n", out_path);
      return GK_EXIT_OUTPUT;
    }
  return GK_EXIT_OK;
}
