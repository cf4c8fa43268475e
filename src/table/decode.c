/* decode.c — see decode.h. */
#include "decode.h"
#include "common/gk-text.h"
#include "table/number.h"
#include <math.h>
#include <string.h>

/* Step costs, in units of evidence.  A broken identity weighs more than any
 * single layout oddity; a skipped token (read as furniture) more than a
 * broken identity, so the search never drops a figure to make a sum agree
 * unless that leaves everything else in place; a template row with no
 * token more than anything (the grid is known, its rows are printed). */
enum { W_IDENTITY = 4, W_LINE = 1, W_SKIP = 6, W_MISS_CELL = 3 };

/* Widest band of rows read column by column (two rows interleaved, as a
 * producer prints a pair of rows whose labels are taller than the cells). */
enum { BAND_MAX = 3 };

#define SUM_EPSILON 1e-6
#define COST_INF G_MAXINT

typedef struct {
  char *key;
  GkColumnType type;
  guint row;
  guint col;
} GridCell;

typedef struct {
  GArray *lhs;      /* guint: grid cell indexes */
  GArray *rhs;
  GkRelation relation;
  guint row_lo, row_hi;
} GridIdentity;

struct GkGrid {
  GArray *cells;          /* GridCell, template order */
  guint n_rows;
  GArray *row_first;      /* guint: first cell of each template row */
  GArray *row_ncols;      /* guint */
  GArray *row_block;      /* guint */
  GPtrArray *rows;        /* const GkTplRow* (borrowed) */
  GPtrArray *identities;  /* GridIdentity* */
  GHashTable *index;      /* key → cell index + 1 */
};

static void
grid_identity_free (GridIdentity *id)
{
  g_array_unref (id->lhs);
  g_array_unref (id->rhs);
  g_free (id);
}

/* The side of an identity as grid cells; FALSE when a key is not in the grid
 * (the identity belongs to another section or template). */
static gboolean
side_to_cells (const GkGrid *grid, const GkIdentity *id, const GPtrArray *side, const char *value, GArray *out)
{
  for (guint i = 0; i < side->len; i++)
    {
      g_autofree char *k = gk_template_subst (side->pdata[i], id->var, value);
      if (g_str_has_prefix (k, "@outcome:"))
        {
          guint added = 0;
          for (guint r = 0; r < grid->n_rows; r++)
            {
              const GkTplRow *row = grid->rows->pdata[r];
              if (!row->outcome)
                continue;
              g_autofree char *key = gk_template_subst (k + strlen ("@outcome:"), "row", row->key);
              guint ix = GPOINTER_TO_UINT (g_hash_table_lookup (grid->index, key));
              if (!ix)
                return FALSE;
              g_array_append_val (out, (guint){ ix - 1 });
              added++;
            }
          if (!added)
            return FALSE;
          continue;
        }
      guint ix = GPOINTER_TO_UINT (g_hash_table_lookup (grid->index, k));
      if (!ix)
        return FALSE;
      g_array_append_val (out, (guint){ ix - 1 });
    }
  return TRUE;
}

static void
grid_add_identities (GkGrid *grid, const GkTemplateSet *set, const GkTemplate *tpl)
{
  for (guint i = 0; i < set->identities->len; i++)
    {
      const GkIdentity *id = set->identities->pdata[i];
      if (id->template_id && strcmp (id->template_id, tpl->id) != 0)
        continue;
      for (guint v = 0; v < id->over->len; v++)
        {
          const char *value = id->over->pdata[v];
          if (id->require)
            {
              g_autofree char *req = gk_template_subst (id->require, id->var, value);
              if (!g_hash_table_contains (grid->index, req))
                continue;
            }
          GridIdentity *gi = g_new0 (GridIdentity, 1);
          gi->lhs = g_array_new (FALSE, FALSE, sizeof (guint));
          gi->rhs = g_array_new (FALSE, FALSE, sizeof (guint));
          gi->relation = id->relation;
          if (!side_to_cells (grid, id, id->lhs, value, gi->lhs) || !side_to_cells (grid, id, id->rhs, value, gi->rhs)
              || gi->lhs->len + gi->rhs->len == 0)
            {
              grid_identity_free (gi);
              continue;
            }
          gi->row_lo = G_MAXUINT;
          GArray *both[2] = { gi->lhs, gi->rhs };
          for (guint s = 0; s < 2; s++)
            for (guint k = 0; k < both[s]->len; k++)
              {
                guint row = g_array_index (grid->cells, GridCell, g_array_index (both[s], guint, k)).row;
                gi->row_lo = MIN (gi->row_lo, row);
                gi->row_hi = MAX (gi->row_hi, row);
              }
          g_ptr_array_add (grid->identities, gi);
        }
    }
}

