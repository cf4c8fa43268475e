/* gk-json.c — see gk-json.h. */
#include "gk-json.h"

GPtrArray *
gk_json_strings (const json_t *arr)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (size_t i = 0; i < json_array_size (arr); i++)
    {
      const json_t *v = json_array_get (arr, i);
      if (json_is_string (v))
        g_ptr_array_add (out, g_strdup (json_string_value (v)));
    }
  return out;
}
