/* match.c — see match.h. */
#include "match.h"
#include "common/gk-text.h"
#include "glued.h"
#include <string.h>

/* A data row needs this many more fitting rows than a rival template to
 * count as evidence for its template (ties leave the decision open). */
enum { MARKER_WEIGHT = 2, FIT_WEIGHT = 3, MATCH_WEIGHT = 1 };

/* One value the matcher read for a canonical key. */
typedef struct {
  const GkCell *cell;      /* NULL: key known, value not read */
  GkColumnType type;
  gboolean grid_blank_ok;  /* blank cell may mean zero */
  const char *unit_hint;   /* "元" when the header gives 元, else NULL */
} Assignment;

typedef struct {
  const GkTemplate *tpl;
  const GkTplSection *spec;
  int score;
  int fitted_rows;
  int markers;
  int last_row;            /* index of the last content row used, -1 if none */
  GHashTable *assigned;    /* canonical key → Assignment* */
  GHashTable *rows_seen;   /* "section.row" → GINT_TO_POINTER(1) */
  GPtrArray *warnings;     /* GkWarning* */
  GPtrArray *owned_cells;  /* GkCell*: cells split out of glued text */
} Candidate;

static void
candidate_free (Candidate *c)
{
  if (!c)
    return;
  g_hash_table_unref (c->assigned);
  g_hash_table_unref (c->rows_seen);
  g_ptr_array_unref (c->warnings);
  g_ptr_array_unref (c->owned_cells);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Candidate, candidate_free)

typedef struct {
  const GkTplBlock *block;
  const GkTplRow *row;
} FlatRow;

static GArray *
flatten (const GkTplSection *spec)
{
  GArray *flat = g_array_new (FALSE, FALSE, sizeof (FlatRow));
  for (guint b = 0; b < spec->blocks->len; b++)
    {
      GkTplBlock *blk = spec->blocks->pdata[b];
      for (guint r = 0; r < blk->rows->len; r++)
        {
          FlatRow fr = { blk, blk->rows->pdata[r] };
          g_array_append_val (flat, fr);
        }
    }
  return flat;
}

static gboolean
cell_is_blank (const GkCell *cell)
{
  g_autofree char *k = gk_text_label_key (cell->raw);
  return *k == '\0';
}

/* Number of cells once blank cells beyond the block's width are dropped
 * (a value spanning three grid columns leaves two empty cells behind). */
static guint
effective_cells (const GPtrArray *cells, guint ncols)
{
  guint n = cells->len;
  while (n > ncols && cell_is_blank (cells->pdata[n - 1]))
    n--;
  return n;
}

static int
row_page (const GkRow *row)
{
  if (row->label_src.page)
    return row->label_src.page;
  if (row->cells->len)
    return ((GkCell *) row->cells->pdata[0])->src.page;
  return 0;
}

static void
candidate_warn (Candidate *c, const char *code, int page, const char *fmt, ...) G_GNUC_PRINTF (4, 5);

static void
candidate_warn (Candidate *c, const char *code, int page, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_ptr_array_add (c->warnings, gk_warning_new (code, page, "%s", msg));
}

static void
assign_row (Candidate *c, const FlatRow *fr, GPtrArray *cells, guint ncells,
            const char *header_text, int page)
{
  g_autofree char *rowkey = g_strdup_printf ("%s.%s", c->spec->key, fr->row->key);
  if (g_hash_table_contains (c->rows_seen, rowkey))
    {
      candidate_warn (c, "row_repeated", page,
                      "row “%s” appears again; the first reading is kept", fr->row->label);
      return;
    }
  g_hash_table_insert (c->rows_seen, g_strdup (rowkey), GINT_TO_POINTER (1));
  guint ncols = fr->block->columns->len;
  gboolean fits = ncells == ncols;
  if (!fits)
    candidate_warn (c, "cells_mismatch", page,
                    "row “%s” has %u cells where the template has %u columns; its values are left null",
                    fr->row->label, ncells, ncols);
  gboolean header_in_yuan = header_text && (strstr (header_text, "单位:元") || strstr (header_text, "(元)"));
  for (guint k = 0; k < ncols; k++)
    {
      GkTplColumn *col = fr->block->columns->pdata[k];
      Assignment *a = g_new0 (Assignment, 1);
      a->type = col->type;
      a->cell = fits ? cells->pdata[k] : NULL;
      a->unit_hint = header_in_yuan ? "元" : NULL;
      g_hash_table_replace (c->assigned, gk_template_key (c->spec, fr->row, col), a);
    }
}

