/* match.c — see match.h. */
#include "match.h"
#include "common/gk-text.h"
#include "decode.h"
#include "glued.h"
#include <string.h>

/* A data row needs this many more fitting rows than a rival template to
 * count as evidence for its template (ties leave the decision open). */
enum { MARKER_WEIGHT = 2, FIT_WEIGHT = 3, MATCH_WEIGHT = 1 };

/* A label-less row of at most this many numbers that fits no template row
 * is page furniture (a page number), not data. */
enum { STRAY_MAX_CELLS = 2 };

/* A label no pattern matches may still be a template row printed with a
 * character dropped or misread (templates.md §6.1, OCR): it is taken when
 * this share of the official label's characters appear in order at the end
 * of the text, and no other row comes within FUZZY_MARGIN of it.  The
 * label needs FUZZY_MIN_CHARS words (ideographs): an ordinal and its dot
 * tell no row apart ("3.其他" would take "2.其他法律行政"). */
#define FUZZY_MIN_RATIO 0.75
#define FUZZY_MARGIN 0.10
enum { FUZZY_MIN_CHARS = 4, FUZZY_SLACK_CHARS = 4 };

/* An OCR reading below this confidence (0..1) is one the engine itself does
 * not believe (a unit read as digits, "2232.2742万元" → "22322742" at 0.0):
 * null with a warning, never a value. */
#define OCR_UNREAD_CONFIDENCE 0.10

/* This many template rows named, in template order, in the label text before
 * a label-less row of numbers make a label block (see find_label_block). */
enum { LABEL_BLOCK_MIN = 3 };

/* Cells a misprint costs a reading when two readings of a text dump's
 * section are compared (about one row of table 三). */
enum { READING_BROKEN_WEIGHT = 7 };

/* A placement that must leave out more numbers than a table's stray page
 * numbers is not the table's layout: the decoder's reading is not taken. */
enum { DECODE_MAX_SKIPPED = 4, DECODE_MIN_ROWS_NAMED = 2 };

/* A row's run several splits fit is read by the section's identities only
 * when it has at most this many readings, and the rows together at most
 * GLUED_COMBINATIONS_MAX combinations of them. */
enum { GLUED_READINGS_MAX = 64, GLUED_COMBINATIONS_MAX = 20000 };

/* Characters beyond which a label holding a comma is a sentence. */
enum { PROSE_MIN_CHARS = 30 };

/* A line of a table's header or label column is at most this long; a longer
 * one is prose. */
enum { TABLE_TAIL_MAX_CHARS = 20 };

/* One value the matcher read for a canonical key. */
typedef struct {
  const GkCell *cell;      /* NULL: key known, value not read */
  GkColumnType type;
  const char *unit_hint;   /* "元" when the header gives 元, else NULL */
} Assignment;

/* What became of one template row in a candidate reading. */
typedef struct {
  const GkTplRow *row;
  gboolean fitted;         /* as many cells as the block has columns */
  guint ncells, ncols;
  int page;
} RowState;

typedef struct {
  const GkTemplate *tpl;
  const GkTplSection *spec;
  int score;
  int fitted_rows;
  int markers;
  int last_row;            /* index of the last content row used, -1 if none */
  GHashTable *assigned;    /* canonical key → Assignment* */
  GHashTable *rows_seen;   /* "section.row" → RowState* */
  GPtrArray *warnings;     /* GkWarning* */
  GPtrArray *owned_cells;  /* GkCell*: cells split out of glued text */
  GHashTable *split_runs;  /* GkCell* the row reading split into cells (set) */
  GHashTable *glued_keys;  /* canonical keys of rows printed with their cells run together (set) */
  GPtrArray *split_later;  /* GluedRow*: rows several splits fit, for the section's identities */
} Candidate;

/* A row whose run several splits fit (each a reading of its own
 * identities): the section's identities across rows may leave one. */
typedef struct {
  const GkTplBlock *block;
  const GkTplRow *row;
  GPtrArray *readings;     /* GPtrArray of char*: each reading's cell texts */
  char *shown;             /* the runs as printed, for the warning */
  GkSource src;
  int page;
} GluedRow;

static void
glued_row_free (GluedRow *g)
{
  g_ptr_array_unref (g->readings);
  g_free (g->shown);
  g_free (g);
}

