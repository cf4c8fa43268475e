/* gk-file.c — see gk-file.h. */
#include "gk-file.h"
#include "gk-error.h"

gboolean
gk_write_file_atomic (const char *path, const char *data, gsize len, GError **error)
{
  /* g_file_set_contents writes a temp file beside the target, fsyncs and renames */
  g_autoptr (GError) local = NULL;
  if (!g_file_set_contents_full (path, data, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_OUTPUT, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
