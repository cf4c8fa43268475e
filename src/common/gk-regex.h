/* gk-regex.h — thin, owned wrappers over PCRE2 (8-bit, UTF + UCP).
 *
 *   gk_regex_new / gk_regex_free    compile a pattern, GError on failure
 *   gk_regex_jit                    JIT-compile one that will scan long texts
 *   gk_regex_search                 is there a match at or after an offset, and where
 *   gk_regex_match / gk_match_free  the same, keeping the capture groups
 *   gk_match_group / _named / _span a capture group as a new string or a span
 *
 * Why a wrapper: every heuristic in gongkai is a pattern kept as data in
 * models/; one place compiles them with the same flags and reports a bad
 * pattern with its text and the offset PCRE2 names.  A compiled GkRegex
 * is shared read-only between worker threads: match data lives in the
 * thread (search, made once) or in the GkMatch the caller owns.
 */
#pragma once
#include <glib.h>

typedef struct GkRegex GkRegex;
typedef struct GkMatch GkMatch;

GkRegex *gk_regex_new (const char *pattern, GError **error);
void gk_regex_free (GkRegex *re);
/* For patterns run over whole reports (prose figures): PCRE2's interpreter
 * has no start optimisation for a pattern opening on CJK alternatives, and
 * JIT matching is several times faster — for a compile cost that only pays
 * back on long subjects.  Call before the regex is shared between threads. */
void gk_regex_jit (GkRegex *re);

/* Searches subject (NUL-terminated UTF-8) from byte offset `from`.
 * Returns TRUE on a match; *start and *end are byte offsets of group 0. */
gboolean gk_regex_search (const GkRegex *re, const char *subject, gsize from, gsize *start, gsize *end);

/* Like search, keeping the groups; NULL when there is no match. */
GkMatch *gk_regex_match (const GkRegex *re, const char *subject, gsize from);
void gk_match_free (GkMatch *m);
gboolean gk_match_span (const GkMatch *m, int n, gsize *start, gsize *end);
char *gk_match_group (const GkMatch *m, int n);              /* NULL when unset */
char *gk_match_named (const GkMatch *m, const char *name);   /* NULL when unset or unknown */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkRegex, gk_regex_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkMatch, gk_match_free)
