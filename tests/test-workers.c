/* test-workers.c — files read in worker processes (pipeline/workers.h) as a
 * user meets them through the real binary: a file whose worker crashes,
 * runs out of memory or hangs costs that file only (one line naming the
 * cause, a reports.error row, exit 1) while every other file is stored;
 * the database keeps saying it holds failures until --retry-failed reads
 * them again; two batches on one database never read a file twice; a
 * kill -9 of the batch takes its workers along and leaves whole reports
 * only; and -j 2 gives the same bytes as -j 1.  The failures are made by the test
 * hooks of cli/cli-work.c (an environment variable naming the file).
 */
#include <gio/gio.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include "testutil.h"
#include "common/gk-cores.h"
#include "pipeline/workers.h"

/* Copies of a text sample each batch reads besides the files that fail. */
#define GOOD_FILES 6
/* The concurrent-batch test: enough files that the two runs overlap. */
#define SHARED_FILES 40
#define RAM_LIMIT_MB "300"

static char *tmpdir;

/* dir/name holding a copy of the sample with a line of its own (its own sha256). */
static char *
make_copy (const char *dir, const char *name, const char *mark)
{
  g_autofree char *src = tu_source_path ("samples/qinxian-2020.txt");
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  g_autofree char *body = g_strdup_printf ("%s\n存档编号 %s\n", text, mark);
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, body, -1, NULL));
  return path;
}

/* n copies in dir named by the printf pattern (one %d). */
static void
make_copies (const char *dir, const char *pattern, int n)
{
  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf (pattern, i);
      g_autofree char *mark = g_strdup_printf ("%d", i);
      g_free (make_copy (dir, name, mark));
    }
}

