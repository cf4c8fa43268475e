/* export-json.h — the record as output.md's JSON.
 *
 *   gk_record_to_json      the record as a jansson object (new reference)
 *   gk_check_to_json       one checks[] entry (new reference)
 *   gk_json_dump           a json_t as text: UTF-8, 15 significant digits,
 *                          so 15122.275 prints as 15122.275, not …000001
 *   gk_write_file_atomic   write bytes to a temp file beside the target, then rename
 */
#pragma once
#include <jansson.h>
#include "model/record.h"

json_t *gk_record_to_json (const GkRecord *record);
json_t *gk_check_to_json (const GkCheck *check);
char *gk_json_dump (const json_t *json, gboolean pretty);
gboolean gk_write_file_atomic (const char *path, const char *data, gsize len, GError **error);
