/* cli-work.c — what a worker process does with one file for `extract` and
 * `batch`: read it, and hand back the text to print and the database rows,
 * both made in the worker so the parent only writes bytes. */
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include "cli.h"
#include "store/db.h"
#include "pipeline/pipeline.h"

/* Test-only hooks (tests/test-workers.c): on the file an variable names, a
 * worker aborts as a library bug would, takes memory until none is left,
 * or hangs — what the worker limits are for. */
#define ABORT_HOOK_ENV "GONGKAI_TEST_ABORT_ON"
#define HOG_HOOK_ENV   "GONGKAI_TEST_HOG_ON"
#define HANG_HOOK_ENV  "GONGKAI_TEST_HANG_ON"
#define HOG_STEP       (16 << 20)

static gboolean
hook_names (const char *env, const char *path)
{
  const char *hook = g_getenv (env);
  return hook && strcmp (hook, path) == 0;
}

static void
run_test_hooks (const char *path)
{
  if (hook_names (ABORT_HOOK_ENV, path))
    abort ();
  if (hook_names (HANG_HOOK_ENV, path))
    for (;;)
      g_usleep (G_USEC_PER_SEC);
  if (hook_names (HOG_HOOK_ENV, path))
    for (GSList *held = NULL;;)
      held = g_slist_prepend (held, memset (g_malloc (HOG_STEP), 1, HOG_STEP));
}

GBytes *
cli_work_read (guint item, gpointer user_data, GError **error)
{
  const CliWork *work = user_data;
  const char *path = work->files[item];
  run_test_hooks (path);
  g_autoptr (GkRecord) rec = gk_pipeline_extract (work->pipeline, path, work->opts, error);
  if (!rec)
    return NULL;
  g_autofree char *text = work->render ? work->render->render (rec) : g_strdup ("");
  g_autoptr (GBytes) rows = work->rows ? gk_sqlite_rows (rec) : g_bytes_new (NULL, 0);
  GVariant *rows_v = g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, rows, TRUE);
  gboolean not_report = FALSE;
  for (guint w = 0; w < rec->warnings->len; w++)
    {
      const char *code = ((GkWarning *) rec->warnings->pdata[w])->code;
      not_report |= strcmp (code, "not_a_report") == 0 || strcmp (code, "two_reports") == 0;
    }
  g_autoptr (GVariant) v = g_variant_ref_sink (g_variant_new ("(^ay@ayb)", text, rows_v, not_report));
  return g_variant_get_data_as_bytes (v);
}

void
cli_work_unpack (GBytes *result, char **text, GBytes **rows, gboolean *not_report)
{
  g_autoptr (GVariant) v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(ayayb)"), result, FALSE));
  g_variant_get_child (v, 2, "b", not_report);
  g_variant_get_child (v, 0, "^ay", text);
  g_autoptr (GVariant) r = g_variant_get_child_value (v, 1);
  *rows = g_variant_get_data_as_bytes (r);
}

static guint64
ram_limit (const CliReadArgs *args, guint jobs)
{
  return args->max_mb_ram > 0 ? (guint64) args->max_mb_ram << 20 : gk_workers_default_ram (jobs);
}

GkWorkers *
cli_work_start (const CliWork *work, guint jobs, const CliReadArgs *args, const GkReadOptions *opts, GError **error)
{
  GkWorkersLimits limits = { jobs, ram_limit (args, jobs), opts->max_seconds };
  return gk_workers_new (&limits, cli_work_read, (gpointer) work, error);
}

GBytes *
cli_work_here (const CliWork *work, guint item, const CliReadArgs *args, GError **error)
{
  gk_workers_limit_memory (ram_limit (args, 1));
  return cli_work_read (item, (gpointer) work, error);
}

guint64 *
cli_work_file_sizes (char *const *files, guint n)
{
  guint64 *sizes = g_new0 (guint64, n);
  for (guint i = 0; i < n; i++)
    {
      GStatBuf st;
      if (strcmp (files[i], "-") != 0 && g_stat (files[i], &st) == 0 && S_ISREG (st.st_mode))
        sizes[i] = (guint64) st.st_size;
    }
  return sizes;
}

guint
cli_work_largest_unsent (const guint64 *sizes, const gboolean *sent, guint from, guint to)
{
  guint best = to;
  for (guint k = from; k < to; k++)
    if (!sent[k] && (best == to || sizes[k] > sizes[best]))
      best = k;
  return best;
}