GkGrid *
gk_grid_new (const GkTemplateSet *set, const GkTemplate *tpl, const GkTplSection *spec)
{
  GkGrid *grid = g_new0 (GkGrid, 1);
  grid->cells = g_array_new (FALSE, FALSE, sizeof (GridCell));
  grid->row_first = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->row_ncols = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->row_block = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->rows = g_ptr_array_new ();
  grid->identities = g_ptr_array_new_with_free_func ((GDestroyNotify) grid_identity_free);
  grid->index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint b = 0; b < spec->blocks->len; b++)
    {
      GkTplBlock *blk = spec->blocks->pdata[b];
      for (guint r = 0; r < blk->rows->len; r++)
        {
          GkTplRow *row = blk->rows->pdata[r];
          g_array_append_val (grid->row_first, grid->cells->len);
          g_array_append_val (grid->row_ncols, blk->columns->len);
          g_array_append_val (grid->row_block, b);
          g_ptr_array_add (grid->rows, row);
          for (guint c = 0; c < blk->columns->len; c++)
            {
              GkTplColumn *col = blk->columns->pdata[c];
              GridCell gc = { gk_template_key (spec, row, col), col->type, grid->n_rows, c };
              g_array_append_val (grid->cells, gc);
              g_hash_table_insert (grid->index, gc.key, GUINT_TO_POINTER (grid->cells->len));
            }
          grid->n_rows++;
        }
    }
  grid_add_identities (grid, set, tpl);
  return grid;
}

void
gk_grid_free (GkGrid *grid)
{
  if (!grid)
    return;
  for (guint i = 0; i < grid->cells->len; i++)
    g_free (g_array_index (grid->cells, GridCell, i).key);
  g_array_unref (grid->cells);
  g_array_unref (grid->row_first);
  g_array_unref (grid->row_ncols);
  g_array_unref (grid->row_block);
  g_ptr_array_unref (grid->rows);
  g_ptr_array_unref (grid->identities);
  g_hash_table_unref (grid->index);
  g_free (grid);
}

guint
gk_grid_size (const GkGrid *grid)
{
  return grid->cells->len;
}

const char *
gk_grid_key (const GkGrid *grid, guint i)
{
  return g_array_index (grid->cells, GridCell, i).key;
}

GkColumnType
gk_grid_type (const GkGrid *grid, guint i)
{
  return g_array_index (grid->cells, GridCell, i).type;
}

/* A cell's text as a number of the column's type; FALSE when it is none.
 * A placeholder is 0 (output.md: a printed dash is zero). */
static gboolean
cell_value (const char *raw, GkColumnType type, double *out)
{
  GkNumber num = gk_number_parse (raw, type);
  switch (num.kind)
    {
    case GK_NUMBER_INT:
      *out = (double) num.i;
      return TRUE;
    case GK_NUMBER_DOUBLE:
      *out = num.d;
      return TRUE;
    case GK_NUMBER_PLACEHOLDER:
      *out = 0;
      return TRUE;
    default:
      return FALSE;
    }
}

/* Does the identity hold on these values?  -1 when an operand is unknown. */
static int
identity_holds (const GridIdentity *id, const double *values, const gboolean *known)
{
  double side[2] = { 0, 0 };
  const GArray *arr[2] = { id->lhs, id->rhs };
  for (guint s = 0; s < 2; s++)
    for (guint k = 0; k < arr[s]->len; k++)
      {
        guint ix = g_array_index (arr[s], guint, k);
        if (!known[ix])
          return -1;
        side[s] += values[ix];
      }
  if (id->relation == GK_RELATION_LE)
    return side[0] <= side[1] + SUM_EPSILON;
  return fabs (side[0] - side[1]) <= SUM_EPSILON;
}

guint
gk_grid_broken (const GkGrid *grid, const GkCell *const *cells, guint *placed)
{
  guint n = grid->cells->len;
  g_autofree double *values = g_new0 (double, n);
  g_autofree gboolean *known = g_new0 (gboolean, n);
  guint count = 0;
  for (guint i = 0; i < n; i++)
    if (cells[i] && cell_value (cells[i]->raw, gk_grid_type (grid, i), &values[i]))
      known[i] = TRUE, count++;
  if (placed)
    *placed = count;
  guint broken = 0;
  for (guint k = 0; k < grid->identities->len; k++)
    broken += identity_holds (grid->identities->pdata[k], values, known) == 0;
  return broken;
}

