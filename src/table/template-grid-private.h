/* template-grid-private.h — the template grid's inside, for the table
 * module's own files (the grid and the decoder that walks it): not for
 * readers outside src/table.
 */
#pragma once
#include "template-grid.h"

/* Published errors one table may be taken to hold: a placement that needs
 * more is more likely a layout the decoder does not know. */
enum { MAX_MISPRINTS = 2 };

/* Two sums closer than this are equal (amounts in 万元 carry decimals). */
#define SUM_EPSILON 1e-6

typedef struct {
  char *key;
  GkColumnType type;
  guint row;
  guint col;
  const GkRegex *header;  /* the header text that names its column (borrowed); NULL when none */
  const char *label;      /* its column's label (borrowed): a group's column
                             names its group, then what it prints under it
                             (行政复议·结果维持) */
} GridCell;

typedef struct {
  GArray *lhs;      /* guint: grid cell indexes */
  GArray *rhs;
  GkRelation relation;
  guint row_lo, row_hi;
} GridIdentity;

/* One identity a cell takes part in, and on which side. */
typedef struct {
  guint identity;
  gboolean lhs;
} CellIdentity;

struct GkGrid {
  gint ref;               /* gk_grid_free drops one; a section's grid is also the set's (gk_grid_new) */
  GArray *cells;          /* GridCell, template order */
  GPtrArray *cell_ids;    /* per cell: GArray of CellIdentity */
  GPtrArray *ids_by_row;  /* per template row: GArray of the identities (guint) whose first row it is */
  guint n_rows;
  GArray *row_first;      /* guint: first cell of each template row */
  GArray *row_ncols;      /* guint */
  GArray *row_block;      /* guint */
  GArray *row_run;        /* guint: rows from this one on with its columns and block */
  GPtrArray *rows;        /* const GkTplRow* (borrowed) */
  GPtrArray *block_heading; /* per block: its heading (const GkRegex*, borrowed; NULL
                               entries: none); empty on a grid made from another */
  GPtrArray *identities;  /* GridIdentity* */
  GHashTable *index;      /* key → cell index + 1 */
};

/* The grid as printed when rows r0..r1-1 (a page's rows) come in two strips
 * of columns: their first `cut` columns row after row, then the others.
 * Cell i of the new grid is cell orig[i] of g (orig holds one per cell). */
GkGrid *gk_grid_with_strips (const GkGrid *g, guint r0, guint r1, guint cut, guint *orig);

/* The grid as printed when rows r0..r1-1 come in two parts: row q's first
 * cuts[q - r0] columns (its top-left corner) row after row, and the rest of
 * each row row after row, the corners first (or last, corner_last), their
 * columns right to left when corner_reversed.
 * by_columns[2 * (q - r0)] (its corner) and [2 * (q - r0) + 1] (its rest),
 * when k > 1: that part of rows q..q+k-1 (cut alike) is read column by
 * column, each column a row of the new grid; by_columns may be NULL. */
GkGrid *gk_grid_with_corner (const GkGrid *g, guint r0, guint r1, const guint *cuts, const guint *by_columns,
                             gboolean corner_last, gboolean corner_reversed, guint *orig);

/* The grid of rows r0..r1-1 alone, with the identities among them; cell i
 * of the new grid is cell orig[i] of g. */
GkGrid *gk_grid_rows (const GkGrid *g, guint r0, guint r1, guint *orig);

/* A cell's text as a number of the column's type; FALSE when it is none.
 * A placeholder is 0 (output.md: a printed dash is zero). */
gboolean gk_grid_cell_value (const char *raw, GkColumnType type, double *out);

/* Does the identity hold on these values?  -1 when an operand is unknown
 * (known NULL: all are).  values[c - first] is the value of grid cell c;
 * gk_grid_identity_holds: first = 0. */
int gk_grid_identity_holds_from (const GridIdentity *id, const double *values, const gboolean *known, guint first);
int gk_grid_identity_holds (const GridIdentity *id, const double *values, const gboolean *known);

/* Misprints it takes to explain the broken identities (see
 * template-grid.c); rows_hit (may be NULL, one per row) marks their rows. */
guint gk_grid_errors_to_explain (const GkGrid *grid, const double *values, const gboolean *known, gboolean *rows_hit);

/* Marks the cells of the rows where those misprints sit. */
void gk_grid_mark_doubted (const GkGrid *grid, const double *values, const gboolean *known, gboolean *doubted);
