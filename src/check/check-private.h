/* check-private.h — the passes gk_checks_run (check.h) runs, by kind, for
 * check.c and the files of each kind alone.
 *
 *   gk_check_identities   the identities of checks.json (identities.c: data, no C per identity)
 *   gk_check_prose        the prose checks (prose.c: one function each, listed there)
 *   gk_check_values       single values: negative counts, text that is no number (values.c)
 *
 * Each pass appends its checks to record->checks and changes no value.
 */
#pragma once
#include "check.h"

typedef void (*GkCheckPass) (const GkTemplateSet *set, GkRecord *record);

void gk_check_identities (const GkTemplateSet *set, GkRecord *record);
void gk_check_prose (const GkTemplateSet *set, GkRecord *record);
void gk_check_values (const GkTemplateSet *set, GkRecord *record);
