/* template-grid.c — see template-grid.h. */
#include "template-grid-private.h"
#include "common/gk-number.h"
#include <math.h>
#include <string.h>

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

/* Columns "review.upheld" and "review.total" belong to one group; columns
 * without a group prefix all belong to the row's. */
static gboolean
same_column_group (const GkTplColumn *a, const GkTplColumn *b)
{
  const char *da = strchr (a->key, '.'), *db = strchr (b->key, '.');
  if (!da || !db)
    return TRUE;
  return da - a->key == db - b->key && strncmp (a->key, b->key, (gsize) (da - a->key)) == 0;
}

static void grid_finish (GkGrid *grid);

static GkGrid *
grid_alloc (void)
{
  GkGrid *grid = g_new0 (GkGrid, 1);
  grid->cells = g_array_new (FALSE, FALSE, sizeof (GridCell));
  grid->row_first = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->row_ncols = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->row_block = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->rows = g_ptr_array_new ();
  grid->block_heading = g_ptr_array_new ();
  grid->identities = g_ptr_array_new_with_free_func ((GDestroyNotify) grid_identity_free);
  grid->index = g_hash_table_new (g_str_hash, g_str_equal);
  grid->ref = 1;
  return grid;
}

static GkGrid *grid_build (const GkTemplateSet *set, const GkTemplate *tpl, const GkTplSection *spec);

/* A section's grid is built once per template set and shared (read only):
 * the matcher asks for it again for every reading of every report. */
GkGrid *
gk_grid_new (const GkTemplateSet *set, const GkTemplate *tpl, const GkTplSection *spec)
{
  GkTemplateSet *shared = (GkTemplateSet *) set;
  g_mutex_lock (&shared->grids_lock);
  if (!shared->grids)
    shared->grids = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) gk_grid_free);
  GkGrid *grid = g_hash_table_lookup (shared->grids, spec);
  if (!grid)
    {
      grid = grid_build (set, tpl, spec);
      g_hash_table_insert (shared->grids, (gpointer) spec, grid);
    }
  g_atomic_int_inc (&grid->ref);
  g_mutex_unlock (&shared->grids_lock);
  return grid;
}

static GkGrid *
grid_build (const GkTemplateSet *set, const GkTemplate *tpl, const GkTplSection *spec)
{
  GkGrid *grid = grid_alloc ();
  for (guint b = 0; b < spec->blocks->len; b++)
    {
      GkTplBlock *blk = spec->blocks->pdata[b];
      g_ptr_array_add (grid->block_heading, blk->heading);
      for (guint r = 0; r < blk->rows->len; r++)
        {
          GkTplRow *row = blk->rows->pdata[r];
          /* a table of one row whose columns come in groups (table 四:
           * review.*, litigation_direct.*, …) is laid out as a row per
           * group, as it is printed: each group its own run of cells */
          gboolean grouped = blk->rows->len == 1;
          guint in_row = 0;
          for (guint c = 0; c < blk->columns->len; c++)
            {
              GkTplColumn *col = blk->columns->pdata[c];
              if (c == 0 || (grouped && !same_column_group (blk->columns->pdata[c - 1], col)))
                {
                  if (c > 0)
                    {
                      g_array_append_val (grid->row_ncols, in_row);
                      grid->n_rows++;
                    }
                  g_array_append_val (grid->row_first, grid->cells->len);
                  g_array_append_val (grid->row_block, b);
                  g_ptr_array_add (grid->rows, row);
                  in_row = 0;
                }
              GridCell gc = { gk_template_key (spec, row, col), col->type, grid->n_rows, in_row++, col->pattern,
                               col->label };
              g_array_append_val (grid->cells, gc);
              g_hash_table_insert (grid->index, gc.key, GUINT_TO_POINTER (grid->cells->len));
            }
          g_array_append_val (grid->row_ncols, in_row);
          grid->n_rows++;
        }
    }
  grid_add_identities (grid, set, tpl);
  grid_finish (grid);
  return grid;
}

/* Which identities start at each row, which each cell takes part in, how
 * many rows alike follow each (a band spans only such). */
