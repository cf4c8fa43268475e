/* export.c — see export.h. */
#include "export.h"
#include "export/export-csv.h"
#include "export/export-json.h"
#include <string.h>

static const GkFormat formats[] = {
  { "json", "json", NULL, gk_json_record, TRUE, GK_FORMAT_NOT_STORED },
  { "jsonl", "json", NULL, gk_jsonl_record, FALSE, GK_FORMAT_STORED_RECORD },
  { "csv", "csv", gk_csv_header, gk_csv_record, FALSE, GK_FORMAT_STORED_VALUES },
};

const GkFormat *
gk_format_find (const char *name)
{
  for (gsize i = 0; name && i < G_N_ELEMENTS (formats); i++)
    if (strcmp (formats[i].name, name) == 0)
      return &formats[i];
  return NULL;
}

char *
gk_format_names (gboolean stored)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    if (!stored || formats[i].store != GK_FORMAT_NOT_STORED)
      g_ptr_array_add (names, (gpointer) formats[i].name);
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (s, "%s%s", i == 0 ? "" : i + 1 == names->len ? " or " : ", ", (char *) names->pdata[i]);
  return g_string_free (s, FALSE);
}