static void
candidate_free (Candidate *c)
{
  if (!c)
    return;
  g_hash_table_unref (c->assigned);
  g_hash_table_unref (c->rows_seen);
  g_ptr_array_unref (c->warnings);
  g_ptr_array_unref (c->owned_cells);
  g_hash_table_unref (c->split_runs);
  g_hash_table_unref (c->glued_keys);
  g_ptr_array_unref (c->split_later);
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
  guint ncols = fr->block->columns->len;
  gboolean fits = ncells == ncols;
  RowState *seen = g_hash_table_lookup (c->rows_seen, rowkey);
  if (seen && (seen->fitted || !fits))
    {
      candidate_warn (c, "row_repeated", page,
                      "row “%s” appears again; the first reading is kept", fr->row->label);
      return;
    }
  /* new, or a clean reading replacing a row whose cells did not fit */
  if (!seen)
    {
      seen = g_new0 (RowState, 1);
      g_hash_table_insert (c->rows_seen, g_strdup (rowkey), seen);
    }
  seen->fitted = fits;
  seen->ncells = ncells;
  seen->page = page;
  seen->row = fr->row;
  seen->ncols = ncols;
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

/* TRUE when the label text matches a template row other than `self`. */
static gboolean
names_other_row (const GArray *flat, guint self, const char *key)
{
  for (guint f = 0; f < flat->len; f++)
    if (f != self && gk_regex_search (g_array_index (flat, FlatRow, f).row->pattern, key, 0, NULL, NULL))
      return TRUE;
  return FALSE;
}

/* The cells of rows[i] and of the rows that continue it, up to the block's
 * width: rows with numbers and no label (pdftotext puts one number per line
 * for some producers; table 四 wraps in fives), and label-only rows that go
 * on with this row's label (they name no other template row).  Returns the
 * number of cells gathered (blank overflow dropped); fills `out` and *last
 * (the last row used) when given. */
static guint
gather_cells (const GPtrArray *rows, guint i, guint hi, guint ncols, const GArray *flat, guint self,
              GPtrArray *out, guint *last)
{
  const GkRow *row = rows->pdata[i];
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  for (guint k = 0; k < row->cells->len; k++)
    g_ptr_array_add (cells, row->cells->pdata[k]);
  guint have = effective_cells (cells, ncols);
  g_ptr_array_set_size (cells, have);
  guint j = i + 1, used_to = i;
  for (; j < hi && have < ncols; j++)
    {
      const GkRow *next = rows->pdata[j];
      g_autofree char *nk = gk_text_label_key (next->label);
      if (*nk && next->cells->len)
        break;                        /* a row of its own */
      if (*nk && names_other_row (flat, self, nk))
        break;                        /* the next row's label */
      if (have + next->cells->len > ncols)
        break;                        /* rows are taken whole or not at all */
      for (guint k = 0; k < next->cells->len; k++, have++)
        g_ptr_array_add (cells, next->cells->pdata[k]);
      if (next->cells->len)
        used_to = j;
    }
  if (out)
    for (guint k = 0; k < cells->len; k++)
      g_ptr_array_add (out, cells->pdata[k]);
  if (last)
    *last = used_to;
  return have;
}

/* The share of template row fr's official label's characters found in
 * order at the end of text t (nt characters); *ideographs (when given) gets
 * the label's count of ideographs. */
static double
label_lcs_ratio (const FlatRow *fr, const gunichar *t, glong nt, glong *ideographs)
{
  g_autofree char *lk = gk_text_label_key (fr->row->label);
  glong nl = 0, words = 0;
  g_autofree gunichar *l = g_utf8_to_ucs4_fast (lk, -1, &nl);
  for (glong k = 0; k < nl; k++)
    words += gk_text_is_ideograph (l[k]);
  if (ideographs)
    *ideographs = words;
  if (nl == 0)
    return 0;
  glong take = MIN (nt, nl + FUZZY_SLACK_CHARS);
  return (double) gk_text_lcs_length (l, nl, t + (nt - take), take) / (double) nl;
}

/* The best-scoring template row of a search and the runner-up's score. */
typedef struct {
  int best;
  double best_score, second;
} RowRanking;

static void
row_ranking_add (RowRanking *rk, guint f, double score)
{
  if (score > rk->best_score)
    {
      rk->second = rk->best_score;
      rk->best_score = score;
      rk->best = (int) f;
    }
  else if (score > rk->second)
    rk->second = score;
}

/* The best row when it names the text well enough and clearly before any
 * other, or -1. */
static int
row_ranking_clear_best (const RowRanking *rk)
{
  if (rk->best >= 0 && rk->best_score >= FUZZY_MIN_RATIO && rk->best_score - rk->second >= FUZZY_MARGIN)
    return rk->best;
  return -1;
}

/* The unused template row whose official label best survives at the end of
 * text, or -1.  Only rows the cells fit are considered. */
static int
fuzzy_row (const GArray *flat, const gboolean *used, const char *text, guint ncells, double *ratio_out)
{
  glong nt = 0;
  g_autofree gunichar *t = g_utf8_to_ucs4_fast (text, -1, &nt);
  RowRanking rk = { -1, 0, 0 };
  for (guint f = 0; f < flat->len; f++)
    {
      if (used[f])
        continue;
      const FlatRow *fr = &g_array_index (flat, FlatRow, f);
      if (ncells != fr->block->columns->len)
        continue;
      glong words = 0;
      double ratio = label_lcs_ratio (fr, t, nt, &words);
      if (words < FUZZY_MIN_CHARS)
        continue;
      row_ranking_add (&rk, f, ratio);
    }
  *ratio_out = rk.best_score;
  return row_ranking_clear_best (&rk);
}

static gboolean
row_all_blank (const GkRow *row)
{
  for (guint k = 0; k < row->cells->len; k++)
    if (!cell_is_blank (row->cells->pdata[k]))
      return FALSE;
  return TRUE;
}

/* How well text (t, nt: the same decoded) names template row fr: 1 when
 * its pattern matches, else label_lcs_ratio. */
static double
label_score (const FlatRow *fr, const char *text, const gunichar *t, glong nt)
{
  return gk_regex_search (fr->row->pattern, text, 0, NULL, NULL) ? 1.0 : label_lcs_ratio (fr, t, nt, NULL);
}

/* A row broken by a page break (LibreOffice lets a tall row run over the
 * page): its label is cut in two, the second part's lines come as rows of
 * their own, and its figures sit in one part while the other part's ruled
 * cells are blank.  rows[i] (label `text`, naming no template row) is such
 * a first part when the rows after it, up to the first with cells, are on a
 * later page, exactly one of the two parts has figures, and the whole label
 * names an unused template row (cells fitting) clearly better than the
 * second part alone does — else the second part is a row of its own.
 * Returns the template row and sets *figures (the part whose cells are
 * read) and *end (the last row of the second part); -1 when no such row. */
static int
page_split_row (const GPtrArray *rows, guint i, guint hi, const GArray *flat, const gboolean *used,
                const char *text, guint *figures, guint *end)
{
  const GkRow *a = rows->pdata[i];
  int pa = row_page (a);
  if (pa <= 0 || !a->cells->len)
    return -1;
  g_autoptr (GString) rest = g_string_new (NULL);
  guint j = i + 1;
  for (; j < hi && !((GkRow *) rows->pdata[j])->cells->len; j++)
    {
      g_autofree char *k = gk_text_label_key (((GkRow *) rows->pdata[j])->label);
      g_string_append (rest, k);
    }
  if (j >= hi)
    return -1;
  const GkRow *b = rows->pdata[j];
  if (row_page (b) <= pa)
    return -1;
  gboolean blank_a = row_all_blank (a), blank_b = row_all_blank (b);
  if (blank_a == blank_b)
    return -1;                        /* figures in both parts, or in neither */
  g_autofree char *kb = gk_text_label_key (b->label);
  g_string_append (rest, kb);
  if (rest->len == 0)
    return -1;
  const GkRow *with = blank_a ? b : a;
  guint ncells = effective_cells (with->cells, G_MAXUINT);
  /* the label-only rows between may be the label's wrapped lines or the
   * table's header repeated at the top of the page: both are tried */
  g_autofree char *whole = g_strconcat (text, rest->str, NULL);
  g_autofree char *ends = g_strconcat (text, kb, NULL);
  glong nw = 0, ne = 0, nr = 0;
  g_autofree gunichar *tw = g_utf8_to_ucs4_fast (whole, -1, &nw);
  g_autofree gunichar *te = g_utf8_to_ucs4_fast (ends, -1, &ne);
  g_autofree gunichar *tr = g_utf8_to_ucs4_fast (rest->str, -1, &nr);
  RowRanking rk = { -1, 0, 0 };
  for (guint f = 0; f < flat->len; f++)
    {
      const FlatRow *fr = &g_array_index (flat, FlatRow, f);
      if (!used[f] && fr->block->columns->len == ncells)
        row_ranking_add (&rk, f, MAX (label_score (fr, whole, tw, nw), label_score (fr, ends, te, ne)));
    }
  int best = row_ranking_clear_best (&rk);
  if (best < 0)
    return -1;
  /* the second part alone names the row as fully: a row of its own (the
   * patterns accept a label's key words, so the characters are weighed) */
  const FlatRow *fb = &g_array_index (flat, FlatRow, best);
  if (label_lcs_ratio (fb, tr, nr, NULL) + FUZZY_MARGIN
      > MAX (label_lcs_ratio (fb, tw, nw, NULL), label_lcs_ratio (fb, te, ne, NULL)))
    return -1;
  *figures = blank_a ? j : i;
  *end = j;
  return best;
}

/* pdftotext's default mode prints some tables as a block of row labels
 * followed by a block of their number rows.  When the label text before a
 * label-less number row names at least LABEL_BLOCK_MIN unused template rows,
 * each once, in template order, those rows are queued in that order. */
static void
find_label_block (const GArray *flat, const gboolean *used, const char *text, GArray *queue)
{
  g_array_set_size (queue, 0);
  gsize last_end = 0;
  for (guint f = 0; f < flat->len; f++)
    {
      if (used[f])
        continue;
      gsize s, e;
      if (!gk_regex_search (g_array_index (flat, FlatRow, f).row->pattern, text, last_end, &s, &e) || e == s)
        continue;
      g_array_append_val (queue, f);
      last_end = e;
    }
  if (queue->len < LABEL_BLOCK_MIN)
    g_array_set_size (queue, 0);
}

/* The rows from i on that are numbers alone, no label text, one after
 * another: a label block's number rows. */
static guint
number_rows_from (const GPtrArray *rows, guint i, guint hi)
{
  guint n = 0;
  for (; i < hi; i++, n++)
    {
      const GkRow *row = rows->pdata[i];
      g_autofree char *key = gk_text_label_key (row->label);
      if (*key || row->cells->len == 0)
        break;
    }
  return n;
}

/* Whether a row shows for sure that its cells ran together: digits run
 * into its label, or fewer runs than cells in text no layout placed (a
 * page's flattened text; a text dump's row printing fewer numbers than
 * columns has blanks, not glue). */
static gboolean
row_printed_glued (const GkRow *row, const char *glued_run, guint nruns, guint ncols)
{
  if (glued_run)
    return TRUE;
  if (nruns >= ncols)
    return FALSE;
  for (guint k = 0; k < row->cells->len; k++)
    if (((const GkCell *) row->cells->pdata[k])->text_col >= 0)
      return FALSE;
  return TRUE;
}

/* The warning of a row whose cells ran together and are left null: readings
 * as gk_glued_split counts them (0, several, or GK_GLUED_TOO_MANY);
 * blanks_fit: its runs fit whole beside blank cells as well. */
static void
warn_cells_glued (Candidate *c, int page, const char *label, const char *shown, guint readings, gboolean blanks_fit)
{
  if (blanks_fit)
    candidate_warn (c, "cells_glued", page, "row “%s”: cells run together (“%s”) or printed apart beside blank cells, both fit the template; its values are left null",
                    label, shown);
  else if (readings == GK_GLUED_TOO_MANY)
    candidate_warn (c, "cells_glued", page, "row “%s”: cells run together (“%s”), too many ways to split them; its values are left null",
                    label, shown);
  else
    candidate_warn (c, "cells_glued", page, "row “%s”: cells run together (“%s”) and %s; its values are left null",
                    label, shown, readings == 0 ? "no split satisfies the template" : "several splits satisfy the template");
}

/* The cells of a split (parts, one a column) that runs standing for a
 * placeholder (shown_as[k] not NULL: its run is "0", one part) became:
 * the placeholder as printed, a dash read 0 like any other. */
static void
parts_show_placeholders (GPtrArray *parts, const GPtrArray *runs, const GPtrArray *shown_as)
{
  guint p = 0;
  for (guint k = 0; k < runs->len && p < parts->len; k++)
    {
      if (shown_as->pdata[k])
        {
          g_free (parts->pdata[p]);
          parts->pdata[p++] = g_strdup (shown_as->pdata[k]);
          continue;
        }
      /* the parts a run was cut into spell its digits */
      gsize want = strlen (runs->pdata[k]), got = 0;
      while (p < parts->len && got < want)
        got += strlen (parts->pdata[p++]);
    }
}

/* Matches rows[lo, hi) against one template's section. */
/* Cells run together ("规范性文件121230"): split them when the template
 * and the row's identities allow one reading only.  Returns the number
 * of cells now in `cells` (ncols on success; unchanged otherwise).  With
 * cells NULL it only tells whether such a reading exists. */
static guint
split_glued_row (const GkTemplateSet *set, Candidate *c, const FlatRow *fr, const GkRow *row,
                 const char *glued_run, GPtrArray *cells, guint have)
{
  guint ncols = fr->block->columns->len;
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  /* per run: the placeholder printed (—) where the run stands for one */
  g_autoptr (GPtrArray) shown_as = g_ptr_array_new ();
  if (glued_run)
    {
      g_ptr_array_add (runs, g_strdup (glued_run));
      g_ptr_array_add (shown_as, NULL);
    }
  gboolean formatted = FALSE;   /* a cell with a unit or a decimal: no glued digits */
  for (guint k = 0; k < row->cells->len; k++)
    {
      const char *raw = ((GkCell *) row->cells->pdata[k])->raw;
      /* a dash for zero among glued digits (41723————440) is one cell
       * of 0, a run of its own */
      gboolean placeholder = glued_run && gk_number_parse (raw, GK_COLUMN_COUNT).kind == GK_NUMBER_PLACEHOLDER;
      char *r = placeholder ? g_strdup ("0") : gk_text_label_key (raw);
      g_ptr_array_add (runs, r);
      g_ptr_array_add (shown_as, placeholder ? (gpointer) raw : NULL);
      formatted |= !gk_glued_is_run (r);
    }
  /* digits run into the label, then formatted cells (政府集中采购1 246900元):
   * as many as the columns, each one cell; else no reading */
  if (formatted && !(glued_run && runs->len == ncols))
    return have;
  /* as many runs as columns without glue is a plain row; more runs cannot be merged */
  if (runs->len == 0 || runs->len > ncols || (!glued_run && runs->len == ncols))
    return have;
  guint readings = formatted;
  g_autoptr (GPtrArray) parts = NULL;
  /* digits run into the label, then runs set apart by white space, fewer
   * than the columns: the text keeps its cells apart, so a run may be one
   * cell and the missing cells blanks (规范性文件1 92: 1 · blank · 92 as
   * well as 1 · 9 · 2).  Glue and blanks both fit: several readings. */
  gboolean blanks_fit = glued_run && !formatted && runs->len >= 2 && runs->len < ncols
                        && gk_glued_blank_reading (set, c->tpl->id, c->spec, fr->block, fr->row, runs);
  if (blanks_fit)
    readings = 2;
  else if (formatted)
    {
      parts = g_ptr_array_new_with_free_func (g_free);
      for (guint k = 0; k < runs->len; k++)
        g_ptr_array_add (parts, g_strdup (runs->pdata[k]));
    }
  else
    parts = gk_glued_split (set, c->tpl->id, c->spec, fr->block, fr->row, runs, &readings);
  if (parts)
    parts_show_placeholders (parts, runs, shown_as);
  if (!cells)
    return parts ? ncols : have;
  if (row_printed_glued (row, glued_run, runs->len, ncols) && (parts || readings > 0))
    for (guint k = 0; k < ncols; k++)
      g_hash_table_add (c->glued_keys, gk_template_key (c->spec, fr->row, fr->block->columns->pdata[k]));
  g_autoptr (GString) joined = g_string_new (NULL);
  for (guint k = 0; k < runs->len; k++)
    g_string_append_printf (joined, "%s%s", k ? " " : "", (const char *) runs->pdata[k]);
  int page = row->label_src.page;
  if (!parts && readings == 2 && !blanks_fit)
    {
      GPtrArray *all = gk_glued_readings (set, c->tpl->id, c->spec, fr->block, fr->row, runs, GLUED_READINGS_MAX);
      for (guint q = 0; all && q < all->len; q++)
        parts_show_placeholders (all->pdata[q], runs, shown_as);
      if (all)
        {
          GluedRow *g = g_new0 (GluedRow, 1);
          g->block = fr->block;
          g->row = fr->row;
          g->readings = all;
          g->shown = g_strdup (joined->str);
          g->src = row->label_src;
          g->page = page;
          g_ptr_array_add (c->split_later, g);
          return have;   /* its warning when the section is read (split_by_section_identities) */
        }
    }
  if (!parts)
    {
      warn_cells_glued (c, page, fr->row->label, joined->str, readings, blanks_fit);
      return have;
    }
  g_ptr_array_set_size (cells, 0);
  for (guint k = 0; k < row->cells->len; k++)
    g_hash_table_add (c->split_runs, row->cells->pdata[k]);
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

/* Running text, not a table's label: a sentence's punctuation in more
 * characters than a template label has (the longest, （二）部分公开（区分处理的，
 * 只计这一情形，不计其他情形）, is 28). */
static gboolean
label_is_prose (const char *key)
{
  return strstr (key, "。") || strstr (key, "；")
         || (strstr (key, "，") && g_utf8_strlen (key, -1) > PROSE_MIN_CHARS);
}

/* Whether text is a column's header, whole ("其他", "总计"): a column
 * printed apart, its head above its numbers, names no row though a row's
 * label ends in the same words ("3.其他", "（七）总计"). */
static gboolean
text_is_column_header (const GkTplSection *spec, const char *text)
{
  gsize len = strlen (text);
  for (guint b = 0; len && b < spec->blocks->len; b++)
    {
      const GkTplBlock *blk = spec->blocks->pdata[b];
      for (guint k = 0; k < blk->columns->len; k++)
        {
          const GkRegex *re = ((const GkTplColumn *) blk->columns->pdata[k])->pattern;
          gsize s, e;
          if (re && gk_regex_search (re, text, 0, &s, &e) && s == 0 && e == len)
            return TRUE;
        }
    }
  return FALSE;
}

static void split_by_section_identities (const GkTemplateSet *set, Candidate *c);

static Candidate *
match_section (const GkTemplateSet *set, const GkTemplate *tpl, const GkTplSection *spec,
               const GPtrArray *rows, guint lo, guint hi)
{
  Candidate *c = g_new0 (Candidate, 1);
  c->tpl = tpl;
  c->spec = spec;
  c->last_row = -1;
  c->assigned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->rows_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_warning_free);
  c->owned_cells = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_cell_free);
  c->split_runs = g_hash_table_new (NULL, NULL);
  c->glued_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->split_later = g_ptr_array_new_with_free_func ((GDestroyNotify) glued_row_free);

  g_autoptr (GArray) flat = flatten (spec);
  g_autofree gboolean *used = g_new0 (gboolean, flat->len + 1);
  guint pos = 0;
  g_autoptr (GString) pending = g_string_new (NULL);
  g_autoptr (GString) all_text = g_string_new (NULL);   /* header text of the whole section */
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));   /* label block rows */

  for (guint i = lo; i < hi; i++)
    {
      GkRow *row = rows->pdata[i];
      g_autofree char *key = gk_text_label_key (row->label);
      g_string_append (all_text, key);
      /* a label ending in digits may be a row whose cells ran into it */
      g_autofree char *glued_run = gk_glued_trailing_run (key);
      if ((row->cells->len == 0 || glued_run) && label_is_prose (key))
        {
          /* a sentence is no label: its words do not name the next row
           * (…行政许可类信息145条… / …信息数为121 is no 行政许可 row) */
          g_string_truncate (pending, 0);
          continue;
        }
      if (row->cells->len == 0 && !glued_run)
        {
          g_string_append (pending, key);
          continue;
        }
      g_autofree char *text = g_strconcat (pending->str, key, NULL);
      if (glued_run)
        text[strlen (text) - strlen (glued_run)] = '\0';
      if (text_is_column_header (spec, text))
        text[0] = '\0';

      int best = -1;
      int best_fit = -1, best_fwd = -1;
      gsize best_end = 0;
      gboolean from_block = FALSE;
      if (*key)
        g_array_set_size (queue, 0);
      else if (queue->len == 0 && pending->len)
        {
          find_label_block (flat, used, pending->str, queue);
          /* a block's number rows, in order, are its rows only where they
           * are as many: more or fewer, and which are whose is a guess */
          if (queue->len && number_rows_from (rows, i, hi) != queue->len)
            g_array_set_size (queue, 0);
          if (queue->len)
            candidate_warn (c, "label_block", row_page (row),
                            "%u row labels printed before their numbers; rows paired in order", queue->len);
        }
      if (!*key && queue->len)
        {
          guint f = g_array_index (queue, guint, 0);
          g_array_remove_index (queue, 0);
          FlatRow *fr = &g_array_index (flat, FlatRow, f);
          if (!used[f] && effective_cells (row->cells, fr->block->columns->len) == fr->block->columns->len)
            best = (int) f, best_fit = 1, from_block = TRUE;
          else
            g_array_set_size (queue, 0);   /* the block does not line up: back to matching by label */
        }

      /* Pick the template row: fitting cell count first, then a row not yet
       * passed, then the match ending nearest the label's end. */
      for (guint f = 0; f < flat->len && !from_block; f++)
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
          /* cells wrapped onto following lines (one number per line, table 四 in rows of five) */
          if (!fit && have < ncols)
            fit = gather_cells (rows, i, hi, ncols, flat, f, NULL, NULL) == ncols;
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
      /* A bare number that fits no row (a page number pdftotext left between
       * the halves of a wrapped label) must not take the label from its row. */
      if ((best < 0 || best_fit == 0) && *key == '\0' && row->cells->len <= STRAY_MAX_CELLS
          && !(best >= 0 && split_glued_row (set, c, &g_array_index (flat, FlatRow, best), row, NULL, NULL, 0)))
        {
          candidate_warn (c, "stray_number", row_page (row),
                          "a number “%s” with no label fits no table row; ignored",
                          ((GkCell *) row->cells->pdata[0])->raw);
          continue;
        }
      guint split_end = i;   /* the last row of a row broken by a page */
      guint split_figures = i;
      if (best < 0)
        {
          best = page_split_row (rows, i, hi, flat, used, text, &split_figures, &split_end);
          if (best >= 0)
            {
              candidate_warn (c, "row_split_by_page", row_page (row),
                              "row “%s” runs over a page break; its two parts read as one row",
                              g_array_index (flat, FlatRow, best).row->label);
              i = split_figures;
              row = rows->pdata[i];
            }
        }
      if (best < 0)
        {
          double ratio = 0;
          best = fuzzy_row (flat, used, text, effective_cells (row->cells, G_MAXUINT), &ratio);
          if (best >= 0)
            candidate_warn (c, "label_fuzzy", row_page (row),
                            "row label “%s” read as “%s” (%.0f%% of its characters)", text,
                            g_array_index (flat, FlatRow, best).row->label, ratio * 100);
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
      guint last = i;
      guint have = gather_cells (rows, i, hi, ncols, flat, (guint) best, cells, &last);
      if (have != ncols)
        {
          /* no clean continuation: the row keeps its own cells only */
          g_ptr_array_set_size (cells, 0);
          for (guint k = 0; k < row->cells->len; k++)
            g_ptr_array_add (cells, row->cells->pdata[k]);
          have = effective_cells (cells, ncols);
          last = i;
        }
      i = MAX (last, split_end);
      if (have != ncols)
        have = split_glued_row (set, c, fr, row, glued_run, cells, have);
      /* a row whose cells did not fit stays open for a clean reading later */
      used[best] = have == ncols;
      pos = (guint) best + 1;
      assign_row (c, fr, cells, have, all_text->str, row_page (row));
      if (have == ncols)
        c->fitted_rows++;
      c->last_row = (int) last;
      g_string_truncate (pending, 0);
    }
  GHashTableIter it;
  gpointer k, v;
  split_by_section_identities (set, c);
  g_hash_table_iter_init (&it, c->rows_seen);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      RowState *st = v;
      if (!st->fitted)
        candidate_warn (c, "cells_mismatch", st->page,
                        "row “%s” has %u cells where the template has %u columns; its values are left null",
                        st->row->label, st->ncells, st->ncols);
    }
  c->markers = count_markers (spec, all_text->str);
  c->score = c->fitted_rows * FIT_WEIGHT + c->markers * MARKER_WEIGHT
             + (int) g_hash_table_size (c->rows_seen) * MATCH_WEIGHT;
  return c;
}