static void
grid_finish (GkGrid *grid)
{
  grid->row_run = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_set_size (grid->row_run, grid->n_rows);
  for (guint r = grid->n_rows; r-- > 0;)
    {
      gboolean alike = r + 1 < grid->n_rows
                       && g_array_index (grid->row_ncols, guint, r + 1) == g_array_index (grid->row_ncols, guint, r)
                       && g_array_index (grid->row_block, guint, r + 1) == g_array_index (grid->row_block, guint, r);
      g_array_index (grid->row_run, guint, r) = alike ? g_array_index (grid->row_run, guint, r + 1) + 1 : 1;
    }
  grid->ids_by_row = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint r = 0; r < grid->n_rows; r++)
    g_ptr_array_add (grid->ids_by_row, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint k = 0; k < grid->identities->len; k++)
    g_array_append_val (g_ptr_array_index (grid->ids_by_row, ((GridIdentity *) grid->identities->pdata[k])->row_lo), k);
  grid->cell_ids = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint c = 0; c < grid->cells->len; c++)
    g_ptr_array_add (grid->cell_ids, g_array_new (FALSE, FALSE, sizeof (CellIdentity)));
  for (guint k = 0; k < grid->identities->len; k++)
    {
      const GridIdentity *id = grid->identities->pdata[k];
      for (guint q = 0; q < 2; q++)
        {
          const GArray *side = q ? id->rhs : id->lhs;
          for (guint m = 0; m < side->len; m++)
            g_array_append_val (g_ptr_array_index (grid->cell_ids, g_array_index (side, guint, m)),
                                ((CellIdentity){ k, q == 0 }));
        }
    }
}

void
gk_grid_free (GkGrid *grid)
{
  if (!grid || !g_atomic_int_dec_and_test (&grid->ref))
    return;
  for (guint i = 0; i < grid->cells->len; i++)
    g_free (g_array_index (grid->cells, GridCell, i).key);
  g_array_unref (grid->cells);
  g_array_unref (grid->row_first);
  g_array_unref (grid->row_ncols);
  g_array_unref (grid->row_block);
  g_array_unref (grid->row_run);
  g_ptr_array_unref (grid->rows);
  g_ptr_array_unref (grid->block_heading);
  g_ptr_array_unref (grid->identities);
  g_ptr_array_unref (grid->cell_ids);
  g_ptr_array_unref (grid->ids_by_row);
  g_hash_table_unref (grid->index);
  g_free (grid);
}

/* Adds template row q's columns a..b-1 (b-1..a when reversed) as a row of
 * grid v; old cell c of g becomes v's cell orig-indexed by new_of[c]. */
static void
grid_add_part (GkGrid *v, const GkGrid *g, guint q, guint a, guint b, gboolean reversed, guint block, guint *orig,
               guint *new_of)
{
  g_array_append_val (v->row_first, v->cells->len);
  g_array_append_val (v->row_ncols, (guint){ b - a });
  g_array_append_val (v->row_block, block);
  g_ptr_array_add (v->rows, g->rows->pdata[q]);
  for (guint j = 0; j < b - a; j++)
    {
      guint c = reversed ? b - 1 - j : a + j;
      guint old = g_array_index (g->row_first, guint, q) + c;
      const GridCell *gc = &g_array_index (g->cells, GridCell, old);
      GridCell nc = { g_strdup (gc->key), gc->type, v->n_rows, j, gc->header, gc->label };
      orig[v->cells->len] = old;
      new_of[old] = v->cells->len;
      g_array_append_val (v->cells, nc);
      g_hash_table_insert (v->index, nc.key, GUINT_TO_POINTER (v->cells->len));
    }
  v->n_rows++;
}

/* Adds the cells of column c of template rows q..q+k-1 (a band read column
 * by column) as a row of grid v, as grid_add_part does. */
