/* gk-text.c — see gk-text.h. */
#include "gk-text.h"

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
gk_text_nfkc (const char *s)
{
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