static char *
new_dir (const char *name)
{
  char *dir = g_build_filename (tmpdir, name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

static gint64
count (const char *db, const char *sql)
{
  g_autofree char *s = tu_sqlite_dump (db, sql);
  return g_ascii_strtoll (s, NULL, 10);
}

/* A batch with a file that aborts its worker, one that takes memory past
 * --max-mb-ram and one that hangs past --max-seconds; then the reruns. */
static void
test_limits (void)
{
#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("AddressSanitizer needs an unbounded address space: no memory limit to test");
  return;
#endif
  g_autofree char *dir = new_dir ("limits");
  g_autofree char *in = new_dir ("limits/in");
  make_copies (in, "good-%d.txt", GOOD_FILES);
  g_autofree char *crash = make_copy (in, "crash.txt", "crash");
  g_autofree char *hog = make_copy (in, "hog.txt", "hog");
  g_autofree char *hang = make_copy (in, "hang.txt", "hang");
  g_autofree char *db = g_build_filename (dir, "out.sqlite", NULL);
  g_setenv ("GONGKAI_TEST_ABORT_ON", crash, TRUE);
  g_setenv ("GONGKAI_TEST_HOG_ON", hog, TRUE);
  g_setenv ("GONGKAI_TEST_HANG_ON", hang, TRUE);
  const char *args[] = { "batch", in, "--db", db, "-j", "2", "--max-mb-ram", RAM_LIMIT_MB, "--max-seconds", "1", NULL };
  g_autofree char *err = NULL;
  gint64 t0 = g_get_monotonic_time ();
  int status = tu_run_gongkai (args, NULL, &err);
  g_test_message ("exit %d in %.1f s: %s", status, (g_get_monotonic_time () - t0) / 1e6, err);
  g_unsetenv ("GONGKAI_TEST_ABORT_ON");
  g_unsetenv ("GONGKAI_TEST_HOG_ON");
  g_unsetenv ("GONGKAI_TEST_HANG_ON");
  g_assert_cmpint (status, ==, 1);
  g_autofree char *crash_line = g_strdup_printf ("gongkai: %s: worker killed (signal 6: ", crash);
  g_autofree char *hog_line = g_strdup_printf ("gongkai: %s: worker killed (memory limit " RAM_LIMIT_MB " MiB)\n", hog);
  g_autofree char *hang_line = g_strdup_printf ("gongkai: %s: worker killed (time limit 1 s)\n", hang);
  g_assert_nonnull (strstr (err, crash_line));
  g_assert_nonnull (strstr (err, hog_line));
  g_assert_nonnull (strstr (err, hang_line));
  g_assert_nonnull (strstr (err, "9 files: 6 extracted, 0 skipped"));
  g_assert_nonnull (strstr (err, "3 failed"));
  g_autofree char *sql = g_strdup_printf ("SELECT replace (file, '%s/', ''), error FROM reports"
                                          " WHERE error IS NOT NULL ORDER BY file", in);
  g_autofree char *failed = tu_sqlite_dump (db, sql);
  g_assert_cmpstr (failed, ==, "crash.txt|worker killed (signal 6: Aborted)\n"
                               "hang.txt|worker killed (time limit 1 s)\n"
                               "hog.txt|worker killed (memory limit " RAM_LIMIT_MB " MiB)\n");
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM reports WHERE error IS NULL AND record IS NOT NULL"), ==, GOOD_FILES);
  g_assert_cmpint (count (db, "SELECT COUNT(DISTINCT report_id) FROM vals"), ==, GOOD_FILES);

  /* a rerun reads nothing, and still says the database holds failures */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tu_run_gongkai (args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "9 files: 0 extracted, 9 skipped"));
  g_assert_nonnull (strstr (err, "the database holds 3 failed files (--retry-failed reads them again)"));
  /* --retry-failed reads the three again (no hook now): all stored, exit 0 */
  const char *retry[] = { "batch", in, "--db", db, "--retry-failed", NULL };
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (tu_run_gongkai (retry, NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "9 files: 3 extracted, 6 skipped"));
  g_assert_null (strstr (err, "holds"));
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM reports WHERE error IS NULL"), ==, GOOD_FILES + 3);
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM reports"), ==, GOOD_FILES + 3);
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM claims"), ==, 0);
  g_autofree char *versions = tu_sqlite_dump (db, "SELECT DISTINCT gongkai_version FROM reports");
  g_assert_cmpstr (versions, ==, GK_VERSION "\n");
}

/* "extracted N" of a batch summary. */
static guint
extracted (const char *err)
{
  const char *p = strstr (err, " files: ");
  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + strlen (" files: "), NULL, 10);
}

/* Two batches started together on one database: each file read by one. */
static void
test_concurrent_batches (void)
{
  g_autofree char *dir = new_dir ("shared");
  g_autofree char *in = new_dir ("shared/in");
  make_copies (in, "r-%02d.txt", SHARED_FILES);
  g_autofree char *db = g_build_filename (dir, "out.sqlite", NULL);
  g_autofree char *bin = g_build_filename (GK_BUILD_DIR, "gongkai", NULL);
  const char *argv[] = { bin, "batch", in, "--db", db, NULL };
  GSubprocess *runs[2];
  for (int k = 0; k < 2; k++)
    {
      g_autoptr (GError) error = NULL;
      runs[k] = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
      g_assert_no_error (error);
    }
  guint total = 0;
  for (int k = 0; k < 2; k++)
    {
      g_autofree char *err = NULL;
      g_autoptr (GError) error = NULL;
      g_assert_true (g_subprocess_communicate_utf8 (runs[k], NULL, NULL, NULL, &err, &error));
      g_assert_no_error (error);
      g_test_message ("batch %d: %s", k, err);
      g_assert_cmpint (g_subprocess_get_exit_status (runs[k]), ==, 0);
      total += extracted (err);
      g_object_unref (runs[k]);
    }
  g_assert_cmpuint (total, ==, SHARED_FILES);
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM reports"), ==, SHARED_FILES);
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM claims"), ==, 0);
}

