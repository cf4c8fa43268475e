/* fuzz-text.c — libFuzzer target: arbitrary bytes through the text path,
 * the template matcher, the prose reader, the checks and the JSON exporter. */
#include <stdint.h>
#include "fuzzutil.h"
#include "text/text-input.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GkContent *content = gk_text_read ((const char *) data, size, NULL);
  if (content)
    fz_record_and_free (content, "fuzz.txt");
  return 0;
}
