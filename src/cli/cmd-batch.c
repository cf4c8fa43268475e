/* cmd-batch.c — `gongkai batch DIR|FILE... --db out.sqlite [-j N] [--force]`.
 *
 * Directories are walked recursively for .pdf/.txt/.html/.htm files (other
 * files are ignored; a file named on the command line is always read).
 * -j workers share one read-only pipeline; each hashes its file first and
 * skips it when that sha256 is already in the database (unless --force),
 * then extracts it.  Results come back on a queue to the main thread, the
 * one writer, which stores each report in its own transaction — so a batch
 * killed at any moment resumes with nothing lost or duplicated.  A file
 * that fails is logged on stderr and stored with its cause; it never stops
 * the batch.  SIGINT/SIGTERM: workers start no new file, finished ones are
 * written, and the batch exits 130 (a second signal kills at once).  At
 * the end, the cross-year checks of every issuer series are recomputed.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "common/gk-error.h"
#include "export/export-sqlite.h"
#include "input/input.h"
#include "pipeline/pipeline.h"

/* How often the progress line is redrawn on a terminal. */
#define PROGRESS_INTERVAL_US (200 * 1000)
/* How long the writer waits for a result before looking at signals again. */
#define QUEUE_POLL_US (100 * 1000)
#define EXIT_INTERRUPTED 130
/* Files handed to the workers ahead of the writer, per worker: keeps every
 * worker busy while bounding the records waiting in memory to be written
 * (extraction can outrun the single writer on text input). */
#define IN_FLIGHT_PER_WORKER 2

static const char *const batch_exts[] = { ".pdf", ".txt", ".html", ".htm", NULL };

static volatile sig_atomic_t stop_requested;

static void
on_signal (int sig)
{
  (void) sig;
  stop_requested = 1;
}

typedef enum { JOB_DONE, JOB_FAILED, JOB_SKIPPED, JOB_CANCELLED } JobOutcome;

typedef struct {
  const char *path;
  JobOutcome outcome;
  char *sha256;
  GkRecord *record;
  GError *error;
} Job;

typedef struct {
  const GkPipeline *pipeline;
  const GkReadOptions *opts;
  GHashTable *known;    /* sha256 already stored (read-only while workers run) */
  GHashTable *claimed;  /* sha256 taken by this run, under lock */
  GMutex lock;
  GAsyncQueue *results;
} Shared;