/* The last table of a text dump may run past the heading that follows it:
 * pdftotext prints a page's lines in its own order, and the heading 五、…
 * set beside the table's last row lands before that row's cells.  The
 * decoder reads on past such an end heading through the lines that still
 * look like table text (cells, short header words) and stops at the first
 * line of prose or at any other heading. */
static gboolean is_end_heading (const GkTemplateSet *set, const char *label_key);

static guint
table_tail_end (const GkTemplateSet *set, const GPtrArray *rows, guint hi)
{
  if (hi >= rows->len)
    return hi;
  g_autofree char *head = gk_text_label_key (((GkRow *) rows->pdata[hi])->label);
  if (!is_end_heading (set, head))
    return hi;
  guint end = hi + 1;
  for (; end < rows->len; end++)
    {
      g_autofree char *key = gk_text_label_key (((GkRow *) rows->pdata[end])->label);
      if (is_end_heading (set, key) || g_utf8_strlen (key, -1) > TABLE_TAIL_MAX_CHARS
          || strpbrk (key, ",;:") || strstr (key, "。"))
        break;
    }
  return end;
}

/* The grid's cells as a candidate reading holds them (NULL: not read). */
static const GkCell **
candidate_cells (const Candidate *c, const GkGrid *grid)
{
  const GkCell **cells = g_new0 (const GkCell *, gk_grid_size (grid));
  for (guint i = 0; i < gk_grid_size (grid); i++)
    {
      const Assignment *a = g_hash_table_lookup (c->assigned, gk_grid_key (grid, i));
      cells[i] = a ? a->cell : NULL;
    }
  return cells;
}

