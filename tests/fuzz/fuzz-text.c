/* fuzz-text.c — libFuzzer target: arbitrary bytes through the text path,
 * the template matcher, the prose reader, the checks and the JSON exporter;
 * and the same bytes as a file name, escaped for the record (always UTF-8). */
#include <stdint.h>
#include "fuzzutil.h"
#include "common/gk-text.h"
#include "text/text-input.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GkContent *content = gk_text_read ((const char *) data, size, NULL);
  if (content)
    fz_record_and_free (content, "fuzz.txt");
  g_autofree char *name = g_strndup ((const char *) data, size);
  g_autofree char *shown = gk_text_escape_invalid (name);
  if (!g_utf8_validate (shown, -1, NULL))
    __builtin_trap ();
  return 0;
}
