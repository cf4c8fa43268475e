/* test-batch.c — `gongkai batch / export / merge` as a user runs them: the
 * real binary spawned with GSubprocess.  A batch run twice reads nothing the
 * second time; a batch killed with SIGKILL (and one stopped by SIGINT) half
 * way resumes with nothing lost or duplicated; a bad file is recorded and
 * does not stop the batch; shards (by hand, by the GNU parallel recipe of
 * docs/scale-out.md, by the Slurm array script) merged equal one batch.
 */
#include <signal.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include "testutil.h"

/* Copies of a sample in the kill test: enough that one run takes well over
 * the time to notice the first stored reports and kill it. */
#define KILL_TEST_FILES 150
/* The memory test: peak RSS over MANY files may exceed that over FEW by at
 * most SLACK (page cache, allocator); unbounded, 200 text reports added ~13 MB. */
#define MEMORY_TEST_FEW 10
#define MEMORY_TEST_MANY 200
#define MEMORY_TEST_SLACK_KB 4096
/* Stored reports after which the batch is killed. */
#define KILL_AFTER_REPORTS 10

static char *gongkai_bin;
static char *samples_dir;   /* real path: shard lists hold real paths */

static char *
tmp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("gk-batch-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static char **
child_env (void)
{
  char **env = g_get_environ ();
  env = g_environ_setenv (env, "GONGKAI", gongkai_bin, TRUE);
  g_autofree char *bindir = g_path_get_dirname (gongkai_bin);
  g_autofree char *path = g_strconcat (bindir, ":", g_getenv ("PATH"), NULL);
  return g_environ_setenv (env, "PATH", path, TRUE);
}

static int
exit_status (int wait_status)
{
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128 + WTERMSIG (wait_status);
}

/* Runs argv (NULL-terminated) in cwd; returns the exit status, stderr in *err. */
static int
run (const char *cwd, char **err, const char *const *argv)
{
  g_auto (GStrv) env = child_env ();
  g_autoptr (GError) error = NULL;
  g_autofree char *e = NULL;
  int wait_status;
  g_assert_true (g_spawn_sync (cwd, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &e, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("%s: %s", argv[1] ? argv[1] : argv[0], e);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_printerr ("%s %s exited %d:\n%s", argv[0], argv[1] ? argv[1] : "", exit_status (wait_status), e);
  if (err)
    *err = g_steal_pointer (&e);
  return exit_status (wait_status);
}


static gint64
count (const char *db_path, const char *sql)
{
  g_autofree char *s = tu_sqlite_dump (db_path, sql);
  return g_ascii_strtoll (s, NULL, 10);
}

/* Stored reports while a batch may still be creating the schema: 0 until it exists. */
static gint64
try_count (const char *db_path)
{
  sqlite3 *db;
  gint64 n = 0;
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      sqlite3_stmt *st;
      if (sqlite3_prepare_v2 (db, "SELECT COUNT(*) FROM reports", -1, &st, NULL) == SQLITE_OK)
        {
          if (sqlite3_step (st) == SQLITE_ROW)
            n = sqlite3_column_int64 (st, 0);
          sqlite3_finalize (st);
        }
    }
  sqlite3_close (db);
  return n;
}

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize) len, NULL));
}