/* The grid index of the cell of canonical key key, G_MAXUINT if none. */
static guint
grid_index_of (const GkGrid *grid, const char *key)
{
  for (guint i = 0; i < gk_grid_size (grid); i++)
    if (strcmp (gk_grid_key (grid, i), key) == 0)
      return i;
  return G_MAXUINT;
}

/* The grid index of each of a glued row's columns (G_MAXUINT: none). */
static guint *
glued_row_indexes (const Candidate *c, const GkGrid *grid, const GluedRow *g)
{
  guint ncols = g->block->columns->len;
  guint *at = g_new (guint, ncols);
  for (guint k = 0; k < ncols; k++)
    {
      g_autofree char *key = gk_template_key (c->spec, g->row, g->block->columns->pdata[k]);
      at[k] = grid_index_of (grid, key);
    }
  return at;
}

/* Reads the cells of glued row g that every reading in mask (a bit per
 * reading) gives alike, all of them where mask holds one reading; shown
 * gets the row as read, "?" where the readings differ.  How many cells
 * were read. */
static guint
read_glued_cells (Candidate *c, const GluedRow *g, guint64 mask, GString *shown)
{
  guint ncols = g->block->columns->len, nread = 0;
  for (guint k = 0; k < ncols; k++)
    {
      const char *text = NULL;
      gboolean agree = TRUE;
      for (guint j = 0; j < g->readings->len && agree; j++)
        if (mask >> j & 1)
          {
            const char *t = ((const GPtrArray *) g->readings->pdata[j])->pdata[k];
            agree = !text || strcmp (text, t) == 0;
            text = t;
          }
      g_string_append_printf (shown, "%s%s", k ? " | " : "", agree && text ? text : "?");
      if (!agree || !text)
        continue;
      GkCell *cell = gk_cell_new (text, &g->src);
      g_ptr_array_add (c->owned_cells, cell);   /* the candidate keeps the cells it reads */
      GkTplColumn *col = g->block->columns->pdata[k];
      Assignment *a = g_new0 (Assignment, 1);
      a->type = col->type;
      a->cell = cell;
      g_hash_table_replace (c->assigned, gk_template_key (c->spec, g->row, col), a);
      nread++;
    }
  return nread;
}

/* Rows whose runs several splits fit (split_glued_row kept their readings):
 * the one combination of their readings under which the section takes no
 * more misprints than it takes without them (every identity across rows
 * they complete holds, or breaks only where it broke already) is read;
 * of several, what they give alike (where one reading of a row is in all,
 * that reading); of none, what the row's own readings give alike. */
static void
split_by_section_identities (const GkTemplateSet *set, Candidate *c)
{
  guint nrows = c->split_later->len;
  if (!nrows)
    return;
  g_autoptr (GkGrid) grid = gk_grid_new (set, c->tpl, c->spec);
  g_autofree const GkCell **cells = candidate_cells (c, grid);
  /* the readings' cells, while they are tried */
  g_autoptr (GPtrArray) tried = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_cell_free);
  g_autoptr (GPtrArray) at = g_ptr_array_new_with_free_func (g_free);   /* guint* per row */
  g_autoptr (GPtrArray) row_cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint64 combinations = 1;
  for (guint r = 0; r < nrows; r++)
    {
      const GluedRow *g = c->split_later->pdata[r];
      g_ptr_array_add (at, glued_row_indexes (c, grid, g));
      GPtrArray *rc = g_ptr_array_new ();   /* GkCell* per reading and column, reading-major */
      for (guint j = 0; j < g->readings->len; j++)
        {
          const GPtrArray *texts = g->readings->pdata[j];
          for (guint k = 0; k < texts->len; k++)
            {
              GkCell *cell = gk_cell_new (texts->pdata[k], &g->src);
              g_ptr_array_add (tried, cell);
              g_ptr_array_add (rc, cell);
            }
        }
      g_ptr_array_add (row_cells, rc);
      combinations *= g->readings->len;
    }
  g_autofree guint *pick = g_new0 (guint, nrows);
  g_autofree guint64 *fitting = g_new0 (guint64, nrows);   /* per row: its readings in some fitting combination */
  gboolean any_fits = FALSE;
  if (combinations <= GLUED_COMBINATIONS_MAX)
    {
      guint base = gk_grid_misprints (grid, cells, NULL, NULL);
      for (guint64 n = 0; n < combinations; n++)
        {
          for (guint r = 0; r < nrows; r++)
            {
              const GluedRow *g = c->split_later->pdata[r];
              const guint *idx = at->pdata[r];
              guint ncols = g->block->columns->len;
              const GPtrArray *rc = row_cells->pdata[r];
              for (guint k = 0; k < ncols; k++)
                if (idx[k] != G_MAXUINT)
                  cells[idx[k]] = rc->pdata[pick[r] * ncols + k];
            }
          if (gk_grid_misprints (grid, cells, NULL, NULL) <= base)
            {
              any_fits = TRUE;
              for (guint r = 0; r < nrows; r++)
                fitting[r] |= 1ull << pick[r];
            }
          for (guint r = 0; r < nrows && ++pick[r] == ((GluedRow *) c->split_later->pdata[r])->readings->len; r++)
            pick[r] = 0;   /* the next combination, as an odometer turns */
        }
    }
  for (guint r = 0; r < nrows; r++)
    {
      const GluedRow *g = c->split_later->pdata[r];
      /* no combination fits (a published error, or too many to try): each
       * of the row's own readings is as good as another */
      guint64 mask = any_fits ? fitting[r] : G_MAXUINT64 >> (64 - g->readings->len);
      g_autoptr (GString) shown = g_string_new (NULL);
      guint nread = read_glued_cells (c, g, mask, shown);
      if (mask & (mask - 1))
        {
          if (nread == 0)
            warn_cells_glued (c, g->page, g->row->label, g->shown, 2, FALSE);
          else
            candidate_warn (c, "cells_glued", g->page,
                            "row “%s”: cells run together (“%s”) and several splits satisfy the template; read as %s, "
                            "the cells every split gives alike (? left null)",
                            g->row->label, g->shown, shown->str);
          continue;
        }
      guint ncols = g->block->columns->len;
      g_autofree char *rowkey = g_strdup_printf ("%s.%s", c->spec->key, g->row->key);
      RowState *st = g_hash_table_lookup (c->rows_seen, rowkey);
      if (st && !st->fitted)
        {
          st->fitted = TRUE;
          st->ncells = ncols;
          c->fitted_rows++;
        }
      candidate_warn (c, "cells_split", g->page,
                      "row “%s”: cells run together (“%s”) read as %s, the only split the section's identities allow",
                      g->row->label, g->shown, shown->str);
    }
}

/* How much a reading of a section is worth: cells read, less a row's worth
 * of cells for each misprint it takes to explain its broken identities (a
 * misplaced row breaks sums a misprint would not), less the numbers it
 * leaves out. */
static int
reading_worth (const GkGrid *grid, const GkCell *const *cells, guint unused)
{
  guint placed = 0;
  guint misprints = gk_grid_misprints (grid, cells, &placed, NULL);
  return (int) placed - READING_BROKEN_WEIGHT * (int) misprints - (int) unused;
}

/* A reading that takes more misprints than a table holds is doubtful in the
 * rows of those misprints: their cells are not read. */
/* The cells which marks are not read: each its assignment cleared, one
 * ambiguous_placement warning saying why ("N个数字" + why). */
