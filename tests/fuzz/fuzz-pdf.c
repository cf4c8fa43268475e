/* fuzz-pdf.c — libFuzzer target: arbitrary bytes through the PDF path
 * (poppler text layer, words, rules from the rendered table bands, layout),
 * then the matcher, the prose reader, the checks and the JSON exporter. */
#include <stdint.h>
#include "pdf/pdf-input.h"
#include "fuzzutil.h"

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
  GkReadOptions opts;
  gk_read_options_init (&opts);
  opts.max_pages = 4;   /* keep each run short: poppler, not page count, is under test */
  GkInput input = { .path = (char *) "fuzz.pdf", .bytes = g_bytes_new_static (data, size),
                    .sha256 = (char *) "", .kind = GK_INPUT_PDF };
  GkContent *content = gk_pdf_read (&input, &opts, NULL);
  g_bytes_unref (input.bytes);
  if (!content)
    return 0;
  fz_record_and_free (content, "fuzz.pdf");
  return 0;
}
