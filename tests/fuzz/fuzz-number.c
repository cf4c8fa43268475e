/* fuzz-number.c — libFuzzer target: the number normaliser and the cell-token
 * test on arbitrary (also invalid UTF-8) strings, for every column type. */
#include <stdint.h>
#include "common/gk-number.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *s = g_strndup ((const char *) data, size);
  for (int t = GK_COLUMN_COUNT; t <= GK_COLUMN_AMOUNT_WAN; t++)
    {
      GkNumber n = gk_number_parse (s, (GkColumnType) t);
      if (n.kind == GK_NUMBER_DOUBLE && n.d != n.d)
        __builtin_trap ();   /* a parsed number is never NaN */
    }
  gk_number_is_cell_token (s);
  gk_number_is_unit_token (s);
  g_free (s);
  return 0;
}
