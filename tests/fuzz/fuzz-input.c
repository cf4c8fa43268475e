/* fuzz-input.c — libFuzzer target: input kind detection on arbitrary bytes,
 * under every file name ending the CLI may see. */
#include <stdint.h>
#include "input/input.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *const names[] = { "a.pdf", "a.txt", "a.html", "a" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GkInputKind kind;
      GError *error = NULL;
      if (!gk_input_detect (names[i], data, size, &kind, &error))
        g_error_free (error);
    }
  return 0;
}