static void
drop_cells (Candidate *c, const GkGrid *grid, const GkCell **cells, const gboolean *which, const char *why)
{
  guint n = gk_grid_size (grid), dropped = 0;
  int page = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!which[i] || !cells[i])
        continue;
      Assignment *a = g_hash_table_lookup (c->assigned, gk_grid_key (grid, i));
      if (a)
        a->cell = NULL;
      if (!page)
        page = cells[i]->src.page;
      cells[i] = NULL;
      dropped++;
    }
  if (dropped)
    candidate_warn (c, "ambiguous_placement", page, "%u个数字%s，其值为 null", dropped, why);
}

static void
drop_doubted_rows (Candidate *c, const GkGrid *grid, const GkCell **cells)
{
  g_autofree gboolean *doubted = g_new0 (gboolean, gk_grid_size (grid));
  gk_grid_misprints (grid, cells, NULL, doubted);
  drop_cells (c, grid, cells, doubted, "所在行的排列无法与表格的勾稽关系相容（须假定多处印刷错误）");
}

/* Where the decoder finds no placement near a table's layout, the numbers
 * came in an order neither reading knows: a row of the row reading stands
 * only when all its cells were printed on one line. */
static void
drop_rows_off_their_line (Candidate *c, const GkGrid *grid, const GkCell **cells)
{
  guint n = gk_grid_size (grid);
  /* decided over the whole reading first: a row is judged on all its cells */
  g_autofree gboolean *off = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n && cells[i] && !off[i]; j++)
      off[i] = j != i && cells[j] && gk_grid_row (grid, j) == gk_grid_row (grid, i)
               && cells[j]->src.line != cells[i]->src.line;
  drop_cells (c, grid, cells, off, "的排列无法确定（表格的数字次序与已知排列均不符）");
}

/* The row reading is one placement of the stream the decoder read: a cell
 * a row's total printed after the next row's parts fills otherwise (the
 * decoder's two_ways) is not read by the row reading either. */
static void
drop_cells_placed_two_ways (Candidate *c, const GkGrid *grid, const GkDecoded *dec, const GkCell **cells)
{
  drop_cells (c, grid, cells, dec->two_ways, "无法确定所在单元格（多种排列同样符合表格）");
}

/* Whether rows [lo, hi) name the section's table: two of its template rows'
 * labels stand there (its one row, for a table of one), a sentence's words
 * not counted. */
static gboolean
section_names_table (const GkTplSection *spec, const GPtrArray *rows, guint lo, guint hi)
{
  g_autoptr (GArray) flat = flatten (spec);
  g_autoptr (GString) labels = g_string_new (NULL);
  for (guint i = lo; i < hi; i++)
    {
      g_autofree char *key = gk_text_label_key (((GkRow *) rows->pdata[i])->label);
      if (!label_is_prose (key))
        g_string_append_printf (labels, "%s\n", key);
    }
  /* the rows named are counted until there are enough */
  guint named = 0, enough = MIN (DECODE_MIN_ROWS_NAMED, flat->len);
  for (guint f = 0; f < flat->len && named < enough; f++)
    named += gk_regex_search (g_array_index (flat, FlatRow, f).row->pattern, labels->str, 0, NULL, NULL);
  return named >= enough;
}

/* Whether some label of rows [lo, hi) names a row of spec by its words (a
 * pattern's match of some text; table 四's pattern also takes a row of no
 * label, which names nothing). */
static gboolean
span_names_a_row (const GkTplSection *spec, const GPtrArray *rows, guint lo, guint hi)
{
  g_autoptr (GArray) flat = flatten (spec);
  for (guint i = lo; i < hi; i++)
    {
      g_autofree char *key = gk_text_label_key (((GkRow *) rows->pdata[i])->label);
      gsize s, e;
      for (guint f = 0; *key && f < flat->len; f++)
        if (gk_regex_search (g_array_index (flat, FlatRow, f).row->pattern, key, 0, &s, &e) && e > s)
          return TRUE;
    }
  return FALSE;
}

/* reading_worth of the rows' own reading (mine, the candidate's cells of
 * rows [lo, hi)) against the decoder's dec: the cells it would read in an
 * order the decoder found not the print's (it read them otherwise, the two
 * ways told apart) are no worth of it. */
static int
row_reading_worth (const GkGrid *grid, const GkDecoded *dec, const GPtrArray *rows, guint lo, guint hi,
                   const GkCell **mine, GHashTable *split_runs)
{
  guint n = gk_grid_size (grid);
  /* a run of digits the row reading split into its row's cells is used */
  g_autoptr (GPtrArray) used = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (used, (gpointer) mine[i]);
  GHashTableIter it;
  gpointer run;
  g_hash_table_iter_init (&it, split_runs);
  while (g_hash_table_iter_next (&it, &run, NULL))
    g_ptr_array_add (used, run);
  guint unused = gk_decode_tokens_unused (rows, lo, hi, (const GkCell *const *) used->pdata, used->len);
  g_autofree const GkCell **sure = g_memdup2 (mine, MAX (n, 1) * sizeof (GkCell *));
  for (guint i = 0; i < n; i++)
    if (dec->two_ways[i] && dec->cells[i])
      sure[i] = NULL;
  return reading_worth (grid, sure, unused);
}

/* Whether a cell reads 0 (printed 0, a placeholder, or blank). */
static gboolean
cell_reads_zero (const GkCell *cell)
{
  GkNumber num = gk_number_parse (cell->raw, GK_COLUMN_COUNT);
  return (num.kind == GK_NUMBER_INT && num.i == 0) || num.kind == GK_NUMBER_PLACEHOLDER || num.kind == GK_NUMBER_BLANK;
}

/* A text dump's section read again by the decoder (decode.h); its placement
 * replaces the row-by-row reading when it is worth more.  done (taken; may
 * be NULL) is the decoder's reading when it was made already. */
static void
decode_text_section (const GkTemplateSet *set, Candidate *c, const GPtrArray *rows, guint lo, guint hi,
                     const GkDecodeExtent *ext, GkDecoded *done)
{
  g_autoptr (GkDecoded) dec = done;
  /* a stream is laid on the grid only where the section shows the table by
   * its row names: one row named (an old statistics table's 行政复议数, a
   * sentence's 行政许可类信息) is no table to place numbers in */
  if (!section_names_table (c->spec, rows, lo, hi))
    return;
  g_autoptr (GkGrid) grid = gk_grid_new (set, c->tpl, c->spec);
  if (!dec)
    dec = gk_decode_section (grid, rows, lo, hi, ext);
  if (!dec)
    return;
  g_autofree const GkCell **mine = candidate_cells (c, grid);
  guint n = gk_grid_size (grid);
  /* a table of zeros: the row reading's zeros say where they were printed,
   * the decoder's fill the cells it did not place */
  for (guint i = 0; i < n && dec->zero_table; i++)
    if (mine[i] && cell_reads_zero (mine[i]))
      dec->cells[i] = mine[i];
  if (!dec->by_labels && !dec->zero_table && (dec->skipped > DECODE_MAX_SKIPPED
      || reading_worth (grid, dec->cells, dec->skipped) <= row_reading_worth (grid, dec, rows, lo, hi, mine, c->split_runs)))
    {
      if (dec->unplaceable)
        drop_rows_off_their_line (c, grid, mine);
      else
        drop_cells_placed_two_ways (c, grid, dec, mine);
      drop_doubted_rows (c, grid, mine);
      return;
    }
  /* cells the row reading split out of a label ("规范性文件121230") are no
   * token the decoder saw: where it has nothing to say of them they stay */
  g_autoptr (GHashTable) tokens = g_hash_table_new (NULL, NULL);
  for (guint i = lo; i < hi; i++)
    for (guint k = 0; k < ((GkRow *) rows->pdata[i])->cells->len; k++)
      g_hash_table_add (tokens, ((GkRow *) rows->pdata[i])->cells->pdata[k]);
  g_autoptr (GHashTable) assigned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean kept_glued = FALSE;
  for (guint i = 0; i < n; i++)
    {
      /* a grid row the decoder says nothing of, read by the row reading
       * with cells split out of its label, keeps that reading */
      guint row = gk_grid_row (grid, i);
      gboolean dec_says = FALSE, split = FALSE, dec_reads_run = FALSE;
      for (guint j = 0; j < n; j++)
        if (gk_grid_row (grid, j) == row)
          {
            dec_says |= dec->cells[j] != NULL || dec->ambiguous[j];
            split |= mine[j] && !g_hash_table_contains (tokens, mine[j]);
            dec_reads_run |= dec->cells[j] && g_hash_table_contains (c->split_runs, dec->cells[j]);
          }
      const Assignment *old = g_hash_table_lookup (c->assigned, gk_grid_key (grid, i));
      Assignment *a = g_new0 (Assignment, 1);
      a->type = gk_grid_type (grid, i);
      a->cell = dec->cells[i];
      a->unit_hint = old ? old->unit_hint : NULL;
      if (!dec_says && split)
        a->cell = mine[i], kept_glued = TRUE;
      /* a row printed with its cells run together is the row reading's: its
       * digits are one token to the decoder, or none (run into the label),
       * so the decoder's blanks there are no blanks; and a run the row
       * reading split is no one number of another row */
      if (g_hash_table_contains (c->glued_keys, gk_grid_key (grid, i)))
        {
          a->cell = mine[i];
          kept_glued = TRUE;
        }
      else if (dec_reads_run)
        a->cell = NULL;
      g_hash_table_replace (assigned, g_strdup (gk_grid_key (grid, i)), a);
    }
  for (guint i = 0; i < n; i++)
    dec->cells[i] = ((Assignment *) g_hash_table_lookup (assigned, gk_grid_key (grid, i)))->cell;
  g_hash_table_remove_all (c->assigned);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, assigned);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      g_hash_table_iter_steal (&it);
      g_hash_table_replace (c->assigned, k, v);
    }
  g_hash_table_remove_all (c->rows_seen);
  /* the row reading's warnings go, but for the cells it split out and kept */
  for (guint w = c->warnings->len; w-- > 0;)
    {
      const GkWarning *warn = c->warnings->pdata[w];
      if (!kept_glued || (strcmp (warn->code, "cells_glued") != 0 && strcmp (warn->code, "cells_split") != 0))
        g_ptr_array_remove_index (c->warnings, w);
    }
  for (guint b = 0; b < c->spec->blocks->len; b++)
    {
      GkTplBlock *blk = c->spec->blocks->pdata[b];
      for (guint r = 0; r < blk->rows->len; r++)
        {
          GkTplRow *row = blk->rows->pdata[r];
          gboolean any = FALSE;
          for (guint k = 0; k < blk->columns->len && !any; k++)
            {
              g_autofree char *key = gk_template_key (c->spec, row, blk->columns->pdata[k]);
              guint ix = grid_index_of (grid, key);
              /* a row whose cells ran together was found, read or not */
              any = ix != G_MAXUINT && (dec->cells[ix] || dec->ambiguous[ix] || g_hash_table_contains (c->glued_keys, key));
            }
          if (!any)
            continue;
          RowState *st = g_new0 (RowState, 1);
          st->row = row;
          st->fitted = TRUE;
          st->ncols = st->ncells = blk->columns->len;
          g_hash_table_insert (c->rows_seen, g_strdup_printf ("%s.%s", c->spec->key, row->key), st);
        }
    }
  for (guint w = 0; w < dec->warnings->len; w++)
    {
      GkWarning *src = dec->warnings->pdata[w];
      g_ptr_array_add (c->warnings, gk_warning_new (src->code, src->page, "%s", src->message));
    }
  while (dec->owned->len)
    g_ptr_array_add (c->owned_cells, g_ptr_array_steal_index (dec->owned, 0));
}

