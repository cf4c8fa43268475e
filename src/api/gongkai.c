/* gongkai.c — see gongkai.h: the public API over the pipeline (GkPipeline,
 * GkRecord), translating GError into a message and an exit status. */
#include "gongkai.h"
#include "common/gk-error.h"
#include "common/gk-version.h"
#include "export/export-json.h"
#include "ocr/ocr-engine.h"
#include "pipeline/pipeline.h"

struct GongkaiModels {
  GkPipeline *pipeline;
};

struct GongkaiRecord {
  GkRecord *record;
};

static void
set_error (GError *error, char **error_message, int *error_code)
{
  if (error_message)
    *error_message = g_strdup (error->message);
  if (error_code)
    *error_code = gk_exit_code_for (error);
}

const char *
gongkai_version (void)
{
  return GK_VERSION;
}

GongkaiModels *
gongkai_models_open (const char *models_dir, char **error_message, int *error_code)
{
  gk_ocr_prepare_process ();   /* one tesseract thread per reading, as the CLI */
  g_autoptr (GError) error = NULL;
  GkPipeline *p = gk_pipeline_new (models_dir, &error);
  if (!p)
    {
      set_error (error, error_message, error_code);
      return NULL;
    }
  GongkaiModels *m = g_new0 (GongkaiModels, 1);
  m->pipeline = p;
  return m;
}

void
gongkai_models_free (GongkaiModels *models)
{
  if (!models)
    return;
  gk_pipeline_free (models->pipeline);
  g_free (models);
}

GongkaiRecord *
gongkai_read_file (const GongkaiModels *models, const char *path, char **error_message, int *error_code)
{
  g_autoptr (GError) error = NULL;
  if (!models || !path)
    {
      g_set_error (&error, GK_ERROR, GK_ERROR_USAGE, "gongkai_read_file: models and path are required");
      set_error (error, error_message, error_code);
      return NULL;
    }
  GkRecord *rec = gk_pipeline_extract (models->pipeline, path, NULL, &error);
  if (!rec)
    {
      set_error (error, error_message, error_code);
      return NULL;
    }
  GongkaiRecord *r = g_new0 (GongkaiRecord, 1);
  r->record = rec;
  return r;
}

char *
gongkai_record_to_json (const GongkaiRecord *record, int pretty)
{
  if (!record)
    return NULL;
  json_t *json = gk_record_to_json (record->record);
  char *text = gk_json_dump (json, pretty != 0);
  json_decref (json);
  return text;
}

void
gongkai_record_free (GongkaiRecord *record)
{
  if (!record)
    return;
  gk_record_free (record->record);
  g_free (record);
}

void
gongkai_free (void *p)
{
  g_free (p);
}
