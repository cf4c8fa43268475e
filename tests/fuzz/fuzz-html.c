/* fuzz-html.c — libFuzzer target: arbitrary bytes through the web-page
 * path (libxml2 parse, table grid, flow text), then the matcher, the
 * prose reader, the checks and the JSON exporter. */
#include <stdint.h>
#include "export/export-json.h"
#include "html/html-input.h"
#include "pipeline/pipeline.h"

static GkPipeline *pipeline;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (!pipeline)
    pipeline = gk_pipeline_new (GK_SOURCE_DIR "/models", NULL);
  GkContent *content = gk_html_read_data ((const char *) data, size, NULL);
  if (!content)
    return 0;
  GkRecord *rec = gk_pipeline_record_from_content (pipeline, "fuzz.html", content);
  json_t *j = gk_record_to_json (rec);
  g_free (gk_json_dump (j, FALSE));
  json_decref (j);
  gk_record_free (rec);
  gk_content_free (content);
  return 0;
}
