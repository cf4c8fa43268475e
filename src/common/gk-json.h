/* gk-json.h — small helpers over jansson shared by the model loaders.
 *
 *   gk_json_strings   the strings of a JSON array, copied
 */
#pragma once
#include <glib.h>
#include <jansson.h>

/* char* (g_free): the array's strings in order, other members skipped;
 * empty when arr is NULL or not an array. */
GPtrArray *gk_json_strings (const json_t *arr);