/* What a decoder's reading of a section is worth (none: nothing). */
static int
decoded_worth (const GkGrid *grid, const GkDecoded *dec)
{
  return dec ? reading_worth (grid, dec->cells, dec->skipped) : 0;
}

/* Whether the decoder's reading fills the grid, every number placed and
 * every identity holding. */
static gboolean
decoded_whole (const GkGrid *grid, const GkDecoded *dec)
{
  return dec && decoded_worth (grid, dec) == (int) gk_grid_size (grid);
}

/* The previous table's reading with tail (the numbers it misses, in the
 * order printed) given back: where it then reads more, every number placed,
 * its grid filled and every identity holding, and this section (with its
 * rows printed before its heading, lead) reads as well without them, the
 * previous table is read again with them; returns the cells given back and
 * *rest this section's reading without them, or NULL. */
static GHashTable *
give_back_cells (const GkTemplateSet *set, Candidate *prev, const GkGrid *pgrid, guint plo, guint phi,
                 const Candidate *next, guint nlo, guint nhi, const GkDecodeExtent *lead, const GPtrArray *rows,
                 const GPtrArray *tail, GkDecoded **rest_out)
{
  g_autoptr (GHashTable) take = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < tail->len; k++)
    g_hash_table_add (take, tail->pdata[k]);
  GkDecodeExtent with_tail = { nhi, take, NULL };
  g_autoptr (GkDecoded) with = gk_decode_section (pgrid, rows, plo, phi, &with_tail);
  g_autofree const GkCell **mine = candidate_cells (prev, pgrid);
  guint unused = gk_decode_tokens_unused (rows, plo, phi, mine, gk_grid_size (pgrid));
  if (with && gk_decode_debugging ())
    g_printerr ("give back: by_labels %d skipped %u misprints %u/%u unplaceable %d worth %d vs %d\n", with->by_labels,
                with->skipped, with->misprints, gk_grid_misprints (pgrid, with->cells, NULL, NULL), with->unplaceable,
                decoded_worth (pgrid, with), reading_worth (pgrid, mine, unused));
  /* a reading no placement of steps explains (strips, a corner) counts only
   * where it fills the whole grid */
  if (!with || with->by_labels || with->skipped || with->misprints
      || gk_grid_misprints (pgrid, with->cells, NULL, NULL)
      || (with->unplaceable && decoded_worth (pgrid, with) < (int) gk_grid_size (pgrid))
      || decoded_worth (pgrid, with) <= reading_worth (pgrid, mine, unused))
    return NULL;
  g_autoptr (GkGrid) ngrid = gk_grid_new (set, next->tpl, next->spec);
  GkDecodeExtent without = { 0, NULL, take, lead->lead_lo, lead->lead_hi };
  g_autoptr (GkDecoded) rest = gk_decode_section (ngrid, rows, nlo, nhi, &without);
  /* no reading is worth more than its grid's cells: without them the next
   * table read whole, it need not be read with them (decoded_whole) */
  if (!decoded_whole (ngrid, rest))
    {
      g_autoptr (GkDecoded) all = gk_decode_section (ngrid, rows, nlo, nhi, lead);
      if (gk_decode_debugging ())
        g_printerr ("give back: next table worth %d without them, %d with\n", decoded_worth (ngrid, rest),
                    decoded_worth (ngrid, all));
      if (decoded_worth (ngrid, rest) < decoded_worth (ngrid, all))
        return NULL;
    }
  else if (gk_decode_debugging ())
    g_printerr ("give back: next table read whole without them\n");
  decode_text_section (set, prev, rows, plo, phi, &with_tail, g_steal_pointer (&with));
  *rest_out = g_steal_pointer (&rest);
  return g_steal_pointer (&take);
}

/* How many numbers the rows [lo, hi) print fewer than grid's cells. */
static guint
numbers_missing (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi)
{
  guint numbers = gk_decode_tokens_unused (rows, lo, hi, NULL, 0);
  return gk_grid_size (grid) > numbers ? gk_grid_size (grid) - numbers : 0;
}

/* The previous table's numbers that pdftotext printed after this section's
 * heading (row head: phi, or after this table's lead) go back to it where
 * nothing else claims them (give_back_cells): those right after the heading
 * (gk_decode_trailing_cells), the first as many as it misses; else those
 * printed apart from this table's header blocks (gk_decode_apart_cells),
 * where they are exactly as many. */
static GHashTable *
give_back_trailing (const GkTemplateSet *set, Candidate *prev, guint plo, guint phi, guint head,
                    const Candidate *next, guint nlo, guint nhi, const GkDecodeExtent *lead, const GPtrArray *rows,
                    GkDecoded **rest_out)
{
  *rest_out = NULL;
  if (!section_names_table (prev->spec, rows, plo, phi))
    return NULL;
  g_autoptr (GkGrid) pgrid = gk_grid_new (set, prev->tpl, prev->spec);
  g_autoptr (GPtrArray) tail = gk_decode_trailing_cells (pgrid, rows, head, nhi);
  guint missing = numbers_missing (pgrid, rows, plo, phi);
  if (gk_decode_debugging ())
    g_printerr ("trailing %s: %u numbers after the next heading, %u missed\n", prev->spec->key, tail->len, missing);
  if (!missing)
    return NULL;
  GHashTable *taken = NULL;
  if (tail->len >= missing)
    {
      g_ptr_array_set_size (tail, missing);
      taken = give_back_cells (set, prev, pgrid, plo, phi, next, nlo, nhi, lead, rows, tail, rest_out);
    }
  g_autoptr (GPtrArray) apart = taken ? NULL : gk_decode_apart_cells (rows, head, nhi);
  if (apart && gk_decode_debugging ())
    g_printerr ("trailing %s: %u numbers printed apart\n", prev->spec->key, apart->len);
  if (apart && apart->len == missing)
    taken = give_back_cells (set, prev, pgrid, plo, phi, next, nlo, nhi, lead, rows, apart, rest_out);
  return taken;
}

/* The previous table's numbers printed after this section's heading
 * (gk_decode_trailing_cells), as many as it misses, where its reading
 * cannot take them back (give_back_trailing) but this section holds that
 * many numbers more than its grid's cells: they are no cell of this table
 * either (nor of the previous one for certain), and are left out of it.
 * NULL when they are not so. */
static GHashTable *
trailing_not_ours (const GkTemplateSet *set, const Candidate *prev, guint plo, guint phi, guint head,
                   const Candidate *next, guint nlo, guint nhi, const GkDecodeExtent *lead, const GPtrArray *rows)
{
  if (!section_names_table (prev->spec, rows, plo, phi))
    return NULL;
  g_autoptr (GkGrid) pgrid = gk_grid_new (set, prev->tpl, prev->spec);
  g_autoptr (GkGrid) ngrid = gk_grid_new (set, next->tpl, next->spec);
  g_autoptr (GPtrArray) tail = gk_decode_trailing_cells (pgrid, rows, head, nhi);
  guint missing = numbers_missing (pgrid, rows, plo, phi);
  guint numbers = gk_decode_tokens_unused (rows, nlo, nhi, NULL, 0)
                  + gk_decode_tokens_unused (rows, lead->lead_lo, lead->lead_hi, NULL, 0);
  if (!missing || tail->len < missing || numbers != gk_grid_size (ngrid) + missing)
    return NULL;
  GHashTable *leave = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < missing; k++)
    g_hash_table_add (leave, tail->pdata[k]);
  return leave;
}

/* Whether the rows pdftotext printed before the section's heading (ext's
 * lead: the next table's headers and cells, the previous section cut
 * before them) are the table's last columns, set beside its heading: read
 * after the section's own rows they fill its grid, every identity
 * holding, and read first (the order printed) they fill it no other way.
 * *read (taken) is then that reading, the section's with ext. */
