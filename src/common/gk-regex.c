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
  guint64 serial;        /* this pattern's number among all made (kept
                            searches are known by it: an address is reused) */
};

/* Searches a thread keeps (SearchKept), at most this many, and the bytes of
 * subject they copy at most: then they are all forgotten. */
enum { SEARCHES_KEPT_MAX = 16384, SEARCHES_KEPT_BYTES = 8 << 20 };

/* Longest subject whose search is kept (bytes): the labels searched again and
 * again are short; a long text kept would be copied and forgotten over and
 * over (a page of 100,000 digits: 300 MB copied for nothing). */
enum { SEARCH_KEPT_SUBJECT_MAX = 512 };

/* Bytes of a subject its kept search is hashed by (the rest is compared). */
enum { SEARCH_HASH_BYTES = 64 };

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
  static guint64 made;
  GkRegex *re = g_new0 (GkRegex, 1);
  re->code = code;
  re->serial = g_atomic_pointer_add (&made, 1) + 1;
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

/* The thread's block of key: size bytes, zeroed where made now (*made). */
static gpointer
thread_block (GPrivate *key, gsize size, gboolean *made)
{
  gpointer block = g_private_get (key);
  *made = block == NULL;
  if (*made)
    {
      block = g_malloc0 (size);
      g_private_set (key, block);
    }
  return block;
}

/* Whether subject (len bytes) is valid UTF-8, as GLib judges it (whatever
 * GLib takes PCRE2's check takes too); the thread's last subject answers
 * for an equal one. */
static gboolean
subject_valid (const char *subject, gsize len)
{
  gboolean made;
  CheckedSubject *c = thread_block (&checked_subject, sizeof (CheckedSubject), &made);
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

/* A search a thread made, and what it found: the table matcher and the
 * decoder search the same labels with the same patterns again and again
 * (each template, each reading of a section: three searches in four repeat
 * one made before). */
typedef struct {
  guint64 serial;        /* the pattern's (GkRegex.serial) */
  gsize from, len;
  guint hash;            /* of serial, from, len and the subject's first bytes */
  const char *subject;   /* owned but in the key looked up with */
  gboolean found;
  gsize start, end;
} SearchKept;

typedef struct {
  GHashTable *kept;      /* SearchKept* (key and value) */
  gsize bytes;           /* of the subjects kept */
} SearchesKept;

static guint
search_kept_hash (gconstpointer p)
{
  return ((const SearchKept *) p)->hash;
}

static gboolean
search_kept_equal (gconstpointer a, gconstpointer b)
{
  const SearchKept *x = a, *y = b;
  return x->serial == y->serial && x->from == y->from && x->len == y->len
         && memcmp (x->subject, y->subject, x->len) == 0;
}

static void
search_kept_free (gpointer p)
{
  SearchKept *k = p;
  g_free ((char *) k->subject);
  g_free (k);
}

static void
searches_kept_free (gpointer p)
{
  SearchesKept *sk = p;
  g_hash_table_unref (sk->kept);
  g_free (sk);
}

static GPrivate searches_kept = G_PRIVATE_INIT (searches_kept_free);

/* The thread's kept searches, emptied when they grew past their bounds. */
static SearchesKept *
searches_kept_get (void)
{
  gboolean made;
  SearchesKept *sk = thread_block (&searches_kept, sizeof (SearchesKept), &made);
  if (made)
    sk->kept = g_hash_table_new_full (search_kept_hash, search_kept_equal, search_kept_free, NULL);
  if (g_hash_table_size (sk->kept) >= SEARCHES_KEPT_MAX || sk->bytes >= SEARCHES_KEPT_BYTES)
    {
      g_hash_table_remove_all (sk->kept);
      sk->bytes = 0;
    }
  return sk;
}

/* The search itself: PCRE2 with the thread's match data. */
static gboolean
search_run (const GkRegex *re, const char *subject, gsize from, gsize *start, gsize *end)
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
      *start = ov[0];
      *end = ov[1];
    }
  return ok;
}

gboolean
gk_regex_search (const GkRegex *re, const char *subject, gsize from, gsize *start, gsize *end)
{
  gsize len = strlen (subject);
  if (len > SEARCH_KEPT_SUBJECT_MAX)
    {
      gsize s = 0, e = 0;
      gboolean found = search_run (re, subject, from, &s, &e);
      if (found && start)
        *start = s;
      if (found && end)
        *end = e;
      return found;
    }
  SearchesKept *sk = searches_kept_get ();
  guint64 h = re->serial * 0x9e3779b97f4a7c15ull ^ (from * 0xff51afd7ed558ccdull) ^ len;
  for (gsize b = 0; b < MIN (len, (gsize) SEARCH_HASH_BYTES); b++)
    h = (h ^ (guchar) subject[b]) * 1099511628211ull;
  SearchKept key = { re->serial, from, len, (guint) (h ^ h >> 32), subject, FALSE, 0, 0 };
  const SearchKept *kept = g_hash_table_lookup (sk->kept, &key);
  if (!kept)
    {
      SearchKept *made = g_memdup2 (&key, sizeof key);
      made->subject = g_memdup2 (subject, len + 1);
      made->found = search_run (re, subject, from, &made->start, &made->end);
      g_hash_table_add (sk->kept, made);
      sk->bytes += len + 1;
      kept = made;
    }
  if (kept->found && start)
    *start = kept->start;
  if (kept->found && end)
    *end = kept->end;
  return kept->found;
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
