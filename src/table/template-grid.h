/* template-grid.h — a table section as the template lays it out: its cells
 * in template order, rows of cells, the identities of checks.json that lie
 * inside it, compiled to cell indexes; and the published errors a reading
 * of it takes to explain what it breaks.
 *
 *   gk_grid_new / gk_grid_free   a section's grid (built once per template set, shared)
 *   gk_grid_size, gk_grid_key, gk_grid_type, gk_grid_row   its cells
 *   gk_grid_misprints            misprints a reading takes to explain its
 *                                broken identities, and the rows they doubt
 *
 * Method.  A row of the template is a row of the grid, but for a table of
 * one row whose columns come in groups (table 四: review.*, litigation_*.*),
 * laid out as a row per group, as it is printed.  An identity is kept when
 * every key it names is a cell of the section.  A misprint is one wrong
 * cell, or a wrong part together with the total summed from it; they are
 * found by a greedy cover that may not unbalance an identity that holds, so
 * a misplaced reading (many misprints) is told from a published error (one).
 */
#pragma once
#include "content/content.h"
#include "templates/template.h"

typedef struct GkGrid GkGrid;

GkGrid *gk_grid_new (const GkTemplateSet *set, const GkTemplate *tpl, const GkTplSection *spec);
void gk_grid_free (GkGrid *grid);
guint gk_grid_size (const GkGrid *grid);
const char *gk_grid_key (const GkGrid *grid, guint i);
GkColumnType gk_grid_type (const GkGrid *grid, guint i);
guint gk_grid_row (const GkGrid *grid, guint i);   /* the grid row of cell i (a group of table 四 is a row) */

/* Published errors (misprints) it takes to explain the identities a reading
 * breaks: cells[i] is the cell read for grid cell i, or NULL; an identity
 * with an unread operand does not count.  A misprint is one wrong cell, or a
 * wrong part with the total summed from it.  *placed (may be NULL) receives
 * the cells that hold a number; doubted (may be NULL, one per cell) marks
 * the rows of the misprints when there are more than a table may be taken
 * to hold: the reading is then doubtful there. */
guint gk_grid_misprints (const GkGrid *grid, const GkCell *const *cells, guint *placed, gboolean *doubted);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkGrid, gk_grid_free)
