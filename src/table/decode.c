/* decode.c — see decode.h. */
#include "decode.h"
#include "template-grid-private.h"
#include "common/gk-text.h"
#include "common/gk-number.h"
#include <math.h>
#include <string.h>

/* Step costs, in units of evidence.  A broken identity weighs more than any
 * single layout oddity; a skipped token (read as furniture) more than a
 * broken identity, so the search never drops a figure to make a sum agree
 * unless that leaves everything else in place; a template row with no
 * token more than anything (the grid is known, its rows are printed). */
enum { W_IDENTITY = 4, W_LINE = 1, W_SKIP = 6, W_MISS_CELL = 3 };

/* A token the text reader found may be its page's printed number (one of
 * several bare lines holding it): dropping it is the likely reading.  So
 * is dropping a number printed among the labels of rows already placed. */
enum { W_SKIP_PAGE_NUMBER = 1, W_SKIP_LABEL_FLOW = 1 };

/* What the print says of a token's column, against the cell it is put in:
 * the header of another column printed just above it (a producer printing
 * a table column by column under its headers), a sign (a change,
 * 本年增/减) in a column of counts.  As much as a broken identity. */
enum { W_HEADER = 4, W_SIGN = 4 };

/* Two numbers printed on one line side by side stand in one row of the
 * table, the second in the next column: reading them as cells of two rows
 * (or apart in one) goes against the print more than a published error. */
enum { W_SAME_LINE = W_IDENTITY + 1 };

/* A band departs from the order a text dump keeps everywhere else (row by
 * row): on a tie of evidence the simpler reading stands. */
enum { W_BAND = 1 };

/* Strips of columns are a rarer order still: they must explain a misprint's
 * worth of evidence less one. */
enum { W_STRIP = 3 };

/* What a table's placement may cost at most: its misprints, the odd page
 * number dropped, a few bands.  A cheapest placement dearer than this is a
 * layout the decoder does not know, and nothing of it is placed. */
enum { DECODE_MAX_COST = 24 };

/* Tokens a placement within that cost can drop. */
enum { SKIP_BUDGET = DECODE_MAX_COST / W_SKIP };

/* Widest band of rows read column by column on evidence of the identities
 * alone (two or three rows interleaved, as a producer prints rows whose
 * labels are taller than their cells).  A wider band, up to BAND_WIDE_MAX
 * rows, needs the print to show it: each column of the band on one line. */
enum { BAND_MAX = 3, BAND_WIDE_MAX = 26 };

/* Steps that may leave one state: a skip, a row, the bands, a row with a hole
 * at each inner position (a row is at most this wide). */
enum { ROW_MAX_COLS = 16 };

/* Strips are tried on rows of at most this many columns (table 三's seven),
 * cut in at most this many places. */
enum { STRIP_MAX_COLS = 7, STRIP_MAX_CUTS = 2 };
/* A number wrapped in a cell narrower than it: pieces it has at most, digits
 * its first piece holds at least (a cell narrower than two digits is no
 * table's), rows of the bands that may join pieces; pieces that may continue
 * a number counted at most (the search's reach past its diagonal), and the
 * steps that join pieces kept at most per state, of those enumerated. */
enum { JOIN_MAX_PIECES = 3, JOIN_SLOTS = JOIN_MAX_PIECES - 1, JOIN_MIN_WIDTH = 2, JOIN_BAND_MAX = 6 };
enum { JOIN_MAX_REACH = 24, JOIN_STEPS_MAX = 48, JOIN_TRIES_MAX = 4096 };

/* Corners: a few rows (of any blocks and widths) whose top-left cells are
 * printed apart from the rest, before or after them (pdftotext reads a
 * short table's cells by height and column, and a tall label beside them
 * cuts its flow in a staircase; a browser's page narrower than the table
 * prints the first columns of the rows of several blocks, then the rest:
 * table 二's five rows of three columns down to （六）'s first).  At most
 * this many rows and cells, each row cut (at most CORNER_COL_BITS bits of
 * columns), and at most this many corner steps leave a state. */
enum { CORNER_MAX_ROWS = 5, CORNER_MAX_CELLS = 15, CORNER_COL_BITS = 4, CORNER_STEPS_MAX = 96 };
enum { STEPS_MAX = 2 + ROW_MAX_COLS + 2 * (BAND_WIDE_MAX + (BAND_WIDE_MAX - 1) * 21) + JOIN_STEPS_MAX
                 + CORNER_STEPS_MAX + 3 };

#define COST_INF G_MAXINT

gboolean
gk_decode_debugging (void)
{
  static gsize debugging = 0;
  if (g_once_init_enter (&debugging))
    g_once_init_leave (&debugging, g_getenv ("GK_DEBUG_DECODE") ? 2 : 1);
  return debugging == 2;
}

guint
gk_decode_tokens_unused (const GPtrArray *rows, guint lo, guint hi, const GkCell *const *cells, guint ncells)
{
  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < ncells; i++)
    if (cells[i])
      g_hash_table_add (used, (gpointer) cells[i]);
  guint unused = 0;
  for (guint i = lo; i < hi; i++)
    {
      const GkRow *row = rows->pdata[i];
      for (guint c = 0; c < row->cells->len; c++)
        {
          const GkCell *cell = row->cells->pdata[c];
          double v;
          if (!g_hash_table_contains (used, cell) && gk_grid_cell_value (cell->raw, GK_COLUMN_AMOUNT_WAN, &v))
            unused++;
        }
    }
  return unused;
}

/* ------------------------------------------------------------ the tokens */

typedef struct {
  const GkCell *cell;
  double count;        /* value read as a count (or signed count) */
  double amount;       /* value read as an amount in 万元 */
  gboolean is_count, is_amount;
  gboolean unreadable; /* a cell whose text is no number */
  guint line;          /* index of the content row it came from */
  const char *above;   /* label lines since the token before, each ending
                          in a newline (borrowed); NULL when none */
  int above_page;      /* the page of above's last line (0: unknown) */
  gboolean plus;       /* printed with a sign (plus or minus): a change
                          (本年增/减), no count */
  /* a number wrapped in a narrow cell, its pieces joined ("numbers wrapped
   * in narrow cells" below): the last piece and its line; cell and line
   * when one piece */
  const GkCell *last;
  guint last_line;
  guint digits;        /* digits of a token that is nothing else (a piece), or 0 */
  guint64 names;       /* grid rows (bit r, r < 64) the label text above names */
  guint64 line_names;  /* those the label of its own line names (after_label) */
  int flow_row;        /* the last row the labels printed last before it name,
                          when they are a block of labels (two rows or more); -1 */
  gboolean after_label; /* the first number of a line that begins with label text */
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

static gboolean
blank_before_number (const GkRow *row, guint c)
{
  if (gk_number_parse (((GkCell *) row->cells->pdata[c])->raw, GK_COLUMN_COUNT).kind != GK_NUMBER_BLANK)
    return FALSE;
  for (guint d = c + 1; d < row->cells->len; d++)
    if (gk_number_parse (((GkCell *) row->cells->pdata[d])->raw, GK_COLUMN_COUNT).kind != GK_NUMBER_BLANK)
      return TRUE;
  return FALSE;
}

/* A number printed with a plus (+77): a change (本年增/减) and nothing
 * else; a count printed negative (-1) is a count still, a published
 * error the checks report. */
static gboolean
token_plus_signed (const Token *t)
{
  return t->plus && t->count >= 0;
}

/* A number printed with a sign: a plus, or a minus before a digit (a
 * dash alone is a placeholder). */
static gboolean
printed_with_sign (const char *raw)
{
  static const char *const minus[] = { "-", "－", "−" };
  if (raw[0] == '+' || g_str_has_prefix (raw, "＋"))
    return TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (minus); k++)
    if (g_str_has_prefix (raw, minus[k]))
      return g_unichar_isdigit (g_utf8_get_char (raw + strlen (minus[k])));
  return FALSE;
}

/* The rows a section's tokens come from: its own, and those of its tail. */
static guint
extent_end (guint hi, const GkDecodeExtent *ext)
{
  return ext && ext->take ? MAX (hi, ext->hi) : hi;
}

/* Whether a cell of row i is the section's: a cell of its own rows that no
 * other section reads, or one of the tail's it takes. */
static gboolean
extent_has (guint hi, const GkDecodeExtent *ext, guint i, const GkCell *cell)
{
  if (!ext)
    return TRUE;
  if (i < hi)
    return !ext->leave || !g_hash_table_contains ((GHashTable *) ext->leave, cell);
  return ext->take && g_hash_table_contains ((GHashTable *) ext->take, cell);
}

/* Appends row i's number tokens to toks (a cell another section reads
 * breaks the text above instead); above gathers the label text since the
 * token before. */
static void
row_tokens (const GPtrArray *rows, guint i, guint hi, const GkDecodeExtent *ext, GString *above, int *above_page,
            GArray *toks, GPtrArray *texts)
{
  const GkRow *row = rows->pdata[i];
  g_autofree char *key = gk_text_label_key (row->label);
  if (*key)
    {
      g_string_append_printf (above, "%s\n", key);
      *above_page = row->label_src.page;
    }
  for (guint c = 0; c < row->cells->len; c++)
    {
      const GkCell *cell = row->cells->pdata[c];
      Token t = { .cell = cell, .line = i, .last = cell, .last_line = i, .after_label = c == 0 && *key };
      t.plus = printed_with_sign (cell->raw);
      t.is_count = gk_grid_cell_value (cell->raw, GK_COLUMN_COUNT, &t.count);
      t.is_amount = gk_grid_cell_value (cell->raw, GK_COLUMN_AMOUNT_WAN, &t.amount);
      /* a blank the layout proves to be a cell (between a web table's
       * pipes) and that a number follows in its row is a token too: a
       * printed blank, 0 (blanks at a row's end may be a wide cell's,
       * unless a text dump's columns placed it: text_col) */
      if (!t.is_count && !t.is_amount && cell->grid_cell
          && (blank_before_number (row, c) || (cell->text_col >= 0 && !*cell->raw)))
        t.is_count = t.is_amount = TRUE;
      /* a cell that is no number (an OCR misreading, a web cell's text)
       * still holds its place: a token of unknown value */
      t.unreadable = !t.is_count && !t.is_amount && *cell->raw
                     && gk_number_parse (cell->raw, GK_COLUMN_COUNT).kind == GK_NUMBER_INVALID;
      if ((t.is_count || t.is_amount || t.unreadable) && !extent_has (hi, ext, i, cell))
        g_string_truncate (above, 0);
      else if (t.is_count || t.is_amount || t.unreadable)
        {
          if (above->len)
            {
              t.above = g_strdup (above->str);
              t.above_page = *above_page;
              g_ptr_array_add (texts, (char *) t.above);
              g_string_truncate (above, 0);
            }
          g_array_append_val (toks, t);
        }
    }
}

/* texts (char*) keeps the label text each token's above points to.  The
 * label text above a number is what was printed since the number before
 * it, whichever section that one is read in.  The rows printed before the
 * heading (ext's lead) come last: the table's last columns, set beside
 * the heading. */
static GArray *
section_tokens (const GPtrArray *rows, guint lo, guint hi, const GkDecodeExtent *ext, GPtrArray *texts)
{
  GArray *toks = g_array_new (FALSE, TRUE, sizeof (Token));
  g_autoptr (GString) above = g_string_new (NULL);
  int above_page = 0;
  for (guint i = lo; i < extent_end (hi, ext); i++)
    {
      /* the next section's heading is none of this table's text */
      if (i == hi && i > lo)
        g_string_truncate (above, 0);
      else
        row_tokens (rows, i, hi, ext, above, &above_page, toks, texts);
    }
  g_string_truncate (above, 0);
  for (guint i = ext ? ext->lead_lo : 0; ext && i < ext->lead_hi; i++)
    row_tokens (rows, i, G_MAXUINT, NULL, above, &above_page, toks, texts);
  return toks;
}

/* ------------------------------------------------------------ the search */

typedef enum { STEP_ROW, STEP_BAND, STEP_SKIP, STEP_CORNER, STEP_PART } StepKind;

/* A row printed without its first cell, its last, or both (STEP_PART's
 * cuts): their numbers wrapped and went with the label column's text. */
enum { PART_FIRST = 1, PART_LAST = 2 };
/* Cells such rows leave out at most, in a table; what each costs: with the
 * number left out of the label column (W_SKIP_LABEL_FLOW) more than a
 * misprint, so no published error is explained away as such a row. */
enum { PART_SHORT_MAX = 4, W_PART_CELL = W_IDENTITY };

typedef struct {
  StepKind kind;
  guint k;             /* rows placed (1 for STEP_ROW, 2..BAND_MAX for STEP_BAND, 0 for skip) */
  guint ntok;          /* tokens consumed */
  guint hole;          /* STEP_ROW: offset of one token inside the row that is
                          dropped (a page number between its cells); NO_HOLE */
  guint cuts;          /* STEP_BAND: bit c set = a strip ends after column c;
                          every bit set = the band read column by column.
                          STEP_CORNER: row q's corner is its first
                          (cuts >> q * CORNER_COL_BITS) & 15 columns;
                          STEP_PART: the row's edge cells left out (PART_*) */
  guint64 joins;       /* bit j set = the step's token j is the next piece of
                          the number token j - 1 begins (a narrow cell's
                          wrap); never with a hole */
  gboolean corner_last; /* STEP_CORNER: the corner printed after the rest */
  guint slot;          /* STEP_CORNER: its place among the corners from its row */
} Step;

static guint
corner_cut (const Step *st, guint q)
{
  return (st->cuts >> (q * CORNER_COL_BITS)) & ((1u << CORNER_COL_BITS) - 1);
}


#define NO_HOLE G_MAXUINT
/* A band's hole: the first token inside it that may be a page number. */
#define HOLE_PAGE_NUMBER (G_MAXUINT - 1)

/* Cells a step fills. */
static guint
step_cells (const Step *st)
{
  return st->kind == STEP_SKIP ? 0 : st->ntok - (st->hole != NO_HOLE) - (guint) __builtin_popcountll (st->joins);
}

/* Offset, from the step's first token, of the token that fills its j-th
 * cell (its first piece, when the number is wrapped). */
static guint
step_token (const Step *st, guint j)
{
  if (st->joins)
    {
      guint o = 0;
      for (guint c = 0;; o++)
        if (!(o < 64 && (st->joins >> o & 1)) && c++ == j)
          return o;
    }
  return st->hole != NO_HOLE && j >= st->hole ? j + 1 : j;
}

/* The pieces of a step's j-th cell, from its token at offset o. */
static guint
step_pieces (const Step *st, guint o)
{
  guint m = 1;
  while (o + m < 64 && (st->joins >> (o + m) & 1))
    m++;
  return m;
}

/* The cost of the order a step reads in (a band, strips): no evidence of
 * the print, only how rare the order is. */
static int
step_order_cost (const Step *st)
{
  /* a row turned round is no rarer than the label the print shows it by */
  if (st->kind == STEP_CORNER)
    return st->k == 1 ? 0 : W_STRIP;
  return st->kind != STEP_BAND ? 0 : st->cuts == G_MAXUINT ? W_BAND : W_STRIP;
}

/* A token dropped from inside a step: a stray number, or, cheaper, one the
 * text reader says may be the page's number. */
static gboolean
token_may_be_page_number (const Token *t)
{
  return t->cell->maybe_page_number;
}

/* Pieces of numbers wrapped in narrow cells (see "numbers wrapped in a
 * narrow cell" below). */
typedef struct {
  Token *joined;       /* tok[t..t+m-1] joined, at t * JOIN_SLOTS + m - 2;
                          .cell NULL when they are no one number */
  guint *joinable;     /* per token index i (n + 1): tokens before i that
                          may continue a number (joins_before caps it) */
  guint reach;         /* joinable[n], at most JOIN_MAX_REACH */
  GPtrArray *cells;    /* GkCell*: the joined numbers' cells */
} Wraps;

typedef struct {
  const GkGrid *grid;
  const Token *tok;
  guint n;             /* tokens */
  guint R;             /* template rows */
  int *f;              /* cheapest cost from the start to state (i, r) */
  int *g;              /* cheapest cost from state (i, r) to the end */
  int *memo;           /* step costs already worked out: cost, identity part */
  gboolean page_numbers; /* some token may be a page number */
  int *header;         /* per token and grid row: see HEADER_NONE */
  const Wraps *wraps;  /* numbers wrapped in narrow cells; NULL when none */
  GHashTable *join_steps; /* state → JoinSteps*: the steps there that join pieces */
  gboolean label_flow; /* some token is printed after a block of labels */
  guint *header_cols;  /* per token and grid row: the columns the header
                          above it names (bit c, c < 32) */
  gboolean *header_alone; /* per token: the text above it is nothing but
                             columns' headers (其他, 总计), no row's label */
  const struct HeaderMemo *hmemo; /* what the text above the tokens says; NULL: ask the patterns */
  GArray **row_steps;  /* per template row r <= R: steps_from's (Step), worked
                          out once (NULL: not yet; no array: every time) */
  GHashTable *leaf_misprints; /* a walk's leaf, its cells' values and known
                                 (GBytes) → its misprints, then the rows they
                                 hit (guint[1 + R]); NULL: not kept */
  gboolean *touch_next; /* per token t < n - 1: tokens_touch (t, t + 1); NULL: not worked out */
  GHashTable *band_costs; /* step_band_key → the cost and identity part of a
                             band kept by no memo slot (step_slot); NULL: not kept */
  GArray **flow_steps; /* per template row r <= R: steps_but_joins's (Step) where
                          labels came as a block (they depend on the row alone);
                          NULL: not yet */
  GHashTable *walk_states; /* ST (i, r) → StateSteps*: what the walks found of
                              the state's steps, for their next visit */
} Search;

/* header[t * R + r]: the one column of row r the header above token t
 * names; HEADER_ELSEWHERE when it names columns of other rows only (a
 * block whose columns are not these), HEADER_NONE when it says nothing. */
enum { HEADER_NONE = -1, HEADER_ELSEWHERE = -2, HEADER_SEVERAL = -3 };

#define ST(s, i, r) ((gsize) (i) * ((s)->R + 1) + (r))

/* The token of a step's j-th cell, placed at token i: its number joined
 * from its pieces when it is wrapped. */
static const Token *
step_cell_tok (const Search *s, const Step *st, guint i, guint j)
{
  guint o = step_token (st, j);
  if (!st->joins)
    return &s->tok[i + o];
  guint m = step_pieces (st, o);
  return m == 1 ? &s->tok[i + o] : &s->wraps->joined[(gsize) (i + o) * JOIN_SLOTS + m - 2];
}

/* The step as placed at token i: a band's page-number hole found.  A page
 * ends where a band's strip (or column) does, and pdftotext prints the
 * footer there: the hole is the first strip boundary where a token that may
 * be the page number stands.  FALSE when there is none. */
static gboolean
step_placed (const Search *s, const Step *st, guint i, Step *out)
{
  *out = *st;
  if (st->hole != HOLE_PAGE_NUMBER)
    return TRUE;
  out->hole = NO_HOLE;
  guint ncols = st->ntok / st->k;
  for (guint a = 0, j = 0; a < ncols;)
    {
      guint b = a + 1;
      while (b < ncols && !(st->cuts & (1u << (b - 1))))
        b++;
      if (j > 0 && i + j < s->n && token_may_be_page_number (&s->tok[i + j]))
        {
          out->hole = j;
          return TRUE;
        }
      j += (b - a) * st->k;
      a = b;
    }
  return FALSE;
}

/* Does the placed step drop a token that is no page number (a stray)? */
static gboolean
step_drops_stray (const Search *s, const Step *st, guint i)
{
  if (st->kind == STEP_SKIP)
    return !token_may_be_page_number (&s->tok[i]);
  return st->hole != NO_HOLE && !token_may_be_page_number (&s->tok[i + st->hole]);
}

/* Token j of a step starting at row r, token i: the grid cell it fills. */
static guint
step_cell (const Search *s, const Step *st, guint r, guint j)
{
  const GkGrid *grid = s->grid;
  guint row = r, col = j + (st->kind == STEP_PART && (st->cuts & PART_FIRST));
  if (st->kind == STEP_CORNER)
    {
      /* the part printed first, its rows in order, then the other part */
      for (guint part = 0; part < 2; part++)
        for (guint q = 0; q < st->k; q++)
          {
            gboolean corner = (part == 0) != st->corner_last;
            guint cut = corner_cut (st, q), ncols = g_array_index (grid->row_ncols, guint, r + q);
            guint a = corner ? 0 : cut, b = corner ? cut : ncols;
            if (j < b - a)
              return g_array_index (grid->row_first, guint, r + q) + a + j;
            j -= b - a;
          }
      g_assert_not_reached ();
    }
  if (st->kind == STEP_BAND)
    {
      /* strips of columns one after the other, each read row by row over the
       * band; a strip of one column is the band read column by column */
      guint ncols = g_array_index (grid->row_ncols, guint, r);
      guint a = 0;
      for (;;)
        {
          guint b = a + 1;
          while (b < ncols && !(st->cuts & (1u << (b - 1))))
            b++;
          guint size = (b - a) * st->k;
          if (j < size)
            {
              row = r + j / (b - a);
              col = a + j % (b - a);
              break;
            }
          j -= size;
          a = b;
        }
    }
  return g_array_index (grid->row_first, guint, row) + col;
}

/* step_cell and step_token for each of the step's cells, in one pass over
 * its strips (step_cost_parts asks for every cell several times). */
static void
step_map (const Search *s, const Step *st, guint r, guint ncells, guint *cell, guint *off)
{
  const GkGrid *grid = s->grid;
  guint j = 0;
  /* a skip places no cell, and may stand past the last row */
  if (!ncells)
    return;
  if (st->kind == STEP_CORNER)
    {
      for (guint part = 0; part < 2; part++)
        for (guint q = 0; q < st->k; q++)
          {
            gboolean corner = (part == 0) != st->corner_last;
            guint cut = corner_cut (st, q), ncols = g_array_index (grid->row_ncols, guint, r + q);
            guint first = g_array_index (grid->row_first, guint, r + q);
            for (guint c = corner ? 0 : cut; c < (corner ? cut : ncols) && j < ncells; c++)
              cell[j++] = first + c;
          }
    }
  else if (st->kind == STEP_BAND)
    {
      guint ncols = g_array_index (grid->row_ncols, guint, r);
      for (guint a = 0, b; a < ncols && j < ncells; a = b)
        {
          b = a + 1;
          while (b < ncols && !(st->cuts & (1u << (b - 1))))
            b++;
          for (guint q = 0; q < st->k; q++)
            for (guint c = a; c < b && j < ncells; c++)
              cell[j++] = g_array_index (grid->row_first, guint, r + q) + c;
        }
    }
  else
    {
      guint first = g_array_index (grid->row_first, guint, r) + (st->kind == STEP_PART && (st->cuts & PART_FIRST));
      for (; j < ncells; j++)
        cell[j] = first + j;
    }
  g_assert (j == ncells);
  if (!st->joins)
    for (j = 0; j < ncells; j++)
      off[j] = j >= st->hole ? j + 1 : j;   /* NO_HOLE: past every j */
  else
    for (guint o = 0, c = 0; c < ncells; o++)
      if (!(o < 64 && (st->joins >> o & 1)))
        off[c++] = o;
}

/* step_map, and the token of each cell (step_cell_tok): the step placed
 * at token i, row r. */
static void
step_map_tokens (const Search *s, const Step *st, guint i, guint r, guint ncells, guint *cell, guint *off,
                 const Token **tok)
{
  step_map (s, st, r, ncells, cell, off);
  for (guint j = 0; j < ncells; j++)
    {
      guint m = st->joins ? step_pieces (st, off[j]) : 1;
      tok[j] = m == 1 ? &s->tok[i + off[j]] : &s->wraps->joined[(gsize) (i + off[j]) * JOIN_SLOTS + m - 2];
    }
}

/* Two tokens printed together: on one line, or on lines with no blank line
 * between them (pdftotext separates its text blocks with a blank line, and
 * a block is one run of a table's cells). */
static gboolean
tokens_touch (const Token *a, const Token *b)
{
  if (a->last_line == b->line)
    return TRUE;
  int la = a->last->src.line, lb = b->cell->src.line;
  return la > 0 && lb == la + 1;
}

/* Two tokens that may be pieces of one number: touching, or on lines but
 * the blank line apart of a dump that sets each of its lines apart so (a
 * wrapped number's lines each a block of their own there). */
static gboolean
pieces_touch (const Token *a, const Token *b)
{
  int la = a->last->src.line, lb = b->cell->src.line;
  return tokens_touch (a, b) || (la > 0 && lb == la + 2 && b->cell->spaced_above);
}


/* The pieces a step joins fit the print: a piece printed apart from the one
 * before it has the label of its row between them (a label centred on the
 * lines of its cell), and the numbers of one column wrap alike: their first
 * pieces as wide as the cell, no number of the column wider. */
static gboolean
joins_fit (const Search *s, const Step *st, guint i, guint r)
{
  guint width[ROW_MAX_COLS] = { 0 }, widest[ROW_MAX_COLS] = { 0 };
  for (guint j = 0; j < step_cells (st); j++)
    {
      guint o = step_token (st, j), m = step_pieces (st, o);
      const GridCell *gc = &g_array_index (s->grid->cells, GridCell, step_cell (s, st, r, j));
      const Token *first = &s->tok[i + o];
      if (gc->col >= ROW_MAX_COLS)
        return FALSE;
      if (m == 1)
        {
          widest[gc->col] = MAX (widest[gc->col], first->digits);
          continue;
        }
      if (width[gc->col] && width[gc->col] != first->digits)
        return FALSE;
      width[gc->col] = first->digits;
      for (guint p = 1; p < m; p++)
        if (!pieces_touch (&s->tok[i + o + p - 1], &s->tok[i + o + p])
            && !(gc->row < 64 && (s->tok[i + o + p].names >> gc->row & 1)))
          return FALSE;
    }
  for (guint c = 0; c < ROW_MAX_COLS; c++)
    if (width[c] && widest[c] > width[c])
      return FALSE;
  return TRUE;
}

/* A token printed apart from the one before it whose label text names row r. */
static gboolean
token_names_row (const Token *t, guint r)
{
  return r < 64 && (t->names >> r & 1);
}

/* A token printed on the line of a label that names its row r alone (no
 * block of labels, no heading of groups side by side), right after it.
 * The labels of rows printed before, on lines of their own above it (a
 * label column printed late, beside the next rows), leave it beside its
 * own line's. */
static gboolean
token_beside_label_of (const Token *t, guint r)
{
  if (!t->after_label || r >= 64)
    return FALSE;
  return (token_names_row (t, r) && !(t->names & (t->names - 1))) || t->line_names == (guint64) 1 << r;
}

/* How many tokens from t on stand on token t's line. */
static guint
tokens_on_line_from (const Search *s, guint t)
{
  guint n = 0;
  while (t + n < s->n && s->tok[t + n].line == s->tok[t].line)
    n++;
  return n;
}

/* Whether a step from token t places row r of the table's own grid as
 * printed on a line of its own, beside the label that names it, under a
 * line that opened with a label too: rows printed whole a line each, one
 * under another (a text browser's table), where a row starts as naturally
 * as under a label line of its own.  (A line of numbers alone before it
 * is a strip's or a wrapped row's, printed with it; a grid made from the
 * table's, of strips or corners, has rows of part of a line's cells.) */
static gboolean
row_on_its_labelled_line (const Search *s, const Step *st, guint t, guint r)
{
  const Token *a = &s->tok[t - 1], *b = &s->tok[t];
  if (st->kind != STEP_ROW || st->hole != NO_HOLE || st->joins || !s->grid->block_heading->len
      || !token_beside_label_of (b, r) || a->last_line == b->line || tokens_on_line_from (s, t) != st->ntok)
    return FALSE;
  guint first = t - 1;
  while (first > 0 && s->tok[first - 1].line == a->line)
    first--;
  return s->tok[first].after_label;
}

/* A token printed among a block of labels of rows already placed, before
 * the table's last rows (a table printed numbers first, then its label
 * column, and a row's wrapped edge cells went with its label): a number of
 * an earlier row, cheap to leave out.  r is the next row to place. */
static gboolean
token_in_label_flow (const Search *s, const Token *t, guint r)
{
  return s->label_flow && t->flow_row >= 0 && (guint) t->flow_row < r && r < s->R;
}

/* Whether an operand of the identity is one of the cells marked (mark[c -
 * first] for grid cell c). */
static gboolean
identity_takes (const GridIdentity *id, const gboolean *mark, guint first)
{
  const GArray *sides[2] = { id->lhs, id->rhs };
  for (guint sd = 0; sd < 2; sd++)
    for (guint k = 0; k < sides[sd]->len; k++)
      if (mark[g_array_index (sides[sd], guint, k) - first])
        return TRUE;
  return FALSE;
}

/* Whether a row read without an edge cell (STEP_PART from token i) was
 * printed on one line with the number beside it that it leaves out: that
 * number went with no label; it is the row's. */
static gboolean
part_edge_on_its_line (const Search *s, const Step *st, guint i)
{
  guint end = i + st->ntok;
  for (guint t = i + 1; t < end; t++)
    if (s->tok[t].line != s->tok[i].line)
      return FALSE;
  return ((st->cuts & PART_LAST) && end < s->n && s->tok[end].line == s->tok[i].line)
         || ((st->cuts & PART_FIRST) && i > 0 && s->tok[i - 1].line == s->tok[i].line);
}

/* A band of more than BAND_MAX rows read in strips of columns. */
static gboolean
step_is_wide_strips (const Step *st)
{
  return st->kind == STEP_BAND && st->k > BAND_MAX && st->cuts != G_MAXUINT;
}

/* Wide strips (placed at token i, row r) show themselves: each strip
 * starts a text block of its own (a browser prints the rest of a page's
 * columns after the first ones), and a strip of one column, of which there
 * is one at least, is one run of lines printed together, but for the labels
 * of its rows (printed beside their cells). */
static gboolean
wide_strips_fit (const Search *s, const Step *st, guint i, guint r)
{
#define CELL_TOKEN(j) step_cell_tok (s, st, i, (j))
#define TOKEN_BEFORE(j) (&s->tok[i + step_token (st, (j)) - 1 - (st->hole != NO_HOLE && step_token (st, (j)) - 1 == st->hole)])
  guint ncols = g_array_index (s->grid->row_ncols, guint, r);
  gboolean one_column = FALSE;
  for (guint a = 0, at = 0; a < ncols;)
    {
      guint b = a + 1;
      while (b < ncols && !(st->cuts & (1u << (b - 1))))
        b++;
      if (a > 0 && tokens_touch (TOKEN_BEFORE (at), CELL_TOKEN (at)))
        return FALSE;
      if (b - a == 1)
        {
          one_column = TRUE;
          for (guint q = 1; q < st->k; q++)
            if (!tokens_touch (CELL_TOKEN (at + q - 1), CELL_TOKEN (at + q)) && !token_names_row (CELL_TOKEN (at + q), r + q))
              return FALSE;
        }
      at += (b - a) * st->k;
      a = b;
    }
  return one_column;
#undef CELL_TOKEN
#undef TOKEN_BEFORE
}

/* wide_strips_fit of a step that drops no token and joins no pieces (its
 * j-th cell token i + j), from the search's touch_next: the search asks it
 * of some thousand wide strips at each state. */
static gboolean
wide_strips_fit_plain (const Search *s, const Step *st, guint i, guint r)
{
  if (!s->touch_next)
    return wide_strips_fit (s, st, i, r);
  guint ncols = g_array_index (s->grid->row_ncols, guint, r);
  gboolean one_column = FALSE;
  for (guint a = 0, at = i; a < ncols;)
    {
      guint b = a + 1;
      while (b < ncols && !(st->cuts & (1u << (b - 1))))
        b++;
      if (a > 0 && s->touch_next[at - 1])
        return FALSE;
      if (b - a == 1)
        {
          one_column = TRUE;
          for (guint q = 1; q < st->k; q++)
            if (!s->touch_next[at + q - 1] && !token_names_row (&s->tok[at + q], r + q))
              return FALSE;
        }
      at += (b - a) * st->k;
      a = b;
    }
  return one_column;
}

/* Cost of a step from state (i, r); COST_INF when it does not fit. */
static int
step_cost_parts (const Search *s, const Step *st, guint i, guint r, int *identity_part)
{
  if (identity_part)
    *identity_part = 0;
  const GkGrid *grid = s->grid;
  if (st->kind == STEP_SKIP)
    return i >= s->n                                ? COST_INF
           : token_may_be_page_number (&s->tok[i]) ? W_SKIP_PAGE_NUMBER
           : token_in_label_flow (s, &s->tok[i], r) ? W_SKIP_LABEL_FLOW
                                                    : W_SKIP;
  if (r + st->k > s->R)
    return COST_INF;
  if (i + st->ntok > s->n)
    return COST_INF;
  Step placed;
  if (!step_placed (s, st, i, &placed))
    return COST_INF;
  st = &placed;
  if (st->joins && !joins_fit (s, st, i, r))
    return COST_INF;
  /* token of the step's j-th cell, and the token printed before it */
#define CELL_TOKEN(j) step_cell_tok (s, st, i, (j))
#define TOKEN_BEFORE(j) (&s->tok[i + step_token (st, (j)) - 1 - (st->hole != NO_HOLE && step_token (st, (j)) - 1 == st->hole)])
  guint ncols = g_array_index (grid->row_ncols, guint, r);
  if (st->kind == STEP_BAND && st->k > g_array_index (grid->row_run, guint, r))
    return COST_INF;
  /* a corner is cut by the flow of one page */
  if (st->kind == STEP_CORNER && s->tok[i].cell->src.page != s->tok[i + st->ntok - 1].cell->src.page)
    return COST_INF;
  /* a row turned round shows itself: its first cells come right after the
   * label that names it (the line that begins it), the rest before that
   * label with no row's label above them */
  if (st->kind == STEP_CORNER && st->k == 1)
    {
      guint rest = ncols - corner_cut (st, 0);
      if (!token_beside_label_of (&s->tok[i + rest], r))
        return COST_INF;
      for (guint j = 0; j < rest; j++)
        if (s->tok[i + j].names)
          return COST_INF;
    }
  if (step_is_wide_strips (st) && !wide_strips_fit (s, st, i, r))
    return COST_INF;
  /* a wide band shows itself: each column one run of tokens printed together,
   * apart from the next column's */
  if (st->kind == STEP_BAND && st->k > BAND_MAX && st->cuts == G_MAXUINT)
    for (guint c = 0; c < ncols; c++)
      {
        guint top = c * st->k;
        for (guint q = 1; q < st->k; q++)
          if (!tokens_touch (CELL_TOKEN (top + q - 1), CELL_TOKEN (top + q)))
            return COST_INF;
        if (c + 1 < ncols && tokens_touch (TOKEN_BEFORE (top + st->k), CELL_TOKEN (top + st->k)))
          return COST_INF;
      }

  guint first = g_array_index (grid->row_first, guint, r);
  guint span = (r + st->k < grid->n_rows ? g_array_index (grid->row_first, guint, r + st->k) : grid->cells->len) - first;
  double values[BAND_WIDE_MAX * ROW_MAX_COLS];
  gboolean known[BAND_WIDE_MAX * ROW_MAX_COLS];
  if (span > G_N_ELEMENTS (values))
    return COST_INF;
  for (guint j = 0; j < span; j++)
    known[j] = FALSE;
  guint ncells = step_cells (st);
  g_assert (ncells <= span);
  /* each cell's grid cell, its token's offset from i, its token */
  guint cell_of[BAND_WIDE_MAX * ROW_MAX_COLS], off[BAND_WIDE_MAX * ROW_MAX_COLS];
  const Token *ctok[BAND_WIDE_MAX * ROW_MAX_COLS];
  step_map_tokens (s, st, i, r, ncells, cell_of, off, ctok);
  /* the cells joined from pieces, where the step joins any */
  gboolean joined[BAND_WIDE_MAX * ROW_MAX_COLS];
  if (st->joins)
    memset (joined, 0, span * sizeof (gboolean));
  int cost = step_order_cost (st);
  if (st->kind == STEP_PART && part_edge_on_its_line (s, st, i))
    return COST_INF;
  if (st->kind == STEP_PART)
    cost += W_PART_CELL * (int) (ncols - ncells);
  if (st->hole != NO_HOLE)
    cost += token_may_be_page_number (&s->tok[i + st->hole]) ? W_SKIP_PAGE_NUMBER : W_SKIP;
  for (guint j = 0; j < ncells; j++)
    {
      guint cell = cell_of[j];
      guint at = cell - first;
      const Token *t = ctok[j];
      known[at] = token_value (t, g_array_index (grid->cells, GridCell, cell).type, &values[at]);
      if (!known[at] && !t->unreadable)
        return COST_INF;   /* a number that cannot be this column's (a decimal in a count) */
      if (st->joins)
        joined[at] = step_pieces (st, off[j]) > 1;
    }
  /* identities wholly inside the rows of this step */
  for (guint q = r; q < r + st->k; q++)
    {
      const GArray *starting = g_ptr_array_index (grid->ids_by_row, q);
      for (guint z = 0; z < starting->len; z++)
    {
      const GridIdentity *id = grid->identities->pdata[g_array_index (starting, guint, z)];
      if (id->row_hi >= r + st->k)
        continue;
      if (gk_grid_identity_holds_from (id, values, known, first) == 0)
        {
          /* nothing in the print tells a piece from a number of its own:
           * pieces are one number where its identities hold with it, and
           * a grouping that breaks them explains nothing (two numbers
           * after a table's last cell are no wrapped last cell) */
          if (st->joins && identity_takes (id, joined, first))
            return COST_INF;
          cost += W_IDENTITY;
          if (identity_part)
            *identity_part += W_IDENTITY;
        }
    }
    }
  /* tokens of one printed line belong to neighbouring cells: the next column
   * of the same row, or the same column of the next row */
  if (i > 0 && tokens_touch (&s->tok[i - 1], &s->tok[i]) && !row_on_its_labelled_line (s, st, i, r))
    cost += W_LINE;
  for (guint j = 0; j + 1 < ncells; j++)
    {
      const Token *ta = ctok[j], *tb = ctok[j + 1];
      if (!tokens_touch (ta, tb))
        continue;
      const GridCell *a = &g_array_index (grid->cells, GridCell, cell_of[j]);
      const GridCell *b = &g_array_index (grid->cells, GridCell, cell_of[j + 1]);
      gboolean across = a->row == b->row && b->col == a->col + 1;
      gboolean down = b->row == a->row + 1 && b->col == a->col;
      /* a corner is one block of the print (the top-left cells pdftotext
       * reads together), its rows' pieces one after another: one row's
       * piece ends where the next row's begins; the rest is rows' flow */
      gboolean stair = st->kind == STEP_CORNER && b->row == a->row + 1 && b->col == 0;
      /* a row turned round: its first cells come right after the rest */
      gboolean turned = st->kind == STEP_CORNER && st->k == 1 && b->row == a->row && b->col == 0;
      if (!across && ta->last_line == tb->line)
        cost += W_SAME_LINE;
      else if (!across && !down && !stair && !turned)
        cost += W_LINE;
    }
  /* a number printed right after the label that names its row is the
   * row's first cell: read in a later column, the row's first cells taken
   * from numbers printed before, the row is turned round */
  for (guint j = 0; j < ncells; j++)
    {
      const Token *t = ctok[j];
      const GridCell *gc = &g_array_index (grid->cells, GridCell, cell_of[j]);
      if (gc->col == 0 || !token_beside_label_of (t, gc->row))
        continue;
      for (guint q = 0; q < j; q++)
        if (g_array_index (grid->cells, GridCell, cell_of[q]).row == gc->row
            && g_array_index (grid->cells, GridCell, cell_of[q]).col == 0)
          {
            cost += W_HEADER;
            break;
          }
    }
  /* nor is a row read without its first cell where its label alone is
   * printed right before its first number (that number is the cell) */
  if (st->kind == STEP_PART && (st->cuts & PART_FIRST) && r < 64 && s->tok[i].names == (guint64) 1 << r)
    cost += W_HEADER;
  /* a row's label printed alone right before a number heads its row's
   * cells printed after it: a band or corner that reads the number into
   * another of its rows goes against the print, and so does a band that
   * reads a cell of that row from a number printed before the label (a
   * corner's staircase may print a row's first cells before its label, a
   * row turned round its later cells: steps of their own) */
  for (guint j = 0; (st->kind == STEP_BAND || (st->kind == STEP_CORNER && st->k > 1)) && j < ncells; j++)
    {
      guint t = i + off[j];
      guint64 names = s->tok[t].names;
      if (!names || (names & (names - 1)))
        continue;
      guint named = (guint) __builtin_ctzll (names);
      /* a column's header (其他, 总计) that a row's label ends in is no label */
      if (named < r || named >= r + st->k || s->header_alone[t])
        continue;
      gboolean against = g_array_index (grid->cells, GridCell, cell_of[j]).row != named;
      for (guint q = 0; q < j && !against && st->kind == STEP_BAND; q++)
        against = g_array_index (grid->cells, GridCell, cell_of[q]).row == named;
      if (against)
        cost += W_HEADER;
    }
  /* a band's strip prints each row's part of it in one run: text printed
   * between two cells of one part (a header naming no row) says the part
   * ended there */
  for (guint j = 0; st->kind == STEP_BAND && j + 1 < ncells; j++)
    {
      const Token *tb = &s->tok[i + off[j + 1]];
      const GridCell *a = &g_array_index (grid->cells, GridCell, cell_of[j]);
      const GridCell *b = &g_array_index (grid->cells, GridCell, cell_of[j + 1]);
      if (a->row == b->row && b->col == a->col + 1 && tb->above && !tb->names)
        cost += W_HEADER;
    }
  /* the headers of some of the columns, not all, printed one after another
   * are the head of a strip (a table printed in strips of columns prints
   * each strip's headers above it, a row of them): a band's strip whose
   * first number stands under the headers of columns outside it was not
   * printed so (the band read column by column where the print went row
   * by row) */
  for (guint a = 0, at = 0; st->kind == STEP_BAND && a < ncols && ncols < 32;)
    {
      guint b = a + 1;
      while (b < ncols && !(st->cuts & (1u << (b - 1))))
        b++;
      guint named = s->header_cols[(gsize) (i + off[at]) * s->R + r];
      guint strip = ((1u << b) - 1) & ~((1u << a) - 1);
      if ((named & (named - 1)) && named != (1u << ncols) - 1 && (named & ~strip))
        cost += W_HEADER;
      at += (b - a) * st->k;
      a = b;
    }
  /* the header printed just above a token names its column; a sign
   * a change's */
  for (guint j = 0; j < ncells; j++)
    {
      guint t = i + off[j];
      const GridCell *gc = &g_array_index (grid->cells, GridCell, cell_of[j]);
      int named = s->header[(gsize) t * s->R + gc->row];
      if (named == HEADER_ELSEWHERE || (named >= 0 && (guint) named != gc->col))
        cost += W_HEADER;
      if (s->tok[t].plus && gc->type != GK_COLUMN_SIGNED)
        cost += W_SIGN;
    }
  return cost;
#undef CELL_TOKEN
#undef TOKEN_BEFORE
}

/* Tokens before token i that may be the next piece of a wrapped number
 * (Wraps.joinable): how far past the cells placed the pieces may reach. */
static guint
joins_before (const Search *s, guint i)
{
  return s->wraps ? MIN (s->wraps->joinable[MIN (i, s->n)], (guint) JOIN_MAX_REACH) : 0;
}

/* A state past the tokens a placement may drop: only joins reach it, and
 * only placements within the cost a table may take (and the slack of its
 * orders) are followed there. */
static gboolean
only_joins_reach (const Search *s, guint i, guint r)
{
  guint cells = r < s->grid->n_rows ? g_array_index (s->grid->row_first, guint, r) : s->grid->cells->len;
  return i > cells + SKIP_BUDGET;
}

/* Tokens the rows read without their edge cells may leave a placement
 * short of the cells placed (STEP_PART). */
static guint
parts_short (const Search *s)
{
  return s->label_flow ? PART_SHORT_MAX : 0;
}

/* States per template row the memo keeps: the tokens dropped or joined,
 * or short. */
static guint
memo_width (const Search *s)
{
  return SKIP_BUDGET + 1 + (s->wraps ? s->wraps->reach : 0) + parts_short (s);
}

/* A state the budget of a placement can reach: the tokens used so far are
 * the cells of the rows placed, and at most SKIP_BUDGET tokens dropped
 * (and the pieces of wrapped numbers joined). */
static gboolean
in_reach (const Search *s, guint i, guint r)
{
  guint cells = r < s->grid->n_rows ? g_array_index (s->grid->row_first, guint, r) : s->grid->cells->len;
  return i + parts_short (s) >= cells && i <= cells + SKIP_BUDGET + joins_before (s, i);
}

/* A step's place among those steps_from lists, for the memo: skip, row, the
 * rows with a hole, the bands read column by column, the strips. */
enum {
  SLOT_HOLES = 2,
  SLOT_WIDE = SLOT_HOLES + ROW_MAX_COLS,
  SLOT_STRIPS = SLOT_WIDE + BAND_WIDE_MAX,
  SLOT_CORNERS = SLOT_STRIPS + (BAND_MAX - 1) * (1 << (STRIP_MAX_COLS - 1)),
  SLOT_PARTS = SLOT_CORNERS + CORNER_STEPS_MAX,
  SLOTS = SLOT_PARTS + (PART_FIRST | PART_LAST),
  SLOT_NONE = G_MAXINT,
};

static guint
step_slot (const Step *st)
{
  if (st->kind == STEP_SKIP)
    return 0;
  if (st->kind == STEP_ROW)
    return st->hole == NO_HOLE ? 1 : SLOT_HOLES + st->hole - 1;
  if (st->kind == STEP_PART)
    return SLOT_PARTS + st->cuts - 1;
  /* steps that join pieces keep their costs with them (join_steps_at) */
  if (st->joins)
    return SLOT_NONE;
  if (st->kind == STEP_CORNER)
    return SLOT_CORNERS + st->slot;
  /* wide strips and bands with a page number inside are rare and most fail
   * at their first test: not kept (the memo stays small) */
  if (st->hole == HOLE_PAGE_NUMBER || (st->k > BAND_MAX && st->cuts != G_MAXUINT))
    return SLOT_NONE;
  if (st->cuts == G_MAXUINT)
    return SLOT_WIDE + st->k - 2;
  return SLOT_STRIPS + (st->k - 2) * (1 << (STRIP_MAX_COLS - 1)) + st->cuts;
}

/* costs are never negative: all bits set marks a slot not worked out yet */
#define MEMO_UNSET (-1)

static int join_step_cost (const Search *s, const Step *st, guint i, guint r, int *identity_part);

/* A band no memo slot keeps (wide strips, a page number inside), at state
 * (i, r), as one key of Search.band_costs; FALSE when it has none. */
static gboolean
step_band_key (const Search *s, const Step *st, guint i, guint r, gpointer *key)
{
  guint cuts = st->cuts == G_MAXUINT ? 127 : st->cuts;
  if (st->kind != STEP_BAND || st->joins || st->k >= 64 || cuts > 127
      || (st->hole != NO_HOLE && st->hole != HOLE_PAGE_NUMBER))
    return FALSE;
  guint64 k = ((guint64) ST (s, i, r) << 14) | (st->k << 8) | (cuts << 1) | (st->hole == HOLE_PAGE_NUMBER);
  *key = (gpointer) (guintptr) k;
  return sizeof (gpointer) >= sizeof (guint64);
}

/* step_cost_parts of a band no memo slot keeps, worked out once per search
 * (the forward pass, the backward pass and the walks ask for it again). */
static int
band_cost_kept (const Search *s, const Step *st, guint i, guint r, int *identity_part)
{
  gpointer key, kept;
  if (!s->band_costs || !step_band_key (s, st, i, r, &key))
    return step_cost_parts (s, st, i, r, identity_part);
  if (g_hash_table_lookup_extended (s->band_costs, key, NULL, &kept))
    {
      guint64 both = (guint64) (guintptr) kept;
      if (identity_part)
        *identity_part = (int) (guint32) both;
      return (int) (guint32) (both >> 32);
    }
  int id_part = 0;
  int cost = step_cost_parts (s, st, i, r, &id_part);
  g_hash_table_insert (s->band_costs, key, (gpointer) (guintptr) (((guint64) (guint32) cost << 32) | (guint32) id_part));
  if (identity_part)
    *identity_part = id_part;
  return cost;
}

/* step_cost_parts, each (state, step) worked out once: the search, the walk
 * and the redundancy test ask for the same steps many times. */
static int
step_cost_cached (const Search *s, const Step *st, guint i, guint r, int *identity_part)
{
  /* wide strips, many and seldom fitting, are kept by no slot: their
   * first test, where it needs nothing placed, is asked first */
  if (step_is_wide_strips (st) && st->hole == NO_HOLE && !st->joins && r + st->k <= s->R && i + st->ntok <= s->n
      && !wide_strips_fit_plain (s, st, i, r))
    {
      if (identity_part)
        *identity_part = 0;
      return COST_INF;
    }
  guint slot = step_slot (st);
  if (st->joins)
    return join_step_cost (s, st, i, r, identity_part);
  if (!in_reach (s, i, r))
    return step_cost_parts (s, st, i, r, identity_part);
  if (slot == SLOT_NONE)
    return band_cost_kept (s, st, i, r, identity_part);
  guint cells = r < s->grid->n_rows ? g_array_index (s->grid->row_first, guint, r) : s->grid->cells->len;
  gsize at = (((gsize) r * memo_width (s) + (i + parts_short (s) - cells)) * SLOTS + slot) * 2;
  if (s->memo[at] == MEMO_UNSET)
    s->memo[at] = step_cost_parts (s, st, i, r, &s->memo[at + 1]);
  if (identity_part)
    *identity_part = s->memo[at + 1];
  return s->memo[at];
}

static int
step_cost (const Search *s, const Step *st, guint i, guint r)
{
  return step_cost_cached (s, st, i, r, NULL);
}

/* Adds the corners of rows r..r+k-1 whose cuts from row q on are still to
 * choose: each row cut inside (a column or more on either side), no row's
 * corner wider than the one above it (a staircase, the top-left cells). */
static void
corners_cut (const Search *s, guint r, guint k, guint q, guint cuts, guint above, Step *out, guint *n)
{
  const GkGrid *grid = s->grid;
  if (q == k)
    {
      guint ntok = 0;
      gboolean uniform = TRUE;
      for (guint p = 0; p < k; p++)
        {
          ntok += g_array_index (grid->row_ncols, guint, r + p);
          uniform &= corner_cut (&(Step){ .cuts = cuts }, p) == corner_cut (&(Step){ .cuts = cuts }, 0);
        }
      /* the same cut down a run of alike rows, printed first, is a band's
       * two strips (steps_from has it) */
      gboolean strips = uniform && k <= g_array_index (grid->row_run, guint, r)
                        && g_array_index (grid->row_ncols, guint, r) <= STRIP_MAX_COLS;
      if (!strips && *n < CORNER_STEPS_MAX)
        {
          out[*n] = (Step){ .kind = STEP_CORNER, .k = k, .ntok = ntok, .hole = NO_HOLE, .cuts = cuts, .slot = *n };
          (*n)++;
        }
      return;
    }
  /* a row of one column below the first may stand wholly in the corner
   * (its cell under the staircase's column: 2021's rows of decisions) */
  guint ncols = g_array_index (grid->row_ncols, guint, r + q);
  for (guint c = 1; (c < ncols || (q > 0 && ncols == 1)) && c <= ncols && c <= above; c++)
    corners_cut (s, r, k, q + 1, cuts | c << (q * CORNER_COL_BITS), c, out, n);
}

/* The corner steps from row r (slot-numbered in this order): first a row
 * turned round, its first cells printed after the rest (a tall label beside
 * the row, its first line carrying them: step_cost_parts asks the print),
 * then the staircases of two rows or more. */
static guint
corner_steps (const Search *s, guint r, Step *out)
{
  const GkGrid *grid = s->grid;
  guint n = 0, cells = 0;
  guint width = g_array_index (grid->row_ncols, guint, r);
  for (guint c = 1; c < width && width < (1u << CORNER_COL_BITS); c++, n++)
    out[n] = (Step){ .kind = STEP_CORNER, .k = 1, .ntok = width, .hole = NO_HOLE, .cuts = c, .corner_last = TRUE,
                     .slot = n };
  for (guint k = 1; k <= CORNER_MAX_ROWS && r + k <= s->R; k++)
    {
      guint ncols = g_array_index (grid->row_ncols, guint, r + k - 1);
      cells += ncols;
      /* rows printed one under another: a table of one row laid out as a
       * row per group (table 四) has its groups side by side */
      if (ncols < 1 + (k == 1) || ncols >= (1u << CORNER_COL_BITS) || cells > CORNER_MAX_CELLS
          || (k >= 2 && grid->rows->pdata[r + k - 1] == grid->rows->pdata[r + k - 2]))
        break;
      if (k >= 2)
        corners_cut (s, r, k, 0, 0, G_MAXUINT, out, &n);
    }
  return n;
}

/* The steps that may leave a state whose next template row is r. */
static guint
steps_from (const Search *s, guint r, Step *out)
{
  guint n = 0;
  out[n++] = (Step){ STEP_SKIP, 0, 1, NO_HOLE, 0 };
  if (r >= s->R)
    return n;
  guint ncols = g_array_index (s->grid->row_ncols, guint, r);
  guint run = g_array_index (s->grid->row_run, guint, r);
  out[n++] = (Step){ STEP_ROW, 1, ncols, NO_HOLE, 0 };
  /* a band read column by column stacks its rows; the column groups of one
   * printed row (table 四's) stand side by side, and no print alternates
   * between their columns */
  gboolean side_by_side = r + 1 < s->R && s->grid->rows->pdata[r] == s->grid->rows->pdata[r + 1];
  for (guint k = 2; k <= BAND_WIDE_MAX && k <= run && r + k <= s->R && !side_by_side; k++)
    out[n++] = (Step){ STEP_BAND, k, ncols * k, NO_HOLE, G_MAXUINT };
  /* strips: two or three runs of columns (a browser prints the first columns
   * of a few rows, then the next columns of the same rows) */
  if (ncols <= STRIP_MAX_COLS)
    {
      guint cut_list[1u << (STRIP_MAX_COLS - 1)], ncuts = 0;
      for (guint cuts = 1; cuts < (1u << (ncols - 1)); cuts++)
        if (__builtin_popcount (cuts) <= STRIP_MAX_CUTS && cuts != (1u << (ncols - 1)) - 1)
          cut_list[ncuts++] = cuts;
      for (guint k = 2; k <= BAND_WIDE_MAX && k <= run && r + k <= s->R; k++)
        for (guint c = 0; c < ncuts; c++)
          out[n++] = (Step){ STEP_BAND, k, ncols * k, NO_HOLE, cut_list[c] };
    }
  /* each band again with a page number inside it, where one may be */
  guint bands_end = n;
  if (s->page_numbers)
    for (guint q = 2; q < bands_end; q++)
      out[n++] = (Step){ STEP_BAND, out[q].k, out[q].ntok + 1, HOLE_PAGE_NUMBER, out[q].cuts };
  for (guint h = 1; h < ncols && h <= ROW_MAX_COLS; h++)
    out[n++] = (Step){ STEP_ROW, 1, ncols + 1, h, 0 };
  n += corner_steps (s, r, out + n);
  return n;
}

/* steps[0, n) kept in *slot, a search's cache of a row's steps. */
static GArray *
steps_kept (GArray **slot, const Step *steps, guint n)
{
  *slot = g_array_sized_new (FALSE, FALSE, sizeof (Step), n);
  g_array_append_vals (*slot, steps, n);
  return *slot;
}

/* A cache of steps_kept per template row r <= R, freed. */
static void
steps_per_row_free (GArray **per_row, guint R)
{
  for (guint r = 0; per_row && r <= R; r++)
    if (per_row[r])
      g_array_unref (per_row[r]);
  g_free (per_row);
}

/* steps_from (s, r, out), worked out once per search: they depend on the
 * row alone. */
static guint
steps_of_row (const Search *s, guint r, Step *out)
{
  if (!s->row_steps)
    return steps_from (s, r, out);
  GArray *kept = s->row_steps[r];
  if (!kept)
    return steps_kept (&s->row_steps[r], out, steps_from (s, r, out))->len;
  memcpy (out, kept->data, kept->len * sizeof (Step));
  return kept->len;
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

/* The columns of grid row r (bit c for column c) whose headers lines of the
 * text are (the header's words make a third of a line at least:
 * "本年新公开数量", not "法人或其他组织"). */
/* Whether a column's header makes a third of a line at least. */
static gboolean
header_names_line (const GkRegex *header, const char *line)
{
  glong chars = g_utf8_strlen (line, -1);
  gsize st, e;
  return chars && gk_regex_search (header, line, 0, &st, &e) && 3 * g_utf8_strlen (line + st, (gssize) (e - st)) >= chars;
}

static guint
header_columns (const GkGrid *grid, guint r, const char *text)
{
  guint named = 0;
  guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l]; l++)
    for (guint c = 0; c < ncols && c < 32; c++)
      {
        const GkRegex *header = g_array_index (grid->cells, GridCell, first + c).header;
        if (header && header_names_line (header, lines[l]))
          named |= 1u << c;
      }
  return named;
}

static GArray *rows_named (const GkGrid *grid, const char *text);
static gboolean header_names_total (const GkGrid *grid, guint r, const char *text);
static gboolean lines_are_headers (const GkGrid *grid, const GPtrArray *lines);

/* The label text above a token when it may be a column's header: text
 * that names a row is a row's label, whatever column words it holds
 * ("3.其他"). */
static const char *
header_text (const GkGrid *grid, const Token *t)
{
  if (!t->above)
    return NULL;
  g_autoptr (GArray) named = rows_named (grid, t->above);
  if (!named->len)
    return t->above;
  /* a row's label, then a header under it ("行政处罚" "上一年项目数量"):
   * the lines after the last that names a row by itself */
  const char *from = NULL;
  for (const char *line = t->above; *line;)
    {
      const char *nl = strchr (line, '\n');
      gsize len = nl ? (gsize) (nl - line) : strlen (line);
      g_autofree char *one = g_strndup (line, len);
      g_autoptr (GArray) names = rows_named (grid, one);
      line += len + (nl != NULL);
      if (names->len)
        from = line;
    }
  return from && *from ? from : NULL;
}

/* Search.header of one token from the columns its header text names in
 * each of the R grid rows (cols). */
static void
header_of_columns (const guint *cols, int *h, guint R)
{
  gboolean any = FALSE, several = FALSE;
  for (guint r = 0; r < R; r++)
    {
      h[r] = !cols[r] ? HEADER_NONE : cols[r] & (cols[r] - 1) ? HEADER_SEVERAL : __builtin_ctz (cols[r]);
      any |= h[r] >= 0;
      several |= h[r] == HEADER_SEVERAL;
    }
  /* a header row (several columns named) says nothing of one token */
  for (guint r = 0; r < R; r++)
    if (several || !any)
      h[r] = HEADER_NONE;
    else if (h[r] == HEADER_NONE)
      h[r] = HEADER_ELSEWHERE;
}

/* What the label text above each token says, worked out once for a
 * section: search_headers asks it again of every layout tried (strips,
 * corners), whose grids hold the same rows' labels and columns' headers.
 * Bit p of a set stands for the memo's p-th label pattern or header. */
typedef struct {
  char **lines;          /* the text split at its newlines */
  guint nlines;
  guint64 named_all;     /* label patterns found in the whole text */
  guint64 *named;        /* per line: label patterns found in it */
  guint64 *whole;        /* per line: headers whose first match is all of it */
  guint64 *third;        /* per line: headers whose first match makes a third of it */
} AboveMemo;

typedef struct HeaderMemo {
  GPtrArray *patterns;   /* const GkRegex*: the grid's row labels, each once */
  GPtrArray *headers;    /* const GkRegex*: its columns' headers, each once */
  GHashTable *above;     /* Token.above → AboveMemo* */
  gboolean check;        /* GK_DECODE_CHECK_MEMO: the patterns asked too, any difference fatal (tests) */
} HeaderMemo;

static void
above_memo_free (AboveMemo *m)
{
  g_strfreev (m->lines);
  g_free (m->named);
  g_free (m->whole);
  g_free (m->third);
  g_free (m);
}

static void
header_memo_free (HeaderMemo *hm)
{
  if (!hm)
    return;
  g_ptr_array_unref (hm->patterns);
  g_ptr_array_unref (hm->headers);
  g_hash_table_unref (hm->above);
  g_free (hm);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeaderMemo, header_memo_free)

static gboolean
regex_found (const GkRegex *re, const char *text)
{
  gsize st, e;
  return gk_regex_search (re, text, 0, &st, &e);
}

/* The memo of the grid's labels and headers on the tokens' texts; NULL when
 * they are too many for its sets. */
static HeaderMemo *
header_memo_new (const GkGrid *grid, const Token *tok, guint n)
{
  g_autoptr (HeaderMemo) hm = g_new0 (HeaderMemo, 1);
  hm->patterns = g_ptr_array_new ();
  hm->headers = g_ptr_array_new ();
  hm->above = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) above_memo_free);
  hm->check = g_getenv ("GK_DECODE_CHECK_MEMO") != NULL;
  for (guint r = 0; r < grid->n_rows; r++)
    {
      const GkTplRow *row = grid->rows->pdata[r];
      if (row->pattern && !g_ptr_array_find (hm->patterns, row->pattern, NULL))
        g_ptr_array_add (hm->patterns, (gpointer) row->pattern);
    }
  for (guint c = 0; c < grid->cells->len; c++)
    {
      const GkRegex *h = g_array_index (grid->cells, GridCell, c).header;
      if (h && !g_ptr_array_find (hm->headers, h, NULL))
        g_ptr_array_add (hm->headers, (gpointer) h);
    }
  if (hm->patterns->len > 64 || hm->headers->len > 64)
    return NULL;
  for (guint t = 0; t < n; t++)
    {
      const char *text = tok[t].above;
      if (!text || g_hash_table_contains (hm->above, text))
        continue;
      AboveMemo *m = g_new0 (AboveMemo, 1);
      m->lines = g_strsplit (text, "\n", -1);
      m->nlines = g_strv_length (m->lines);
      m->named = g_new0 (guint64, m->nlines);
      m->whole = g_new0 (guint64, m->nlines);
      m->third = g_new0 (guint64, m->nlines);
      for (guint p = 0; p < hm->patterns->len; p++)
        if (regex_found (hm->patterns->pdata[p], text))
          m->named_all |= (guint64) 1 << p;
      for (guint l = 0; l < m->nlines; l++)
        {
          const char *line = m->lines[l];
          glong chars = g_utf8_strlen (line, -1);
          for (guint p = 0; p < hm->patterns->len; p++)
            if (regex_found (hm->patterns->pdata[p], line))
              m->named[l] |= (guint64) 1 << p;
          for (guint h = 0; h < hm->headers->len; h++)
            {
              gsize st, e;
              if (!gk_regex_search (hm->headers->pdata[h], line, 0, &st, &e))
                continue;
              if (st == 0 && e == strlen (line))
                m->whole[l] |= (guint64) 1 << h;
              if (chars && 3 * g_utf8_strlen (line + st, (gssize) (e - st)) >= chars)
                m->third[l] |= (guint64) 1 << h;
            }
        }
      g_hash_table_insert (hm->above, (gpointer) text, m);
    }
  return g_steal_pointer (&hm);
}

/* Index of a pattern in a memo's list, or -1. */
static int
memo_index (const GPtrArray *list, const GkRegex *re)
{
  guint at;
  return g_ptr_array_find ((GPtrArray *) list, re, &at) ? (int) at : -1;
}

/* search_headers from the memo: what header_text, header_columns and
 * lines_are_headers find, read off the sets of the grid's own patterns.
 * FALSE when the grid holds a pattern the memo has not. */
static gboolean
search_headers_memo (Search *s)
{
  const HeaderMemo *hm = s->hmemo;
  const GkGrid *grid = s->grid;
  guint64 pmask = 0, hmask = 0;
  for (guint r = 0; r < grid->n_rows; r++)
    {
      const GkTplRow *row = grid->rows->pdata[r];
      int p = row->pattern ? memo_index (hm->patterns, row->pattern) : -2;
      if (p == -1)
        return FALSE;
      if (p >= 0)
        pmask |= (guint64) 1 << p;
    }
  g_autofree int *cell_h = g_new (int, MAX (grid->cells->len, 1));
  for (guint c = 0; c < grid->cells->len; c++)
    {
      const GkRegex *h = g_array_index (grid->cells, GridCell, c).header;
      cell_h[c] = h ? memo_index (hm->headers, h) : -2;
      if (cell_h[c] == -1)
        return FALSE;
      if (cell_h[c] >= 0)
        hmask |= (guint64) 1 << cell_h[c];
    }
  for (guint t = 0; t < s->n; t++)
    if (s->tok[t].above && !g_hash_table_contains (hm->above, s->tok[t].above))
      return FALSE;
  for (guint t = 0; t < s->n; t++)
    {
      int *h = &s->header[(gsize) t * s->R];
      guint *cols = &s->header_cols[(gsize) t * s->R];
      const AboveMemo *m = s->tok[t].above ? g_hash_table_lookup (hm->above, s->tok[t].above) : NULL;
      guint64 third = 0;
      gboolean text = FALSE;
      if (m)
        {
          /* lines_are_headers: every line but the empty ones all a header */
          gboolean alone = FALSE;
          for (guint l = 0; l < m->nlines; l++)
            if (*m->lines[l])
              {
                alone = (m->whole[l] & hmask) != 0;
                if (!alone)
                  break;
              }
          s->header_alone[t] = alone;
          /* header_text: the whole text when it names no row, else the
           * lines after the last naming one (the empty tail after the last
           * newline is no line of it) */
          guint from = 0;
          text = TRUE;
          if (m->named_all & pmask)
            {
              guint last = m->nlines && !*m->lines[m->nlines - 1] ? m->nlines - 1 : m->nlines;
              gboolean any = FALSE;
              for (guint l = 0; l < last; l++)
                if (m->named[l] & pmask)
                  from = l + 1, any = TRUE;
              text = any && from < last;
            }
          for (guint l = from; text && l < m->nlines; l++)
            third |= m->third[l];
        }
      for (guint r = 0; r < s->R; r++)
        {
          guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
          cols[r] = 0;
          for (guint c = 0; text && c < ncols && c < 32; c++)
            if (cell_h[first + c] >= 0 && (third >> cell_h[first + c] & 1))
              cols[r] |= 1u << c;
        }
      header_of_columns (cols, h, s->R);
    }
  return TRUE;
}

/* What the header above each token says of each grid row (Search.header). */
static void
search_headers (Search *s)
{
  s->header = g_new (int, (gsize) MAX (s->n, 1) * s->R);
  s->header_cols = g_new0 (guint, (gsize) MAX (s->n, 1) * s->R);
  s->header_alone = g_new0 (gboolean, MAX (s->n, 1));
  gsize size = (gsize) MAX (s->n, 1) * s->R;
  g_autofree int *memo_header = NULL;
  g_autofree guint *memo_cols = NULL;
  g_autofree gboolean *memo_alone = NULL;
  if (s->hmemo && search_headers_memo (s))
    {
      if (!s->hmemo->check)
        return;
      memo_header = g_memdup2 (s->header, size * sizeof (int));
      memo_cols = g_memdup2 (s->header_cols, size * sizeof (guint));
      memo_alone = g_memdup2 (s->header_alone, MAX (s->n, 1) * sizeof (gboolean));
    }
  for (guint t = 0; t < s->n; t++)
    {
      if (s->tok[t].above)
        {
          g_auto (GStrv) split = g_strsplit (s->tok[t].above, "\n", -1);
          g_autoptr (GPtrArray) lines = g_ptr_array_new ();
          for (guint l = 0; split[l]; l++)
            if (*split[l])
              g_ptr_array_add (lines, split[l]);
          s->header_alone[t] = lines_are_headers (s->grid, lines);
        }
      const char *text = header_text (s->grid, &s->tok[t]);
      int *h = &s->header[(gsize) t * s->R];
      guint *cols = &s->header_cols[(gsize) t * s->R];
      for (guint r = 0; r < s->R; r++)
        cols[r] = text ? header_columns (s->grid, r, text) : 0;
      header_of_columns (cols, h, s->R);
    }
  if (memo_header
      && (memcmp (memo_header, s->header, size * sizeof (int)) || memcmp (memo_cols, s->header_cols, size * sizeof (guint))
          || memcmp (memo_alone, s->header_alone, MAX (s->n, 1) * sizeof (gboolean))))
    g_error ("decode: the header memo differs from the patterns");
}

/* A state's steps (steps_list's, in its order) as the walks judged them:
 * the cheapest rest after each, what each costs and whether it repeats the
 * rows' own reading.  The walks come back to a state many times by other
 * paths (fresh004: 15,000 visits of 82 states), and none of it depends on
 * the path (the search's passes are over when its walks begin). */
typedef struct {
  guint n;
  int *rest;             /* the cheapest rest after the step (s->g), COST_INF
                            where it runs past the table's tokens or rows */
  int *floor;            /* step_cost_floor */
  int *order;            /* step_order_cost */
  int *cost;             /* step_cost, or STATE_STEP_UNSEEN */
  gint8 *redundant;      /* band_is_redundant, or -1 where not asked */
  struct PlacedCells **placed; /* the step's cells and tokens, NULL: not asked */
} StateSteps;

/* A state's step as placed there (step_placed, step_map_tokens): the grid
 * cells it fills and their tokens. */
typedef struct PlacedCells {
  guint n;
  guint *cell;
  const Token **tok;
} PlacedCells;

static void
state_steps_free (gpointer p)
{
  StateSteps *judged = p;
  for (guint q = 0; q < judged->n; q++)
    g_free (judged->placed[q]);
  g_free (judged);
}

static void
search_free (Search *s)
{
  g_free (s->f);
  g_free (s->g);
  g_free (s->memo);
  g_free (s->header);
  g_free (s->header_cols);
  g_free (s->header_alone);
  if (s->join_steps)
    g_hash_table_unref (s->join_steps);
  steps_per_row_free (s->row_steps, s->R);
  steps_per_row_free (s->flow_steps, s->R);
  if (s->band_costs)
    g_hash_table_unref (s->band_costs);
  if (s->leaf_misprints)
    g_hash_table_unref (s->leaf_misprints);
  if (s->walk_states)
    g_hash_table_unref (s->walk_states);
  g_free (s->touch_next);
}

/* ------------------------------------------- numbers wrapped in narrow cells */

/* A cell narrower than its number prints it over two or three lines, a
 * piece a line: the first pieces as wide as the cell, the last no wider.
 * pdftotext makes each piece a token, so a column of such cells has more
 * tokens than rows, and nothing in the text tells a piece from a number of
 * its own but the table.  So a band whose strip of one column holds more
 * pieces than rows may join them: each grouping of the strip's tokens into
 * its cells, in order, is a step of its own (join_steps_at), and the
 * identities choose among them as among any placements; groupings that fit
 * alike and give different numbers leave their cells ambiguous.  A join
 * costs nothing: the pieces are one printed cell, and a wrong grouping
 * shifts every number after it. */

static void
wraps_free (Wraps *w)
{
  if (!w)
    return;
  g_free (w->joined);
  g_free (w->joinable);
  g_ptr_array_unref (w->cells);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Wraps, wraps_free)

typedef struct {
  Step step;
  int cost, identity;  /* step_cost_parts */
} JoinStep;

/* Enumerating a band's groupings of pieces: the band, the state, what was
 * found. */
typedef struct {
  const Search *s;
  guint i, r, ncols;
  Step band;
  guint strips;        /* the band's strips (Step.cuts); a row's: each cell its own */
  GArray *found;       /* JoinStep */
  guint tries;
} JoinGen;

/* Whether each of tokens [a, b) stands alone on its line: a wrapped
 * cell's pieces, each a line of the print, as pdftotext -raw prints a row
 * whose wide numbers wrap (no blank line parts its blocks). */
static gboolean
pieces_on_lines_of_their_own (const Search *s, guint a, guint b)
{
  for (guint t = a; t < b; t++)
    if ((t > 0 && s->tok[t - 1].line == s->tok[t].line) || (t + 1 < s->n && s->tok[t + 1].line == s->tok[t].line))
      return FALSE;
  return b > a + 1;
}

/* A strip of one column that joins pieces is one block of the print: it
 * starts and ends one (pdftotext's blocks are apart), and each of its cells
 * follows the one before on the next line, or after its row's label. */
static gboolean
join_strip_is_block (const JoinGen *g, const guint *starts, guint end)
{
  const Token *tok = g->s->tok + g->i;
  guint first = starts[0];
  gboolean alone = g->band.kind == STEP_ROW && pieces_on_lines_of_their_own (g->s, g->i + first, g->i + end);
  if (g->i + first > 0 && tokens_touch (tok + first - 1, tok + first) && !alone)
    return FALSE;
  if (g->i + end < g->s->n && tokens_touch (tok + end - 1, tok + end) && !alone)
    return FALSE;
  for (guint q = 1; q < g->band.k; q++)
    {
      const Token *t = tok + starts[q];
      if (!pieces_touch (t - 1, t) && !token_names_row (t, g->r + q))
        return FALSE;
    }
  return TRUE;
}

static void join_strips (JoinGen *g, guint a, guint off, guint extra, guint64 joins);

/* The cells q.. of the one-column strip of column a, from token offset off:
 * each one piece, or two, or three (starts: the offsets of its cells). */
static void
join_cells (JoinGen *g, guint *starts, guint a, guint q, guint off, guint extra, guint64 joins)
{
  if (q == g->band.k)
    {
      guint64 strip = off >= 64 ? ~(guint64) 0 : ((guint64) 1 << off) - 1;
      strip &= ~(((guint64) 1 << starts[0]) - 1);
      if ((joins & strip) && !join_strip_is_block (g, starts, off))
        return;
      join_strips (g, a + 1, off, extra, joins);
      return;
    }
  starts[q] = off;
  for (guint m = 1; m <= JOIN_MAX_PIECES; m++)
    {
      if (off + m > 64 || g->i + off + m > g->s->n
          || (m > 1 && !g->s->wraps->joined[(gsize) (g->i + off) * JOIN_SLOTS + m - 2].cell))
        break;
      guint64 more = 0;
      for (guint p = 1; p < m; p++)
        more |= (guint64) 1 << (off + p);
      join_cells (g, starts, a, q + 1, off + m, extra + m - 1, joins | more);
    }
}

/* The band's strips from column a on, from token offset off. */
static void
join_strips (JoinGen *g, guint a, guint off, guint extra, guint64 joins)
{
  if (g->tries >= JOIN_TRIES_MAX)
    return;
  if (a >= g->ncols)
    {
      if (!joins)
        return;
      g->tries++;
      Step st = g->band;
      st.ntok += extra;
      st.joins = joins;
      if (!in_reach (g->s, g->i + st.ntok, g->r + st.k) && g->i + st.ntok != g->s->n)
        return;
      JoinStep js = { st, 0, 0 };
      js.cost = step_cost_parts (g->s, &st, g->i, g->r, &js.identity);
      if (js.cost <= DECODE_MAX_COST)
        g_array_append_val (g->found, js);
      return;
    }
  guint b = a + 1;
  while (b < g->ncols && !(g->strips & (1u << (b - 1))))
    b++;
  guint starts[JOIN_BAND_MAX];
  if (b - a > 1)
    join_strips (g, b, off + (b - a) * g->band.k, extra, joins);
  else
    join_cells (g, starts, a, 0, off, extra, joins);
}

static int
join_step_cmp (gconstpointer a, gconstpointer b)
{
  return ((const JoinStep *) a)->cost - ((const JoinStep *) b)->cost;
}

/* The steps from state (i, r) that join pieces, cheapest first, worked out
 * once: each row, and each band of at most JOIN_BAND_MAX rows with a strip
 * of one column, its pieces grouped every way they may be. */
static GArray *
join_steps_at (const Search *s, guint i, guint r)
{
  gpointer key = GSIZE_TO_POINTER (ST (s, i, r) + 1);
  GArray *found = g_hash_table_lookup (s->join_steps, key);
  if (found)
    return found;
  found = g_array_new (FALSE, FALSE, sizeof (JoinStep));
  g_hash_table_insert (s->join_steps, key, found);
  /* a state no placement within the cost a table may take reaches, or no
   * piece near */
  if (r >= s->R || i >= s->n || s->f[ST (s, i, r)] > DECODE_MAX_COST
      || s->wraps->joinable[MIN (s->n, i + 64)] == s->wraps->joinable[i + 1])
    return found;
  Step bands[STEPS_MAX];
  guint nb = steps_of_row (s, r, bands);
  JoinGen g = { s, i, r, g_array_index (s->grid->row_ncols, guint, r), { 0 }, 0, found, 0 };
  for (guint q = 0; q < nb; q++)
    if ((bands[q].kind == STEP_BAND || bands[q].kind == STEP_ROW) && bands[q].hole == NO_HOLE
        && bands[q].k <= JOIN_BAND_MAX)
      {
        /* a row printed cell by cell: each cell a strip of one column, its
         * wrapped number a block of its own */
        g.band = bands[q];
        g.strips = bands[q].kind == STEP_ROW ? G_MAXUINT : bands[q].cuts;
        join_strips (&g, 0, 0, 0, 0);
      }
  g_array_sort (found, join_step_cmp);
  if (found->len > JOIN_STEPS_MAX)
    g_array_set_size (found, JOIN_STEPS_MAX);
  return found;
}

static int
join_step_cost (const Search *s, const Step *st, guint i, guint r, int *identity_part)
{
  const GArray *found = join_steps_at (s, i, r);
  for (guint q = 0; q < found->len; q++)
    {
      const JoinStep *js = &g_array_index (found, JoinStep, q);
      if (js->step.joins == st->joins && js->step.k == st->k && js->step.cuts == st->cuts && js->step.ntok == st->ntok)
        {
          if (identity_part)
            *identity_part = js->identity;
          return js->cost;
        }
    }
  return step_cost_parts (s, st, i, r, identity_part);
}

/* The steps that may leave a state of row r but for those that join pieces
 * of wrapped numbers: steps_from's, and the rows without edge cells. */
static guint
steps_but_joins (const Search *s, guint r, Step *out)
{
  guint n = steps_of_row (s, r, out);
  /* a row without its edge cells, where labels came as a block (a wrapped
   * edge cell may have gone with its row's label) */
  if (s->label_flow && r < s->R)
    {
      guint ncols = g_array_index (s->grid->row_ncols, guint, r);
      for (guint cuts = PART_FIRST; cuts <= (PART_FIRST | PART_LAST) && ncols > 2; cuts++)
        out[n++] = (Step){ STEP_PART, 1, ncols - (guint) __builtin_popcount (cuts), NO_HOLE, cuts };
    }
  return n;
}

/* The steps that may leave state (i, r): steps_but_joins's, and those that
 * join pieces of wrapped numbers there. */
static guint
steps_at (const Search *s, guint i, guint r, Step *out)
{
  guint n = steps_but_joins (s, r, out);
  if (!s->wraps)
    return n;
  const GArray *found = join_steps_at (s, i, r);
  for (guint q = 0; q < found->len; q++)
    out[n++] = g_array_index (found, JoinStep, q).step;
  return n;
}

/* steps_at's steps as an array: the search's own steps_from of row r,
 * not copied, where a state adds none (no block of labels, no wrapped
 * numbers); else filled in buf. */
static const Step *
steps_list (const Search *s, guint i, guint r, Step *buf, guint *n)
{
  /* a state with no pieces to join has its row's steps (most states, where
   * numbers wrap) */
  if (!s->row_steps || (s->wraps && join_steps_at (s, i, r)->len > 0))
    {
      *n = steps_at (s, i, r, buf);
      return buf;
    }
  if (s->label_flow)
    {
      if (!s->flow_steps[r])
        steps_kept (&s->flow_steps[r], buf, steps_but_joins (s, r, buf));
      *n = s->flow_steps[r]->len;
      return (const Step *) s->flow_steps[r]->data;
    }
  if (!s->row_steps[r])
    steps_of_row (s, r, buf);
  *n = s->row_steps[r]->len;
  return (const Step *) s->row_steps[r]->data;
}

/* What a step costs at least: the order it reads in and the token it
 * drops (step_cost_parts only adds to these). */
static int
step_cost_floor (const Step *st)
{
  return step_order_cost (st) + (st->hole != NO_HOLE ? W_SKIP_PAGE_NUMBER : 0);
}

/* The forward pass costs a state's steps in two more rounds after those
 * that cost nothing at least: floors 1-2 (a band, a hole) one later, floors
 * 3-4 (strips) at FORWARD_LATE. */
enum { FORWARD_LATE = W_STRIP, FORWARD_ROUNDS = 3 };

static guint
forward_round (int floor)
{
  return floor == 0 ? 0 : floor < FORWARD_LATE ? 1 : 2;
}

static void
forward_push (GPtrArray *buckets, int key, guint entry)
{
  while (buckets->len <= (guint) key)
    g_ptr_array_add (buckets, g_array_new (FALSE, FALSE, sizeof (guint)));
  g_array_append_val (buckets->pdata[key], entry);
}

/* Costs the steps of round `round` from state (i, r), whose cost is here,
 * lowering the costs of their ends (queued in buckets).  A step whose end
 * some path reaches already for no more than here plus what the step costs
 * at least lowers nothing there, and is not costed. */
static void
forward_steps (Search *s, guint i, guint r, int here, guint round, GPtrArray *buckets)
{
  Step buf[STEPS_MAX];
  guint ns;
  const Step *steps = steps_list (s, i, r, buf, &ns);
  for (guint q = 0; q < ns; q++)
    {
      int floor = step_cost_floor (&steps[q]);
      /* past the end the step costs COST_INF */
      if (forward_round (floor) != round || i + steps[q].ntok > s->n || r + steps[q].k > s->R)
        continue;
      gsize to = ST (s, i + steps[q].ntok, r + steps[q].k);
      if (s->f[to] <= here + floor || !in_reach (s, i + steps[q].ntok, r + steps[q].k))
        continue;
      int c = add_cost (here, step_cost (s, &steps[q], i, r));
      if (c == COST_INF || c >= s->f[to])
        continue;
      s->f[to] = c;
      forward_push (buckets, c, (guint) to * FORWARD_ROUNDS);
    }
}

/* The forward pass's queue of states (a bucket of entries per cost), kept
 * where a pass that stopped at a cost may go on from. */
typedef struct {
  GPtrArray *buckets;
  gboolean *done;
  guint key;           /* the first bucket not yet taken */
} Forward;

static void
forward_begin (Search *s, Forward *fw)
{
  gsize nstates = (gsize) (s->n + 1) * (s->R + 1);
  for (gsize q = 0; q < nstates; q++)
    s->f[q] = COST_INF;
  s->f[ST (s, 0, 0)] = 0;
  fw->done = g_new0 (gboolean, nstates);
  fw->buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  fw->key = 0;
  forward_push (fw->buckets, 0, 0);
}

static void
forward_end (Forward *fw)
{
  g_free (fw->done);
  g_ptr_array_unref (fw->buckets);
}

/* The forward pass: s->f, the cheapest cost from the start to each state.
 * The states are taken cheapest first (a queue of buckets by cost: costs
 * are small whole numbers), so a state's costlier steps come after the
 * paths that are cheaper than them are known.  The pass takes the buckets
 * up to cost limit: every state a path reaches for no more is then final
 * in s->f; going on later (a higher limit) takes the rest as one pass
 * would (a bucket only gets entries of its cost or more). */
static void
search_forward (Search *s, Forward *fw, int limit)
{
  GPtrArray *buckets = fw->buckets;
  for (; fw->key < buckets->len && (int) fw->key <= limit; fw->key++)
    for (guint z = 0; z < ((GArray *) buckets->pdata[fw->key])->len; z++)
      {
        guint key = fw->key;
        guint e = g_array_index ((GArray *) buckets->pdata[key], guint, z);
        guint p = e / FORWARD_ROUNDS, round = e % FORWARD_ROUNDS;
        guint i = p / (s->R + 1), r = p % (s->R + 1);
        int here = s->f[p];
        if (round == 0)
          {
            /* a state's cost is final when it comes out of the queue */
            if (here != (int) key || fw->done[p])
              continue;
            fw->done[p] = TRUE;
            if (here > DECODE_MAX_COST + W_STRIP && only_joins_reach (s, i, r))
              continue;
            forward_push (buckets, here + 1, p * FORWARD_ROUNDS + 1);
            forward_push (buckets, here + FORWARD_LATE, p * FORWARD_ROUNDS + 2);
          }
        forward_steps (s, i, r, here, round, buckets);
      }
}

/* The hash of a leaf's key (its cells' values and known, GBytes) a word
 * at a time: g_bytes_hash takes a byte at a time, and the keys are some
 * kilobytes long.  The values are doubles, their bits high in the word:
 * each word is folded before it is mixed in. */
static guint
leaf_key_hash (gconstpointer key)
{
  gsize len;
  const guchar *p = g_bytes_get_data ((GBytes *) key, &len);
  guint64 h = len;
  gsize k = 0;
  for (; k + sizeof (guint64) <= len; k += sizeof (guint64))
    {
      guint64 x;
      memcpy (&x, p + k, sizeof x);
      h = (h ^ x ^ (x >> 32)) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
      h ^= h >> 29;
    }
  for (; k < len; k++)
    h = (h ^ p[k]) * G_GUINT64_CONSTANT (0x100000001B3);
  return (guint) (h ^ (h >> 32));
}

/* The backward pass: s->g, the cheapest cost from each state to the end,
 * over the states the forward pass reached for no more than limit (all:
 * COST_INF).  The start's is the cheapest placement's cost where that is
 * no more than limit (its states all reached so), else more than limit. */
static void
search_backward (Search *s, int limit)
{
  Step buf[STEPS_MAX];
  /* backwards: the end is any state with every token used */
  for (guint i = s->n + 1; i-- > 0;)
    for (guint r = s->R + 1; r-- > 0;)
      {
        int best = i == s->n ? missing_rows_cost (s, r) : COST_INF;
        /* a state no placement reaches from the start is never asked for */
        if (!in_reach (s, i, r) || s->f[ST (s, i, r)] == COST_INF || s->f[ST (s, i, r)] > limit
            || (s->f[ST (s, i, r)] > DECODE_MAX_COST + W_STRIP && only_joins_reach (s, i, r)))
          {
            s->g[ST (s, i, r)] = best;
            continue;
          }
        guint ns;
        const Step *steps = steps_list (s, i, r, buf, &ns);
        for (guint q = 0; q < ns; q++)
          {
            /* past the end the step costs COST_INF; else one that cannot
             * bring best lower is not costed (the cheap tests first) */
            if (i + steps[q].ntok > s->n || r + steps[q].k > s->R)
              continue;
            int rest = s->g[ST (s, i + steps[q].ntok, r + steps[q].k)];
            if (rest == COST_INF || (best != COST_INF && step_cost_floor (&steps[q]) + rest >= best))
              continue;
            if (!in_reach (s, i + steps[q].ntok, r + steps[q].k) && !(i + steps[q].ntok == s->n))
              continue;
            int c = step_cost (s, &steps[q], i, r);
            if (c == COST_INF)
              continue;
            best = MIN (best, add_cost (c, rest));
          }
        s->g[ST (s, i, r)] = best;
      }
}

/* The search's tables, before its passes. */
static void
search_begin (Search *s)
{
  search_headers (s);
  gsize nstates = (gsize) (s->n + 1) * (s->R + 1);
  s->f = g_new (int, nstates);
  s->g = g_new (int, nstates);
  gsize nmemo = (gsize) (s->R + 1) * memo_width (s) * SLOTS * 2;
  if (s->wraps)
    s->join_steps = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  s->memo = g_new (int, nmemo);
  memset (s->memo, 0xff, nmemo * sizeof (int));
  s->row_steps = g_new0 (GArray *, s->R + 1);
  s->flow_steps = g_new0 (GArray *, s->R + 1);
  s->band_costs = g_hash_table_new (NULL, NULL);
  s->leaf_misprints = g_hash_table_new_full (leaf_key_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, g_free);
  s->walk_states = g_hash_table_new_full (NULL, NULL, NULL, state_steps_free);
  for (gsize q = 0; q < nstates; q++)
    s->g[q] = COST_INF;
  s->touch_next = g_new0 (gboolean, MAX (s->n, 1));
  for (guint t = 0; t + 1 < s->n; t++)
    s->touch_next[t] = tokens_touch (&s->tok[t], &s->tok[t + 1]);
}

static void
search_run (Search *s)
{
  search_begin (s);
  Forward fw;
  forward_begin (s, &fw);
  search_forward (s, &fw, COST_INF);
  forward_end (&fw);
  search_backward (s, COST_INF);
}

/* search_run where the cheapest placement costs no more than cap; FALSE,
 * the passes stopped there, where it costs more (s->g[0] is then more than
 * cap, not the cost).  A layout that cannot beat the best so far is costed
 * only as far as cap: most lose. */
static gboolean
search_run_within (Search *s, int cap)
{
  search_begin (s);
  Forward fw;
  forward_begin (s, &fw);
  search_forward (s, &fw, cap);
  search_backward (s, cap);
  gboolean within = s->g[ST (s, 0, 0)] <= cap;
  if (within)
    {
      search_forward (s, &fw, COST_INF);
      search_backward (s, COST_INF);
    }
  forward_end (&fw);
  return within;
}

/* ------------------------------------------------------------ the result */

/* What the cheapest placements say of each grid cell. */
typedef struct {
  const GkCell **cell;   /* token placed by the first cheapest placement */
  double *value;
  gboolean *seen;        /* some cheapest placement fills the cell */
  gboolean *differs;     /* they fill it with different values, or one leaves it empty */
  gboolean *blank;       /* the cell printed nothing (its row's numbers sit elsewhere): 0 */
  guint skipped;         /* tokens a cheapest placement drops */
  guint misprints;       /* published errors the cheapest placement needs */
  int cost;              /* what the cheapest placement costs */
  guint label_block_rows; /* rows whose labels came as a block before their numbers */
  gboolean *doubted;     /* the cell takes part in an identity it breaks */
} Votes;

static void
votes_init (Votes *v, guint ncells)
{
  v->cell = g_new0 (const GkCell *, ncells);
  v->value = g_new0 (double, ncells);
  v->seen = g_new0 (gboolean, ncells);
  v->differs = g_new0 (gboolean, ncells);
  v->blank = g_new0 (gboolean, ncells);
  v->doubted = g_new0 (gboolean, ncells);
  v->skipped = 0;
  v->misprints = 0;
  v->cost = COST_INF;
  v->label_block_rows = 0;
}

static void
votes_clear (Votes *v)
{
  g_free (v->cell);
  g_free (v->value);
  g_free (v->seen);
  g_free (v->differs);
  g_free (v->blank);
  g_free (v->doubted);
}

static void
vote (Votes *v, guint c, const GkCell *cell, double value)
{
  if (!v->seen[c])
    {
      v->seen[c] = TRUE;
      v->cell[c] = cell;
      v->value[c] = value;
    }
  else if (fabs (v->value[c] - value) > SUM_EPSILON)
    v->differs[c] = TRUE;
}

/* Cheapest placements by their steps alone: every step on some cheapest path
 * votes for the cells it fills.  Used when the paths are too many to walk. */
static void
votes_from_steps (const Search *s, Votes *v)
{
  const GkGrid *grid = s->grid;
  int opt = s->g[ST (s, 0, 0)];
  g_autofree gboolean *row_missable = g_new0 (gboolean, grid->n_rows);
  Step steps[STEPS_MAX];
  for (guint i = 0; i <= s->n; i++)
    for (guint r = 0; r <= s->R; r++)
      {
        int here = s->f[ST (s, i, r)];
        if (here == COST_INF || here > opt)
          continue;
        if (i == s->n && add_cost (here, missing_rows_cost (s, r)) == opt)
          for (guint q = r; q < s->R; q++)
            row_missable[q] = TRUE;
        guint ns = steps_at (s, i, r, steps);
        for (guint q = 0; q < ns; q++)
          {
            int identity = 0;
            int c = step_cost_cached (s, &steps[q], i, r, &identity);
            if (c == COST_INF
                || add_cost (add_cost (here, c), s->g[ST (s, i + steps[q].ntok, r + steps[q].k)]) != opt)
              continue;
            Step st;
            step_placed (s, &steps[q], i, &st);
            if (step_drops_stray (s, &st, i))
              v->skipped++;
            for (guint j = 0; j < step_cells (&st); j++)
              {
                guint cell = step_cell (s, &st, r, j);
                const Token *t = step_cell_tok (s, &st, i, j);
                double value = 0;
                token_value (t, gk_grid_type (grid, cell), &value);
                vote (v, cell, t->cell, value);
                /* its rows break their own sums: unjudged across the rows,
                 * a published error is no likelier than a placement off */
                if (identity)
                  v->differs[cell] = TRUE;
              }
          }
      }
  for (guint c = 0; c < grid->cells->len; c++)
    if (row_missable[g_array_index (grid->cells, GridCell, c).row])
      v->differs[c] = TRUE;
}

/* Walking the placements whose cost is within reach of the cheapest: the
 * steps judge each row alone, the identities across rows (a column's sum,
 * the balance of table 三) are judged on the whole placement. */
typedef struct {
  const Search *s;
  GArray *path;          /* PathStep */
  int best;
  int best_evidence;     /* the evidence of the cheapest placement */
  int best_order;        /* the order cost of the cheapest placement */
  int slack;             /* ORDER_SLACK, or 0: the cheapest placements only */
  gboolean slack_counted; /* the slack decided something: the walk without
                             it would have taken other steps */
  guint leaves;
  guint nodes;
  gboolean gave_up;
  Votes *votes;
  gboolean have_best;
  guint max_nodes, max_leaves;
  int cap;                /* a path whose steps alone cost more is not walked */
  gboolean kept_first;    /* options that keep the identities walked first */
  gboolean *id_counted;   /* scratch of path_broken_by */
  guint *ids_seen;        /* scratch of path_broken_by: an identity once at most */
  /* what the path so far places (path_apply): a leaf is judged on it */
  const GkCell **cell;
  double *value;
  gboolean *known;
  GPtrArray *leaves_kept; /* Leaf*: the placements that may vote */
  GPtrArray *frames;      /* WalkFrame* per depth: a frame's steps are too
                             big for the stack a section's rows go down */
  guint depth;
} Walk;

/* A placement walked to its end, kept until the walk knows which vote. */
typedef struct {
  int total;             /* its cost */
  int evidence;          /* its cost but for the order it reads (bands, strips) */
  guint skipped, misprints;
  const GkCell **cell;
  double *value;
  gboolean *known;
  gboolean *doubted;
} Leaf;

static void
leaf_free (Leaf *l)
{
  g_free (l->cell);
  g_free (l->value);
  g_free (l->known);
  g_free (l->doubted);
  g_free (l);
}

/* Placements that cost more than the cheapest by no more than the orders
 * they read in are walked too: an order's rarity never decides between
 * placements the print and the arithmetic fit alike. */
enum { ORDER_SLACK = W_STRIP };

/* How much dearer than the cheapest a placement may be and vote: none
 * while a cheapest placement reads row by row (the order a text dump keeps
 * unless its print says otherwise); else the slack between orders. */
static int
walk_slack (const Walk *w)
{
  return w->have_best && w->best_order > 0 ? w->slack : 0;
}

/* Whether cost is past the cheapest and its slack; notes where the slack
 * decided it (Walk.slack_counted). */
static gboolean
walk_past_slack (Walk *w, int cost)
{
  gboolean past = cost > w->best + walk_slack (w);
  w->slack_counted |= past != (cost > w->best);
  return past;
}


typedef struct {
  Step step;
  guint i, r;
} PathStep;

/* Placements walked at most; past this the votes come from the steps. */
enum { WALK_MAX_LEAVES = 500, WALK_MAX_NODES = 15000 };

/* The walks of the layouts tried when the table's own fails (strips of a
 * page, its first rows) get less: there are a dozen of them, and a layout
 * that is the table's has few placements near its cheapest. */
enum { WALK_MAX_NODES_TRIED = 2000, WALK_MAX_LEAVES_TRIED = 50 };

/* The numbers a placement leaves out (a page's number aside), where it
 * read rows without their edge cells before: pdftotext printed those
 * cells there, beside or among their rows' labels, their pieces in order,
 * or far below, beside a tall group label (Qt WebKit's first row's
 * total).  They fill the edge cells, in order, pieces joined as wrapped
 * numbers are, when one grouping alone makes every identity of those rows
 * that can be judged hold (and some does); else the cells stay unread. */
typedef struct {
  guint ncells;
  guint cell[PART_SHORT_MAX];
  const GkCell *was_cell[PART_SHORT_MAX];
  double was_value[PART_SHORT_MAX];
  gboolean was_known[PART_SHORT_MAX];
} EdgeFill;

enum { EDGE_TOKENS_MAX = PART_SHORT_MAX * JOIN_MAX_PIECES };

/* Groupings of the tokens from late[at] into the cells from q on; each
 * fitting one is compared with the first found (*found: 0 none, 1 one,
 * 2 several that differ). */
static void
edges_group (const Walk *w, const guint *late, guint nlate, guint at, const EdgeFill *f, guint q,
             const Token **pick, const Token **first, guint *found)
{
  const Search *s = w->s;
  if (*found > 1)
    return;
  if (q == f->ncells)
    {
      if (at != nlate)
        return;
      for (guint c = 0; c < f->ncells; c++)
        w->known[f->cell[c]] = token_value (pick[c], gk_grid_type (s->grid, f->cell[c]), &w->value[f->cell[c]]);
      gboolean fits = TRUE, judged = FALSE;
      for (guint c = 0; c < f->ncells && fits; c++)
        {
          const GArray *ids = s->grid->cell_ids->pdata[f->cell[c]];
          for (guint k = 0; k < ids->len && fits; k++)
            {
              int holds = gk_grid_identity_holds (s->grid->identities->pdata[g_array_index (ids, CellIdentity, k).identity],
                                                  w->value, w->known);
              fits = holds != 0;
              judged |= holds == 1;
            }
        }
      for (guint c = 0; c < f->ncells; c++)
        w->known[f->cell[c]] = FALSE;
      if (!fits || !judged)
        return;
      if (*found == 0)
        memcpy (first, pick, f->ncells * sizeof (Token *));
      else
        for (guint c = 0; c < f->ncells; c++)
          {
            double a = 0, b = 0;
            token_value (first[c], gk_grid_type (s->grid, f->cell[c]), &a);
            token_value (pick[c], gk_grid_type (s->grid, f->cell[c]), &b);
            if (fabs (a - b) > SUM_EPSILON)
              *found = 2;
          }
      *found = MAX (*found, 1);
      return;
    }
  for (guint m = 1; m <= JOIN_MAX_PIECES && at + m <= nlate; m++)
    {
      /* pieces of one number are tokens one after the other */
      if (m > 1 && (!s->wraps || late[at + m - 1] != late[at] + m - 1
                    || !s->wraps->joined[(gsize) late[at] * JOIN_SLOTS + m - 2].cell))
        break;
      pick[q] = m == 1 ? &s->tok[late[at]] : &s->wraps->joined[(gsize) late[at] * JOIN_SLOTS + m - 2];
      edges_group (w, late, nlate, at + m, f, q + 1, pick, first, found);
    }
}

/* Fills the path's edge cells (f records what they held); the tokens used. */
static guint
edges_fill (Walk *w, EdgeFill *f)
{
  const Search *s = w->s;
  f->ncells = 0;
  if (!s->label_flow)
    return 0;
  guint late[EDGE_TOKENS_MAX], nlate = 0;
  for (guint p = 0; p < w->path->len; p++)
    {
      const PathStep *ps = &g_array_index (w->path, PathStep, p);
      if (ps->step.kind == STEP_PART)
        {
          /* the numbers left out come after every row read without its edges */
          if (nlate)
            return 0;
          guint first = g_array_index (s->grid->row_first, guint, ps->r);
          guint ncols = g_array_index (s->grid->row_ncols, guint, ps->r);
          if (f->ncells + 2 > PART_SHORT_MAX)
            return 0;
          if (ps->step.cuts & PART_FIRST)
            f->cell[f->ncells++] = first;
          if (ps->step.cuts & PART_LAST)
            f->cell[f->ncells++] = first + ncols - 1;
        }
      else if (ps->step.kind == STEP_SKIP && f->ncells && !token_may_be_page_number (&s->tok[ps->i]))
        {
          if (nlate == EDGE_TOKENS_MAX)
            return 0;
          late[nlate++] = ps->i;
        }
    }
  if (!f->ncells || !nlate)
    {
      f->ncells = 0;
      return 0;
    }
  const Token *pick[PART_SHORT_MAX], *chosen[PART_SHORT_MAX];
  guint found = 0;
  edges_group (w, late, nlate, 0, f, 0, pick, chosen, &found);
  if (found != 1)
    {
      f->ncells = 0;
      return 0;
    }
  for (guint c = 0; c < f->ncells; c++)
    {
      guint cell = f->cell[c];
      f->was_cell[c] = w->cell[cell], f->was_value[c] = w->value[cell], f->was_known[c] = w->known[cell];
      w->cell[cell] = chosen[c]->cell;
      w->known[cell] = token_value (chosen[c], gk_grid_type (s->grid, cell), &w->value[cell]);
    }
  return nlate;
}

static void
edges_unfill (Walk *w, const EdgeFill *f)
{
  for (guint c = 0; c < f->ncells; c++)
    {
      guint cell = f->cell[c];
      w->cell[cell] = f->was_cell[c], w->value[cell] = f->was_value[c], w->known[cell] = f->was_known[c];
    }
}

/* A placement walked to its end (filled: the tokens its edge cells took,
 * no strays) judged and kept. */
/* gk_grid_errors_to_explain of a leaf's cells (rows_hit zeroed), kept by
 * the search where it keeps them: its walks meet the same placements again
 * (a walk capped after one that gave up, paths of zeros). */
static guint
leaf_misprints (const Search *s, const double *value, const gboolean *known, gboolean *rows_hit)
{
  const GkGrid *grid = s->grid;
  if (!s->leaf_misprints)
    return gk_grid_errors_to_explain (grid, value, known, rows_hit);
  gsize vlen = grid->cells->len * sizeof (double), len = vlen + grid->cells->len * sizeof (gboolean);
  guchar *buf = g_malloc (len);
  memcpy (buf, value, vlen);
  memcpy (buf + vlen, known, len - vlen);
  g_autoptr (GBytes) key = g_bytes_new_take (buf, len);
  const guint *kept = g_hash_table_lookup (s->leaf_misprints, key);
  if (kept)
    {
      memcpy (rows_hit, kept + 1, grid->n_rows * sizeof (gboolean));
      return kept[0];
    }
  guint misprints = gk_grid_errors_to_explain (grid, value, known, rows_hit);
  guint *keep = g_new (guint, 1 + grid->n_rows);
  keep[0] = misprints;
  memcpy (keep + 1, rows_hit, grid->n_rows * sizeof (gboolean));
  g_hash_table_insert (s->leaf_misprints, g_bytes_ref (key), keep);
  return misprints;
}

static void
walk_leaf_filled (Walk *w, guint r_end, guint filled)
{
  const Search *s = w->s;
  const GkGrid *grid = s->grid;
  guint ncells = grid->cells->len;
  guint skipped = 0;
  for (guint p = 0; p < w->path->len; p++)
    {
      const PathStep *ps = &g_array_index (w->path, PathStep, p);
      Step st;
      step_placed (s, &ps->step, ps->i, &st);
      skipped += step_drops_stray (s, &st, ps->i);
    }
  skipped -= MIN (skipped, filled);
  /* the layout evidence of the steps, then the identities judged on the
   * whole placement as the published errors it takes to explain them */
  int layout = 0;
  for (guint p = 0; p < w->path->len; p++)
    {
      const PathStep *ps = &g_array_index (w->path, PathStep, p);
      int id_part = 0;
      layout += step_cost_cached (s, &ps->step, ps->i, ps->r, &id_part) - id_part;
    }
  int total = add_cost (layout, missing_rows_cost (s, r_end));
  /* misprints only add to it: a placement out of reach without them is */
  if (total == COST_INF || (w->have_best && walk_past_slack (w, total)))
    return;
  /* the rows of the misprints, kept for the cells doubted */
  g_autofree gboolean *rows_hit = g_new0 (gboolean, grid->n_rows);
  guint misprints = leaf_misprints (s, w->value, w->known, rows_hit);
  total = add_cost (total, W_IDENTITY * (int) misprints);
  if (total == COST_INF || (w->have_best && walk_past_slack (w, total)))
    return;
  int order = 0;
  for (guint p = 0; p < w->path->len; p++)
    order += step_order_cost (&g_array_index (w->path, PathStep, p).step);
  if (gk_decode_debugging ())
    {
      g_printerr ("  leaf %d (order %d):", total, order);
      for (guint p = 0; p < w->path->len; p++)
        {
          const PathStep *ps = &g_array_index (w->path, PathStep, p);
          int sc = step_cost (w->s, &ps->step, ps->i, ps->r);
          if (sc)
            {
              /* a band read in strips shows where its strips end (bits) */
              gboolean strips = ps->step.kind == STEP_BAND && ps->step.cuts != G_MAXUINT;
              g_printerr (" %s%u@%u/r%u%s%s",
                          ps->step.kind == STEP_SKIP     ? "skip"
                          : ps->step.kind == STEP_ROW    ? "row"
                          : ps->step.kind == STEP_CORNER ? "corner"
                          : ps->step.kind == STEP_PART   ? "part"
                                                         : "band",
                          ps->step.k, ps->i, ps->r, ps->step.hole != NO_HOLE ? "h" : "", ps->step.joins ? "j" : "");
              if (strips || ps->step.kind == STEP_CORNER)
                g_printerr ("%s[%x]", ps->step.corner_last ? "l" : "s", ps->step.cuts);
              g_printerr ("=%d", sc);
            }
        }
      g_printerr ("\n");
    }
  Leaf *l = g_new0 (Leaf, 1);
  l->total = total;
  l->evidence = total - order;
  l->skipped = skipped;
  l->misprints = misprints;
  l->cell = g_memdup2 (w->cell, ncells * sizeof (GkCell *));
  l->value = g_memdup2 (w->value, ncells * sizeof (double));
  l->known = g_memdup2 (w->known, ncells * sizeof (gboolean));
  l->doubted = g_new0 (gboolean, ncells);
  for (guint c = 0; c < ncells; c++)
    l->doubted[c] = rows_hit[gk_grid_row (grid, c)];
  /* a number left out where a misprint is needed may be a cell of the rows
   * it was left out of or between, the rest shifted past it: those are
   * doubted as well */
  for (guint p = 0; p < w->path->len && misprints && skipped; p++)
    {
      const PathStep *ps = &g_array_index (w->path, PathStep, p);
      Step st;
      step_placed (s, &ps->step, ps->i, &st);
      if (!step_drops_stray (s, &st, ps->i))
        continue;
      guint r0 = st.kind == STEP_SKIP && ps->r > 0 ? ps->r - 1 : ps->r, r1 = ps->r + MAX (st.k, 1);
      for (guint c = 0; c < ncells; c++)
        l->doubted[c] |= gk_grid_row (grid, c) >= r0 && gk_grid_row (grid, c) < r1;
    }
  g_ptr_array_add (w->leaves_kept, l);
  if (!w->have_best || total < w->best)
    w->best = total, w->best_evidence = l->evidence, w->best_order = order;
  else if (total == w->best)
    w->best_evidence = MIN (w->best_evidence, l->evidence), w->best_order = MIN (w->best_order, order);
  w->have_best = TRUE;
}

static void
walk_leaf (Walk *w, guint r_end)
{
  EdgeFill fill;
  guint filled = edges_fill (w, &fill);
  walk_leaf_filled (w, r_end, filled);
  edges_unfill (w, &fill);
}

/* The votes of the placements kept: the cheapest, and those dearer only by
 * the order they read in (their evidence no worse than the cheapest's). */
static void
walk_vote (Walk *w)
{
  guint ncells = w->s->grid->cells->len;
  Votes *v = w->votes;
  int evidence = G_MAXINT;
  for (guint q = 0; q < w->leaves_kept->len; q++)
    {
      const Leaf *l = w->leaves_kept->pdata[q];
      if (l->total == w->best)
        evidence = MIN (evidence, l->evidence);
    }
  gboolean first = TRUE;
  /* the cheapest first: it sets what the others are compared with */
  for (guint pass = 0; pass < 2; pass++)
    for (guint q = 0; q < w->leaves_kept->len; q++)
      {
        const Leaf *l = w->leaves_kept->pdata[q];
        gboolean cheapest = l->total == w->best;
        if (pass == 0 ? !cheapest : cheapest || l->total > w->best + walk_slack (w) || l->evidence > evidence)
          continue;
        if (first)
          {
            first = FALSE;
            memset (v->seen, 0, ncells * sizeof (gboolean));
            memset (v->differs, 0, ncells * sizeof (gboolean));
            v->skipped = l->skipped;
            v->misprints = l->misprints;
            memcpy (v->doubted, l->doubted, ncells * sizeof (gboolean));
            for (guint c = 0; c < ncells; c++)
              if (l->known[c])
                vote (v, c, l->cell[c], l->value[c]);
            continue;
          }
        v->skipped = MAX (v->skipped, l->skipped);
        for (guint c = 0; c < ncells; c++)
          {
            if (l->known[c])
              vote (v, c, l->cell[c], l->value[c]);
            else if (v->seen[c])
              v->differs[c] = TRUE;
          }
        /* a cell the earlier placements left empty and this one fills */
        for (guint c = 0; c < ncells; c++)
          if (l->known[c] && !v->differs[c] && v->seen[c] && fabs (v->value[c] - l->value[c]) > SUM_EPSILON)
            v->differs[c] = TRUE;
      }
}

typedef struct {
  Step step;
  int cost;     /* the step's cost plus the cheapest rest */
  int own;
  guint broken; /* identities the step completes that do not hold */
  int order_by; /* cost, or with the misprints of broken (kept_first) */
  guint q;      /* the step's place among its state's (StateSteps) */
} Option;

/* Places (or, on = FALSE, takes back) a step's cells (pc) on the walk's path. */
static void
path_apply (Walk *w, const PlacedCells *pc, gboolean on)
{
  const Search *s = w->s;
  for (guint j = 0; j < pc->n; j++)
    {
      guint c = pc->cell[j];
      const Token *t = pc->tok[j];
      w->cell[c] = t->cell;
      w->known[c] = on && token_value (t, g_array_index (s->grid->cells, GridCell, c).type, &w->value[c]);
    }
}

/* Identities a step (its cells pc) would complete on the path that do not
 * hold: the step placed (path_apply), its identities judged, then taken
 * back. */
static guint
path_broken_by (Walk *w, const PlacedCells *pc)
{
  const Search *s = w->s;
  const GkGrid *grid = s->grid;
  guint broken = 0, nseen = 0;
  for (guint j = 0; j < pc->n; j++)
    {
      w->cell[pc->cell[j]] = pc->tok[j]->cell;
      w->known[pc->cell[j]] = token_value (pc->tok[j], g_array_index (grid->cells, GridCell, pc->cell[j]).type,
                                           &w->value[pc->cell[j]]);
    }
  for (guint j = 0; j < pc->n; j++)
    {
      const GArray *ids = grid->cell_ids->pdata[pc->cell[j]];
      for (guint k = 0; k < ids->len; k++)
        {
          guint id = g_array_index (ids, CellIdentity, k).identity;
          if (w->id_counted[id])
            continue;
          w->id_counted[id] = TRUE;
          w->ids_seen[nseen++] = id;
          broken += gk_grid_identity_holds (grid->identities->pdata[id], w->value, w->known) == 0;
        }
    }
  for (guint k = 0; k < nseen; k++)
    w->id_counted[w->ids_seen[k]] = FALSE;
  for (guint j = 0; j < pc->n; j++)
    w->known[pc->cell[j]] = FALSE;
  return broken;
}

/* Cheapest first; of equal cost, the one that breaks fewer identities (its
 * placements reach a good bound sooner). */
static int
option_cmp (gconstpointer a, gconstpointer b)
{
  const Option *x = a, *y = b;
  if (x->order_by != y->order_by)
    return x->order_by - y->order_by;
  return (int) x->broken - (int) y->broken;
}

/* A band whose cells come out with the same values as reading its rows one
 * by one, at no lower cost, is the same placement as far as the record can
 * tell (rows of zeros): walking it too would only multiply the paths. */
static gboolean
band_is_redundant (const Search *s, const Step *band, guint i, guint r, int band_cost)
{
  /* dropping one of two equal tokens side by side: drop the later one only */
  if (band->kind == STEP_SKIP)
    return i + 1 < s->n && s->tok[i].count == s->tok[i + 1].count && s->tok[i].is_count == s->tok[i + 1].is_count;
  if (band->joins)
    return FALSE;
  Step placed;
  if (!step_placed (s, band, i, &placed))
    return FALSE;
  band = &placed;
  if (band->hole != NO_HOLE)
    {
      const Token *a = &s->tok[i + band->hole], *b = &s->tok[i + band->hole + 1];
      return a->count == b->count && a->is_count == b->is_count;
    }
  if (band->kind != STEP_BAND && band->kind != STEP_CORNER)
    return FALSE;
  guint first = g_array_index (s->grid->row_first, guint, r);
  int rows_cost = 0;
  for (guint q = 0; q < band->k; q++)
    {
      Step row = { STEP_ROW, 1, g_array_index (s->grid->row_ncols, guint, r + q), NO_HOLE, 0 };
      int c = step_cost (s, &row, i + g_array_index (s->grid->row_first, guint, r + q) - first, r + q);
      if (c == COST_INF)
        return FALSE;
      rows_cost += c;
    }
  if (band_cost < rows_cost)
    return FALSE;
  /* the band drops no token and joins none: its j-th cell is token i + j's */
  guint cells[BAND_WIDE_MAX * ROW_MAX_COLS], off[BAND_WIDE_MAX * ROW_MAX_COLS];
  g_assert (band->ntok <= G_N_ELEMENTS (cells));
  step_map (s, band, r, band->ntok, cells, off);
  for (guint j = 0; j < band->ntok; j++)
    {
      guint cell = cells[j];
      /* the token the row-by-row reading puts in this cell */
      const GridCell *gc = &g_array_index (s->grid->cells, GridCell, cell);
      guint at = i + cell - first;
      double a = 0, b = 0;
      token_value (&s->tok[i + j], gc->type, &a);
      token_value (&s->tok[at], gc->type, &b);
      if (fabs (a - b) > SUM_EPSILON)
        return FALSE;
    }
  return TRUE;
}

enum { STATE_STEP_UNSEEN = -1 };

/* The state's StateSteps (its ns steps), made at its first visit. */
static StateSteps *
state_steps (const Search *s, guint i, guint r, const Step *steps, guint ns)
{
  gpointer key = GSIZE_TO_POINTER (ST (s, i, r));
  StateSteps *judged = g_hash_table_lookup (s->walk_states, key);
  if (judged)
    return judged;
  /* one block: the header, each step's placement, its four ints, its flag */
  guint m = MAX (ns, 1);
  judged = g_malloc (sizeof (StateSteps) + m * (sizeof (PlacedCells *) + 4 * sizeof (int) + sizeof (gint8)));
  judged->n = ns;
  judged->placed = (PlacedCells **) (judged + 1);
  judged->rest = (int *) (judged->placed + m);
  judged->floor = judged->rest + m;
  judged->order = judged->floor + m;
  judged->cost = judged->order + m;
  judged->redundant = (gint8 *) (judged->cost + m);
  for (guint q = 0; q < ns; q++)
    {
      judged->placed[q] = NULL;
      gboolean inside = i + steps[q].ntok <= s->n && r + steps[q].k <= s->R;
      judged->rest[q] = inside ? s->g[ST (s, i + steps[q].ntok, r + steps[q].k)] : COST_INF;
      judged->floor[q] = step_cost_floor (&steps[q]);
      judged->order[q] = step_order_cost (&steps[q]);
      judged->cost[q] = STATE_STEP_UNSEEN, judged->redundant[q] = -1;
    }
  g_hash_table_insert (s->walk_states, key, judged);
  return judged;
}

/* step_cost of the state's step q, worked out at its first visit. */
static int
state_step_cost (const Search *s, StateSteps *judged, const Step *steps, guint q, guint i, guint r)
{
  g_assert (q < judged->n);
  if (judged->cost[q] == STATE_STEP_UNSEEN)
    judged->cost[q] = step_cost (s, &steps[q], i, r);
  return judged->cost[q];
}

/* The state's step q as placed there, worked out once. */
static const PlacedCells *
state_step_placed (const Search *s, StateSteps *judged, const Step *steps, guint q, guint i, guint r)
{
  if (judged->placed[q])
    return judged->placed[q];
  Step placed;
  step_placed (s, &steps[q], i, &placed);
  guint n = step_cells (&placed), off[BAND_WIDE_MAX * ROW_MAX_COLS];
  g_assert (n <= G_N_ELEMENTS (off));
  /* one block: the header, the tokens, the cells */
  PlacedCells *pc = g_malloc (sizeof (PlacedCells) + MAX (n, 1) * (sizeof (const Token *) + sizeof (guint)));
  pc->n = n;
  pc->tok = (const Token **) (pc + 1);
  pc->cell = (guint *) (pc->tok + MAX (n, 1));
  step_map_tokens (s, &placed, i, r, n, pc->cell, off, pc->tok);
  judged->placed[q] = pc;
  return pc;
}

/* band_is_redundant of the state's step q (costing cost), worked out once. */
static gboolean
state_step_redundant (const Search *s, StateSteps *judged, const Step *steps, guint q, guint i, guint r, int cost)
{
  if (judged->redundant[q] < 0)
    judged->redundant[q] = band_is_redundant (s, &steps[q], i, r, cost);
  return judged->redundant[q];
}

/* A path (its cost at least cost, its evidence so far evidence) may end
 * in a placement that votes: no dearer than the cheapest, or dearer only
 * by the orders it reads in. */
static gboolean
within_reach (Walk *w, int cost, int evidence)
{
  if (!w->have_best || cost <= w->best)
    return TRUE;
  gboolean by_slack = cost <= w->best + walk_slack (w) && evidence <= w->best_evidence;
  w->slack_counted |= by_slack;
  return by_slack;
}

/* Whether every path costing cost or more is past what the walk takes:
 * over its cap, or out of reach of the cheapest whatever its evidence. */
static gboolean
walk_beyond (Walk *w, int cost)
{
  return cost > w->cap || (w->have_best && walk_past_slack (w, cost));
}

typedef struct {
  Step buf[STEPS_MAX];
  Option opts[STEPS_MAX];
} WalkFrame;

static void
walk (Walk *w, guint i, guint r, int acc, int order)
{
  const Search *s = w->s;
  if (w->gave_up)
    return;
  if (++w->nodes > w->max_nodes)
    {
      w->gave_up = TRUE;
      return;
    }
  if (i == s->n)
    {
      if (++w->leaves > w->max_leaves)
        {
          w->gave_up = TRUE;
          return;
        }
      walk_leaf (w, r);
    }
  if (w->depth == w->frames->len)
    g_ptr_array_add (w->frames, g_new (WalkFrame, 1));
  WalkFrame *frame = w->frames->pdata[w->depth++];
  Option *opts = frame->opts;
  guint ns, no = 0;
  const Step *steps = steps_list (s, i, r, frame->buf, &ns);
  StateSteps *judged = state_steps (s, i, r, steps, ns);
  for (guint q = 0; q < ns; q++)
    {
      /* a step that costs COST_INF (past the end, no way on), or that
       * costs more than the walk takes whatever it costs, is not costed */
      int rest = judged->rest[q];
      if (rest == COST_INF || walk_beyond (w, acc + judged->floor[q] + rest))
        continue;
      int c = state_step_cost (s, judged, steps, q, i, r);
      if (c == COST_INF)
        continue;
      int cost = add_cost (add_cost (acc, c), rest);
      if (cost == COST_INF || cost > w->cap || !within_reach (w, cost, acc + c - order - judged->order[q])
          || state_step_redundant (s, judged, steps, q, i, r, c))
        continue;
      /* identities the step completes that do not hold (across steps: the
       * search could not count them) order the walk */
      guint broken = path_broken_by (w, state_step_placed (s, judged, steps, q, i, r));
      int order_by = w->kept_first ? add_cost (cost, W_IDENTITY * (int) broken) : cost;
      opts[no++] = (Option){ steps[q], cost, c, broken, order_by, q };
    }
  qsort (opts, no, sizeof (Option), option_cmp);
  for (guint q = 0; q < no; q++)
    {
      int ord = order + step_order_cost (&opts[q].step);
      if (w->have_best && walk_past_slack (w, opts[q].cost))
        continue;
      if (!within_reach (w, opts[q].cost, acc + opts[q].own - ord))
        continue;
      PathStep ps = { opts[q].step, i, r };
      g_array_append_val (w->path, ps);
      const PlacedCells *pc = state_step_placed (s, judged, steps, opts[q].q, i, r);
      path_apply (w, pc, TRUE);
      walk (w, i + opts[q].step.ntok, r + opts[q].step.k, acc + opts[q].own, ord);
      path_apply (w, pc, FALSE);
      g_array_set_size (w->path, w->path->len - 1);
    }
  w->depth--;
}

/* The placements within reach of the cheapest (cap COST_INF), or only those
 * whose steps alone cost no more than cap; FALSE when they are too many to
 * walk.  *as_without_slack (may be NULL): the walk failed and its slack
 * never counted, so the walk without it would take the same steps and fail
 * alike; v is then that walk's votes on votes afresh. */
static gboolean
votes_from_paths_walk (const Search *s, Votes *v, guint max_nodes, guint max_leaves, int cap, int slack,
                       gboolean kept_first, gboolean *as_without_slack)
{
  guint ncells = s->grid->cells->len;
  Walk w = { .s = s, .best = COST_INF, .votes = v, .max_nodes = max_nodes, .max_leaves = max_leaves, .cap = cap,
             .slack = slack, .kept_first = kept_first };
  w.path = g_array_new (FALSE, FALSE, sizeof (PathStep));
  w.cell = g_new0 (const GkCell *, ncells);
  w.value = g_new0 (double, ncells);
  w.known = g_new0 (gboolean, ncells);
  w.id_counted = g_new0 (gboolean, s->grid->identities->len);
  w.ids_seen = g_new (guint, MAX (s->grid->identities->len, 1));
  w.leaves_kept = g_ptr_array_new_with_free_func ((GDestroyNotify) leaf_free);
  w.frames = g_ptr_array_new_with_free_func (g_free);
  walk (&w, 0, 0, 0, 0);
  g_ptr_array_unref (w.frames);
  gboolean as_without = !(!w.gave_up && w.have_best) && slack > 0 && !w.slack_counted;
  if (as_without)
    {
      votes_clear (v);
      votes_init (v, ncells);
      w.slack = 0;
    }
  if (as_without_slack)
    *as_without_slack = as_without;
  walk_vote (&w);
  g_ptr_array_unref (w.leaves_kept);
  g_free (w.id_counted);
  g_free (w.ids_seen);
  v->cost = w.best;
  g_array_unref (w.path);
  g_free (w.cell);
  g_free (w.value);
  g_free (w.known);
  return !w.gave_up && w.have_best;
}

/* The placements dearer only by their orders vote too, unless they are too
 * many to walk: then the cheapest alone do. */
static gboolean
votes_from_paths_capped (const Search *s, Votes *v, guint max_nodes, guint max_leaves, int cap, gboolean kept_first)
{
  gboolean as_without_slack;
  if (votes_from_paths_walk (s, v, max_nodes, max_leaves, cap, ORDER_SLACK, kept_first, &as_without_slack))
    return TRUE;
  if (as_without_slack)
    return FALSE;
  guint ncells = s->grid->cells->len;
  votes_clear (v);
  votes_init (v, ncells);
  return votes_from_paths_walk (s, v, max_nodes, max_leaves, cap, 0, kept_first, NULL);
}

static gboolean
votes_from_paths (const Search *s, Votes *v, guint max_nodes, guint max_leaves)
{
  return votes_from_paths_capped (s, v, max_nodes, max_leaves, COST_INF, FALSE);
}

/* ------------------------------------------------ rows anchored by labels */

/* The template rows a label text names, in the order their names end in it
 * (a wrapped label gathers its group heading first; pdftotext may print a
 * block of labels before their numbers): rows whose pattern matches, by the
 * end of their last match. */
typedef struct {
  guint row;
  gsize end;
} Named;

static int
named_cmp (gconstpointer a, gconstpointer b)
{
  gsize x = ((const Named *) a)->end, y = ((const Named *) b)->end;
  return x < y ? -1 : x > y;
}

static GArray *
rows_named (const GkGrid *grid, const char *text)
{
  GArray *named = g_array_new (FALSE, FALSE, sizeof (Named));
  for (guint r = 0; r < grid->n_rows; r++)
    {
      const GkTplRow *row = grid->rows->pdata[r];
      gsize st, e;
      if (!row->pattern || !gk_regex_search (row->pattern, text, 0, &st, &e))
        continue;
      gsize s2 = st, e2 = e;
      while (e2 > s2 && gk_regex_search (row->pattern, text, e2, &s2, &e2))
        e = e2;
      g_array_append_val (named, ((Named){ r, e }));
    }
  g_array_sort (named, named_cmp);
  return named;
}

/* ------------------------------------------- numbers printed after the next heading */

/* Whether a line of text is the grid's table's: a row's label or a column's
 * header (总计 may be either). */
static gboolean
line_of_table (const GkGrid *grid, const char *line)
{
  for (guint r = 0; r < grid->n_rows; r++)
    {
      const GkTplRow *row = grid->rows->pdata[r];
      if (row->pattern && gk_regex_search (row->pattern, line, 0, NULL, NULL))
        return TRUE;
    }
  /* some row's header_columns: each column's header asked once */
  g_auto (GStrv) lines = g_strsplit (line, "\n", -1);
  g_autoptr (GPtrArray) asked = g_ptr_array_new ();
  for (guint c = 0; c < grid->cells->len; c++)
    {
      const GridCell *gc = &g_array_index (grid->cells, GridCell, c);
      if (!gc->header || gc->col >= 32 || g_ptr_array_find (asked, gc->header, NULL))
        continue;
      g_ptr_array_add (asked, (gpointer) gc->header);
      for (guint l = 0; lines[l]; l++)
        if (header_names_line (gc->header, lines[l]))
          return TRUE;
    }
  return FALSE;
}

/* pdftotext prints a page's text blocks in its own order: a table's last
 * numbers (a strip of columns, the cells beside a heading set on the same
 * height) may come after the next section's heading.  Those it may have
 * printed there stand right after the heading or after a line of the
 * table's own (a column's header, a row's label), before any other text. */
GPtrArray *
gk_decode_trailing_cells (const GkGrid *grid, const GPtrArray *rows, guint from, guint to)
{
  GPtrArray *cells = g_ptr_array_new ();
  gboolean open = TRUE;
  for (guint i = from + 1; i < to && i < rows->len; i++)
    {
      const GkRow *row = rows->pdata[i];
      g_autofree char *key = gk_text_label_key (row->label);
      if (*key)
        open = line_of_table (grid, key);
      for (guint c = 0; c < row->cells->len && open; c++)
        {
          const GkCell *cell = row->cells->pdata[c];
          double v;
          if (gk_grid_cell_value (cell->raw, GK_COLUMN_AMOUNT_WAN, &v))
            g_ptr_array_add (cells, (gpointer) cell);
        }
    }
  return cells;
}

/* Whether a row is nothing but numbers (a line of number cells, no text). */
static gboolean
row_of_numbers (const GkRow *row)
{
  g_autofree char *key = gk_text_label_key (row->label);
  if (*key || !row->cells->len)
    return FALSE;
  for (guint c = 0; c < row->cells->len; c++)
    {
      double v;
      if (!gk_grid_cell_value (((const GkCell *) row->cells->pdata[c])->raw, GK_COLUMN_AMOUNT_WAN, &v))
        return FALSE;
    }
  return TRUE;
}

/* A page holding a table's last rows beside the next table's blocks: each of
 * the next table's numbers stands under its header's text, while the first
 * table's columns (a strip each) come out as blocks of bare numbers, set off
 * by a blank line from the number printed before them. */
GPtrArray *
gk_decode_apart_cells (const GPtrArray *rows, guint from, guint to)
{
  GPtrArray *cells = g_ptr_array_new ();
  gboolean apart = FALSE, after_number = FALSE;
  int prev_line = -1;
  for (guint i = from + 1; i < to && i < rows->len; i++)
    {
      const GkRow *row = rows->pdata[i];
      int line = row->cells->len ? ((const GkCell *) row->cells->pdata[0])->src.line : row->label_src.line;
      gboolean numbers = row_of_numbers (row);
      if (!numbers)
        apart = FALSE;
      else if (line > prev_line + 1 || line <= 0)
        apart = after_number && line > 0;
      /* a block's next line (line == prev_line + 1) is as apart as its first */
      for (guint c = 0; apart && c < row->cells->len; c++)
        g_ptr_array_add (cells, row->cells->pdata[c]);
      after_number = numbers;
      prev_line = line;
    }
  return cells;
}

/* ------------------------------------------- numbers wrapped in narrow cells (2) */

/* The digits of a token that is nothing but digits (a piece of a number may
 * be one), else 0. */
static guint
token_digits (const Token *t)
{
  g_autofree char *norm = g_utf8_normalize (t->cell->raw, -1, G_NORMALIZE_NFKC);
  guint n = 0;
  for (const char *p = norm; p && *p; p++, n++)
    if (!g_ascii_isdigit (*p))
      return 0;
  return n;
}

/* Marks each token's digits, the rows its label names and the block of
 * labels printed last before it (Token.digits, .names, .flow_row); TRUE
 * when some token follows a block of labels. */
static gboolean
tokens_mark_labels (const GkGrid *grid, GArray *toks)
{
  Token *tok = (Token *) toks->data;
  int flow = -1;
  gboolean any = FALSE;
  for (guint t = 0; t < toks->len; t++)
    {
      tok[t].digits = tok[t].plus ? 0 : token_digits (&tok[t]);
      if (tok[t].above)
        {
          g_autoptr (GArray) named = rows_named (grid, tok[t].above);
          guint last = 0;
          for (guint q = 0; q < named->len; q++)
            {
              guint row = g_array_index (named, Named, q).row;
              last = MAX (last, row);
              if (row < 64)
                tok[t].names |= (guint64) 1 << row;
            }
          flow = named->len >= 2 ? (int) last : -1;
          /* the label of its own line: the last line of the text above */
          const char *own = tok[t].above + strlen (tok[t].above) - 1;
          while (tok[t].after_label && own > tok[t].above && own[-1] != '\n')
            own--;
          g_autoptr (GArray) on_line = tok[t].after_label ? rows_named (grid, own) : NULL;
          for (guint q = 0; on_line && q < on_line->len; q++)
            if (g_array_index (on_line, Named, q).row < 64)
              tok[t].line_names |= (guint64) 1 << g_array_index (on_line, Named, q).row;
        }
      tok[t].flow_row = flow;
      any |= flow >= 0;
    }
  return any;
}

/* A row cut by a page break that the producer drew on both pages (Qt
 * WebKit clips it at the foot and prints it again at the head): the first
 * numbers of a page, under a label naming a row the previous page named
 * (or printed at its foot, after the clipped copy), or with no label text
 * before them on the page at all, printed exactly as that page's last
 * numbers.  Taken out only where the stream then fills the grid exactly:
 * no blank cell lost, no other row that merely prints the same zeros.
 * Returns the tokens taken out; *page gets the page of the first copy
 * taken. */
static guint
drop_rows_printed_twice (const GkGrid *grid, GArray *toks, int *page)
{
  guint ncells = grid->cells->len;
  if (toks->len <= ncells)
    return 0;
  g_autoptr (GArray) drop = g_array_new (FALSE, FALSE, sizeof (guint));   /* pairs: start, length */
  guint dropped = 0;
  Token *tok = (Token *) toks->data;
  guint64 named_on_page = 0;
  for (guint j = 0; j < toks->len; j++)
    {
      int pg = tok[j].cell->src.page, prev_pg = j ? tok[j - 1].cell->src.page : 0;
      if (j == 0 || pg != prev_pg)
        {
          guint64 before = j && prev_pg > 0 && pg == prev_pg + 1 ? named_on_page : 0;
          named_on_page = 0;
          guint n = 1;
          while (j + n < toks->len && !tok[j + n].above && tok[j + n].cell->src.page == pg)
            n++;
          /* the clipped copy may be followed, at the page's foot, by a
           * number printed after a block of labels (another row's cell
           * set beside them) */
          guint late = 0;
          while (late < 2 && late < j && tok[j - 1 - late].cell->src.page == prev_pg && tok[j - 1 - late].above
                 && tok[j - 1 - late].flow_row >= 0)
            late++;
          /* the row named first here was named on the previous page (not
           * necessarily last: a header word like 总计 names a row too), or
           * the page begins with the numbers (the label's rest printed
           * after them) */
          gboolean named_before = tok[j].names
                                  && ((before >> g_bit_nth_lsf (tok[j].names, -1) & 1)
                                      || (prev_pg > 0 && tok[j].above_page == prev_pg));
          gboolean page_opens = !tok[j].above && prev_pg > 0 && pg == prev_pg + 1;
          if ((named_before || page_opens) && n >= 2 && n + late <= j)
            {
              gboolean same = TRUE;
              for (guint k = 0; k < n && same; k++)
                same = tok[j - late - n + k].cell->src.page == prev_pg
                       && strcmp (tok[j - late - n + k].cell->raw, tok[j + k].cell->raw) == 0;
              if (same)
                {
                  guint pair[2] = { j, n };
                  g_array_append_vals (drop, pair, 2);
                  dropped += n;
                }
            }
        }
      named_on_page |= tok[j].names;
    }
  if (!dropped || toks->len - dropped != ncells)
    return 0;
  *page = tok[g_array_index (drop, guint, 0)].cell->src.page;
  for (guint q = drop->len; q >= 2; q -= 2)
    g_array_remove_range (toks, g_array_index (drop, guint, q - 2), g_array_index (drop, guint, q - 1));
  return dropped;
}

/* A text's printed width, an ASCII digit's one (an ideograph or a
 * full-width digit is two). */
static guint
text_width (const char *text)
{
  guint width = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* The printed width of the column header on the line right above a token,
 * when that line is a column's header and the text above names no row;
 * else 0. */
static guint
header_above_width (const GkGrid *grid, const Token *t)
{
  if (!t->above)
    return 0;
  g_autoptr (GArray) named = rows_named (grid, t->above);
  if (named->len)
    return 0;
  g_auto (GStrv) lines = g_strsplit (t->above, "\n", -1);
  guint n = g_strv_length (lines);
  while (n > 0 && !*g_strstrip (lines[n - 1]))
    n--;
  if (n == 0)
    return 0;
  for (guint r = 0; r < grid->n_rows; r++)
    if (header_columns (grid, r, lines[n - 1]) != 0)
      return text_width (lines[n - 1]);
  return 0;
}

/* Joins the runs of tokens that may be one wrapped number:
 * pieces on lines of their own, one after the other (or around their
 * row's label), the first JOIN_MIN_WIDTH digits wide at least and no zero
 * first, the inner ones as wide, the last no wider.  A column whose header
 * is printed on one line right above the number is as wide as that line, so
 * no number narrower than it wraps there (table 二's 本年处理决定数量 over
 * two numbers of its own).  NULL when no run may. */
static Wraps *
wraps_new (const GkGrid *grid, GArray *toks)
{
  guint n = toks->len;
  Token *tok = (Token *) toks->data;
  g_autoptr (Wraps) w = g_new0 (Wraps, 1);
  w->joined = g_new0 (Token, (gsize) MAX (n, 1) * JOIN_SLOTS);
  w->joinable = g_new0 (guint, n + 1);
  w->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_cell_free);
  g_autofree gboolean *continues = g_new0 (gboolean, MAX (n, 1));
  gboolean any = FALSE;
  for (guint t = 0; t < n; t++)
    {
      const Token *first = &tok[t];
      if (first->digits < JOIN_MIN_WIDTH || first->cell->maybe_page_number)
        continue;
      g_autofree char *head = g_utf8_normalize (first->cell->raw, -1, G_NORMALIZE_NFKC);
      if (head[0] == '0')
        continue;
      g_autoptr (GString) raw = g_string_new (first->cell->raw);
      g_autoptr (GString) digits = g_string_new (head);
      guint header_width = header_above_width (grid, first);
      for (guint m = 2; m <= JOIN_MAX_PIECES && t + m - 1 < n; m++)
        {
          const Token *prev = &tok[t + m - 2], *piece = &tok[t + m - 1];
          if ((m > 2 && prev->digits != first->digits) || !piece->digits || piece->digits > first->digits
              || piece->cell->maybe_page_number || piece->line == prev->line
              || piece->cell->src.page != prev->cell->src.page || (!pieces_touch (prev, piece) && !piece->names))
            break;
          g_autofree char *tail = g_utf8_normalize (piece->cell->raw, -1, G_NORMALIZE_NFKC);
          g_string_append (raw, piece->cell->raw);
          g_string_append (digits, tail);
          if (text_width (raw->str) <= header_width)
            break;
          GkCell *cell = gk_cell_new (raw->str, &first->cell->src);
          cell->text_col = first->cell->text_col;
          cell->text_gap = first->cell->text_gap;
          cell->spaced_above = first->cell->spaced_above;
          g_ptr_array_add (w->cells, cell);
          Token *j = &w->joined[(gsize) t * JOIN_SLOTS + m - 2];
          *j = *first;
          j->cell = cell;
          j->last = piece->cell;
          j->last_line = piece->line;
          j->count = j->amount = g_ascii_strtod (digits->str, NULL);
          j->is_count = j->is_amount = TRUE;
          continues[t + m - 1] = any = TRUE;
        }
    }
  if (!any)
    return NULL;
  for (guint t = 0; t < n; t++)
    w->joinable[t + 1] = w->joinable[t] + continues[t];
  w->reach = MIN (w->joinable[n], (guint) JOIN_MAX_REACH);
  return g_steal_pointer (&w);
}

/* The tokens of each template row, as the labels before them say.  A line of
 * numbers belongs to the row its label names; when the labels gathered since
 * the previous numbers name several rows (a label block), the numbers fill
 * them in that order, a row's worth each; numbers with no label before them
 * continue where the previous ones stopped.  Rows a label block names that
 * its numbers do not fill exactly (a blank would shift every later number)
 * get none unless every number is 0; a row that gathers more tokens than it
 * has cells gets none. */
/* No label tells the grid's rows apart: the groups of table 四's one row. */
static gboolean
rows_unnamed (const GkGrid *grid)
{
  for (guint r = 0; r < grid->n_rows; r++)
    if (((const GkTplRow *) grid->rows->pdata[r])->pattern && grid->rows->pdata[r] != grid->rows->pdata[0])
      return FALSE;
  return TRUE;
}

/* The ordinal a label text opens with ("2." "3、"), and the text after it;
 * NULL when it opens with none. */
static const char *
after_ordinal (const char *text, guint *ordinal)
{
  const char *p = text;
  guint n = 0;
  while (g_ascii_isdigit (*p))
    n = n * 10 + (guint) (*p++ - '0');
  if (p == text)
    return NULL;
  *ordinal = n;
  if (*p == '.')
    return p + 1;
  if (g_str_has_prefix (p, "、"))
    return p + strlen ("、");
  return NULL;
}

/* How many characters text and label begin with alike. */
static glong
label_lead (const char *text, const char *label)
{
  glong n = 0;
  for (const char *a = text, *b = label; *a && *b && g_utf8_get_char (a) == g_utf8_get_char (b);
       a = g_utf8_next_char (a), b = g_utf8_next_char (b))
    n++;
  return n;
}

/* How many of label's characters text holds in order from its start, a
 * character of text that is not the label's next passed over, a few only
 * (no more than half as many as those held). */
static glong
label_run_through (const char *text, const char *label)
{
  glong held = 0, passed = 0;
  for (const char *a = text, *b = label; *a && *b; a = g_utf8_next_char (a))
    if (g_utf8_get_char (a) == g_utf8_get_char (b))
      {
        held++;
        b = g_utf8_next_char (b);
      }
    else
      passed++;
  return 2 * passed <= held ? held : label_lead (text, label);
}

/* The row whose label a line of numbers interrupts: the label text before
 * the numbers names no row, but from its last ordinal on ("2.其他法律行政")
 * it begins the label of one row only, whose rest follows the numbers. */
static GArray *
label_begun (const GkGrid *grid, const char *pending)
{
  GArray *named = g_array_new (FALSE, FALSE, sizeof (Named));
  const char *rest = NULL;
  guint ordinal = 0;
  for (const char *p = pending; *p; p++)
    if (g_ascii_isdigit (*p) && (p == pending || !g_ascii_isdigit (p[-1])))
      {
        guint n;
        const char *r = after_ordinal (p, &n);
        if (r)
          rest = r, ordinal = n;
      }
  /* two characters at least after the ordinal: "2.其" begins many labels */
  if (!rest || g_utf8_strlen (rest, -1) < 2)
    return named;
  /* the row whose label after the ordinal begins the text, two characters
   * at least, and then runs through half the text at least (a group
   * heading's fragment may follow: "3.要求提供公（五"; or stand between
   * the label's lines, a group label printed down beside them: 其他, 处理
   * of （六）其他处理 in "2.申请人逾期未按收其他费通知…") */
  guint found = G_MAXUINT;
  glong best = 0, rest_chars = g_utf8_strlen (rest, -1);
  for (guint r = 0; r < grid->n_rows; r++)
    {
      const GkTplRow *row = grid->rows->pdata[r];
      if (!row->label)
        continue;
      g_autofree char *key = gk_text_label_key (row->label);
      guint n;
      const char *lrest = after_ordinal (key, &n);
      if (!lrest || n != ordinal)
        continue;
      glong lead = label_lead (rest, lrest), common = label_run_through (rest, lrest);
      if (lead < 2 || 2 * common < rest_chars || common < best)
        continue;
      found = common == best ? G_MAXUINT - 1 : r;   /* two rows begin so: none is named */
      best = common;
    }
  if (found < G_MAXUINT - 1)
    g_array_append_val (named, ((Named){ found, strlen (pending) }));
  return named;
}

/* The rest of row r's label after the text its numbers were printed beside
 * (head holds the label's first part: "理3.要求提供公开" of
 * "3.要求提供公开出版物" leaves "出版物"); NULL when head holds the whole
 * label or no part of it. */
static char *
label_tail (const GkGrid *grid, guint r, const char *head)
{
  const GkTplRow *row = grid->rows->pdata[r];
  if (!row->label)
    return NULL;
  g_autofree char *label = gk_text_label_key (row->label);
  /* the longest beginning of the label the head holds, two characters at
   * least (a group heading's fragment may stand around it) */
  const char *end = NULL;
  for (const char *p = g_utf8_next_char (g_utf8_next_char (label)); p <= label + strlen (label);
       p = *p ? g_utf8_next_char (p) : p + 1)
    {
      g_autofree char *begin = g_strndup (label, (gsize) (p - label));
      if (!strstr (head, begin))
        break;
      end = p;
    }
  return end && *end ? g_strdup (end) : NULL;
}

/* Removes from the labels gathered after a row's numbers the rest of that
 * row's wrapped label (pdftotext prints the numbers beside the label's
 * first line and its rest after them): the rest names no new row, where a
 * row named again would take the next numbers.  Only labels that name no
 * row may stand before it (a group heading's fragments). */
static void
drop_label_tail (const GkGrid *grid, guint r, const char *head, GString *pending, GPtrArray *lines)
{
  g_autofree char *tail = label_tail (grid, r, head);
  if (!tail)
    return;
  const char *at = strstr (pending->str, tail);
  if (!at)
    return;
  g_autofree char *before = g_strndup (pending->str, (gsize) (at - pending->str));
  g_autoptr (GArray) named = rows_named (grid, before);
  if (named->len)
    return;
  g_string_erase (pending, at - pending->str, (gssize) strlen (tail));
  /* nor are its lines a column's header ("理其政府信息公开申请" above "总计") */
  for (guint l = lines->len; l-- > 0;)
    if (strstr (tail, lines->pdata[l]))
      g_ptr_array_remove_index (lines, l);
}

/* The header (a column's regex) that text is, whole; NULL none.  *several
 * (may be NULL) is set where another column's header is it too. */
static const GkRegex *
column_header_whole (const GkGrid *grid, const char *text, gboolean *several)
{
  const GkRegex *found = NULL;
  if (several)
    *several = FALSE;
  for (guint c = 0; c < grid->cells->len; c++)
    {
      const GkRegex *re = g_array_index (grid->cells, GridCell, c).header;
      gsize st, e;
      if (!re || re == found || !gk_regex_search (re, text, 0, &st, &e) || st != 0 || e != strlen (text))
        continue;
      if (!found)
        found = re;
      else if (several)
        *several = TRUE;
      if (!several || *several)
        break;
    }
  return found;
}

/* Whether a line is a column's header, whole ("其他", "总计"): a column's
 * head printed above its numbers, which names no row though a row's label
 * ends in the same words ("3.其他"). */
static gboolean
line_is_column_header (const GkGrid *grid, const char *line)
{
  return column_header_whole (grid, line, NULL) != NULL;
}

/* Whether every line of the labels gathered is a column's header, whole. */
static gboolean
lines_are_headers (const GkGrid *grid, const GPtrArray *lines)
{
  for (guint l = 0; l < lines->len; l++)
    if (!line_is_column_header (grid, lines->pdata[l]))
      return FALSE;
  return lines->len > 0;
}

/* Whether the first label text after line i (rows [i, hi)) begins with
 * the rest of row r's label that head leaves: the label wrapped around the
 * numbers between. */
static gboolean
label_rest_follows (const GkGrid *grid, const GPtrArray *rows, guint i, guint hi, guint r, const char *head)
{
  g_autofree char *tail = label_tail (grid, r, head);
  for (; tail && i < hi; i++)
    {
      g_autofree char *key = gk_text_label_key (((const GkRow *) rows->pdata[i])->label);
      if (*key)
        return g_str_has_prefix (key, tail);
    }
  return FALSE;
}

/* Whether the lines after the last that names a row (the labels gathered
 * before some numbers) are a header of columns that row does not have: the
 * numbers stand under another block's header ("本年制发件数" after a
 * block of labels ending with 行政事业性收费), not beside that label. */
static gboolean
under_other_header (const GkGrid *grid, const GPtrArray *lines, guint last)
{
  gboolean other = FALSE;
  for (guint l = lines->len; l-- > 0;)
    {
      g_autoptr (GArray) named = rows_named (grid, lines->pdata[l]);
      if (named->len)
        break;
      for (guint r = 0; r < grid->n_rows; r++)
        if (header_columns (grid, r, lines->pdata[l]) != 0)
          {
            if (r == last)
              return FALSE;
            other = TRUE;
          }
    }
  return other;
}

/* Whether the lines gathered after row r took `given` numbers are the
 * header of its totals column alone ("总计"): that column printed apart as a
 * strip of its own (a browser's page narrower than the table), whose
 * numbers are no longer r's (totals_strip_to_rows). */
static gboolean
totals_printed_apart (const GkGrid *grid, const GPtrArray *lines, guint r, guint given)
{
  if (!given || !lines_are_headers (grid, lines))
    return FALSE;
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint l = 0; l < lines->len; l++)
    g_string_append_printf (text, "%s\n", (const char *) lines->pdata[l]);
  return header_names_total (grid, r, text->str);
}

/* The columns of row r the lines name when they are column headers alone
 * naming only columns after its first (bit c): the head of a strip of its
 * last columns printed apart (其他, 总计 after a page break); 0 otherwise. */
static guint
later_columns_named (const GkGrid *grid, const GPtrArray *lines, guint r)
{
  if (!lines_are_headers (grid, lines))
    return 0;
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint l = 0; l < lines->len; l++)
    g_string_append_printf (text, "%s\n", (const char *) lines->pdata[l]);
  guint cols = header_columns (grid, r, text->str);
  return cols & 1u ? 0 : cols;
}

/* How many numbers from token t (on row i) come before the next label:
 * on row i or on lines after it with no text between. */
static guint
numbers_before_label (const GPtrArray *rows, const GArray *toks, guint t, guint i)
{
  guint run = 0;
  for (guint q = t; q < toks->len; q++, run++)
    {
      guint li = g_array_index (toks, Token, q).line;
      if (li != i && ((GkRow *) rows->pdata[li])->label[0])
        break;
      gboolean labelled = FALSE;
      for (guint z = (q > t ? g_array_index (toks, Token, q - 1).line + 1 : li); z < li && !labelled; z++)
        labelled = ((GkRow *) rows->pdata[z])->label[0] != '\0';
      if (labelled)
        break;
    }
  return run;
}

/* Whether the numbers after headers alone of row r's later columns (cols,
 * later_columns_named) are a strip of those columns printed apart, not r's:
 * r was given numbers already, no more than the columns before them, and
 * more numbers come before the next label than the columns named (no more,
 * and they are r's own cells printed under their headers, the others of r
 * blank). */
static gboolean
strip_apart_after (const GPtrArray *by_row, guint r, guint cols, guint run)
{
  guint given = ((const GArray *) by_row->pdata[r])->len;
  return cols && given && given <= (guint) __builtin_ctz (cols) && run > (guint) __builtin_popcount (cols);
}

/* What the labels say of a row's numbers (tokens_by_label). */
typedef enum {
  LABEL_NONE,       /* no label named the row before some numbers */
  LABEL_NAMED,      /* its label stood before the numbers given it */
  LABEL_UNTRUSTED,  /* one of a label block's rows left part-filled */
} LabelTrust;

/* Where the labels put each number, and how far they follow the print
 * (tokens_by_label). */
typedef struct {
  guint *row;              /* per token: the row the labels gave it (kept
                              there), G_MAXUINT none */
  gboolean *under_header;  /* per token: printed after nothing but column
                              headers (a column's strip printed apart) */
  gboolean out_of_order;   /* a row named after a later one */
  guint *apart_cols;       /* per token: the later columns of the row filled
                              before that the headers alone above it name
                              (later_columns_named), 0 none */
  guint labels_from;       /* the first token printed after some row's
                              label, G_MAXUINT none */
} LabelGiven;

static void
index_array_unref_maybe (gpointer a)
{
  if (a)
    g_array_unref (a);
}

static GPtrArray *
tokens_by_label (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi, const GArray *toks,
                 guint *block_rows, GPtrArray **raw, LabelTrust *trust, LabelGiven *given)
{
  GPtrArray *by_row = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint r = 0; r < grid->n_rows; r++)
    g_ptr_array_add (by_row, g_array_new (FALSE, FALSE, sizeof (guint)));
  g_autofree gboolean *spoiled = g_new0 (gboolean, grid->n_rows);
  g_autofree gboolean *glued = g_new0 (gboolean, grid->n_rows);
  gboolean all_zero = TRUE;
  for (guint q = 0; q < toks->len && all_zero; q++)
    all_zero = g_array_index (toks, Token, q).is_count && g_array_index (toks, Token, q).count == 0;
  /* rows no label tells apart (the groups of table 四's one row) are one
   * block, filled in order */
  gboolean unnamed = rows_unnamed (grid);
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));   /* rows to fill, in order */
  guint at = 0;
  if (unnamed)
    for (guint r = 0; r < grid->n_rows; r++)
      g_array_append_val (queue, r);
  g_autofree gboolean *was_named = g_new0 (gboolean, grid->n_rows);
  for (guint r = 0; r < grid->n_rows && unnamed; r++)
    was_named[r] = TRUE;
  g_autoptr (GString) pending = g_string_new (NULL);
  g_autofree char *head = NULL;   /* the labels that named the one row being filled */
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);   /* pending, a line each */
  gboolean under_header = FALSE;   /* the numbers follow column headers alone */
  guint max_named = G_MAXUINT;     /* the latest row named so far */
  guint last_filled = G_MAXUINT;   /* the row given the last number */
  guint apart_cols = 0;            /* the next number's, LabelGiven.apart_cols */
  guint t = 0;
  for (guint i = lo; i < hi; i++)
    {
      const GkRow *row = rows->pdata[i];
      g_autofree char *key = gk_text_label_key (row->label);
      g_string_append (pending, key);
      if (*key)
        g_ptr_array_add (lines, g_strdup (key));
      if (t >= toks->len || g_array_index (toks, Token, t).line != i)
        continue;
      if (head && queue->len == 1 && ((GArray *) by_row->pdata[g_array_index (queue, guint, 0)])->len)
        drop_label_tail (grid, g_array_index (queue, guint, 0), head, pending, lines);
      g_autoptr (GArray) named = pending->len && !unnamed ? rows_named (grid, pending->str) : NULL;
      if (named && named->len && lines_are_headers (grid, lines))
        g_array_set_size (named, 0);
      /* a label that names no row: the head of a wrapped label, its numbers
       * printed beside it and the rest of it after them; the one row whose
       * label it begins is theirs */
      if (named && named->len == 0)
        {
          g_array_unref (named);
          named = label_begun (grid, pending->str);
          /* a row already given numbers is not begun again (its label's
           * head printed after its tail) */
          if (named->len && ((GArray *) by_row->pdata[g_array_index (named, Named, 0).row])->len)
            g_array_set_size (named, 0);
        }
      /* labels of rows printed blank, then the head of the row whose numbers
       * these are: the text after the last row named begins its label */
      else if (named && g_array_index (named, Named, named->len - 1).end < pending->len)
        {
          const Named *last = &g_array_index (named, Named, named->len - 1);
          g_autoptr (GArray) begun = label_begun (grid, pending->str + last->end);
          if (begun->len && g_array_index (begun, Named, 0).row > last->row
              && !((GArray *) by_row->pdata[g_array_index (begun, Named, 0).row])->len)
            g_array_append_val (named, ((Named){ g_array_index (begun, Named, 0).row, pending->len }));
        }
      if (named && named->len)
        {
          g_free (head);
          head = g_strdup (pending->str);
        }
      /* the last row named on the numbers' own line, or its label's rest
       * printed after them: they were printed beside its label */
      gboolean beside = named && named->len && *key
                        && g_array_index (named, Named, named->len - 1).end > pending->len - strlen (key);
      if (named && named->len > 1 && !beside)
        beside = label_rest_follows (grid, rows, i + 1, hi, g_array_index (named, Named, named->len - 1).row,
                                     pending->str);
      g_string_truncate (pending, 0);
      apart_cols = lines->len && last_filled != G_MAXUINT ? later_columns_named (grid, lines, last_filled) : 0;
      gboolean other_header = named && named->len
                              && under_other_header (grid, lines, g_array_index (named, Named, named->len - 1).row);
      /* no row named, but a header of columns the row being filled has
       * not: the numbers stand in another block's column, not that row's,
       * and fill nothing until a row is named */
      if (named && named->len == 0 && at < queue->len
          && (under_other_header (grid, lines, g_array_index (queue, guint, at))
              || totals_printed_apart (grid, lines, g_array_index (queue, guint, at),
                                       ((GArray *) by_row->pdata[g_array_index (queue, guint, at)])->len)
              || strip_apart_after (by_row, g_array_index (queue, guint, at), apart_cols,
                                    numbers_before_label (rows, toks, t, i))))
        {
          g_array_set_size (queue, 0);
          at = 0;
        }
      if (lines->len)
        under_header = lines_are_headers (grid, lines);
      g_ptr_array_set_size (lines, 0);
      if (named && named->len)
        {
          /* a new label: a block left part-filled cannot be trusted */
          if (queue->len > 1 && at < queue->len
              && ((GArray *) by_row->pdata[g_array_index (queue, guint, at)])->len > 0)
            for (guint q = 0; q < queue->len; q++)
              spoiled[g_array_index (queue, guint, q)] = TRUE;
          g_array_set_size (queue, 0);
          at = 0;
          /* the row the labels end with, or, when more numbers follow than it
           * has cells, every row they name in order: a label block */
          guint last = g_array_index (named, Named, named->len - 1).row;
          guint run = numbers_before_label (rows, toks, t, i);
          for (guint q = 0; q < named->len; q++)
            was_named[g_array_index (named, Named, q).row] = TRUE;
          given->labels_from = MIN (given->labels_from, t);
          for (guint q = 0; q < named->len; q++)
            {
              guint nr = g_array_index (named, Named, q).row;
              given->out_of_order |= max_named != G_MAXUINT && nr < max_named;
              max_named = max_named == G_MAXUINT ? nr : MAX (max_named, nr);
            }
          guint from = named->len > 1 && run > g_array_index (grid->row_ncols, guint, last) ? 0 : named->len - 1;
          /* a row's worth of numbers after labels of several rows of one
           * block, not beside the last: the numbers of any of them, the
           * others printed blank (all of one row's, or parted among them in
           * order) — but a run of zeros, zeros whichever row it was */
          gboolean zeros = TRUE;
          for (guint q = t; q < t + run && zeros; q++)
            zeros = g_array_index (toks, Token, q).is_count && g_array_index (toks, Token, q).count == 0;
          guint block = g_array_index (grid->row_block, guint, last);
          while (!beside && !zeros && from > 0
                 && g_array_index (grid->row_block, guint, g_array_index (named, Named, from - 1).row) == block)
            from--;
          for (guint q = from; q < named->len && !other_header; q++)
            g_array_append_val (queue, g_array_index (named, Named, q).row);
          if (queue->len > 1)
            *block_rows += queue->len;
          /* a row named again takes the numbers after its last naming (the
           * first was prose, or a row repeated on a continuation page) */
          for (guint q = 0; q < queue->len; q++)
            g_array_set_size (by_row->pdata[g_array_index (queue, guint, q)], 0);
        }
      /* a label that names no row after the rows being filled are full: the
       * numbers are a row the grid does not have (a report on an older form),
       * and they fill nothing until a row is named */
      if (named && named->len == 0 && queue->len
          && ((GArray *) by_row->pdata[g_array_index (queue, guint, queue->len - 1)])->len
               == g_array_index (grid->row_ncols, guint, g_array_index (queue, guint, queue->len - 1)))
        {
          g_array_set_size (queue, 0);
          at = 0;
        }
      /* numbers run into the label ("行政处罚7 -1 12"): the row reading splits
       * them where the arithmetic allows (glued.h); no opinion here */
      gsize klen = strlen (key);
      if (klen && g_ascii_isdigit (key[klen - 1]))
        for (guint q = at; q < queue->len; q++)
          glued[g_array_index (queue, guint, q)] = TRUE;
      for (; t < toks->len && g_array_index (toks, Token, t).line == i; t++)
        {
          given->under_header[t] = under_header;
          given->apart_cols[t] = apart_cols;
          apart_cols = 0;
          if (queue->len == 0)
            continue;
          guint r = g_array_index (queue, guint, at);
          if (((GArray *) by_row->pdata[r])->len == g_array_index (grid->row_ncols, guint, r) && at + 1 < queue->len)
            r = g_array_index (queue, guint, ++at);
          g_array_append_val (by_row->pdata[r], t);
          last_filled = r;
        }
    }
  if (queue->len > 1 && (at + 1 < queue->len
                         || ((GArray *) by_row->pdata[g_array_index (queue, guint, at)])->len
                                != g_array_index (grid->row_ncols, guint, g_array_index (queue, guint, at))))
    for (guint q = 0; q < queue->len; q++)
      spoiled[g_array_index (queue, guint, q)] = TRUE;
  /* where each number went, before the rows not to be trusted are emptied */
  for (guint r = 0; r < grid->n_rows; r++)
    for (guint q = 0; q < ((GArray *) by_row->pdata[r])->len; q++)
      given->row[g_array_index ((GArray *) by_row->pdata[r], guint, q)] = r;
  /* what the labels gave each row before the rows not to be trusted are
   * emptied (NULL: numbers run into the label, split elsewhere), and how
   * far the labels vouch for it */
  if (raw)
    {
      *raw = g_ptr_array_new_with_free_func (index_array_unref_maybe);
      for (guint r = 0; r < grid->n_rows; r++)
        g_ptr_array_add (*raw, glued[r] ? NULL : g_array_copy (by_row->pdata[r]));
      if (trust)
        for (guint r = 0; r < grid->n_rows; r++)
          trust[r] = spoiled[r] && !all_zero ? LABEL_UNTRUSTED : was_named[r] ? LABEL_NAMED : LABEL_NONE;
    }
  for (guint r = 0; r < grid->n_rows; r++)
    if (((GArray *) by_row->pdata[r])->len > g_array_index (grid->row_ncols, guint, r) || (spoiled[r] && !all_zero)
        || glued[r])
      g_array_set_size (by_row->pdata[r], 0);
  return by_row;
}

/* Identities of row r alone broken by these values of its cells. */
static guint
row_broken (const GkGrid *grid, guint r, const double *values)
{
  guint first = g_array_index (grid->row_first, guint, r);
  guint broken = 0;
  const GArray *starting = g_ptr_array_index (grid->ids_by_row, r);
  for (guint z = 0; z < starting->len; z++)
    {
      const GridIdentity *id = grid->identities->pdata[g_array_index (starting, guint, z)];
      if (id->row_hi != r)
        continue;
      broken += gk_grid_identity_holds_from (id, values, NULL, first) == 0;
    }
  return broken;
}

/* The next choice of k columns out of ncols (pick, ascending), in
 * lexicographic order; FALSE after the last. */
static gboolean
pick_next (guint *pick, guint k, guint ncols)
{
  int a = (int) k - 1;
  while (a >= 0 && pick[a] == ncols - k + (guint) a)
    a--;
  if (a < 0)
    return FALSE;
  pick[a]++;
  for (guint z = (guint) a + 1; z < k; z++)
    pick[z] = pick[z - 1] + 1;
  return TRUE;
}

/* The values and tokens' cells of a row (its first grid cell first) whose
 * columns pick hold tokens list[0..k) in order; FALSE when a token is no
 * number of its column's type. */
static gboolean
pick_read (const GkGrid *grid, const Token *tok, const guint *list, guint k, guint first, const guint *pick,
           double *row, const GkCell **cells)
{
  for (guint a = 0; a < k; a++)
    {
      const Token *tk = &tok[list[a]];
      GkColumnType type = gk_grid_type (grid, first + pick[a]);
      /* a number printed with a plus is a change (本年增/减): no count */
      if (!token_value (tk, type, &row[pick[a]]) || (token_plus_signed (tk) && type != GK_COLUMN_SIGNED))
        return FALSE;
      cells[pick[a]] = tk->cell;
    }
  return TRUE;
}

/* Whether grid cell c sums others: the one cell of a side of an identity
 * (of its row alone, where row_alone) whose other side holds several. */
static gboolean
cell_sums (const GkGrid *grid, guint c, gboolean row_alone)
{
  const GArray *ids = grid->cell_ids->pdata[c];
  for (guint q = 0; q < ids->len; q++)
    {
      const CellIdentity *ci = &g_array_index (ids, CellIdentity, q);
      const GridIdentity *id = grid->identities->pdata[ci->identity];
      const GArray *mine = ci->lhs ? id->lhs : id->rhs, *other = ci->lhs ? id->rhs : id->lhs;
      if ((!row_alone || id->row_lo == id->row_hi) && id->relation == GK_RELATION_EQ && mine->len == 1
          && other->len > 1)
        return TRUE;
    }
  return FALSE;
}

/* Whether grid cell c is a total of its row (the 总计 of a row of
 * applicants, of a group of appeals). */
static gboolean
cell_is_total (const GkGrid *grid, guint c)
{
  return cell_sums (grid, c, TRUE);
}

static gboolean
row_has_total (const GkGrid *grid, guint r)
{
  guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
  for (guint c = 0; c < ncols; c++)
    if (cell_is_total (grid, first + c))
      return TRUE;
  return FALSE;
}

/* Whether text (lines above a number) is the header of row r's total
 * column alone. */
static gboolean
header_names_total (const GkGrid *grid, guint r, const char *text)
{
  guint cols = text ? header_columns (grid, r, text) : 0;
  return cols && !(cols & (cols - 1))
         && cell_is_total (grid, g_array_index (grid->row_first, guint, r) + (guint) __builtin_ctz (cols));
}

/* Whether a reading of row q (cells: the token of each column, NULL where
 * blank) prints every total of the row. */
static gboolean
row_prints_totals (const GkGrid *grid, guint q, const GkCell *const *cells)
{
  guint first = g_array_index (grid->row_first, guint, q), ncols = g_array_index (grid->row_ncols, guint, q);
  for (guint c = 0; c < ncols; c++)
    if (!cells[c] && cell_is_total (grid, first + c))
      return FALSE;
  return TRUE;
}

/* What a blank-zero table prints of its sums (table_totals_printed): its
 * rows' totals, 0 included (every reading prints them); and a 0 nowhere
 * else, the other zeros left blank (a reading's printed 0 is a sum). */
typedef enum { TOTALS_ANY, TOTALS_PRINTED, TOTALS_ZEROS_ONLY } TotalsPrinted;

/* Whether grid cell c sums others: a row's 总计, and each cell of
 * （七）总计, its column's sum over the outcomes. */
static gboolean
cell_sums_others (const GkGrid *grid, guint c)
{
  return cell_sums (grid, c, FALSE);
}

/* Whether a reading of row q of a table that prints a 0 only for a sum
 * (its other zeros blank) prints its zeros only where a cell sums others. */
static gboolean
row_zeros_are_sums (const GkGrid *grid, guint q, const GkCell *const *cells, const double *row)
{
  guint first = g_array_index (grid->row_first, guint, q), ncols = g_array_index (grid->row_ncols, guint, q);
  for (guint c = 0; c < ncols; c++)
    if (cells[c] && row[c] == 0 && !cell_sums_others (grid, first + c))
      return FALSE;
  return TRUE;
}

/* ... and, row its values, breaks none of its identities. */
static gboolean
row_totals_printed (const GkGrid *grid, guint q, const GkCell *const *cells, const double *row)
{
  return row_prints_totals (grid, q, cells) && row_broken (grid, q, row) == 0;
}

/* Places the m printed tokens of a row with blank cells: every choice of m
 * of its columns, in order, the others 0 (a blank cell is a zero); the
 * choices that break fewest of the row's identities vote.  A row whose
 * every choice breaks an identity was not read right and is not placed. */
static void
place_partial_row (const GkGrid *grid, const Token *tok, guint r, const GArray *mine, Votes *v)
{
  guint ncols = g_array_index (grid->row_ncols, guint, r);
  guint first = g_array_index (grid->row_first, guint, r);
  guint m = mine->len;
  guint pick[ROW_MAX_COLS];
  double values[ROW_MAX_COLS];
  double best_values[ROW_MAX_COLS];
  gboolean differs[ROW_MAX_COLS] = { FALSE };
  const GkCell *best_cell[ROW_MAX_COLS] = { NULL };
  guint best = G_MAXUINT;
  if (ncols > ROW_MAX_COLS || m == 0)
    return;
  for (guint q = 0; q < m; q++)
    if (tok[g_array_index (mine, guint, q)].unreadable)
      return;   /* a misread cell among blanks: no telling where it sat */
  for (guint q = 0; q < m; q++)
    pick[q] = q;
  for (;;)
    {
      const GkCell *cell[ROW_MAX_COLS] = { NULL };
      for (guint c = 0; c < ncols; c++)
        values[c] = 0;
      for (guint q = 0; q < m; q++)
        {
          const Token *t = &tok[g_array_index (mine, guint, q)];
          token_value (t, gk_grid_type (grid, first + pick[q]), &values[pick[q]]);
          cell[pick[q]] = t->cell;
        }
      guint broken = row_broken (grid, r, values);
      if (broken < best)
        {
          best = broken;
          memcpy (best_values, values, sizeof values);
          memcpy (best_cell, cell, sizeof cell);
          memset (differs, 0, sizeof differs);
        }
      else if (broken == best)
        for (guint c = 0; c < ncols; c++)
          if (fabs (values[c] - best_values[c]) > SUM_EPSILON)
            differs[c] = TRUE;
      /* next choice of m columns out of ncols, in lexicographic order */
      int q = (int) m - 1;
      while (q >= 0 && pick[q] == ncols - m + (guint) q)
        q--;
      if (q < 0)
        break;
      pick[q]++;
      for (guint z = (guint) q + 1; z < m; z++)
        pick[z] = pick[z - 1] + 1;
    }
  if (best > 0)
    return;
  for (guint c = 0; c < ncols; c++)
    {
      v->seen[first + c] = TRUE;
      v->differs[first + c] = differs[c];
      v->value[first + c] = best_values[c];
      /* a blank cell has no token: the row's first printed one says where
       * the row was read */
      v->cell[first + c] = best_cell[c] ? best_cell[c] : tok[g_array_index (mine, guint, 0)].cell;
      v->blank[first + c] = best_cell[c] == NULL;
    }
}

/* Grids small enough for every placement of a short stream to be tried
 * (table 四: fifteen cells). */
enum { IN_ORDER_MAX_CELLS = 16 };

/* Lays tokens tok[0..n) on the cells order[pick[..]], the other cells blank
 * and 0; FALSE when a token is no number of its cell's type or an identity
 * breaks. */
static gboolean
in_order_fits (const GkGrid *grid, const Token *tok, guint n, const guint *order, const guint *pick,
               double *values, const GkCell **cell)
{
  guint ncells = grid->cells->len;
  for (guint c = 0; c < ncells; c++)
    values[c] = 0, cell[c] = NULL;
  for (guint q = 0; q < n; q++)
    {
      guint c = order[pick[q]];
      if (!token_value (&tok[q], gk_grid_type (grid, c), &values[c]))
        return FALSE;
      cell[c] = tok[q].cell;
    }
  for (guint k = 0; k < grid->identities->len; k++)
    if (gk_grid_identity_holds (grid->identities->pdata[k], values, NULL) == 0)
      return FALSE;
  return TRUE;
}

/* How many totals of their rows (cell_is_total) a placement prints. */
static guint
totals_printed (const GkGrid *grid, const GkCell *const *cell)
{
  guint printed = 0;
  for (guint c = 0; c < grid->cells->len; c++)
    printed += cell[c] && cell_is_total (grid, c);
  return printed;
}

/* Groups (rows) of a small grid whose printing orders are tried: each cut
 * of them into runs is one order. */
enum { IN_ORDER_MAX_GROUPS = 4 };

/* The order cells are printed in when the groups are cut into runs after
 * each group whose bit is set in cuts: a run prints its groups' parts, then
 * their totals (the totals column of groups printed side by side, read by
 * pdftotext after all their parts); a run of one group is row by row. */
static void
in_order_cells (const GkGrid *grid, guint cuts, guint *order)
{
  guint k = 0;
  for (guint g0 = 0, g1; g0 < grid->n_rows; g0 = g1)
    {
      for (g1 = g0 + 1; g1 < grid->n_rows && !(cuts >> (g1 - 1) & 1); g1++)
        ;
      guint lo = g_array_index (grid->row_first, guint, g0);
      guint hi = g_array_index (grid->row_first, guint, g1 - 1) + g_array_index (grid->row_ncols, guint, g1 - 1);
      for (guint pass = 0; pass < 2; pass++)
        for (guint c = lo; c < hi; c++)
          if (cell_is_total (grid, c) == (pass == 1))
            order[k++] = c;
    }
}

/* What is done with each fitting placement: values and cells by grid cell
 * (cell NULL: blank). */
typedef void (*InOrderVisit) (const GkGrid *grid, const Token *tok, const double *values, const GkCell *const *cell,
                              gpointer data);

/* Visits every placement of tok[0..n) in the orders of cuts [lo, hi)
 * (in_order_cells) that fits. */
static void
in_order_each (const GkGrid *grid, const Token *tok, guint n, guint lo, guint hi, InOrderVisit visit, gpointer data)
{
  guint pick[IN_ORDER_MAX_CELLS], order[IN_ORDER_MAX_CELLS];
  double values[IN_ORDER_MAX_CELLS];
  const GkCell *cell[IN_ORDER_MAX_CELLS];
  for (guint cuts = lo; cuts < hi; cuts++)
    {
      in_order_cells (grid, cuts, order);
      for (guint q = 0; q < n; q++)
        pick[q] = q;
      do
        if (in_order_fits (grid, tok, n, order, pick, values, cell))
          visit (grid, tok, values, cell, data);
      while (pick_next (pick, n, grid->cells->len));
    }
}

/* Whether every 0 a placement prints (a 0, a dash) stands in a total or in
 * a group of zeros: a table that leaves its zeros blank prints no 0 among
 * a group's other figures. */
static gboolean
zeros_on_totals (const GkGrid *grid, const double *values, const GkCell *const *cell)
{
  for (guint c = 0; c < grid->cells->len; c++)
    {
      if (!cell[c] || fabs (values[c]) > SUM_EPSILON || cell_is_total (grid, c))
        continue;
      guint r = gk_grid_row (grid, c);
      guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
      for (guint k = first; k < first + ncols; k++)
        if (fabs (values[k]) > SUM_EPSILON)
          return FALSE;
    }
  return TRUE;
}

typedef struct {
  int most;              /* most totals a placement with its zeros on totals prints; -1 none */
  gboolean fits;         /* some placement fits */
  Votes *v;
} InOrderVotes;

/* in_order_each: counts what the placements that fit print (InOrderVotes). */
static void
in_order_count_totals (const GkGrid *grid, const Token *tok, const double *values, const GkCell *const *cell,
                       gpointer data)
{
  InOrderVotes *iv = data;
  iv->fits = TRUE;
  if (zeros_on_totals (grid, values, cell))
    iv->most = MAX (iv->most, (int) totals_printed (grid, cell));
}

/* in_order_each: a placement votes (InOrderVotes): where some placement
 * prints its zeros on totals alone, those of them printing most totals. */
static void
in_order_vote (const GkGrid *grid, const Token *tok, const double *values, const GkCell *const *cell, gpointer data)
{
  const InOrderVotes *iv = data;
  Votes *v = iv->v;
  if (iv->most >= 0 && (!zeros_on_totals (grid, values, cell) || (int) totals_printed (grid, cell) < iv->most))
    return;
  for (guint c = 0; c < grid->cells->len; c++)
    {
      if (v->seen[c] && fabs (v->value[c] - values[c]) > SUM_EPSILON)
        v->differs[c] = TRUE;
      /* a printed 0 here, a blank there: 0 either way, and which
       * token (if any) it was cannot be told: read as a blank */
      else if (v->seen[c] && v->blank[c] != (cell[c] == NULL))
        v->blank[c] = TRUE;
      if (!v->seen[c])
        {
          v->seen[c] = TRUE;
          v->value[c] = values[c];
          v->blank[c] = cell[c] == NULL;
          /* a blank cell has no token: the first printed one says
           * where the table was read */
          v->cell[c] = cell[c] ? cell[c] : tok[0].cell;
        }
    }
}

/* Votes the placements of tok[0..n) in the orders of cuts [lo, hi) that fit
 * (in_order_vote says which); FALSE where none fits. */
static gboolean
in_order_votes (const GkGrid *grid, const Token *tok, guint n, guint lo, guint hi, Votes *v)
{
  InOrderVotes iv = { .most = -1, .fits = FALSE, .v = v };
  in_order_each (grid, tok, n, lo, hi, in_order_count_totals, &iv);
  if (!iv.fits)
    return FALSE;
  in_order_each (grid, tok, n, lo, hi, in_order_vote, &iv);
  return TRUE;
}

/* Places a stream shorter than a small grid whose rows no label tells apart:
 * every choice of cells for the tokens in the order printed, row by row,
 * the others blank and 0; where none fits, in the orders where runs of
 * groups print their totals after their parts.  The choices that break no
 * identity vote.  A table that leaves its zeros blank and prints a 0 only
 * for a sum prints its groups' totals, 0 too (as totals_strip_to_rows reads
 * it): where some choice lays every printed 0 on a total, those choices
 * printing most totals vote alone.  A table printing a 0 no total can hold
 * prints zeros as it likes, its totals left blank or not: every choice
 * that fits votes.  When every choice breaks an identity, nothing is
 * placed (a published error among blanks cannot be told from a
 * misplacement). */
static void
votes_in_order (const GkGrid *grid, const Token *tok, guint n, Votes *v)
{
  guint ncells = grid->cells->len;
  if (ncells > IN_ORDER_MAX_CELLS || grid->n_rows > IN_ORDER_MAX_GROUPS || n == 0 || n > ncells)
    return;
  for (guint q = 0; q < n; q++)
    if (tok[q].unreadable)
      return;
  /* cuts after every group: row by row; the others: runs of groups */
  guint row_by_row = (1u << (grid->n_rows - 1)) - 1;
  if (!in_order_votes (grid, tok, n, row_by_row, row_by_row + 1, v))
    in_order_votes (grid, tok, n, 0, row_by_row, v);
}

/* ------------------------------------------ rows joined by the identities */

/* Rows placed by their labels with blank cells are placed one by one only
 * as far as their own identities go (a row "3 3": which applicant column
 * the 3 sat in is not known).  The identities across rows (the balance of
 * each column, the outcomes summing to 三（七）) tell more: the choices of
 * every row are searched together, and the placements that break fewest
 * identities vote.  The labels also fail where a label block's numbers
 * come after it, or a row's total is printed after the next label: a run
 * of rows whose numbers break their own identities (or have none) is one
 * span, its numbers split among its rows every way that keeps them in
 * order. */

/* Options a span may have, search nodes a span's splits and the joint
 * search may take: past them, nothing more is read than the rows alone. */
enum { JOINT_MAX_OPTIONS = 16384, SPAN_MAX_NODES = 200000, JOINT_MAX_NODES = 60000 };

/* Cells a span's readings may hold in all (its rows' readings kept on the
 * way): past it, the span is too loose to be read. */
enum { SPAN_MAX_CELLS = 1 << 20 };

static gint
uint_cmp (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

typedef struct {
  guint r0, r1;          /* template rows [r0, r1] */
  guint c0, w;           /* grid cells [c0, c0 + w) */
  GArray *values;        /* double, w per option */
  GPtrArray *cells;      /* const GkCell *, w per option (NULL: a blank) */
  guint *seen;           /* the options kept, by their values: an open-
                            addressed set of option indices + 1 (0: free) */
  guint seen_cap, seen_len;
  guint n;               /* options */
  guint best;            /* identities of its own rows the options break */
  gint hidden;           /* a cell of w not printed where the rest are (its
                            value the one its row's identity gives, for the
                            identities across rows alone): never read; -1 */
} Joint;

static void
joint_free (Joint *j)
{
  g_array_unref (j->values);
  g_ptr_array_unref (j->cells);
  g_free (j->seen);
  g_free (j);
}

/* A hash of an option's values a word at a time (the options of a tall
 * span are hundreds of bytes), its bits mixed at the end: small whole
 * numbers have no low bits set, and the set takes the hash's low bits. */
static guint
values_hash (const double *values, guint w)
{
  guint64 h = 14695981039346656037ull;
  for (guint at = 0; at < w; at++)
    {
      guint64 word;
      memcpy (&word, &values[at], sizeof word);
      h = (h ^ word) * 1099511628211ull;
    }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return (guint) h;
}

static const double *
joint_option (const Joint *j, guint o)
{
  return &g_array_index (j->values, double, (gsize) o * j->w);
}

/* The slot of j->seen that holds option o's values (the same bits), or the
 * free slot where they would go. */
static guint
joint_seen_slot (const Joint *j, guint o)
{
  const double *values = joint_option (j, o);
  guint mask = j->seen_cap - 1;
  for (guint at = values_hash (values, j->w) & mask;; at = (at + 1) & mask)
    if (!j->seen[at] || memcmp (joint_option (j, j->seen[at] - 1), values, j->w * sizeof (double)) == 0)
      return at;
}

/* Records option o in j->seen (the set grown to hold it at half full). */
static void
joint_seen_add (Joint *j, guint o)
{
  if (2 * (j->seen_len + 1) > j->seen_cap)
    {
      guint *old = j->seen, old_cap = j->seen_cap;
      j->seen_cap = MAX (16, 2 * old_cap);
      j->seen = g_new0 (guint, j->seen_cap);
      for (guint at = 0; at < old_cap; at++)
        if (old[at])
          j->seen[joint_seen_slot (j, old[at] - 1)] = old[at];
      g_free (old);
    }
  j->seen[joint_seen_slot (j, o)] = o + 1;
  j->seen_len++;
}

/* Whether option o (its values in j->values) repeats one kept before it. */
static gboolean
joint_seen_has (const Joint *j, guint o)
{
  return j->seen_len && j->seen[joint_seen_slot (j, o)];
}

static Joint *
joint_new (const GkGrid *grid, guint r0, guint r1)
{
  Joint *j = g_new0 (Joint, 1);
  j->r0 = r0, j->r1 = r1;
  j->c0 = g_array_index (grid->row_first, guint, r0);
  j->w = g_array_index (grid->row_first, guint, r1) + g_array_index (grid->row_ncols, guint, r1) - j->c0;
  j->values = g_array_new (FALSE, FALSE, sizeof (double));
  j->cells = g_ptr_array_new ();
  j->best = G_MAXUINT;
  j->hidden = -1;
  return j;
}

/* A row's reading kept by a span's search: its values' identity (the
 * span's rows interned) and its cells. */
typedef struct {
  guint values;          /* SpanFill.rows */
  const GkCell *cells[ROW_MAX_COLS];
} SpanRow;

/* A reading of rows [q, r1] kept by a span's search: its row's reading and
 * the reading of the rows after it it goes on with, referred to, not
 * copied (a tall span's readings share their tails). */
typedef struct SpanNode SpanNode;
typedef struct {
  guint row;             /* SpanNode.rows */
  guint o;               /* rest's option */
  const SpanNode *rest;  /* NULL for the span's last row */
  guint values;          /* its values' identity: equal values, equal ids */
} SpanOption;

/* The readings of rows [q, r1] from one token on (a Joint, made whole for
 * the span's first row alone). */
struct SpanNode {
  guint q, w;
  GArray *rows;          /* SpanRow */
  GArray *options;       /* SpanOption */
  guint best;            /* identities of its own rows the options break */
  guint64 stamp;         /* marks the values of the options kept since best */
};

/* Ids of keys, in the order they first came: an open-addressed map. */
typedef struct {
  guint64 *keys;
  guint *ids;            /* id + 1; 0: free */
  guint cap, len;
} IdMap;

static guint
id_map_hash (guint64 key)
{
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  return (guint) key;
}

static guint
id_map_get (IdMap *m, guint64 key)
{
  if (2 * (m->len + 1) > m->cap)
    {
      guint64 *old_keys = m->keys;
      guint *old_ids = m->ids, old_cap = m->cap;
      m->cap = MAX (64, 2 * old_cap);
      m->keys = g_new (guint64, m->cap);
      m->ids = g_new0 (guint, m->cap);
      for (guint at = 0; at < old_cap; at++)
        if (old_ids[at])
          {
            guint to = id_map_hash (old_keys[at]) & (m->cap - 1);
            while (m->ids[to])
              to = (to + 1) & (m->cap - 1);
            m->keys[to] = old_keys[at], m->ids[to] = old_ids[at];
          }
      g_free (old_keys);
      g_free (old_ids);
    }
  guint at = id_map_hash (key) & (m->cap - 1);
  while (m->ids[at] && m->keys[at] != key)
    at = (at + 1) & (m->cap - 1);
  if (!m->ids[at])
    m->keys[at] = key, m->ids[at] = ++m->len;
  return m->ids[at] - 1;
}

/* Empties the map (its memory freed). */
static void
id_map_clear (IdMap *m)
{
  g_free (m->keys);
  g_free (m->ids);
  *m = (IdMap){ NULL, NULL, 0, 0 };
}

/* A row's values as the span's search interns them. */
typedef struct {
  guint ncols;
  double v[ROW_MAX_COLS];
} RowValues;

static guint
row_values_hash (gconstpointer p)
{
  const RowValues *rv = p;
  return values_hash (rv->v, rv->ncols) ^ rv->ncols;
}

static gboolean
row_values_equal (gconstpointer a, gconstpointer b)
{
  const RowValues *x = a, *y = b;
  return x->ncols == y->ncols && memcmp (x->v, y->v, x->ncols * sizeof (double)) == 0;
}

typedef struct {
  const GkGrid *grid;
  const Token *tok;
  const guint *list;     /* the span's tokens, in printed order */
  const guint *bound;    /* per token of list: the last row it may go to
                            (its label's: numbers never belong to a row
                            whose label comes after them) */
  guint len, r0, r1;
  SpanNode **memo;       /* [(q - r0) * (len + 1) + t]: the readings of rows q.. from token t */
  guint work;
  gsize kept;            /* cells of the readings kept */
  gboolean failed;
  /* rows read by their printed totals (NULL: any reading): per row q, token
   * t and count k, at [((q - r0) * (len + 1) + t) * (ROW_MAX_COLS + 1) + k],
   * whether row q reading tokens t..t+k-1 lies on a reading of the span;
   * each such row reading prints every total of the row */
  const gboolean *arcs;
  /* per token (NULL: none known): the row whose label begins the line it
   * is printed first on, or G_MAXUINT (line_starts) */
  const guint *starts;
  TotalsPrinted totals;  /* every row reading prints every total of its row
                            (and its zeros only there: TOTALS_ZEROS_ONLY) */
  /* readings' values by identity: a row's values (RowValues, their index
   * the id), a reading of rows [q, r1] by its row's id and its rest's */
  GHashTable *row_ids;   /* RowValues* → id + 1 */
  GPtrArray *rows;       /* RowValues*, by id */
  IdMap option_ids;
  GArray *marks;         /* guint64 per option id: the stamp of the node that
                            keeps those values (one node of a row is filled
                            at a time: the search goes down the rows) */
  guint64 stamps;
} SpanFill;

/* The id of a row's values among those interned in ids (RowValues* → id +
 * 1) and rows (RowValues*, by id): equal values, equal ids. */
static guint
row_values_id (GHashTable *ids, GPtrArray *rows, const double *row, guint ncols)
{
  RowValues key = { ncols, { 0 } };
  memcpy (key.v, row, ncols * sizeof (double));
  gpointer id = g_hash_table_lookup (ids, &key);
  if (id)
    return GPOINTER_TO_UINT (id) - 1;
  RowValues *kept = g_memdup2 (&key, sizeof key);
  g_ptr_array_add (rows, kept);
  g_hash_table_insert (ids, kept, GUINT_TO_POINTER (rows->len));
  return rows->len - 1;
}

static guint
span_row_id (SpanFill *f, const double *row, guint ncols)
{
  return row_values_id (f->row_ids, f->rows, row, ncols);
}

static SpanNode *
span_node_new (SpanFill *f, guint q)
{
  SpanNode *j = g_new0 (SpanNode, 1);
  j->q = q;
  j->w = g_array_index (f->grid->row_first, guint, f->r1) + g_array_index (f->grid->row_ncols, guint, f->r1)
         - g_array_index (f->grid->row_first, guint, q);
  j->rows = g_array_new (FALSE, FALSE, sizeof (SpanRow));
  j->options = g_array_new (FALSE, FALSE, sizeof (SpanOption));
  j->best = G_MAXUINT;
  j->stamp = ++f->stamps;
  return j;
}

static void
span_node_free (SpanNode *j)
{
  g_array_unref (j->rows);
  g_array_unref (j->options);
  g_free (j);
}

/* The span's readings node j keeps, made whole: a Joint of rows [j->q, r1]. */
static Joint *
span_node_joint (const SpanFill *f, const SpanNode *j)
{
  Joint *out = joint_new (f->grid, j->q, f->r1);
  out->best = j->best, out->n = j->options->len;
  g_array_set_size (out->values, (gsize) out->n * out->w);
  g_ptr_array_set_size (out->cells, (gint) ((gsize) out->n * out->w));
  for (guint o = 0; o < out->n; o++)
    {
      double *values = &g_array_index (out->values, double, (gsize) o * out->w);
      gpointer *cells = out->cells->pdata + (gsize) o * out->w;
      const SpanNode *node = j;
      for (guint p = o, at = 0; node;)
        {
          const SpanOption *opt = &g_array_index (node->options, SpanOption, p);
          const SpanRow *row = &g_array_index (node->rows, SpanRow, opt->row);
          const RowValues *rv = f->rows->pdata[row->values];
          memcpy (values + at, rv->v, rv->ncols * sizeof (double));
          memcpy (cells + at, row->cells, rv->ncols * sizeof (gpointer));
          at += rv->ncols;
          node = opt->rest, p = opt->o;
        }
    }
  return out;
}

/* Whether row q of rows [r0, r1] may read tokens list[t..t+k) (of len),
 * by what starts (line_starts; NULL: nothing known) says: a number printed
 * first on the line that begins a row's label is that row's first. */
static gboolean
row_takes_starts (const guint *starts, const guint *list, guint len, guint t, guint k, guint q, guint r0, guint r1)
{
  for (guint a = 0; starts && a <= k && t + a < len; a++)
    {
      guint st = starts[list[t + a]];
      if (st < r0 || st > r1)
        continue;
      if (a == k ? st <= q : a > 0 || st != q)
        return FALSE;
    }
  return TRUE;
}

/* Keeps, among the readings of rows [q, r1], row q's reading row (of
 * j->rows) followed by reading o of the rest (rest NULL: none), unless
 * dearer than the best. */
static void
span_keep (SpanFill *f, SpanNode *j, guint cost, guint row, const SpanNode *rest, guint o)
{
  if (f->failed || cost > j->best)
    return;
  if (++f->work > SPAN_MAX_NODES)
    {
      f->failed = TRUE;
      return;
    }
  if (cost < j->best)
    {
      j->best = cost;
      g_array_set_size (j->options, 0);
      j->stamp = ++f->stamps;
    }
  guint rest_values = rest ? g_array_index (rest->options, SpanOption, o).values : G_MAXUINT;
  guint values = id_map_get (&f->option_ids, (guint64) g_array_index (j->rows, SpanRow, row).values << 32 | rest_values);
  if (values >= f->marks->len)
    g_array_set_size (f->marks, MAX (values + 1, 2 * f->marks->len));
  guint64 *mark = &g_array_index (f->marks, guint64, values);
  gboolean repeat = *mark == j->stamp;
  if (!repeat)
    f->kept += j->w;
  if (repeat || j->options->len >= JOINT_MAX_OPTIONS || f->kept > SPAN_MAX_CELLS)
    {
      f->failed |= !repeat;
      return;
    }
  *mark = j->stamp;
  SpanOption opt = { row, o, rest, values };
  g_array_append_val (j->options, opt);
}

/* The readings of rows [q, r1] from token t on: row q takes the next
 * tokens in order, in columns chosen left to right (where its zeros sat
 * makes no other reading), the rows after it the rest; the last row takes
 * what is left.  Those breaking fewest of the rows' own identities. */
static SpanNode *
span_suffix (SpanFill *f, guint q, guint t)
{
  gsize at = (gsize) (q - f->r0) * (f->len + 1) + t;
  if (f->memo[at])
    return f->memo[at];
  SpanNode *j = span_node_new (f, q);
  f->memo[at] = j;
  guint ncols = g_array_index (f->grid->row_ncols, guint, q);
  guint first = g_array_index (f->grid->row_first, guint, q);
  guint left = f->len - t;
  guint kmin = q == f->r1 ? left : 0, kmax = MIN (ncols, left);
  for (guint a = 0; a < kmax; a++)
    if (f->bound[t + a] < q)
      {
        kmax = a;
        break;
      }
  guint pick[ROW_MAX_COLS];
  if (ncols > ROW_MAX_COLS)
    {
      f->failed = TRUE;
      return j;
    }
  for (guint k = kmin; k <= kmax && !f->failed; k++)
    {
      if ((f->arcs && !f->arcs[((gsize) (q - f->r0) * (f->len + 1) + t) * (ROW_MAX_COLS + 1) + k])
          || !row_takes_starts (f->starts, f->list, f->len, t, k, q, f->r0, f->r1))
        continue;
      guint choices = 1;   /* ncols choose k */
      for (guint a = 0; a < k; a++)
        choices = choices * (ncols - a) / (a + 1);
      g_autofree double *seen = g_new (double, (gsize) choices * ROW_MAX_COLS);
      g_autofree guint *seen_broken = g_new (guint, choices);
      guint row0 = j->rows->len, nseen = 0;
      for (guint a = 0; a < k; a++)
        pick[a] = a;
      do
        {
          double row[ROW_MAX_COLS] = { 0 };
          SpanRow kept = { 0, { NULL } };
          gboolean fits = pick_read (f->grid, f->tok, f->list + t, k, first, pick, row, kept.cells);
          gboolean again = !fits || (f->arcs && !row_totals_printed (f->grid, q, kept.cells, row))
                           || (f->totals && !row_prints_totals (f->grid, q, kept.cells))
                           || (f->totals == TOTALS_ZEROS_ONLY && !row_zeros_are_sums (f->grid, q, kept.cells, row));
          for (guint z = 0; z < nseen && !again; z++)
            again = memcmp (seen + (gsize) z * ROW_MAX_COLS, row, ncols * sizeof (double)) == 0;
          if (!again && nseen < choices)
            {
              memcpy (seen + (gsize) nseen * ROW_MAX_COLS, row, sizeof row);
              kept.values = span_row_id (f, row, ncols);
              g_array_append_val (j->rows, kept);
              seen_broken[nseen++] = row_broken (f->grid, q, row);
            }
        }
      while (pick_next (pick, k, ncols));
      const SpanNode *rest = q < f->r1 ? span_suffix (f, q + 1, t + k) : NULL;
      for (guint z = 0; z < nseen && !f->failed; z++)
        {
          if (!rest)
            span_keep (f, j, seen_broken[z], row0 + z, NULL, 0);
          for (guint o = 0; rest && o < rest->options->len && !f->failed; o++)
            span_keep (f, j, seen_broken[z] + rest->best, row0 + z, rest, o);
        }
    }
  return j;
}

/* The options of rows [r0, r1] holding the tokens of list (in printed
 * order), each token in a row no later than its bound; NULL when they are
 * too many or a token is unreadable. */
static Joint *
span_options_on (const GkGrid *grid, const Token *tok, const guint *list, const guint *bound, guint len, guint r0,
                 guint r1, const gboolean *arcs, const guint *starts, TotalsPrinted totals)
{
  for (guint q = 0; q < len; q++)
    if (tok[list[q]].unreadable)
      return NULL;
  gsize nmemo = (gsize) (r1 - r0 + 1) * (len + 1);
  SpanFill f = { grid, tok, list, bound, len, r0, r1, g_new0 (SpanNode *, nmemo), 0, 0, FALSE, arcs, starts, totals,
                 g_hash_table_new (row_values_hash, row_values_equal), g_ptr_array_new_with_free_func (g_free),
                 { NULL, NULL, 0, 0 }, g_array_new (FALSE, TRUE, sizeof (guint64)), 0 };
  SpanNode *root = span_suffix (&f, r0, 0);
  Joint *j = f.failed || root->options->len == 0 ? NULL : span_node_joint (&f, root);
  if (gk_decode_debugging () && r1 > r0)
    g_printerr ("  span rows %u..%u, %u tokens: %u options (%s), %u broken\n", r0, r1, len, root->options->len,
                f.failed ? "too many" : "all", root->best);
  for (gsize q = 0; q < nmemo; q++)
    if (f.memo[q])
      span_node_free (f.memo[q]);
  g_free (f.memo);
  g_hash_table_unref (f.row_ids);
  g_ptr_array_unref (f.rows);
  id_map_clear (&f.option_ids);
  g_array_unref (f.marks);
  return j;
}
static Joint *
span_options (const GkGrid *grid, const Token *tok, const guint *list, const guint *bound, guint len, guint r0,
              guint r1, const guint *starts, TotalsPrinted totals)
{
  return span_options_on (grid, tok, list, bound, len, r0, r1, NULL, starts, totals);
}

typedef struct {
  const GkGrid *grid;
  GPtrArray *vars;       /* Joint*, in row order */
  GPtrArray *checks;     /* per var: GArray of the identities (guint) it completes */
  double *values;
  const GkCell **cells;
  gboolean *known;
  guint best, nodes;
  gboolean failed, any;
  gboolean level;        /* only placements breaking no identity are walked */
  /* what the placements breaking fewest identities give each cell */
  double *agreed;
  const GkCell **agreed_cell;
  gboolean *differs, *blank;
  /* bounds: an identity whose rest cannot bring its sides level is broken
   * already.  Per var k: the identities it touches, each option's share
   * (lhs - rhs) of them; per identity: what the vars after k may add */
  GArray **touching;     /* per var: guint identity */
  double **share;        /* per var: share[o * touching->len + q] */
  double *rest_min, *rest_max;   /* [i * (nvars + 1) + k] */
  double *partial;       /* per identity: the shares placed so far */
  gint *last;            /* per identity: the var that completes it, -1 none */
  GArray **open_after;   /* per var k: the identities (guint, of =) a var
                            after k completes, those joint_bound judges */
  /* the checks of var k split: those on its own cells alone, worked out
   * once per option (own_broken[k][o]: how many break), and the rest */
  guint **own_broken;
  GArray **cross;        /* per var: guint identity */
  /* every option's values whole numbers: sums exact in any order, so an
   * identity's partial (lhs - rhs) when its last var is placed is what
   * gk_grid_identity_holds would sum */
  gboolean whole;
} JointSearch;

/* Identities sure to break whatever the vars after k hold. */
static guint
joint_bound (const JointSearch *js, guint k)
{
  guint nv = js->vars->len, broken = 0;
  const GArray *open = js->open_after[k];
  for (guint q = 0; q < open->len; q++)
    {
      guint i = g_array_index (open, guint, q);
      gsize at = (gsize) i * (nv + 1) + k + 1;
      broken += js->partial[i] + js->rest_min[at] > SUM_EPSILON || js->partial[i] + js->rest_max[at] < -SUM_EPSILON;
    }
  return broken;
}

static void
joint_leaf (JointSearch *js, guint broken)
{
  guint n = js->grid->cells->len;
  gboolean first = !js->any || broken < js->best;
  js->any = TRUE, js->best = broken;
  for (guint c = 0; c < n; c++)
    {
      if (!js->known[c])
        continue;
      if (first)
        {
          js->agreed[c] = js->values[c], js->agreed_cell[c] = js->cells[c];
          js->differs[c] = FALSE, js->blank[c] = js->cells[c] == NULL;
        }
      else if (fabs (js->agreed[c] - js->values[c]) > SUM_EPSILON)
        js->differs[c] = TRUE;
      else if ((js->agreed_cell[c] == NULL) != (js->cells[c] == NULL))
        js->blank[c] = TRUE;
    }
}

static void
joint_walk (JointSearch *js, guint k, guint broken)
{
  if (js->failed || ++js->nodes > JOINT_MAX_NODES)
    {
      js->failed = TRUE;
      return;
    }
  if ((js->any || js->level) && broken > js->best)
    return;
  if (k == js->vars->len)
    {
      joint_leaf (js, broken);
      return;
    }
  const Joint *j = js->vars->pdata[k];
  const GArray *cross = js->cross[k];
  for (guint o = 0; o < j->n && !js->failed; o++)
    {
      memcpy (js->values + j->c0, &g_array_index (j->values, double, (gsize) o * j->w), j->w * sizeof (double));
      memcpy (js->cells + j->c0, &j->cells->pdata[(gsize) o * j->w], j->w * sizeof (gpointer));
      const GArray *touch = js->touching[k];
      for (guint q = 0; q < touch->len; q++)
        js->partial[g_array_index (touch, guint, q)] += js->share[k][(gsize) o * touch->len + q];
      guint b = broken + js->own_broken[k][o];
      for (guint q = 0; q < cross->len; q++)
        {
          guint i = g_array_index (cross, guint, q);
          const GridIdentity *id = js->grid->identities->pdata[i];
          if (js->whole)
            b += id->relation == GK_RELATION_LE ? js->partial[i] > 0 : js->partial[i] != 0;
          else
            b += gk_grid_identity_holds (id, js->values, NULL) == 0;
        }
      if ((!js->any && !js->level) || b + joint_bound (js, k) <= js->best)
        joint_walk (js, k + 1, b);
      for (guint q = 0; q < touch->len; q++)
        js->partial[g_array_index (touch, guint, q)] -= js->share[k][(gsize) o * touch->len + q];
    }
}

/* A whole number small enough that sums of many are exact in any order. */
static gboolean
number_is_whole (double x)
{
  return fabs (x) < (double) (1ull << 40) && x == floor (x);
}

/* Whether every operand of the identity is a cell of var j. */
static gboolean
identity_inside (const GridIdentity *id, const Joint *j)
{
  const GArray *sides[2] = { id->lhs, id->rhs };
  for (guint sd = 0; sd < 2; sd++)
    for (guint q = 0; q < sides[sd]->len; q++)
      {
        guint c = g_array_index (sides[sd], guint, q);
        if (c < j->c0 || c >= j->c0 + j->w)
          return FALSE;
      }
  return TRUE;
}

/* JointSearch.own_broken and .cross from its checks: an identity on one
 * var's cells alone breaks or holds with the option, whatever the rest. */
static void
joint_checks_split (JointSearch *js)
{
  guint nv = js->vars->len;
  js->own_broken = g_new0 (guint *, nv);
  js->cross = g_new0 (GArray *, nv);
  js->whole = TRUE;
  for (guint k = 0; k < nv; k++)
    {
      const Joint *j = js->vars->pdata[k];
      for (gsize c = 0; c < (gsize) j->n * j->w && js->whole; c++)
        js->whole = number_is_whole (joint_option (j, 0)[c]);
      const GArray *checks = js->checks->pdata[k];
      js->own_broken[k] = g_new0 (guint, MAX (j->n, 1));
      js->cross[k] = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint q = 0; q < checks->len; q++)
        {
          const GridIdentity *id = js->grid->identities->pdata[g_array_index (checks, guint, q)];
          if (!identity_inside (id, j))
            {
              g_array_append_val (js->cross[k], g_array_index (checks, guint, q));
              continue;
            }
          for (guint o = 0; o < j->n; o++)
            js->own_broken[k][o] += gk_grid_identity_holds_from (id, joint_option (j, o), NULL, j->c0) == 0;
        }
    }
}

/* Option o of var j's share (lhs - rhs) of identity id. */
static double
option_share (const GridIdentity *id, const Joint *j, guint o)
{
  const double *ov = joint_option (j, o);
  double sh = 0;
  const GArray *sides[2] = { id->lhs, id->rhs };
  for (guint sd = 0; sd < 2; sd++)
    for (guint z = 0; z < sides[sd]->len; z++)
      {
        guint c = g_array_index (sides[sd], guint, z);
        if (c >= j->c0 && c < j->c0 + j->w)
          sh += sd == 0 ? ov[c - j->c0] : -ov[c - j->c0];
      }
  return sh;
}

static void
joint_bounds_init (JointSearch *js)
{
  const GkGrid *grid = js->grid;
  guint nv = js->vars->len, ni = grid->identities->len;
  js->touching = g_new0 (GArray *, nv);
  js->share = g_new0 (double *, nv);
  js->rest_min = g_new0 (double, (gsize) ni * (nv + 1));
  js->rest_max = g_new0 (double, (gsize) ni * (nv + 1));
  js->partial = g_new0 (double, ni);
  js->last = g_new (gint, ni);
  joint_checks_split (js);
  for (guint i = 0; i < ni; i++)
    js->last[i] = -1;
  for (guint k = 0; k < nv; k++)
    for (guint q = 0; q < ((GArray *) js->checks->pdata[k])->len; q++)
      js->last[g_array_index ((GArray *) js->checks->pdata[k], guint, q)] = (gint) k;
  js->open_after = g_new0 (GArray *, nv);
  for (guint k = 0; k < nv; k++)
    {
      js->open_after[k] = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < ni; i++)
        if (js->last[i] > (gint) k && ((const GridIdentity *) grid->identities->pdata[i])->relation == GK_RELATION_EQ)
          g_array_append_val (js->open_after[k], i);
    }
  for (guint k = 0; k < nv; k++)
    {
      const Joint *j = js->vars->pdata[k];
      js->touching[k] = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < ni; i++)
        {
          const GridIdentity *id = grid->identities->pdata[i];
          if (js->last[i] < 0)
            continue;
          gboolean touches = FALSE;
          const GArray *sides[2] = { id->lhs, id->rhs };
          for (guint sd = 0; sd < 2 && !touches; sd++)
            for (guint q = 0; q < sides[sd]->len && !touches; q++)
              {
                guint c = g_array_index (sides[sd], guint, q);
                touches = c >= j->c0 && c < j->c0 + j->w;
              }
          if (touches)
            g_array_append_val (js->touching[k], i);
        }
      guint nt = js->touching[k]->len;
      js->share[k] = g_new0 (double, (gsize) j->n * MAX (nt, 1));
      for (guint q = 0; q < nt; q++)
        {
          guint i = g_array_index (js->touching[k], guint, q);
          const GridIdentity *id = grid->identities->pdata[i];
          double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
          for (guint o = 0; o < j->n; o++)
            {
              double sh = option_share (id, j, o);
              js->share[k][(gsize) o * nt + q] = sh;
              lo = MIN (lo, sh), hi = MAX (hi, sh);
            }
          js->rest_min[(gsize) i * (nv + 1) + k] = lo;
          js->rest_max[(gsize) i * (nv + 1) + k] = hi;
        }
    }
  /* from each var on: the sums of what the vars after may add */
  for (guint i = 0; i < ni; i++)
    for (guint k = nv; k-- > 0;)
      {
        js->rest_min[(gsize) i * (nv + 1) + k] += js->rest_min[(gsize) i * (nv + 1) + k + 1];
        js->rest_max[(gsize) i * (nv + 1) + k] += js->rest_max[(gsize) i * (nv + 1) + k + 1];
      }
}

static void
joint_bounds_free (JointSearch *js)
{
  for (guint k = 0; k < js->vars->len; k++)
    {
      g_array_unref (js->touching[k]);
      g_free (js->share[k]);
      g_array_unref (js->open_after[k]);
    }
  g_free (js->open_after);
  g_free (js->touching);
  g_free (js->share);
  g_free (js->rest_min);
  g_free (js->rest_max);
  g_free (js->partial);
  g_free (js->last);
  for (guint k = 0; k < js->vars->len; k++)
    {
      g_free (js->own_broken[k]);
      g_array_unref (js->cross[k]);
    }
  g_free (js->own_broken);
  g_free (js->cross);
}

static gboolean votes_from_vars (const GkGrid *grid, const Token *tok, GPtrArray *vars, const gboolean *fixed, Votes *v,
                                 guint *broken);

/* Combinations of options each half of a meet-in-the-middle search may
 * hold at most, and the placements it may find. */
enum { MEET_MAX_HALF = 1 << 18, MEET_MAX_LEAVES = 4096 };

typedef struct {
  JointSearch *js;
  guint ni;              /* identities checked, each a position of a vector */
  gint *pos;             /* per identity: its position, -1 not checked */
  GArray *half[2];       /* guint var: the vars of each half (options > 1) */
  double *base;          /* ni: the shares of the vars of one option */
} Meet;

/* Option o of var k's shares of the identities checked, added to vec. */
static void
meet_add_shares (const Meet *m, guint k, guint o, double *vec)
{
  const GArray *touch = m->js->touching[k];
  for (guint q = 0; q < touch->len; q++)
    {
      gint p = m->pos[g_array_index (touch, guint, q)];
      if (p >= 0)
        vec[p] += m->js->share[k][(gsize) o * touch->len + q];
    }
}

/* Combination x (mixed radix over the half's vars' options) of half h: its
 * options in pick, its shares added to vec. */
static void
meet_combination (const Meet *m, guint h, guint64 x, guint *pick, double *vec)
{
  const GArray *vs = m->half[h];
  for (guint a = 0; a < vs->len; a++)
    {
      guint k = g_array_index (vs, guint, a);
      const Joint *j = m->js->vars->pdata[k];
      pick[a] = (guint) (x % j->n), x /= j->n;
      meet_add_shares (m, k, pick[a], vec);
    }
}

/* The combinations of half h taken in order (x = 0, 1, ...), each summed
 * onto from: the sums of the vars from a on kept (suffix[a * w]; from at
 * a = len), so a step adds again only the vars whose option moved (the
 * first var's at most steps, the others' seldom).  The shares are whole
 * numbers (JointSearch.whole): in any order their sums are the same but
 * for the sign of a zero, which the caller makes one. */
typedef struct {
  const Meet *m;
  guint h, len, w;
  guint *pick;
  double *suffix;
} MeetSums;

static void
meet_sums_init (MeetSums *ms, const Meet *m, guint h, guint w, guint *pick, const double *from)
{
  ms->m = m, ms->h = h, ms->len = m->half[h]->len, ms->w = w, ms->pick = pick;
  ms->suffix = g_new0 (double, (gsize) (ms->len + 1) * w);
  memcpy (ms->suffix + (gsize) ms->len * w, from, w * sizeof (double));
}

/* Combination x's sums (x the one after the last asked, or 0): the picks
 * in ms->pick, the sums returned (valid until the next call). */
static const double *
meet_sums_next (MeetSums *ms, guint64 x)
{
  const GArray *vs = ms->m->half[ms->h];
  /* the vars whose option moved: all at the first, else the first var and
   * those it carried into */
  guint top = ms->len;
  if (x > 0)
    for (top = 0; top < ms->len; top++)
      {
        guint k = g_array_index (vs, guint, top);
        if (++ms->pick[top] < ((const Joint *) ms->m->js->vars->pdata[k])->n)
          break;
        ms->pick[top] = 0;
      }
  else
    memset (ms->pick, 0, ms->len * sizeof (guint));
  for (guint a = MIN (top + 1, ms->len); a-- > 0;)
    {
      double *here = ms->suffix + (gsize) a * ms->w;
      memcpy (here, here + ms->w, ms->w * sizeof (double));
      meet_add_shares (ms->m, g_array_index (vs, guint, a), ms->pick[a], here);
    }
  return ms->suffix;
}

/* Combinations of a half's options, G_MAXUINT64 past MEET_MAX_HALF. */
static guint64
meet_count (const Meet *m, guint h)
{
  guint64 n = 1;
  for (guint a = 0; a < m->half[h]->len && n <= MEET_MAX_HALF; a++)
    n *= ((const Joint *) m->js->vars->pdata[g_array_index (m->half[h], guint, a)])->n;
  return n <= MEET_MAX_HALF ? n : G_MAXUINT64;
}

/* Option o of var k placed in the search's values and cells. */
static void
meet_place (JointSearch *js, guint k, guint o)
{
  const Joint *j = js->vars->pdata[k];
  memcpy (js->values + j->c0, joint_option (j, o), j->w * sizeof (double));
  memcpy (js->cells + j->c0, &j->cells->pdata[(gsize) o * j->w], j->w * sizeof (gpointer));
}

/* The placements breaking no identity, found by meeting in the middle where
 * the walk found too many to try (a few wide vars, each of hundreds of
 * readings, fixed only together by the column sums): the vars of more than
 * one option split in two halves, every combination of each half's options
 * summed into the shares of the identities checked; a combination of one
 * half meets one of the other where together with the vars of one option
 * they bring every identity level.  Each placement so met is a leaf, as the
 * walk would have reached it.  FALSE where it does not apply (an identity
 * other than an equality, numbers not whole, a var whose options break its
 * own identities, halves too wide, placements too many). */
static gboolean
joint_meet (JointSearch *js)
{
  const GkGrid *grid = js->grid;
  guint nv = js->vars->len, ni = grid->identities->len;
  if (!js->whole)
    return FALSE;
  Meet m = { js, 0, g_new (gint, ni), { g_array_new (FALSE, FALSE, sizeof (guint)), g_array_new (FALSE, FALSE, sizeof (guint)) },
             NULL };
  gboolean ok = TRUE;
  for (guint i = 0; i < ni; i++)
    {
      m.pos[i] = js->last[i] >= 0 ? (gint) m.ni++ : -1;
      ok &= js->last[i] < 0 || ((const GridIdentity *) grid->identities->pdata[i])->relation == GK_RELATION_EQ;
    }
  m.base = g_new0 (double, MAX (m.ni, 1));
  /* the vars of one option in the base; the others into the half whose
   * combinations are fewer so far */
  guint64 size[2] = { 1, 1 };
  for (guint k = 0; k < nv && ok; k++)
    {
      const Joint *j = js->vars->pdata[k];
      for (guint o = 0; o < j->n && ok; o++)
        ok = js->own_broken[k][o] == 0;
      if (!ok || j->n == 0)
        {
          ok = FALSE;
          break;
        }
      if (j->n == 1)
        {
          meet_add_shares (&m, k, 0, m.base);
          meet_place (js, k, 0);
          continue;
        }
      guint h = size[0] <= size[1] ? 0 : 1;
      g_array_append_val (m.half[h], k);
      size[h] = MIN (size[h] * j->n, (guint64) MEET_MAX_HALF + 1);
    }
  guint64 n0 = ok ? meet_count (&m, 0) : G_MAXUINT64, n1 = ok ? meet_count (&m, 1) : G_MAXUINT64;
  ok = n0 != G_MAXUINT64 && n1 != G_MAXUINT64;
  guint leaves = 0;
  if (ok)
    {
      /* the first half's sums, each with the base, in an open-addressed set */
      guint w = MAX (m.ni, 1), cap = 1;
      while (cap < 2 * n0)
        cap <<= 1;
      g_autofree double *sums = g_new0 (double, (gsize) n0 * w);
      g_autofree guint64 *slot = g_new0 (guint64, cap);   /* combination + 1; 0 free */
      g_autofree guint64 *next = g_new0 (guint64, n0);    /* the next combination of the same sums + 1 */
      g_autofree guint64 *tail = g_new0 (guint64, n0);    /* per first combination of some sums: their last */
      g_autofree guint *pick0 = g_new0 (guint, MAX (m.half[0]->len, 1));
      g_autofree guint *pick1 = g_new0 (guint, MAX (m.half[1]->len, 1));
      MeetSums first;
      meet_sums_init (&first, &m, 0, w, pick0, m.base);
      for (guint64 x = 0; x < n0; x++)
        {
          double *vec = sums + x * w;
          memcpy (vec, meet_sums_next (&first, x), m.ni * sizeof (double));
          for (guint p = 0; p < m.ni; p++)
            vec[p] += 0.0;   /* no negative zero: sums compared bit for bit */
          guint at = values_hash (vec, m.ni) & (cap - 1);
          while (slot[at] && memcmp (sums + (slot[at] - 1) * w, vec, m.ni * sizeof (double)) != 0)
            at = (at + 1) & (cap - 1);
          /* the combinations of the same sums chained in order */
          if (slot[at])
            {
              guint64 head = slot[at] - 1;
              next[tail[head]] = x + 1;
              tail[head] = x;
            }
          else
            slot[at] = x + 1, tail[x] = x;
        }
      g_free (first.suffix);
      g_autofree double *need = g_new0 (double, w);
      MeetSums second;
      meet_sums_init (&second, &m, 1, w, pick1, need);
      for (guint64 x1 = 0; x1 < n1 && ok; x1++)
        {
          memcpy (need, meet_sums_next (&second, x1), w * sizeof (double));
          for (guint p = 0; p < m.ni; p++)
            need[p] = 0.0 - need[p];
          guint at = values_hash (need, m.ni) & (cap - 1);
          while (slot[at] && memcmp (sums + (slot[at] - 1) * w, need, m.ni * sizeof (double)) != 0)
            at = (at + 1) & (cap - 1);
          for (guint64 y = slot[at]; y && ok; y = next[y - 1])
            {
              g_autofree double *scratch = g_new0 (double, w);
              meet_combination (&m, 0, y - 1, pick0, scratch);
              for (guint a = 0; a < m.half[0]->len; a++)
                meet_place (js, g_array_index (m.half[0], guint, a), pick0[a]);
              for (guint a = 0; a < m.half[1]->len; a++)
                meet_place (js, g_array_index (m.half[1], guint, a), pick1[a]);
              joint_leaf (js, 0);
              ok = ++leaves <= MEET_MAX_LEAVES;
            }
        }
      g_free (second.suffix);
    }
  g_free (m.pos);
  g_free (m.base);
  g_array_unref (m.half[0]);
  g_array_unref (m.half[1]);
  if (gk_decode_debugging ())
    g_printerr ("  met in the middle: %s, %u placements\n", ok ? "done" : "not", leaves);
  return ok;
}

/* Whether the vars' options combine in more than n placements. */
static gboolean
vars_placements_exceed (const GPtrArray *vars, guint64 n)
{
  guint64 product = 1;
  for (guint k = 0; k < vars->len && product <= n; k++)
    product *= MAX (((const Joint *) vars->pdata[k])->n, 1);
  return product > n;
}

/* Rounds of narrowing vars_kept_by_identities may take. */
enum { KEEP_MAX_ROUNDS = 16 };

/* Var j with only the options alive[o] (their order kept). */
static Joint *
joint_kept (const GkGrid *grid, const Joint *j, const gboolean *alive)
{
  Joint *kept = joint_new (grid, j->r0, j->r1);
  kept->best = j->best, kept->hidden = j->hidden;
  for (guint o = 0; o < j->n; o++)
    if (alive[o])
      {
        g_array_append_vals (kept->values, joint_option (j, o), j->w);
        for (guint i = 0; i < j->w; i++)
          g_ptr_array_add (kept->cells, j->cells->pdata[(gsize) o * j->w + i]);
        kept->n++;
      }
  return kept;
}

/* The vars with the options that may stand in a placement breaking none of
 * the identities checked (checks: per var, those it completes): an option
 * whose share of an identity no choice of the other vars' options can
 * balance is dropped, and the others' ranges narrowed again, until none
 * drops (bounds propagated before the search, which then walks only what
 * can hold: a wide span's thousands of readings cost nothing where the
 * column sums fix them).  NULL where a value is no whole number (sums not
 * exact in any order) or the vars are too many to keep in a mask. */
static GPtrArray *
vars_kept_by_identities (const GkGrid *grid, const GPtrArray *vars, const GPtrArray *checks)
{
  guint nv = vars->len;
  if (nv == 0 || nv > 64)
    return NULL;
  for (guint k = 0; k < nv; k++)
    {
      const Joint *j = vars->pdata[k];
      for (gsize c = 0; c < (gsize) j->n * j->w; c++)
        if (!number_is_whole (g_array_index (j->values, double, c)))
          return NULL;
    }
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < nv; k++)
    g_array_append_vals (ids, ((GArray *) checks->pdata[k])->data, ((GArray *) checks->pdata[k])->len);
  g_autofree gboolean **alive = g_new0 (gboolean *, nv);
  g_autofree double **share = g_new0 (double *, nv);   /* [o * ids->len + q] */
  g_autofree guint64 *touches = g_new0 (guint64, ids->len);   /* per identity: bit k, var k touches it */
  for (guint k = 0; k < nv; k++)
    {
      const Joint *j = vars->pdata[k];
      alive[k] = g_new (gboolean, MAX (j->n, 1));
      share[k] = g_new0 (double, (gsize) MAX (j->n, 1) * MAX (ids->len, 1));
      for (guint o = 0; o < j->n; o++)
        alive[k][o] = TRUE;
      for (guint q = 0; q < ids->len; q++)
        {
          const GridIdentity *id = grid->identities->pdata[g_array_index (ids, guint, q)];
          const GArray *sides[2] = { id->lhs, id->rhs };
          for (guint sd = 0; sd < 2; sd++)
            for (guint z = 0; z < sides[sd]->len; z++)
              {
                guint c = g_array_index (sides[sd], guint, z);
                if (c >= j->c0 && c < j->c0 + j->w)
                  touches[q] |= G_GUINT64_CONSTANT (1) << k;
              }
          if (touches[q] >> k & 1)
            for (guint o = 0; o < j->n; o++)
              share[k][(gsize) o * ids->len + q] = option_share (id, j, o);
        }
    }
  g_autofree double *lo = g_new (double, nv), *hi = g_new (double, nv);
  gboolean dropped = TRUE;
  for (guint round = 0; dropped && round < KEEP_MAX_ROUNDS; round++)
    {
      dropped = FALSE;
      for (guint q = 0; q < ids->len; q++)
        {
          const GridIdentity *id = grid->identities->pdata[g_array_index (ids, guint, q)];
          double sum_lo = 0, sum_hi = 0;
          for (guint k = 0; k < nv; k++)
            {
              lo[k] = hi[k] = 0;
              if (!(touches[q] >> k & 1))
                continue;
              const Joint *j = vars->pdata[k];
              lo[k] = G_MAXDOUBLE, hi[k] = -G_MAXDOUBLE;
              for (guint o = 0; o < j->n; o++)
                if (alive[k][o])
                  lo[k] = MIN (lo[k], share[k][(gsize) o * ids->len + q]),
                  hi[k] = MAX (hi[k], share[k][(gsize) o * ids->len + q]);
              /* a var none of whose options stands: no placement keeps
               * every identity, whatever the others drop */
              if (lo[k] > hi[k])
                lo[k] = hi[k] = 0;
              sum_lo += lo[k], sum_hi += hi[k];
            }
          for (guint k = 0; k < nv; k++)
            {
              if (!(touches[q] >> k & 1))
                continue;
              const Joint *j = vars->pdata[k];
              for (guint o = 0; o < j->n; o++)
                {
                  double sh = share[k][(gsize) o * ids->len + q];
                  if (!alive[k][o])
                    continue;
                  double min = sh + sum_lo - lo[k], max = sh + sum_hi - hi[k];
                  if (min > 0 || (id->relation == GK_RELATION_EQ && max < 0))
                    alive[k][o] = FALSE, dropped = TRUE;
                }
            }
        }
    }
  GPtrArray *kept = g_ptr_array_new_with_free_func ((GDestroyNotify) joint_free);
  for (guint k = 0; k < nv; k++)
    {
      g_ptr_array_add (kept, joint_kept (grid, vars->pdata[k], alive[k]));
      g_free (alive[k]);
      g_free (share[k]);
    }
  return kept;
}

/* Row r whose total was printed apart and not found (totals_strip_to_rows):
 * its tokens mine in every choice of its other columns, in order, the rest
 * blank (0); its total hidden, the sum of its parts for the identities
 * across rows, which judge its parts.  NULL when a token is no number of
 * its column. */
static Joint *
parts_options (const GkGrid *grid, const Token *tok, const GArray *mine, guint r)
{
  guint ncols = g_array_index (grid->row_ncols, guint, r), first = g_array_index (grid->row_first, guint, r);
  guint k = mine->len, tc = G_MAXUINT, cols[ROW_MAX_COLS], pick[ROW_MAX_COLS];
  guint nparts = 0;
  for (guint c = 0; c < ncols && ncols <= ROW_MAX_COLS; c++)
    if (cell_is_total (grid, first + c))
      tc = c;
    else
      cols[nparts++] = c;
  if (tc == G_MAXUINT || nparts + 1 != ncols || k == 0 || k > nparts)
    return NULL;
  Joint *j = joint_new (grid, r, r);
  j->hidden = (gint) tc, j->best = 0;
  for (guint a = 0; a < k; a++)
    pick[a] = a;
  do
    {
      double row[ROW_MAX_COLS] = { 0 };
      const GkCell *cells[ROW_MAX_COLS] = { NULL };
      for (guint a = 0; a < k; a++)
        {
          const Token *t = &tok[g_array_index (mine, guint, a)];
          if (!token_value (t, gk_grid_type (grid, first + cols[pick[a]]), &row[cols[pick[a]]]))
            {
              joint_free (j);
              return NULL;
            }
          cells[cols[pick[a]]] = t->cell;
          row[tc] += row[cols[pick[a]]];
        }
      /* zeros placed apart from blanks make no other reading */
      g_array_append_vals (j->values, row, ncols);
      if (joint_seen_has (j, j->n))
        {
          g_array_set_size (j->values, j->n * j->w);
          continue;
        }
      joint_seen_add (j, j->n);
      for (guint c = 0; c < ncols; c++)
        g_ptr_array_add (j->cells, (gpointer) cells[c]);
      j->n++;
    }
  while (pick_next (pick, k, nparts));
  return j;
}

/* Rows a span may reach over to the broken rows after it. */
enum { SPAN_MAX_OVER = 2 };

static Joint *joint_kept (const GkGrid *grid, const Joint *j, const gboolean *alive);
static GArray *span_tokens (const Token *tok, const GPtrArray *raw, const LabelTrust *trust, guint r, guint r1,
                            guint **bound);

/* Whether option o of j puts every number whose row a label named (raw,
 * trust) in that row. */
static gboolean
option_keeps_labels (const GkGrid *grid, const Token *tok, const GPtrArray *raw, const LabelTrust *trust,
                     const Joint *j, guint o)
{
  for (guint i = 0; i < j->w; i++)
    {
      const GkCell *cell = j->cells->pdata[(gsize) o * j->w + i];
      guint row = g_array_index (grid->cells, GridCell, j->c0 + i).row;
      for (guint q = j->r0; cell && q <= j->r1; q++)
        {
          const GArray *mine = raw->pdata[q];
          for (guint y = 0; mine && trust[q] == LABEL_NAMED && y < mine->len; y++)
            if (tok[g_array_index (mine, guint, y)].cell == cell && q != row)
              return FALSE;
        }
    }
  return TRUE;
}

/* The span of rows [r, r1)'s readings: its rows' tokens in printed order,
 * each bounded by its label's row (a block part-filled: by the span's
 * end), split among its rows every way that keeps them in order (and
 * prints every row's totals, where totals); NULL where no split reads with
 * its rows' identities holding but misprints of them (a total printed
 * after the next rows: not read so). */
static Joint *
span_joint (const GkGrid *grid, const Token *tok, const GPtrArray *raw, const LabelTrust *trust, guint r, guint r1,
            const guint *starts, TotalsPrinted totals, guint misprints)
{
  g_autofree guint *bound = NULL;
  g_autoptr (GArray) list = span_tokens (tok, raw, trust, r, r1, &bound);
  Joint *j = span_options (grid, tok, (const guint *) list->data, bound, list->len, r, r1 - 1, starts, totals);
  if (j && j->best > misprints)
    {
      joint_free (j);
      j = NULL;
    }
  /* a reading that takes a published error does not also move numbers
   * from the row whose label they follow: a number of the next row's
   * explains a broken identity as well as a misprint does */
  if (j && j->best > 0)
    {
      g_autofree gboolean *alive = g_new0 (gboolean, MAX (j->n, 1));
      guint kept = 0;
      for (guint o = 0; o < j->n; o++)
        kept += alive[o] = option_keeps_labels (grid, tok, raw, trust, j, o);
      Joint *k = kept ? joint_kept (grid, j, alive) : NULL;
      joint_free (j);
      j = k;
    }
  return j;
}

/* The tokens of rows [r, r1) of raw, in printed order; bound (set to
 * list->len entries): per token, the row its label named (numbers never
 * belong to a row whose label comes after them), r1 - 1 when none.  But
 * the numbers at a page's foot after its last label may be the cells of a
 * row whose label the next page opens with (a tall row cut by the break,
 * its label printed below it): they reach as far as the numbers printed
 * after that label. */
static GArray *
span_tokens (const Token *tok, const GPtrArray *raw, const LabelTrust *trust, guint r, guint r1, guint **bound)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint q = r; q < r1; q++)
    g_array_append_vals (list, ((GArray *) raw->pdata[q])->data, ((GArray *) raw->pdata[q])->len);
  g_array_sort (list, uint_cmp);
  *bound = g_new (guint, MAX (list->len, 1));
  for (guint z = 0; z < list->len; z++)
    {
      guint t = g_array_index (list, guint, z);
      (*bound)[z] = r1 - 1;
      for (guint q = r; q < r1; q++)
        for (guint y = 0; trust[q] == LABEL_NAMED && y < ((GArray *) raw->pdata[q])->len; y++)
          if (g_array_index ((GArray *) raw->pdata[q], guint, y) == t)
            (*bound)[z] = q;
    }
  for (guint z = list->len; z-- > 1;)
    {
      const Token *a = &tok[g_array_index (list, guint, z - 1)], *b = &tok[g_array_index (list, guint, z)];
      int page = a->cell->src.page;
      gboolean run = !b->above && b->cell->src.page == page;
      gboolean next_page_label = b->above && page > 0 && b->above_page > page;
      if (run || next_page_label)
        (*bound)[z - 1] = MAX ((*bound)[z - 1], (*bound)[z]);
    }
  return list;
}

/* The span of rows [r, r1) read as a corner: each row's first column
 * printed first, row after row (beside its label, the rest of the row
 * pushed below it by the label's height), then the rest of each row, row
 * after row.  Its options on the grid so printed, put back in the table's
 * cells: those keeping every identity of the span's rows; NULL when none
 * does or they are too many. */
static Joint *
span_corner_joint (const GkGrid *grid, const Token *tok, const GPtrArray *raw, const LabelTrust *trust, guint r,
                   guint r1, const guint *starts)
{
  guint k = r1 - r;
  if (k < 2 || k > CORNER_MAX_ROWS)
    return NULL;
  g_autofree guint *bound = NULL;
  g_autoptr (GArray) list = span_tokens (tok, raw, trust, r, r1, &bound);
  g_autofree guint *cuts = g_new (guint, k);
  for (guint q = 0; q < k; q++)
    cuts[q] = 1;
  /* on the grid so printed, row q's corner is row q, its rest row q + k: a
   * number its label bounds to rows up to q goes no further than q's rest;
   * one printed first on the line of q's label begins q's corner */
  guint ntok = list->len ? g_array_index (list, guint, list->len - 1) + 1 : 1;
  g_autofree guint *corner_starts = g_new (guint, ntok);
  for (guint t = 0; t < ntok; t++)
    corner_starts[t] = starts && starts[t] >= r && starts[t] < r1 ? starts[t] : G_MAXUINT;
  for (guint z = 0; z < list->len; z++)
    bound[z] += k;
  g_autofree guint *orig = g_new (guint, grid->cells->len);
  g_autoptr (GkGrid) corner = gk_grid_with_corner (grid, r, r1, cuts, NULL, FALSE, FALSE, orig);
  if (corner->n_rows != grid->n_rows + k)
    return NULL;
  Joint *cj = span_options (corner, tok, (const guint *) list->data, bound, list->len, r, r + 2 * k - 1, corner_starts,
                            FALSE);
  if (!cj)
    return NULL;
  Joint *j = joint_new (grid, r, r1 - 1);
  j->best = 0;
  g_autofree double *values = g_new (double, j->w);
  g_autofree const GkCell **cells = g_new (const GkCell *, j->w);
  for (guint o = 0; o < cj->n; o++)
    {
      for (guint i = 0; i < cj->w; i++)
        {
          guint at = orig[cj->c0 + i] - j->c0;
          values[at] = g_array_index (cj->values, double, (gsize) o * cj->w + i);
          cells[at] = cj->cells->pdata[(gsize) o * cj->w + i];
        }
      guint broken = 0;
      for (guint q = r; q < r1; q++)
        broken += row_broken (grid, q, values + g_array_index (grid->row_first, guint, q) - j->c0);
      g_array_append_vals (j->values, values, j->w);
      if (broken || joint_seen_has (j, j->n))
        {
          g_array_set_size (j->values, j->n * j->w);
          continue;
        }
      joint_seen_add (j, j->n);
      for (guint i = 0; i < j->w; i++)
        g_ptr_array_add (j->cells, (gpointer) cells[i]);
      j->n++;
    }
  joint_free (cj);
  if (gk_decode_debugging ())
    g_printerr ("  corner rows %u..%u: %u options keep their identities\n", r, r1 - 1, j->n);
  if (j->n == 0)
    {
      joint_free (j);
      return NULL;
    }
  return j;
}

static gboolean row_reads_printed (const GkGrid *grid, const Token *tok, const guint *list, guint q, guint t, guint k,
                                   const GkRegex *const *alone);

/* Numbers a span read as bands may hold at most, and the splits of them
 * among its rows it may try; rows a band holds open at most (three rows
 * printed at once beside their labels: 3.其他, （七）总计 and 四、结转
 * side by side, their numbers merged line by line). */
enum { BAND_SPAN_MAX_TOKENS = 16, BAND_SPAN_MAX_SPLITS = 4096, BAND_OPEN_ROWS = 3, BAND_OPEN3_MAX_SPLITS = 16384 };

typedef struct {
  const GkGrid *grid;
  const Token *tok;
  const guint *list, *bound;
  guint n, r, r1;
  guint open;            /* rows open at once (BAND_OPEN_ROWS at most) */
  TotalsPrinted totals;  /* what the table prints of its sums (at least TOTALS_PRINTED) */
  GArray **mine;         /* per row of the span: the tokens split to it */
  Joint *j;              /* the options so far */
  guint splits;
  gboolean failed;
  /* the rows' readings interned (row_values_id), and the combinations of
   * them j holds, by their rows' ids (band_combination_seen): splits that
   * differ in blanks give the same readings again and again (028: 370,000
   * combinations, 12,000 new), told apart so without hashing their values */
  GHashTable *row_ids;
  GPtrArray *rows;
  IdMap combinations;
  GHashTable *split_rows; /* BandRowKey* → BandRow*: what a row's split
                             tokens give, worked out once */
} BandFill;

/* A row of a band's span (q, from the span's first) and the tokens split
 * to it: the splits give each row the same tokens many times over. */
typedef struct {
  guint q, k;
  guint list[ROW_MAX_COLS];
} BandRowKey;

typedef struct {
  BandRowKey key;
  gint reads;            /* row_reads_printed of them: TRUE, FALSE; -1 not yet */
  gboolean read;         /* options and ids worked out */
  Joint *options;        /* their readings printing the row's totals, none
                            breaking its identities (NULL: none such) */
  guint *ids;            /* per option: its values' id (row_values_id) */
} BandRow;

static guint
band_row_key_hash (gconstpointer p)
{
  const BandRowKey *key = p;
  guint h = key->q * 31u + key->k;
  for (guint a = 0; a < key->k; a++)
    h = h * 16777619u ^ key->list[a];
  return h;
}

static gboolean
band_row_key_equal (gconstpointer a, gconstpointer b)
{
  const BandRowKey *x = a, *y = b;
  return x->q == y->q && x->k == y->k && memcmp (x->list, y->list, x->k * sizeof (guint)) == 0;
}

static void
band_row_free (BandRow *row)
{
  if (row->options)
    joint_free (row->options);
  g_free (row->ids);
  g_free (row);
}

/* What row q's split tokens (f->mine[q]) give, kept; NULL where they are
 * more than any row's columns (they read no way). */
static BandRow *
band_row (BandFill *f, guint q)
{
  const GArray *m = f->mine[q];
  if (m->len > ROW_MAX_COLS)
    return NULL;
  BandRowKey key = { q, m->len, { 0 } };
  memcpy (key.list, m->data, m->len * sizeof (guint));
  BandRow *row = g_hash_table_lookup (f->split_rows, &key);
  if (!row)
    {
      row = g_new0 (BandRow, 1);
      row->key = key;
      row->reads = -1;
      g_hash_table_insert (f->split_rows, &row->key, row);
    }
  return row;
}

/* row_reads_printed of row q's split tokens, worked out once. */
static gboolean
band_row_reads_printed (BandFill *f, guint q)
{
  BandRow *row = band_row (f, q);
  if (!row)
    return FALSE;
  if (row->reads < 0)
    row->reads = row_reads_printed (f->grid, f->tok, row->key.list, f->r + q, 0, row->key.k, NULL);
  return row->reads;
}

/* The readings of row q's split tokens printing its totals, none breaking
 * its identities, and their ids, worked out once; NULL when none reads so. */
static const BandRow *
band_row_options (BandFill *f, guint q)
{
  BandRow *row = band_row (f, q);
  if (!row)
    return NULL;
  if (!row->read)
    {
      row->read = TRUE;
      g_autofree guint *bound = g_new (guint, MAX (row->key.k, 1));
      for (guint z = 0; z < row->key.k; z++)
        bound[z] = f->r + q;
      row->options = span_options (f->grid, f->tok, row->key.list, bound, row->key.k, f->r + q, f->r + q, NULL, f->totals);
      if (row->options && row->options->best != 0)
        g_clear_pointer (&row->options, joint_free);
      if (row->options)
        {
          row->ids = g_new (guint, MAX (row->options->n, 1));
          for (guint o = 0; o < row->options->n; o++)
            row->ids[o] = row_values_id (f->row_ids, f->rows, joint_option (row->options, o), row->options->w);
        }
    }
  return row->options ? row : NULL;
}

/* Bits of a row's reading's id in a combination's key. */
enum { BAND_ROW_ID_BITS = 64 / CORNER_MAX_ROWS };

/* Whether the combination of the rows' readings (rows[q]'s pick[q], q < k)
 * came before; it is marked as come from now on.  FALSE where an id is too
 * large to pack into one key (the combination is then judged by its values
 * alone, joint_seen_has). */
static gboolean
band_combination_seen (BandFill *f, const BandRow *const *rows, const guint *pick, guint k)
{
  guint64 key = 0;
  for (guint q = 0; q < k; q++)
    {
      guint id = rows[q]->ids[pick[q]];
      if (id >= 1u << BAND_ROW_ID_BITS)
        return FALSE;
      key |= (guint64) id << (q * BAND_ROW_ID_BITS);
    }
  guint before = f->combinations.len;
  id_map_get (&f->combinations, key);
  return f->combinations.len == before;
}

/* The readings of the span's rows with their tokens as split: each row's
 * own (printing its totals, breaking none of its identities), every
 * combination kept. */
static void
band_fill_leaf (BandFill *f)
{
  guint k = f->r1 - f->r;
  const BandRow *rows[CORNER_MAX_ROWS];
  for (guint q = 0; q < k; q++)
    if (!(rows[q] = band_row_options (f, q)))
      return;
  Joint *j = f->j;
  guint pick[CORNER_MAX_ROWS] = { 0 };
  g_autofree double *values = g_new (double, j->w);
  g_autofree const GkCell **cells = g_new (const GkCell *, j->w);
  for (;;)
    {
      /* a combination that came before (its values are its rows' values
       * one after another) is one j holds already */
      if (!band_combination_seen (f, rows, pick, k))
        {
          for (guint q = 0; q < k; q++)
            {
              const Joint *jq = rows[q]->options;
              memcpy (values + jq->c0 - j->c0, joint_option (jq, pick[q]), jq->w * sizeof (double));
              memcpy (cells + jq->c0 - j->c0, jq->cells->pdata + (gsize) pick[q] * jq->w, jq->w * sizeof (gpointer));
            }
          g_array_append_vals (j->values, values, j->w);
          if (joint_seen_has (j, j->n))
            g_array_set_size (j->values, j->n * j->w);
          else if (j->n >= JOINT_MAX_OPTIONS)
            {
              g_array_set_size (j->values, j->n * j->w);
              f->failed = TRUE;
              break;
            }
          else
            {
              joint_seen_add (j, j->n);
              for (guint i = 0; i < j->w; i++)
                g_ptr_array_add (j->cells, (gpointer) cells[i]);
              j->n++;
            }
        }
      guint q = 0;
      while (q < k && ++pick[q] == rows[q]->options->n)
        pick[q++] = 0;
      if (q == k)
        break;
    }
}

/* Whether row q of the span (a row with a total, its numbers in order
 * and its total last) can no longer read: its numbers so far, not closed
 * by a total (the last the sum of those before), add up to more than any
 * number left to split (a count's total is no less than its parts). */
static gboolean
band_row_hopeless (const BandFill *f, guint q, guint z)
{
  const GArray *m = f->mine[q];
  if (m->len == 0 || !row_has_total (f->grid, f->r + q))
    return FALSE;
  double sum = 0, last = 0;
  for (guint y = 0; y < m->len; y++)
    {
      const Token *t = &f->tok[g_array_index (m, guint, y)];
      if (!t->is_count)
        return FALSE;
      sum += t->count, last = t->count;
    }
  if (last == sum - last)
    return FALSE;
  /* its total to come: a number no less than the sum so far, and no more
   * than that with every number before it added */
  double between = 0;
  for (guint y = z; y < f->n; y++)
    {
      const Token *t = &f->tok[f->list[y]];
      if (!t->is_count || (t->count >= sum && t->count <= sum + between))
        return FALSE;
      between += t->count;
    }
  return TRUE;
}

/* Tokens list[z..] split among the span's rows from lo on: each to row lo
 * or the next f->open - 1 (rows open at once), no later than its bound;
 * row lo closed once its tokens read printing its totals. */
static void
band_fill (BandFill *f, guint z, guint lo)
{
  guint k = f->r1 - f->r;
  if (f->failed || ++f->splits > (f->open > 2 ? BAND_OPEN3_MAX_SPLITS : BAND_SPAN_MAX_SPLITS))
    {
      f->failed = TRUE;
      return;
    }
  for (guint q = lo; f->open > 2 && q < lo + f->open && q < k; q++)
    if (band_row_hopeless (f, q, z))
      return;
  const GArray *cur = f->mine[lo];
  if (cur->len && lo + 1 < k && band_row_reads_printed (f, lo))
    band_fill (f, z, lo + 1);
  if (z == f->n)
    {
      /* every row left prints its totals: none is empty */
      gboolean all = lo + f->open >= k;
      for (guint q = lo; q < k && all; q++)
        all = f->mine[q]->len > 0;
      if (all)
        band_fill_leaf (f);
      return;
    }
  for (guint q = lo; q < lo + f->open && q < k; q++)
    {
      guint ncols = g_array_index (f->grid->row_ncols, guint, f->r + q);
      /* a row's first number comes after the first of the row above: the
       * rows open at once interleave, they are not printed out of order */
      if (f->r + q > f->bound[z] || f->mine[q]->len >= ncols || (q > lo && f->mine[q - 1]->len == 0))
        continue;
      g_array_append_val (f->mine[q], f->list[z]);
      band_fill (f, z + 1, lo);
      g_array_set_size (f->mine[q], f->mine[q]->len - 1);
    }
}

/* The span of rows [r, r1) read as bands, in a table printing every
 * total: two rows printed at once where a tall label sets the next row's
 * cells among a row's (a total after the next row's numbers), each row's
 * numbers in order and ending with its totals.  Its readings that keep
 * every identity of its rows; NULL when none does or they are too many. */
static Joint *
span_band_joint (const GkGrid *grid, const Token *tok, const GPtrArray *raw, const LabelTrust *trust, guint r,
                 guint r1, TotalsPrinted totals)
{
  guint k = r1 - r;
  if (k < 2 || k > CORNER_MAX_ROWS)
    return NULL;
  g_autofree guint *bound = NULL;
  g_autoptr (GArray) list = span_tokens (tok, raw, trust, r, r1, &bound);
  if (list->len == 0 || list->len > BAND_SPAN_MAX_TOKENS)
    return NULL;
  GArray *mine[CORNER_MAX_ROWS];
  for (guint q = 0; q < k; q++)
    mine[q] = g_array_new (FALSE, FALSE, sizeof (guint));
  BandFill f = { grid, tok, (const guint *) list->data, bound, list->len, r, r1, 2, totals, mine, joint_new (grid, r, r1 - 1),
                 0, FALSE, g_hash_table_new (row_values_hash, row_values_equal),
                 g_ptr_array_new_with_free_func (g_free), { NULL, NULL, 0, 0 },
                 g_hash_table_new_full (band_row_key_hash, band_row_key_equal, NULL, (GDestroyNotify) band_row_free) };
  f.j->best = 0;
  band_fill (&f, 0, 0);
  /* none with two rows open: three, pruned by the rows' sums */
  while ((f.failed || f.j->n == 0) && f.open < MIN (k, BAND_OPEN_ROWS))
    {
      if (gk_decode_debugging ())
        g_printerr ("  band rows %u..%u, %u open: %u splits, %u options (%s)\n", r, r1 - 1, f.open, f.splits,
                    f.j->n, f.failed ? "too many" : "all");
      f.open++;
      joint_free (f.j);
      f.j = joint_new (grid, r, r1 - 1);
      f.j->best = 0;
      f.splits = 0, f.failed = FALSE;
      id_map_clear (&f.combinations);
      band_fill (&f, 0, 0);
    }
  for (guint q = 0; q < k; q++)
    g_array_unref (mine[q]);
  g_hash_table_unref (f.split_rows);
  g_hash_table_unref (f.row_ids);
  g_ptr_array_unref (f.rows);
  id_map_clear (&f.combinations);
  if (gk_decode_debugging ())
    g_printerr ("  band rows %u..%u, %u open: %u splits, %u options (%s)\n", r, r1 - 1, f.open, f.splits, f.j->n,
                f.failed ? "too many" : "all");
  if (f.failed || f.j->n == 0)
    {
      joint_free (f.j);
      return NULL;
    }
  return f.j;
}

/* Rows with a total whose labels named them and a lone 0 beside: a table
 * that prints its totals, 0 included, where every other cell of a row is
 * blank.  Two such rows at least show it. */
static gboolean
table_prints_zero_totals (const GkGrid *grid, const Token *tok, const GPtrArray *raw, const LabelTrust *trust)
{
  guint shown = 0;
  for (guint r = 0; r < grid->n_rows; r++)
    {
      const GArray *mine = raw->pdata[r];
      shown += mine && trust[r] == LABEL_NAMED && mine->len == 1 && row_has_total (grid, r)
               && g_array_index (grid->row_ncols, guint, r) > 1 && tok[g_array_index (mine, guint, 0)].is_count
               && tok[g_array_index (mine, guint, 0)].count == 0;
    }
  return shown >= 2;
}

/* What a blank-zero table prints of its sums: TOTALS_PRINTED where it
 * prints its rows' totals (table_prints_zero_totals), TOTALS_ZEROS_ONLY
 * where besides no row its labels named prints more zeros on one line
 * than it has sums (a row of zeros printed 0 0: a zero where no sum
 * stands, a table printing some zeros and leaving others blank). */
static TotalsPrinted
table_totals_printed (const GkGrid *grid, const Token *tok, const GPtrArray *raw, const LabelTrust *trust)
{
  if (!table_prints_zero_totals (grid, tok, raw, trust))
    return TOTALS_ANY;
  for (guint r = 0; r < grid->n_rows; r++)
    {
      const GArray *mine = raw->pdata[r];
      if (!mine || trust[r] != LABEL_NAMED || mine->len < 2)
        continue;
      /* zeros side by side on one line: cells of one row, surely */
      guint zeros = 0, sums = 0, on_line = 0;
      for (guint q = 0; q < mine->len; q++)
        {
          const Token *t = &tok[g_array_index (mine, guint, q)];
          zeros += t->is_count && t->count == 0;
          on_line += q > 0 && t->line == tok[g_array_index (mine, guint, 0)].line;
        }
      guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
      for (guint c = 0; c < ncols; c++)
        sums += cell_sums_others (grid, first + c);
      if (zeros == mine->len && on_line + 1 == mine->len && zeros > sums)
        return TOTALS_PRINTED;
    }
  return TOTALS_ZEROS_ONLY;
}

/* The rows of raw (the labels' tokens of each row, NULL where not to be
 * trusted; trust: what their labels vouch) searched together; the cells
 * of the rows it places are voted in v, over what the rows alone gave.
 * full_kept[r]: row r, printed
 * whole, stands as printed (the rows alone kept it). */
/* Whether more numbers come from token t on (the first of row r's) than rows
 * r and after have cells: the rows named before r with nothing beside them
 * were a block of labels printed before the numbers of them all, not blank. */
static gboolean
numbers_overflow_rows_from (const GkGrid *grid, guint ntok, guint r, guint t)
{
  guint cells = 0;
  for (guint q = r; q < grid->n_rows; q++)
    cells += g_array_index (grid->row_ncols, guint, q);
  return ntok - t > cells;
}

static void
votes_joined_as (const GkGrid *grid, const Token *tok, guint ntok, const GPtrArray *raw, const LabelTrust *trust,
                 const gboolean *full_kept, const gboolean *apart, const guint *starts, TotalsPrinted totals_shown,
                 Votes *v, guint *broken)
{
  guint R = grid->n_rows;
  g_autoptr (GPtrArray) vars = g_ptr_array_new_with_free_func ((GDestroyNotify) joint_free);
  g_autofree Joint **alone = g_new0 (Joint *, R);
  /* each row alone: fit (its own identities hold some way), broken, empty */
  enum { ROW_UNKNOWN, ROW_EMPTY, ROW_FIT, ROW_BROKEN };
  g_autofree guint *kind = g_new0 (guint, R);
  g_autoptr (GPtrArray) bands = g_ptr_array_new ();   /* Joint* of vars read as bands */
  for (guint r = 0; r < R; r++)
    {
      const GArray *mine = raw->pdata[r];
      guint ncols = g_array_index (grid->row_ncols, guint, r);
      /* a row no label named holds nothing known: not a blank row */
      if (!mine || trust[r] == LABEL_NONE)
        continue;
      if (mine->len == 0)
        {
          kind[r] = ROW_EMPTY;
          continue;
        }
      /* a row of a label block part-filled never stands alone: its
       * numbers may be its neighbours' */
      if (trust[r] == LABEL_UNTRUSTED)
        {
          kind[r] = ROW_BROKEN;
          continue;
        }
      if (apart[r])
        {
          alone[r] = parts_options (grid, tok, mine, r);
          kind[r] = alone[r] ? ROW_FIT : ROW_UNKNOWN;
          continue;
        }
      if (mine->len == ncols && !full_kept[r])
        continue;
      g_autofree guint *bound = g_new (guint, mine->len);
      for (guint q = 0; q < mine->len; q++)
        bound[q] = r;
      alone[r] = mine->len <= ncols ? span_options (grid, tok, (const guint *) mine->data, bound, mine->len, r, r, starts, FALSE) : NULL;
      kind[r] = alone[r] && alone[r]->best == 0 ? ROW_FIT : alone[r] || mine->len > ncols ? ROW_BROKEN : ROW_UNKNOWN;
    }
  for (guint r = 0; r < R;)
    {
      if (kind[r] == ROW_FIT)
        {
          g_ptr_array_add (vars, alone[r]);
          alone[r] = NULL;
          r++;
          continue;
        }
      if (kind[r] != ROW_EMPTY && kind[r] != ROW_BROKEN)
        {
          r++;
          continue;
        }
      /* a span: rows empty or broken, one broken at least, between rows
       * read alone (a row not read may hold the span's numbers, or its
       * numbers be the span's) */
      guint r1 = r, broken = 0;
      while (r1 < R && (kind[r1] == ROW_EMPTY || kind[r1] == ROW_BROKEN)
             && g_array_index (grid->row_block, guint, r1) == g_array_index (grid->row_block, guint, r))
        broken += kind[r1++] == ROW_BROKEN;
      gboolean bounded = (r == 0 || kind[r - 1] != ROW_UNKNOWN) && (r1 == R || kind[r1] != ROW_UNKNOWN);
      if (broken && bounded)
        {
          Joint *j = span_joint (grid, tok, raw, trust, r, r1, starts, totals_shown, 0);
          /* no split holds: a row read alone after the span may have
           * printed its numbers before the span's last total, the next
           * broken rows' (a total printed after the next row's numbers):
           * the span reaches over it to the next broken rows */
          guint r2 = r1;
          while (!j && r2 < R && r2 < r1 + SPAN_MAX_OVER && (kind[r2] == ROW_FIT || kind[r2] == ROW_EMPTY)
                 && g_array_index (grid->row_block, guint, r2) == g_array_index (grid->row_block, guint, r))
            r2++;
          guint r3 = r2;
          while (!j && r3 < R && kind[r3] == ROW_BROKEN
                 && g_array_index (grid->row_block, guint, r3) == g_array_index (grid->row_block, guint, r))
            r3++;
          if (!j && r3 > r2 && (r3 == R || kind[r3] != ROW_UNKNOWN)
              && (j = span_joint (grid, tok, raw, trust, r, r3, starts, totals_shown, 0)))
            {
              for (guint q = r1; q < r3; q++)
                if (alone[q])
                  joint_free (alone[q]), alone[q] = NULL;
              r1 = r3;
            }
          /* still none: the rows' first cells printed before the rest */
          if (!j)
            j = span_corner_joint (grid, tok, raw, trust, r, r1, starts);
          /* or, in a table printing every total, as bands over the rows
           * the span reaches */
          if (!j && totals_shown)
            {
              guint r4 = r3 > r2 ? r3 : r1;
              j = span_band_joint (grid, tok, raw, trust, r, r4, totals_shown);
              if (j)
                {
                  g_ptr_array_add (bands, j);
                  for (guint q = r1; q < r4; q++)
                    if (alone[q])
                      joint_free (alone[q]), alone[q] = NULL;
                  r1 = r4;
                }
            }
          /* still none, in a table printing every total: a split printing
           * them, its one broken identity a published error (judged with
           * the rest on the identities across rows) */
          if (!j && totals_shown)
            j = span_joint (grid, tok, raw, trust, r, r1, starts, totals_shown, 1);
          if (j)
            g_ptr_array_add (vars, j);
        }
      /* rows named that printed nothing before the next label, whose row
       * printed its numbers beside it: every cell blank, zeros (judged on
       * the identities across the rows like the rest) */
      const GArray *next = r1 < R ? raw->pdata[r1] : NULL;
      if (!broken && next && next->len && trust[r1] == LABEL_NAMED
          && g_array_index (grid->row_block, guint, r1) == g_array_index (grid->row_block, guint, r)
          && !numbers_overflow_rows_from (grid, ntok, r1, g_array_index (next, guint, 0)))
        for (guint q = r; q < r1; q++)
          {
            /* a row with a total: its totals print where any cell does;
             * or the next row printed every column beside its label: the
             * block's rows were not cut into strips of columns */
            if (trust[q] != LABEL_NAMED
                || (!row_has_total (grid, q) && next->len != g_array_index (grid->row_ncols, guint, r1)))
              continue;
            Joint *j = joint_new (grid, q, q);
            j->n = 1, j->best = 0;
            for (guint c = 0; c < j->w; c++)
              {
                g_array_append_val (j->values, (double){ 0 });
                g_ptr_array_add (j->cells, NULL);
              }
            g_ptr_array_add (vars, j);
          }
      r = r1;
    }
  for (guint r = 0; r < R; r++)
    if (alone[r])
      joint_free (alone[r]);
  /* bands, the loosest readings, may make the placements too many to
   * search: then the rows are searched without them */
  if (!votes_from_vars (grid, tok, vars, NULL, v, broken) && bands->len)
    {
      for (guint k = 0; k < bands->len; k++)
        g_ptr_array_remove (vars, bands->pdata[k]);
      votes_from_vars (grid, tok, vars, NULL, v, broken);
    }
}

static void votes_copy (Votes *to, const Votes *v, guint n);

/* votes_joined_as, the table read for what it prints of its sums.  A table
 * that shows it prints a 0 only for a sum is read so first; where no
 * placement so keeps every identity (a table printing some other zeros
 * too, the evidence of it hidden in a block), as any table printing its
 * totals: what a wrong guess of the print would read is never kept. */
static void
votes_joined (const GkGrid *grid, const Token *tok, guint ntok, const GPtrArray *raw, const LabelTrust *trust,
              const gboolean *full_kept, const gboolean *apart, const guint *starts, Votes *v)
{
  TotalsPrinted totals = table_totals_printed (grid, tok, raw, trust);
  if (totals == TOTALS_ZEROS_ONLY)
    {
      guint n = grid->cells->len, broken = G_MAXUINT;
      Votes first;
      votes_init (&first, n);
      votes_copy (&first, v, n);
      votes_joined_as (grid, tok, ntok, raw, trust, full_kept, apart, starts, TOTALS_ZEROS_ONLY, &first, &broken);
      if (broken == 0)
        votes_copy (v, &first, n);
      votes_clear (&first);
      if (broken == 0)
        return;
      totals = TOTALS_PRINTED;
    }
  votes_joined_as (grid, tok, ntok, raw, trust, full_kept, apart, starts, totals, v, NULL);
}

/* The vars (Joint*, in row order, rows apart) searched together on the
 * identities they cover; their cells voted in v, but those of the vars
 * fixed (fixed[k]: rows read already, one option each; NULL: none).
 * FALSE when the placements were too many to search.  broken (or NULL):
 * the identities the placements chosen break, G_MAXUINT where none was. */
static gboolean
votes_from_vars (const GkGrid *grid, const Token *tok, GPtrArray *vars, const gboolean *fixed, Votes *v,
                 guint *broken)
{
  if (broken)
    *broken = G_MAXUINT;
  guint R = grid->n_rows, n = grid->cells->len;
  if (vars->len == 0)
    return TRUE;
  /* the identities whose rows the vars all cover, checked at the last */
  g_autofree gint *var_of = g_new (gint, R);
  for (guint r = 0; r < R; r++)
    var_of[r] = -1;
  for (guint k = 0; k < vars->len; k++)
    for (guint r = ((Joint *) vars->pdata[k])->r0; r <= ((Joint *) vars->pdata[k])->r1; r++)
      var_of[r] = (gint) k;
  g_autoptr (GPtrArray) checks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint k = 0; k < vars->len; k++)
    g_ptr_array_add (checks, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint i = 0; i < grid->identities->len; i++)
    {
      const GridIdentity *id = grid->identities->pdata[i];
      gint last = -1;
      gboolean covered = TRUE;
      const GArray *sides[2] = { id->lhs, id->rhs };
      for (guint sd = 0; sd < 2 && covered; sd++)
        for (guint q = 0; q < sides[sd]->len && covered; q++)
          {
            gint k = var_of[gk_grid_row (grid, g_array_index (sides[sd], guint, q))];
            covered = k >= 0;
            last = MAX (last, k);
          }
      if (covered)
        g_array_append_val (checks->pdata[last], i);
    }
  g_autofree double *values = g_new0 (double, n);
  g_autofree const GkCell **cells = g_new0 (const GkCell *, n);
  g_autofree gboolean *known = g_new0 (gboolean, n);
  g_autofree double *agreed = g_new0 (double, n);
  g_autofree const GkCell **agreed_cell = g_new0 (const GkCell *, n);
  g_autofree gboolean *differs = g_new0 (gboolean, n);
  g_autofree gboolean *blank = g_new0 (gboolean, n);
  for (guint k = 0; k < vars->len; k++)
    {
      const Joint *j = vars->pdata[k];
      for (guint c = 0; c < j->w; c++)
        known[j->c0 + c] = TRUE;
    }
  /* the placements breaking no identity first, pruned from the start (a
   * search that takes the first placement it meets as its bound may walk
   * every placement breaking as many as that one before it finds them),
   * then, where none does, those breaking fewest */
  g_autoptr (GPtrArray) kept = vars_kept_by_identities (grid, vars, checks);
  gboolean some_kept = TRUE;
  for (guint k = 0; kept && k < kept->len && some_kept; k++)
    some_kept = ((Joint *) kept->pdata[k])->n > 0;
  JointSearch js = { grid, kept ? kept : vars, checks, values, cells, known, 0, 0, FALSE, FALSE, TRUE,
                     agreed, agreed_cell, differs, blank, NULL, NULL, NULL, NULL, NULL, NULL };
  joint_bounds_init (&js);
  /* more placements than the walk may try: met in the middle instead,
   * where that applies */
  gboolean met = kept && some_kept && vars_placements_exceed (kept, JOINT_MAX_NODES) && joint_meet (&js);
  if (some_kept && !met)
    joint_walk (&js, 0, 0);
  if (js.failed && kept && some_kept && !met)
    {
      js.failed = FALSE, js.any = FALSE, js.best = 0;
      if (!joint_meet (&js))
        js.failed = TRUE;
    }
  if (!js.failed && !js.any)
    {
      if (kept)
        {
          joint_bounds_free (&js);
          js.vars = vars;
          joint_bounds_init (&js);
        }
      js.best = G_MAXUINT, js.nodes = 0, js.level = FALSE;
      joint_walk (&js, 0, 0);
    }
  joint_bounds_free (&js);
  if (gk_decode_debugging ())
    {
      g_printerr ("  joined %u vars: %s, %u nodes, %u broken; rows", vars->len, js.failed ? "too many" : "done", js.nodes, js.best);
      for (guint k = 0; k < vars->len; k++)
        g_printerr (" %u-%u(%u)", ((Joint *) vars->pdata[k])->r0, ((Joint *) vars->pdata[k])->r1, ((Joint *) vars->pdata[k])->n);
      for (guint k = 0; kept && k < kept->len; k++)
        g_printerr ("%s%u", k ? "," : "; kept ", ((Joint *) kept->pdata[k])->n);
      g_printerr ("\n");
    }
  if (js.failed || !js.any)
    return !js.failed;
  if (broken)
    *broken = js.best;
  for (guint k = 0; fixed && k < vars->len; k++)
    if (fixed[k])
      for (guint c = 0; c < ((Joint *) vars->pdata[k])->w; c++)
        known[((Joint *) vars->pdata[k])->c0 + c] = FALSE;
  for (guint k = 0; k < vars->len; k++)
    if (((Joint *) vars->pdata[k])->hidden >= 0)
      known[((Joint *) vars->pdata[k])->c0 + (guint) ((Joint *) vars->pdata[k])->hidden] = FALSE;
  const GkCell *somewhere = tok[0].cell;
  for (guint c = 0; c < n; c++)
    if (agreed_cell[c])
      {
        somewhere = agreed_cell[c];
        break;
      }
  for (guint c = 0; c < n; c++)
    {
      if (!known[c])
        continue;
      v->seen[c] = TRUE;
      v->value[c] = agreed[c];
      v->differs[c] = differs[c];
      v->blank[c] = blank[c];
      v->cell[c] = agreed_cell[c] && !blank[c] ? agreed_cell[c] : somewhere;
    }
  return TRUE;
}

/* ------------------------------------------ rows read by their printed totals */

/* A blank-zero table whose labels came as a block, the numbers after them
 * (or which the labels could not part between rows), prints each row's
 * numbers in order, its blank cells leaving no trace, but its totals always
 * (a total is what the row is about): so a row's numbers end where its
 * parts add up to a total.  The rows the labels left unread, in runs of one
 * block, are read so from the numbers no read row took, in printed order:
 * each row by tokens whose reading prints every total and keeps the row's
 * own identities.  Where no such reading takes the whole run, the longest
 * run of first rows whose readings all end at the same token is read (the
 * order the decoder does not know scrambles only the rows after).  The rows
 * between two boundaries every reading puts at the same token are searched
 * apart (so a long run stays within bounds), then together with the rows
 * read already on the identities across them.  Numbers printed before any
 * row's label stand under the headers alone (the first row's later
 * columns, printed above its label): no row reads them so; nor a number
 * printed under one column's header alone in another column. */

/* Per token: the header regex of the one column whose header, whole, is
 * all the label text above it (its lines joined: a header wrapped in a
 * narrow cell, "社会" "公益" "组织", is one); NULL none.  A number printed
 * right under one column's header alone stands in that column. */
static const GkRegex **
headers_alone_above (const GkGrid *grid, const Token *tok, guint ntok)
{
  const GkRegex **alone = g_new0 (const GkRegex *, MAX (ntok, 1));
  for (guint t = 0; t < ntok; t++)
    {
      if (!tok[t].above)
        continue;
      g_autoptr (GString) joined = g_string_new (NULL);
      for (const char *p = tok[t].above; *p; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (joined, *p);
      gboolean several;
      const GkRegex *re = joined->len ? column_header_whole (grid, joined->str, &several) : NULL;
      alone[t] = re && !several ? re : NULL;   /* two columns' headers read alike: none */
    }
  return alone;
}

/* Whether row q can read tokens list[t..t+k) printing every total; alone
 * (headers_alone_above, NULL: not known) keeps a number under one
 * column's header in that column. */
static gboolean
row_reads_printed (const GkGrid *grid, const Token *tok, const guint *list, guint q, guint t, guint k,
                   const GkRegex *const *alone)
{
  guint ncols = g_array_index (grid->row_ncols, guint, q);
  guint first = g_array_index (grid->row_first, guint, q);
  guint pick[ROW_MAX_COLS];
  if (k == 0 || k > ncols || ncols > ROW_MAX_COLS)
    return FALSE;
  for (guint a = 0; a < k; a++)
    {
      pick[a] = a;
      if (tok[list[t + a]].unreadable)
        return FALSE;
    }
  do
    {
      double row[ROW_MAX_COLS] = { 0 };
      const GkCell *cells[ROW_MAX_COLS] = { NULL };
      gboolean under = TRUE;
      for (guint a = 0; a < k && under && alone; a++)
        under = !alone[list[t + a]]
                || alone[list[t + a]] == g_array_index (grid->cells, GridCell, first + pick[a]).header;
      if (under && pick_read (grid, tok, list + t, k, first, pick, row, cells)
          && row_totals_printed (grid, q, cells, row))
        return TRUE;
    }
  while (pick_next (pick, k, ncols));
  return FALSE;
}

/* Rows [a, a + m) read by their totals from list[0..n): their vars (rows
 * apart where every reading cuts alike) added to vars; the rows read (all
 * of them, or the first ones), 0 when none, and *took the tokens they
 * take.  labels_from: the first token after a row's label (LabelGiven);
 * alone: headers_alone_above. */
static guint
totals_run (const GkGrid *grid, const Token *tok, const guint *list, guint n, guint a, guint m, const guint *starts,
            guint labels_from, const GkRegex *const *alone, GPtrArray *vars, guint *took)
{
  enum { K = ROW_MAX_COLS + 1 };
  gsize W = n + 1;
  g_autofree gboolean *fwd = g_new0 (gboolean, (m + 1) * W);
  g_autofree gboolean *back = g_new0 (gboolean, (m + 1) * W);
  g_autofree gboolean *arcs = g_new0 (gboolean, (m + 1) * W * K);
  fwd[0] = TRUE;
  for (guint q = 0; q < m; q++)
    for (guint t = 0; t <= n; t++)
      {
        if (!fwd[q * W + t])
          continue;
        guint ncols = g_array_index (grid->row_ncols, guint, a + q);
        for (guint k = 1; k <= ncols && t + k <= n; k++)
          if (list[t] >= labels_from && row_reads_printed (grid, tok, list, a + q, t, k, alone)
              && row_takes_starts (starts, list, n, t, k, a + q, a, a + m - 1))
            {
              arcs[(q * W + t) * K + k] = TRUE;
              fwd[(q + 1) * W + t + k] = TRUE;
            }
      }
  /* the whole run, else the longest run of first rows whose readings all
   * end at one token, leaving the rows after a number each at least (each
   * prints its total: else the run has blank totals, and no row is read so) */
  guint qe = 0, te = 0;
  if (fwd[m * W + n])
    qe = m, te = n;
  for (guint q = m + 1; q-- > 1 && !qe;)
    {
      guint ends = 0, at = 0;
      for (guint t = 0; t <= n; t++)
        if (fwd[q * W + t])
          ends++, at = t;
      if (ends == 1 && n - at >= m - q)
        qe = q, te = at;
    }
  /* first rows read all zero, the run not: zeros add up however they are
   * cut, so only the failure of the row after them ends them, which tells
   * where only when that row is the run's last (a misprint of its own);
   * else the numbers are not in the rows' order at all.  Nor does a run
   * read whole in zeros end where numbers follow (a strip of columns
   * printed first, the text cut off): those may be its rows' cells. */
  gboolean zeros = qe < m || te < n;
  for (guint t = 0; t < te && zeros; t++)
    zeros = tok[list[t]].is_count && tok[list[t]].count == 0;
  if (!qe || (zeros && (qe + 1 < m || (qe == m && te < n))))
    return 0;
  back[qe * W + te] = TRUE;
  for (guint q = qe; q-- > 0;)
    for (guint t = 0; t <= n; t++)
      for (guint k = 1; k < K && t + k <= n; k++)
        if (arcs[(q * W + t) * K + k] && back[(q + 1) * W + t + k])
          back[q * W + t] = TRUE;
  /* cut where every reading puts a row's boundary at the same token */
  g_autofree gboolean *on = g_new0 (gboolean, (gsize) qe * W * K);
  for (guint q = 0; q < qe; q++)
    for (guint t = 0; t <= n; t++)
      for (guint k = 1; k < K && t + k <= n; k++)
        on[(q * W + t) * K + k] = fwd[q * W + t] && arcs[(q * W + t) * K + k] && back[(q + 1) * W + t + k];
  guint q0 = 0, t0 = 0;
  for (guint q = 1; q <= qe; q++)
    {
      guint ends = 0, at = 0;
      for (guint t = 0; t <= n; t++)
        if (fwd[q * W + t] && back[q * W + t])
          ends++, at = t;
      if (ends != 1)
        continue;
      /* rows [q0, q) over tokens [t0, at): the arcs on a reading, as the
       * span's reading expects them */
      guint len = at - t0;
      g_autofree gboolean *sub = g_new0 (gboolean, (gsize) (q - q0) * (len + 1) * K);
      for (guint y = q0; y < q; y++)
        for (guint t = t0; t <= at; t++)
          for (guint k = 1; k < K && t + k <= at; k++)
            sub[((gsize) (y - q0) * (len + 1) + t - t0) * K + k] = on[(y * W + t) * K + k];
      g_autofree guint *bound = g_new (guint, MAX (len, 1));
      for (guint z = 0; z < len; z++)
        bound[z] = a + qe - 1;
      Joint *j = span_options_on (grid, tok, list + t0, bound, len, a + q0, a + q - 1, sub, NULL, FALSE);
      /* rows too loose to be read stop the reading */
      if (!j)
        break;
      g_ptr_array_add (vars, j);
      q0 = q, t0 = at;
    }
  *took = t0;
  return q0;
}

/* Whether j, a row read already (one option), reads all zeros with some
 * cell blank: a lone 0 beside its label may open a row whose other
 * numbers the print set later, so its zeros are assumed, not read. */
static gboolean
joint_zeros_from_blanks (const Joint *j)
{
  gboolean blanks = FALSE;
  for (guint c = 0; c < j->w; c++)
    {
      if (fabs (g_array_index (j->values, double, c)) > SUM_EPSILON)
        return FALSE;
      blanks |= j->cells->pdata[c] == NULL;
    }
  return blanks;
}

/* The cells a search voted in from (its seen ones) copied into v. */
static void
votes_take_searched (Votes *v, const Votes *from, guint n)
{
  for (guint c = 0; c < n; c++)
    if (from->seen[c])
      {
        v->seen[c] = TRUE;
        v->value[c] = from->value[c];
        v->differs[c] = from->differs[c];
        v->blank[c] = from->blank[c];
        v->cell[c] = from->cell[c];
      }
}

/* The cells a search placed (searched->seen) that take part in an
 * identity v's certain cells break: not read (differs). */
static void
doubt_searched_cells_of_broken_identities (const GkGrid *grid, const Votes *searched, Votes *v)
{
  guint n = grid->cells->len;
  g_autofree gboolean *known = g_new0 (gboolean, n);
  for (guint c = 0; c < n; c++)
    known[c] = v->seen[c] && !v->differs[c];
  g_autofree gboolean *doubt = g_new0 (gboolean, n);
  for (guint i = 0; i < grid->identities->len; i++)
    {
      const GridIdentity *id = grid->identities->pdata[i];
      if (gk_grid_identity_holds (id, v->value, known) != 0)
        continue;
      const GArray *sides[2] = { id->lhs, id->rhs };
      for (guint sd = 0; sd < 2; sd++)
        for (guint q = 0; q < sides[sd]->len; q++)
          doubt[g_array_index (sides[sd], guint, q)] = TRUE;
    }
  for (guint c = 0; c < n; c++)
    v->differs[c] |= doubt[c] && searched->seen[c];
}

/* Per var of vars (Joint*, in row order): whether an identity whose rows
 * the vars all cover takes in its rows and those of another var not
 * assumed (assumed[k]: zeros held only from blanks; NULL none).  Zeros
 * add up with zeros whatever they stand for: only a var read from printed
 * numbers can refuse them. */
static gboolean *
vars_checked_across (const GkGrid *grid, const GPtrArray *vars, const gboolean *assumed)
{
  guint R = grid->n_rows, nv = vars->len;
  gboolean *checked = g_new0 (gboolean, MAX (nv, 1));
  g_autofree gint *var_of = g_new (gint, R);
  for (guint r = 0; r < R; r++)
    var_of[r] = -1;
  for (guint k = 0; k < nv; k++)
    for (guint r = ((Joint *) vars->pdata[k])->r0; r <= ((Joint *) vars->pdata[k])->r1; r++)
      var_of[r] = (gint) k;
  g_autofree gboolean *in = g_new (gboolean, MAX (nv, 1));
  for (guint i = 0; i < grid->identities->len; i++)
    {
      const GridIdentity *id = grid->identities->pdata[i];
      const GArray *sides[2] = { id->lhs, id->rhs };
      gboolean covered = TRUE;
      memset (in, 0, MAX (nv, 1) * sizeof (gboolean));
      for (guint sd = 0; sd < 2 && covered; sd++)
        for (guint q = 0; q < sides[sd]->len && covered; q++)
          {
            gint k = var_of[gk_grid_row (grid, g_array_index (sides[sd], guint, q))];
            covered = k >= 0;
            if (covered)
              in[k] = TRUE;
          }
      guint printed = 0;
      for (guint k = 0; k < nv && covered; k++)
        printed += in[k] && !(assumed && assumed[k]);
      for (guint k = 0; k < nv && covered; k++)
        checked[k] |= in[k] && printed > (guint) !(assumed && assumed[k]);
    }
  return checked;
}

/* Every cell of var j that v holds: not read (differs). */
static void
doubt_var (const Joint *j, Votes *v)
{
  for (guint c = 0; c < j->w; c++)
    v->differs[j->c0 + c] |= v->seen[j->c0 + c];
}

/* The index of the last token of tok whose cell var j's option holds, -1
 * where it holds none. */
static gint
joint_last_token (const Joint *j, const Token *tok, guint ntok)
{
  gint last = -1;
  for (guint t = 0; t < ntok; t++)
    for (guint c = 0; c < j->w; c++)
      if (j->cells->pdata[c] && j->cells->pdata[c] == (gpointer) tok[t].cell)
        last = (gint) t;
  return last;
}

/* Per var of vars (fixed[k]: read already): whether its zeros are held
 * only from blanks by a lone 0 after which the print goes back to a row
 * above it (the first number after it that a row of v holds), or leaves
 * only numbers no row of v holds: the 0 may open a row whose other
 * numbers come later (a block of labels, then every row's numbers in
 * order).  A 0 a row below's numbers follow closed its row.  A var
 * printing no number is so where the next var printing one is; where
 * none does, it is. */
static gboolean *
vars_open_zeros (const GkGrid *grid, const Token *tok, guint ntok, const GPtrArray *raw, const LabelTrust *trust,
                 const GPtrArray *vars, const gboolean *fixed, const Votes *v)
{
  guint R = grid->n_rows;
  /* per token: the row a read cell holds it in, else the row its label
   * gave it (no more numbers than the row has cells), R none */
  g_autofree guint *row_of = g_new (guint, MAX (ntok, 1));
  g_autoptr (GHashTable) at = g_hash_table_new (NULL, NULL);
  for (guint t = 0; t < ntok; t++)
    {
      row_of[t] = R;
      g_hash_table_insert (at, (gpointer) tok[t].cell, GUINT_TO_POINTER (t + 1));
    }
  for (guint r = 0; r < R; r++)
    {
      const GArray *mine = raw->pdata[r];
      if (mine && trust[r] == LABEL_NAMED && mine->len <= g_array_index (grid->row_ncols, guint, r))
        for (guint q = 0; q < mine->len; q++)
          row_of[g_array_index (mine, guint, q)] = r;
    }
  for (guint c = 0; c < grid->cells->len; c++)
    if (v->seen[c] && !v->blank[c] && v->cell[c])
      {
        guint t = GPOINTER_TO_UINT (g_hash_table_lookup (at, v->cell[c]));
        if (t)
          row_of[t - 1] = gk_grid_row (grid, c);
      }
  gboolean *open = g_new0 (gboolean, MAX (vars->len, 1));
  gboolean below = TRUE;
  for (guint k = vars->len; k-- > 0;)
    {
      const Joint *j = vars->pdata[k];
      gint last = joint_last_token (j, tok, ntok);
      gboolean zeros = fixed[k] && joint_zeros_from_blanks (j);
      if (last >= 0 && zeros)
        {
          /* the first number after it a read row holds: a row above's
           * (the print went back), none (numbers left), or a row below's */
          guint t = (guint) last + 1;
          while (t < ntok && (row_of[t] == R || row_of[t] == j->r0))
            t++;
          below = t == ntok ? t > (guint) last + 1 : row_of[t] < j->r0;
        }
      else if (last >= 0)
        below = FALSE;
      open[k] = zeros && below;
    }
  return open;
}

/* The vars searched together, those fixed the rows read already (see
 * votes_from_vars).  Zeros a fixed row holds only from its blanks are not
 * preferred over the identities: where the placements break some with
 * them and none without them, the rest is read without them and their
 * blank cells are null (two readings fit: ambiguous_placement).  Nor are
 * zeros that may open a row (vars_open_zeros) read where no identity
 * holds them against a row read from printed numbers.  opened (per row,
 * or NULL): set for the rows of zeros so not read, to be read again with
 * the rest (votes_by_totals_opening). */
static void
votes_with_rows_read (const GkGrid *grid, const Token *tok, guint ntok, const GPtrArray *raw,
                      const LabelTrust *trust, GPtrArray *vars, const gboolean *fixed, Votes *v, gboolean *opened)
{
  guint n = grid->cells->len, broken_with = G_MAXUINT, broken_without = G_MAXUINT;
  Votes with, without;
  votes_init (&with, n);
  votes_init (&without, n);
  gboolean searched = votes_from_vars (grid, tok, vars, fixed, &with, &broken_with);
  g_autoptr (GPtrArray) rest = g_ptr_array_new ();
  g_autoptr (GArray) rest_fixed = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GPtrArray) assumed = g_ptr_array_new ();
  for (guint k = 0; k < vars->len; k++)
    {
      if (fixed[k] && joint_zeros_from_blanks (vars->pdata[k]))
        {
          g_ptr_array_add (assumed, vars->pdata[k]);
          continue;
        }
      g_ptr_array_add (rest, vars->pdata[k]);
      g_array_append_val (rest_fixed, fixed[k]);
    }
  gboolean contested = searched && broken_with > 0 && broken_with != G_MAXUINT && assumed->len;
  gboolean without_searched = contested
                              && votes_from_vars (grid, tok, rest, (const gboolean *) rest_fixed->data, &without,
                                                  &broken_without);
  if (gk_decode_debugging () && contested)
    g_printerr ("  rows of assumed zeros: %u, broken %u with them, %d without\n", assumed->len, broken_with,
                without_searched ? (int) broken_without : -1);
  if (!contested || (without_searched && broken_without > 0))
    votes_take_searched (v, &with, n);
  else if (without_searched)
    votes_take_searched (v, &without, n);
  else
    {
      /* too many placements to tell without them: the reading with them
       * stands but for the cells of the identities it breaks */
      votes_take_searched (v, &with, n);
      doubt_searched_cells_of_broken_identities (grid, &with, v);
    }
  gboolean dropped = contested && (!without_searched || broken_without == 0);
  for (guint k = 0; dropped && k < assumed->len; k++)
    {
      const Joint *j = assumed->pdata[k];
      for (guint c = 0; c < j->w; c++)
        v->differs[j->c0 + c] |= j->cells->pdata[c] == NULL;
      for (guint r = j->r0; opened && r <= j->r1; r++)
        opened[r] = TRUE;
    }
  /* read without them, nor the rows read by their totals that no identity
   * holds against another row: their numbers were cut as if those rows
   * took none */
  gboolean read_without = dropped && without_searched;
  g_autofree gboolean *held = read_without ? vars_checked_across (grid, rest, NULL) : NULL;
  for (guint k = 0; read_without && k < rest->len; k++)
    if (!g_array_index (rest_fixed, gboolean, k) && !held[k])
      doubt_var (rest->pdata[k], v);
  /* zeros that may open a row, read only where an identity holds them
   * against a row read from printed numbers (a search too big to finish
   * held nothing); the rows read by their totals below the first not read
   * cut their numbers as if it took none */
  g_autofree gboolean *open = vars_open_zeros (grid, tok, ntok, raw, trust, vars, fixed, v);
  g_autofree gboolean *checked = vars_checked_across (grid, vars, open);
  guint from = G_MAXUINT;
  for (guint k = 0; k < vars->len; k++)
    if (open[k] && !(searched && checked[k]))
      {
        doubt_var (vars->pdata[k], v);
        from = MIN (from, ((Joint *) vars->pdata[k])->r0);
        for (guint r = ((Joint *) vars->pdata[k])->r0; opened && r <= ((Joint *) vars->pdata[k])->r1; r++)
          opened[r] = TRUE;
        if (gk_decode_debugging ())
          g_printerr ("  rows %u..%u: zeros from blanks no identity holds\n", ((Joint *) vars->pdata[k])->r0,
                      ((Joint *) vars->pdata[k])->r1);
      }
  for (guint k = 0; k < vars->len; k++)
    if (!fixed[k] && ((Joint *) vars->pdata[k])->r0 > from && !(searched && checked[k]))
      doubt_var (vars->pdata[k], v);
  votes_clear (&with);
  votes_clear (&without);
}

/* Reads by their totals the rows no cell of which v holds (see above);
 * raw: the tokens the labels gave each row (NULL: unknown), trust: what
 * their labels vouch; labels_from: LabelGiven's; taken: per token, set
 * where a row read so takes it.  A run does not end with rows no label
 * named (a form may lack them: the numbers after are not theirs to take). */
static void
votes_by_totals (const GkGrid *grid, const Token *tok, guint ntok, const GPtrArray *raw, const LabelTrust *trust,
                 const guint *starts, guint labels_from, const gboolean *unread, Votes *v, gboolean *taken,
                 gboolean *opened)
{
  guint R = grid->n_rows;
  g_autofree gboolean *read = g_new0 (gboolean, R);
  g_autofree gboolean *used = g_new0 (gboolean, ntok);
  g_autofree gint *last_used = g_new (gint, R);   /* per row: its last token, -1 none */
  gboolean any_unread = FALSE;
  for (guint r = 0; r < R; r++)
    {
      guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
      last_used[r] = -1;
      for (guint c = 0; c < ncols && !read[r]; c++)
        read[r] = v->seen[first + c];
      any_unread |= !read[r] && row_has_total (grid, r);
      if (!read[r])
        continue;
      const GArray *mine = raw->pdata[r];
      if (!mine)
        return;   /* a row read from numbers the labels did not part */
      for (guint q = 0; q < mine->len; q++)
        {
          guint t = g_array_index (mine, guint, q);
          used[t] = TRUE;
          last_used[r] = MAX (last_used[r], (gint) t);
        }
      /* a row to be read by its totals though its label gave it numbers:
       * they stay its own, the rest is read with the rows around it */
      if (unread && unread[r])
        {
          read[r] = FALSE;
          any_unread |= row_has_total (grid, r);
          for (guint c = first; c < first + ncols; c++)
            v->seen[c] = v->differs[c] = v->blank[c] = FALSE;
        }
    }
  if (!any_unread)
    return;
  if (labels_from == G_MAXUINT)
    labels_from = 0;
  g_autofree const GkRegex **alone = headers_alone_above (grid, tok, ntok);
  g_autoptr (GPtrArray) vars = g_ptr_array_new_with_free_func ((GDestroyNotify) joint_free);
  g_autoptr (GArray) fixed = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GArray) list = g_array_new (FALSE, FALSE, sizeof (guint));
  /* the runs read: their first row and tokens [t0, t1) (taken once read) */
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint) * 3);
  guint start = 0;   /* the first token after those of the rows before */
  gboolean stalled = FALSE;   /* rows left unread: the tokens after are not known to be the next rows' */
  for (guint r = 0; r < R;)
    {
      guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
      if (read[r] || !row_has_total (grid, r))
        {
          /* a row read with every cell certain is known to the identities */
          gboolean certain = read[r];
          for (guint c = 0; c < ncols && certain; c++)
            certain = v->seen[first + c] && !v->differs[first + c];
          if (certain)
            {
              Joint *j = joint_new (grid, r, r);
              j->n = 1, j->best = 0;
              for (guint c = 0; c < ncols; c++)
                {
                  g_array_append_val (j->values, v->value[first + c]);
                  g_ptr_array_add (j->cells, v->blank[first + c] ? NULL : (gpointer) v->cell[first + c]);
                }
              g_ptr_array_add (vars, j);
              gboolean yes = TRUE;
              g_array_append_val (fixed, yes);
            }
          if (last_used[r] >= 0)
            start = MAX (start, (guint) last_used[r] + 1);
          r++;
          continue;
        }
      guint b = r + 1;
      while (b < R && !read[b] && row_has_total (grid, b)
             && g_array_index (grid->row_block, guint, b) == g_array_index (grid->row_block, guint, r))
        b++;
      guint end = b;
      while (end > r && trust[end - 1] == LABEL_NONE)
        end--;
      /* the numbers no read row took, from the rows before on, up to one a
       * read row took after them */
      g_array_set_size (list, 0);
      for (guint t = start; t < ntok; t++)
        {
          if (used[t] && list->len)
            break;
          if (!used[t])
            g_array_append_val (list, t);
        }
      guint before = vars->len, took = 0;
      guint rows_read = stalled || !list->len || end == r
                          ? 0
                          : totals_run (grid, tok, (const guint *) list->data, list->len, r, end - r, starts,
                                        labels_from, alone, vars, &took);
      if (gk_decode_debugging ())
        {
          g_printerr ("  run rows %u..%u (to %u):", r, b - 1, end);
          for (guint q = 0; q < list->len; q++)
            {
              const GkCell *cell = tok[g_array_index (list, guint, q)].cell;
              g_printerr (" %s@%d", cell->raw, cell->src.line);
            }
          g_printerr (": %u rows, %u tokens\n", rows_read, took);
        }
      for (guint k = before; k < vars->len; k++)
        {
          gboolean no = FALSE;
          g_array_append_val (fixed, no);
        }
      if (rows_read && took)
        g_array_append_vals (runs, (guint[3]){ r, g_array_index (list, guint, 0), g_array_index (list, guint, took - 1) + 1 }, 1);
      if (rows_read < b - r || took < list->len)
        stalled = TRUE;
      else
        start = g_array_index (list, guint, took - 1) + 1;
      r = b;
    }
  gboolean fresh = FALSE;
  for (guint k = 0; k < fixed->len; k++)
    fresh |= !g_array_index (fixed, gboolean, k);
  if (gk_decode_debugging ())
    g_printerr ("  by totals: %u vars\n", vars->len);
  /* rows of zeros from blanks only are judged though no row was read */
  for (guint k = 0; k < vars->len && !fresh; k++)
    fresh |= joint_zeros_from_blanks (vars->pdata[k]);
  if (fresh)
    votes_with_rows_read (grid, tok, ntok, raw, trust, vars, (const gboolean *) fixed->data, v, opened);
  for (guint k = 0; k < runs->len; k++)
    {
      const guint *run = &g_array_index (runs, guint, 3 * k);
      for (guint t = run[1]; t < run[2] && v->seen[g_array_index (grid->row_first, guint, run[0])]; t++)
        taken[t] |= !used[t];
    }
}

/* v's votes copied into to (made with votes_init for as many cells). */
static void
votes_copy (Votes *to, const Votes *v, guint n)
{
  memcpy (to->cell, v->cell, n * sizeof *v->cell);
  memcpy (to->value, v->value, n * sizeof *v->value);
  memcpy (to->seen, v->seen, n * sizeof *v->seen);
  memcpy (to->differs, v->differs, n * sizeof *v->differs);
  memcpy (to->blank, v->blank, n * sizeof *v->blank);
  memcpy (to->doubted, v->doubted, n * sizeof *v->doubted);
  to->skipped = v->skipped, to->misprints = v->misprints, to->cost = v->cost;
  to->label_block_rows = v->label_block_rows;
}

/* Reads the rows v holds no cell of by their totals (votes_by_totals).  A
 * row of zeros from a lone 0 that may open its row (see
 * votes_with_rows_read) is then read so too, its 0 its own: its other
 * numbers, if any, come in its turn among those after (a block of labels,
 * then every row's numbers in order).  Where no reading takes it, it is
 * not read. */
static void
votes_by_totals_opening (const GkGrid *grid, const Token *tok, guint ntok, const GPtrArray *raw,
                         const LabelTrust *trust, const guint *starts, guint labels_from, Votes *v,
                         gboolean *taken)
{
  guint n = grid->cells->len;
  Votes before;
  votes_init (&before, n);
  votes_copy (&before, v, n);
  g_autofree gboolean *taken_before = g_memdup2 (taken, MAX (ntok, 1) * sizeof (gboolean));
  g_autofree gboolean *opened = g_new0 (gboolean, grid->n_rows);
  votes_by_totals (grid, tok, ntok, raw, trust, starts, labels_from, NULL, v, taken, opened);
  gboolean any = FALSE;
  for (guint r = 0; r < grid->n_rows; r++)
    any |= opened[r];
  if (any)
    {
      if (gk_decode_debugging ())
        g_printerr ("  by totals again, the zeros that may open a row read with the rest\n");
      Votes zeros;
      votes_init (&zeros, n);
      votes_copy (&zeros, v, n);
      votes_copy (v, &before, n);
      memcpy (taken, taken_before, MAX (ntok, 1) * sizeof (gboolean));
      votes_by_totals (grid, tok, ntok, raw, trust, starts, labels_from, opened, v, taken, NULL);
      /* a row no reading takes stays as the first reading left it: its
       * zeros in doubt */
      for (guint r = 0; r < grid->n_rows; r++)
        {
          guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
          gboolean read = FALSE;
          for (guint c = first; c < first + ncols && !read; c++)
            read = v->seen[c];
          for (guint c = first; opened[r] && !read && c < first + ncols; c++)
            {
              v->seen[c] = zeros.seen[c], v->differs[c] = zeros.differs[c], v->blank[c] = zeros.blank[c];
              v->cell[c] = zeros.cell[c], v->value[c] = zeros.value[c];
            }
        }
      votes_clear (&zeros);
    }
  votes_clear (&before);
}

/* Per token: the one row whose label begins the line the token is printed
 * first on (the label's first words, then its numbers), else G_MAXUINT. */
static guint *
line_starts (const GkGrid *grid, const GPtrArray *rows, const Token *tok, guint n)
{
  guint *starts = g_new (guint, MAX (n, 1));
  g_auto (GStrv) keys = g_new0 (char *, grid->n_rows + 1);
  for (guint r = 0; r < grid->n_rows; r++)
    keys[r] = gk_text_label_key (((const GkTplRow *) grid->rows->pdata[r])->label);
  for (guint t = 0; t < n; t++)
    {
      const GkRow *row = rows->pdata[tok[t].line];
      starts[t] = G_MAXUINT;
      if (!row->label || row->cells->len == 0 || row->cells->pdata[0] != (gpointer) tok[t].cell)
        continue;
      g_autofree char *line_key = gk_text_label_key (row->label);
      for (guint r = 0; r < grid->n_rows && *line_key; r++)
        if (g_str_has_prefix (keys[r], line_key))
          starts[t] = starts[t] == G_MAXUINT ? r : G_MAXUINT - 1;
      if (starts[t] == G_MAXUINT - 1)
        starts[t] = G_MAXUINT;
    }
  return starts;
}

/* A blank-zero table printed in strips of columns may print its totals
 * column apart, after the rows' other cells, under that column's header
 * alone: a total for each row, blank where the whole row is (a row prints
 * its total even where its zeros are blank).  A run of numbers no label
 * gave a row, under the header of the totals column alone, is read as the
 * totals of the rows named since the last such run, in order: a row whose
 * numbers add up to more than 0 takes the next number, which must be their
 * sum; a row of zeros a 0 or none.  Only where the run is taken whole so,
 * and a row takes a number only where every way of taking it agrees (rows
 * of zeros: a total of 0 either way).  raw, by_row: the labels' tokens of
 * each row, the totals appended; taken: per token, set for a run's. */
static void
totals_strip_to_rows (const GkGrid *grid, const Token *tok, guint ntok, GPtrArray *raw, GPtrArray *by_row,
                      const LabelTrust *trust, LabelGiven *given, gboolean *taken, gboolean *apart)
{
  guint from = 0;   /* rows before it gave their totals to a run already */
  guint end = 0;    /* the token after the last run taken, 0 none */
  for (guint a = 0; a < ntok;)
    {
      guint b = a;
      while (b < ntok && given->row[b] == G_MAXUINT)
        b++;
      if (b == a || !given->under_header[a])
        {
          a = MAX (b, a + 1);
          continue;
        }
      /* the rows named since the last run, every token of theirs before it */
      guint r0 = from, r1 = from;
      for (guint r = from; r < grid->n_rows; r++)
        {
          const GArray *mine = raw->pdata[r];
          if (mine && mine->len && g_array_index (mine, guint, mine->len - 1) < a)
            r1 = r + 1;
        }
      guint m = r1 - r0, n = b - a;
      gboolean fits = m > 0 && header_names_total (grid, r0, tok[a].above);
      g_autofree double *sum = g_new0 (double, MAX (m, 1));
      for (guint q = 0; q < m && fits; q++)
        {
          guint r = r0 + q;
          const GArray *mine = raw->pdata[r];
          fits = mine && trust[r] == LABEL_NAMED && row_has_total (grid, r)
                 && mine->len < g_array_index (grid->row_ncols, guint, r)
                 && ((const GArray *) by_row->pdata[r])->len == mine->len;
          for (guint z = 0; z < (mine ? mine->len : 0) && fits; z++)
            {
              const Token *t = &tok[g_array_index (mine, guint, z)];
              fits = t->is_count && g_array_index (mine, guint, z) < a;
              sum[q] += t->count;
            }
        }
      for (guint j = a; j < b && fits; j++)
        fits = tok[j].is_count;
      if (!fits)
        {
          a = b;
          continue;
        }
      /* every way of taking the run whole: reached forward and back */
      gsize W = n + 1;
      g_autofree gboolean *fwd = g_new0 (gboolean, (m + 1) * W);
      g_autofree gboolean *back = g_new0 (gboolean, (m + 1) * W);
      fwd[0] = back[m * W + n] = TRUE;
      for (guint q = 0; q < m; q++)
        for (guint j = 0; j <= n; j++)
          if (fwd[q * W + j])
            {
              if (sum[q] == 0)
                fwd[(q + 1) * W + j] = TRUE;
              if (j < n && fabs (tok[a + j].count - sum[q]) < SUM_EPSILON)
                fwd[(q + 1) * W + j + 1] = TRUE;
            }
      for (guint q = m; q-- > 0;)
        for (guint j = 0; j <= n; j++)
          back[q * W + j] = (sum[q] == 0 && back[(q + 1) * W + j])
                            || (j < n && fabs (tok[a + j].count - sum[q]) < SUM_EPSILON && back[(q + 1) * W + j + 1]);
      if (gk_decode_debugging ())
        g_printerr ("  totals strip of %u numbers for rows %u..%u: %s\n", n, r0, r1 - 1,
                    fwd[m * W + n] ? "taken" : "not taken");
      if (!fwd[m * W + n])
        {
          a = b;
          continue;
        }
      for (guint q = 0; q < m; q++)
        {
          guint took = G_MAXUINT, ways = 0;
          for (guint j = 0; j <= n; j++)
            {
              if (!fwd[q * W + j])
                continue;
              if (sum[q] == 0 && back[(q + 1) * W + j])
                ways++, took = G_MAXUINT;
              if (j < n && fabs (tok[a + j].count - sum[q]) < SUM_EPSILON && back[(q + 1) * W + j + 1])
                ways++, took = a + j;
            }
          if (ways != 1 || took == G_MAXUINT)
            continue;
          g_array_append_val (raw->pdata[r0 + q], took);
          g_array_append_val (by_row->pdata[r0 + q], took);
          given->row[took] = r0 + q;
        }
      for (guint j = a; j < b; j++)
        taken[j] = TRUE;
      from = r1;
      a = end = b;
    }
  /* the rows after the last run print their other columns alone, where
   * the page that prints their totals is not found */
  for (guint r = from; r < grid->n_rows && end; r++)
    {
      const GArray *mine = raw->pdata[r];
      apart[r] = mine && mine->len && trust[r] == LABEL_NAMED && row_has_total (grid, r)
                 && mine->len < g_array_index (grid->row_ncols, guint, r)
                 && ((const GArray *) by_row->pdata[r])->len == mine->len && g_array_index (mine, guint, 0) >= end;
    }
}

/* A row the labels read with blank cells (fewer numbers than columns) is
 * read so only while the labels follow the print: where numbers no label
 * gave a row and no row's totals took (a page's number aside) remain, and
 * the labels came out of the template's order or those numbers stand under
 * column headers alone (a strip of columns printed apart), any of them may
 * be one of its cells, so its cells are ambiguous, its printed ones too
 * (their columns were chosen beside the blanks).  With the labels in
 * order, a figure left (no 0: a blank is 0 as well) doubts the rows named
 * before it, or never named.  Not a row printed on one
 * line beside its own label: the print shows its cells there.  A row read
 * by its totals follows the print's order: what it leaves is the later
 * rows'.  raw, by_row: the labels' tokens of each row before and after
 * the rows not to be trusted were emptied; by_labels: per cell, read
 * before the totals were; placed: per token, taken by the totals. */
static gboolean *rows_named_in_lines (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi);

static void
doubt_blanks_beside_numbers_left (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi, const Token *tok,
                                  guint ntok, const GPtrArray *raw, const GPtrArray *by_row, const LabelGiven *given,
                                  const gboolean *by_labels, gboolean *placed, Votes *v)
{
  guint left = 0, strip = 0, left_figures = 0, last_figure = 0;
  for (guint t = 0; t < ntok; t++)
    {
      guint r = given->row[t];
      if (r != G_MAXUINT)
        {
          /* its row read, its numbers run into its label (split elsewhere),
           * or its label vouches for it though the row's identities break */
          guint first = g_array_index (grid->row_first, guint, r);
          for (guint c = first; c < first + g_array_index (grid->row_ncols, guint, r) && !placed[t]; c++)
            placed[t] = v->seen[c];
          placed[t] |= raw->pdata[r] == NULL || ((GArray *) by_row->pdata[r])->len > 0;
        }
      if (!placed[t] && !token_may_be_page_number (&tok[t]))
        {
          left++, strip += given->under_header[t];
          if (!(tok[t].is_count && tok[t].count == 0))
            left_figures++, last_figure = MAX (last_figure, (guint) tok[t].line);
        }
    }
  if (gk_decode_debugging ())
    g_printerr ("  numbers no row took: %u (%u under column headers), labels %s\n", left, strip,
                given->out_of_order ? "out of order" : "in order");
  gboolean figures_only = !strip && !(left && given->out_of_order);
  if (figures_only && !left_figures)
    return;
  /* a figure left over (no 0: a blank is 0 as well) may be a cell of a row
   * named before it, or of one never named: those rows' blanks are doubtful */
  g_autofree gboolean *named = figures_only ? rows_named_in_lines (grid, rows, lo, hi) : NULL;
  g_autofree gboolean *named_before =
    figures_only ? rows_named_in_lines (grid, rows, lo, MIN (hi, last_figure + 1)) : NULL;
  for (guint r = 0; r < grid->n_rows; r++)
    {
      if (figures_only && named[r] && !named_before[r])
        continue;
      guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
      const GArray *mine = raw->pdata[r];
      gboolean beside = mine && mine->len > 0;
      for (guint q = 0; beside && q < mine->len; q++)
        beside = tok[g_array_index (mine, guint, q)].line == tok[g_array_index (mine, guint, 0)].line;
      if (beside)
        {
          const GkRow *line = rows->pdata[tok[g_array_index (mine, guint, 0)].line];
          g_autofree char *key = gk_text_label_key (line->label);
          beside = *key != '\0';
        }
      gboolean blanks = FALSE;
      for (guint c = first; c < first + ncols && !blanks && !beside; c++)
        blanks = by_labels[c] && v->seen[c] && v->blank[c];
      for (guint c = first; c < first + ncols && blanks; c++)
        v->differs[c] |= v->seen[c];
    }
}

/* Row r's tokens mine[0..m), printed together beside its label in a
 * strip of its first k columns: laid in those columns every way that keeps
 * them in order, the others blank (0); the cells every way fills alike are
 * read, the others left in doubt.  A reading before that put the numbers
 * elsewhere says nothing of the row's later columns either. */
static void
strip_row_vote (const GkGrid *grid, const Token *tok, const GArray *mine, guint m, guint k, guint r, Votes *v)
{
  guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
  guint pick[ROW_MAX_COLS];
  double agreed[ROW_MAX_COLS] = { 0 };
  const GkCell *agreed_cell[ROW_MAX_COLS] = { NULL };
  gboolean differs[ROW_MAX_COLS] = { FALSE }, any = FALSE;
  if (ncols > ROW_MAX_COLS || m == 0 || m > k)
    return;
  for (guint q = 0; q < m; q++)
    pick[q] = q;
  do
    {
      double row[ROW_MAX_COLS] = { 0 };
      const GkCell *cells[ROW_MAX_COLS] = { NULL };
      if (!pick_read (grid, tok, (const guint *) mine->data, m, first, pick, row, cells))
        return;
      for (guint c = 0; c < k; c++)
        if (!any)
          agreed[c] = row[c], agreed_cell[c] = cells[c];
        else
          differs[c] |= fabs (agreed[c] - row[c]) > SUM_EPSILON;
      any = TRUE;
    }
  while (pick_next (pick, m, k));
  gboolean agrees = TRUE;
  for (guint c = 0; c < k; c++)
    {
      guint at = first + c;
      agrees &= !v->seen[at] || (!v->differs[at] && !differs[c] && fabs (v->value[at] - agreed[c]) <= SUM_EPSILON);
      if (differs[c])
        {
          v->differs[at] |= v->seen[at];
          continue;
        }
      v->seen[at] = TRUE, v->differs[at] = FALSE, v->value[at] = agreed[c];
      /* a blank cell has no token: the row's first printed one says where
       * the row was read */
      v->cell[at] = agreed_cell[c] ? agreed_cell[c] : tok[g_array_index (mine, guint, 0)].cell;
      v->blank[at] = agreed_cell[c] == NULL;
    }
  for (guint c = k; c < ncols && !agrees; c++)
    v->differs[first + c] |= v->seen[first + c];
}

/* How many of row r's numbers (mine) before token end were printed
 * together after its label, nothing between them (not gathered from under
 * columns' headers); 0 where they were not. */
static guint
row_numbers_together (const GkGrid *grid, const Token *tok, const GArray *mine, guint r, guint end,
                      const LabelTrust *trust, const LabelGiven *given)
{
  if (trust[r] != LABEL_NAMED || !mine->len || given->under_header[g_array_index (mine, guint, 0)])
    return 0;
  const char *head = header_text (grid, &tok[g_array_index (mine, guint, 0)]);
  if (head && header_columns (grid, r, head) != 0)
    return 0;
  guint m = 0;
  for (; m < mine->len && g_array_index (mine, guint, m) < end; m++)
    {
      const Token *t = &tok[g_array_index (mine, guint, m)];
      if (t->unreadable || (m > 0 && t->above))
        return 0;
    }
  return m;
}

/* Whether row r's numbers mine[0..m), not all 0, read as a row of all its
 * columns (blanks among them) some way that keeps its identities. */
static gboolean
row_fits_all_columns (const GkGrid *grid, const Token *tok, const GArray *mine, guint m, guint r)
{
  guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
  gboolean zeros = TRUE;
  for (guint q = 0; q < m; q++)
    zeros &= tok[g_array_index (mine, guint, q)].is_count && tok[g_array_index (mine, guint, q)].count == 0;
  if (zeros)
    return FALSE;
  if (ncols > ROW_MAX_COLS || m > ncols)
    return TRUE;
  guint pick[ROW_MAX_COLS];
  for (guint q = 0; q < m; q++)
    pick[q] = q;
  do
    {
      double row[ROW_MAX_COLS] = { 0 };
      const GkCell *cells[ROW_MAX_COLS] = { NULL };
      if (pick_read (grid, tok, (const guint *) mine->data, m, first, pick, row, cells) && row_broken (grid, r, row) == 0)
        return TRUE;
    }
  while (pick_next (pick, m, ncols));
  return FALSE;
}

/* Whether the strip tok[a, b) of row r's columns cols holds the total of
 * the row's numbers mine[0..m) printed before it (their sum, with a number
 * of the strip for the one column apart that is no total), where cols hold
 * the row's total: a row those numbers do not add up to is no row of the
 * strip's (the next row's first numbers printed before its label). */
static gboolean
strip_holds_row_total (const GkGrid *grid, const Token *tok, const GArray *mine, guint m, guint r, guint cols,
                       guint a, guint b)
{
  guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
  guint totals = 0, others = 0;
  for (guint c = 0; c < ncols && c < 32; c++)
    if (cols >> c & 1)
      {
        if (cell_is_total (grid, first + c))
          totals++;
        else
          others++;
      }
  if (totals != 1 || others > 1)
    return TRUE;
  double sum = 0;
  for (guint q = 0; q < m; q++)
    {
      const Token *t = &tok[g_array_index (mine, guint, q)];
      if (!t->is_count)
        return TRUE;
      sum += t->count;
    }
  if (sum == 0)
    return TRUE;   /* a row of zeros may leave its total blank */
  for (guint j = a; j < b; j++)
    {
      if (!tok[j].is_count)
        return TRUE;
      if (fabs (tok[j].count - sum) < SUM_EPSILON)
        return TRUE;
      for (guint i = a; i < b && others; i++)
        if (i != j && tok[i].is_count && fabs (tok[j].count - sum - tok[i].count) < SUM_EPSILON)
          return TRUE;
    }
  return FALSE;
}

/* A table printed in strips of columns whose last columns (其他, 总计) come
 * apart, under their headers alone, after the rows' other cells: the rows
 * named since the strip before print only the columns before those, and a
 * row's numbers printed together beside its label fill them in order
 * (strip_row_vote), whatever blanks its other rows leave: a row that
 * prints as many numbers (its dashes counted) fills each.  Only where
 * every one of those rows prints no more, no other strip stands among
 * them, and every number before the strip went to a row (the labels
 * follow the print). */
static void
votes_rows_filling_their_strip (const GkGrid *grid, const Token *tok, guint ntok, const GPtrArray *by_row,
                                const LabelTrust *trust, const LabelGiven *given, Votes *v)
{
  guint from = 0;   /* the token after the last strip */
  guint last_k = 0, block = 0;   /* the last strip's first column, the block of its rows */
  /* per token: kept by a row the labels vouch for */
  g_autofree gboolean *kept = g_new0 (gboolean, MAX (ntok, 1));
  for (guint r = 0; r < grid->n_rows; r++)
    for (guint q = 0; q < ((const GArray *) by_row->pdata[r])->len; q++)
      kept[g_array_index ((const GArray *) by_row->pdata[r], guint, q)] = trust[r] == LABEL_NAMED;
  for (guint a = 0; a < ntok;)
    {
      guint b = a;
      while (b < ntok && given->row[b] == G_MAXUINT && given->under_header[b])
        b++;
      if (b == a)
        {
          a++;
          continue;
        }
      /* the rows named since the last strip, their numbers before this one */
      guint r0 = G_MAXUINT, r1 = 0;
      for (guint r = 0; r < grid->n_rows; r++)
        {
          const GArray *mine = by_row->pdata[r];
          if (mine->len && g_array_index (mine, guint, 0) >= from && g_array_index (mine, guint, 0) < a)
            r0 = MIN (r0, r), r1 = r + 1;
        }
      guint ncols = r0 < r1 ? g_array_index (grid->row_ncols, guint, r0) : 0;
      guint cols = 0;
      for (guint j = a; j < b && given->apart_cols[a]; j++)
        cols |= given->apart_cols[j];
      guint k = cols ? (guint) __builtin_ctz (cols) : 0;
      gboolean fits = k > 0 && ncols <= 32 && cols == ((ncols == 32 ? ~0u : (1u << ncols) - 1) & ~((1u << k) - 1));
      for (guint r = r0; r < r1 && fits; r++)
        {
          const GArray *mine = by_row->pdata[r];
          guint before = 0;
          for (guint q = 0; q < mine->len; q++)
            before += g_array_index (mine, guint, q) < a;
          fits = g_array_index (grid->row_ncols, guint, r) == ncols && before <= k
                 && g_array_index (grid->row_block, guint, r) == g_array_index (grid->row_block, guint, r0);
        }
      gboolean all_given = !given->out_of_order;
      for (guint t = from; t < a && fits; t++)
        {
          fits = !given->under_header[t];
          all_given &= given->row[t] != G_MAXUINT || token_may_be_page_number (&tok[t]);
        }
      if (gk_decode_debugging ())
        g_printerr ("  strip of %u numbers at %u after rows %u..%u: columns %x from %u, %s%s\n", b - a, a, r0, r1, cols, k,
                    fits ? "rows fill the columns before" : "not", fits && !all_given ? " (whole rows only)" : "");
      for (guint r = r0; r < r1 && fits; r++)
        {
          const GArray *mine = by_row->pdata[r];
          guint m = row_numbers_together (grid, tok, mine, r, a, trust, given);
          if (m && (m == k || all_given) && strip_holds_row_total (grid, tok, mine, m, r, cols, a, b))
            strip_row_vote (grid, tok, mine, m, k, r, v);
        }
      if (fits && all_given)
        last_k = k, block = g_array_index (grid->row_block, guint, r0);
      else
        last_k = 0;
      from = a = b;
    }
  if (!last_k)
    return;
  /* the rows after the last strip, whose own strip the section does not
   * print (it came after the next heading): cut at the same column, their
   * page as wide, where one of them prints as many numbers together and
   * none more, and every number after the strip is a row's; a row read so
   * only where no reading of all its columns keeps its identities (or its
   * numbers are all 0) */
  gboolean fits = TRUE, cut_alike = FALSE;
  for (guint t = from; t < ntok && fits; t++)
    fits = !given->under_header[t] && (kept[t] || token_may_be_page_number (&tok[t]));
  for (guint r = 0; r < grid->n_rows && fits; r++)
    {
      const GArray *mine = by_row->pdata[r];
      if (!mine->len || g_array_index (mine, guint, 0) < from)
        continue;
      fits = mine->len <= last_k && g_array_index (grid->row_block, guint, r) == block;
      cut_alike |= row_numbers_together (grid, tok, mine, r, ntok, trust, given) == last_k;
    }
  fits &= cut_alike;
  if (gk_decode_debugging ())
    g_printerr ("  rows after the last strip: %s\n", fits ? "fill the columns before theirs" : "not");
  for (guint r = 0; r < grid->n_rows && fits; r++)
    {
      const GArray *mine = by_row->pdata[r];
      if (!mine->len || g_array_index (mine, guint, 0) < from)
        continue;
      guint m = row_numbers_together (grid, tok, mine, r, ntok, trust, given);
      if (m && !row_fits_all_columns (grid, tok, mine, m, r))
        strip_row_vote (grid, tok, mine, m, last_k, r, v);
    }
}

static void
votes_from_labels (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi, const GArray *toks, Votes *v)
{
  if (rows_unnamed (grid) && grid->cells->len <= IN_ORDER_MAX_CELLS)
    {
      votes_in_order (grid, (const Token *) toks->data, toks->len, v);
      return;
    }
  g_autoptr (GPtrArray) raw = NULL;
  g_autofree LabelTrust *trust = g_new0 (LabelTrust, grid->n_rows);
  /* per token: the row the labels gave it, G_MAXUINT none */
  g_autofree guint *given_row = g_new (guint, MAX (toks->len, 1));
  g_autofree gboolean *under_header = g_new0 (gboolean, MAX (toks->len, 1));
  for (guint t = 0; t < toks->len; t++)
    given_row[t] = G_MAXUINT;
  g_autofree guint *apart_cols = g_new0 (guint, MAX (toks->len, 1));
  LabelGiven given = { given_row, under_header, FALSE, apart_cols, G_MAXUINT };
  g_autoptr (GPtrArray) by_row = tokens_by_label (grid, rows, lo, hi, toks, &v->label_block_rows, &raw, trust, &given);
  const Token *tok = (const Token *) toks->data;
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (toks->len, 1));
  g_autofree gboolean *apart = g_new0 (gboolean, grid->n_rows);
  totals_strip_to_rows (grid, tok, toks->len, raw, by_row, trust, &given, placed, apart);
  g_autofree gboolean *full_kept = g_new0 (gboolean, grid->n_rows);
  if (gk_decode_debugging ())
    for (guint r = 0; r < grid->n_rows; r++)
      {
        const GArray *mine = by_row->pdata[r];
        g_printerr ("  labels r%u %s:", r, gk_grid_key (grid, g_array_index (grid->row_first, guint, r)));
        for (guint q = 0; q < mine->len; q++)
          g_printerr (" %s@%d", tok[g_array_index (mine, guint, q)].cell->raw, tok[g_array_index (mine, guint, q)].cell->src.line);
        g_printerr ("\n");
      }
  /* a number printed with a plus paired with a count (a change, 本年增/减,
   * is printed so) shows a block of labels was not followed by its rows'
   * numbers in order: no row paired from such a block stands */
  gboolean block_out_of_order = FALSE;
  for (guint r = 0; r < grid->n_rows && !block_out_of_order; r++)
    {
      const GArray *mine = by_row->pdata[r];
      guint first = g_array_index (grid->row_first, guint, r);
      for (guint q = 0; q < mine->len && q < g_array_index (grid->row_ncols, guint, r); q++)
        {
          const Token *t = &tok[g_array_index (mine, guint, q)];
          block_out_of_order |= token_plus_signed (t) && t->flow_row >= 0 && gk_grid_type (grid, first + q) != GK_COLUMN_SIGNED;
        }
    }
  for (guint r = 0; r < grid->n_rows; r++)
    {
      const GArray *mine = by_row->pdata[r];
      guint first = g_array_index (grid->row_first, guint, r);
      gboolean from_block = FALSE;
      for (guint q = 0; q < mine->len; q++)
        from_block |= tok[g_array_index (mine, guint, q)].flow_row >= 0;
      if (block_out_of_order && from_block)
        continue;
      if (mine->len < g_array_index (grid->row_ncols, guint, r))
        {
          place_partial_row (grid, tok, r, mine, v);
          continue;
        }
      /* a whole row among blank ones, its numbers gathered from several
       * lines, may hold other rows' numbers (a strip of a browser's print):
       * it stands when printed on one line, or when its own identities hold
       * (or cannot be judged: a cell no number) */
      gboolean one_line = TRUE;
      for (guint q = 1; q < mine->len && one_line; q++)
        one_line = tok[g_array_index (mine, guint, q)].line == tok[g_array_index (mine, guint, 0)].line;
      double values[ROW_MAX_COLS] = { 0 };
      gboolean judged = !one_line && mine->len <= ROW_MAX_COLS;
      for (guint q = 0; q < mine->len && judged; q++)
        {
          const Token *t = &tok[g_array_index (mine, guint, q)];
          judged = !t->unreadable;
          token_value (t, gk_grid_type (grid, first + q), &values[q]);
        }
      if (judged && row_broken (grid, r, values) > 0)
        continue;
      /* nor where a number printed with a plus falls in a count (a
       * change, 本年增/减, is printed so): the numbers are not its row's
       * in order */
      gboolean signs_fit = TRUE;
      for (guint q = 0; q < mine->len && signs_fit; q++)
        signs_fit = !token_plus_signed (&tok[g_array_index (mine, guint, q)]) || gk_grid_type (grid, first + q) == GK_COLUMN_SIGNED;
      if (!signs_fit)
        continue;
      full_kept[r] = mine->len == g_array_index (grid->row_ncols, guint, r);
      for (guint q = 0; q < mine->len; q++)
        {
          const Token *t = &tok[g_array_index (mine, guint, q)];
          double value = 0;
          token_value (t, gk_grid_type (grid, first + q), &value);
          vote (v, first + q, t->cell, value);
        }
    }
  g_autofree guint *starts = line_starts (grid, rows, tok, toks->len);
  votes_joined (grid, tok, toks->len, raw, trust, full_kept, apart, starts, v);
  g_autofree gboolean *by_labels = g_memdup2 (v->seen, grid->cells->len * sizeof (gboolean));
  votes_by_totals_opening (grid, tok, toks->len, raw, trust, starts, given.labels_from, v, placed);
  doubt_blanks_beside_numbers_left (grid, rows, lo, hi, tok, toks->len, raw, by_row, &given, by_labels, placed, v);
  votes_rows_filling_their_strip (grid, tok, toks->len, by_row, trust, &given, v);
}

/* Fewer numbers than cells, every one 0: the cells not printed were blank,
 * and a blank is 0, so every cell is 0 wherever each printed 0 sat. */
static void
votes_all_zero (const GkGrid *grid, const Search *s, Votes *v)
{
  for (guint c = 0; c < grid->cells->len; c++)
    {
      v->seen[c] = v->blank[c] = TRUE;
      v->value[c] = 0;
      v->cell[c] = s->tok[0].cell;
    }
}

/* A table no placement explains may still open with rows that one does: the
 * longest run of first rows a placement within the cost explains with every
 * identity among them holding and no number left out is read (a producer's
 * order the decoder does not know may scramble only the last rows; a number
 * dropped among the first rows is one of theirs printed apart, a row's total
 * before its parts, and the rows after it, shifted up into its place, add up
 * as well).  TRUE when some rows are.  The longest few runs the search
 * reaches cheaply enough are tried. */
/* Votes of a grid whose cell i is cell orig[i] of the table's, added to v
 * (in the table's cells) as one more cheapest placement: a cell they fill
 * otherwise is ambiguous. */
static void
votes_merge_permuted (Votes *v, const Votes *p, const guint *orig, guint ncells, gboolean first)
{
  for (guint i = 0; i < ncells; i++)
    {
      guint c = orig[i];
      if (first)
        {
          v->cell[c] = p->cell[i], v->value[c] = p->value[i], v->seen[c] = p->seen[i];
          v->differs[c] = p->differs[i], v->blank[c] = p->blank[i], v->doubted[c] = p->doubted[i];
          continue;
        }
      if (v->seen[c] != p->seen[i] || (p->seen[i] && fabs (v->value[c] - p->value[i]) > SUM_EPSILON))
        v->differs[c] = TRUE;
      v->differs[c] |= p->differs[i];
    }
  if (first)
    v->skipped = p->skipped, v->misprints = p->misprints, v->cost = p->cost;
  v->skipped = MAX (v->skipped, p->skipped);
}

/* The tokens as a search on a grid made of the table's rows sees them
 * (cell i of made is cell orig[i] of grid): the rows their labels name
 * numbered as made's rows (the one that begins with a named row's first
 * cell, which its label stands beside); no block of labels, which such a
 * search does not read (Search.label_flow). */
static Token *
tokens_on_grid (const GkGrid *grid, const GkGrid *made, const guint *orig, const Token *tok, guint n)
{
  Token *out = g_memdup2 (tok, MAX (n, 1) * sizeof (Token));
  for (guint t = 0; t < n; t++)
    {
      out[t].names = 0;
      out[t].flow_row = -1;
      for (guint q = 0; q < made->n_rows && q < 64 && tok[t].names; q++)
        {
          const GridCell *gc = &g_array_index (grid->cells, GridCell, orig[g_array_index (made->row_first, guint, q)]);
          if (gc->col == 0 && gc->row < 64 && (tok[t].names >> gc->row & 1))
            out[t].names |= (guint64) 1 << q;
        }
    }
  return out;
}

/* The placements of the stream on a grid permuted as the print may have
 * laid the table out (cell i of it is cell orig[i] of the table's): the
 * cheapest within the cost, no dearer than *best, join the votes (on a tie
 * of cost, a cell they fill otherwise is ambiguous); *best is lowered. */
/* The placements cheapest by their steps alone (v, walked capped at the
 * cheapest steps) may take misprints that a placement dearer by its steps
 * keeps clear of: walked again up to the cost the cheapest came to, or the
 * most a placement may cost (cap), the options keeping the identities
 * first.  Where that walk ends within its bounds and finds a cheaper one,
 * with every placement near it (ORDER_SLACK) under the cap, its votes
 * stand: no placement that could beat or match it was left out. */
static void
votes_walk_to_their_cost (const Search *s, Votes *v, int cap)
{
  cap = MIN (cap, v->cost);
  Votes wider;
  votes_init (&wider, s->grid->cells->len);
  gboolean ok = votes_from_paths_capped (s, &wider, WALK_MAX_NODES_TRIED, WALK_MAX_LEAVES_TRIED, cap, TRUE);
  if (gk_decode_debugging ())
    g_printerr ("  walked again to cost %d: %s, cost %d\n", cap, ok ? "done" : "gave up", wider.cost);
  if (ok && wider.cost < v->cost && wider.cost + ORDER_SLACK <= cap)
    {
      votes_clear (v);
      *v = wider;
      return;
    }
  votes_clear (&wider);
}

static void
votes_from_layout (const Search *whole, const GkGrid *layout, const guint *orig, Votes *v, int *best)
{
  guint ncells = whole->grid->cells->len;
  g_autofree Token *tok = tokens_on_grid (whole->grid, layout, orig, whole->tok, whole->n);
  Search part = { layout, tok, whole->n, layout->n_rows, NULL, NULL, NULL, whole->page_numbers, NULL, NULL, NULL, FALSE,
                  .hmemo = whole->hmemo };
  /* a layout whose cheapest placement costs more than the best so far (or
   * than any table's) places nothing */
  if (!search_run_within (&part, MIN (*best, DECODE_MAX_COST)))
    {
      if (gk_decode_debugging ())
        g_printerr ("  layout of %u rows: opt over %d\n", layout->n_rows, MIN (*best, DECODE_MAX_COST));
      search_free (&part);
      return;
    }
  Votes pv;
  votes_init (&pv, ncells);
  int opt = part.g[ST (&part, 0, 0)];
  gboolean walked = opt <= MIN (*best, DECODE_MAX_COST)
                    && votes_from_paths (&part, &pv, WALK_MAX_NODES_TRIED, WALK_MAX_LEAVES_TRIED);
  /* too many to walk: those cheapest by their steps alone, judged alike */
  if (!walked && opt <= MIN (*best, DECODE_MAX_COST))
    {
      votes_clear (&pv);
      votes_init (&pv, ncells);
      walked = votes_from_paths_capped (&part, &pv, WALK_MAX_NODES_TRIED, WALK_MAX_LEAVES_TRIED, opt, FALSE);
      if (walked && pv.misprints)
        votes_walk_to_their_cost (&part, &pv, MIN (*best, DECODE_MAX_COST));
    }
  if (gk_decode_debugging ())
    g_printerr ("  layout of %u rows: opt %d, walked %d, cost %d\n", layout->n_rows, opt, walked, pv.cost);
  if (walked && pv.cost <= MIN (*best, DECODE_MAX_COST))
    {
      if (pv.cost < *best)
        {
          votes_clear (v);
          votes_init (v, ncells);
        }
      votes_merge_permuted (v, &pv, orig, ncells, pv.cost < *best);
      *best = pv.cost;
    }
  votes_clear (&pv);
  search_free (&part);
}

/* ------------------------------------------------ a page's corner */

/* A page's corner is guessed from streams of at most this many tokens, and
 * the few guesses the rows' own identities like best are tried. */
enum { PAGE_CORNER_MAX_CELLS = 48, PAGE_CORNER_TRIES = 4, PAGE_CORNER_BAND_MAX = 3 };
/* Evidence against a page's corner guess it may carry: one misprint. */
enum { W_PAGE_CORNER_DOUBT = W_IDENTITY };

/* What the tokens put in one row say against it: its own identities broken,
 * a sign in a column of counts, a header naming another column; COST_INF
 * when one cannot be its column's. */
static int
page_corner_row_cost (const Search *s, guint r, const guint *tok)
{
  const GkGrid *grid = s->grid;
  guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
  double values[ROW_MAX_COLS];
  gboolean judged = TRUE;
  int cost = 0;
  for (guint c = 0; c < ncols; c++)
    {
      const Token *t = &s->tok[tok[c]];
      GkColumnType type = g_array_index (grid->cells, GridCell, first + c).type;
      if (!token_value (t, type, &values[c]))
        {
          if (!t->unreadable)
            return COST_INF;
          judged = FALSE;
        }
      if (t->plus && type != GK_COLUMN_SIGNED)
        cost += W_SIGN;
      int named = s->header[(gsize) tok[c] * s->R + r];
      if (named == HEADER_ELSEWHERE || (named >= 0 && (guint) named != c))
        cost += W_HEADER;
    }
  return judged ? cost + W_IDENTITY * (int) row_broken (grid, r, values) : cost;
}

typedef struct {
  int cost;
  int evidence;           /* the cost but for the orders read (columns) */
  guint k, cut, mode;     /* the step into this state: rows, their cut, the
                             parts read by columns (bit 0 corner, 1 rest) */
  guint from_sl, from_prev;
} CornerState;

/* The cuts of rows r0..r0+m-1 (n columns each) that best explain the
 * corners as the S tokens from lbeg and the rest as the tokens from rbeg
 * (avail of them), each part read row by row or, over two or three rows
 * cut alike, column by column, the corner's columns right to left when
 * reversed: a shortest path over (rows placed, corner tokens used, the cut
 * above), judged by the rows' own identities and headers; by_columns as
 * gk_grid_with_corner takes it.  The path's cost (*evidence: but for its
 * orders), COST_INF when none fits or when its evidence would come to more
 * than max_evidence (no guess the caller keeps). */
static int
page_corner_cuts (const Search *s, guint r0, guint m, guint n, guint lbeg, guint S, guint rbeg, guint avail,
                  gboolean reversed, int max_evidence, guint *cuts, guint *by_columns, int *evidence)
{
  if (m * n < S || m * n - S > avail)
    return COST_INF;
  gsize nstates = (gsize) (m + 1) * (S + 1) * n;
#define CS(q, sl, prev) (((gsize) (q) * (S + 1) + (sl)) * n + (prev))
  g_autofree CornerState *st = g_new (CornerState, nstates);
  for (gsize z = 0; z < nstates; z++)
    st[z].cost = COST_INF;
  st[CS (0, 0, n - 1)] = (CornerState){ .cost = 0, .evidence = 0 };
  guint tok[ROW_MAX_COLS];
  /* what a step costs from (q, sl) does not depend on the cut above: worked
   * out once for them all (DELTA_UNSET: not yet) */
  enum { DELTA_UNSET = G_MININT };
  int delta[PAGE_CORNER_BAND_MAX + 1][ROW_MAX_COLS + 1][4];
  /* evidence only grows along a path, and the path kept passes through a
   * state of any PAGE_CORNER_BAND_MAX layers in a row (a step places that
   * many rows at most): where none of them holds a state of evidence within
   * max_evidence, the path's evidence exceeds it, whatever it costs */
  guint dead_layers = 0;
  for (guint q = 0; q < m; q++)
    {
      gboolean alive = FALSE;
      for (gsize z = CS (q, 0, 0); z < CS (q + 1, 0, 0) && !alive; z++)
        alive = st[z].cost != COST_INF && st[z].evidence <= max_evidence;
      dead_layers = alive ? 0 : dead_layers + 1;
      if (dead_layers >= PAGE_CORNER_BAND_MAX)
        return COST_INF;
      for (guint sl = 0; sl <= S; sl++)
        {
          gboolean delta_reset = FALSE;
          for (guint prev = 0; prev < n; prev++)
            {
              int here = st[CS (q, sl, prev)].cost;
              if (here == COST_INF)
                continue;
              if (!delta_reset)
                {
                  for (guint k = 0; k <= PAGE_CORNER_BAND_MAX; k++)
                    for (guint c = 0; c <= n; c++)
                      for (guint mode = 0; mode < 4; mode++)
                        delta[k][c][mode] = DELTA_UNSET;
                  delta_reset = TRUE;
                }
              guint y0 = q * n - sl;
              for (guint k = 1; k <= PAGE_CORNER_BAND_MAX && q + k <= m; k++)
                for (guint c = 0; c <= prev; c++)
                  {
                    if (sl + k * c > S || y0 + k * (n - c) > avail)
                      continue;
                    /* modes: bit 0 the corners by columns, bit 1 the rest */
                    for (guint mode = k == 1 ? 0 : 1; mode < (k == 1 ? 1u : 4u); mode++)
                      {
                        if ((mode & 1) && c == 0)
                          continue;
                        int order = W_BAND * (int) __builtin_popcount (mode);
                        int *d = &delta[k][c][mode];
                        if (*d == DELTA_UNSET)
                          {
                            *d = order;
                            for (guint p = 0; p < k && *d != COST_INF; p++)
                              {
                                for (guint j = 0; j < n; j++)
                                  {
                                    gboolean corner = j < c;
                                    guint w = corner ? c : n - c, jj = corner ? (reversed ? c - 1 - j : j) : j - c;
                                    guint off = (mode >> !corner) & 1 ? jj * k + p : p * w + jj;
                                    tok[j] = corner ? lbeg + sl + off : rbeg + y0 + off;
                                  }
                                int rc = page_corner_row_cost (s, r0 + q + p, tok);
                                *d = rc == COST_INF ? COST_INF : *d + rc;
                              }
                          }
                        if (*d == COST_INF)
                          continue;
                        int cost = here + *d;
                        CornerState *to = &st[CS (q + k, sl + k * c, c)];
                        if (cost < to->cost)
                          *to = (CornerState){ cost, st[CS (q, sl, prev)].evidence + cost - here - order, k, c, mode,
                                               sl, prev };
                      }
                  }
            }
        }
    }
  int best = COST_INF;
  guint at = 0;
  for (guint prev = 0; prev < n; prev++)
    if (st[CS (m, S, prev)].cost < best)
      best = st[CS (m, S, prev)].cost, at = prev;
  if (best == COST_INF)
    return COST_INF;
  *evidence = st[CS (m, S, at)].evidence;
  for (guint q = m, sl = S, prev = at; q > 0;)
    {
      const CornerState *x = &st[CS (q, sl, prev)];
      for (guint p = 0; p < x->k; p++)
        {
          cuts[q - x->k + p] = x->cut;
          by_columns[2 * (q - x->k + p)] = by_columns[2 * (q - x->k + p) + 1] = 0;
        }
      for (guint part = 0; part < 2; part++)
        if (x->mode >> part & 1)
          by_columns[2 * (q - x->k) + part] = x->k;
      q -= x->k, sl = x->from_sl, prev = x->from_prev;
    }
#undef CS
  return best;
}

/* Rows of a page a corner is guessed for, at most (a page of table 三). */
enum { PAGE_CORNER_MAX_ROWS = 64 };

typedef struct {
  int cost;
  gboolean last, reversed;
  guint cuts[PAGE_CORNER_MAX_ROWS];
  guint by_columns[2 * PAGE_CORNER_MAX_ROWS];
} CornerGuess;

/* A page's rows r0..r1-1 printed as two parts: the top-left corner of
 * some rows, a staircase (pdftotext's flow cut by a tall label), and the
 * rest, the corner first or last, each part a run of the page's tokens
 * that a label or header starts.  Each such cut of the page's tokens gets
 * the staircase its rows' identities like best; the best few are laid out
 * and searched as any table. */
static void
votes_from_page_corner (const Search *whole, guint a, guint b, guint r0, guint r1, guint *orig, Votes *v, int *best)
{
  const GkGrid *grid = whole->grid;
  guint m = r1 - r0, n = g_array_index (grid->row_ncols, guint, r0);
  if (m > PAGE_CORNER_MAX_ROWS || n > ROW_MAX_COLS)
    return;
  /* the page's number after its rows is none of them */
  guint e = b;
  while (e > a && token_may_be_page_number (&whole->tok[e - 1]))
    e--;
  g_autoptr (GArray) guesses = g_array_new (FALSE, FALSE, sizeof (CornerGuess));
  int cheapest = COST_INF;
  /* the corner's columns may come right to left (pdftotext ordering the
   * header cells above them, each with its number, from the right) */
  for (guint order = 0; order < 4; order++)
    for (guint t = a + 1; t < e; t++)
      {
        gboolean last = order & 1, reversed = order >> 1;
        guint S = last ? e - t : t - a;
        if (!whole->tok[t].above || S > PAGE_CORNER_MAX_CELLS || S > m * (n - 1))
          continue;
        CornerGuess g = { .last = last, .reversed = reversed };
        int evidence = 0;
        g.cost = last ? page_corner_cuts (whole, r0, m, n, t, S, a, t - a, reversed, W_PAGE_CORNER_DOUBT, g.cuts,
                                          g.by_columns, &evidence)
                      : page_corner_cuts (whole, r0, m, n, a, S, t, b - t, reversed, W_PAGE_CORNER_DOUBT, g.cuts,
                                          g.by_columns, &evidence);
        /* a guess is tried only when it explains the whole page but for
         * one misprint at most (a row of it published with a wrong total,
         * which the table's identities then judge as in any placement):
         * no more of its rows' identities broken, no number under
         * another's header */
        gboolean seen = g.cost == COST_INF || evidence > W_PAGE_CORNER_DOUBT;
        for (guint q = 0; q < guesses->len && !seen; q++)
          {
            const CornerGuess *o = &g_array_index (guesses, CornerGuess, q);
            seen = o->last == g.last && memcmp (o->cuts, g.cuts, m * sizeof (guint)) == 0
                   && memcmp (o->by_columns, g.by_columns, 2 * m * sizeof (guint)) == 0;
            /* a corner one column wide reads alike either way */
            for (guint p = 0; p < m && seen && o->reversed != g.reversed; p++)
              seen = g.cuts[p] < 2;
          }
        if (seen)
          continue;
        g_array_append_val (guesses, g);
        cheapest = MIN (cheapest, g.cost);
      }
  /* the staircases the identities like best, a few at most */
  for (guint q = 0, tried = 0; q < guesses->len && tried < PAGE_CORNER_TRIES; q++)
    {
      const CornerGuess *g = &g_array_index (guesses, CornerGuess, q);
      if (g->cost > cheapest)
        continue;
      tried++;
      if (gk_decode_debugging ())
        {
          g_printerr ("  page corner rows %u..%u %s%s, guess cost %d, cuts", r0, r1, g->last ? "last" : "first",
                      g->reversed ? " right to left" : "", g->cost);
          for (guint p = 0; p < m; p++)
            g_printerr (" %u", g->cuts[p]);
          g_printerr ("\n");
        }
      g_autoptr (GkGrid) layout = gk_grid_with_corner (grid, r0, r1, g->cuts, g->by_columns, g->last, g->reversed, orig);
      votes_from_layout (whole, layout, orig, v, best);
    }
}

/* The second strip of a page's rows r0..r0+m-1 (strips: their first cut
 * columns, then the others; strips is that layout, the second strip's
 * tokens from t2) may print its top rows' first columns under their
 * header, then the other rows whole, then those top rows' last columns
 * (pdftotext taking the header of the strip's last column with the cells
 * below it): the top rows are those before the first number printed under
 * a header inside the strip.  Each cut of the top rows' columns is laid
 * out and searched as any table. */
static void
votes_from_strip_tops_last (const Search *whole, const GkGrid *strips, guint t2, guint r0, guint m,
                            const guint *orig, Votes *v, int *best)
{
  guint n = g_array_index (strips->row_ncols, guint, r0 + m), k = 1;
  while (k < m && t2 + k < whole->n && !whole->tok[t2 + k].above)
    k++;
  if (n < 2 || k >= m || t2 + k >= whole->n)
    return;
  guint ncells = strips->cells->len;
  g_autofree guint *cuts = g_new (guint, m);
  g_autofree guint *inner = g_new (guint, ncells);
  g_autofree guint *both = g_new (guint, ncells);
  for (guint c = 1; c < n; c++)
    {
      for (guint q = 0; q < m; q++)
        cuts[q] = q < k ? c : n;
      g_autoptr (GkGrid) layout = gk_grid_with_corner (strips, r0 + m, r0 + 2 * m, cuts, NULL, FALSE, FALSE, inner);
      for (guint i = 0; i < ncells; i++)
        both[i] = orig[inner[i]];
      votes_from_layout (whole, layout, both, v, best);
    }
}

/* A table no placement explains may have a page of rows printed in two
 * strips of columns (their first columns row after row, then the rest),
 * or as a corner and the rest: each page's rows with each cut are tried
 * as such, each part read by the usual steps.  The cheapest placements
 * within the cost stand; TRUE when one does. */
static gboolean
votes_from_strips (const Search *whole, Votes *v)
{
  const GkGrid *grid = whole->grid;
  guint ncells = grid->cells->len;
  g_autofree guint *orig = g_new (guint, ncells);
  int best = COST_INF;
  for (guint a = 0, b; a < whole->n; a = b)
    {
      int page = whole->tok[a].cell->src.page;
      for (b = a; b < whole->n && whole->tok[b].cell->src.page == page; b++)
        ;
      /* the rows the page's tokens fill when read row after row */
      guint r0 = 0, r1 = 0;
      while (r0 < grid->n_rows && g_array_index (grid->row_first, guint, r0) < a)
        r0++;
      while (r1 < grid->n_rows && g_array_index (grid->row_first, guint, r1) + g_array_index (grid->row_ncols, guint, r1) <= b)
        r1++;
      if (r1 < r0 + 2)
        continue;
      guint ncols = g_array_index (grid->row_ncols, guint, r0), block = g_array_index (grid->row_block, guint, r0);
      gboolean uniform = TRUE;
      for (guint q = r0; q < r1; q++)
        uniform &= g_array_index (grid->row_ncols, guint, q) == ncols && g_array_index (grid->row_block, guint, q) == block;
      if (!uniform)
        continue;
      for (guint cut = 1; cut < ncols; cut++)
        {
          g_autoptr (GkGrid) strips = gk_grid_with_strips (grid, r0, r1, cut, orig);
          votes_from_layout (whole, strips, orig, v, &best);
          votes_from_strip_tops_last (whole, strips, a + (r1 - r0) * cut, r0, r1 - r0, orig, v, &best);
        }
      votes_from_page_corner (whole, a, b, r0, r1, orig, v, &best);
    }
  return best != COST_INF;
}

enum { PREFIX_TRIES = 6 };

static gboolean
votes_from_prefix (const Search *whole, Votes *v)
{
  const GkGrid *grid = whole->grid;
  guint tries = 0;
  for (guint r = whole->R; r-- > 1 && tries < PREFIX_TRIES;)
    {
      /* the cheapest way the search reaches row r */
      guint first = g_array_index (grid->row_first, guint, r), best_i = 0;
      int best = COST_INF;
      for (guint i = first; i <= first + SKIP_BUDGET + joins_before (whole, i) && i < whole->n; i++)
        if (whole->f[ST (whole, i, r)] < best)
          best = whole->f[ST (whole, i, r)], best_i = i;
      if (best > DECODE_MAX_COST)
        continue;
      tries++;
      Search part = { grid, whole->tok, best_i, r, NULL, NULL, NULL, whole->page_numbers, NULL, whole->wraps, NULL, whole->label_flow,
                      .hmemo = whole->hmemo };
      gboolean placed = search_run_within (&part, DECODE_MAX_COST)
                        && votes_from_paths (&part, v, WALK_MAX_NODES_TRIED, WALK_MAX_LEAVES_TRIED)
                        && v->cost <= DECODE_MAX_COST && v->misprints == 0 && v->skipped == 0;
      search_free (&part);
      if (placed)
        return TRUE;
      votes_clear (v);
      votes_init (v, grid->cells->len);
    }
  return FALSE;
}

/* Whether the placement pv of a page (tokens [a, b) on the grid of rows
 * from r0, cell i of it the table's first + orig[i] - orig[0]) reads each
 * row the page printed whole beside its label as printed: the label alone
 * right before the row's first number, as many numbers as its cells up to
 * the next label, adding up.  A page whose rows are judged by their own
 * totals alone fits rows of zeros anywhere; the print says where. */
static gboolean
page_keeps_rows_printed_whole (const Search *whole, guint a, guint b, guint r0, guint first, const guint *orig,
                               const Votes *pv)
{
  const GkGrid *grid = whole->grid;
  /* per table cell: the token printed there, in a row printed whole */
  g_autofree const GkCell **printed = g_new0 (const GkCell *, grid->cells->len);
  double values[ROW_MAX_COLS];
  for (guint t = a; t < b; t++)
    {
      guint64 names = whole->tok[t].names;
      if (!names || (names & (names - 1)))
        continue;
      guint q = (guint) __builtin_ctzll (names);
      guint qf = g_array_index (grid->row_first, guint, q), ncols = g_array_index (grid->row_ncols, guint, q);
      if (q < r0 || ncols > ROW_MAX_COLS || t + ncols > b || !row_has_total (grid, q))
        continue;
      gboolean whole_row = t + ncols == b || whole->tok[t + ncols].above;
      for (guint j = 0; j < ncols && whole_row; j++)
        whole_row = (!j || !whole->tok[t + j].above) && token_value (&whole->tok[t + j], gk_grid_type (grid, qf + j), &values[j]);
      if (!whole_row || row_broken (grid, q, values))
        continue;
      for (guint j = 0; j < ncols; j++)
        printed[qf + j] = whole->tok[t + j].cell;
    }
  for (guint i = 0; i < b - a; i++)
    {
      const GkCell *cell = printed[first + orig[i] - orig[0]];
      if (cell && pv->seen[i] && !pv->differs[i] && pv->cell[i] != cell)
        return FALSE;
    }
  return TRUE;
}

/* A stream shorter than the grid (blank cells, or a page's numbers gone
 * with the next section) may still hold a page that printed every cell of
 * the rows its labels name, in an order of its own (a browser's applicant
 * columns row after row, then under the page's foot the totals column as a
 * strip): such a page is placed alone, on the grid of its rows, and where
 * its cheapest placements need no misprint those rows are read so, in place
 * of what their labels gave them. */
static void
votes_from_whole_pages (const Search *whole, Votes *v)
{
  const GkGrid *grid = whole->grid;
  for (guint a = 0, b; a < whole->n; a = b)
    {
      int page = whole->tok[a].cell->src.page;
      guint64 names = 0;
      for (b = a; b < whole->n && whole->tok[b].cell->src.page == page; b++)
        names |= whole->tok[b].names;
      if (!names)
        continue;
      /* the rows from the first the page names that its numbers fill, each
       * named on the page */
      guint r0 = (guint) __builtin_ctzll (names), r1 = r0, cells = 0;
      while (r1 < grid->n_rows && r1 < 64 && cells < b - a && (names >> r1 & 1))
        cells += g_array_index (grid->row_ncols, guint, r1++);
      if (r1 < r0 + 2 || cells != b - a)
        continue;
      /* groups printed side by side on one row (table 四's) are told apart
       * only by their order across it, which a page placed alone loses:
       * any group's numbers fit any group's identities */
      gboolean side_by_side = FALSE;
      for (guint q = r0; q + 1 < r1 && !side_by_side; q++)
        side_by_side = grid->rows->pdata[q] == grid->rows->pdata[q + 1];
      if (side_by_side)
        continue;
      guint first = g_array_index (grid->row_first, guint, r0);
      gboolean read = TRUE;
      for (guint i = 0; i < cells && read; i++)
        read = v->seen[first + i] && !v->differs[first + i];
      if (read)
        continue;
      g_autofree guint *orig = g_new (guint, cells);
      g_autoptr (GkGrid) rows = gk_grid_rows (grid, r0, r1, orig);
      /* every row an identity judges: a row none does (table 二's) would be
       * placed on the order of the page alone */
      gboolean judged = TRUE;
      for (guint q = 0; q < rows->n_rows && judged; q++)
        {
          guint f = g_array_index (rows->row_first, guint, q), n = g_array_index (rows->row_ncols, guint, q);
          judged = FALSE;
          for (guint i = f; i < f + n && !judged; i++)
            judged = ((const GArray *) rows->cell_ids->pdata[i])->len > 0;
        }
      if (!judged)
        continue;
      g_autofree Token *tok = tokens_on_grid (grid, rows, orig, whole->tok + a, b - a);
      Search part = { rows, tok, b - a, r1 - r0, NULL, NULL, NULL, FALSE, NULL, NULL, NULL, FALSE, .hmemo = whole->hmemo };
      for (guint t = 0; t < part.n; t++)
        part.page_numbers |= token_may_be_page_number (&part.tok[t]);
      /* the strips ask nothing of the search's costs */
      gboolean within = search_run_within (&part, DECODE_MAX_COST);
      Votes pv;
      votes_init (&pv, cells);
      gboolean placed = within ? votes_from_paths (&part, &pv, WALK_MAX_NODES, WALK_MAX_LEAVES) && pv.cost <= DECODE_MAX_COST
                               : votes_from_strips (&part, &pv);
      /* a page read row by row only with misprints may be one printed in
       * strips that needs none: the cheaper reading stands */
      if (placed && pv.misprints > 0)
        {
          Votes sv;
          votes_init (&sv, cells);
          if (votes_from_strips (&part, &sv) && sv.cost < pv.cost)
            {
              votes_clear (&pv);
              pv = sv;
            }
          else
            votes_clear (&sv);
        }
      gboolean keeps = placed && page_keeps_rows_printed_whole (whole, a, b, r0, first, orig, &pv);
      if (gk_decode_debugging ())
        g_printerr ("  page %d read whole as rows %u..%u: placed %d, cost %d, misprints %u%s\n", page, r0, r1, placed,
                    pv.cost, pv.misprints, placed && !keeps ? ", against a row printed whole" : "");
      if (keeps && pv.misprints == 0)
        for (guint i = 0; i < cells; i++)
          {
            guint c = first + orig[i] - orig[0];
            v->cell[c] = pv.cell[i], v->value[c] = pv.value[i], v->seen[c] = pv.seen[i];
            v->differs[c] = pv.differs[i], v->blank[c] = pv.blank[i], v->doubted[c] = pv.doubted[i];
          }
      votes_clear (&pv);
      search_free (&part);
    }
}

/* The cells a placement reads for certain, a number in each (known); how
 * many. */
static guint
votes_known (const Votes *v, guint ncells, gboolean *known)
{
  guint n = 0;
  for (guint c = 0; c < ncells; c++)
    known[c] = v->seen[c] && !v->differs[c] && !v->blank[c], n += known[c];
  return n;
}

/* Two misprints that one swap explains: two numbers of one column, in two
 * rows, that make every identity the placement breaks hold when each takes
 * the other's cell.  Two published errors that are each other's figures
 * are far rarer than a producer printing two rows' cells out of order
 * (pdfminer's table 四: a group's 总计 printed after the next group's), so
 * the two cells are ambiguous, not misprints, and no check reports them. */
static void
doubt_misprints_a_swap_explains (const GkGrid *grid, Votes *v)
{
  guint ncells = grid->cells->len;
  if (!v->misprints || grid->identities->len == 0)
    return;
  g_autofree gboolean *known = g_new0 (gboolean, ncells);
  votes_known (v, ncells, known);
  g_autofree gboolean *rows_hit = g_new0 (gboolean, grid->n_rows);
  guint before = gk_grid_errors_to_explain (grid, v->value, known, rows_hit);
  if (before < 2)
    return;
  g_autofree gboolean *doubt = g_new0 (gboolean, ncells);
  g_autofree gboolean *scratch = g_new0 (gboolean, grid->n_rows);
  for (guint a = 0; a < ncells; a++)
    {
      const GridCell *ga = &g_array_index (grid->cells, GridCell, a);
      if (!known[a] || !rows_hit[ga->row])
        continue;
      for (guint b = 0; b < ncells; b++)
        {
          const GridCell *gb = &g_array_index (grid->cells, GridCell, b);
          if (b == a || !known[b] || gb->row == ga->row || gb->col != ga->col || gb->type != ga->type
              || fabs (v->value[a] - v->value[b]) <= SUM_EPSILON)
            continue;
          double va = v->value[a];
          v->value[a] = v->value[b], v->value[b] = va;
          memset (scratch, 0, grid->n_rows * sizeof (gboolean));
          guint after = gk_grid_errors_to_explain (grid, v->value, known, scratch);
          v->value[b] = v->value[a], v->value[a] = va;
          if (after == 0)
            doubt[a] = doubt[b] = TRUE;
        }
    }
  for (guint c = 0; c < ncells; c++)
    v->differs[c] |= doubt[c];
}

/* Cells a grid may have for doubt_misprints_one_move_explains to try every
 * move (table 四's fifteen; table 三's 175 would cost a search's worth). */
enum { MOVE_MAX_CELLS = 40 };

/* Misprints, two or more, that one number printed out of its place
 * explains: taken from where the stream has it and put back earlier or
 * later (the numbers between each moving one cell), it makes every
 * identity hold (pdfminer prints table 四's 总计 of the first litigation
 * group after the second group's cells).  So too one number that is no
 * cell and one cell left unprinted: the numbers between shift one cell
 * (a browser's table 四 with a cell left blank and a stray 4 among its
 * vertical headers).  Several published errors that one displaced number
 * accounts for are far rarer than that number printed out of order: the
 * cells the two readings give different values are ambiguous, not
 * misprints. */
static void
doubt_misprints_one_move_explains (const GkGrid *grid, const Search *s, Votes *v)
{
  guint ncells = grid->cells->len;
  if (!v->misprints || grid->identities->len == 0 || ncells > MOVE_MAX_CELLS || s->n < ncells)
    return;
  g_autofree gboolean *known = g_new0 (gboolean, ncells);
  g_autofree guint *order = g_new (guint, ncells);
  if (votes_known (v, ncells, known) < ncells)
    return;
  g_autofree gboolean *rows_hit = g_new0 (gboolean, grid->n_rows);
  if (gk_grid_errors_to_explain (grid, v->value, known, rows_hit) < 2)
    return;
  /* the cells in the order the stream printed their numbers */
  guint n = 0;
  for (guint t = 0; t < s->n; t++)
    for (guint c = 0; c < ncells; c++)
      if (v->cell[c] == s->tok[t].cell)
        {
          order[n++] = c;
          break;
        }
  if (n < ncells)
    return;
  g_autofree double *moved = g_new (double, ncells);
  g_autofree gboolean *doubt = g_new0 (gboolean, ncells);
  for (guint from = 0; from < n; from++)
    for (guint to = 0; to < n; to++)
      for (guint dropped = 0; dropped < 2 && to != from; dropped++)
        {
          memcpy (moved, v->value, ncells * sizeof (double));
          /* the number at from lands at to; those between shift toward from */
          if (to < from)
            for (guint k = to + 1; k <= from; k++)
              moved[order[k]] = v->value[order[k - 1]];
          else
            for (guint k = from; k < to; k++)
              moved[order[k]] = v->value[order[k + 1]];
          /* or it is no cell (a stray number) and the cell at to went unprinted */
          moved[order[to]] = dropped ? 0 : v->value[order[from]];
          /* an amount (万元) never trades places with a count */
          gboolean types_fit = TRUE;
          for (guint c = 0; c < ncells && types_fit; c++)
            types_fit = fabs (moved[c] - v->value[c]) <= SUM_EPSILON || gk_grid_type (grid, c) != GK_COLUMN_AMOUNT_WAN;
          memset (rows_hit, 0, grid->n_rows * sizeof (gboolean));
          if (!types_fit || gk_grid_errors_to_explain (grid, moved, known, rows_hit) != 0)
            continue;
          for (guint c = 0; c < ncells; c++)
            doubt[c] |= fabs (moved[c] - v->value[c]) > SUM_EPSILON;
        }
  for (guint c = 0; c < ncells; c++)
    v->differs[c] |= doubt[c];
}

/* A placement that puts a number printed with a sign (a change, 本年增/减)
 * in a column of counts read that row in an order that is not the
 * producer's: none of the row's cells is read. */
static void
doubt_rows_of_misplaced_signs (const GkGrid *grid, const Search *s, Votes *v)
{
  g_autoptr (GHashTable) plus = g_hash_table_new (NULL, NULL);
  for (guint t = 0; t < s->n; t++)
    if (s->tok[t].plus)
      g_hash_table_add (plus, (gpointer) s->tok[t].cell);
  for (guint c = 0; c < grid->cells->len; c++)
    if (v->seen[c] && !v->blank[c] && gk_grid_type (grid, c) != GK_COLUMN_SIGNED
        && g_hash_table_contains (plus, v->cell[c]))
      {
        guint row = gk_grid_row (grid, c);
        for (guint q = 0; q < grid->cells->len; q++)
          if (gk_grid_row (grid, q) == row)
            v->differs[q] = TRUE;
      }
}

/* A number printed on the line that begins its row's label, right after
 * the label, is the row's first printed cell: a placement that puts it in a later column of
 * that row, the cells before it filled from numbers printed before the
 * label, turned the row round (its total may be a part as well), and the
 * row is not read unless it reads the same either way. */
static void
doubt_rows_turned_past_their_label (const GkGrid *grid, const Search *s, const GPtrArray *rows, Votes *v)
{
  g_autoptr (GHashTable) token_of = g_hash_table_new (NULL, NULL);
  for (guint t = 0; t < s->n; t++)
    g_hash_table_insert (token_of, (gpointer) s->tok[t].cell, GUINT_TO_POINTER (t + 1));
  g_autofree gboolean *doubt = g_new0 (gboolean, grid->n_rows);
  for (guint c = 0; c < grid->cells->len; c++)
    {
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (token_of, v->cell[c]));
      if (!v->seen[c] || v->blank[c] || !t--)
        continue;
      const GkRow *row = rows->pdata[s->tok[t].line];
      guint r = gk_grid_row (grid, c), first = g_array_index (grid->row_first, guint, r);
      if (c == first || !row->label || !*row->label || row->cells->len == 0
          || row->cells->pdata[0] != (gpointer) s->tok[t].cell)
        continue;
      /* the line begins the row's label (no wrapped label's rest) */
      g_autofree char *line_key = gk_text_label_key (row->label);
      g_autofree char *row_key = gk_text_label_key (((const GkTplRow *) grid->rows->pdata[r])->label);
      gboolean begins = *line_key && g_str_has_prefix (row_key, line_key);
      gboolean before = FALSE, same = TRUE;
      for (guint q = first; q < c && begins; q++)
        {
          guint p = GPOINTER_TO_UINT (g_hash_table_lookup (token_of, v->cell[q]));
          before |= v->seen[q] && !v->blank[q] && p && p - 1 < t;
        }
      /* a row of one value turned round reads the same */
      guint ncols = g_array_index (grid->row_ncols, guint, r);
      for (guint q = first; q < first + ncols && before; q++)
        {
          guint p = GPOINTER_TO_UINT (g_hash_table_lookup (token_of, v->cell[q]));
          same &= p && !s->tok[p - 1].unreadable && fabs (s->tok[p - 1].count - s->tok[t].count) <= SUM_EPSILON;
        }
      doubt[r] |= before && !same;
    }
  for (guint c = 0; c < grid->cells->len; c++)
    if (doubt[gk_grid_row (grid, c)])
      v->differs[c] = TRUE;
}

/* A number whose label, printed just above it, names a row two rows or
 * more before the one the placement puts it in was printed after its row
 * (pdftotext sets a wrapped label's numbers apart, after the page's other
 * rows, each alone among labels): it belongs somewhere from the row named on, and the cells of those
 * rows up to it may each hold a number placed up to that many cells (and a
 * row) before or a row after it.  A cell is read only when every number
 * that may fill it has its value (a run of zeros shifted is zeros). */
static void
doubt_cells_of_displaced_numbers (const GkGrid *grid, const Search *s, const GHashTable *token_of, Votes *v)
{
  guint ncells = grid->cells->len;
  g_autofree guint *row_of = g_new (guint, s->n);   /* the row each token is put in, or G_MAXUINT */
  g_autofree guint *token = g_new0 (guint, ncells);  /* the token each cell holds, + 1; 0 none */
  for (guint t = 0; t < s->n; t++)
    row_of[t] = G_MAXUINT;
  for (guint c = 0; c < ncells; c++)
    {
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup ((GHashTable *) token_of, v->cell[c]));
      if (v->seen[c] && !v->blank[c] && t)
        row_of[t - 1] = gk_grid_row (grid, c), token[c] = t;
    }
  guint moved = 0, from = G_MAXUINT, last = 0;
  gboolean mixed = FALSE;
  double value = 0;
  for (guint d = 0; d < s->n; d++)
    {
      /* a number set apart stands alone among labels; a run of numbers
       * after a block of labels is the block's rows (labels first) */
      if (!s->tok[d].above || row_of[d] == G_MAXUINT || (d + 1 < s->n && !s->tok[d + 1].above))
        continue;
      g_autoptr (GArray) named = rows_named (grid, s->tok[d].above);
      guint x = 0;
      for (guint q = 0; q < named->len; q++)
        x = MAX (x, g_array_index (named, Named, q).row + 1);
      if (!x-- || x + 1 >= row_of[d])
        continue;
      mixed |= (moved && fabs (s->tok[d].count - value) > SUM_EPSILON) || s->tok[d].unreadable;
      value = s->tok[d].count;
      moved++, from = MIN (from, x), last = d;
    }
  if (!moved)
    return;
  /* the cells that may have traded numbers: from the first row named to
   * the last number set apart */
  g_autofree gboolean *reach = g_new0 (gboolean, ncells);
  for (guint c = 0; c < ncells; c++)
    reach[c] = token[c] && token[c] - 1 <= last && gk_grid_row (grid, c) >= from;
  for (guint c = 0; c < ncells; c++)
    {
      if (!reach[c])
        continue;
      const Token *t = &s->tok[token[c] - 1];
      guint w = g_array_index (grid->row_ncols, guint, gk_grid_row (grid, c));
      gboolean doubt = mixed || t->unreadable || fabs (t->count - value) > SUM_EPSILON;
      for (guint q = c >= moved + w ? c - moved - w : 0; q <= c + w && q < ncells && !doubt; q++)
        doubt = reach[q] && (s->tok[token[q] - 1].unreadable || fabs (s->tok[token[q] - 1].count - t->count) > SUM_EPSILON);
      v->differs[c] |= doubt;
    }
}

/* Whether row r of a placement is paired with tokens from t0 on, in order,
 * only by a block of labels before them: several rows' labels printed
 * together (none of them beside these numbers), the row among them, and no
 * identity on its cells. */
static gboolean
row_paired_by_block_order (const GkGrid *grid, const Search *s, const GHashTable *token_of, const Votes *v, guint r,
                           guint t0)
{
  guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
  for (guint j = 0; j < ncols; j++)
    {
      guint c = first + j;
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup ((GHashTable *) token_of, v->cell[c]));
      if (!v->seen[c] || v->blank[c] || v->differs[c] || t != t0 + j + 1 || ((GArray *) grid->cell_ids->pdata[c])->len)
        return FALSE;
      const Token *tok = &s->tok[t0 + j];
      if (tok->flow_row < 0 || r > (guint) tok->flow_row || (r < 64 && (tok->line_names >> r & 1)))
        return FALSE;
    }
  return ncols > 0;
}

/* Rows paired in order with the numbers printed after a block of their
 * labels, a row's worth each, when no identity judges them (table 二's):
 * the same numbers read column by column fill the same rows as well (a
 * producer that prints each cell apart, pdfminer, goes down the columns),
 * and nothing in the print tells the two apart.  Where the two readings
 * differ, the cell is ambiguous. */
static void
doubt_label_blocks_by_columns (const GkGrid *grid, const Search *s, const GHashTable *token_of, Votes *v)
{
  for (guint r0 = 0; r0 + 1 < grid->n_rows;)
    {
      guint first = g_array_index (grid->row_first, guint, r0), k = g_array_index (grid->row_ncols, guint, r0);
      guint t0 = GPOINTER_TO_UINT (g_hash_table_lookup ((GHashTable *) token_of, v->cell[first]));
      guint n = 0;
      while (t0 && r0 + n < grid->n_rows && g_array_index (grid->row_ncols, guint, r0 + n) == k
             && row_paired_by_block_order (grid, s, token_of, v, r0 + n, t0 - 1 + n * k))
        n++;
      if (n < 2)
        {
          r0++;
          continue;
        }
      /* a number printed with a sign is a change (本年增/减): a reading
       * that puts one in a column of counts is not the print's */
      gboolean signs_fit = TRUE;
      for (guint q = 0; q < n; q++)
        for (guint j = 0; j < k; j++)
          signs_fit &= !s->tok[t0 - 1 + j * n + q].plus
                       || gk_grid_type (grid, g_array_index (grid->row_first, guint, r0 + q) + j) == GK_COLUMN_SIGNED;
      for (guint q = 0; q < n && signs_fit; q++)
        for (guint j = 0; j < k; j++)
          {
            guint c = g_array_index (grid->row_first, guint, r0 + q) + j;
            const Token *alt = &s->tok[t0 - 1 + j * n + q];
            double value = 0;
            if (alt->unreadable || !token_value (alt, gk_grid_type (grid, c), &value)
                || fabs (value - v->value[c]) > SUM_EPSILON)
              v->differs[c] = TRUE;
          }
      r0 += n;
    }
}

/* A number under the header of another column may be the cell of that
 * column in a row of another block (a producer printing two blocks' rows
 * column by column, the shorter row ending first, or one block's column
 * after the other blocks): the row whose cell of the named column was
 * filled from a token printed next to it (or anywhere, when the header
 * names one block's column) is read as the rest of the stream fell, not
 * as printed, and is not read either. */
static void
doubt_rows_a_header_names (const GkGrid *grid, const Search *s, const GHashTable *token_of, Votes *v)
{
  g_autofree gboolean *doubt = g_new0 (gboolean, grid->n_rows);
  for (guint c = 0; c < grid->cells->len; c++)
    {
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup ((GHashTable *) token_of, v->cell[c]));
      if (!v->seen[c] || v->blank[c] || v->differs[c] || !t--)
        continue;
      const GridCell *gc = &g_array_index (grid->cells, GridCell, c);
      int named = s->header[(gsize) t * s->R + gc->row];
      if (named != HEADER_ELSEWHERE && (named < 0 || (guint) named == gc->col))
        continue;
      guint block = g_array_index (grid->row_block, guint, gc->row);
      /* a header of one block's column only says where the number stood,
       * however far the number that took its cell */
      guint named_block = G_MAXUINT;
      gboolean one_block = TRUE;
      for (guint r = 0; r < grid->n_rows; r++)
        {
          guint b = g_array_index (grid->row_block, guint, r);
          if (b == block || s->header[(gsize) t * s->R + r] < 0)
            continue;
          one_block &= named_block == G_MAXUINT || named_block == b;
          named_block = b;
        }
      for (guint r = 0; r < grid->n_rows; r++)
        {
          int col = s->header[(gsize) t * s->R + r];
          guint ncols = g_array_index (grid->row_ncols, guint, r);
          if (g_array_index (grid->row_block, guint, r) == block || col < 0 || (guint) col >= ncols)
            continue;
          guint there = g_array_index (grid->row_first, guint, r) + (guint) col;
          guint p = GPOINTER_TO_UINT (g_hash_table_lookup ((GHashTable *) token_of, v->cell[there]));
          if (v->seen[there] && !v->blank[there] && p-- && (one_block || (p > t ? p - t : t - p) <= ncols))
            doubt[r] = TRUE;
        }
    }
  for (guint c = 0; c < grid->cells->len; c++)
    if (doubt[gk_grid_row (grid, c)])
      v->differs[c] = TRUE;
}

/* A placement that puts a number under the header of another column of
 * its block (the header printed just above it) read that block in an order
 * that is not the producer's: none of the block's cells is read. */
static void
doubt_blocks_under_other_headers (const GkGrid *grid, const Search *s, Votes *v)
{
  g_autoptr (GHashTable) token_of = g_hash_table_new (NULL, NULL);
  for (guint t = 0; t < s->n; t++)
    g_hash_table_insert (token_of, (gpointer) s->tok[t].cell, GUINT_TO_POINTER (t + 1));
  doubt_rows_a_header_names (grid, s, token_of, v);
  doubt_cells_of_displaced_numbers (grid, s, token_of, v);
  doubt_label_blocks_by_columns (grid, s, token_of, v);
  for (guint c = 0; c < grid->cells->len; c++)
    {
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (token_of, v->cell[c]));
      if (!v->seen[c] || v->blank[c] || v->differs[c] || !t)
        continue;
      const GridCell *gc = &g_array_index (grid->cells, GridCell, c);
      int named = s->header[(gsize) (t - 1) * s->R + gc->row];
      if (named != HEADER_ELSEWHERE && (named < 0 || (guint) named == gc->col))
        continue;
      /* a small block (table 二's pairs of rows) is read as a whole, or
       * not; a long one's headers (repeated on each page) say too little */
      guint block = g_array_index (grid->row_block, guint, gc->row), rows = 0;
      for (guint r = 0; r < grid->n_rows; r++)
        rows += g_array_index (grid->row_block, guint, r) == block;
      for (guint q = 0; q < grid->cells->len && rows <= BAND_MAX; q++)
        if (g_array_index (grid->row_block, guint, gk_grid_row (grid, q)) == block)
          v->differs[q] = TRUE;
    }
}

static int one_column_named (const GkGrid *grid, guint r, const char *word);
static int row_of_group (const GkGrid *grid, const char *line);
static const char *label_title (const char *label, gsize *group_len);

/* The columns of row r a header spells one after another (into cols, at
 * most max): its lines after the last naming a group, joined until they
 * make a column's title whole (总/计 → 总计; 结果维持 on a line).  0 when a
 * line is left over or more columns are spelled. */
static guint
spelled_columns (const GkGrid *grid, guint r, const char *text, int *cols, guint max)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint from = 0, n = 0;
  for (guint l = 0; lines[l]; l++)
    if (row_of_group (grid, lines[l]) >= 0)
      from = l + 1;
  g_autoptr (GString) word = g_string_new (NULL);
  for (guint l = from; lines[l]; l++)
    {
      g_string_append (word, lines[l]);
      int c = word->len ? one_column_named (grid, r, word->str) : -1;
      if (c < 0)
        continue;
      if (n == max)
        return 0;
      cols[n++] = c;
      g_string_truncate (word, 0);
    }
  return word->len ? 0 : n;
}

/* Whether the header above a run of row r's total and the next row's
 * cells spells their columns in that order: the header's columns printed
 * whole, one after the other, are blocks pdftotext read left to right, and
 * the run under them was read so too. */
static gboolean
header_spells_total_then_row (const GkGrid *grid, guint r, const char *text)
{
  guint w = g_array_index (grid->row_ncols, guint, r);
  int cols[ROW_MAX_COLS + 1];
  if (!text || spelled_columns (grid, r + 1, text, cols, w + 1) != w + 1 || cols[0] != (int) w - 1)
    return FALSE;
  for (guint j = 0; j < w; j++)
    if (cols[j + 1] != (int) j)
      return FALSE;
  return TRUE;
}

/* Whether a header printed a character a line, line after line across the
 * columns, begins with the first characters of row r's parts, in order,
 * then its total's: the parts' headers begin a line above the totals'
 * (shorter, set in the middle), and pdftotext gives the numbers under the
 * columns whose header begins first before those of the totals — the parts
 * of row r before the total of the row before, then r's own. */
static gboolean
header_begins_with_parts (const GkGrid *grid, guint r, const char *text)
{
  if (!text)
    return FALSE;
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint from = 0, w = g_array_index (grid->row_ncols, guint, r), first = g_array_index (grid->row_first, guint, r);
  for (guint l = 0; lines[l]; l++)
    if (row_of_group (grid, lines[l]) >= 0)
      from = l + 1;
  guint j = 0;
  for (guint l = from; lines[l] && j < w; l++)
    {
      if (!*lines[l])
        continue;
      gsize glen;
      const char *title = label_title (g_array_index (grid->cells, GridCell, first + j).label, &glen);
      if (g_utf8_strlen (lines[l], -1) != 1 || strncmp (lines[l], title, strlen (lines[l])) != 0)
        return FALSE;
      j++;
    }
  return j == w;
}

/* The token (from the row's first) that cell j of two rows of w cells
 * takes when the first row's total was printed after the second row's
 * parts: that total is the last token but one, the second row's parts
 * shift back one. */
static guint
total_moved_token (guint j, guint w)
{
  return j < w - 1 ? j : j == w - 1 ? 2 * w - 2 : j == 2 * w - 1 ? j : j - 1;
}

/* A row's last cell (its total) whose number follows a break in the print
 * (headers between it and the row's other numbers) may have been printed
 * after the next row's parts instead: pdftotext reads a block of columns
 * that starts with it in no fixed order — unless the header above spells
 * the columns whole in the order read, or begins with the next row's
 * parts (header_begins_with_parts: that reading is the print's).  Where
 * that reading keeps both rows' own identities too, the cells it reads
 * otherwise are not read. */
static void
doubt_totals_after_a_break (const GkGrid *grid, const Search *s, Votes *v, gboolean *two_ways)
{
  g_autoptr (GHashTable) token_of = g_hash_table_new (NULL, NULL);
  for (guint t = 0; t < s->n; t++)
    g_hash_table_insert (token_of, (gpointer) s->tok[t].cell, GUINT_TO_POINTER (t + 1));
  for (guint r = 0; r + 1 < grid->n_rows; r++)
    {
      guint w = g_array_index (grid->row_ncols, guint, r);
      guint first = g_array_index (grid->row_first, guint, r);
      if (w < 2 || w > ROW_MAX_COLS || g_array_index (grid->row_ncols, guint, r + 1) != w)
        continue;
      /* the two rows filled from 2w tokens in a row, read row by row */
      guint t0 = 0;
      gboolean contiguous = TRUE;
      for (guint j = 0; j < 2 * w && contiguous; j++)
        {
          guint c = first + j;
          guint t = v->seen[c] && !v->blank[c] && !v->differs[c]
                      ? GPOINTER_TO_UINT (g_hash_table_lookup (token_of, v->cell[c])) : 0;
          if (j == 0)
            t0 = t;
          contiguous = t && t0 && t == t0 + j;
        }
      if (!contiguous || !s->tok[t0 - 1 + w - 1].above || g_array_index (grid->row_first, guint, r + 1) != first + w)
        continue;
      /* the total and the next row printed in one run after the break */
      gboolean run = TRUE;
      for (guint j = w; j < 2 * w && run; j++)
        run = !s->tok[t0 - 1 + j].above;
      if (!run || header_spells_total_then_row (grid, r, s->tok[t0 - 1 + w - 1].above))
        continue;
      /* the other reading: row r's total printed after the next row's parts */
      double now[2 * ROW_MAX_COLS], alt[2 * ROW_MAX_COLS];
      gboolean readable = TRUE;
      for (guint j = 0; j < 2 * w && readable; j++)
        {
          guint k = total_moved_token (j, w);
          GkColumnType type = gk_grid_type (grid, first + j);
          readable = token_value (&s->tok[t0 - 1 + j], type, &now[j]) && token_value (&s->tok[t0 - 1 + k], type, &alt[j]);
        }
      if (!readable || row_broken (grid, r, alt) || row_broken (grid, r + 1, alt + w))
        continue;
      gboolean parts_first = header_begins_with_parts (grid, r + 1, s->tok[t0 - 1 + w - 1].above);
      for (guint j = 0; j < 2 * w; j++)
        {
          if (fabs (now[j] - alt[j]) <= SUM_EPSILON)
            continue;
          /* read the print's way, or not at all; a reading row by row,
           * which keeps the order of print, does not read them either */
          two_ways[first + j] = TRUE;
          v->differs[first + j] = !parts_first;
          v->cell[first + j] = s->tok[t0 - 1 + total_moved_token (j, w)].cell;
          v->value[first + j] = alt[j];
        }
    }
}

/* Rows r and r + 1 (groups side by side) as a header that begins with
 * r + 1's parts prints them (header_begins_with_parts): r's parts in one
 * run before it, then r + 1's parts, r's total, r + 1's total in one run.
 * Where the placements left cells of those rows unread, that reading keeps
 * both rows' identities and agrees with every cell they read, it fills
 * them; a row reading keeping the order of print reads them two ways. */
static void
votes_from_parts_first_header (const GkGrid *grid, const Search *s, Votes *v, gboolean *two_ways)
{
  for (guint r = 0; r + 1 < grid->n_rows; r++)
    {
      guint w = g_array_index (grid->row_ncols, guint, r), first = g_array_index (grid->row_first, guint, r);
      if (w < 2 || w > ROW_MAX_COLS || g_array_index (grid->row_ncols, guint, r + 1) != w
          || g_array_index (grid->row_first, guint, r + 1) != first + w)
        continue;
      gboolean open = FALSE;
      for (guint j = 0; j < 2 * w; j++)
        open |= v->seen[first + j] && v->differs[first + j];
      for (guint t = w - 1; open && t + w + 1 <= s->n; t++)
        {
          if (!header_begins_with_parts (grid, r + 1, s->tok[t].above))
            continue;
          gboolean runs = TRUE;
          for (guint k = t - (w - 1) + 1; k < t + w + 1 && runs; k++)
            runs = k == t || !s->tok[k].above;
          double values[2 * ROW_MAX_COLS];
          const GkCell *cells[2 * ROW_MAX_COLS];
          for (guint j = 0; j < 2 * w && runs; j++)
            {
              guint k = j < w - 1 ? t - (w - 1) + j : t + total_moved_token (j, w) - (w - 1);
              cells[j] = s->tok[k].cell;
              runs = token_value (&s->tok[k], gk_grid_type (grid, first + j), &values[j])
                     && !(v->seen[first + j] && !v->differs[first + j] && fabs (v->value[first + j] - values[j]) > SUM_EPSILON);
            }
          if (!runs || row_broken (grid, r, values) || row_broken (grid, r + 1, values + w))
            continue;
          if (gk_decode_debugging ())
            g_printerr ("  rows %u-%u read as a header of the parts first prints them\n", r, r + 1);
          for (guint j = 0; j < 2 * w; j++)
            if (!v->seen[first + j] || v->differs[first + j])
              {
                v->cell[first + j] = cells[j];
                v->value[first + j] = values[j];
                v->seen[first + j] = two_ways[first + j] = TRUE;
                v->differs[first + j] = v->blank[first + j] = v->doubted[first + j] = FALSE;
              }
          open = FALSE;
        }
    }
}

/* The one row the label printed just before token t names (or begins, its
 * rest after the numbers), or G_MAXUINT. */
static guint
label_row (const GkGrid *grid, const Token *t)
{
  if (!t->above)
    return G_MAXUINT;
  g_autoptr (GArray) named = rows_named (grid, t->above);
  if (named->len == 0)
    {
      g_array_unref (named);
      named = label_begun (grid, t->above);
    }
  return named->len == 1 ? g_array_index (named, Named, 0).row : G_MAXUINT;
}

/* Rows their labels pin, where the cheapest placements disagree: a label
 * naming one row, then a run of numbers with no text among them, then the
 * label of a row again.  A run of exactly the row's cells whose identities
 * hold (no sign in a column of counts) is that row, as printed; a run that
 * fills the rows up to the one the next label names, all of one value, is
 * those rows whatever their order.
 * Placements that leave such rows two ways (numbers set apart elsewhere on
 * the page) had them from other rows' shifts: the labels, which every
 * placement ignores, tell.  Where a pinned row has a cell the placements
 * read otherwise for certain, the labels do not follow the print (a table
 * read by columns) and pin nothing. */
typedef struct {
  guint tok, first, cells;
} Pin;

static void
read_rows_labels_pin (const GkGrid *grid, const Search *s, Votes *v, const gboolean *two_ways)
{
  g_autoptr (GArray) pins = g_array_new (FALSE, FALSE, sizeof (Pin));
  gboolean open = FALSE;
  for (guint t = 0, u; t < s->n; t = u)
    {
      for (u = t + 1; u < s->n && !s->tok[u].above; u++)
        ;
      guint a = label_row (grid, &s->tok[t]), next = u < s->n ? label_row (grid, &s->tok[u]) : G_MAXUINT;
      if (a == G_MAXUINT || (u < s->n && !s->tok[u].names && next == G_MAXUINT))
        continue;
      /* the rows the run fills, row by row */
      guint first = g_array_index (grid->row_first, guint, a), b = a, cells = 0;
      while (b < grid->n_rows && cells < u - t)
        cells += g_array_index (grid->row_ncols, guint, b++);
      if (cells != u - t || (b > a + 1 && next != b))
        continue;
      double values[BAND_WIDE_MAX * ROW_MAX_COLS];
      gboolean fits = cells <= G_N_ELEMENTS (values);
      for (guint j = 0; j < cells && fits; j++)
        fits = token_value (&s->tok[t + j], gk_grid_type (grid, first + j), &values[j])
               && !(s->tok[t + j].plus && gk_grid_type (grid, first + j) != GK_COLUMN_SIGNED)
               && (b == a + 1 || fabs (values[j] - values[0]) < SUM_EPSILON);
      for (guint q = a; q < b && fits; q++)
        fits = row_broken (grid, q, values + g_array_index (grid->row_first, guint, q) - first) == 0;
      if (!fits)
        continue;
      for (guint j = 0; j < cells; j++)
        {
          guint c = first + j;
          if (v->seen[c] && !v->differs[c] && fabs (v->value[c] - values[j]) > SUM_EPSILON)
            return;
          open |= v->seen[c] && v->differs[c] && !two_ways[c];
        }
      g_array_append_val (pins, ((Pin){ t, first, cells }));
    }
  for (guint p = 0; p < pins->len && open; p++)
    {
      const Pin *pin = &g_array_index (pins, Pin, p);
      if (gk_decode_debugging ())
        g_printerr ("  pinned by labels: %u cells from %s\n", pin->cells, gk_grid_key (grid, pin->first));
      for (guint j = 0; j < pin->cells; j++)
        {
          guint c = pin->first + j;
          if (two_ways[c] || (v->seen[c] && !v->differs[c]))
            continue;
          const Token *t = &s->tok[pin->tok + j];
          v->cell[c] = t->cell;
          token_value (t, gk_grid_type (grid, c), &v->value[c]);
          v->seen[c] = TRUE;
          v->differs[c] = v->blank[c] = FALSE;
        }
    }
}

/* ------------------------------------------------- cells named by headers */

/* Header lines at most read as headers printed side by side, vertically. */
enum { VERTICAL_MAX_COLS = 8 };

/* A group's column label, 行政复议·结果维持: the group's name (its length
 * into *group_len, 0 when the column is in no group) and what is printed
 * under it (returned). */
static const char *
label_title (const char *label, gsize *group_len)
{
  const char *dot = strstr (label, "·");
  *group_len = dot ? (gsize) (dot - label) : 0;
  return dot ? dot + strlen ("·") : label;
}

/* The one column of row r a header word names (its header pattern, or its
 * label as printed, whole), or -1. */
static int
one_column_named (const GkGrid *grid, guint r, const char *word)
{
  guint named = header_columns (grid, r, word);
  guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
  for (guint c = 0; c < ncols && c < 32; c++)
    {
      gsize glen;
      if (strcmp (label_title (g_array_index (grid->cells, GridCell, first + c).label, &glen), word) == 0)
        named |= 1u << c;
    }
  return named && !(named & (named - 1)) ? __builtin_ctz (named) : -1;
}

/* The grid row whose group a line of header text names, whole (未经复议直接
 * 起诉), or -1. */
static int
row_of_group (const GkGrid *grid, const char *line)
{
  for (guint r = 0; r < grid->n_rows; r++)
    {
      const char *label = g_array_index (grid->cells, GridCell, g_array_index (grid->row_first, guint, r)).label;
      gsize glen;
      label_title (label, &glen);
      if (glen && strlen (line) == glen && strncmp (label, line, glen) == 0)
        return (int) r;
    }
  return -1;
}

/* The group the header text above a number names on a line of its own, or
 * -1. */
static int
group_named_above (const GkGrid *grid, const char *text)
{
  int named = -1;
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l]; l++)
    {
      int r = row_of_group (grid, lines[l]);
      if (r >= 0)
        named = r;
    }
  return named;
}

/* The columns of row r that the header text above a number names, left to
 * right, one for each number it heads (into cols, at most
 * VERTICAL_MAX_COLS); 0 when it names none for certain.  A header printed
 * vertically leaves its last lines as many characters each, a character of
 * each header side by side a line: read down, each column of characters
 * is a word naming one column.  Else its last line names one. */
static guint
headed_columns (const GkGrid *grid, guint r, const char *text, int *cols)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);
  while (n && !*lines[n - 1])
    n--;
  if (!n)
    return 0;
  glong k = g_utf8_strlen (lines[n - 1], -1);
  guint top = n - 1;
  while (top > 0 && g_utf8_strlen (lines[top - 1], -1) == k)
    top--;
  /* the deepest run of lines whose words each name one column */
  for (; k <= VERTICAL_MAX_COLS && top + 2 <= n; top++)
    {
      guint j = 0;
      for (; j < (guint) k; j++)
        {
          g_autoptr (GString) word = g_string_new (NULL);
          for (guint l = top; l < n; l++)
            {
              const char *ch = g_utf8_offset_to_pointer (lines[l], j);
              g_string_append_len (word, ch, g_utf8_next_char (ch) - ch);
            }
          if ((cols[j] = one_column_named (grid, r, word->str)) < 0)
            break;
        }
      if (j == (guint) k)
        return (guint) k;
    }
  cols[0] = one_column_named (grid, r, lines[n - 1]);
  return cols[0] >= 0;
}

/* A table whose groups stand side by side, each cell under its own header
 * (a browser's table 四: 结/果/维/持 above one number, 结其尚/果他未/…
 * above three), may come out in any order of its blocks; but where every
 * number stands under a header naming its column, and each column has as
 * many numbers as rows, the n-th number under a column is its n-th row's
 * (pdftotext reads a line's blocks left to right) — where that holds of
 * the blocks whose group's name is printed above them, every group's
 * (行政复议, 未经复议直接起诉, 复议后起诉), and the numbers under one
 * header are one group's.  Fills cells (one per grid cell) and returns
 * TRUE where that reading is whole and every identity holds. */
static gboolean
cells_by_headers (const GkGrid *grid, const Search *s, const GkCell **cells)
{
  guint ncells = grid->cells->len, ncols = g_array_index (grid->row_ncols, guint, 0);
  if (s->n != ncells || grid->n_rows < 2 || grid->n_rows > 32 || ncols > 32)
    return FALSE;
  for (guint r = 1; r < grid->n_rows; r++)
    if (g_array_index (grid->row_ncols, guint, r) != ncols)
      return FALSE;
  guint next_row[32] = { 0 };
  int heads[VERTICAL_MAX_COLS];
  guint nheads = 0, at = 0;
  guint32 groups_seen = 0;
  int block_row = -1, block_group = -1;
  for (guint t = 0; t < s->n; t++)
    {
      const Token *tok = &s->tok[t];
      if (tok->above)
        {
          /* a header's columns all printed before the next header */
          if (at < nheads)
            return FALSE;
          nheads = headed_columns (grid, 0, tok->above, heads);
          at = 0;
          block_row = -1;
          block_group = group_named_above (grid, tok->above);
          if (block_group >= 0)
            groups_seen |= 1u << block_group;
          for (guint r = 1; r < grid->n_rows && nheads; r++)
            {
              int other[VERTICAL_MAX_COLS];
              if (headed_columns (grid, r, tok->above, other) != nheads
                  || memcmp (other, heads, nheads * sizeof (int)) != 0)
                nheads = 0;
            }
        }
      if (at >= nheads || !tok->is_count || tok->plus)
        return FALSE;
      guint c = (guint) heads[at++];
      int r = (int) next_row[c]++;
      if (r >= (int) grid->n_rows || (block_row >= 0 && r != block_row) || (block_group >= 0 && r != block_group))
        return FALSE;
      block_row = r;
      cells[g_array_index (grid->row_first, guint, r) + c] = tok->cell;
    }
  for (guint c = 0; c < ncols; c++)
    if (next_row[c] != grid->n_rows)
      return FALSE;
  return at == nheads && groups_seen == (1u << grid->n_rows) - 1 && gk_grid_misprints (grid, cells, NULL, NULL) == 0;
}

/* The table read by its headers (cells_by_headers) where the placements
 * leave cells unread and that reading agrees with every cell they read for
 * certain, or where they take misprints to explain (it takes none). */
static gboolean
votes_from_headers (const GkGrid *grid, const Search *s, Votes *v)
{
  guint ncells = grid->cells->len;
  g_autofree const GkCell **headed = g_new0 (const GkCell *, ncells);
  gboolean unread = FALSE;
  for (guint c = 0; c < ncells; c++)
    unread |= !v->seen[c] || v->differs[c];
  if ((!unread && !v->misprints) || !cells_by_headers (grid, s, headed))
    return FALSE;
  g_autofree double *value = g_new0 (double, ncells);
  for (guint c = 0; c < ncells; c++)
    if (!gk_grid_cell_value (headed[c]->raw, gk_grid_type (grid, c), &value[c])
        || (!v->misprints && v->seen[c] && !v->differs[c]
            && (v->blank[c] || fabs (v->value[c] - value[c]) > SUM_EPSILON)))
      return FALSE;
  for (guint c = 0; c < ncells; c++)
    {
      v->seen[c] = TRUE;
      v->cell[c] = headed[c];
      v->value[c] = value[c];
      v->differs[c] = v->blank[c] = v->doubted[c] = FALSE;
    }
  v->skipped = v->misprints = 0;
  return TRUE;
}

/* The group whose block of numbers token t begins, told by its name: the
 * text above t ends in a group's name on a line of its own, then its
 * columns' headers a line each, in the group's order, then exactly as many
 * numbers as it has columns, with no text among them.  -1 when not so. */
static int
group_block_named_at (const GkGrid *grid, const Search *s, guint t)
{
  if (!s->tok[t].above)
    return -1;
  g_auto (GStrv) split = g_strsplit (s->tok[t].above, "\n", -1);
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  for (guint l = 0; split[l]; l++)
    if (*split[l])
      g_ptr_array_add (lines, split[l]);
  int r = -1;
  guint from = 0;
  for (guint l = 0; l < lines->len; l++)
    {
      int named = row_of_group (grid, lines->pdata[l]);
      if (named >= 0)
        r = named, from = l + 1;
    }
  if (r < 0)
    return -1;
  guint ncols = g_array_index (grid->row_ncols, guint, r);
  if (lines->len - from != ncols || t + ncols > s->n || (t + ncols < s->n && !s->tok[t + ncols].above))
    return -1;
  for (guint j = 0; j < ncols; j++)
    if (one_column_named (grid, (guint) r, lines->pdata[from + j]) != (int) j || (j && s->tok[t + j].above))
      return -1;
  return r;
}

/* Groups side by side on one printed row fit one another's identities, so
 * only their order across the row tells them apart; a group printed whole
 * under its name says whose its numbers are.  Where a placement put such a
 * block in another group, the print is not in the template's order: each
 * block named is read as its name says, the groups not named not at all;
 * the cells the order of print reads otherwise are two ways (a reading
 * row by row, which keeps that order, does not read them either). */
static void
votes_from_group_names (const GkGrid *grid, const Search *s, Votes *v, gboolean *two_ways)
{
  guint block_at[64];
  guint64 named = 0;
  gboolean placed_elsewhere = FALSE;
  for (guint t = 0; t < s->n; t++)
    {
      int r = group_block_named_at (grid, s, t);
      if (r < 0)
        continue;
      if (r >= 64 || (named >> r & 1))
        return;
      named |= (guint64) 1 << r, block_at[r] = t;
      guint first = g_array_index (grid->row_first, guint, r), ncols = g_array_index (grid->row_ncols, guint, r);
      for (guint j = 0; j < ncols; j++)
        placed_elsewhere |= !v->seen[first + j] || v->blank[first + j] || v->cell[first + j] != s->tok[t + j].cell;
    }
  if (!placed_elsewhere)
    return;
  if (gk_decode_debugging ())
    g_printerr ("  groups read by their names: rows %#" G_GINT64_MODIFIER "x\n", named);
  for (guint c = 0; c < grid->cells->len; c++)
    {
      guint r = gk_grid_row (grid, c);
      if (r >= 64 || !(named >> r & 1))
        {
          v->differs[c] = two_ways[c] = TRUE;
          continue;
        }
      const Token *tok = &s->tok[block_at[r] + c - g_array_index (grid->row_first, guint, r)];
      double value;
      gboolean readable = token_value (tok, gk_grid_type (grid, c), &value);
      two_ways[c] |= !readable || !v->seen[c] || v->blank[c] || fabs (v->value[c] - value) > SUM_EPSILON;
      v->cell[c] = tok->cell;
      v->value[c] = value;
      v->seen[c] = TRUE;
      v->blank[c] = v->doubted[c] = FALSE;
      v->differs[c] = !readable;
    }
}

/* ------------------------------------------ blocks under their headings */

/* A table printed in blocks, each under its heading (table 二's 第二十条第
 * （一）项 …) and its columns' headers, prints a number after its block's
 * heading whatever order its cells come in, and a number printed after
 * header text (the text since the number before) in a column that text
 * names.  In a blank-zero dump those bounds may leave a number one cell, or
 * a cell no number (a blank: 0).  The numbers no read cell took are placed
 * every way the bounds, the columns' types and the free cells allow (a page
 * number printed among them may be left out); what every placement gives
 * a cell, a number or none, is read.  The bounds of the headings hold only
 * where every block's heading was printed.  A cell no number may fill is
 * blank only where the table's numbers are all here: none printed after
 * the next heading (numbers taken there would be placed every way again),
 * and every block's heading printed. */
enum { BLOCKS_MAX_CELLS = 64, BLOCKS_MAX_NODES = 200000 };

typedef struct {
  guint n;               /* tokens to place */
  const guint64 *may;    /* per token: the free cells (bits) it may be */
  const gboolean *drop;  /* per token: it may be left out (a page number) */
  guint nfree;
  gint *placed;          /* per free cell: the token in it, -1 none */
  gint *agreed;          /* per free cell: what every placement so far gave */
  gboolean *differs;
  guint leaves, nodes;
} BlockFill;

static void
block_fill_leaf (BlockFill *f)
{
  for (guint k = 0; k < f->nfree; k++)
    if (!f->leaves)
      f->agreed[k] = f->placed[k];
    else if (f->agreed[k] != f->placed[k])
      f->differs[k] = TRUE;
  f->leaves++;
}

static void
block_fill (BlockFill *f, guint t, guint64 used)
{
  if (++f->nodes > BLOCKS_MAX_NODES)
    return;
  if (t == f->n)
    {
      block_fill_leaf (f);
      return;
    }
  for (guint k = 0; k < f->nfree; k++)
    if ((f->may[t] >> k & 1) && !(used >> k & 1))
      {
        f->placed[k] = (gint) t;
        block_fill (f, t + 1, used | (1ull << k));
        f->placed[k] = -1;
      }
  if (f->drop[t])
    block_fill (f, t + 1, used);
}

/* Per token: the blocks whose heading was printed before it (bit b); all
 * for every token when some block's heading is not printed at all (or a
 * block has none), or the tokens are not in printed order (rows read
 * before the heading taken after the rest): the headings bound nothing.
 * Whether they bound the tokens. */
static gboolean
blocks_headed_before (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi, const Token *tok, guint n,
                      guint64 *headed)
{
  guint nb = grid->block_heading->len;
  guint64 seen = 0, all = nb < 64 ? (1ull << nb) - 1 : 0;
  for (guint t = 0; t < n; t++)
    {
      headed[t] = 0;
      if (t > 0 && tok[t].line < tok[t - 1].line)
        all = 0;
    }
  for (guint i = lo, t = 0; i < hi && all; i++)
    {
      const GkRow *row = rows->pdata[i];
      g_autofree char *key = gk_text_label_key (row->label);
      for (; t < n && tok[t].line < i; t++)
        headed[t] = seen;
      /* a line's label stands before its numbers */
      for (guint b = 0; b < nb; b++)
        if (grid->block_heading->pdata[b] && regex_found (grid->block_heading->pdata[b], key))
          seen |= 1ull << b;
      for (; t < n && tok[t].line == i; t++)
        headed[t] = seen;
    }
  if (all && seen == all)
    return TRUE;
  for (guint t = 0; t < n; t++)
    headed[t] = G_MAXUINT64;
  return FALSE;
}

/* The columns (of cell c's row) the header text above names: whether the
 * text names some column of the grid, and cell c's among them. */
static gboolean
header_text_allows (const GkGrid *grid, const char *above, guint c)
{
  if (!above)
    return TRUE;
  gboolean any = FALSE;
  for (guint d = 0; d < grid->cells->len; d++)
    {
      const GridCell *gc = &g_array_index (grid->cells, GridCell, d);
      if (gc->header && regex_found (gc->header, above))
        {
          any = TRUE;
          if (gc->header == g_array_index (grid->cells, GridCell, c).header)
            return TRUE;
        }
    }
  return !any;
}

static void
votes_from_block_headings (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi, const GkDecodeExtent *ext,
                           const Token *tok, guint n, Votes *v)
{
  guint ncells = grid->cells->len;
  if (grid->block_heading->len < 2 || ncells > BLOCKS_MAX_CELLS || n == 0)
    return;
  /* the cells read already, and their numbers, are not placed again */
  g_autoptr (GHashTable) taken = g_hash_table_new (NULL, NULL);
  guint free_cell[BLOCKS_MAX_CELLS], nfree = 0;
  for (guint c = 0; c < ncells; c++)
    if (v->seen[c] && !v->differs[c])
      {
        if (!v->blank[c])
          g_hash_table_add (taken, (gpointer) v->cell[c]);
      }
    else
      free_cell[nfree++] = c;
  g_autofree guint64 *headed = g_new (guint64, n);
  gboolean bound = blocks_headed_before (grid, rows, lo, extent_end (hi, ext), tok, n, headed);
  g_autofree guint *mine = g_new (guint, n);
  g_autofree guint64 *may = g_new0 (guint64, n);
  g_autofree gboolean *drop = g_new0 (gboolean, n);
  guint m = 0;
  for (guint t = 0; t < n; t++)
    {
      if (g_hash_table_contains (taken, tok[t].cell))
        continue;
      if (tok[t].unreadable)
        return;
      for (guint k = 0; k < nfree; k++)
        {
          guint c = free_cell[k];
          double value;
          GkColumnType type = gk_grid_type (grid, c);
          if (token_value (&tok[t], type, &value) && !(tok[t].plus && type != GK_COLUMN_SIGNED)
              && (headed[t] >> g_array_index (grid->row_block, guint, gk_grid_row (grid, c)) & 1)
              && header_text_allows (grid, tok[t].above, c))
            may[m] |= 1ull << k;
        }
      drop[m] = token_may_be_page_number (&tok[t]);
      mine[m++] = t;
    }
  if (nfree == 0)
    return;
  gint placed[BLOCKS_MAX_CELLS], agreed[BLOCKS_MAX_CELLS];
  gboolean differs[BLOCKS_MAX_CELLS] = { FALSE };
  for (guint k = 0; k < nfree; k++)
    placed[k] = agreed[k] = -1;
  BlockFill f = { m, may, drop, nfree, placed, agreed, differs, 0, 0 };
  block_fill (&f, 0, 0);
  if (gk_decode_debugging ())
    g_printerr ("  blocks by their headings: %u numbers, %u free cells, %u placements, %u nodes\n", m, nfree, f.leaves,
                f.nodes);
  if (f.leaves == 0 || f.nodes > BLOCKS_MAX_NODES)
    return;
  /* a block whose heading is not printed may be missing from the text
   * whole: a cell no number fills there is not seen blank */
  gboolean complete = FALSE;
  for (guint k = 0; k < nfree && !complete && bound; k++)
    if (!differs[k] && agreed[k] < 0)
      {
        g_autoptr (GPtrArray) after = ext ? NULL : gk_decode_trailing_cells (grid, rows, hi, rows->len);
        complete = after && after->len == 0;
        break;
      }
  for (guint k = 0; k < nfree; k++)
    {
      guint c = free_cell[k];
      if (differs[k] || (agreed[k] < 0 && !complete))
        continue;
      const Token *t = agreed[k] >= 0 ? &tok[mine[agreed[k]]] : &tok[0];
      v->seen[c] = TRUE;
      v->differs[c] = FALSE;
      v->blank[c] = agreed[k] < 0;
      v->cell[c] = t->cell;
      v->value[c] = 0;
      if (agreed[k] >= 0)
        token_value (t, gk_grid_type (grid, c), &v->value[c]);
    }
}

/* Marks in named the rows one label line (its key, no column's header)
 * names, alone or begun (a wrapped label's head).  Whether it names any. */
static gboolean
line_names_rows (const GkGrid *grid, const char *key, gboolean *named)
{
  g_autoptr (GArray) own = rows_named (grid, key);
  g_autoptr (GArray) begun = label_begun (grid, key);
  for (guint q = 0; q < own->len; q++)
    named[g_array_index (own, Named, q).row] = TRUE;
  for (guint q = 0; q < begun->len; q++)
    named[g_array_index (begun, Named, q).row] = TRUE;
  return own->len || begun->len;
}

/* Per grid row: whether the label lines of rows [lo, hi) name it, a line
 * alone (a label's own line), begun (a wrapped label's head), or run
 * together with the lines after it (its tail on the next line); a line
 * that is a column's header whole names none. */
static gboolean *
rows_named_in_lines (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi)
{
  gboolean *is_named = g_new0 (gboolean, MAX (grid->n_rows, 1));
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = lo; i < hi; i++)
    {
      g_autofree char *key = gk_text_label_key (((const GkRow *) rows->pdata[i])->label);
      /* a column's header whole (总计) names no row */
      if (!*key || line_is_column_header (grid, key))
        continue;
      g_string_append (text, key);
      line_names_rows (grid, key, is_named);
    }
  g_autoptr (GArray) run = rows_named (grid, text->str);
  for (guint q = 0; q < run->len; q++)
    is_named[g_array_index (run, Named, q).row] = TRUE;
  return is_named;
}

/* Per grid row: whether the text of rows [lo, hi) went past it, on to
 * another row's label after a number printed since its own: its blank
 * cells were printed blank.  A label block before all the numbers passes
 * no row. */
static gboolean *
rows_the_text_went_past (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi)
{
  guint R = grid->n_rows;
  gboolean *past = g_new0 (gboolean, MAX (R, 1));
  g_autofree gboolean *numbered = g_new0 (gboolean, MAX (R, 1));   /* a number since its label */
  g_autofree gboolean *named = g_new0 (gboolean, MAX (R, 1));
  for (guint i = lo; i < hi; i++)
    {
      const GkRow *row = rows->pdata[i];
      g_autofree char *key = gk_text_label_key (row->label);
      if (*key && !line_is_column_header (grid, key) && line_names_rows (grid, key, named))
        for (guint r = 0; r < R; r++)
          past[r] |= numbered[r];
      for (guint r = 0; r < R && row->cells->len; r++)
        numbered[r] |= named[r];
    }
  return past;
}

/* Whether the text stops inside rows [lo, hi) of a table (short: it
 * prints fewer numbers than its grid has cells): no heading after them,
 * and the text's last line with anything on it holds numbers, or (short)
 * the table's own words.  A report goes on after its tables, to its prose
 * and signature; a dump cut short does not. */
static gboolean
text_cut_off_in (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi, gboolean short_)
{
  if (hi < rows->len)
    return FALSE;
  for (guint i = hi; i-- > lo;)
    {
      const GkRow *row = rows->pdata[i];
      g_autofree char *key = gk_text_label_key (row->label);
      if (row->cells->len)
        return TRUE;
      if (*key)
        return short_ && line_of_table (grid, key);
    }
  return FALSE;
}

GkDecoded *
gk_decode_section (const GkGrid *grid, const GPtrArray *rows, guint lo, guint hi, const GkDecodeExtent *ext)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) toks = section_tokens (rows, lo, hi, ext, texts);
  guint hi0 = hi;
  hi = extent_end (hi, ext);
  if (toks->len == 0 || grid->n_rows == 0)
    return NULL;
  gboolean label_flow = tokens_mark_labels (grid, toks);
  int twice_page = 0;
  guint twice = drop_rows_printed_twice (grid, toks, &twice_page);
  g_autoptr (Wraps) wraps = wraps_new (grid, toks);
  g_autoptr (HeaderMemo) hmemo = header_memo_new (grid, (const Token *) toks->data, toks->len);
  Search s = { grid, (const Token *) toks->data, toks->len, grid->n_rows, NULL, NULL, NULL, FALSE, NULL, wraps, NULL, label_flow,
               .hmemo = hmemo };
  for (guint t = 0; t < s.n; t++)
    s.page_numbers |= token_may_be_page_number (&s.tok[t]);
  search_run (&s);
  if (gk_decode_debugging ())
    {
      g_printerr ("decode %s: %u tokens, %u cells, opt %d:", gk_grid_key (grid, 0), s.n, grid->cells->len, s.g[0]);
      for (guint t = 0; t < s.n; t++)
        g_printerr (" %s@%d", s.tok[t].cell->raw, s.tok[t].cell->src.line);
      g_printerr ("\n");
    }
  guint ncells = grid->cells->len;
  Votes v;
  votes_init (&v, ncells);
  g_autofree gboolean *two_ways = g_new0 (gboolean, ncells);
  gboolean unplaceable = FALSE, walked_all = FALSE;
  /* a stream of zeros is the table of zeros however it was laid out, and
   * whichever of its zeros are the table's where it prints more */
  gboolean all_zero = TRUE;
  for (guint t = 0; t < s.n && all_zero; t++)
    all_zero = s.tok[t].is_count && s.tok[t].count == 0;
  gboolean zero_table = all_zero && (s.n < ncells || s.g[ST (&s, 0, 0)] > DECODE_MAX_COST);
  if (zero_table)
    {
      votes_all_zero (grid, &s, &v);
      /* a stream short of the grid leaves zeros only in the rows its text
       * names: rows never named were not printed blank, the text ends
       * before them (cut off), or they are another table's */
      if (s.n < ncells)
        {
          g_autofree gboolean *is_named = rows_named_in_lines (grid, rows, lo, hi);
          for (guint c = 0; c < ncells; c++)
            if (!is_named[gk_grid_row (grid, c)])
              v.seen[c] = v.blank[c] = FALSE;
          /* a table that prints a dash for zero leaves no cell blank: a
           * stream of them short of a grid whose rows no label tells apart
           * (table 四's groups) is cut off after its last, the cells it
           * reached the only ones read */
          gboolean dashes = FALSE;
          for (guint t = 0; t < s.n && !dashes; t++)
            dashes = gk_number_parse (s.tok[t].cell->raw, GK_COLUMN_COUNT).kind == GK_NUMBER_PLACEHOLDER;
          if (dashes && rows_unnamed (grid))
            for (guint c = s.n; c < ncells; c++)
              v.seen[c] = v.blank[c] = FALSE;
        }
    }
  else if (s.n < ncells)
    {
      votes_from_labels (grid, rows, lo, hi, toks, &v);
      votes_from_whole_pages (&s, &v);
      votes_from_block_headings (grid, rows, lo, hi0, ext, s.tok, s.n, &v);
    }
  else if (s.g[ST (&s, 0, 0)] > DECODE_MAX_COST && !all_zero)
    {
      unplaceable = TRUE;
      /* no placement comes near a table's layout: nothing is placed but
       * the first rows one explains */
      if (!votes_from_strips (&s, &v) && !votes_from_prefix (&s, &v))
        {
          votes_from_steps (&s, &v);
          memset (v.blank, 0, ncells * sizeof (gboolean));
          for (guint c = 0; c < ncells; c++)
            v.differs[c] = TRUE;
        }
    }
  else if (!(walked_all = votes_from_paths (&s, &v, WALK_MAX_NODES, WALK_MAX_LEAVES)) || v.cost > DECODE_MAX_COST)
    {
      /* too many placements to walk (the cheapest by its steps alone stand
       * for them), or the best of them too dear to be the table's layout */
      gboolean too_dear = v.cost > DECODE_MAX_COST && !all_zero;
      votes_clear (&v);
      votes_init (&v, ncells);
      /* too many: the placements cheapest by their steps, each judged on
       * the identities across its rows, the ones that break fewest stand.
       * A walk that gave up knows no cheapest: the dear one it met first
       * (a row read one cell off, its misprints only seen at the end)
       * says nothing of the table's layout until these are walked. */
      gboolean walked = (!too_dear || !walked_all)
                        && votes_from_paths_capped (&s, &v, WALK_MAX_NODES, WALK_MAX_LEAVES, s.g[ST (&s, 0, 0)], FALSE)
                        && v.cost <= DECODE_MAX_COST;
      /* those dearer by their steps may keep the identities those take
       * misprints for (a row's last cell printed far below it) */
      if (walked && v.misprints)
        votes_walk_to_their_cost (&s, &v, DECODE_MAX_COST);
      if (walked)
        too_dear = FALSE;
      unplaceable = too_dear;
      if (!walked)
        {
          votes_clear (&v);
          votes_init (&v, ncells);
        }
      if (!walked && (!too_dear || (!votes_from_strips (&s, &v) && !votes_from_prefix (&s, &v))))
        {
          votes_from_steps (&s, &v);
          if (too_dear)
            for (guint c = 0; c < ncells; c++)
              v.differs[c] = TRUE;
        }
    }
  if (s.n >= ncells && !zero_table)
    {
      doubt_rows_of_misplaced_signs (grid, &s, &v);
      doubt_rows_turned_past_their_label (grid, &s, rows, &v);
      doubt_misprints_a_swap_explains (grid, &v);
      doubt_misprints_one_move_explains (grid, &s, &v);
      doubt_blocks_under_other_headers (grid, &s, &v);
      doubt_totals_after_a_break (grid, &s, &v, two_ways);
      if (votes_from_headers (grid, &s, &v))
        unplaceable = FALSE;
      votes_from_parts_first_header (grid, &s, &v, two_ways);
      votes_from_group_names (grid, &s, &v, two_ways);
    }
  /* the text stops in the table (a report goes on after its tables): a
   * cell no number was placed in may be one the text never reached, not a
   * blank, but in the rows it went past */
  if (text_cut_off_in (grid, rows, lo, hi, s.n < ncells))
    {
      g_autofree gboolean *past = rows_the_text_went_past (grid, rows, lo, hi);
      for (guint c = 0; c < ncells; c++)
        if (v.blank[c] && !past[gk_grid_row (grid, c)])
          v.seen[c] = v.blank[c] = FALSE;
    }
  search_free (&s);

  GkDecoded *dec = g_new0 (GkDecoded, 1);
  dec->cells = g_new0 (const GkCell *, ncells);
  dec->ambiguous = g_new0 (gboolean, ncells);
  dec->two_ways = g_steal_pointer (&two_ways);
  dec->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_warning_free);
  if (twice)
    g_ptr_array_add (dec->warnings,
                     gk_warning_new ("row_printed_twice", twice_page,
                                     "跨页的表格行在下一页重复印出，重复的 %u 个数字已略去", twice));
  dec->owned = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_cell_free);
  /* the numbers joined from their pieces are cells the record may keep */
  for (guint q = 0; wraps && q < wraps->cells->len; q++)
    g_ptr_array_add (dec->owned, g_steal_pointer (&wraps->cells->pdata[q]));
  guint ambiguous = 0;
  int page = 0;
  /* A placement that takes more misprints than a published table holds is
   * not the table's own layout: what its broken identities touch is not read.
   * Nor where it also leaves a number out (no page's number): that number
   * may be a cell of the rows that break, the rest shifted past it. */
  if (v.misprints > MAX_MISPRINTS || (v.misprints && v.skipped))
    for (guint c = 0; c < ncells; c++)
      v.differs[c] |= v.doubted[c];
  if (s.n >= ncells && !zero_table)
    read_rows_labels_pin (grid, &s, &v, dec->two_ways);
  dec->skipped = v.skipped;
  dec->misprints = v.misprints;
  dec->by_labels = s.n < ncells;
  dec->zero_table = zero_table;
  dec->unplaceable = unplaceable;
  for (guint c = 0; c < ncells; c++)
    {
      if (v.seen[c] && !v.differs[c] && v.blank[c])
        {
          GkCell *blank = gk_cell_new ("", &v.cell[c]->src);
          blank->grid_cell = TRUE;
          g_ptr_array_add (dec->owned, blank);
          dec->cells[c] = blank;
        }
      else if (v.seen[c] && !v.differs[c])
        dec->cells[c] = v.cell[c];
      else if (v.seen[c])
        {
          dec->ambiguous[c] = TRUE;
          ambiguous++;
          if (!page)
            page = v.cell[c]->src.page;
        }
    }
  if (ambiguous)
    g_ptr_array_add (dec->warnings,
                     gk_warning_new ("ambiguous_placement", page,
                                     "%u个数字无法确定所在单元格（多种排列同样符合表格），其值为 null", ambiguous));
  if (v.label_block_rows)
    g_ptr_array_add (dec->warnings,
                     gk_warning_new ("label_block", 0, "%u个行标签先于其数字印出，按顺序配对", v.label_block_rows));
  if (v.skipped)
    g_ptr_array_add (dec->warnings,
                     gk_warning_new ("stray_number", 0, "表格中有 %u 个数字不属于任何单元格，已略去", v.skipped));
  votes_clear (&v);
  return dec;
}

void
gk_decoded_free (GkDecoded *dec)
{
  if (!dec)
    return;
  g_free (dec->cells);
  g_free (dec->ambiguous);
  g_free (dec->two_ways);
  g_ptr_array_unref (dec->warnings);
  if (dec->owned)
    g_ptr_array_unref (dec->owned);
  g_free (dec);
}
