/* grid.c — see grid.h. */
#include "grid.h"
#include <math.h>

typedef struct {
  gboolean horizontal;
  double pos;      /* y of a horizontal rule, x of a vertical one */
  double lo, hi;   /* its extent along its length */
} Rule;

static int
uf_find (int *parent, int i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static void
uf_union (int *parent, int a, int b)
{
  a = uf_find (parent, a);
  b = uf_find (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

static gboolean
rules_meet (const Rule *a, const Rule *b)
{
  if (a->horizontal == b->horizontal)
    /* collinear pieces of one rule (broken at a crossing or by rendering) */
    return fabs (a->pos - b->pos) <= GK_GRID_SNAP_PT
           && a->lo <= b->hi + GK_GRID_SNAP_PT && b->lo <= a->hi + GK_GRID_SNAP_PT;
  return b->pos >= a->lo - GK_GRID_SNAP_PT && b->pos <= a->hi + GK_GRID_SNAP_PT
         && a->pos >= b->lo - GK_GRID_SNAP_PT && a->pos <= b->hi + GK_GRID_SNAP_PT;
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Distinct positions of the group's rules of one orientation, merged within the snap. */
static GArray *
positions (const Rule *rules, const GArray *members, gboolean horizontal)
{
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < members->len; i++)
    {
      const Rule *r = &rules[g_array_index (members, int, i)];
      if (r->horizontal == horizontal)
        g_array_append_val (all, r->pos);
    }
  g_array_sort (all, cmp_double);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));
  double sum = 0;
  int n = 0;
  for (guint i = 0; i < all->len; i++)
    {
      double p = g_array_index (all, double, i);
      if (n && p - sum / n > GK_GRID_SNAP_PT)
        {
          double mean = sum / n;
          g_array_append_val (out, mean);
          sum = 0;
          n = 0;
        }
      sum += p;
      n++;
    }
  if (n)
    {
      double mean = sum / n;
      g_array_append_val (out, mean);
    }
  return out;
}

/* TRUE when a rule of the group lies at pos and covers point `at` along its length. */
static gboolean
covered (const Rule *rules, const GArray *members, gboolean horizontal, double pos, double at)
{
  for (guint i = 0; i < members->len; i++)
    {
      const Rule *r = &rules[g_array_index (members, int, i)];
      if (r->horizontal == horizontal && fabs (r->pos - pos) <= GK_GRID_SNAP_PT
          && at >= r->lo - GK_GRID_SNAP_PT && at <= r->hi + GK_GRID_SNAP_PT)
        return TRUE;
    }
  return FALSE;
}

/* A table broken by a page ends in vertical rules with no rule across
 * (the last row goes on over the page), and its continuation starts so.
 * Where the rules of one direction reach past the outermost rule of the
 * other, their ends close the table (ys gets the ends of the vertical
 * rules when horizontal is TRUE; xs those of the horizontal ones). */
static void
open_edges (const Rule *rules, const GArray *members, GArray *pos, gboolean horizontal)
{
  if (pos->len == 0)
    return;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  for (guint i = 0; i < members->len; i++)
    {
      const Rule *r = &rules[g_array_index (members, int, i)];
      if (r->horizontal == horizontal)
        continue;
      lo = MIN (lo, r->lo);
      hi = MAX (hi, r->hi);
    }
  if (lo > hi)
    return;
  if (lo < g_array_index (pos, double, 0) - GK_GRID_OPEN_EDGE_PT)
    g_array_prepend_val (pos, lo);
  if (hi > g_array_index (pos, double, pos->len - 1) + GK_GRID_OPEN_EDGE_PT)
    g_array_append_val (pos, hi);
}

static GkGrid *
grid_from_group (const Rule *rules, const GArray *members)
{
  g_autoptr (GArray) xs = positions (rules, members, FALSE);
  g_autoptr (GArray) ys = positions (rules, members, TRUE);
  open_edges (rules, members, ys, TRUE);
  open_edges (rules, members, xs, FALSE);
  int nc = (int) xs->len - 1, nr = (int) ys->len - 1;
  /* a lone frame around a paragraph is no table */
  if (nc < 1 || nr < 1 || nc * nr < 2)
    return NULL;
  int nb = nr * nc;
  g_autofree int *parent = g_new (int, nb);
  for (int i = 0; i < nb; i++)
    parent[i] = i;
  for (int r = 0; r < nr; r++)
    {
      double ymid = (g_array_index (ys, double, r) + g_array_index (ys, double, r + 1)) / 2;
      for (int c = 0; c < nc; c++)
        {
          double xmid = (g_array_index (xs, double, c) + g_array_index (xs, double, c + 1)) / 2;
          if (c + 1 < nc && !covered (rules, members, FALSE, g_array_index (xs, double, c + 1), ymid))
            uf_union (parent, r * nc + c, r * nc + c + 1);
          if (r + 1 < nr && !covered (rules, members, TRUE, g_array_index (ys, double, r + 1), xmid))
            uf_union (parent, r * nc + c, (r + 1) * nc + c);
        }
    }
  GkGrid *g = g_new0 (GkGrid, 1);
  g->n_rows = nr;
  g->n_cols = nc;
  g->xs = g_array_ref (xs);
  g->ys = g_array_ref (ys);
  g->box = (GkRect) { g_array_index (xs, double, 0), g_array_index (ys, double, 0),
                      g_array_index (xs, double, nc), g_array_index (ys, double, nr) };
  g->cells = g_array_new (FALSE, FALSE, sizeof (GkGridCell));
  g->owner = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_set_size (g->owner, nb);
  /* base cells in (row, col) order: the first member of a group met is its top-left
   * corner for any rectangular merge, so cells come out ordered by (row, col) */
  g_autofree int *cell_of_root = g_new (int, nb);
  for (int i = 0; i < nb; i++)
    cell_of_root[i] = -1;
  for (int i = 0; i < nb; i++)
    {
      int root = uf_find (parent, i);
      int r = i / nc, c = i % nc;
      if (cell_of_root[root] < 0)
        {
          GkGridCell cell = { r, c, 1, 1, { 0 } };
          g_array_append_val (g->cells, cell);
          cell_of_root[root] = (int) g->cells->len - 1;
        }
      GkGridCell *cell = &g_array_index (g->cells, GkGridCell, cell_of_root[root]);
      /* grow the span to take in this base cell (non-rectangular merges get their bounds) */
      int r1 = MAX (cell->row + cell->row_span, r + 1), c1 = MAX (cell->col + cell->col_span, c + 1);
      int r0 = MIN (cell->row, r), c0 = MIN (cell->col, c);
      cell->row = r0;
      cell->col = c0;
      cell->row_span = r1 - r0;
      cell->col_span = c1 - c0;
      g_array_index (g->owner, int, i) = cell_of_root[root];
    }
  for (guint k = 0; k < g->cells->len; k++)
    {
      GkGridCell *cell = &g_array_index (g->cells, GkGridCell, k);
      cell->box = (GkRect) { g_array_index (xs, double, cell->col), g_array_index (ys, double, cell->row),
                             g_array_index (xs, double, cell->col + cell->col_span),
                             g_array_index (ys, double, cell->row + cell->row_span) };
    }
  return g;
}

static int
cmp_grid_top (gconstpointer a, gconstpointer b)
{
  const GkGrid *x = *(GkGrid *const *) a, *y = *(GkGrid *const *) b;
  return (x->box.y0 > y->box.y0) - (x->box.y0 < y->box.y0);
}

GPtrArray *
gk_layout_grids_find (const GArray *rules_in)
{
  GPtrArray *grids = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_layout_grid_free);
  int n = rules_in ? (int) rules_in->len : 0;
  if (n == 0)
    return grids;
  g_autofree Rule *rules = g_new (Rule, n);
  for (int i = 0; i < n; i++)
    {
      const GkRect *b = &g_array_index (rules_in, GkRect, i);
      gboolean h = (b->x1 - b->x0) >= (b->y1 - b->y0);
      rules[i] = h ? (Rule) { TRUE, (b->y0 + b->y1) / 2, b->x0, b->x1 }
                   : (Rule) { FALSE, (b->x0 + b->x1) / 2, b->y0, b->y1 };
    }
  g_autofree int *parent = g_new (int, n);
  for (int i = 0; i < n; i++)
    parent[i] = i;
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (rules_meet (&rules[i], &rules[j]))
        uf_union (parent, i, j);
  g_autoptr (GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  for (int i = 0; i < n; i++)
    {
      int root = uf_find (parent, i);
      GArray *m = g_hash_table_lookup (groups, GINT_TO_POINTER (root));
      if (!m)
        {
          m = g_array_new (FALSE, FALSE, sizeof (int));
          g_hash_table_insert (groups, GINT_TO_POINTER (root), m);
        }
      g_array_append_val (m, i);
    }
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, groups);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      GArray *m = value;
      int nh = 0, nv = 0;
      for (guint i = 0; i < m->len; i++)
        {
          if (rules[g_array_index (m, int, i)].horizontal)
            nh++;
          else
            nv++;
        }
      if (nh < 2 || nv < 2)
        continue;
      GkGrid *g = grid_from_group (rules, m);
      if (g && g->box.x1 - g->box.x0 < GK_GRID_MIN_SIDE_PT && g->box.y1 - g->box.y0 < GK_GRID_MIN_SIDE_PT)
        g_clear_pointer (&g, gk_layout_grid_free);
      if (g)
        g_ptr_array_add (grids, g);
    }
  g_ptr_array_sort (grids, cmp_grid_top);
  return grids;
}

void
gk_layout_grid_free (GkGrid *grid)
{
  if (!grid)
    return;
  g_array_unref (grid->xs);
  g_array_unref (grid->ys);
  g_array_unref (grid->cells);
  g_array_unref (grid->owner);
  g_free (grid);
}

/* Index of the band [v[i], v[i+1]) holding p, or -1. */
static int
band_of (const GArray *v, double p)
{
  if (v->len < 2 || p < g_array_index (v, double, 0) || p > g_array_index (v, double, v->len - 1))
    return -1;
  for (guint i = 0; i + 1 < v->len; i++)
    if (p <= g_array_index (v, double, i + 1))
      return (int) i;
  return -1;
}

int
gk_layout_grid_cell_at (const GkGrid *grid, double x, double y)
{
  int c = band_of (grid->xs, x), r = band_of (grid->ys, y);
  if (c < 0 || r < 0)
    return -1;
  return g_array_index (grid->owner, int, r * grid->n_cols + c);
}
