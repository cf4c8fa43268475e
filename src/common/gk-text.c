/* gk-text.c — see gk-text.h. */
#include "gk-text.h"
#include <errno.h>
#include <string.h>

gboolean
gk_text_is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0x200B
         || c == 0xFEFF || c == 0x2002 || c == 0x2003;
}

char *
gk_text_make_valid (const char *s, gssize len)
{
  return g_utf8_make_valid (s, len);
}

char *
gk_text_escape_invalid (const char *s)
{
  GString *out = g_string_sized_new (strlen (s) + 8);
  const char *p = s;
  while (*p)
    {
      const char *end;
      if (g_utf8_validate (p, -1, &end))
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, end - p);
      g_string_append_printf (out, "\\x%02x", (guchar) *end);
      p = end + 1;
    }
  return g_string_free (out, FALSE);
}

char *
gk_text_convert_lossy (const char *data, gsize len, const char *from, gsize *out_len, gsize *n_replaced,
                       GError **error)
{
  *n_replaced = 0;
  GIConv cd = g_iconv_open ("UTF-8", from);
  if (cd == (GIConv) -1)
    {
      g_set_error (error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION, "charset “%s” unknown", from);
      return NULL;
    }
  GString *out = g_string_sized_new (len + len / 2 + 16);
  char *in = (char *) data;
  gsize in_left = len;
  char buf[4096];
  while (in_left > 0)
    {
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);
      int err = errno;
      g_string_append_len (out, buf, (gssize) (o - buf));
      if (r != (gsize) -1 || err == E2BIG)
        continue;
      /* EILSEQ, or EINVAL (a sequence cut short by the end): one byte replaced */
      g_string_append (out, "\xEF\xBF\xBD");
      (*n_replaced)++;
      in++;
      in_left--;
      g_iconv (cd, NULL, NULL, NULL, NULL);   /* back to the initial shift state */
    }
  char *o = buf;
  gsize o_left = sizeof buf;
  g_iconv (cd, NULL, NULL, &o, &o_left);   /* a stateful charset's closing bytes */
  g_string_append_len (out, buf, (gssize) (o - buf));
  g_iconv_close (cd);
  if (out_len)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}

char *
gk_text_utf8_or_gb18030 (const char *data, gsize len, gsize *out_len, const char **charset, gsize *n_replaced)
{
  *charset = "UTF-8";
  *n_replaced = 0;
  if (g_utf8_validate_len (data, len, NULL))
    {
      if (out_len)
        *out_len = len;
      return g_strndup (data, len);
    }
  /* a crawler's GBK page with one broken pair is still GBK: judged by how
   * many bytes each reading loses, not by whether one loses none */
  gsize len_utf8 = 0, bad_utf8 = 0, len_gb = 0, bad_gb = 0;
  g_autofree char *as_utf8 = gk_text_convert_lossy (data, len, "UTF-8", &len_utf8, &bad_utf8, NULL);
  g_autofree char *as_gb = gk_text_convert_lossy (data, len, "GB18030", &len_gb, &bad_gb, NULL);
  if (!as_gb || bad_utf8 <= bad_gb)
    {
      *n_replaced = bad_utf8;
      if (out_len)
        *out_len = len_utf8;
      return g_steal_pointer (&as_utf8);
    }
  *charset = "GB18030";
  *n_replaced = bad_gb;
  if (out_len)
    *out_len = len_gb;
  return g_steal_pointer (&as_gb);
}

gboolean
gk_text_is_ideograph (gunichar c)
{
  return c >= 0x4E00 && c <= 0x9FFF;
}

/* NFKC of one character where it is known without tables: ASCII and the
 * CJK Unified Ideographs are left as they are (they neither decompose nor
 * compose), as are the CJK punctuation marks below; the fullwidth forms of
 * ASCII (（）０-９：) and the ideographic space map to ASCII (<wide>
 * decompositions).  0 for any other character.  Most of a report is these,
 * and g_utf8_normalize costs as much for them as for anything else;
 * tests/test-number.c checks every one against GLib. */
static gunichar
nfkc_known (gunichar c)
{
  if (c < 0x80 || gk_text_is_ideograph (c) || c == 0x3001 || c == 0x3002 || (c >= 0x300A && c <= 0x3011))
    return c;
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;
  if (c == 0x3000)
    return ' ';
  return 0;
}

/* s in NFKC when every character is one nfkc_known knows; NULL otherwise. */
static char *
nfkc_fast (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char_validated (p, -1);
      gunichar n = c == (gunichar) -1 || c == (gunichar) -2 ? 0 : nfkc_known (c);
      if (n == 0)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_unichar (out, n);
    }
  return g_string_free (out, FALSE);
}

char *
gk_text_nfkc (const char *s)
{
  char *fast = nfkc_fast (s);
  if (fast)
    return fast;
  g_autofree char *valid = g_utf8_make_valid (s, -1);
  char *n = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  return n ? n : g_strdup (valid);
}

char *
gk_text_label_key (const char *s)
{
  g_autofree char *n = gk_text_nfkc (s);
  GString *out = g_string_sized_new (strlen (n));
  for (const char *p = n; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!gk_text_is_space_char (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 128 && g_ascii_isalnum ((char) c);
}

char *
gk_text_squeeze (const char *s)
{
  g_autofree char *n = gk_text_nfkc (s);
  GString *out = g_string_sized_new (strlen (n));
  gunichar prev = 0;
  gboolean pending_space = FALSE;
  for (const char *p = n; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (gk_text_is_space_char (c))
        {
          pending_space = TRUE;
          continue;
        }
      if (pending_space && is_ascii_alnum (prev) && is_ascii_alnum (c))
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
      prev = c;
    }
  return g_string_free (out, FALSE);
}

glong
gk_text_lcs_length (const gunichar *a, glong na, const gunichar *b, glong nb)
{
  g_autofree glong *prev = g_new0 (glong, nb + 1);
  g_autofree glong *cur = g_new0 (glong, nb + 1);
  for (glong i = 1; i <= na; i++)
    {
      for (glong j = 1; j <= nb; j++)
        cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : MAX (prev[j], cur[j - 1]);
      glong *t = prev;
      prev = cur;
      cur = t;
    }
  return prev[nb];
}
