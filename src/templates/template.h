/* template.h — the report templates, read from models/templates at start-up.
 *
 *   gk_template_set_load     every *.json template plus checks.json from a models dir
 *   gk_template_set_free
 *   gk_template_set_find     a template by id ("2019", "2021")
 *   gk_template_key_label    the Chinese label of a canonical key, for messages
 *   gk_template_key_type     the column type of a canonical key
 *   gk_template_subst        an identity's key template with its variable filled in
 *
 * The C code holds no label of its own: sections, blocks, rows, columns,
 * their patterns and the identities checked all come from the data files,
 * so a provincial variant is a new file, not new code.  The structs are
 * public because they are read-only data walked by the matcher and checks.
 */
#pragma once
#include <glib.h>
#include "common/gk-regex.h"
#include "common/gk-number.h"

typedef struct {
  char *key;
  char *label;
  GkRegex *pattern;     /* header text that names the column; may be NULL */
  GkColumnType type;
} GkTplColumn;

typedef struct {
  char *key;            /* "" for a table with a single unnamed row (table 四) */
  char *label;
  char *short_label;    /* for messages; falls back to label */
  GkRegex *pattern;
  gboolean outcome;     /* role "outcome": summed into （七）总计 */
} GkTplRow;

typedef struct {
  GkRegex *heading;     /* 第二十条第（N）项, NULL when the table has one block */
  GPtrArray *columns;   /* GkTplColumn* */
  GPtrArray *rows;      /* GkTplRow* */
} GkTplBlock;

typedef struct {
  char *key;            /* "active", "applications", "appeals" */
  char *label;          /* the table's heading as the template prints it; key when none */
  GkRegex *heading;
  GPtrArray *markers;   /* GkRegex*: header text only this template prints */
  GPtrArray *blocks;    /* GkTplBlock* */
} GkTplSection;

typedef struct {
  char *id;
  char *name;
  GkRegex *end_heading; /* the heading after the last table (五、存在的主要问题…) */
  int first_year;       /* the first report year it was issued for; 0 when not given */
  GPtrArray *sections;  /* GkTplSection* */
} GkTemplate;

typedef enum { GK_RELATION_EQ, GK_RELATION_LE } GkRelation;

typedef struct {
  char *id;             /* with {var} */
  char *var;            /* the variable of `over` */
  GPtrArray *over;      /* char*: values of var */
  GHashTable *labels;   /* value → Chinese label, may be empty */
  char *require;        /* key (with {var}) that must exist for the check to apply, or NULL */
  char *template_id;    /* only for this template, or NULL for all */
  char *formula;
  char *title;          /* with {label} */
  GPtrArray *lhs;       /* char* key templates; "@outcome:…{row}…" expands over outcome rows */
  GkRelation relation;
  GPtrArray *rhs;
  GPtrArray *nonneg;    /* char* key templates that must be ≥ 0 */
  gboolean absent_as_zero; /* "absent": "zero": a part the report never states adds 0
                              (sound only for parts <= total); no part stated, no check */
} GkIdentity;

typedef struct {
  char *dir;            /* models dir the set was read from */
  GPtrArray *templates; /* GkTemplate*, sorted by id */
  GPtrArray *identities;/* GkIdentity* */
  GHashTable *key_labels; /* canonical key → Chinese label, every template */
  GHashTable *key_types;  /* canonical key → GINT_TO_POINTER (GkColumnType + 1) */
  GHashTable *row_labels; /* "section.row" → short Chinese label */
  GHashTable *col_labels; /* "section.column" → Chinese label */
  /* each section's grid, built once (src/table/template-grid.c owns them;
   * worker threads share the set, hence the lock); NULL until the first */
  GHashTable *grids;      /* const GkTplSection* → GkGrid* */
  GMutex grids_lock;
} GkTemplateSet;

GkTemplateSet *gk_template_set_load (const char *models_dir, GError **error);
void gk_template_set_free (GkTemplateSet *set);
const GkTemplate *gk_template_set_find (const GkTemplateSet *set, const char *id);
const char *gk_template_key_label (const GkTemplateSet *set, const char *key);
GkColumnType gk_template_key_type (const GkTemplateSet *set, const char *key);
/* Short label of "section.row" / label of "section.column"; NULL when unknown. */
const char *gk_template_row_label (const GkTemplateSet *set, const char *section_row);
const char *gk_template_column_label (const GkTemplateSet *set, const char *section_column);
/* An identity's key template with {var} replaced by value ("applications.{row}.total"). */
char *gk_template_subst (const char *tmpl, const char *var, const char *value);
/* Canonical key of a cell: section.row.column, leaving out an empty row key. */
char *gk_template_key (const GkTplSection *section, const GkTplRow *row, const GkTplColumn *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkTemplateSet, gk_template_set_free)
