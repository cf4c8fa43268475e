/* input.h — opening an input file and deciding what it is.
 *
 *   gk_input_open / gk_input_free   read a file (or standard input, "-") whole (bounded),
 *                                   hash it, detect its kind
 *   gk_input_prepare                the bytes as the readers want them, and their kind
 *   gk_input_take_warnings          what preparing the bytes found, into the content read from them
 *   gk_input_sha256_file            the SHA-256 of a file, streamed (a batch skips known files
 *                                   before reading them)
 *
 * Method.  The kind comes from the bytes, not the name: %PDF- within the
 * first KiB is a PDF; markup that opens like HTML is HTML, and so is text
 * that holds a table in HTML markup (Markdown keeps a table with merged
 * cells so; the rows of its own tables, drawn with pipes, stay lines of
 * text in the web-page reader); valid UTF-8 or
 * GB18030 text without control bytes is text.  A .pdf name on anything
 * else is reported as "not a PDF", so a crawler's error page saved under
 * a report's name does not pass silently.  UTF-16 text or HTML (a
 * byte-order mark, or the zero bytes of its ASCII characters all on one
 * side) is converted to UTF-8 first, with an encoding_utf16 warning; text
 * whose lines end in a bare CR (old Mac saves) gets \n line ends.  Text
 * that is a JSON record (a crawler's {"title": …, "content": …}) is read
 * as its strings, one a line, in the order written: as a web page when
 * they hold markup, with a json_record warning.  The sha256 is of the file
 * as it is.
 */
#pragma once
#include <glib.h>
#include "content/content.h"
#include "content/options.h"

typedef enum {
  GK_INPUT_PDF,
  GK_INPUT_HTML,
  GK_INPUT_TEXT,
} GkInputKind;

typedef struct {
  char *path;
  GBytes *bytes;        /* as prepared: UTF-16 converted, CR line ends made \n */
  char *sha256;         /* of the file's own bytes */
  GkInputKind kind;
  GPtrArray *warnings;  /* GkWarning*: found while preparing the bytes */
} GkInput;

/* The path that stands for standard input (a pipe from a crawler or curl):
 * read whole as a file is, bounded by opts->max_bytes as it is read. */
#define GK_INPUT_STDIN "-"

GkInput *gk_input_open (const char *path, const GkReadOptions *opts, GError **error);
void gk_input_free (GkInput *input);
/* Detects the kind of data (exposed for tests and fuzzing). */
gboolean gk_input_detect (const char *name, const guint8 *data, gsize len, GkInputKind *kind, GError **error);

/* The bytes of a file as the readers want them (UTF-16 converted to UTF-8,
 * a text's bare-CR line ends made \n; raw itself, with a new reference,
 * when there is nothing to do) and their kind, warnings (GkWarning*) added
 * for what was converted; NULL with an error when the kind is none we read. */
GBytes *gk_input_prepare (const char *name, GBytes *raw, GkInputKind *kind, GPtrArray *warnings, GError **error);
/* Moves the input's warnings to the front of content's. */
void gk_input_take_warnings (GkInput *input, GkContent *content);

char *gk_input_sha256_file (const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkInput, gk_input_free)