static gboolean
lead_read_last (const GkTemplateSet *set, const Candidate *cand, const GPtrArray *rows, guint lo, guint hi,
                const GkDecodeExtent *ext, GkDecoded **read)
{
  g_autoptr (GkGrid) grid = gk_grid_new (set, cand->tpl, cand->spec);
  g_autoptr (GkDecoded) last = gk_decode_section (grid, rows, lo, hi, ext);
  if (!decoded_whole (grid, last))
    return FALSE;
  GkDecodeExtent in_order = { 0, NULL, ext->leave, 0, 0 };
  g_autoptr (GkDecoded) first = gk_decode_section (grid, rows, ext->lead_lo, hi, &in_order);
  for (guint i = 0; decoded_whole (grid, first) && i < gk_grid_size (grid); i++)
    if (strcmp (last->cells[i]->raw, first->cells[i]->raw) != 0)
      return FALSE;
  *read = g_steal_pointer (&last);
  return TRUE;
}

/* Section starts: index of each section's heading row, -1 when absent. */
typedef struct {
  const char *key;
  int start;     /* first row of the table (after its heading), or -1 */
  int stop;      /* row index where the next section or end heading starts */
  int count;     /* heading rows met for this table */
  int heading;   /* row index of the first heading, -1 when absent */
} SectionSpan;

