/* fuzz-input.c — libFuzzer target: input kind detection and preparation
 * (UTF-16 conversion, CR line ends) on arbitrary bytes, under every file
 * name ending the CLI may see. */
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
        g_clear_error (&error);
      GBytes *raw = g_bytes_new_static (data, size);
      GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_warning_free);
      GBytes *prepared = gk_input_prepare (names[i], raw, &kind, warnings, &error);
      if (prepared)
        g_bytes_unref (prepared);
      else
        g_clear_error (&error);
      g_ptr_array_unref (warnings);
      g_bytes_unref (raw);
    }
  return 0;
}