static int
count_markers (const GkTplSection *spec, const char *text)
{
  int n = 0;
  for (guint i = 0; i < spec->markers->len; i++)
    if (gk_regex_search (spec->markers->pdata[i], text, 0, NULL, NULL))
      n++;
  return n;
}

/* Matches rows[lo, hi) against one template's section. */
/* Cells run together ("规范性文件121230"): split them when the template
 * and the row's identities allow one reading only.  Returns the number
 * of cells now in `cells` (ncols on success; unchanged otherwise). */
static guint
split_glued_row (const GkTemplateSet *set, Candidate *c, const FlatRow *fr, const GkRow *row,
                 const char *glued_run, GPtrArray *cells, guint have)
{
  guint ncols = fr->block->columns->len;
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  if (glued_run)
    g_ptr_array_add (runs, g_strdup (glued_run));
  for (guint k = 0; k < row->cells->len; k++)
    {
      char *r = gk_text_label_key (((GkCell *) row->cells->pdata[k])->raw);
      g_ptr_array_add (runs, r);
      if (!gk_glued_is_run (r))
        return have;   /* a formatted cell (unit, decimal, dash): not glued digits */
    }
  /* as many runs as columns without glue is a plain row; more runs cannot be merged */
  if (runs->len == 0 || runs->len > ncols || (!glued_run && runs->len == ncols))
    return have;
  guint readings = 0;
  g_autoptr (GPtrArray) parts = gk_glued_split (set, c->tpl->id, c->spec, fr->block, fr->row, runs, &readings);
  g_autoptr (GString) joined = g_string_new (NULL);
  for (guint k = 0; k < runs->len; k++)
    g_string_append_printf (joined, "%s%s", k ? " " : "", (const char *) runs->pdata[k]);
  int page = row->label_src.page;
  if (!parts)
    {
      if (readings == GK_GLUED_TOO_MANY)
        candidate_warn (c, "cells_glued", page, "row “%s”: cells run together (“%s”), too many ways to split them; its values are left null",
                        fr->row->label, joined->str);
      else
        candidate_warn (c, "cells_glued", page, "row “%s”: cells run together (“%s”) and %s; its values are left null",
                        fr->row->label, joined->str,
                        readings == 0 ? "no split satisfies the template" : "several splits satisfy the template");
      return have;
    }
  g_ptr_array_set_size (cells, 0);
  g_autoptr (GString) shown = g_string_new (NULL);
  for (guint k = 0; k < parts->len; k++)
    {
      GkCell *cell = gk_cell_new (parts->pdata[k], &row->label_src);
      g_ptr_array_add (c->owned_cells, cell);
      g_ptr_array_add (cells, cell);
      g_string_append_printf (shown, "%s%s", k ? " | " : "", (const char *) parts->pdata[k]);
    }
  candidate_warn (c, "cells_split", page, "row “%s”: cells run together (“%s”) read as %s, the only split the template allows",
                  fr->row->label, joined->str, shown->str);
  return ncols;
}

