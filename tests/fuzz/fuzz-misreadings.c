/* fuzz-misreadings.c — libFuzzer target: the prose misreadings list
 * (models/ocr/prose.misreadings) parsed from arbitrary bytes, then applied
 * to the input itself; the OCR line builder on symbols cut from it. */
#include <stdint.h>
#include "ocr/ocr-engine.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *s = g_strndup ((const char *) data, size);
  GStrv fixes = gk_ocr_misreadings_parse (s);
  if (g_strv_length (fixes) % 2 != 0)
    __builtin_trap ();   /* always wrong, right pairs */
  char *fixed = gk_ocr_fix_misreadings (s, (const char *const *) fixes);
  /* symbols: the input's bytes one by one, boxes from their values */
  GkOcrSymbol syms[64];
  guint n = 0;
  for (size_t i = 0; i < size && n < G_N_ELEMENTS (syms); i++, n++)
    {
      char *t = g_strndup ((const char *) data + i, 1);
      syms[n] = (GkOcrSymbol) { t, data[i] / 255.0, data[i], data[i] + (int) (i % 7), i % 3 == 0 };
    }
  char *line = gk_ocr_line_from_symbols (syms, n, NULL);
  for (guint i = 0; i < n; i++)
    g_free (syms[i].text);
  g_free (line);
  g_free (fixed);
  g_strfreev (fixes);
  g_free (s);
  return 0;
}
