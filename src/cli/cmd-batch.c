/* cmd-batch.c — `gongkai batch DIR|FILE... --db out.sqlite [-j N] [--force|--retry-failed]`.
 *
 * Directories are walked recursively for .pdf/.txt/.html/.htm files (other
 * files are ignored; a file named on the command line is always read).
 * The parent hashes each file and claims its sha256 in the database
 * (skipped when stored — failures too, unless --retry-failed; everything is
 * read again with --force — or when another batch holds it), then hands it
 * to one of -j worker processes (workers.h), one file each at a time, so at
 * most -j records wait in memory.  Workers send back the report's rows;
 * the parent, the one writer, stores each report in its own transaction —
 * so a batch killed at any moment resumes with nothing lost or duplicated.
 * A file that fails, its worker killed by a limit or a crash included, is
 * logged on stderr and stored with its cause; it never stops the batch.
 * SIGINT/SIGTERM: no new file is started, the files in hand are finished
 * and written, and the batch exits 130 (a second signal kills at once; the
 * workers die with it).  At the end, the cross-year checks of every issuer
 * series are recomputed; the summary and the exit status say whether the
 * database holds failed files.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "common/gk-error.h"
#include "store/db.h"
#include "store/series.h"
#include "input/input.h"
#include "pipeline/pipeline.h"

/* How often the progress line is redrawn on a terminal. */
#define PROGRESS_INTERVAL_US (200 * 1000)
/* How long the parent waits for a result before looking at signals again. */
#define QUEUE_POLL_US (100 * 1000)
#define EXIT_INTERRUPTED 130

static const char *const batch_exts[] = { ".pdf", ".txt", ".html", ".htm", NULL };

static volatile sig_atomic_t stop_requested;

static void
on_signal (int sig)
{
  (void) sig;
  stop_requested = 1;
}