static void
grid_add_column (GkGrid *v, const GkGrid *g, guint q, guint k, guint c, guint block, guint *orig, guint *new_of)
{
  g_array_append_val (v->row_first, v->cells->len);
  g_array_append_val (v->row_ncols, k);
  g_array_append_val (v->row_block, block);
  g_ptr_array_add (v->rows, g->rows->pdata[q]);
  for (guint p = 0; p < k; p++)
    {
      guint old = g_array_index (g->row_first, guint, q + p) + c;
      const GridCell *gc = &g_array_index (g->cells, GridCell, old);
      GridCell nc = { g_strdup (gc->key), gc->type, v->n_rows, p, gc->header, gc->label };
      orig[v->cells->len] = old;
      new_of[old] = v->cells->len;
      g_array_append_val (v->cells, nc);
      g_hash_table_insert (v->index, nc.key, GUINT_TO_POINTER (v->cells->len));
    }
  v->n_rows++;
}

/* g's identities as identities of v, whose cell new_of[c] is g's cell c
 * (G_MAXUINT: none); those on a cell v has not are left out. */
static void
grid_add_identities_of (GkGrid *v, const GkGrid *g, const guint *new_of)
{
  for (guint k = 0; k < g->identities->len; k++)
    {
      const GridIdentity *id = g->identities->pdata[k];
      const GArray *sides[2] = { id->lhs, id->rhs };
      gboolean inside = TRUE;
      for (guint sd = 0; sd < 2 && inside; sd++)
        for (guint m = 0; m < sides[sd]->len && inside; m++)
          inside = new_of[g_array_index (sides[sd], guint, m)] != G_MAXUINT;
      if (!inside)
        continue;
      GridIdentity *ni = g_new0 (GridIdentity, 1);
      ni->relation = id->relation;
      ni->row_lo = G_MAXUINT;
      GArray **out[2] = { &ni->lhs, &ni->rhs };
      for (guint sd = 0; sd < 2; sd++)
        {
          *out[sd] = g_array_new (FALSE, FALSE, sizeof (guint));
          for (guint m = 0; m < sides[sd]->len; m++)
            {
              guint c = new_of[g_array_index (sides[sd], guint, m)];
              guint row = g_array_index (v->cells, GridCell, c).row;
              g_array_append_val (*out[sd], c);
              ni->row_lo = MIN (ni->row_lo, row);
              ni->row_hi = MAX (ni->row_hi, row);
            }
        }
      g_ptr_array_add (v->identities, ni);
    }
}

/* The grid as printed when rows r0..r1-1 (a page's rows) come in two strips
 * of columns: their first `cut` columns row after row, then the others (a
 * browser's table wider than pdftotext's flow).  Cell i of the new grid is
 * cell orig[i] of g; the strips are blocks of their own (no band mixes
 * them). */
GkGrid *
gk_grid_with_strips (const GkGrid *g, guint r0, guint r1, guint cut, guint *orig)
{
  g_autofree guint *cuts = g_new (guint, r1 - r0);
  for (guint q = r0; q < r1; q++)
    cuts[q - r0] = cut;
  return gk_grid_with_corner (g, r0, r1, cuts, NULL, FALSE, FALSE, orig);
}

/* The grid as printed when rows r0..r1-1 come in two parts: row q's first
 * cuts[q - r0] columns (its corner) row after row, and the rest of each row
 * row after row, the corners first or last, their columns right to left
 * when corner_reversed; by_columns (may be NULL) says where a part is read
 * column by column (see template-grid-private.h).  Cell i of the new grid
 * is cell orig[i] of g; each part is a block of its own. */
