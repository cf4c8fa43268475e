/* cmd-extract.c — `gongkai extract`: files → records on stdout or in -o DIR.
 * "-" as a FILE is standard input (input.h), "-o -" standard output.
 *
 * Files are read by -j worker processes (workers.h), which render each
 * record (a single file in this process, under the same memory limit); output keeps the order of the command line, a window of files
 * ahead of the next one to print.  A file that fails (its worker killed by
 * a limit or a crash included) is reported once on stderr and the others
 * go on; the exit code says the worst that happened.
 */
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include "cli.h"
#include "common/gk-cores.h"
#include "common/gk-error.h"
#include "common/gk-file.h"
#include "export/export.h"
#include "store/db.h"
#include "input/input.h"
#include "pipeline/pipeline.h"

/* Files read ahead of the next one to print, per worker: bounds the records
 * held while one slow file keeps the others from being printed (64 records
 * of some 100 KB a worker), and is wide enough for the largest files of a
 * run of a few hundred to be handed out first. */
#define WINDOW_PER_WORKER 64

/* The output file name of each input under -o DIR, decided from the command
 * line alone (never from which worker finishes first): BASE.EXT, and for a
 * later input whose name is taken (a/r.txt b/r.txt) BASE-2.EXT, BASE-3.EXT… */
static GStrv
output_names (char **files, guint n, const char *ext)
{
  g_autoptr (GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  GStrv names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *base = g_path_get_basename (files[i]);
      char *name = g_strdup_printf ("%s.%s", base, ext);
      for (guint k = 2; g_hash_table_contains (taken, name); k++)
        {
          g_free (name);
          name = g_strdup_printf ("%s-%u.%s", base, k, ext);
        }
      g_hash_table_add (taken, name);
      names[i] = name;
    }
  return names;
}

/* How many of files are standard input ("-"). */
static guint
stdin_count (char **files)
{
  guint n = 0;
  for (guint i = 0; files[i]; i++)
    n += strcmp (files[i], GK_INPUT_STDIN) == 0;
  return n;
}

