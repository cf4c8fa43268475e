/* glued.c — see glued.h. */
#include "glued.h"
#include <string.h>

static gboolean
is_run_char (char c)
{
  return g_ascii_isdigit (c) || c == '+' || c == '-';
}

gboolean
gk_glued_is_run (const char *text)
{
  if (!text || !*text)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!is_run_char (*p))
      return FALSE;
  return TRUE;
}

/* A decimal point: between two digits. */
static gboolean
is_decimal_point (const char *s, gsize i, gsize n)
{
  return s[i] == '.' && i > 0 && i + 1 < n && g_ascii_isdigit (s[i - 1]) && g_ascii_isdigit (s[i + 1]);
}

/* A thousands separator: a comma after a digit, three digits after it and
 * then no more digits ("36,705"). */
static gboolean
is_thousands_comma (const char *s, gsize i, gsize n)
{
  return s[i] == ',' && i > 0 && i + 3 < n && g_ascii_isdigit (s[i - 1]) && g_ascii_isdigit (s[i + 1])
         && g_ascii_isdigit (s[i + 2]) && g_ascii_isdigit (s[i + 3]) && (i + 4 >= n || !g_ascii_isdigit (s[i + 4]));
}

char *
gk_glued_trailing_run (const char *label_key)
{
  gsize n = strlen (label_key), i = n;
  /* a decimal point belongs to the run: "行政事业性收费300.3398" ends in
   * one amount, not in the digits after its point; so do the thousands
   * separators of one number ("行政许可36,705") */
  while (i > 0 && (is_run_char (label_key[i - 1]) || is_decimal_point (label_key, i - 1, n)
                   || is_thousands_comma (label_key, i - 1, n)))
    i--;
  /* at least one digit, and not the "1." of a sub-row number */
  gboolean digit = FALSE;
  for (gsize k = i; k < n; k++)
    digit |= g_ascii_isdigit (label_key[k]);
  return digit ? g_strdup (label_key + i) : NULL;
}

/* One identity of checks.json restricted to this row: column indexes. */
typedef struct {
  GArray *lhs, *rhs;   /* guint */
  GkRelation relation;
  guint last;          /* highest column index: checked once it is assigned */
} Constraint;

static void
constraint_clear (gpointer p)
{
  Constraint *c = p;
  g_array_unref (c->lhs);
  g_array_unref (c->rhs);
}

/* Column index of key in this row, or -1. */
static int
column_of (const GPtrArray *keys, const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (strcmp (keys->pdata[i], key) == 0)
      return (int) i;
  return -1;
}

static gboolean
side_indexes (const GPtrArray *side, const char *var, const char *value, const GPtrArray *keys, GArray *out)
{
  for (guint i = 0; i < side->len; i++)
    {
      g_autofree char *k = gk_template_subst (side->pdata[i], var, value);
      int col = column_of (keys, k);
      if (col < 0)
        return FALSE;   /* an operand outside this row (or an @outcome list) */
      guint c = (guint) col;
      g_array_append_val (out, c);
    }
  return TRUE;
}

static GArray *
row_constraints (const GkTemplateSet *set, const char *template_id, const GPtrArray *keys)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Constraint));
  g_array_set_clear_func (out, constraint_clear);
  for (guint i = 0; i < set->identities->len; i++)
    {
      GkIdentity *id = set->identities->pdata[i];
      if (id->template_id && strcmp (id->template_id, template_id) != 0)
        continue;
      for (guint v = 0; v < id->over->len; v++)
        {
          Constraint c = { g_array_new (FALSE, FALSE, sizeof (guint)), g_array_new (FALSE, FALSE, sizeof (guint)),
                           id->relation, 0 };
          if (!side_indexes (id->lhs, id->var, id->over->pdata[v], keys, c.lhs)
              || !side_indexes (id->rhs, id->var, id->over->pdata[v], keys, c.rhs))
            {
              constraint_clear (&c);
              continue;
            }
          for (guint k = 0; k < c.lhs->len; k++)
            c.last = MAX (c.last, g_array_index (c.lhs, guint, k));
          for (guint k = 0; k < c.rhs->len; k++)
            c.last = MAX (c.last, g_array_index (c.rhs, guint, k));
          g_array_append_val (out, c);
        }
    }
  return out;
}

typedef struct {
  const GPtrArray *runs;
  const GkTplBlock *block;
  const GArray *constraints;
  guint ncols;
  gint64 *values;        /* per column, the current reading */
  guint *starts, *lens, *run_of;
  guint readings;
  guint limit;           /* readings to find before the search stops */
  GPtrArray *found;      /* each reading's cell texts (GPtrArray of char*), or NULL */
  guint *best_starts, *best_lens, *best_runs;
  guint64 steps;
} Search;

