/* gk-regex.c — see gk-regex.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#include <string.h>
#include "gk-regex.h"
#include "gk-error.h"

struct GkRegex {
  pcre2_code *code;
};

struct GkMatch {
  const GkRegex *re;
  const char *subject;
  pcre2_match_data *md;
};

GkRegex *
gk_regex_new (const char *pattern, GError **error)
{
  int errcode = 0;
  PCRE2_SIZE erroff = 0;
  pcre2_code *code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                    PCRE2_UTF | PCRE2_UCP, &errcode, &erroff, NULL);
  if (!code)
    {
      PCRE2_UCHAR buf[256];
      pcre2_get_error_message (errcode, buf, sizeof buf);
      g_set_error (error, GK_ERROR, GK_ERROR_TEMPLATE,
                   "bad pattern “%s” at offset %zu: %s", pattern, (size_t) erroff, buf);
      return NULL;
    }
  GkRegex *re = g_new0 (GkRegex, 1);
  re->code = code;
  return re;
}

void
gk_regex_jit (GkRegex *re)
{
#ifdef RUNNING_ON_VALGRIND
  /* JIT code loads the subject a word at a time, past its end: memcheck
   * reports each load as a use of uninitialised memory. */
  if (RUNNING_ON_VALGRIND)
    return;
#endif
  /* Where JIT is unavailable pcre2_match interprets, with the same results. */
  pcre2_jit_compile (re->code, PCRE2_JIT_COMPLETE);
}

void
gk_regex_free (GkRegex *re)
{
  if (!re)
    return;
  pcre2_code_free (re->code);
  g_free (re);
}

/* The subject last checked for UTF-8 in this thread (a copy) and whether
 * it is.  PCRE2 checks a subject's UTF-8 at each match, over its whole
 * length from the offset: the decoder and the prose reader match tens of
 * patterns in turn on one label or one text, where a check of it costs
 * more than most matches. */
typedef struct {
  char *text;
  gsize len;
  gboolean valid;
} CheckedSubject;

static void
checked_subject_free (gpointer p)
{
  CheckedSubject *c = p;
  g_free (c->text);
  g_free (c);
}

static GPrivate checked_subject = G_PRIVATE_INIT (checked_subject_free);

/* Whether subject (len bytes) is valid UTF-8, as GLib judges it (whatever
 * GLib takes PCRE2's check takes too); the thread's last subject answers
 * for an equal one. */
static gboolean
subject_valid (const char *subject, gsize len)
{
  CheckedSubject *c = g_private_get (&checked_subject);
  if (!c)
    {
      c = g_new0 (CheckedSubject, 1);
      g_private_set (&checked_subject, c);
    }
  if (c->text && c->len == len && memcmp (c->text, subject, len) == 0)
    return c->valid;
  c->text = g_realloc (c->text, len + 1);
  memcpy (c->text, subject, len + 1);
  c->len = len;
  c->valid = g_utf8_validate_len (subject, len, NULL);
  return c->valid;
}

/* Runs the match into md; FALSE on no match or any PCRE2 error. */
static gboolean
run (const GkRegex *re, const char *subject, gsize from, pcre2_match_data *md)
{
  gsize len = strlen (subject);
  if (from > len)
    return FALSE;
  /* a subject known valid is not checked again: but for an offset inside
   * a character (PCRE2_ERROR_BADUTFOFFSET), its check would pass */
  uint32_t options = 0;
  if (subject_valid (subject, len))
    {
      if (from < len && ((guchar) subject[from] & 0xc0) == 0x80)
        return FALSE;
      options = PCRE2_NO_UTF_CHECK;
    }
  return pcre2_match (re->code, (PCRE2_SPTR) subject, len, from, options, md, NULL) >= 0;
}

static void
search_data_free (gpointer md)
{
  pcre2_match_data_free (md);
}

/* A search reads group 0 alone: one pair of offsets, made once per thread
 * (the decoder searches short lines tens of thousands of times a report). */
static GPrivate search_data = G_PRIVATE_INIT (search_data_free);

gboolean
gk_regex_search (const GkRegex *re, const char *subject, gsize from, gsize *start, gsize *end)
{
  pcre2_match_data *md = g_private_get (&search_data);
  if (!md)
    {
      md = pcre2_match_data_create (1, NULL);
      g_private_set (&search_data, md);
    }
  gboolean ok = run (re, subject, from, md);
  if (ok)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      if (start)
        *start = ov[0];
      if (end)
        *end = ov[1];
    }
  return ok;
}

GkMatch *
gk_regex_match (const GkRegex *re, const char *subject, gsize from)
{
  pcre2_match_data *md = pcre2_match_data_create_from_pattern (re->code, NULL);
  if (!run (re, subject, from, md))
    {
      pcre2_match_data_free (md);
      return NULL;
    }
  GkMatch *m = g_new0 (GkMatch, 1);
  m->re = re;
  m->subject = subject;
  m->md = md;
  return m;
}

void
gk_match_free (GkMatch *m)
{
  if (!m)
    return;
  pcre2_match_data_free (m->md);
  g_free (m);
}

gboolean
gk_match_span (const GkMatch *m, int n, gsize *start, gsize *end)
{
  if (n < 0 || (guint32) n >= pcre2_get_ovector_count (m->md))
    return FALSE;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer (m->md);
  if (ov[2 * n] == PCRE2_UNSET)
    return FALSE;
  *start = ov[2 * n];
  *end = ov[2 * n + 1];
  return TRUE;
}

char *
gk_match_group (const GkMatch *m, int n)
{
  gsize s, e;
  if (!gk_match_span (m, n, &s, &e))
    return NULL;
  return g_strndup (m->subject + s, e - s);
}

char *
gk_match_named (const GkMatch *m, const char *name)
{
  int n = pcre2_substring_number_from_name (m->re->code, (PCRE2_SPTR) name);
  if (n < 0)
    return NULL;
  return gk_match_group (m, n);
}