int
cmd_extract (int argc, char **argv)
{
  g_autofree char *format_s = NULL, *out_dir = NULL, *db_path = NULL;
  int jobs = 1;
  g_auto (CliReadArgs) read_args;
  cli_read_args_init (&read_args);
  g_auto (GStrv) files = NULL;
  /* the names from the format table, so a new format needs no word here */
  g_autofree char *format_names = gk_format_names (FALSE);
  g_autofree char *format_help = g_strdup_printf ("%s (json: one record, or an array for several files)", format_names);
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_s, format_help, "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir, "write one file per input into DIR instead of stdout (-o -: stdout)", "DIR" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "also store records in this SQLite database (then nothing on stdout unless --format is given)", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "read N files at once (default 1)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE..." },
    { NULL },
  };
  if (!cli_parse_options (&argc, &argv, "— read government information-disclosure annual reports (FILE - reads standard input)", entries,
                          &read_args, NULL))
    return GK_EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  const GkFormat *format = gk_format_find (format_s ? format_s : "json");
  GkReadOptions opts;
  const char *models = read_args.models;
  if (!cli_read_args_finish (&read_args, &opts, &error) || !cli_check_jobs (jobs, &error)
      || (!format && !cli_bad_value (&error, "--format", format_s, format_names)))
    return cli_usage_error ("extract", error);
  if (!files || !files[0])
    {
      fprintf (stderr, "gongkai: extract: no input files (see gongkai extract --help)\n");
      return GK_EXIT_USAGE;
    }
  if (stdin_count (files) > 1)
    {
      fprintf (stderr, "gongkai: extract: standard input (-) given more than once\n");
      return GK_EXIT_USAGE;
    }
  gboolean dash_out = cli_output_is_stdout (&out_dir);   /* -o -: standard output, --db or not */
  if (out_dir && g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      fprintf (stderr, "gongkai: %s: cannot create output directory: %s\n", out_dir, g_strerror (errno));
      return GK_EXIT_OUTPUT;
    }

  g_autoptr (GkPipeline) pipeline = gk_pipeline_new_for (models, g_strv_length (files), &error);
  if (!pipeline)
    {
      cli_report_error (NULL, error);
      return gk_exit_code_for (error);
    }
  g_autoptr (GkSqlite) db = db_path ? gk_sqlite_open (db_path, models, &error) : NULL;
  if (db_path && !db)
    {
      cli_report_error (NULL, error);
      return gk_exit_code_for (error);
    }
  gboolean to_stdout = dash_out || (!out_dir && !(db && !format_s));

  guint n = g_strv_length (files);
  g_auto (GStrv) out_names = out_dir ? output_names (files, n, format->extension) : NULL;
  gboolean array = format->array && n > 1 && to_stdout;
  CliWork work = { pipeline, &opts, files, to_stdout || out_dir ? format : NULL, db != NULL };
  g_autofree GBytes **results = g_new0 (GBytes *, n);
  g_autofree GError **failures = g_new0 (GError *, n);
  /* one file is read in this process: a worker would only add its start-up */
  g_autoptr (GkWorkers) workers = n > 1 ? cli_work_start (&work, MIN ((guint) jobs, n), &read_args, &opts, &error) : NULL;
  if (n > 1 && !workers)
    {
      cli_report_error (NULL, error);
      return GK_EXIT_INPUT;
    }
  if (n == 1)
    {
      gk_cores_set_local ((guint) jobs - 1);   /* for the pages of a scan */
      results[0] = cli_work_here (&work, 0, &read_args, &failures[0]);
    }
  guint window = MAX ((guint) jobs * WINDOW_PER_WORKER, 1);

  int exit_code = GK_EXIT_OK;
  gboolean not_report = FALSE;
  if (format->header && to_stdout)
    cli_stdout_puts (format->header ());
  if (array)
    cli_stdout_puts ("[\n");
  gboolean first = TRUE;
  g_autofree guint64 *sizes = cli_work_file_sizes (files, n);
  g_autofree gboolean *sent = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      while (!results[i] && !failures[i])
        {
          /* the next file to print, then the largest of the window (longest
           * first keeps the workers busy to the end) */
          for (guint end = MIN (n, i + window), k;
               (k = sent[i] ? cli_work_largest_unsent (sizes, sent, i, end) : i) < end;)
            if (gk_workers_submit (workers, k, &error))
              sent[k] = TRUE;
            else
              break;
          if (error)
            {
              cli_report_error (NULL, error);
              return GK_EXIT_INPUT;
            }
          guint item;
          GBytes *result = NULL;
          GError *failure = NULL;
          if (gk_workers_wait (workers, -1, &item, &result, &failure))
            {
              results[item] = result;
              failures[item] = failure;
            }
        }
      const char *path = files[i];
      if (failures[i])
        {
          cli_report_error (path, failures[i]);
          exit_code = MAX (exit_code, gk_exit_code_for (failures[i]));
          if (db && !cli_db_store (db, path, NULL, failures[i]))
            exit_code = MAX (exit_code, GK_EXIT_OUTPUT);
          g_clear_error (&failures[i]);
          continue;
        }
      g_autofree char *text = NULL;
      g_autoptr (GBytes) rows = NULL;
      gboolean file_not_report;
      cli_work_unpack (results[i], &text, &rows, &file_not_report);
      not_report |= file_not_report;
      g_clear_pointer (&results[i], g_bytes_unref);
      if (db && !cli_db_store (db, path, rows, NULL))
        exit_code = MAX (exit_code, GK_EXIT_OUTPUT);
      if (out_dir)
        {
          g_autofree char *dest = g_build_filename (out_dir, out_names[i], NULL);
          g_autofree char *body = g_strconcat (format->header ? format->header () : "", text, NULL);
          GError *werr = NULL;
          if (!gk_write_file_atomic (dest, body, strlen (body), &werr))
            {
              cli_report_error (dest, werr);
              exit_code = MAX (exit_code, GK_EXIT_OUTPUT);
              g_error_free (werr);
            }
        }
      else if (to_stdout)
        {
          if (array && !first)
            cli_stdout_puts (",\n");
          cli_stdout_puts (text);
        }
      first = FALSE;
    }
  if (array)
    cli_stdout_puts ("]\n");
  if (db && !cli_db_finish (db))
    exit_code = MAX (exit_code, GK_EXIT_OUTPUT);
  int stdout_code = to_stdout ? cli_stdout_close () : GK_EXIT_OK;   /* not inside MAX: evaluated twice */
  exit_code = MAX (exit_code, stdout_code);
  /* a file that is no report is a finding about the input, below any failure */
  return exit_code == GK_EXIT_OK && not_report ? GK_EXIT_NOT_REPORT : exit_code;
}
