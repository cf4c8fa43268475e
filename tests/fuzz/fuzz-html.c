/* fuzz-html.c — libFuzzer target: arbitrary bytes through the web-page
 * path (libxml2 parse, table grid, flow text), then the matcher, the
 * prose reader, the checks and the JSON exporter. */
#include <stdint.h>
#include "fuzzutil.h"
#include "html/html-input.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GkContent *content = gk_html_read_data ((const char *) data, size, NULL);
  if (content)
    fz_record_and_free (content, "fuzz.html");
  return 0;
}