static Candidate *
match_section (const GkTemplateSet *set, const GkTemplate *tpl, const GkTplSection *spec,
               const GPtrArray *rows, guint lo, guint hi)
{
  Candidate *c = g_new0 (Candidate, 1);
  c->tpl = tpl;
  c->spec = spec;
  c->last_row = -1;
  c->assigned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->rows_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_warning_free);
  c->owned_cells = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_cell_free);

  g_autoptr (GArray) flat = flatten (spec);
  g_autofree gboolean *used = g_new0 (gboolean, flat->len + 1);
  guint pos = 0;
  g_autoptr (GString) pending = g_string_new (NULL);
  g_autoptr (GString) all_text = g_string_new (NULL);   /* header text of the whole section */

  for (guint i = lo; i < hi; i++)
    {
      GkRow *row = rows->pdata[i];
      g_autofree char *key = gk_text_label_key (row->label);
      g_string_append (all_text, key);
      /* a label ending in digits may be a row whose cells ran into it */
      g_autofree char *glued_run = gk_glued_trailing_run (key);
      if (row->cells->len == 0 && !glued_run)
        {
          g_string_append (pending, key);
          continue;
        }
      g_autofree char *text = g_strconcat (pending->str, key, NULL);
      if (glued_run)
        text[strlen (text) - strlen (glued_run)] = '\0';

      /* Pick the template row: fitting cell count first, then a row not yet
       * passed, then the match ending nearest the label's end. */
      int best = -1;
      int best_fit = -1, best_fwd = -1;
      gsize best_end = 0;
      for (guint f = 0; f < flat->len; f++)
        {
          if (used[f])
            continue;
          FlatRow *fr = &g_array_index (flat, FlatRow, f);
          gsize s, e;
          if (!gk_regex_search (fr->row->pattern, text, 0, &s, &e))
            continue;
          /* the nearest-the-end rule: take the last match of this pattern */
          gsize s2 = s, e2 = e;
          while (e2 > s2 && gk_regex_search (fr->row->pattern, text, e2, &s2, &e2))
            e = e2;
          guint ncols = fr->block->columns->len;
          guint have = effective_cells (row->cells, ncols);
          int fit = have == ncols;
          /* table 四: fifteen cells wrapped over consecutive label-less rows */
          if (!fit && have < ncols)
            {
              guint total = have;
              for (guint j = i + 1; j < hi && total < ncols; j++)
                {
                  GkRow *next = rows->pdata[j];
                  g_autofree char *nk = gk_text_label_key (next->label);
                  if (*nk || next->cells->len == 0)
                    break;
                  total += next->cells->len;
                }
              fit = total == ncols ? 1 : 0;
            }
          int fwd = f >= pos;
          if (best < 0 || fit > best_fit || (fit == best_fit && fwd > best_fwd)
              || (fit == best_fit && fwd == best_fwd && e > best_end))
            {
              best = (int) f;
              best_fit = fit;
              best_fwd = fwd;
              best_end = e;
            }
        }
      if (best < 0 && glued_run)
        {
          g_string_append (pending, key);   /* prose or a heading that ends in a number */
          continue;
        }
      if (best < 0)
        {
          candidate_warn (c, "row_unmatched", row_page (row),
                          "a row with %u values and label “%s” matches no row of template %s",
                          row->cells->len, text, tpl->id);
          g_string_truncate (pending, 0);
          continue;
        }
      FlatRow *fr = &g_array_index (flat, FlatRow, best);
      guint ncols = fr->block->columns->len;
      g_autoptr (GPtrArray) cells = g_ptr_array_new ();
      for (guint k = 0; k < row->cells->len; k++)
        g_ptr_array_add (cells, row->cells->pdata[k]);
      guint have = effective_cells (cells, ncols);
      guint last = i;
      if (have < ncols)
        {
          /* gather continuation rows (no label, only cells) */
          guint j = i + 1;
          guint total = have;
          g_autoptr (GPtrArray) extra = g_ptr_array_new ();
          for (; j < hi && total < ncols; j++)
            {
              GkRow *next = rows->pdata[j];
              g_autofree char *nk = gk_text_label_key (next->label);
              if (*nk || next->cells->len == 0)
                break;
              for (guint k = 0; k < next->cells->len; k++)
                g_ptr_array_add (extra, next->cells->pdata[k]);
              total += next->cells->len;
            }
          if (total == ncols)
            {
              g_ptr_array_set_size (cells, have);
              for (guint k = 0; k < extra->len; k++)
                g_ptr_array_add (cells, extra->pdata[k]);
              have = total;
              last = j - 1;
              i = last;
            }
        }
      if (have != ncols)
        have = split_glued_row (set, c, fr, row, glued_run, cells, have);
      used[best] = TRUE;
      pos = (guint) best + 1;
      assign_row (c, fr, cells, have, all_text->str, row_page (row));
      if (have == ncols)
        c->fitted_rows++;
      c->last_row = (int) last;
      g_string_truncate (pending, 0);
    }
  c->markers = count_markers (spec, all_text->str);
  c->score = c->fitted_rows * FIT_WEIGHT + c->markers * MARKER_WEIGHT
             + (int) g_hash_table_size (c->rows_seen) * MATCH_WEIGHT;
  return c;
}

