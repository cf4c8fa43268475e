/* export-csv.h — the flat CSV of output.md: one row per value.
 *
 *   gk_csv_header        the header line
 *   gk_record_to_csv     every value of a record as CSV lines (RFC 4180 quoting)
 *
 * Columns: file,issuer,year,template,key,value,page,method,confidence,raw.
 * The breakdown is flattened to narrative.active_breakdown.<i>.count and
 * .percent (with the label in raw), so every row is one number.
 */
#pragma once
#include <glib.h>
#include "model/record.h"

const char *gk_csv_header (void);
char *gk_record_to_csv (const GkRecord *record);
void gk_csv_append_field (GString *out, const char *field);
