/* line-row.c — see line-row.h. */
#include "line-row.h"
#include <string.h>
#include "common/gk-number.h"
#include "common/gk-regex.h"
#include "common/gk-text.h"

/* Page furniture as printed in report footers and by site templates.  A
 * page's number is no 0, set between one dash twice ("- 3 -"), or over the
 * page count with no space ("2/5"): a row of a table printing dashes and
 * slashes for zero ("- 0 —", "3 / 4") is none. */
static const char *const furniture_patterns[] = {
  "^(https?://|file://|www\\.)[^\\s]+$",
  "^([-—–~－]+)\\s*[1-9]\\d{0,3}\\s*\\1$",
  "^第\\s*\\d{1,4}\\s*页(\\s*[,，/]?\\s*共\\s*\\d{1,4}\\s*页)?$",
  "^[1-9]\\d{0,3}/[1-9]\\d{0,3}$",
  NULL,
};

gboolean
gk_line_is_page_furniture (const char *line)
{
  static GkRegex *res[G_N_ELEMENTS (furniture_patterns)];
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      for (int i = 0; furniture_patterns[i]; i++)
        res[i] = gk_regex_new (furniture_patterns[i], NULL);
      g_once_init_leave (&once, 1);
    }
  g_autofree char *n = gk_text_nfkc (line);
  g_strstrip (n);
  for (int i = 0; furniture_patterns[i]; i++)
    {
      if (res[i] && gk_regex_search (res[i], n, 0, NULL, NULL))
        return TRUE;
    }
  return FALSE;
}

/* How a row label opens: 四、 （三） 1. 2、 — the rest of a label broken
 * over lines or pages does not. */
static const char row_opening_pattern[] = "^\\s*(\\(\\s*[一二三四五六七八九十\\d]+\\s*\\)|[一二三四五六七八九十]+\\s*、|\\d+\\s*[.、])";

gboolean
gk_line_opens_row (const char *label)
{
  static GkRegex *re;
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      re = gk_regex_new (row_opening_pattern, NULL);
      g_once_init_leave (&once, 1);
    }
  g_autofree char *n = gk_text_nfkc (label);
  return re && gk_regex_search (re, n, 0, NULL, NULL);
}

/* A browser prints the date and time of printing in each page's margin;
 * a dump that runs a page into one line (pdfminer's of a browser's PDF)
 * glues it to the page's last words, or to its last cell ("国家秘密0" then
 * "2024/3/22 11:04"): read on, its digits make a cell of that table.  A
 * report's own dates carry no time of day. */
gboolean
gk_line_strip_print_stamp (char *line)
{
  static GkRegex *re;
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      re = gk_regex_new ("(?:19|20)\\d{2}/\\d{1,2}/\\d{1,2}\\s*\\d{1,2}:\\d{2}(?::\\d{2})?\\s*$", NULL);
      g_once_init_leave (&once, 1);
    }
  gsize start = 0, end = 0;
  if (!re || !gk_regex_search (re, line, 0, &start, &end))
    return FALSE;
  gsize keep = start;
  while (keep > 0 && g_ascii_isspace (line[keep - 1]))
    keep--;
  if (keep == 0)
    return FALSE;
  line[keep] = '\0';
  return TRUE;
}

/* Splits at white space as reports use it (U+3000 and NBSP included);
 * each token's character column and the white space before it into cols
 * and gaps (int). */
static GPtrArray *
tokenize (const char *line, GArray *cols, GArray *gaps)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  GString *cur = g_string_new (NULL);
  int col = 0, start = 0, gap = 0, space = 0;
  for (const char *p = line;; p = g_utf8_next_char (p), col++)
    {
      gunichar c = *p ? g_utf8_get_char (p) : ' ';
      if (gk_text_is_space_char (c))
        {
          if (cur->len)
            {
              g_ptr_array_add (tokens, g_strdup (cur->str));
              g_array_append_val (cols, start);
              g_array_append_val (gaps, gap);
              space = 0;
            }
          g_string_truncate (cur, 0);
          space++;
        }
      else
        {
          if (!cur->len)
            start = col, gap = space;
          g_string_append_unichar (cur, c);
        }
      if (!*p)
        break;
    }
  g_string_free (cur, TRUE);
  return tokens;
}

static gboolean
is_pipe (gunichar c)
{
  return c == '|' || c == 0xFF5C /* ｜ */ || c == 0x2502 /* │ */;
}

/* A row rendered with pipes ("| 行政许可 | 2910 | | |", a web page's table as
 * text): the pipes prove where cells are, so empty fields are blank cells. */