GkGrid *
gk_grid_with_corner (const GkGrid *g, guint r0, guint r1, const guint *cuts, const guint *by_columns,
                     gboolean corner_last, gboolean corner_reversed, guint *orig)
{
  GkGrid *v = grid_alloc ();
  g_autofree guint *new_of = g_new (guint, g->cells->len);
  guint blocks = 0;
  for (guint q = 0; q < g->n_rows; q++)
    blocks = MAX (blocks, g_array_index (g->row_block, guint, q) + 1);
  for (guint q = 0; q < g->n_rows; q++)
    {
      guint ncols = g_array_index (g->row_ncols, guint, q), block = g_array_index (g->row_block, guint, q);
      if (q < r0 || q >= r1)
        grid_add_part (v, g, q, 0, ncols, FALSE, block, orig, new_of);
      else if (q == r0)
        for (guint part = 0; part < 2; part++)
          {
            gboolean corner = (part == 0) != corner_last;
            for (guint p = r0; p < r1;)
              {
                guint n = g_array_index (g->row_ncols, guint, p), cut = MIN (cuts[p - r0], n);
                guint lo = corner ? 0 : cut, hi = corner ? cut : n;
                guint k = by_columns ? by_columns[2 * (p - r0) + !corner] : 0;
                gboolean reversed = corner && corner_reversed;
                if (k > 1 && hi > lo)
                  {
                    for (guint j = 0; j < hi - lo; j++)
                      grid_add_column (v, g, p, k, reversed ? hi - 1 - j : lo + j, blocks + !corner, orig, new_of);
                    p += k;
                    continue;
                  }
                if (hi > lo)
                  grid_add_part (v, g, p, lo, hi, reversed, blocks + !corner, orig, new_of);
                p++;
              }
          }
    }
  grid_add_identities_of (v, g, new_of);
  grid_finish (v);
  return v;
}

/* The grid of rows r0..r1-1 alone (a page's rows read apart from the
 * rest), with the identities that lie among them.  Cell i of the new grid
 * is cell orig[i] of g. */
