/* fuzzutil.h — what every content-level fuzz target does after its reader:
 *
 *   fz_pipeline           the pipeline of the fuzz run (models of the tree)
 *   fz_record_and_free    content → matcher, prose, checks, JSON; frees content
 */
#pragma once
#include "export/export-json.h"
#include "pipeline/pipeline.h"

static inline GkPipeline *
fz_pipeline (void)
{
  static GkPipeline *pipeline;
  if (!pipeline)
    pipeline = gk_pipeline_new (GK_SOURCE_DIR "/models", NULL);
  return pipeline;
}

static inline void
fz_record_and_free (GkContent *content, const char *name)
{
  GkRecord *rec = gk_pipeline_record_from_content (fz_pipeline (), name, content);
  json_t *j = gk_record_to_json (rec);
  g_free (gk_json_dump (j, FALSE));
  json_decref (j);
  gk_record_free (rec);
  gk_content_free (content);
}