/* The worker processes of pid (its children), as /proc lists them. */
static GArray *
children_of (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/task/%d/children", (int) pid, (int) pid);
  g_autofree char *text = NULL;
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (int));
  if (!g_file_get_contents (path, &text, NULL, NULL))
    return pids;
  g_auto (GStrv) parts = g_strsplit (g_strstrip (text), " ", -1);
  for (int i = 0; parts[i]; i++)
    if (*parts[i])
      {
        int child = atoi (parts[i]);
        g_array_append_val (pids, child);
      }
  return pids;
}

/* A process that is gone, or a zombie waiting for a parent that is gone. */
static gboolean
process_gone (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return TRUE;
  const char *end = strrchr (stat, ')');
  return end && end[1] == ' ' && end[2] == 'Z';
}

/* kill -9 of a batch -j 2 mid-run: its workers die with it, the database
 * holds whole reports only, and a rerun completes it exactly. */
static void
test_kill_parent (void)
{
  g_autofree char *dir = new_dir ("killed");
  g_autofree char *in = new_dir ("killed/in");
  make_copies (in, "k-%02d.txt", SHARED_FILES);
  g_autofree char *db = g_build_filename (dir, "out.sqlite", NULL);
  g_autofree char *bin = g_build_filename (GK_BUILD_DIR, "gongkai", NULL);
  const char *argv[] = { bin, "batch", in, "--db", db, "-j", "2", NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_autoptr (GArray) workers = NULL;
  for (int tries = 0; tries < 2000; tries++)
    {
      g_usleep (5000);
      g_clear_pointer (&workers, g_array_unref);
      workers = children_of (pid);
      if (workers->len == 2 && g_file_test (db, G_FILE_TEST_EXISTS)
          && count (db, "SELECT COUNT(*) FROM reports") >= SHARED_FILES / 4)
        break;
    }
  g_assert_cmpuint (workers->len, ==, 2);
  kill (pid, SIGKILL);
  int ws;
  g_assert_cmpint (waitpid (pid, &ws, 0), ==, pid);
  g_spawn_close_pid (pid);
  gint64 stored = count (db, "SELECT COUNT(*) FROM reports");
  g_test_message ("killed after %" G_GINT64_FORMAT " reports", stored);
  g_assert_cmpint (stored, <, SHARED_FILES);
  for (int tries = 0; tries < 200 && !(process_gone (g_array_index (workers, int, 0))
                                       && process_gone (g_array_index (workers, int, 1))); tries++)
    g_usleep (10000);
  for (guint i = 0; i < workers->len; i++)
    g_assert_true (process_gone (g_array_index (workers, int, i)));
  /* whole reports only: as many values and checks as each of the others */
  g_assert_cmpint (count (db, "SELECT COUNT(DISTINCT n) FROM (SELECT (SELECT COUNT(*) FROM vals v"
                              " WHERE v.report_id = r.id) + 1000 * (SELECT COUNT(*) FROM checks c"
                              " WHERE c.report_id = r.id) AS n FROM reports r)"), ==, 1);

  const char *rerun[] = { "batch", in, "--db", db, "-j", "2", NULL };
  g_autofree char *err = NULL;
  g_assert_cmpint (tu_run_gongkai (rerun, NULL, &err), ==, 0);
  g_autofree char *want = g_strdup_printf ("%d files: %" G_GINT64_FORMAT " extracted, %" G_GINT64_FORMAT " skipped",
                                           SHARED_FILES, SHARED_FILES - stored, stored);
  g_assert_nonnull (strstr (err, want));
  g_assert_cmpint (count (db, "SELECT COUNT(DISTINCT sha256) FROM reports WHERE error IS NULL"), ==, SHARED_FILES);
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM reports"), ==, SHARED_FILES);
}

/* -j 2 prints the same bytes as -j 1, PDFs, a scan and texts mixed; the
 * scan, the largest file, goes first, and its last pages are read on the
 * core of the worker that ran out of files (gk-cores.h). */
static void
test_same_bytes (void)
{
  static const char *const names[] = { "anding-2021.pdf", "qinxian-2020.txt", "baihe-2021.pdf",
                                       "jiangbei-hbt-2013.html", "beichen-2020.pdf", "chuanbei-2020-scan200.pdf",
                                       NULL };
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; names[i]; i++)
    {
      g_autofree char *rel = g_build_filename ("samples", names[i], NULL);
      g_ptr_array_add (paths, tu_source_path (rel));
    }
  char *out[2] = { NULL, NULL };   /* g_autofree on an array frees only its first */
  for (int k = 0; k < 2; k++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      const char *head[] = { "extract", "--format", "jsonl", "-j", k ? "2" : "1" };
      for (gsize i = 0; i < G_N_ELEMENTS (head); i++)
        g_ptr_array_add (args, (gpointer) head[i]);
      for (guint i = 0; i < paths->len; i++)
        g_ptr_array_add (args, paths->pdata[i]);
      g_ptr_array_add (args, NULL);
      g_assert_cmpint (tu_run_gongkai ((const char *const *) args->pdata, &out[k], NULL), ==, 0);
    }
  g_assert_cmpuint (strlen (out[0]), >, 1000);
  g_assert_cmpstr (out[0], ==, out[1]);
  g_free (out[0]);
  g_free (out[1]);
}