static GkRow *
pipe_line_to_row (const char *line, const GkSource *src)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));   /* each field's column */
  /* a table drawn in box lines (│, a text browser's) draws a spanning cell
   * as one: each field between two lines is one cell, blank or not */
  gboolean boxed = strstr (line, "│") && !strchr (line, '|');
  GString *cur = g_string_new (NULL);
  int col = 0, start = 0;
  for (const char *p = line; *p; p = g_utf8_next_char (p), col++)
    {
      gunichar c = g_utf8_get_char (p);
      if (is_pipe (c))
        {
          g_ptr_array_add (fields, g_strstrip (g_string_free (cur, FALSE)));
          g_array_append_val (starts, start);
          cur = g_string_new (NULL);
          start = col + 1;
        }
      else
        g_string_append_unichar (cur, gk_text_is_space_char (c) ? ' ' : c);
    }
  g_ptr_array_add (fields, g_strstrip (g_string_free (cur, FALSE)));
  g_array_append_val (starts, start);
  /* the outer pipes leave an empty first and last field */
  guint lo = 0, hi = fields->len;
  if (hi > lo && *(char *) fields->pdata[lo] == '\0')
    lo++;
  if (hi > lo && *(char *) fields->pdata[hi - 1] == '\0')
    hi--;
  guint first_cell = hi;
  for (guint i = lo; i < hi; i++)
    if (gk_number_is_cell_token (fields->pdata[i]))
      {
        first_cell = i;
        break;
      }
  /* boxed: the blank fields between the label and the first number are cells */
  while (boxed && first_cell < hi && first_cell > lo && *(char *) fields->pdata[first_cell - 1] == '\0')
    first_cell--;
  g_autoptr (GString) label = g_string_new (NULL);
  for (guint i = lo; i < first_cell; i++)
    {
      if (label->len && *(char *) fields->pdata[i])
        g_string_append_c (label, ' ');
      g_string_append (label, fields->pdata[i]);
    }
  GkRow *row = gk_row_new (label->str, src);
  for (guint i = first_cell; i < fields->len; i++)
    {
      if (i >= hi && *(char *) fields->pdata[i] == '\0')
        continue;
      GkCell *cell = gk_cell_new (fields->pdata[i], src);
      cell->grid_cell = TRUE;
      if (boxed)
        cell->text_col = g_array_index (starts, int, i);   /* a blank there is a printed blank */
      gk_row_add_cell (row, cell);
    }
  return row;
}

/* A Markdown rule's field ("---", ":---:"), which is no dash placeholder. */
static gboolean
is_markdown_rule (const char *field)
{
  gsize n = strlen (field);
  return n >= 3 && strspn (field, "-:") == n;
}

gboolean
gk_line_continues_pipe_row (const char *prev, const char *line)
{
  if (!*line || !is_pipe (g_utf8_get_char (line)) || !*prev)
    return FALSE;
  const char *last = g_utf8_find_prev_char (prev, prev + strlen (prev));
  if (!last || !is_pipe (g_utf8_get_char (last)))
    return FALSE;
  /* the first field that holds something decides: a cell continues the row */
  g_autoptr (GString) field = g_string_new (NULL);
  for (const char *p = line;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : '|';
      if (!is_pipe (c))
        {
          if (!gk_text_is_space_char (c))
            g_string_append_unichar (field, c);
          continue;
        }
      if (field->len)
        return gk_number_is_cell_token (field->str) && !is_markdown_rule (field->str);
      if (!*p)
        return TRUE;   /* nothing but pipes: the row's blank cells */
    }
}

GkRow *
gk_line_to_row (const char *line, const GkSource *src)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    if (is_pipe (g_utf8_get_char (p)))
      return pipe_line_to_row (line, src);
  g_autoptr (GArray) cols = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) gaps = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GPtrArray) tokens = tokenize (line, cols, gaps);
  /* walk back over the trailing run of cell tokens */
  int first_cell = (int) tokens->len;
  for (int i = (int) tokens->len - 1; i >= 0; i--)
    {
      const char *tok = tokens->pdata[i];
      if (gk_number_is_cell_token (tok))
        first_cell = i;
      else if (gk_number_is_unit_token (tok) && i > 0 && gk_number_is_cell_token (tokens->pdata[i - 1]))
        first_cell = i;
      else
        break;
    }
  /* a unit cannot open the run */
  while (first_cell < (int) tokens->len && gk_number_is_unit_token (tokens->pdata[first_cell]))
    first_cell++;
  g_autoptr (GString) label = g_string_new (NULL);
  for (int i = 0; i < first_cell; i++)
    {
      if (label->len)
        g_string_append_c (label, ' ');
      g_string_append (label, tokens->pdata[i]);
    }
  GkRow *row = gk_row_new (label->str, src);
  for (int i = first_cell; i < (int) tokens->len; i++)
    {
      const char *tok = tokens->pdata[i];
      if (gk_number_is_unit_token (tok) && row->cells->len)
        {
          GkCell *prev = row->cells->pdata[row->cells->len - 1];
          char *joined = g_strconcat (prev->raw, " ", tok, NULL);
          g_free (prev->raw);
          prev->raw = joined;
          continue;
        }
      GkCell *cell = gk_cell_new (tok, src);
      cell->text_col = g_array_index (cols, int, i);
      cell->text_gap = g_array_index (gaps, int, i);
      gk_row_add_cell (row, cell);
    }
  return row;
}
