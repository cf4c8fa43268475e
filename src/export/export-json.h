/* export-json.h — the record as output.md's JSON.
 *
 *   gk_record_to_json      the record as a jansson object (new reference)
 *   gk_check_to_json       one checks[] entry (new reference)
 *   gk_json_dump           a json_t as text: UTF-8, 15 significant digits,
 *                          so 15122.275 prints as 15122.275, not …000001
 *   gk_json_record         the record as text, pretty-printed (--format json)
 *   gk_jsonl_record        the record as one line (--format jsonl)
 */
#pragma once
#include <jansson.h>
#include "model/record.h"

json_t *gk_record_to_json (const GkRecord *record);
json_t *gk_check_to_json (const GkCheck *check);
char *gk_json_dump (const json_t *json, gboolean pretty);
/* The record's text, ending in a newline (export.h's render). */
char *gk_json_record (const GkRecord *record);
char *gk_jsonl_record (const GkRecord *record);
