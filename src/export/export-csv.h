/* export-csv.h — the flat CSV of output.md: one row per value.
 *
 *   gk_csv_header        the header line
 *   gk_csv_record     every value of a record as CSV lines (RFC 4180 quoting)
 *   gk_record_flatten    the same rows as callbacks (the SQLite vals table)
 *   gk_flat_value_text   a flat value as the CSV writes it ("" for null)
 *
 * Columns: file,issuer,year,template,key,value,page,method,confidence,raw.
 * The breakdown is flattened to narrative.active_breakdown.<i>.count and
 * .percent (with the label in raw), so every row is one number.
 */
#pragma once
#include <glib.h>
#include "model/record.h"

/* One flat row: a number (or null) with where it was read. */
typedef struct {
  const char *key;
  GkValueKind kind;
  gint64 i;
  double d;
  const GkSource *src;  /* NULL when never seen on a page */
  const char *raw;
} GkFlatValue;

typedef void (*GkFlatFunc) (const GkFlatValue *value, gpointer user_data);

const char *gk_csv_header (void);
void gk_record_flatten (const GkRecord *record, GkFlatFunc func, gpointer user_data);
char *gk_flat_value_text (const GkFlatValue *value);
char *gk_csv_record (const GkRecord *record);
void gk_csv_append_field (GString *out, const char *field);