static char *
sample (const char *name)
{
  return g_build_filename (samples_dir, name, NULL);
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The export of a database as sorted JSON lines: equal for equal content. */
static char *
export_sorted (const char *cwd, const char *db)
{
  g_autofree char *out = g_build_filename (cwd, "export.jsonl", NULL);
  const char *argv[] = { gongkai_bin, "export", "--db", db, "--format", "jsonl", "-o", out, NULL };
  g_assert_cmpint (run (cwd, NULL, argv), ==, 0);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *sorted = g_ptr_array_new ();
  for (int i = 0; lines[i]; i++)
    if (*lines[i])
      g_ptr_array_add (sorted, lines[i]);
  g_ptr_array_sort (sorted, compare_lines);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (s, "%s\n", (char *) sorted->pdata[i]);
  g_ptr_array_unref (sorted);
  return g_string_free (s, FALSE);
}

static void
test_twice (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *in = g_build_filename (dir, "in", NULL), *sub = g_build_filename (in, "sub", NULL);
  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  const char *names[] = { "qinxian-2019-synthetic.txt", "qinxian-2020.txt", "qinxian-2021-synthetic.txt" };
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *from = sample (names[i]);
      g_autofree char *to = g_build_filename (i == 2 ? sub : in, names[i], NULL);
      copy_file (from, to);
    }
  g_autofree char *other = g_build_filename (in, "notes.doc", NULL);
  g_assert_true (g_file_set_contents (other, "not a report", -1, NULL));

  g_autofree char *err = NULL;
  const char *argv[] = { gongkai_bin, "batch", "in", "--db", "out.sqlite", "-j", "2", NULL };
  g_assert_cmpint (run (dir, &err, argv), ==, 0);
  g_assert_nonnull (strstr (err, "3 files: 3 extracted, 0 skipped"));
  g_autofree char *db = g_build_filename (dir, "out.sqlite", NULL);
  g_autofree char *first = tu_sqlite_dump (db, "SELECT id, file, sha256, extracted_at FROM reports ORDER BY id");
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM reports WHERE error IS NULL"), ==, 3);
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM checks WHERE id GLOB 'cross_year.*'"), ==, 7);
  g_autofree char *vals = tu_sqlite_dump (db, "SELECT COUNT(*) FROM vals");

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (dir, &err, argv), ==, 0);
  g_assert_nonnull (strstr (err, "3 files: 0 extracted, 3 skipped"));
  g_autofree char *second = tu_sqlite_dump (db, "SELECT id, file, sha256, extracted_at FROM reports ORDER BY id");
  g_assert_cmpstr (first, ==, second);
  g_autofree char *vals2 = tu_sqlite_dump (db, "SELECT COUNT(*) FROM vals");
  g_assert_cmpstr (vals, ==, vals2);

  /* --force reads again and replaces, never duplicates */
  const char *force[] = { gongkai_bin, "batch", "in", "--db", "out.sqlite", "--force", NULL };
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (dir, &err, force), ==, 0);
  g_assert_nonnull (strstr (err, "3 extracted"));
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM reports"), ==, 3);
  g_autofree char *vals3 = tu_sqlite_dump (db, "SELECT COUNT(*) FROM vals");
  g_assert_cmpstr (vals, ==, vals3);
}

static void
test_bad_file (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *good = sample ("qinxian-2020.txt");
  g_autofree char *good_to = g_build_filename (dir, "a-good.txt", NULL);
  copy_file (good, good_to);
  g_autofree char *bad = g_build_filename (dir, "bad.pdf", NULL);
  g_assert_true (g_file_set_contents (bad, "<html>saved error page</html>", -1, NULL));
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_autofree char *err = NULL;
  const char *argv[] = { gongkai_bin, "batch", "a-good.txt", "bad.pdf", "empty.txt", "missing.txt",
                         "--db", "out.sqlite", NULL };
  g_assert_cmpint (run (dir, &err, argv), ==, 1);
  g_assert_nonnull (strstr (err, "gongkai: bad.pdf: not a PDF"));
  g_assert_nonnull (strstr (err, "gongkai: empty.txt: empty file"));
  g_assert_nonnull (strstr (err, "gongkai: missing.txt: "));
  g_assert_nonnull (strstr (err, "4 files: 1 extracted, 0 skipped"));
  g_autofree char *db = g_build_filename (dir, "out.sqlite", NULL);
  g_autofree char *rows = tu_sqlite_dump (db, "SELECT file, sha256 IS NOT NULL, record IS NOT NULL, error FROM reports ORDER BY file");
  g_assert_cmpstr (rows, ==,
                   "a-good.txt|1|1|NULL\n"
                   "bad.pdf|1|0|not a PDF (no %PDF- header)\n"
                   "empty.txt|1|0|empty file\n"
                   "missing.txt|0|0|No such file or directory\n");
  /* stored failures are skipped on resume too; the unhashable one is retried, not duplicated */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (dir, &err, argv), ==, 1);
  g_assert_nonnull (strstr (err, "4 files: 0 extracted, 3 skipped"));
  g_assert_cmpint (count (db, "SELECT COUNT(*) FROM reports"), ==, 4);
}

/* n copies of a sample, each with a different last line. */
static void
make_copies (const char *in, int n)
{
  g_assert_cmpint (g_mkdir_with_parents (in, 0755), ==, 0);
  g_autofree char *src = sample ("qinxian-2020.txt");
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/copy-%03d.txt", in, i);
      g_autofree char *body = g_strdup_printf ("%s\n存档编号 %d\n", text, i);
      g_assert_true (g_file_set_contents (name, body, -1, NULL));
    }
}

