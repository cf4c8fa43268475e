/* export.h — the output formats, one row each: what `extract`, `export`
 * and the store look up by the name given with --format.
 *
 *   gk_format_find    a format by name, NULL when there is none
 *   gk_format_names   the names a command accepts, for its messages ("json, jsonl or csv")
 *
 * Method.  A format is a name, the extension of its -o DIR files, a header
 * printed once before the records, and how one record is rendered; how
 * the store gives a record for it (the stored JSON itself, or a record
 * rebuilt from the stored values) is part of the row, so a new format is
 * a file with its render function and one row in export.c.
 */
#pragma once
#include <glib.h>
#include "model/record.h"

typedef enum {
  GK_FORMAT_NOT_STORED,     /* not offered by `export` */
  GK_FORMAT_STORED_RECORD,  /* the stored record's compact JSON, one per line (cross-year checks included) */
  GK_FORMAT_STORED_VALUES,  /* rendered from the record rebuilt from the stored values */
} GkFormatStore;

typedef struct {
  const char *name;                         /* --format NAME */
  const char *extension;                    /* -o DIR writes FILE.EXTENSION */
  const char *(*header) (void);             /* once before the records (and atop each -o file), or NULL */
  char *(*render) (const GkRecord *record); /* one record's text, ending in a newline */
  gboolean array;                           /* several records on stdout make one JSON array */
  GkFormatStore store;
} GkFormat;

const GkFormat *gk_format_find (const char *name);
/* The names of the formats, "a, b or c"; only those `export` offers when stored. */
char *gk_format_names (gboolean stored);