/* Whether some template's section of that key passes the test with key. */
static gboolean
some_section (const GkTemplateSet *set, const char *section_key,
              gboolean (*test) (const GkTplSection *sec, const char *key), const char *key)
{
  for (guint t = 0; t < set->templates->len; t++)
    {
      GkTemplate *tpl = set->templates->pdata[t];
      for (guint s = 0; s < tpl->sections->len; s++)
        {
          GkTplSection *sec = tpl->sections->pdata[s];
          if (strcmp (sec->key, section_key) == 0 && test (sec, key))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
section_heading_is (const GkTplSection *sec, const char *label_key)
{
  return gk_regex_search (sec->heading, label_key, 0, NULL, NULL);
}

static gboolean
heading_matches (const GkTemplateSet *set, const char *section_key, const char *label_key)
{
  return some_section (set, section_key, section_heading_is, label_key);
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

/* Whether key (a label key of a line with no number) is the header of a
 * column group of the section's table: a column's label before its "·"
 * (行政复议, 复议后起诉). */
static gboolean
section_column_group_is (const GkTplSection *sec, const char *key)
{
  if (!*key || g_utf8_strlen (key, -1) > TABLE_TAIL_MAX_CHARS)
    return FALSE;
  for (guint b = 0; b < sec->blocks->len; b++)
    {
      GkTplBlock *blk = sec->blocks->pdata[b];
      for (guint c = 0; c < blk->columns->len; c++)
        {
          const char *label = ((GkTplColumn *) blk->columns->pdata[c])->label;
          const char *dot = strstr (label, "·");
          if (!dot)
            continue;
          g_autofree char *group = g_strndup (label, (gsize) (dot - label));
          g_autofree char *gkey = gk_text_label_key (group);
          if (*gkey && strstr (key, gkey))
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether key names a row of the section's table. */
static gboolean
section_row_named (const GkTplSection *sec, const char *key)
{
  g_autoptr (GArray) flat = flatten (sec);
  for (guint f = 0; f < flat->len; f++)
    if (gk_regex_search (g_array_index (flat, FlatRow, f).row->pattern, key, 0, NULL, NULL))
      return TRUE;
  return FALSE;
}

/* Whether key is the title a column of the section's table prints (what
 * its label says after the group's "·": 结果维持). */
static gboolean
section_column_title_is (const GkTplSection *sec, const char *key)
{
  for (guint b = 0; b < sec->blocks->len; b++)
    {
      GkTplBlock *blk = sec->blocks->pdata[b];
      for (guint c = 0; c < blk->columns->len; c++)
        {
          const char *label = ((GkTplColumn *) blk->columns->pdata[c])->label;
          const char *dot = strstr (label, "·");
          g_autofree char *tkey = gk_text_label_key (dot ? dot + strlen ("·") : label);
          if (*tkey && strcmp (key, tkey) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The word rows from j down print a character a line (a header set
 * vertically: 结/果/维/持), read down; NULL when row j is no such line. */
static char *
vertical_word_at (const GPtrArray *rows, guint j, guint hi)
{
  g_autoptr (GString) word = g_string_new (NULL);
  for (; j < hi; j++)
    {
      const GkRow *row = rows->pdata[j];
      g_autofree char *k = gk_text_label_key (row->label);
      if (row->cells->len || g_utf8_strlen (k, -1) != 1)
        break;
      g_string_append (word, k);
    }
  return word->len ? g_string_free (g_steal_pointer (&word), FALSE) : NULL;
}

/* Whether row j begins a header of the next table's own: a column group's
 * (行政复议, 复议后起诉), or a column's title printed vertically that no
 * column of this table prints (结/果/维/持). */
static gboolean
next_table_header_at (const GkTemplateSet *set, const GPtrArray *rows, guint j, guint hi, const char *key,
                      const char *next_key)
{
  const GkRow *row = rows->pdata[j];
  if (row->cells->len)
    return FALSE;
  g_autofree char *k = gk_text_label_key (row->label);
  if (some_section (set, next_key, section_column_group_is, k))
    return TRUE;
  g_autofree char *word = vertical_word_at (rows, j, hi);
  return word && g_utf8_strlen (word, -1) > 1 && some_section (set, next_key, section_column_title_is, word)
         && !some_section (set, key, section_column_title_is, word);
}

/* pdftotext may print the next table's column-group headers (行政复议,
 * 复议后起诉) and the cells under them before that table's heading: the
 * section [lo, hi) ends at the first such header after which no line
 * names a row of its own table. */
static guint
section_cut_at_next_headers (const GkTemplateSet *set, const GPtrArray *rows, guint lo, guint hi,
                             const char *key, const char *next_key)
{
  guint cut = hi;
  for (guint j = hi; j-- > lo;)
    {
      const GkRow *row = rows->pdata[j];
      g_autofree char *k = gk_text_label_key (row->label);
      if (*k && some_section (set, key, section_row_named, k))
        break;
      if (next_table_header_at (set, rows, j, hi, key, next_key))
        cut = j;
    }
  return cut;
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
  g_autofree char *last_key = NULL;   /* the row before's label, when it has no cells */
  for (guint i = 0; i < n; i++)
    {
      GkRow *row = rows->pdata[i];
      if (row->cells->len)
        {
          g_clear_pointer (&last_key, g_free);
          continue;
        }
      g_autofree char *key = gk_text_label_key (row->label);
      /* a heading on the line after itself is one heading printed twice
       * (a faked bold: its glyphs drawn again a hair apart, which mutool
       * and pdfminer dump as a second line), not a second report's */
      gboolean again = last_key && *key && strcmp (key, last_key) == 0;
      g_free (last_key);
      last_key = g_strdup (key);
      if (!*key || again)
        continue;
      gboolean any = is_end_heading (set, key);
      for (guint s = 0; s < spans->len; s++)
        {
          SectionSpan *sp = &g_array_index (spans, SectionSpan, s);
          if (heading_matches (set, sp->key, key))
            {
              any = TRUE;
              sp->count++;
              /* a flattened page's heading may run into its table's
               * header and cells (四、…情况行政复议…总计21317000001324019):
               * then the table starts on the heading's own row */
              g_autofree char *glued = gk_glued_trailing_run (key);
              if (sp->start < 0)
                sp->start = (int) i + (glued ? 0 : 1), sp->heading = (int) i;
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
          if (mi > sp->heading)
            {
              sp->stop = mi;
              break;
            }
        }
    }
  g_array_unref (marks);
}

/* A count read by OCR as "36.705": a count has no decimals, and a point
 * between groups of three digits is the OCR's reading of a thousands
 * comma.  The reading with commas, or NULL when raw is not so grouped. */
static char *
ocr_grouped_count (const char *raw, GkColumnType type)
{
  if (type == GK_COLUMN_AMOUNT_WAN)
    return NULL;
  const char *p = raw + (*raw == '+' || *raw == '-');
  int lead = 0;
  while (g_ascii_isdigit (p[lead]))
    lead++;
  if (lead < 1 || lead > 3 || p[lead] != '.')
    return NULL;
  for (const char *q = p + lead; *q; q += 4)
    if (q[0] != '.' || !g_ascii_isdigit (q[1]) || !g_ascii_isdigit (q[2]) || !g_ascii_isdigit (q[3]))
      return NULL;
  char *grouped = g_strdup (raw);
  g_strdelimit (grouped, ".", ',');
  return grouped;
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
  if (cell->src.method == GK_METHOD_OCR && cell->src.confidence < OCR_UNREAD_CONFIDENCE && *cell->raw)
    {
      /* the engine itself does not believe this reading: not a value */
      gk_record_set_null (rec, key, &cell->src, cell->raw);
      gk_record_warn (rec, "ocr_unreadable", cell->src.page,
                      "%s：识别结果“%s”置信度仅 %.2f，不作为数值", gk_template_key_label (set, key),
                      cell->raw, cell->src.confidence);
      return;
    }
  GkNumber num = gk_number_parse (cell->raw, a->type);
  g_autofree char *grouped = cell->src.method == GK_METHOD_OCR && num.kind == GK_NUMBER_INVALID
                             ? ocr_grouped_count (cell->raw, a->type) : NULL;
  if (grouped)
    num = gk_number_parse (grouped, a->type);
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

/* Whether a text dump's numbers fill the candidate's grid: as many as its
 * cells (zeros printed), or fewer by as many as pdftotext printed after
 * the next heading (gk_decode_trailing_cells), which go back to it. */
static gboolean
numbers_fill_grid (const GkTemplateSet *set, const GkContent *content, const Candidate *cand, guint lo, guint hi)
{
  guint end = table_tail_end (set, content->rows, hi);
  guint numbers = gk_decode_tokens_unused (content->rows, lo, end, NULL, 0);
  g_autoptr (GkGrid) grid = gk_grid_new (set, cand->tpl, cand->spec);
  guint size = gk_grid_size (grid);
  if (size == numbers)
    return TRUE;
  if (size < numbers || end != hi || hi >= content->rows->len)
    return FALSE;
  g_autoptr (GPtrArray) tail = gk_decode_trailing_cells (grid, content->rows, hi, content->rows->len);
  return tail->len >= size - numbers;
}

/* Whether cand beats best, a candidate of another template the labels
 * like as much.  A text dump's numbers are as many as its grid's cells
 * (zeros printed): where they fill one template's grid and not the other's,
 * that is its grid (a 2021 report keeping 2019's one row of （六）其他处理);
 * else the tie goes to the template already chosen for an earlier table. */
static gboolean
tie_goes_to (const GkTemplateSet *set, const GkContent *content, const Candidate *cand, const Candidate *best,
             guint lo, guint hi, const char *chosen)
{
  if (content->media == GK_MEDIA_TEXT)
    {
      gboolean fits = numbers_fill_grid (set, content, cand, lo, hi);
      gboolean they_fit = numbers_fill_grid (set, content, best, lo, hi);
      if (fits != they_fit)
        return fits;
    }
  return chosen && strcmp (cand->tpl->id, chosen) == 0;
}

/* Whether cand, of the template an earlier table decided (earlier), is
 * the section's rather than best: a text dump's labels may be broken where
 * its numbers are not, and where the numbers (zeros printed) fill cand's
 * grid exactly and not best's, they are cand's table whatever the labels
 * liked. */
static gboolean
fill_earlier_template (const GkTemplateSet *set, const GkContent *content, const Candidate *cand,
                       const Candidate *best, guint lo, guint hi, const char *earlier)
{
  if (content->media != GK_MEDIA_TEXT || !earlier || strcmp (cand->tpl->id, earlier) != 0
      || strcmp (best->tpl->id, earlier) == 0)
    return FALSE;
  return numbers_fill_grid (set, content, cand, lo, hi) && !numbers_fill_grid (set, content, best, lo, hi);
}

/* Whether tpl was issued by the report's year; any template is when none
 * was (a 2018 report printing a national table is read by its shape). */
static gboolean
template_issued_by (const GkTemplateSet *set, const GkTemplate *tpl, int year)
{
  if (!year || tpl->first_year <= year)
    return TRUE;
  for (guint t = 0; t < set->templates->len; t++)
    if (((const GkTemplate *) set->templates->pdata[t])->first_year <= year)
      return FALSE;
  return TRUE;
}

void
gk_match_tables (const GkTemplateSet *set, const GkContent *content, int year, GkRecord *record)
{
  g_autoptr (GPtrArray) keys = section_keys (set);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (SectionSpan));
  for (guint k = 0; k < keys->len; k++)
    {
      SectionSpan sp = { keys->pdata[k], -1, -1, 0, -1 };
      g_array_append_val (spans, sp);
    }
  find_sections (set, content->rows, spans);
  /* every table's heading printed twice: two reports in one file */
  guint sets = G_MAXUINT;
  for (guint s = 0; s < spans->len; s++)
    sets = MIN (sets, (guint) g_array_index (spans, SectionSpan, s).count);
  record->table_sets = spans->len ? sets : 0;

  const char *chosen[8] = { 0 };
  gboolean decisive[8] = { 0 };
  Candidate *bests[8] = { 0 };   /* each table's reading, written once all are read */
  g_autoptr (GPtrArray) unread = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  Candidate *named[8] = { 0 };   /* a table whose section names it, none of its rows read (owned by unread) */
  guint dec_lo[8] = { 0 }, dec_hi[8] = { 0 };   /* the rows each was decoded from */
  guint cut_at[8];   /* where a section was cut before the next table's headers, or G_MAXUINT */
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
      guint uncut = hi;
      if (s + 1 < spans->len && g_array_index (spans, SectionSpan, s + 1).heading == (int) hi)
        hi = section_cut_at_next_headers (set, content->rows, lo, hi, sp->key,
                                          g_array_index (spans, SectionSpan, s + 1).key);
      cut_at[s] = hi < uncut ? hi : G_MAXUINT;
      g_autoptr (Candidate) best = NULL;
      int runner_up = -1;
      for (guint t = 0; t < set->templates->len; t++)
        {
          GkTemplate *tpl = set->templates->pdata[t];
          if (!template_issued_by (set, tpl, year))
            continue;
          for (guint q = 0; q < tpl->sections->len; q++)
            {
              GkTplSection *sec = tpl->sections->pdata[q];
              if (strcmp (sec->key, sp->key) != 0)
                continue;
              Candidate *cand = match_section (set, tpl, sec, content->rows, lo, hi);
              const char *earlier = s > 0 && decisive[0] ? chosen[0] : NULL;
              if (!best || fill_earlier_template (set, content, cand, best, lo, hi, earlier)
                  || (cand->score > best->score && !fill_earlier_template (set, content, best, cand, lo, hi, earlier))
                  || (cand->score == best->score
                      && tie_goes_to (set, content, cand, best, lo, hi, s > 0 ? chosen[0] : NULL)))
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
      /* a table found by its content alone, its heading not printed, shows
       * a row's name: numbers of no label after the table before (cut
       * short, the text ends in them) are no table of their own */
      if (best && sp->start < 0 && !span_names_a_row (best->spec, content->rows, lo, hi))
        candidate_free (g_steal_pointer (&best));
      dec_lo[s] = lo;
      dec_hi[s] = table_tail_end (set, content->rows, hi);
      g_autoptr (GHashTable) given_back = NULL;
      GkDecoded *rest = NULL;   /* this table read without them */
      /* the rows the previous section was cut before (this table's headers
       * and cells printed before its heading) may be this table's */
      GkDecodeExtent lead = { 0 };
      gboolean after_heading = sp->heading >= 0 && sp->start == sp->heading + 1;
      if (s > 0 && after_heading && cut_at[s - 1] == dec_hi[s - 1])
        lead.lead_lo = cut_at[s - 1], lead.lead_hi = (guint) sp->heading;
      /* the previous table's last numbers printed after this heading go
       * back to it (it is written below, once every table is read), also
       * to one none of whose rows were read (its numbers all after this
       * heading, or scrambled); where it cannot take them, they are no
       * cells of this table either */
      Candidate *prev = s > 0 ? (bests[s - 1] ? bests[s - 1] : named[s - 1]) : NULL;
      if (best && content->media == GK_MEDIA_TEXT && prev && after_heading
          && (dec_hi[s - 1] == (guint) sp->heading || (bests[s - 1] && lead.lead_hi > lead.lead_lo)))
        {
          given_back = give_back_trailing (set, prev, dec_lo[s - 1], dec_hi[s - 1], (guint) sp->heading, best, lo,
                                           dec_hi[s], &lead, content->rows, &rest);
          guint at;
          if (given_back && prev != bests[s - 1] && g_ptr_array_find (unread, prev, &at))
            bests[s - 1] = g_ptr_array_steal_index_fast (unread, at);
          if (!given_back)
            given_back = trailing_not_ours (set, prev, dec_lo[s - 1], dec_hi[s - 1], (guint) sp->heading, best, lo,
                                            dec_hi[s], &lead, content->rows);
        }
      GkDecodeExtent leave = { 0, NULL, given_back, lead.lead_lo, lead.lead_hi };
      GkDecoded *read_last = NULL;   /* this table read with them (as rest, where there is one) */
      if (best && content->media == GK_MEDIA_TEXT && lead.lead_hi > lead.lead_lo
          && !lead_read_last (set, best, content->rows, lo, dec_hi[s], &leave, &read_last))
        {
          /* not the table's: read as before, without them */
          leave.lead_lo = leave.lead_hi = 0;
          gk_decoded_free (g_steal_pointer (&rest));
        }
      if (!rest)
        rest = g_steal_pointer (&read_last);
      gk_decoded_free (read_last);
      if (best && content->media == GK_MEDIA_TEXT)
        decode_text_section (set, best, content->rows, lo, dec_hi[s], given_back || leave.lead_hi ? &leave : NULL,
                             rest);
      if (best)
        record->table_markers += (guint) best->markers;
      if (best && g_hash_table_size (best->rows_seen) == 0)
        {
          named[s] = best;
          g_ptr_array_add (unread, g_steal_pointer (&best));
        }
      if (!best)
        continue;
      chosen[s] = best->tpl->id;
      decisive[s] = best->score > runner_up;
      if (best->last_row >= 0)
        cursor = best->last_row + 1;
      bests[s] = g_steal_pointer (&best);
    }
  for (guint s = 0; s < spans->len && s < G_N_ELEMENTS (chosen); s++)
    {
      SectionSpan *sp = &g_array_index (spans, SectionSpan, s);
      g_autoptr (Candidate) best = g_steal_pointer (&bests[s]);
      if (!best)
        {
          if (sp->start >= 0)
            gk_record_warn (record, "table_not_found", 0,
                            "找到了“%s”部分的标题，但未能读出其表格", sp->key);
          continue;
        }
      if (sp->start < 0)
        gk_record_warn (record, "section_heading_missing", 0,
                        "未找到“%s”部分的标题，表格按内容定位", sp->key);
      write_candidate (set, record, best);
      record->table_rows_seen += g_hash_table_size (best->rows_seen);
      /* table 二's heading is also a pre-2019 report's: not counted */
      if (sp->start >= 0 && s > 0)
        record->table_headings++;
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