/* Section starts: index of each section's heading row, -1 when absent. */
typedef struct {
  const char *key;
  int start;     /* first row after the heading, or -1 */
  int stop;      /* row index where the next section or end heading starts */
} SectionSpan;

static gboolean
heading_matches (const GkTemplateSet *set, const char *section_key, const char *label_key)
{
  for (guint t = 0; t < set->templates->len; t++)
    {
      GkTemplate *tpl = set->templates->pdata[t];
      for (guint s = 0; s < tpl->sections->len; s++)
        {
          GkTplSection *sec = tpl->sections->pdata[s];
          if (strcmp (sec->key, section_key) == 0
              && gk_regex_search (sec->heading, label_key, 0, NULL, NULL))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_end_heading (const GkTemplateSet *set, const char *label_key)
{
  for (guint t = 0; t < set->templates->len; t++)
    {
      GkTemplate *tpl = set->templates->pdata[t];
      if (tpl->end_heading && gk_regex_search (tpl->end_heading, label_key, 0, NULL, NULL))
        return TRUE;
    }
  return FALSE;
}

/* Section keys in the order of the first template (all share it). */
static GPtrArray *
section_keys (const GkTemplateSet *set)
{
  GPtrArray *keys = g_ptr_array_new ();
  for (guint t = 0; t < set->templates->len; t++)
    {
      GkTemplate *tpl = set->templates->pdata[t];
      for (guint s = 0; s < tpl->sections->len; s++)
        {
          GkTplSection *sec = tpl->sections->pdata[s];
          gboolean have = FALSE;
          for (guint k = 0; k < keys->len; k++)
            have |= strcmp (keys->pdata[k], sec->key) == 0;
          if (!have)
            g_ptr_array_add (keys, sec->key);
        }
    }
  return keys;
}

static void
find_sections (const GkTemplateSet *set, const GPtrArray *rows, GArray *spans)
{
  guint n = rows->len;
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (int));   /* every heading row index */
  for (guint i = 0; i < n; i++)
    {
      GkRow *row = rows->pdata[i];
      if (row->cells->len)
        continue;
      g_autofree char *key = gk_text_label_key (row->label);
      if (!*key)
        continue;
      gboolean any = is_end_heading (set, key);
      for (guint s = 0; s < spans->len; s++)
        {
          SectionSpan *sp = &g_array_index (spans, SectionSpan, s);
          if (heading_matches (set, sp->key, key))
            {
              any = TRUE;
              if (sp->start < 0)
                sp->start = (int) i + 1;
            }
        }
      if (any)
        {
          int ii = (int) i;
          g_array_append_val (marks, ii);
        }
    }
  for (guint s = 0; s < spans->len; s++)
    {
      SectionSpan *sp = &g_array_index (spans, SectionSpan, s);
      sp->stop = (int) n;
      if (sp->start < 0)
        continue;
      for (guint m = 0; m < marks->len; m++)
        {
          int mi = g_array_index (marks, int, m);
          if (mi >= sp->start)
            {
              sp->stop = mi;
              break;
            }
        }
    }
  g_array_unref (marks);
}

static void
write_value (const GkTemplateSet *set, GkRecord *rec, const char *key, const Assignment *a)
{
  if (!a || !a->cell)
    {
      gk_record_set_null (rec, key, NULL, NULL);
      return;
    }
  const GkCell *cell = a->cell;
  GkNumber num = gk_number_parse (cell->raw, a->type);
  if (a->type == GK_COLUMN_AMOUNT_WAN && num.kind == GK_NUMBER_DOUBLE && !num.unit[0] && a->unit_hint)
    {
      g_autofree char *with_unit = g_strconcat (cell->raw, a->unit_hint, NULL);
      num = gk_number_parse (with_unit, a->type);
    }
  GkValue *v = NULL;
  switch (num.kind)
    {
    case GK_NUMBER_INT:
      v = gk_record_set_int (rec, key, num.i, &cell->src, cell->raw);
      break;
    case GK_NUMBER_DOUBLE:
      v = gk_record_set_double (rec, key, num.d, &cell->src, cell->raw);
      break;
    case GK_NUMBER_PLACEHOLDER:
      v = a->type == GK_COLUMN_AMOUNT_WAN
          ? gk_record_set_double (rec, key, 0.0, &cell->src, cell->raw)
          : gk_record_set_int (rec, key, 0, &cell->src, cell->raw);
      v->from_blank = TRUE;
      gk_record_warn (rec, "placeholder_as_zero", cell->src.page,
                      "%s：单元格印作“%s”，按 0 读取", gk_template_key_label (set, key), cell->raw);
      break;
    case GK_NUMBER_BLANK:
      if (cell->grid_cell)
        {
          v = a->type == GK_COLUMN_AMOUNT_WAN
              ? gk_record_set_double (rec, key, 0.0, &cell->src, cell->raw)
              : gk_record_set_int (rec, key, 0, &cell->src, cell->raw);
          v->from_blank = TRUE;
          gk_record_warn (rec, "blank_as_zero", cell->src.page,
                          "%s：空白单元格按 0 读取", gk_template_key_label (set, key));
        }
      else
        {
          gk_record_set_null (rec, key, &cell->src, cell->raw);
          gk_record_warn (rec, "blank_cell", cell->src.page,
                          "%s：单元格空白，无法确定是否为 0", gk_template_key_label (set, key));
        }
      break;
    case GK_NUMBER_INVALID:
      gk_record_set_null (rec, key, &cell->src, cell->raw);
      gk_record_warn (rec, "not_a_number", cell->src.page,
                      "%s：“%s”不是数字", gk_template_key_label (set, key), cell->raw);
      break;
    }
  if (v && a->type == GK_COLUMN_AMOUNT_WAN && num.kind == GK_NUMBER_DOUBLE && !num.unit[0] && !a->unit_hint)
    {
      /* 2021's header states 万元; 2019's procurement header states no unit */
      if (!g_str_has_prefix (key, "active.fees."))
        gk_record_warn (rec, "unit_assumed", cell->src.page,
                        "%s：未印单位，按万元读取", gk_template_key_label (set, key));
    }
}

static void
write_candidate (const GkTemplateSet *set, GkRecord *rec, const Candidate *c)
{
  for (guint b = 0; b < c->spec->blocks->len; b++)
    {
      GkTplBlock *blk = c->spec->blocks->pdata[b];
      for (guint r = 0; r < blk->rows->len; r++)
        {
          GkTplRow *row = blk->rows->pdata[r];
          g_autofree char *rowkey = g_strdup_printf ("%s.%s", c->spec->key, row->key);
          if (!g_hash_table_contains (c->rows_seen, rowkey))
            gk_record_warn (rec, "row_not_found", 0, "表格行“%s”未找到，其数值为 null", row->label);
          for (guint k = 0; k < blk->columns->len; k++)
            {
              g_autofree char *key = gk_template_key (c->spec, row, blk->columns->pdata[k]);
              write_value (set, rec, key, g_hash_table_lookup (c->assigned, key));
            }
        }
    }
  for (guint w = 0; w < c->warnings->len; w++)
    {
      GkWarning *src = c->warnings->pdata[w];
      g_ptr_array_add (rec->warnings, gk_warning_new (src->code, src->page, "%s", src->message));
    }
}

void
gk_match_tables (const GkTemplateSet *set, const GkContent *content, GkRecord *record)
{
  g_autoptr (GPtrArray) keys = section_keys (set);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (SectionSpan));
  for (guint k = 0; k < keys->len; k++)
    {
      SectionSpan sp = { keys->pdata[k], -1, -1 };
      g_array_append_val (spans, sp);
    }
  find_sections (set, content->rows, spans);

  const char *chosen[8] = { 0 };
  gboolean decisive[8] = { 0 };
  int cursor = 0;
  for (guint s = 0; s < spans->len && s < G_N_ELEMENTS (chosen); s++)
    {
      SectionSpan *sp = &g_array_index (spans, SectionSpan, s);
      guint lo, hi;
      if (sp->start >= 0)
        {
          lo = (guint) sp->start;
          hi = (guint) sp->stop;
        }
      else
        {
          /* no heading: look from where the previous table ended to the next heading found */
          lo = (guint) cursor;
          hi = content->rows->len;
          for (guint t = s + 1; t < spans->len; t++)
            {
              SectionSpan *nx = &g_array_index (spans, SectionSpan, t);
              if (nx->start > 0 && (guint) nx->start - 1 >= lo)
                {
                  hi = (guint) nx->start - 1;
                  break;
                }
            }
        }
      g_autoptr (Candidate) best = NULL;
      int runner_up = -1;
      for (guint t = 0; t < set->templates->len; t++)
        {
          GkTemplate *tpl = set->templates->pdata[t];
          for (guint q = 0; q < tpl->sections->len; q++)
            {
              GkTplSection *sec = tpl->sections->pdata[q];
              if (strcmp (sec->key, sp->key) != 0)
                continue;
              Candidate *cand = match_section (set, tpl, sec, content->rows, lo, hi);
              if (!best || cand->score > best->score
                  /* a tie goes to the template already chosen for an earlier table */
                  || (cand->score == best->score && s > 0 && chosen[0]
                      && strcmp (cand->tpl->id, chosen[0]) == 0))
                {
                  if (best)
                    runner_up = MAX (runner_up, best->score);
                  candidate_free (g_steal_pointer (&best));
                  best = cand;
                }
              else
                {
                  runner_up = MAX (runner_up, cand->score);
                  candidate_free (cand);
                }
            }
        }
      if (!best || g_hash_table_size (best->rows_seen) == 0)
        {
          if (sp->start >= 0)
            gk_record_warn (record, "table_not_found", 0,
                            "找到了“%s”部分的标题，但未能读出其表格", sp->key);
          continue;
        }
      chosen[s] = best->tpl->id;
      decisive[s] = best->score > runner_up;
      if (sp->start < 0)
        gk_record_warn (record, "section_heading_missing", 0,
                        "未找到“%s”部分的标题，表格按内容定位", sp->key);
      write_candidate (set, record, best);
      if (best->last_row >= 0)
        cursor = best->last_row + 1;
    }

  /* The report's template: the first table that told the templates apart
   * (table 二 in practice), else the first table read at all. */
  const char *dominant = NULL;
  for (guint s = 0; s < spans->len && !dominant; s++)
    if (chosen[s] && decisive[s])
      dominant = chosen[s];
  for (guint s = 0; s < spans->len && !dominant; s++)
    dominant = chosen[s];
  if (dominant)
    {
      g_free (record->template_id);
      record->template_id = g_strdup (dominant);
      for (guint s = 0; s < spans->len; s++)
        if (chosen[s] && decisive[s] && strcmp (chosen[s], dominant) != 0)
          gk_record_warn (record, "template_mixed", 0,
                          "表格“%s”按 %s 模板填写，报告主体为 %s 模板",
                          g_array_index (spans, SectionSpan, s).key, chosen[s], dominant);
    }
}
