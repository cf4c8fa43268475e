/* glued.h — table cells run together in web-page text, split only where
 * the template leaves a single reading.
 *
 *   gk_glued_runs    the number runs a row's text ends with ("规范性文件121230" → "121230")
 *   gk_glued_split   runs → exactly one cell text per template column, or NULL
 *   gk_glued_readings  runs → every reading the row allows (up to a number), for
 *                    the section's identities to choose from
 *   gk_glued_blank_reading  whether the runs fit as whole cells beside blanks
 *                    (a row printed apart but short of its columns)
 *
 * Method.  Many portals copy a table into the page text without cell
 * separators (templates.md §6.4): "规范性文件121230" is 12 · 12 · 30,
 * "行政处罚1500-20300" carries a signed change, table 四's fifteen cells
 * arrive as one run of digits.  Every way of cutting the runs into the
 * row's columns is tried (a part has no leading zero, at most
 * GK_GLUED_MAX_DIGITS digits, a sign only where the column is signed, a
 * decimal point only in an amount — "行政事业性收费300.3398" is one
 * amount, and a row's run takes the digits before its point; a
 * white-space boundary that survived is kept), and a reading survives
 * only if it satisfies every identity of models/templates/checks.json
 * whose operands all lie in this row (row totals, table 四's group
 * totals, published ≤ total).  One survivor is the split; none, several,
 * or a search over GK_GLUED_MAX_STEPS steps leaves the row unread, and
 * the caller makes its values null with a warning: a number is never
 * guessed.  When the digits are exactly as many as the columns the
 * reading is unique by construction.
 */
#pragma once
#include <glib.h>
#include "templates/template.h"

/* Longest cell read from glued text: 7-digit counts occur (templates.md §6.3). */
#define GK_GLUED_MAX_DIGITS 9
/* Most digits after an amount's point: 万元 to the fen (24252.311082万元). */
#define GK_GLUED_MAX_DECIMALS 6
/* Search budget (partial readings visited) before giving up on a row. */
#define GK_GLUED_MAX_STEPS 2000000

/* The readings gk_glued_split found: 0, 1, 2 (= two or more) or GK_GLUED_TOO_MANY. */
#define GK_GLUED_TOO_MANY G_MAXUINT

/* Trailing run of digits and signs of a label key (NFKC, no white space); NULL when none. */
char *gk_glued_trailing_run (const char *label_key);
/* TRUE when text is only digits and signs (a run, not a formatted number). */
gboolean gk_glued_is_run (const char *text);

/* runs: the row's runs in order (each keeps its own boundary).  Returns
 * a GPtrArray of block->columns->len strings, or NULL; *readings says why. */
GPtrArray *gk_glued_split (const GkTemplateSet *set, const char *template_id,
                           const GkTplSection *spec, const GkTplBlock *block, const GkTplRow *row,
                           const GPtrArray *runs, guint *readings);

/* Whether runs, each one cell whole and the other cells blank (0), fit the
 * row's own identities: a text that keeps white space between cells may
 * print a row short of its columns for its blanks, not its glue. */
gboolean gk_glued_blank_reading (const GkTemplateSet *set, const char *template_id,
                                 const GkTplSection *spec, const GkTplBlock *block, const GkTplRow *row,
                                 const GPtrArray *runs);

/* Every reading of runs the row's own identities allow, each a GPtrArray of
 * block->columns->len cell texts; NULL when none, or more than max. */
GPtrArray *gk_glued_readings (const GkTemplateSet *set, const char *template_id,
                              const GkTplSection *spec, const GkTplBlock *block, const GkTplRow *row,
                              const GPtrArray *runs, guint max);
