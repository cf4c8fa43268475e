/* grid.h — the cell grid of a ruled table, merged cells included.
 *
 *   gk_layout_grids_find    ruling lines of one page → ruled tables (GkGrid)
 *   gk_layout_grid_free
 *   gk_layout_grid_cell_at  the cell holding a point
 *
 * Method.  Rules that cross or touch (within GK_GRID_SNAP_PT) are joined
 * into groups; a group with at least two horizontal and two vertical rules
 * is one table (lone rules — underlines, a heading's 一 — are dropped,
 * and so is a group within GK_GRID_MIN_SIDE_PT either way: glyph strokes).
 * The distinct x of its vertical rules and y of its horizontal rules,
 * merged within GK_GRID_SNAP_PT, cut the table into base cells.  Two base
 * cells side by side are one merged cell when no vertical rule runs
 * between them across the middle of their row; one above the other when
 * no horizontal rule runs between them across the middle of their column.
 * Each connected group of base cells is a cell with its row and column
 * span, so 三、本年度办理结果 down 21 rows or 法人或其他组织 over 5 columns
 * come out as one cell each.  A table cut by a page break has no rule
 * across at the cut: the ends of the rules that run on close it there.
 */
#pragma once
#include <glib.h>
#include "content/content.h"

/* Rule ends closer than this (points) meet; positions closer are one line. */
#define GK_GRID_SNAP_PT 2.5
/* A group of crossing rules that fits in a square this size (points) is
 * the strokes of large glyphs — a title in 22 pt bold: 县 has two long
 * strokes across and two down — not a table: no table of text is so
 * small.  (Read as cells, the title's glyphs were blanked from its line.) */
#define GK_GRID_MIN_SIDE_PT 60.0
/* Rules running on this far (points) past the last rule across them leave
 * the table open there (a row broken by a page): their ends close it. */
#define GK_GRID_OPEN_EDGE_PT 6.0

typedef struct {
  int row, col;          /* top-left base cell, 0-based */
  int row_span, col_span;/* >= 1 */
  GkRect box;            /* points, origin top-left */
} GkGridCell;

typedef struct {
  GkRect box;            /* the table's outer box */
  GArray *xs;            /* double: column boundaries, n_cols + 1, ascending */
  GArray *ys;            /* double: row boundaries, n_rows + 1, ascending */
  int n_rows, n_cols;
  GArray *cells;         /* GkGridCell, ordered by (row, col) of their top-left */
  GArray *owner;         /* int per base cell (row * n_cols + col): index into cells */
} GkGrid;

/* rules: GArray of GkRect as in GkPage.rules.  Returns GkGrid*, top to bottom. */
GPtrArray *gk_layout_grids_find (const GArray *rules);
void gk_layout_grid_free (GkGrid *grid);
/* Index into grid->cells of the cell containing (x, y), or -1. */
int gk_layout_grid_cell_at (const GkGrid *grid, double x, double y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkGrid, gk_layout_grid_free)
