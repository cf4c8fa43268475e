/* audit-compare.h — one issuer year over year: every canonical key side
 * by side, for a human (HTML) or a machine (CSV).
 *
 *   gk_audit_compare_html   the page: a row per key, a column per year,
 *                           changes and cross-year checks highlighted
 *   gk_audit_compare_csv    key,label,<year>… with the values (RFC 4180)
 *
 * Method.  The series comes from the database (audit-db.h: one report per
 * year).  Rows are the union of the years' keys — the 2019 and 2021
 * templates differ — grouped by section (二 active, 三 applications,
 * 四 appeals, prose) and inside a section in the order the records first
 * hold them, which is template order.  A value is "changed" when it
 * differs from the same key's value in the previous year of the series
 * (null against a number counts); a key a year lacks is shown empty, not
 * as a change.  The cross_year.* checks the batch stored with each later
 * report name the earlier year's operands "key@year": both cells are
 * marked, red when the check fails, and the failing ones are listed with
 * their messages above the table.
 */
#pragma once
#include <glib.h>
#include "templates/template.h"

/* series: GkAuditReport* (audit-html.h), ordered by year. */
char *gk_audit_compare_html (const GkTemplateSet *set, GPtrArray *series, const char *issuer);
char *gk_audit_compare_csv (const GkTemplateSet *set, GPtrArray *series);
