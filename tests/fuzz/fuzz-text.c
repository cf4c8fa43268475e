/* fuzz-text.c — libFuzzer target: arbitrary bytes through the text path,
 * the template matcher, the prose reader, the checks and the JSON exporter. */
#include <stdint.h>
#include "export/export-json.h"
#include "pipeline/pipeline.h"
#include "text/text-input.h"

static GkPipeline *pipeline;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (!pipeline)
    pipeline = gk_pipeline_new (GK_SOURCE_DIR "/models", NULL);
  GkContent *content = gk_text_read ((const char *) data, size, NULL);
  if (!content)
    return 0;
  GkRecord *rec = gk_pipeline_record_from_content (pipeline, "fuzz.txt", content);
  json_t *j = gk_record_to_json (rec);
  g_free (gk_json_dump (j, FALSE));
  json_decref (j);
  gk_record_free (rec);
  gk_content_free (content);
  return 0;
}
