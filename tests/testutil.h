/* testutil.h — shared helpers of the GTest programs in tests/.
 *
 *   tu_source_path      a path inside the source tree (samples/, models/)
 *   tu_source_contents  the bytes of a file of the source tree
 *   tu_pipeline         one pipeline per test program, from the tree's models/
 *   tu_record_from_text run the text path on a string (unit tests of heuristics)
 *   tu_json_get         a value of a JSON object by dotted path
 *   tu_run_gongkai      run the built binary; its exit status, stdout and stderr
 *   tu_find_check / tu_check_status / tu_warning   look checks and warnings up
 *   tu_sqlite_dump      every row of a query as text ('|' between columns, '\n' after rows;
 *                       sqlar_uncompress (record, record_size) gives a stored record)
 *   tu_remove_flat_dir  remove a scratch folder and its files
 *   tu_paint_image      paint a raster image onto a drawing at a scale (and free it)
 */
#pragma once
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <jansson.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include "export/export-json.h"
#include "store/db.h"
#include "pipeline/pipeline.h"
#include "text/text-input.h"

/* g_test_init plus a UTF-8 locale, so messages show Chinese text, not "?". */
static inline void
tu_init (int *argc, char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
}

static inline char *
tu_source_path (const char *rel)
{
  return g_build_filename (GK_SOURCE_DIR, rel, NULL);
}

/* The bytes of rel (inside the source tree), NUL-terminated, length in *len. */
static inline char *
tu_source_contents (const char *rel, gsize *len)
{
  g_autofree char *path = tu_source_path (rel);
  char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

static inline GkPipeline *
tu_pipeline (void)
{
  static GkPipeline *p;
  if (!p)
    {
      g_autofree char *models = tu_source_path ("models");
      g_autoptr (GError) error = NULL;
      p = gk_pipeline_new (models, &error);
      g_assert_no_error (error);
    }
  return p;
}

static inline GkRecord *
tu_record_from_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GkContent) content = gk_text_read (text, strlen (text), &error);
  g_assert_no_error (error);
  return gk_pipeline_record_from_content (tu_pipeline (), "test.txt", content);
}

static inline json_t *
tu_json_get (json_t *root, const char *dotted)
{
  g_auto (GStrv) parts = g_strsplit (dotted, ".", -1);
  json_t *cur = root;
  for (int i = 0; parts[i] && cur; i++)
    cur = json_is_object (cur) ? json_object_get (cur, parts[i]) : NULL;
  return cur;
}

/* Check `id` of a record, or NULL when it was not run. */
static inline const GkCheck *
tu_find_check (const GkRecord *rec, const char *id)
{
  for (guint i = 0; i < rec->checks->len; i++)
    if (strcmp (((GkCheck *) rec->checks->pdata[i])->id, id) == 0)
      return rec->checks->pdata[i];
  return NULL;
}

/* The status of check `id` in a record, or NULL when it was not run. */
static inline const char *
tu_check_status (const GkRecord *rec, const char *id)
{
  const GkCheck *c = tu_find_check (rec, id);
  return c ? gk_check_status_name (c->status) : NULL;
}

/* The first warning with this code (whose message contains needle, when
 * given) among warnings (GkWarning*), or NULL. */
static inline const GkWarning *
tu_warning (const GPtrArray *warnings, const char *code, const char *needle)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      const GkWarning *w = warnings->pdata[i];
      if (strcmp (w->code, code) == 0 && (!needle || strstr (w->message, needle)))
        return w;
    }
  return NULL;
}

static inline gboolean
tu_int_is (const GkRecord *rec, const char *key, gint64 want)
{
  GkValue *v = gk_record_get (rec, key);
  return v && v->kind == GK_VALUE_INT && v->i == want;
}

/* Runs build/gongkai with args (NULL-terminated); out/err may be NULL
 * (then that stream is discarded).  Returns the exit status, 128 on a signal.
 * The child gets no locale variables: the C locale of CI and cron, where
 * Chinese arguments must still work. */
static inline int
tu_run_gongkai (const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *bin = g_build_filename (GK_BUILD_DIR, "gongkai", NULL);
  g_ptr_array_add (argv, bin);
  for (int i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  int wait = 0;
  GSpawnFlags flags = (out ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL) | (err ? 0 : G_SPAWN_STDERR_TO_DEV_NULL);
  g_auto (GStrv) env = g_get_environ ();
  static const char *const locale_vars[] = { "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES" };
  for (gsize i = 0; i < G_N_ELEMENTS (locale_vars); i++)
    env = g_environ_unsetenv (env, locale_vars[i]);
  g_autoptr (GError) error = NULL;
  g_spawn_sync (NULL, (char **) argv->pdata, env, flags, NULL, NULL, out, err, &wait, &error);
  g_assert_no_error (error);
  return WIFEXITED (wait) ? WEXITSTATUS (wait) : 128;
}

/* Removes dir and the files in it (a scratch folder without subfolders). */
static inline void
tu_remove_flat_dir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
      g_free (path);
    }
  if (d)
    g_dir_close (d);
  g_rmdir (dir);
}

static inline char *
tu_sqlite_dump (const char *db_path, const char *sql)
{
  sqlite3 *db;
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);   /* a batch may still be writing */
  gk_sqlite_add_functions (db);      /* sqlar_uncompress (record, record_size) */
  sqlite3_stmt *st;
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  GString *out = g_string_new (NULL);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (st); i++)
        {
          const char *t = (const char *) sqlite3_column_text (st, i);
          g_string_append_printf (out, "%s%s", i ? "|" : "", t ? t : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (st);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Paints image (then freed) onto cr, each image pixel `scale` units of cr:
 * a scan or a rendering laid onto a PDF page. */
static inline void
tu_paint_image (cairo_t *cr, cairo_surface_t *image, double scale)
{
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
}
