/* testutil.h — shared helpers of the GTest programs in tests/.
 *
 *   tu_source_path      a path inside the source tree (samples/, models/)
 *   tu_pipeline         one pipeline per test program, from the tree's models/
 *   tu_record_from_text run the text path on a string (unit tests of heuristics)
 *   tu_json_get         a value of a JSON object by dotted path
 */
#pragma once
#include <glib.h>
#include <jansson.h>
#include <locale.h>
#include <string.h>
#include "export/export-json.h"
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

/* The status of check `id` in a record, or NULL when it was not run. */
static inline const char *
tu_check_status (const GkRecord *rec, const char *id)
{
  for (guint i = 0; i < rec->checks->len; i++)
    {
      GkCheck *c = rec->checks->pdata[i];
      if (strcmp (c->id, id) == 0)
        return gk_check_status_name (c->status);
    }
  return NULL;
}

static inline gboolean
tu_int_is (const GkRecord *rec, const char *key, gint64 want)
{
  GkValue *v = gk_record_get (rec, key);
  return v && v->kind == GK_VALUE_INT && v->i == want;
}
