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

/* CJK Radicals Supplement → the ideograph each stands for (Unicode's
 * EquivalentUnifiedIdeograph.txt, 15.0).  Fonts that draw 民 with the
 * radical's glyph make PDFs whose text says 人⺠政府; NFKC maps the Kangxi
 * radicals (⼯ → 工) but leaves these. */
static const struct { gunichar radical, ideograph; } radical_equivalents[] = {
  { 0x2E81, 0x5382 }, { 0x2E82, 0x4E5B }, { 0x2E83, 0x4E5A }, { 0x2E84, 0x4E59 },
  { 0x2E85, 0x4EBB }, { 0x2E86, 0x5182 }, { 0x2E87, 0x20628 }, { 0x2E88, 0x5200 },
  { 0x2E89, 0x5202 }, { 0x2E8A, 0x535C }, { 0x2E8B, 0x353E }, { 0x2E8C, 0x5C0F },
  { 0x2E8D, 0x5C0F }, { 0x2E8E, 0x5140 }, { 0x2E8F, 0x5C23 }, { 0x2E90, 0x5C22 },
  { 0x2E91, 0x21BC2 }, { 0x2E92, 0x5DF3 }, { 0x2E93, 0x5E7A }, { 0x2E94, 0x5F51 },
  { 0x2E95, 0x2B739 }, { 0x2E96, 0x5FC4 }, { 0x2E97, 0x5FC3 }, { 0x2E98, 0x624C },
  { 0x2E99, 0x6535 }, { 0x2E9B, 0x65E1 }, { 0x2E9C, 0x65E5 }, { 0x2E9D, 0x6708 },
  { 0x2E9E, 0x6B7A }, { 0x2E9F, 0x6BCD }, { 0x2EA0, 0x6C11 }, { 0x2EA1, 0x6C35 },
  { 0x2EA2, 0x6C3A }, { 0x2EA3, 0x706C }, { 0x2EA4, 0x722B }, { 0x2EA5, 0x722B },
  { 0x2EA6, 0x4E2C }, { 0x2EA7, 0x725B }, { 0x2EA8, 0x72AD }, { 0x2EA9, 0x738B },
  { 0x2EAA, 0x24D14 }, { 0x2EAB, 0x76EE }, { 0x2EAC, 0x793A }, { 0x2EAD, 0x793B },
  { 0x2EAE, 0x25AD7 }, { 0x2EAF, 0x7CF9 }, { 0x2EB0, 0x7E9F }, { 0x2EB1, 0x7F53 },
  { 0x2EB2, 0x7F52 }, { 0x2EB3, 0x34C1 }, { 0x2EB4, 0x5197 }, { 0x2EB5, 0x2626B },
  { 0x2EB6, 0x7F8A }, { 0x2EB7, 0x2634C }, { 0x2EB8, 0x2634B }, { 0x2EB9, 0x8002 },
  { 0x2EBA, 0x8080 }, { 0x2EBB, 0x807F }, { 0x2EBC, 0x8089 }, { 0x2EBD, 0x26951 },
  { 0x2EBE, 0x8279 }, { 0x2EBF, 0x8279 }, { 0x2EC0, 0x8279 }, { 0x2EC1, 0x864E },
  { 0x2EC2, 0x8864 }, { 0x2EC3, 0x8980 }, { 0x2EC4, 0x897F }, { 0x2EC5, 0x89C1 },
  { 0x2EC6, 0x89D2 }, { 0x2EC7, 0x278B2 }, { 0x2EC8, 0x8BA0 }, { 0x2EC9, 0x8D1D },
  { 0x2ECA, 0x27FB7 }, { 0x2ECB, 0x8F66 }, { 0x2ECC, 0x8FB6 }, { 0x2ECD, 0x8FB6 },
  { 0x2ECE, 0x8FB6 }, { 0x2ECF, 0x9091 }, { 0x2ED0, 0x9485 }, { 0x2ED1, 0x9577 },
  { 0x2ED2, 0x9578 }, { 0x2ED3, 0x957F }, { 0x2ED4, 0x95E8 }, { 0x2ED5, 0x28E0F },
  { 0x2ED6, 0x961D }, { 0x2ED7, 0x96E8 }, { 0x2ED8, 0x9752 }, { 0x2ED9, 0x97E6 },
  { 0x2EDA, 0x9875 }, { 0x2EDB, 0x98CE }, { 0x2EDC, 0x98DE }, { 0x2EDD, 0x98DF },
  { 0x2EDE, 0x2967F }, { 0x2EDF, 0x98E0 }, { 0x2EE0, 0x9963 }, { 0x2EE1, 0x29810 },
  { 0x2EE2, 0x9A6C }, { 0x2EE3, 0x9AA8 }, { 0x2EE4, 0x9B3C }, { 0x2EE5, 0x9C7C },
  { 0x2EE6, 0x9E1F }, { 0x2EE7, 0x5364 }, { 0x2EE8, 0x9EA6 }, { 0x2EE9, 0x9EC4 },
  { 0x2EEA, 0x9EFE }, { 0x2EEB, 0x6589 }, { 0x2EEC, 0x9F50 }, { 0x2EED, 0x6B6F },
  { 0x2EEE, 0x9F7F }, { 0x2EEF, 0x7ADC }, { 0x2EF0, 0x9F99 }, { 0x2EF1, 0x9F9C },
  { 0x2EF2, 0x4E80 }, { 0x2EF3, 0x9F9F }
};

static gunichar
radical_ideograph (gunichar c)
{
  for (gsize i = 0; i < G_N_ELEMENTS (radical_equivalents); i++)
    if (radical_equivalents[i].radical == c)
      return radical_equivalents[i].ideograph;
  return c;
}

char *
gk_text_fold_radicals (const char *s)
{
  GString *out = NULL;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char_validated (p, -1);
      gunichar to = 0;
      if (c >= 0x2E80 && c <= 0x2EFF)
        to = radical_ideograph (c);
      else if (c >= 0x2F00 && c <= 0x2FDF && g_unichar_fully_decompose (c, TRUE, &to, 1) != 1)
        to = 0;
      if (to == c)
        to = 0;
      if (!out && to)
        out = g_string_new_len (s, p - s);
      if (out)
        {
          if (to)
            g_string_append_unichar (out, to);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
  return out ? g_string_free (out, FALSE) : NULL;
}

char *
gk_text_nfkc (const char *s)
{
  char *fast = nfkc_fast (s);
  if (fast)
    return fast;
  g_autofree char *valid = g_utf8_make_valid (s, -1);
  g_autofree char *n = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  const char *text = n ? n : valid;
  GString *out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, c >= 0x2E80 && c <= 0x2EFF ? radical_ideograph (c) : c);
    }
  return g_string_free (out, FALSE);
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
