/* input.h — opening an input file and deciding what it is.
 *
 *   gk_input_open / gk_input_free   read a file whole (bounded), hash it, detect its kind
 *   gk_input_sha256_file            the SHA-256 of a file, streamed (a batch skips known files
 *                                   before reading them)
 *
 * Method.  The kind comes from the bytes, not the name: %PDF- within the
 * first KiB is a PDF; markup that opens like HTML is HTML; valid UTF-8 or
 * GB18030 text without control bytes is text.  A .pdf name on anything
 * else is reported as "not a PDF", so a crawler's error page saved under
 * a report's name does not pass silently.
 */
#pragma once
#include <glib.h>
#include "content/options.h"

typedef enum {
  GK_INPUT_PDF,
  GK_INPUT_HTML,
  GK_INPUT_TEXT,
} GkInputKind;

typedef struct {
  char *path;
  GBytes *bytes;
  char *sha256;
  GkInputKind kind;
} GkInput;

GkInput *gk_input_open (const char *path, const GkReadOptions *opts, GError **error);
void gk_input_free (GkInput *input);
/* Detects the kind of data (exposed for tests and fuzzing). */
gboolean gk_input_detect (const char *name, const guint8 *data, gsize len, GkInputKind *kind, GError **error);

char *gk_input_sha256_file (const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkInput, gk_input_free)