/* Starts a batch, waits for KILL_AFTER_REPORTS more stored reports, sends sig; returns the stored count. */
static gint64
batch_until (const char *dir, const char *db, int sig, int *status)
{
  gint64 target = try_count (db) + KILL_AFTER_REPORTS;
  g_auto (GStrv) env = child_env ();
  const char *argv[] = { gongkai_bin, "batch", "in", "--db", "out.sqlite", "-j", "1", NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;
  g_assert_true (g_spawn_async (dir, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  gint64 n = 0;
  for (int tries = 0; tries < 3000 && n < target; tries++)
    {
      g_usleep (5000);
      n = try_count (db);
    }
  kill (pid, sig);
  int ws;
  g_assert_cmpint (waitpid (pid, &ws, 0), ==, pid);
  g_spawn_close_pid (pid);
  *status = exit_status (ws);
  return count (db, "SELECT COUNT(*) FROM reports");
}

/* Every stored report is whole: as many values and checks as a full record. */
static void
assert_whole (const char *db)
{
  g_autofree char *shapes = tu_sqlite_dump (db, "SELECT DISTINCT (SELECT COUNT(*) FROM vals v WHERE v.report_id = r.id),"
                                       " (SELECT COUNT(*) FROM checks c WHERE c.report_id = r.id), error IS NULL"
                                       " FROM reports r");
  g_autofree char *path = sample ("qinxian-2020.txt");
  g_autoptr (GkRecord) full = gk_pipeline_extract (tu_pipeline (), path, NULL, NULL);
  g_autofree char *want = g_strdup_printf ("%u|%u|1\n", full->values->len + 2 * full->parts->len, full->checks->len);
  g_assert_cmpstr (shapes, ==, want);
  g_autofree char *ok = tu_sqlite_dump (db, "PRAGMA integrity_check");
  g_assert_cmpstr (ok, ==, "ok\n");
}

static void
test_kill_resume (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *in = g_build_filename (dir, "in", NULL);
  make_copies (in, KILL_TEST_FILES);
  g_autofree char *db = g_build_filename (dir, "out.sqlite", NULL);

  int status;
  gint64 after_int = batch_until (dir, db, SIGINT, &status);
  g_test_message ("SIGINT after %" G_GINT64_FORMAT " reports, exit %d", after_int, status);
  g_assert_cmpint (status, ==, 130);
  g_assert_cmpint (after_int, >=, KILL_AFTER_REPORTS);
  g_assert_cmpint (after_int, <, KILL_TEST_FILES);
  assert_whole (db);

  gint64 after_kill = batch_until (dir, db, SIGKILL, &status);
  g_test_message ("SIGKILL after %" G_GINT64_FORMAT " reports, exit %d", after_kill, status);
  g_assert_cmpint (status, ==, 128 + SIGKILL);
  g_assert_cmpint (after_kill, >, after_int);
  g_assert_cmpint (after_kill, <, KILL_TEST_FILES);
  assert_whole (db);

  g_autofree char *err = NULL;
  const char *argv[] = { gongkai_bin, "batch", "in", "--db", "out.sqlite", "-j", "2", NULL };
  g_assert_cmpint (run (dir, &err, argv), ==, 0);
  g_autofree char *want = g_strdup_printf ("%d files: %" G_GINT64_FORMAT " extracted, %" G_GINT64_FORMAT " skipped",
                                           KILL_TEST_FILES, KILL_TEST_FILES - after_kill, after_kill);
  g_assert_nonnull (strstr (err, want));
  g_autofree char *totals = tu_sqlite_dump (db, "SELECT COUNT(*), COUNT(DISTINCT sha256), COUNT(DISTINCT file) FROM reports");
  g_autofree char *want_totals = g_strdup_printf ("%d|%d|%d\n", KILL_TEST_FILES, KILL_TEST_FILES, KILL_TEST_FILES);
  g_assert_cmpstr (totals, ==, want_totals);
  assert_whole (db);
}

/* Peak RSS (KB) of a batch over dir, by GNU time. */
static long
batch_rss (const char *cwd, const char *dir, const char *db)
{
  g_autofree char *out = g_build_filename (cwd, "rss.txt", NULL);
  const char *argv[] = { "/usr/bin/time", "-f", "%M", "-o", out, gongkai_bin, "batch", dir, "--db", db,
                         "-j", "2", NULL };
  g_assert_cmpint (run (cwd, NULL, argv), ==, 0);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  return atol (text);
}

/* Extraction outruns the single writer on text: the records waiting to be
 * written must stay bounded, not pile up with the number of files. */
static void
test_memory_bounded (void)
{
#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("AddressSanitizer's quarantine grows with every allocation");
  return;
#endif
  if (!g_file_test ("/usr/bin/time", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("GNU time not installed");
      return;
    }
  g_autofree char *dir = tmp_dir ();
  g_autofree char *few = g_build_filename (dir, "few", NULL), *many = g_build_filename (dir, "many", NULL);
  make_copies (few, MEMORY_TEST_FEW);
  make_copies (many, MEMORY_TEST_MANY);
  long small = batch_rss (dir, "few", "few.sqlite");
  long large = batch_rss (dir, "many", "many.sqlite");
  g_test_message ("peak RSS: %d files %ld KB, %d files %ld KB", MEMORY_TEST_FEW, small, MEMORY_TEST_MANY, large);
  g_assert_cmpint (large - small, <, MEMORY_TEST_SLACK_KB);
}

/* Splits the samples into two shard lists with the project's script. */
static void
shard_lists (const char *dir)
{
  g_autofree char *script = tu_source_path ("scripts/shard-list");
  const char *argv[] = { script, "2", "shards", samples_dir, NULL };
  g_assert_cmpint (run (dir, NULL, argv), ==, 0);
}

static char *
single_batch (const char *dir)
{
  const char *argv[] = { gongkai_bin, "batch", samples_dir, "--db", "single.sqlite", NULL };
  g_assert_cmpint (run (dir, NULL, argv), ==, 0);
  return export_sorted (dir, "single.sqlite");
}

static char *
merge_shards (const char *dir, const char *db)
{
  const char *argv[] = { gongkai_bin, "merge", "shards/shard-000.sqlite", "shards/shard-001.sqlite",
                         "--db", db, NULL };
  g_autofree char *err = NULL;
  g_assert_cmpint (run (dir, &err, argv), ==, 0);
  return export_sorted (dir, db);
}

static void
test_shards_merge (void)
{
  g_autofree char *dir = tmp_dir ();
  shard_lists (dir);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *list = g_strdup_printf ("shards/shard-%03d.list", i);
      g_autofree char *db = g_strdup_printf ("shards/shard-%03d.sqlite", i);
      const char *argv[] = { gongkai_bin, "batch", "--files-from", list, "--db", db, NULL };
      g_assert_cmpint (run (dir, NULL, argv), ==, 0);
    }
  g_autofree char *one = single_batch (dir);
  g_autofree char *merged = merge_shards (dir, "all.sqlite");
  g_assert_cmpstr (merged, ==, one);
  g_autofree char *all = g_build_filename (dir, "all.sqlite", NULL);
  g_autofree char *before = tu_sqlite_dump (all, "SELECT id, sha256, extracted_at FROM reports ORDER BY id");
  g_autofree char *again = merge_shards (dir, "all.sqlite");
  g_assert_cmpstr (again, ==, one);
  g_autofree char *after = tu_sqlite_dump (all, "SELECT id, sha256, extracted_at FROM reports ORDER BY id");
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (strstr (one, "\"cross_year.items.penalty\",\"status\":\"fail\""));
}

static void
test_gnu_parallel_recipe (void)
{
  g_autofree char *parallel = g_find_program_in_path ("parallel");
  g_autofree char *rsync = g_find_program_in_path ("rsync");
  if (!parallel || !rsync)
    {
      g_test_skip ("GNU parallel or rsync not installed (scripts/install-deps)");
      return;
    }
  g_autofree char *dir = tmp_dir ();
  shard_lists (dir);
  /* the recipe of docs/scale-out.md, with a stand-in for ssh that runs each
   * "remote" job in a separate home directory, so transfer, return and
   * clean-up really happen; without HOME and SHELL, as on CI */
  g_autofree char *remote = g_build_filename (dir, "remote-home", NULL);
  g_assert_cmpint (g_mkdir (remote, 0755), ==, 0);
  g_autofree char *fakessh = tu_source_path ("tests/data/fakessh");
  g_autofree char *nodes = g_build_filename (dir, "nodes.txt", NULL);
  g_assert_true (g_file_set_contents (nodes, "node1\nnode2\n", -1, NULL));
  g_autofree char *cmd = g_strdup_printf (
    "env -u HOME -u SHELL FAKE_REMOTE='%s' parallel --will-cite --ssh '%s' --sshloginfile nodes.txt --jobs 1 --joblog jobs.log "
    "--transferfile {} --return {.}.sqlite --cleanup "
    "'gongkai batch --files-from {} --db {.}.sqlite -j 2; test $? -le 1' ::: shards/shard-*.list",
    remote, fakessh);
  const char *argv[] = { "/bin/sh", "-c", cmd, NULL };
  g_assert_cmpint (run (dir, NULL, argv), ==, 0);
  g_autoptr (GDir) left = g_dir_open (remote, 0, NULL);
  g_assert_null (g_dir_read_name (left));   /* --cleanup removed the remote copies */
  g_autofree char *one = single_batch (dir);
  g_autofree char *merged = merge_shards (dir, "all.sqlite");
  g_assert_cmpstr (merged, ==, one);
}

static void
test_slurm_script (void)
{
  g_autofree char *bash = g_find_program_in_path ("bash");
  if (!bash)
    {
      g_test_skip ("no bash");
      return;
    }
  g_autofree char *dir = tmp_dir ();
  shard_lists (dir);
  g_autofree char *script = tu_source_path ("scripts/slurm-batch.sbatch");
  for (int i = 0; i < 2; i++)
    {
      /* what sbatch --array=0-1 runs on the nodes */
      g_autofree char *cmd = g_strdup_printf ("SLURM_ARRAY_TASK_ID=%d SLURM_CPUS_PER_TASK=2 bash '%s' shards", i, script);
      const char *argv[] = { "/bin/sh", "-c", cmd, NULL };
      g_assert_cmpint (run (dir, NULL, argv), ==, 0);
    }
  /* a re-run task (requeue) starts from its finished shard and reads nothing */
  g_autofree char *cmd = g_strdup_printf ("SLURM_ARRAY_TASK_ID=0 bash '%s' shards", script);
  const char *argv[] = { "/bin/sh", "-c", cmd, NULL };
  g_autofree char *err = NULL;
  g_assert_cmpint (run (dir, &err, argv), ==, 0);
  g_assert_nonnull (strstr (err, " 0 extracted"));
  g_autofree char *one = single_batch (dir);
  g_autofree char *merged = merge_shards (dir, "all.sqlite");
  g_assert_cmpstr (merged, ==, one);
}

/* The batch mechanics (resume, shards, merge) need a mix of inputs, not the
 * slow ones: a copy of the samples without the scanned PDFs, whose OCR
 * would make this program take minutes (test-golden reads those). */
static char *
batch_samples_dir (void)
{
  g_autofree char *src = tu_source_path ("samples");
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("gongkai-batch-samples-XXXXXX", &error);
  g_assert_no_error (error);
  g_autoptr (GDir) d = g_dir_open (src, 0, &error);
  g_assert_no_error (error);
  const char *name;
  while ((name = g_dir_read_name (d)))
    {
      if (strstr (name, "-scan") || !(g_str_has_suffix (name, ".pdf") || g_str_has_suffix (name, ".txt")
                                      || g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".json")))
        continue;
      g_autofree char *from = g_build_filename (src, name, NULL);
      g_autofree char *to = g_build_filename (tmp, name, NULL);
      g_autofree char *data = NULL;
      gsize len;
      g_assert_true (g_file_get_contents (from, &data, &len, NULL));
      g_assert_true (g_file_set_contents (to, data, (gssize) len, NULL));
    }
  char *real = realpath (tmp, NULL);   /* shard lists hold real paths */
  g_assert_nonnull (real);
  return real;
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autofree char *self = g_canonicalize_filename (argv[0], NULL);
  g_autofree char *tests = g_path_get_dirname (self);
  g_autofree char *build = g_path_get_dirname (tests);
  gongkai_bin = g_build_filename (build, "gongkai", NULL);
  samples_dir = batch_samples_dir ();
  if (!g_file_test (gongkai_bin, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s not built (make builds it before the tests)", gongkai_bin);
  g_test_add_func ("/batch/twice", test_twice);
  g_test_add_func ("/batch/bad-file", test_bad_file);
  g_test_add_func ("/batch/kill-resume", test_kill_resume);
  g_test_add_func ("/batch/memory-bounded", test_memory_bounded);
  g_test_add_func ("/batch/shards-merge", test_shards_merge);
  g_test_add_func ("/batch/gnu-parallel-recipe", test_gnu_parallel_recipe);
  g_test_add_func ("/batch/slurm-script", test_slurm_script);
  int status = g_test_run ();
  tu_remove_flat_dir (samples_dir);   /* the copy holds only files, no folders */
  return status;
}