/* The cell texts of the reading the search holds now. */
static GPtrArray *
reading_texts (const Search *s, const guint *starts, const guint *lens, const guint *run_of)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < s->ncols; k++)
    g_ptr_array_add (out, g_strndup ((const char *) s->runs->pdata[run_of[k]] + starts[k], lens[k]));
  return out;
}

static gboolean
constraints_hold (const Search *s, guint col)
{
  for (guint i = 0; i < s->constraints->len; i++)
    {
      const Constraint *c = &g_array_index (s->constraints, Constraint, i);
      if (c->last != col)
        continue;
      gint64 l = 0, r = 0;
      for (guint k = 0; k < c->lhs->len; k++)
        l += s->values[g_array_index (c->lhs, guint, k)];
      for (guint k = 0; k < c->rhs->len; k++)
        r += s->values[g_array_index (c->rhs, guint, k)];
      if (c->relation == GK_RELATION_EQ ? l != r : l > r)
        return FALSE;
    }
  return TRUE;
}

/* A part of a run that can be one cell of column col: digits, a sign in a
 * signed column, one decimal point between digits in an amount column. */
static gboolean
part_ok (const char *p, guint len, GkColumnType type, gint64 *value)
{
  guint i = 0;
  if (p[0] == '+' || p[0] == '-')
    {
      if (type != GK_COLUMN_SIGNED)
        return FALSE;
      i = 1;
    }
  guint point = 0;
  g_autofree char *plain = NULL;
  if (memchr (p, ',', len))
    {
      /* one number grouped by thousands ("36,705"), whole: its digits */
      GString *digits = g_string_new (NULL);
      for (guint k = 0; k < len; k++)
        {
          if (p[k] == ',' && !is_thousands_comma (p, k, len))
            {
              g_string_free (digits, TRUE);
              return FALSE;
            }
          if (p[k] != ',')
            g_string_append_c (digits, p[k]);
        }
      len = (guint) digits->len;
      p = plain = g_string_free (digits, FALSE);
    }
  for (guint k = i; k < len; k++)
    if (p[k] == '.')
      {
        if (type != GK_COLUMN_AMOUNT_WAN || point || k == i || k + 1 == len)
          return FALSE;
        point = k;
      }
    else if (!g_ascii_isdigit (p[k]))
      return FALSE;
  guint whole = (point ? point : len) - i;
  if (whole == 0 || whole > GK_GLUED_MAX_DIGITS || (point && len - point - 1 > GK_GLUED_MAX_DECIMALS))
    return FALSE;
  if (p[i] == '0' && len - i > 1 && point != i + 1)
    return FALSE;   /* no leading zero: "05" is two cells ("0.5" is one) */
  gint64 v = 0;   /* an amount's whole part: no identity adds amounts */
  for (guint k = i; k < (point ? point : len); k++)
    v = v * 10 + (p[k] - '0');
  *value = p[0] == '-' ? -v : v;
  return TRUE;
}

static void
search (Search *s, guint col, guint run, guint pos)
{
  if (s->readings >= s->limit || ++s->steps > GK_GLUED_MAX_STEPS)
    return;
  if (run == s->runs->len)
    {
      if (col == s->ncols)
        {
          if (s->found)
            g_ptr_array_add (s->found, reading_texts (s, s->starts, s->lens, s->run_of));
          if (s->readings++ == 0)
            {
              memcpy (s->best_starts, s->starts, s->ncols * sizeof (guint));
              memcpy (s->best_lens, s->lens, s->ncols * sizeof (guint));
              memcpy (s->best_runs, s->run_of, s->ncols * sizeof (guint));
            }
        }
      return;
    }
  if (col == s->ncols)
    return;
  const char *text = s->runs->pdata[run];
  guint left = (guint) strlen (text) - pos;
  /* every run still ahead needs a cell, every cell a character */
  guint chars = left;
  for (guint r = run + 1; r < s->runs->len; r++)
    chars += (guint) strlen (s->runs->pdata[r]);
  if (s->ncols - col < s->runs->len - run || s->ncols - col > chars)
    return;
  GkColumnType type = ((GkTplColumn *) s->block->columns->pdata[col])->type;
  /* a run grouped by thousands is one number: never cut */
  gboolean grouped = strchr (text, ',') != NULL;
  for (guint len = grouped ? left : 1; len <= left && (grouped || len <= GK_GLUED_MAX_DIGITS + GK_GLUED_MAX_DECIMALS + 2);
       len++)   /* a sign, a point */
    {
      gint64 v;
      if (!part_ok (text + pos, len, type, &v))
        continue;
      s->values[col] = v;
      s->starts[col] = pos;
      s->lens[col] = len;
      s->run_of[col] = run;
      if (!constraints_hold (s, col))
        continue;
      if (len == left)
        search (s, col + 1, run + 1, 0);
      else
        search (s, col + 1, run, pos + len);
    }
}

