/* fuzz-pdf.c — libFuzzer target: arbitrary bytes through the PDF path
 * (poppler text layer, words, rules from the rendered table bands, layout),
 * then the matcher, the prose reader, the checks and the JSON exporter. */
#include <stdint.h>
#include "export/export-json.h"
#include "pdf/pdf-input.h"
#include "pipeline/pipeline.h"

static GkPipeline *pipeline;

/* poppler asks fontconfig for a stand-in for every font a PDF names but does
 * not embed, and fontconfig keeps the patterns it made for the process: a
 * cache, not a leak of ours (read by LeakSanitizer only). */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (!pipeline)
    pipeline = gk_pipeline_new (GK_SOURCE_DIR "/models", NULL);
  GkReadOptions opts;
  gk_read_options_init (&opts);
  opts.max_pages = 4;   /* keep each run short: poppler, not page count, is under test */
  GkInput input = { .path = (char *) "fuzz.pdf", .bytes = g_bytes_new_static (data, size),
                    .sha256 = (char *) "", .kind = GK_INPUT_PDF };
  GkContent *content = gk_pdf_read (&input, &opts, NULL);
  g_bytes_unref (input.bytes);
  if (!content)
    return 0;
  GkRecord *rec = gk_pipeline_record_from_content (pipeline, "fuzz.pdf", content);
  json_t *j = gk_record_to_json (rec);
  g_free (gk_json_dump (j, FALSE));
  json_decref (j);
  gk_record_free (rec);
  gk_content_free (content);
  return 0;
}