/* ------------------------------------------------------------ the tokens */

typedef struct {
  const GkCell *cell;
  double count;        /* value read as a count (or signed count) */
  double amount;       /* value read as an amount in 万元 */
  gboolean is_count, is_amount;
  guint line;          /* index of the content row it came from */
} Token;

static gboolean
token_value (const Token *t, GkColumnType type, double *out)
{
  if (type == GK_COLUMN_AMOUNT_WAN)
    {
      *out = t->amount;
      return t->is_amount;
    }
  *out = t->count;
  return t->is_count;
}

static int
row_page_of (const GkRow *row)
{
  if (row->cells->len)
    return ((GkCell *) row->cells->pdata[0])->src.page;
  return row->label_src.page;
}

/* A lone number with no label, equal to its page's number and printed at
 * that page's top or bottom, is the page number, not a cell. */
static gboolean
is_bare_page_number (const GPtrArray *rows, guint i, guint lo, guint hi)
{
  const GkRow *row = rows->pdata[i];
  int page = row_page_of (row);
  if (page <= 0 || row->cells->len != 1 || row->label[0])
    return FALSE;
  GkNumber num = gk_number_parse (((GkCell *) row->cells->pdata[0])->raw, GK_COLUMN_COUNT);
  if (num.kind != GK_NUMBER_INT || (num.i != page && num.i != page - 1))
    return FALSE;
  gboolean last = i + 1 >= hi || row_page_of (rows->pdata[i + 1]) != page;
  gboolean first = i == lo || row_page_of (rows->pdata[i - 1]) != page;
  return last || first;
}

static GArray *
section_tokens (const GPtrArray *rows, guint lo, guint hi)
{
  GArray *toks = g_array_new (FALSE, TRUE, sizeof (Token));
  for (guint i = lo; i < hi; i++)
    {
      const GkRow *row = rows->pdata[i];
      if (is_bare_page_number (rows, i, lo, hi))
        continue;
      for (guint c = 0; c < row->cells->len; c++)
        {
          const GkCell *cell = row->cells->pdata[c];
          Token t = { .cell = cell, .line = i };
          t.is_count = cell_value (cell->raw, GK_COLUMN_COUNT, &t.count);
          t.is_amount = cell_value (cell->raw, GK_COLUMN_AMOUNT_WAN, &t.amount);
          if (t.is_count || t.is_amount)
            g_array_append_val (toks, t);
        }
    }
  return toks;
}

/* ------------------------------------------------------------ the search */

typedef enum { STEP_ROW, STEP_BAND, STEP_SKIP } StepKind;

typedef struct {
  StepKind kind;
  guint k;             /* rows placed (1 for STEP_ROW, 2..BAND_MAX for STEP_BAND, 0 for skip) */
  guint ntok;          /* tokens consumed */
} Step;

typedef struct {
  const GkGrid *grid;
  const Token *tok;
  guint n;             /* tokens */
  guint R;             /* template rows */
  int *f;              /* cheapest cost from the start to state (i, r) */
  int *g;              /* cheapest cost from state (i, r) to the end */
} Search;

#define ST(s, i, r) ((gsize) (i) * ((s)->R + 1) + (r))

/* Token j of a step starting at row r, token i: the grid cell it fills. */
static guint
step_cell (const Search *s, const Step *st, guint r, guint j)
{
  const GkGrid *grid = s->grid;
  guint ncols = g_array_index (grid->row_ncols, guint, r);
  guint row = st->kind == STEP_ROW ? r : r + j % st->k;
  guint col = st->kind == STEP_ROW ? j : j / st->k;
  (void) ncols;
  return g_array_index (grid->row_first, guint, row) + col;
}