static void
run_job (gpointer data, gpointer user_data)
{
  Job *job = data;
  Shared *sh = user_data;
  if (stop_requested)
    {
      job->outcome = JOB_CANCELLED;
      g_async_queue_push (sh->results, job);
      return;
    }
  job->sha256 = gk_input_sha256_file (job->path, &job->error);
  if (!job->sha256)
    job->outcome = JOB_FAILED;
  else
    {
      g_mutex_lock (&sh->lock);
      gboolean skip = (sh->known && g_hash_table_contains (sh->known, job->sha256))
                      || !g_hash_table_add (sh->claimed, g_strdup (job->sha256));
      g_mutex_unlock (&sh->lock);
      if (skip)
        job->outcome = JOB_SKIPPED;
      else
        {
          job->record = gk_pipeline_extract (sh->pipeline, job->path, sh->opts, &job->error);
          job->outcome = job->record ? JOB_DONE : JOB_FAILED;
        }
    }
  g_async_queue_push (sh->results, job);
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

/* Stores one finished job; FALSE when the database cannot be written. */
static gboolean
store (GkSqlite *db, Job *job, Progress *prog, GError **error)
{
  switch (job->outcome)
    {
    case JOB_DONE:
      prog->extracted++;
      return gk_sqlite_write_record (db, job->record, error);
    case JOB_FAILED:
      prog->failed++;
      if (prog->tty)
        fputs ("\r\033[K", stderr);
      cli_report_error (job->path, job->error);
      return gk_sqlite_write_failure (db, job->path, job->sha256, job->error->message, error);
    case JOB_SKIPPED:
      prog->skipped++;
      return TRUE;
    case JOB_CANCELLED:
      return TRUE;
    }
  return TRUE;
}

static void
job_clear (Job *job)
{
  g_clear_pointer (&job->sha256, g_free);
  g_clear_pointer (&job->record, gk_record_free);
  g_clear_error (&job->error);
}

int
cmd_batch (int argc, char **argv)
{
  g_autofree char *db_path = NULL, *files_from = NULL;
  int jobs = 1;
  g_auto (CliReadArgs) read_args;
  cli_read_args_init (&read_args);
  gboolean force = FALSE;
  g_auto (GStrv) inputs = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "SQLite database to fill (created if missing; required)", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "read N files at once (default 1)", "N" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, "re-read files whose sha256 is already in the database", NULL },
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
  if (!db_path || ((!inputs || !inputs[0]) && !listed))
    {
      fprintf (stderr, "gongkai: batch: need --db FILE and at least one DIR or FILE (see gongkai batch --help)\n");
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
  g_autoptr (GHashTable) known = force ? NULL : gk_sqlite_known (db, &error);
  if (!force && !known)
    {
      cli_report_error (NULL, error);
      return GK_EXIT_OUTPUT;
    }

  Shared sh = { pipeline, &opts, known, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  g_mutex_init (&sh.lock);
  sh.results = g_async_queue_new ();

  struct sigaction sa = { 0 };
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_RESETHAND;   /* a second signal takes the default action */
  sigemptyset (&sa.sa_mask);
  struct sigaction old_int, old_term;
  sigaction (SIGINT, &sa, &old_int);
  sigaction (SIGTERM, &sa, &old_term);

  guint n = files->len;
  g_autofree Job *all = g_new0 (Job, n);
  GThreadPool *pool = g_thread_pool_new (run_job, &sh, jobs, TRUE, NULL);
  for (guint i = 0; i < n; i++)
    all[i].path = files->pdata[i];
  guint pushed = 0;
  for (; pushed < n && pushed < (guint) jobs * IN_FLIGHT_PER_WORKER; pushed++)
    g_thread_pool_push (pool, &all[pushed], NULL);

  Progress prog = { .total = n, .start_us = g_get_monotonic_time (), .tty = isatty (STDERR_FILENO) };
  int exit_code = GK_EXIT_OK;
  for (guint received = 0; received < n;)
    {
      Job *job = g_async_queue_timeout_pop (sh.results, QUEUE_POLL_US);
      if (job)
        {
          received++;
          if (pushed < n)
            g_thread_pool_push (pool, &all[pushed++], NULL);
          prog.done++;
          g_autoptr (GError) werr = NULL;
          if (exit_code != GK_EXIT_OUTPUT && !store (db, job, &prog, &werr))
            {
              cli_report_error (NULL, werr);
              exit_code = GK_EXIT_OUTPUT;
              stop_requested = 1;   /* nothing more can be stored: stop reading */
            }
          job_clear (job);
        }
      draw (&prog, FALSE);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  g_async_queue_unref (sh.results);
  g_hash_table_unref (sh.claimed);
  g_mutex_clear (&sh.lock);
  gboolean interrupted = stop_requested && exit_code != GK_EXIT_OUTPUT;
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);

  guint n_cross = 0;
  if (exit_code == GK_EXIT_OK && !interrupted && !gk_sqlite_cross_year (db, &n_cross, &error))
    {
      cli_report_error (NULL, error);
      exit_code = GK_EXIT_OUTPUT;
    }
  draw (&prog, TRUE);
  double secs = (g_get_monotonic_time () - prog.start_us) / 1e6;
  fprintf (stderr, "gongkai: batch: %u files: %u extracted, %u skipped (already in %s), %u failed"
           "; %u cross-year checks; %.1f s, %.2f files/s%s\n",
           n, prog.extracted, prog.skipped, db_path, prog.failed, n_cross, secs,
           secs > 0 ? (prog.extracted + prog.failed) / secs : 0.0,
           interrupted ? "; interrupted, run again to resume" : "");
  if (interrupted)
    return EXIT_INTERRUPTED;
  if (exit_code == GK_EXIT_OK && prog.failed)
    exit_code = GK_EXIT_INPUT;
  return exit_code;
}
