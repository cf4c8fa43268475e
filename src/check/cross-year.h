/* cross-year.h — checks between two consecutive reports of one issuer
 * (output.md: cross_year.carried_over, cross_year.items.<row>; batch only).
 *
 *   gk_cross_year_checks   the checks of `next` against `prev` (prev->year + 1
 *                          == next->year), to be stored with `next`
 *
 * Method.  Two figures are printed twice, once in each year's report:
 * applications still open at the end of a year (四、结转下年度继续办理) are
 * next year's 二、上年结转 (per applicant column), and under the 2019
 * template an item count of table 二 at the end of a year (上一年项目数量
 * + 本年增/减) is next year's 上一年项目数量.  Only what both reports
 * have is compared: a key missing from either record (the 2021 template
 * dropped the item counts) makes no check at all; a key present but null
 * makes the check skipped.  The rows compared come from the records, not
 * from a list in the code, so a template variant needs no change here.
 * Operands of the earlier report are named "<key>@<year>".
 */
#pragma once
#include "model/record.h"
#include "templates/template.h"

/* GkCheck*, owned; empty when the two reports share nothing comparable. */
GPtrArray *gk_cross_year_checks (const GkTemplateSet *set, const GkRecord *prev, const GkRecord *next);