/* Cost of a step from state (i, r); COST_INF when it does not fit. */
static int
step_cost (const Search *s, const Step *st, guint i, guint r)
{
  const GkGrid *grid = s->grid;
  if (st->kind == STEP_SKIP)
    return i < s->n ? W_SKIP : COST_INF;
  if (r + st->k > s->R)
    return COST_INF;
  guint ncols = g_array_index (grid->row_ncols, guint, r);
  guint block = g_array_index (grid->row_block, guint, r);
  for (guint q = 1; q < st->k; q++)
    if (g_array_index (grid->row_ncols, guint, r + q) != ncols || g_array_index (grid->row_block, guint, r + q) != block)
      return COST_INF;
  if (i + st->ntok > s->n)
    return COST_INF;

  guint first = g_array_index (grid->row_first, guint, r);
  guint span = ncols * st->k;
  double values[BAND_MAX * 16];
  gboolean known[BAND_MAX * 16];
  if (span > G_N_ELEMENTS (values))
    return COST_INF;
  for (guint j = 0; j < span; j++)
    known[j] = FALSE;
  int cost = 0;
  for (guint j = 0; j < st->ntok; j++)
    {
      guint cell = step_cell (s, st, r, j);
      guint at = cell - first;
      known[at] = token_value (&s->tok[i + j], gk_grid_type (grid, cell), &values[at]);
      if (!known[at])
        return COST_INF;   /* a number that cannot be this column's (a decimal in a count) */
    }
  /* identities wholly inside the rows of this step */
  for (guint k = 0; k < grid->identities->len; k++)
    {
      const GridIdentity *id = grid->identities->pdata[k];
      if (id->row_lo < r || id->row_hi >= r + st->k)
        continue;
      double side[2] = { 0, 0 };
      const GArray *arr[2] = { id->lhs, id->rhs };
      for (guint q = 0; q < 2; q++)
        for (guint m = 0; m < arr[q]->len; m++)
          side[q] += values[g_array_index (arr[q], guint, m) - first];
      gboolean ok = id->relation == GK_RELATION_LE ? side[0] <= side[1] + SUM_EPSILON
                                                    : fabs (side[0] - side[1]) <= SUM_EPSILON;
      if (!ok)
        cost += W_IDENTITY;
    }
  /* tokens of one printed line belong to neighbouring cells: the next column
   * of the same row, or the same column of the next row */
  if (i > 0 && s->tok[i - 1].line == s->tok[i].line)
    cost += W_LINE;
  for (guint j = 0; j + 1 < st->ntok; j++)
    {
      if (s->tok[i + j].line != s->tok[i + j + 1].line)
        continue;
      const GridCell *a = &g_array_index (grid->cells, GridCell, step_cell (s, st, r, j));
      const GridCell *b = &g_array_index (grid->cells, GridCell, step_cell (s, st, r, j + 1));
      gboolean across = a->row == b->row && b->col == a->col + 1;
      gboolean down = b->row == a->row + 1 && b->col == a->col;
      if (!across && !down)
        cost += W_LINE;
    }
  return cost;
}

/* The steps that may leave a state whose next template row is r. */
static guint
steps_from (const Search *s, guint r, Step *out)
{
  guint n = 0;
  out[n++] = (Step){ STEP_SKIP, 0, 1 };
  if (r >= s->R)
    return n;
  guint ncols = g_array_index (s->grid->row_ncols, guint, r);
  out[n++] = (Step){ STEP_ROW, 1, ncols };
  for (guint k = 2; k <= BAND_MAX; k++)
    out[n++] = (Step){ STEP_BAND, k, ncols * k };
  return n;
}

static int
add_cost (int a, int b)
{
  return a == COST_INF || b == COST_INF ? COST_INF : a + b;
}

/* A template row no token fills costs its cells as missing: the end state
 * may be reached with rows left over (a table cut short) at that price. */
static int
missing_rows_cost (const Search *s, guint r)
{
  int cost = 0;
  for (guint q = r; q < s->R; q++)
    cost += W_MISS_CELL * (int) g_array_index (s->grid->row_ncols, guint, q);
  return cost;
}

static void
search_run (Search *s)
{
  gsize nstates = (gsize) (s->n + 1) * (s->R + 1);
  s->f = g_new (int, nstates);
  s->g = g_new (int, nstates);
  for (gsize q = 0; q < nstates; q++)
    s->f[q] = s->g[q] = COST_INF;
  s->f[ST (s, 0, 0)] = 0;
  Step steps[BAND_MAX + 2];
  for (guint i = 0; i <= s->n; i++)
    for (guint r = 0; r <= s->R; r++)
      {
        int here = s->f[ST (s, i, r)];
        if (here == COST_INF)
          continue;
        guint ns = steps_from (s, r, steps);
        for (guint q = 0; q < ns; q++)
          {
            int c = add_cost (here, step_cost (s, &steps[q], i, r));
            if (c == COST_INF)
              continue;
            gsize to = ST (s, i + steps[q].ntok, r + steps[q].k);
            s->f[to] = MIN (s->f[to], c);
          }
      }
  /* backwards: the end is any state with every token used */
  for (guint i = s->n + 1; i-- > 0;)
    for (guint r = s->R + 1; r-- > 0;)
      {
        int best = i == s->n ? missing_rows_cost (s, r) : COST_INF;
        guint ns = steps_from (s, r, steps);
        for (guint q = 0; q < ns; q++)
          {
            int c = step_cost (s, &steps[q], i, r);
            if (c == COST_INF)
              continue;
            best = MIN (best, add_cost (c, s->g[ST (s, i + steps[q].ntok, r + steps[q].k)]));
          }
        s->g[ST (s, i, r)] = best;
      }
}