/* In a worker: item 0 returns at once; item 1 looks for a lent core for at
 * most LEND_WAIT_MS (it stops as soon as it has one), items 2 and 3 for
 * NOT_LENT_MS; each says how many it got ("0" or "1"). */
#define LEND_WAIT_MS 10000
#define NOT_LENT_MS 1000
static GBytes *
probe_lent_core (guint item, gpointer user_data, GError **error)
{
  int limit = item == 0 ? 0 : item == 1 ? LEND_WAIT_MS : NOT_LENT_MS;
  guint got = 0;
  for (int waited = 0; !got && waited < limit; waited += 10)
    if (!(got = gk_cores_take (1)))
      g_usleep (10 * 1000);
  gk_cores_give (got);
  return g_bytes_new_take (g_strdup_printf ("%u", got), 1);
}

/* Runs the items (at most two) on two workers; the replies in the order
 * they came back, each "item:reply". */
static GStrv
run_probes (const guint *items, guint n)
{
  GkWorkersLimits limits = { 2, 0, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GkWorkers) ws = gk_workers_new (&limits, probe_lent_core, NULL, &error);
  g_assert_no_error (error);
  GStrv replies = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    g_assert_true (gk_workers_submit (ws, items[i], &error));
  for (guint i = 0; i < n; i++)
    {
      guint item;
      GBytes *result = NULL;
      GError *failure = NULL;
      g_assert_true (gk_workers_wait (ws, -1, &item, &result, &failure));
      g_assert_no_error (failure);
      replies[i] = g_strdup_printf ("%u:%.*s", item, (int) g_bytes_get_size (result),
                                    (const char *) g_bytes_get_data (result, NULL));
      g_bytes_unref (result);
    }
  return replies;
}

/* A worker left without an item lends its core to one still reading; a
 * worker with an item lends nothing: the first of two long items to end
 * found no core (the second may get the first one's, once it is idle). */
static void
test_idle_core_lent (void)
{
  static const guint one_quick[] = { 0, 1 }, both_long[] = { 2, 3 };
  g_auto (GStrv) lent = run_probes (one_quick, 2);
  g_assert_cmpstr (lent[1], ==, "1:1");
  g_auto (GStrv) not_lent = run_probes (both_long, 2);
  g_assert_true (g_str_has_suffix (not_lent[0], ":0"));
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  tmpdir = g_dir_make_tmp ("gongkai-workers-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  g_test_add_func ("/workers/limits", test_limits);
  g_test_add_func ("/workers/concurrent-batches", test_concurrent_batches);
  g_test_add_func ("/workers/kill-parent", test_kill_parent);
  g_test_add_func ("/workers/same-bytes", test_same_bytes);
  g_test_add_func ("/workers/idle-core-lent", test_idle_core_lent);
  int status = g_test_run ();
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", tmpdir);
  if (system (rm) != 0)
    g_printerr ("cannot remove %s\n", tmpdir);
  return status;
}