/* Searches the readings of runs in the row, up to limit of them; found
 * (may be NULL) receives each one's cell texts, *only (only may be NULL)
 * the reading's texts when it is the only one, else NULL; *readings says
 * how many. */
static void
search_readings (const GkTemplateSet *set, const char *template_id, const GkTplSection *spec,
                 const GkTplBlock *block, const GkTplRow *row, const GPtrArray *runs, guint limit,
                 GPtrArray *found, GPtrArray **only, guint *readings)
{
  guint ncols = block->columns->len;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < ncols; k++)
    g_ptr_array_add (keys, gk_template_key (spec, row, block->columns->pdata[k]));
  g_autoptr (GArray) constraints = row_constraints (set, template_id, keys);
  Search s = { .runs = runs, .block = block, .constraints = constraints, .ncols = ncols, .limit = limit, .found = found };
  s.values = g_new0 (gint64, ncols);
  s.starts = g_new0 (guint, ncols);
  s.lens = g_new0 (guint, ncols);
  s.run_of = g_new0 (guint, ncols);
  s.best_starts = g_new0 (guint, ncols);
  s.best_lens = g_new0 (guint, ncols);
  s.best_runs = g_new0 (guint, ncols);
  search (&s, 0, 0, 0);
  if (s.steps > GK_GLUED_MAX_STEPS)
    *readings = GK_GLUED_TOO_MANY;
  else
    *readings = s.readings;
  if (only)
    *only = *readings == 1 ? reading_texts (&s, s.best_starts, s.best_lens, s.best_runs) : NULL;
  g_free (s.values);
  g_free (s.starts);
  g_free (s.lens);
  g_free (s.run_of);
  g_free (s.best_starts);
  g_free (s.best_lens);
  g_free (s.best_runs);
}

/* Whole runs in columns, in order, the columns between them blank (0):
 * whether such a reading satisfies the row's identities. */
static gboolean
search_blanks (Search *s, guint col, guint run)
{
  if (col == s->ncols)
    return run == s->runs->len;
  if (s->ncols - col < s->runs->len - run)
    return FALSE;
  if (s->ncols - col > s->runs->len - run)
    {
      s->values[col] = 0;
      if (constraints_hold (s, col) && search_blanks (s, col + 1, run))
        return TRUE;
    }
  if (run == s->runs->len)
    return FALSE;
  const char *text = s->runs->pdata[run];
  gint64 v;
  if (!part_ok (text, (guint) strlen (text), ((GkTplColumn *) s->block->columns->pdata[col])->type, &v))
    return FALSE;
  s->values[col] = v;
  return constraints_hold (s, col) && search_blanks (s, col + 1, run + 1);
}

gboolean
gk_glued_blank_reading (const GkTemplateSet *set, const char *template_id,
                        const GkTplSection *spec, const GkTplBlock *block, const GkTplRow *row,
                        const GPtrArray *runs)
{
  guint ncols = block->columns->len;
  if (runs->len == 0 || runs->len > ncols)
    return FALSE;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < ncols; k++)
    g_ptr_array_add (keys, gk_template_key (spec, row, block->columns->pdata[k]));
  g_autoptr (GArray) constraints = row_constraints (set, template_id, keys);
  Search s = { .runs = runs, .block = block, .constraints = constraints, .ncols = ncols };
  s.values = g_new0 (gint64, ncols);
  gboolean fits = search_blanks (&s, 0, 0);
  g_free (s.values);
  return fits;
}

GPtrArray *
gk_glued_split (const GkTemplateSet *set, const char *template_id,
                const GkTplSection *spec, const GkTplBlock *block, const GkTplRow *row,
                const GPtrArray *runs, guint *readings)
{
  GPtrArray *only = NULL;
  search_readings (set, template_id, spec, block, row, runs, 2, NULL, &only, readings);
  return only;
}

GPtrArray *
gk_glued_readings (const GkTemplateSet *set, const char *template_id,
                   const GkTplSection *spec, const GkTplBlock *block, const GkTplRow *row,
                   const GPtrArray *runs, guint max)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint readings = 0;
  search_readings (set, template_id, spec, block, row, runs, max + 1, found, NULL, &readings);
  if (readings == GK_GLUED_TOO_MANY || readings == 0 || readings > max)
    return NULL;
  return g_steal_pointer (&found);
}