static gboolean
wanted (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  for (int i = 0; batch_exts[i]; i++)
    if (g_str_has_suffix (lower, batch_exts[i]))
      return TRUE;
  return FALSE;
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Appends every wanted file under dir, sorted, without following symlinked directories. */
static void
walk (const char *dir, GPtrArray *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  if (!d)
    {
      fprintf (stderr, "gongkai: %s: %s\n", dir, error->message);
      return;
    }
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    {
      const char *path = names->pdata[i];
      struct stat st;
      if (lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        walk (path, out);
      else if (wanted (path) && (S_ISREG (st.st_mode) || S_ISLNK (st.st_mode)))
        g_ptr_array_add (out, g_strdup (path));
    }
}

typedef struct {
  guint total, done, extracted, skipped, failed;
  gint64 start_us, last_draw_us;
  gboolean tty;
} Progress;

static void
draw (Progress *p, gboolean final)
{
  gint64 now = g_get_monotonic_time ();
  if (!p->tty || (!final && now - p->last_draw_us < PROGRESS_INTERVAL_US))
    return;
  p->last_draw_us = now;
  double secs = (now - p->start_us) / 1e6;
  guint worked = p->extracted + p->failed;
  double rate = secs > 0 ? worked / secs : 0;
  guint left = p->total - p->done;
  fprintf (stderr, "\r\033[K%u/%u files  %.1f files/s", p->done, p->total, rate);
  if (rate > 0 && left)
    {
      guint eta = (guint) (left / rate);
      fprintf (stderr, "  ETA %u:%02u:%02u", eta / 3600, eta / 60 % 60, eta % 60);
    }
  fprintf (stderr, "  (%u skipped, %u failed)%s", p->skipped, p->failed, final ? "\n" : "");
  fflush (stderr);
}

/* Stores a file that failed: reported, and a reports.error row. */
static gboolean
store_failure (GkSqlite *db, const char *path, const char *sha256, const GError *failure, Progress *prog,
               GError **error)
{
  prog->failed++;
  if (prog->tty)
    fputs ("\r\033[K", stderr);
  cli_report_error (path, failure);
  return gk_sqlite_write_failure (db, path, sha256, failure->message, error);
}

/* Orders item numbers by the size of their file, largest first (stable). */
static gint
larger_file_first (gconstpointer a, gconstpointer b, gpointer sizes)
{
  guint64 sa = ((const guint64 *) sizes)[*(const guint *) a], sb = ((const guint64 *) sizes)[*(const guint *) b];
  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

int
cmd_batch (int argc, char **argv)
{
  g_autofree char *db_path = NULL, *files_from = NULL;
  int jobs = 1;
  g_auto (CliReadArgs) read_args;
  cli_read_args_init (&read_args);
  gboolean force = FALSE, retry_failed = FALSE;
  g_auto (GStrv) inputs = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "SQLite database to fill (created if missing; required)", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "read N files at once (default 1)", "N" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, "re-read files whose sha256 is already in the database", NULL },
    { "retry-failed", 0, 0, G_OPTION_ARG_NONE, &retry_failed, "re-read the files stored as failed (skipped otherwise)", NULL },
    { "files-from", 0, 0, G_OPTION_ARG_FILENAME, &files_from, "also read the DIRs/FILEs listed in LIST, one per line (a shard of a larger run)", "LIST" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, "DIR|FILE..." },
    { NULL },
  };
  if (!cli_parse_options (&argc, &argv, "— read many reports into one SQLite database", entries, &read_args,
                          "Resumable: a file already in the database (same sha256) is skipped.\n"
                          "Exit 130 when stopped by SIGINT/SIGTERM (the database stays consistent).\n"))
    return GK_EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) listed = NULL;
  if (files_from)
    {
      g_autofree char *text = NULL;
      if (!g_file_get_contents (files_from, &text, NULL, &error))
        {
          fprintf (stderr, "gongkai: %s: %s\n", files_from, error->message);
          return GK_EXIT_INPUT;
        }
      listed = g_strsplit (text, "\n", -1);
    }
  GkReadOptions opts;
  const char *models = read_args.models;
  if (!cli_read_args_finish (&read_args, &opts, &error) || !cli_check_jobs (jobs, &error))
    return cli_usage_error ("batch", error);
  if (!db_path)
    {
      /* no DIR or FILE is fine: the database is opened (an older schema upgraded) and its cross-year checks redone */
      fprintf (stderr, "gongkai: batch: need --db FILE (see gongkai batch --help)\n");
      return GK_EXIT_USAGE;
    }

  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  GStrv sources[2] = { inputs, listed };
  for (int s = 0; s < 2; s++)
    for (int i = 0; sources[s] && sources[s][i]; i++)
      {
        const char *in = sources[s][i];
        if (!*in)
          continue;
        if (g_file_test (in, G_FILE_TEST_IS_DIR))
          walk (in, files);
        else
          g_ptr_array_add (files, g_strdup (in));
      }

  g_autoptr (GkPipeline) pipeline = gk_pipeline_new (models, &error);
  if (!pipeline)
    {
      cli_report_error (NULL, error);
      return gk_exit_code_for (error);
    }
  g_autoptr (GkSqlite) db = gk_sqlite_open (db_path, models, &error);
  if (!db)
    {
      cli_report_error (NULL, error);
      return gk_exit_code_for (error);
    }
  guint n = files->len;
  CliWork work = { pipeline, &opts, (char **) files->pdata, NULL, TRUE };
  g_autoptr (GkWorkers) workers = cli_work_start (&work, (guint) jobs, &read_args, &opts, &error);
  if (!workers)
    {
      cli_report_error (NULL, error);
      return GK_EXIT_INPUT;
    }
  GkSqliteClaimMode mode = force ? GK_SQLITE_CLAIM_ANY : retry_failed ? GK_SQLITE_CLAIM_FAILED : GK_SQLITE_CLAIM_NEW;

  struct sigaction sa = { 0 };
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_RESETHAND;   /* a second signal takes the default action */
  sigemptyset (&sa.sa_mask);
  struct sigaction old_int, old_term;
  sigaction (SIGINT, &sa, &old_int);
  sigaction (SIGTERM, &sa, &old_term);

  /* by item, filled in the order the items are handed out (not a GStrv:
   * a NULL before the last would end its freeing) */
  g_autoptr (GPtrArray) shas = g_ptr_array_new_full (n, g_free);
  g_ptr_array_set_size (shas, (gint) n);
  /* the largest files first: a batch that ends on one big file read alone
   * leaves the other workers idle */
  g_autofree guint64 *sizes = cli_work_file_sizes ((char **) files->pdata, n);
  g_autofree guint *order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof *order, larger_file_first, sizes);
  Progress prog = { .total = n, .start_us = g_get_monotonic_time (), .tty = isatty (STDERR_FILENO) };
  int exit_code = GK_EXIT_OK;
  guint next = 0, in_hand = 0, held = 0;
  for (;;)
    {
      /* the parent hashes and claims each file, so two batches on one
       * database never read the same content; workers only read */
      while (!stop_requested && next < n && gk_workers_idle (workers))
        {
          guint i = order[next++];
          const char *path = files->pdata[i];
          g_autoptr (GError) ferr = NULL, werr = NULL;
          GkSqliteClaim claim = GK_SQLITE_CLAIMED;
          char *sha = shas->pdata[i] = gk_input_sha256_file (path, &ferr);
          if (sha && !gk_sqlite_claim (db, sha, mode, &claim, &werr))
            ;   /* reported below */
          else if (!sha)
            {
              prog.done++;
              store_failure (db, path, NULL, ferr, &prog, &werr);
            }
          else if (claim != GK_SQLITE_CLAIMED)
            {
              prog.done++;
              prog.skipped++;
              held += claim == GK_SQLITE_HELD;
            }
          else if (gk_workers_submit (workers, i, &werr))
            in_hand++;
          if (werr)
            {
              cli_report_error (NULL, werr);
              exit_code = GK_EXIT_OUTPUT;
              stop_requested = 1;   /* nothing more can be stored: stop reading */
            }
        }
      if (!in_hand && (stop_requested || next >= n))
        break;
      guint item;
      g_autoptr (GBytes) result = NULL;
      g_autoptr (GError) failure = NULL, werr = NULL;
      if (gk_workers_wait (workers, QUEUE_POLL_US, &item, &result, &failure))
        {
          in_hand--;
          prog.done++;
          gboolean ok = TRUE;
          if (exit_code == GK_EXIT_OUTPUT)
            ;   /* the database cannot be written: the rest is dropped */
          else if (result)
            {
              g_autofree char *text = NULL;
              g_autoptr (GBytes) rows = NULL;
              gboolean not_report;
              cli_work_unpack (result, &text, &rows, &not_report);
              prog.extracted++;
              ok = gk_sqlite_write_rows (db, rows, &werr);
            }
          else
            ok = store_failure (db, files->pdata[item], shas->pdata[item], failure, &prog, &werr);
          if (!ok)
            {
              cli_report_error (NULL, werr);
              exit_code = GK_EXIT_OUTPUT;
              stop_requested = 1;
            }
        }
      draw (&prog, FALSE);
    }
  g_clear_pointer (&workers, gk_workers_free);
  gk_sqlite_unclaim (db);
  gboolean interrupted = stop_requested && exit_code != GK_EXIT_OUTPUT;
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);

  guint n_cross = 0;
  if (exit_code == GK_EXIT_OK && !interrupted && !gk_sqlite_cross_year (db, &n_cross, &error))
    {
      cli_report_error (NULL, error);
      exit_code = GK_EXIT_OUTPUT;
    }
  gint64 stored_failures = gk_sqlite_count_failures (db);
  draw (&prog, TRUE);
  double secs = (g_get_monotonic_time () - prog.start_us) / 1e6;
  g_autofree char *held_note = held ? g_strdup_printf (" (%u of them being read by another batch)", held) : g_strdup ("");
  g_autofree char *failed_note = stored_failures > 0
    ? g_strdup_printf ("; the database holds %" G_GINT64_FORMAT " failed file%s (--retry-failed reads %s again)",
                       stored_failures, stored_failures == 1 ? "" : "s", stored_failures == 1 ? "it" : "them")
    : g_strdup ("");
  fprintf (stderr, "gongkai: batch: %u files: %u extracted, %u skipped (already in %s)%s, %u failed"
           "; %u cross-year checks; %.1f s, %.2f files/s%s%s\n",
           n, prog.extracted, prog.skipped, db_path, held_note, prog.failed, n_cross, secs,
           secs > 0 ? (prog.extracted + prog.failed) / secs : 0.0, failed_note,
           interrupted ? "; interrupted, run again to resume" : "");
  if (interrupted)
    return EXIT_INTERRUPTED;
  if (exit_code == GK_EXIT_OK && (prog.failed || stored_failures > 0))
    exit_code = GK_EXIT_INPUT;
  return exit_code;
}