GkGrid *
gk_grid_rows (const GkGrid *g, guint r0, guint r1, guint *orig)
{
  GkGrid *v = grid_alloc ();
  g_autofree guint *new_of = g_new (guint, g->cells->len);
  for (guint c = 0; c < g->cells->len; c++)
    new_of[c] = G_MAXUINT;
  for (guint q = r0; q < r1; q++)
    grid_add_part (v, g, q, 0, g_array_index (g->row_ncols, guint, q), FALSE, g_array_index (g->row_block, guint, q),
                   orig, new_of);
  grid_add_identities_of (v, g, new_of);
  grid_finish (v);
  return v;
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

guint
gk_grid_row (const GkGrid *grid, guint i)
{
  return g_array_index (grid->cells, GridCell, i).row;
}

GkColumnType
gk_grid_type (const GkGrid *grid, guint i)
{
  return g_array_index (grid->cells, GridCell, i).type;
}

/* A cell's text as a number of the column's type; FALSE when it is none.
 * A placeholder is 0 (output.md: a printed dash is zero). */
gboolean
gk_grid_cell_value (const char *raw, GkColumnType type, double *out)
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

/* Does the identity hold on these values?  -1 when an operand is unknown
 * (known NULL: all are).  values[c - first] is the value of grid cell c. */
int
gk_grid_identity_holds_from (const GridIdentity *id, const double *values, const gboolean *known, guint first)
{
  double side[2] = { 0, 0 };
  const GArray *arr[2] = { id->lhs, id->rhs };
  for (guint s = 0; s < 2; s++)
    for (guint k = 0; k < arr[s]->len; k++)
      {
        guint ix = g_array_index (arr[s], guint, k) - first;
        if (known && !known[ix])
          return -1;
        side[s] += values[ix];
      }
  if (id->relation == GK_RELATION_LE)
    return side[0] <= side[1] + SUM_EPSILON;
  return fabs (side[0] - side[1]) <= SUM_EPSILON;
}

int
gk_grid_identity_holds (const GridIdentity *id, const double *values, const gboolean *known)
{
  return gk_grid_identity_holds_from (id, values, known, 0);
}

guint
gk_grid_misprints (const GkGrid *grid, const GkCell *const *cells, guint *placed, gboolean *doubted)
{
  guint n = grid->cells->len;
  g_autofree double *values = g_new0 (double, n);
  g_autofree gboolean *known = g_new0 (gboolean, n);
  guint count = 0;
  for (guint i = 0; i < n; i++)
    if (cells[i] && gk_grid_cell_value (cells[i]->raw, gk_grid_type (grid, i), &values[i]))
      known[i] = TRUE, count++;
  if (placed)
    *placed = count;
  g_autofree gboolean *rows_hit = g_new0 (gboolean, grid->n_rows);
  guint misprints = gk_grid_errors_to_explain (grid, values, known, rows_hit);
  if (doubted)
    for (guint i = 0; i < n; i++)
      doubted[i] = misprints > MAX_MISPRINTS && rows_hit[g_array_index (grid->cells, GridCell, i).row];
  return misprints;
}

/* How many misprints it takes to explain the broken identities.  A misprint
 * is one wrong cell, or a wrong cell together with the total that was summed
 * from it (the row still adds up; its column and the balance do not).  A
 * misprint may not unbalance an identity that holds.  Greedy cover; an
 * identity no misprint explains counts one of its own.  This, not the number
 * of identities broken, tells a misplacement from a misprint: a wrong total
 * breaks its row, its column and the balance, and is still one misprint. */
typedef struct {
  guint a, b;          /* b == a for a single cell */
  guint first, count;  /* its unbalanced identities: a run of `moved` */
} Misprint;

/* The identities the candidates move, one run each (a plain array: the
 * walk judges thousands of placements). */
typedef struct {
  guint *k;
  guint len, size;
} Moved;

/* The identities whose balance a misprint moves (its cells change by the
 * same amount: cells on the left count +1, on the right -1), into moved;
 * FALSE when it would unbalance an identity that holds. */
static gboolean
misprint_moves (const GkGrid *grid, const int *state, int *shift, Misprint *m, Moved *moved)
{
  guint touched[64];
  guint nt = 0;
  for (guint pass = 0; pass < (m->b == m->a ? 1u : 2u); pass++)
    {
      const GArray *members = g_ptr_array_index (grid->cell_ids, pass ? m->b : m->a);
      for (guint q = 0; q < members->len; q++)
        {
          const CellIdentity *ci = &g_array_index (members, CellIdentity, q);
          if (shift[ci->identity] == 0 && nt < G_N_ELEMENTS (touched))
            touched[nt++] = ci->identity;
          shift[ci->identity] += ci->lhs ? 1 : -1;
        }
    }
  gboolean ok = TRUE;
  m->first = moved->len;
  for (guint t = 0; t < nt; t++)
    {
      guint k = touched[t];
      if (shift[k] != 0)
        {
          if (state[k] == 1)
            ok = FALSE;
          else if (state[k] == 0)
            {
              if (moved->len == moved->size)
                moved->k = g_renew (guint, moved->k, moved->size = MAX (64, 2 * moved->size));
              moved->k[moved->len++] = k;
            }
        }
    }
  for (guint t = 0; t < nt; t++)
    shift[touched[t]] = 0;
  m->count = moved->len - m->first;
  if (!ok)
    moved->len = m->first;
  return ok && m->count > 0;
}

/* The candidate misprints (a plain array, as Moved). */
typedef struct {
  Misprint *m;
  guint len, size;
} Candidates;

static void
candidates_add (Candidates *c, const Misprint *m)
{
  if (c->len == c->size)
    c->m = g_renew (Misprint, c->m, c->size = MAX (64, 2 * c->size));
  c->m[c->len++] = *m;
}

guint
gk_grid_errors_to_explain (const GkGrid *grid, const double *values, const gboolean *known, gboolean *rows_hit)
{
  guint nid = grid->identities->len;
  g_autofree int *state = g_new (int, nid);
  guint open = 0;
  for (guint k = 0; k < nid; k++)
    {
      state[k] = gk_grid_identity_holds (grid->identities->pdata[k], values, known);
      open += state[k] == 0;
    }
  if (!open)
    return 0;
  /* the candidate misprints: the cells of broken identities, alone or with a
   * cell across a holding identity from them */
  g_autofree int *shift = g_new0 (int, nid);
  Candidates cands = { NULL, 0, 0 }, *cand = &cands;
  Moved moved_at = { NULL, 0, 0 }, *moved = &moved_at;
  /* a cell of several broken identities gives the same candidates each
   * time: the first are kept (the cover takes the first of equals) */
  g_autofree gboolean *tried = g_new0 (gboolean, grid->cells->len);
  for (guint k = 0; k < nid; k++)
    {
      if (state[k] != 0)
        continue;
      const GridIdentity *id = grid->identities->pdata[k];
      for (guint q = 0; q < 2; q++)
        {
          const GArray *side = q ? id->rhs : id->lhs;
          for (guint m = 0; m < side->len; m++)
            {
              guint c = g_array_index (side, guint, m);
              if (tried[c])
                continue;
              tried[c] = TRUE;
              Misprint one = { c, c, 0, 0 };
              if (misprint_moves (grid, state, shift, &one, moved))
                candidates_add (cand, &one);
              const GArray *members = g_ptr_array_index (grid->cell_ids, c);
              for (guint z = 0; z < members->len; z++)
                {
                  const CellIdentity *ci = &g_array_index (members, CellIdentity, z);
                  if (state[ci->identity] != 1)
                    continue;
                  const GridIdentity *hold = grid->identities->pdata[ci->identity];
                  const GArray *other = ci->lhs ? hold->rhs : hold->lhs;
                  for (guint o = 0; o < other->len; o++)
                    {
                      Misprint two = { c, g_array_index (other, guint, o), 0, 0 };
                      if (misprint_moves (grid, state, shift, &two, moved))
                        candidates_add (cand, &two);
                    }
                }
            }
        }
    }
  /* each candidate's broken identities still unexplained (all, at first:
   * it moves only broken ones), and the candidates that move each identity */
  g_autofree guint *hits = g_new (guint, MAX (cand->len, 1));
  g_autofree guint *by_id_first = g_new0 (guint, nid + 1);
  g_autofree guint *by_id = g_new (guint, MAX (moved->len, 1));
  for (guint x = 0; x < cand->len; x++)
    {
      const Misprint *m = &cand->m[x];
      hits[x] = m->count;
      for (guint q = 0; q < m->count; q++)
        by_id_first[moved->k[m->first + q] + 1]++;
    }
  for (guint k = 0; k < nid; k++)
    by_id_first[k + 1] += by_id_first[k];
  g_autofree guint *fill = g_memdup2 (by_id_first, (nid + 1) * sizeof (guint));
  for (guint x = 0; x < cand->len; x++)
    {
      const Misprint *m = &cand->m[x];
      for (guint q = 0; q < m->count; q++)
        by_id[fill[moved->k[m->first + q]]++] = x;
    }
  guint errors = 0;
  /* hits only fall: no candidate has more than the last one taken had, and
   * the first to have as many is the first with the most */
  guint most = G_MAXUINT;
  while (open)
    {
      int best = -1;
      guint best_hits = 0;
      for (guint x = 0; x < cand->len && best_hits < most; x++)
        if (hits[x] > best_hits)
          best = (int) x, best_hits = hits[x];
      most = best_hits;
      if (best < 0)
        {
          g_free (moved->k);
          g_free (cand->m);
          return errors + open;
        }
      const Misprint *m = &cand->m[best];
      errors++;
      if (rows_hit)
        {
          rows_hit[g_array_index (grid->cells, GridCell, m->a).row] = TRUE;
          rows_hit[g_array_index (grid->cells, GridCell, m->b).row] = TRUE;
        }
      for (guint q = 0; q < m->count; q++)
        {
          guint k = moved->k[m->first + q];
          if (state[k] != 0)
            continue;
          state[k] = 2, open--;
          for (guint y = by_id_first[k]; y < by_id_first[k + 1]; y++)
            hits[by_id[y]]--;
        }
    }
  g_free (moved->k);
  g_free (cand->m);
  return errors;
}

/* Marks the cells of the rows where the misprints that explain the broken
 * identities sit. */
void
gk_grid_mark_doubted (const GkGrid *grid, const double *values, const gboolean *known, gboolean *doubted)
{
  g_autofree gboolean *rows_hit = g_new0 (gboolean, grid->n_rows);
  gk_grid_errors_to_explain (grid, values, known, rows_hit);
  for (guint c = 0; c < grid->cells->len; c++)
    doubted[c] = rows_hit[g_array_index (grid->cells, GridCell, c).row];
}

