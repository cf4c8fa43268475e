/* gk-file.h — writing an output file whole or not at all.
 *
 *   gk_write_file_atomic   bytes to a temp file beside the target, then renamed over it
 *
 * Method.  A reader of the target (or a crash mid-write) never sees half a
 * file: the bytes go to a temporary file in the same directory, are
 * synced, and the rename replaces the target in one step.
 */
#pragma once
#include <glib.h>

/* GK_ERROR_OUTPUT with the cause when the file cannot be written. */
gboolean gk_write_file_atomic (const char *path, const char *data, gsize len, GError **error);