/* ------------------------------------------------------------ the result */

typedef struct {
  const GkCell *cell;  /* token placed by the first cheapest path */
  double value;
  gboolean seen;       /* some cheapest step fills the cell */
  gboolean differs;    /* cheapest steps fill it with different values, or leave it empty */
} CellVote;

static void
vote (CellVote *v, const Token *t, double value)
{
  if (!v->seen)
    {
      v->seen = TRUE;
      v->cell = t->cell;
      v->value = value;
    }
  else if (fabs (v->value - value) > SUM_EPSILON)
    v->differs = TRUE;
}

GkDecoded *
gk_decode_section (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi)
{
  g_autoptr (GArray) toks = section_tokens (rows, lo, hi);
  if (toks->len == 0 || grid->n_rows == 0)
    return NULL;
  Search s = { grid, (const Token *) toks->data, toks->len, grid->n_rows, NULL, NULL };
  search_run (&s);
  int opt = s.g[ST (&s, 0, 0)];
  guint ncells = grid->cells->len;
  g_autofree CellVote *votes = g_new0 (CellVote, ncells);
  g_autofree gboolean *row_missable = g_new0 (gboolean, grid->n_rows);
  guint skipped = 0;
  Step steps[BAND_MAX + 2];
  for (guint i = 0; i <= s.n; i++)
    for (guint r = 0; r <= s.R; r++)
      {
        int here = s.f[ST (&s, i, r)];
        if (here == COST_INF || here > opt)
          continue;
        if (i == s.n && add_cost (here, missing_rows_cost (&s, r)) == opt)
          for (guint q = r; q < s.R; q++)
            row_missable[q] = TRUE;
        guint ns = steps_from (&s, r, steps);
        for (guint q = 0; q < ns; q++)
          {
            int c = step_cost (&s, &steps[q], i, r);
            if (c == COST_INF)
              continue;
            int total = add_cost (add_cost (here, c), s.g[ST (&s, i + steps[q].ntok, r + steps[q].k)]);
            if (total != opt)
              continue;
            if (steps[q].kind == STEP_SKIP)
              {
                skipped++;
                continue;
              }
            for (guint j = 0; j < steps[q].ntok; j++)
              {
                guint cell = step_cell (&s, &steps[q], r, j);
                double v = 0;
                token_value (&s.tok[i + j], gk_grid_type (grid, cell), &v);
                vote (&votes[cell], &s.tok[i + j], v);
              }
          }
      }
  g_free (s.f);
  g_free (s.g);

  GkDecoded *dec = g_new0 (GkDecoded, 1);
  dec->cells = g_new0 (const GkCell *, ncells);
  dec->ambiguous = g_new0 (gboolean, ncells);
  dec->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_warning_free);
  guint ambiguous = 0;
  int page = 0;
  for (guint c = 0; c < ncells; c++)
    {
      const GridCell *gc = &g_array_index (grid->cells, GridCell, c);
      CellVote *v = &votes[c];
      if (v->seen && !v->differs && !row_missable[gc->row])
        dec->cells[c] = v->cell;
      else if (v->seen)
        {
          dec->ambiguous[c] = TRUE;
          ambiguous++;
          if (!page)
            page = v->cell->src.page;
        }
    }
  if (ambiguous)
    g_ptr_array_add (dec->warnings,
                     gk_warning_new ("ambiguous_placement", page,
                                     "%u个数字无法确定所在单元格（多种排列同样符合表格），其值为 null", ambiguous));
  if (skipped)
    g_ptr_array_add (dec->warnings,
                     gk_warning_new ("stray_number", 0, "表格中有数字不属于任何单元格，已略去"));
  return dec;
}

void
gk_decoded_free (GkDecoded *dec)
{
  if (!dec)
    return;
  g_free (dec->cells);
  g_free (dec->ambiguous);
  g_ptr_array_unref (dec->warnings);
  g_free (dec);
}
