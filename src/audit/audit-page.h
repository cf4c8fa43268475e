/* audit-page.h — what every gongkai HTML page shares: the document head
 * (charset, a Content-Security-Policy that allows no network at all, the
 * inline style sheet), the inline script, and the value formatting.
 *
 *   gk_audit_page_begin   <!doctype html> … <body>, title escaped
 *   gk_audit_page_end     the script and </body></html>
 *   gk_audit_json_number  a JSON number as the report printed it: 85, 15122.275
 *   gk_audit_flatten      a record's data{} as canonical key → number (or null)
 *   gk_html_escape        append text escaped for element content (invalid UTF-8 replaced)
 *
 * The script does four things and nothing else: sorts a table.sortable by
 * the clicked header (numbers by data-sort), shows a clicked value's
 * evidence and checks in the side panel #viewer, jumps from a finding's
 * operand to its cell, and marks a finding's cells when it is clicked.
 * It reads report text only from the DOM and writes it with textContent
 * or by cloning elements the writer already escaped.
 */
#pragma once
#include <glib.h>
#include <jansson.h>

/* with_viewer: the page has the side panel #viewer (two columns). */
void gk_audit_page_begin (GString *out, const char *title, gboolean with_viewer);
void gk_audit_page_end (GString *out);
/* Appends the number (integer as is, real with up to 15 significant digits); "" for non-numbers. */
void gk_audit_json_number (GString *out, const json_t *value);
/* Walks data{} (prefix NULL at the top): every number or null leaf goes
 * into values (key → json_t*, borrowed; keys owned by order) and its key
 * into order, in record order.  The breakdown list becomes
 * <key>.<i>.count / .percent, as the checks name its operands. */
void gk_audit_flatten (json_t *data, const char *prefix, GHashTable *values, GPtrArray *order);
void gk_html_escape (GString *out, const char *text);
