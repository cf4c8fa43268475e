/* gk-number.c — see gk-number.h. */
#include "gk-number.h"
#include "common/gk-text.h"
#include <string.h>
#include <stdlib.h>

/* Units a cell may carry after its number, longest first. */
static const char *const cell_units[] = { "万元", "元", "件", "条", "笔", "个", "项", "次", "人次", NULL };

static gboolean
is_placeholder (const char *s)
{
  static const char *const placeholders[] = {
    "-", "--", "—", "——", "–", "―", "−", "/", "\\", "无", "／", "…", NULL
  };
  for (int i = 0; placeholders[i]; i++)
    if (strcmp (s, placeholders[i]) == 0)
      return TRUE;
  return FALSE;
}

/* NFKC, no white space, no thousands separators between digits. */
static char *
compact (const char *raw)
{
  g_autofree char *key = gk_text_label_key (raw);
  GString *out = g_string_new (NULL);
  for (const char *p = key; *p; p++)
    {
      if ((*p == ',') && p > key && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))
        continue;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static const char *
strip_unit (char *s, char unit[16])
{
  unit[0] = '\0';
  size_t len = strlen (s);
  for (int i = 0; cell_units[i]; i++)
    {
      size_t ul = strlen (cell_units[i]);
      if (len > ul && strcmp (s + len - ul, cell_units[i]) == 0)
        {
          g_strlcpy (unit, cell_units[i], 16);
          s[len - ul] = '\0';
          break;
        }
    }
  return s;
}

/* Moves the decimal point of a plain decimal string `shift` places left. */
static double
decimal_shift_left (const char *digits, int shift)
{
  const char *dot = strchr (digits, '.');
  GString *all = g_string_new (NULL);
  for (const char *p = digits; *p; p++)
    if (*p != '.')
      g_string_append_c (all, *p);
  int int_len = dot ? (int) (dot - digits) : (int) strlen (digits);
  int new_int_len = int_len - shift;
  GString *out = g_string_new (NULL);
  if (new_int_len <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -new_int_len; i++)
        g_string_append_c (out, '0');
      g_string_append (out, all->str);
    }
  else
    {
      g_string_append_len (out, all->str, new_int_len);
      g_string_append_c (out, '.');
      g_string_append (out, all->str + new_int_len);
    }
  double d = g_ascii_strtod (out->str, NULL);
  g_string_free (out, TRUE);
  g_string_free (all, TRUE);
  return d;
}

GkNumber
gk_number_parse (const char *raw, GkColumnType type)
{
  GkNumber n = { .kind = GK_NUMBER_INVALID };
  g_autofree char *s = compact (raw ? raw : "");
  if (*s == '\0')
    {
      n.kind = GK_NUMBER_BLANK;
      return n;
    }
  if (is_placeholder (s))
    {
      n.kind = GK_NUMBER_PLACEHOLDER;
      return n;
    }
  strip_unit (s, n.unit);
  const char *p = s;
  gboolean negative = FALSE;
  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  else if (g_str_has_prefix (p, "−"))   /* U+2212 MINUS SIGN survives NFKC */
    {
      negative = TRUE;
      p += strlen ("−");
    }
  const char *digits = p;
  while (g_ascii_isdigit (*p))
    p++;
  if (p == digits)
    return n;
  gboolean has_decimals = FALSE;
  if (*p == '.' && g_ascii_isdigit (p[1]))
    {
      has_decimals = TRUE;
      p++;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0' || (p - digits) > 18)
    return n;

  if (type == GK_COLUMN_AMOUNT_WAN)
    {
      int shift = strcmp (n.unit, "元") == 0 ? 4 : 0;
      if (n.unit[0] && strcmp (n.unit, "元") != 0 && strcmp (n.unit, "万元") != 0)
        return n;
      n.d = decimal_shift_left (digits, shift);
      if (negative)
        n.d = -n.d;
      n.kind = GK_NUMBER_DOUBLE;
      return n;
    }
  if (has_decimals)
    return n;   /* a count with decimals is not a count */
  if (strcmp (n.unit, "万元") == 0 || strcmp (n.unit, "元") == 0)
    return n;
  n.i = g_ascii_strtoll (digits, NULL, 10);
  if (negative)
    n.i = -n.i;
  n.kind = GK_NUMBER_INT;
  return n;
}

gboolean
gk_number_is_unit_token (const char *token)
{
  g_autofree char *s = gk_text_label_key (token);
  return strcmp (s, "万元") == 0 || strcmp (s, "元") == 0;
}

gboolean
gk_number_is_cell_token (const char *token)
{
  g_autofree char *s = compact (token);
  if (*s == '\0')
    return FALSE;
  if (is_placeholder (s))
    return TRUE;
  GkNumber n = gk_number_parse (s, GK_COLUMN_AMOUNT_WAN);
  if (n.kind == GK_NUMBER_DOUBLE)
    return TRUE;
  n = gk_number_parse (s, GK_COLUMN_COUNT);
  return n.kind == GK_NUMBER_INT;
}
