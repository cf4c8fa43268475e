/* ocr-page.c — see ocr-page.h. */
#include "ocr-page.h"
#include "common/gk-text.h"
#include <math.h>
#include <string.h>
#include "common/gk-error.h"
#include "layout/grid.h"
#include "layout/rules.h"
#include "table/number.h"

/* Less ink than this (pt², ~ a hyphen at 10 pt) in a cell is scanner noise, not text. */
#define GK_OCR_MIN_INK_PT2 1.5
/* White margin given to tesseract around a cell's ink (points). */
#define GK_OCR_PAD_PT 3.0
/* A cell text this similar (2·LCS/length sum) to one template label, and
 * clearly more than to any other, is that label misread: 危及“三安 is
 * 3.危及“三安全一稳定”.  Shorter texts are left alone (其他 vs 其它). */
#define GK_OCR_SNAP_SIMILARITY 0.6
#define GK_OCR_SNAP_MARGIN 0.1
#define GK_OCR_SNAP_MIN_CHARS 4
/* A cell text below this confidence that is no template label is read
 * again (gk_ocr_image_reread_view) and taken when that reading is one. */
#define GK_OCR_LABEL_REREAD_BELOW 0.80
/* A text this long that begins exactly one label is that label, cut. */
#define GK_OCR_SNAP_PREFIX_CHARS 6
/* Ink taller than this (points) is more than one line of 10–12 pt text. */
#define GK_OCR_ONE_LINE_MAX_PT 17.0
/* A digit is at most this wide, in ems of the ink height (a CJK glyph is ~1). */
#define GK_OCR_DIGIT_MAX_WIDTH_EM 0.8
/* ... plus this for signs, spacing and the rounding of a short number. */
#define GK_OCR_DIGIT_SLACK_EM 1.0
/* Digits eng reads sure yet wrong in the serif faces of Chinese reports
 * (the long-flagged 1 becomes 4 or 11, at confidence 0.9–0.97): an eng
 * reading holding one is confirmed by chi_sim. */
#define GK_OCR_ENG_DOUBTFUL_DIGITS "14"
/* Ink at most this many ems wide may be one glyph (a digit with its serifs and blur). */
#define GK_OCR_LONE_GLYPH_EM 1.2
/* Ink lower than this (points) — a dash, a minus — is measured against this height. */
#define GK_OCR_MIN_GLYPH_PT 7.0

/* Glyphs chi_sim's text pass makes of lone digits: 了 for 7, 工 】 丨 for
 * 1, 〇 口 for 0 ...  A text reading made only of these (and digits, signs)
 * is a number the digit passes read better, not a label: each glyph of
 * digit_lookalikes stands for the digit at the same place in
 * lookalike_digits. */
static const char digit_lookalikes[] = "了工】【[]丨|lI!iO〇口日SsBZz乙己";
static const char lookalike_digits[] = "71111111111100085582222";

static gboolean
is_number_text (const char *s)
{
  return *s && gk_number_is_cell_token (s);
}

static gboolean
is_digit_lookalike (const char *s)
{
  if (!*s)
    return FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8] = { 0 };
      g_unichar_to_utf8 (c, buf);
      if (!g_ascii_isdigit (c) && c != '-' && c != '+' && c != '.' && !strstr (digit_lookalikes, buf))
        return FALSE;
    }
  return TRUE;
}

/* A lookalike reading as the digits it stands for ("工" → "1"). */
static char *
lookalike_as_digits (const char *s)
{
  g_autofree gunichar *glyphs = g_utf8_to_ucs4_fast (digit_lookalikes, -1, NULL);
  GString *g = g_string_new (NULL);
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int k = 0;
      while (glyphs[k] && glyphs[k] != c)
        k++;
      if (glyphs[k])
        g_string_append_c (g, lookalike_digits[k]);
      else
        g_string_append_unichar (g, c);
    }
  return g_string_free (g, FALSE);
}

/* The numeric part of a number cell read as text ("12.5万元" → "12.5"). */
static char *
number_part (const char *s)
{
  GString *g = g_string_new (NULL);
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_ascii_isdigit (c) || c == '.' || c == '+' || c == '-' || c == 0x2014)
        g_string_append_unichar (g, c);
    }
  return g_string_free (g, FALSE);
}

void
gk_ocr_reading_clear (GkOcrReading *r)
{
  g_clear_pointer (&r->text, g_free);
  r->confidence = 0;
}

static gboolean
readings_agree (const GkOcrReading *a, const GkOcrReading *b)
{
  g_autofree char *na = number_part (a->text), *nb = number_part (b->text);
  return *na && strcmp (na, nb) == 0;
}

/* The unit a number reading carries after its digits ("万元"), or "" —
 * also for a reading without digits (a placeholder "/" has no unit). */
static const char *
unit_of (const char *s)
{
  const char *end = s + strlen (s), *u = end;
  while (u > s && !g_ascii_isdigit (u[-1]))
    u--;
  return u > s ? u : end;
}

/* A dash placeholder read as several strokes ("-—", "--", 一): one "—". */
static void
normalise_dash (GkOcrReading *r)
{
  static const char dashes[] = "-—–_~一－";
  if (!r->text || !*r->text)
    return;
  for (const char *p = r->text; *p; p = g_utf8_next_char (p))
    {
      char buf[8] = { 0 };
      g_unichar_to_utf8 (g_utf8_get_char (p), buf);
      if (!strstr (dashes, buf))
        return;
    }
  g_free (r->text);
  r->text = g_strdup ("—");
}

static gboolean
is_number_reading (const GkOcrReading *r)
{
  return r->text && is_number_text (r->text);
}

/* Of all pairs of number readings that agree, the surest (its better
 * confidence in *conf), returned as the one to keep: the one with the
 * unit if any agreeing reading saw it.  -1 when no two agree. */
static int
agreeing_pair (const GkOcrReading *r, int n, double *conf)
{
  int a = -1;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < i; j++)
      if (is_number_reading (&r[i]) && is_number_reading (&r[j]) && readings_agree (&r[i], &r[j])
          && (a < 0 || MAX (r[i].confidence, r[j].confidence) > *conf))
        a = j, *conf = MAX (r[i].confidence, r[j].confidence);
  if (a < 0)
    return -1;
  for (int k = 0; k < n; k++)
    if (is_number_reading (&r[k]) && *unit_of (r[k].text) && readings_agree (&r[k], &r[a]))
      return k;
  return a;
}

char *
gk_ocr_choose_reading (GkOcrReading *r, int n, double *confidence)
{
  int best = -1, label = -1, unit = -1;
  for (int i = 0; i < n; i++)
    {
      normalise_dash (&r[i]);
      /* a lookalike witnesses the digit it stands for, but a glyph read
       * as another is no sure reading: doubtful at best */
      if (r[i].text && !is_number_text (r[i].text) && is_digit_lookalike (r[i].text))
        {
          char *digits = lookalike_as_digits (r[i].text);
          g_free (r[i].text);
          r[i].text = digits;
          r[i].confidence = MIN (r[i].confidence, GK_OCR_DISAGREE_CONFIDENCE);
        }
    }
  int keep = agreeing_pair (r, n, confidence);
  if (keep >= 0)
    {
      char *out = g_steal_pointer (&r[keep].text);
      for (int k = 0; k < n; k++)
        gk_ocr_reading_clear (&r[k]);
      return out;
    }
  gboolean disagree = FALSE;
  for (int i = 0; i < n; i++)
    {
      if (!r[i].text || !*r[i].text)
        continue;
      if (!is_number_text (r[i].text))
        {
          if (!is_digit_lookalike (r[i].text) && (label < 0 || r[i].confidence > r[label].confidence))
            label = i;
          continue;
        }
      if (*unit_of (r[i].text))
        unit = i;
      if (best >= 0)
        disagree = TRUE;
      if (best < 0 || r[i].confidence > r[best].confidence)
        best = i;
    }
  char *out;
  if (label >= 0 && (best < 0 || r[label].confidence > r[best].confidence))
    {
      /* a label: the digit passes could not read it */
      *confidence = r[label].confidence;
      out = g_steal_pointer (&r[label].text);
    }
  else if (best >= 0)
    {
      *confidence = disagree ? MIN (r[best].confidence, GK_OCR_DISAGREE_CONFIDENCE) : r[best].confidence;
      if (unit >= 0 && unit != best)
        out = g_strconcat (r[best].text, unit_of (r[unit].text), NULL);
      else
        out = g_steal_pointer (&r[best].text);
    }
  else
    {
      *confidence = 0;
      out = g_strdup ("");
    }
  for (int k = 0; k < n; k++)
    gk_ocr_reading_clear (&r[k]);
  return out;
}

/* Digit readings the ink cannot be are dropped before any choice. */
static void
drop_implausible (GkOcrReading *r, const GkOcrCellRect *cr)
{
  for (int i = 0; i < 2; i++)
    if (r[i].text && !gk_ocr_digits_plausible (r[i].text, cr))
      gk_ocr_reading_clear (&r[i]);
}

/* FALSE when the ink begins with a flat bar the reading has no sign for:
 * eng drops minus signs, and "5" for "-5" is a wrong number, not a doubt. */
static gboolean
sign_kept (const GkOcrReading *r, const GkOcrCellRect *cr)
{
  return !cr->lead_bar || g_str_has_prefix (r->text, "-") || g_str_has_prefix (r->text, "—");
}

/* A number the reading is sure of, its sign seen. */
static gboolean
sure_number (const GkOcrReading *r, const GkOcrCellRect *cr)
{
  return is_number_reading (r) && r->confidence >= GK_OCR_DIGITS_ACCEPT && sign_kept (r, cr);
}

/* eng's sure number is enough alone unless it holds a digit eng confuses. */
static gboolean
eng_sure (const GkOcrReading *eng, const GkOcrCellRect *cr)
{
  return sure_number (eng, cr) && !strpbrk (eng->text, GK_OCR_ENG_DOUBTFUL_DIGITS);
}

/* TRUE when the digit readings settle the cell: one sure number, or two that agree. */
static gboolean
digits_settled (const GkOcrReading *chi, const GkOcrReading *eng, const GkOcrCellRect *cr)
{
  if (sure_number (chi, cr) || eng_sure (eng, cr))
    return TRUE;
  return is_number_reading (chi) && is_number_reading (eng) && readings_agree (chi, eng)
         && MAX (chi->confidence, eng->confidence) >= GK_OCR_AGREE_MIN_CONFIDENCE;
}

/* The ink is no wider than one glyph and its margins: a lone "1" chi_sim may read as nothing. */
static gboolean
lone_glyph (const GkOcrCellRect *cr)
{
  return cr->ink_w_pt <= GK_OCR_LONE_GLYPH_EM * MAX (cr->ink_h_pt, GK_OCR_MIN_GLYPH_PT);
}

/* The digit passes into r[0] (chi_sim) and r[1] (eng).  eng first: its
 * model is small (a line costs a quarter of chi_sim's) and it reads
 * digits as well, a lone serif "1" better; chi_sim reads the cell too
 * when eng is not sure of a number — unless eng found none in ink wider
 * than a glyph, a label to chi_sim's digit pass too — or eng is missing. */
static void
read_digits (GkOcrEngine *engine, int x, int y, int w, int h, const GkOcrCellRect *cr, GkOcrReading *r)
{
  r[1].text = gk_ocr_engine_read (engine, x, y, w, h, GK_OCR_READ_DIGITS_ALT, &r[1].confidence);
  gboolean no_eng = r[1].text == NULL;
  drop_implausible (r, cr);
  if (eng_sure (&r[1], cr) || !(no_eng || is_number_reading (&r[1]) || lone_glyph (cr)))
    return;
  r[0].text = gk_ocr_engine_read (engine, x, y, w, h, GK_OCR_READ_DIGITS, &r[0].confidence);
  drop_implausible (r, cr);
}

char *
gk_ocr_read_cell (GkOcrEngine *engine, int x, int y, int w, int h, const GkOcrCellRect *cr, double *confidence)
{
  GkOcrReading r[3] = { { 0 } };
  if (cr->dash)
    {
      *confidence = GK_OCR_DASH_CONFIDENCE;
      return g_strdup ("—");
    }
  if (cr->one_line)
    read_digits (engine, x, y, w, h, cr, r);
  if (!cr->one_line || !digits_settled (&r[0], &r[1], cr))
    r[2].text = gk_ocr_engine_read (engine, x, y, w, h, GK_OCR_READ_BLOCK, &r[2].confidence);
  return gk_ocr_choose_reading (r, 3, confidence);
}

gboolean
gk_ocr_digits_plausible (const char *text, const GkOcrCellRect *cr)
{
  if (!text || !*text)
    return FALSE;
  double em = MAX (cr->ink_h_pt, GK_OCR_MIN_GLYPH_PT);
  double chars = g_utf8_strlen (text, -1);
  return cr->ink_w_pt <= (chars * GK_OCR_DIGIT_MAX_WIDTH_EM + GK_OCR_DIGIT_SLACK_EM) * em;
}

/* The ink box holds one flat, solid bar, clear of the inset cell's sides (a rule's remnant touches them). */
static gboolean
is_dash (PIX *binary, BOX *ink, int x0, int x1, double pt_per_px)
{
  l_int32 bx, by, bw, bh, count = 0;
  boxGetGeometry (ink, &bx, &by, &bw, &bh);
  double w_pt = bw * pt_per_px, h_pt = bh * pt_per_px;
  if (h_pt > GK_OCR_DASH_MAX_H_PT || w_pt < GK_OCR_DASH_MIN_ASPECT * h_pt || w_pt > GK_OCR_DASH_MAX_W_PT
      || bx <= x0 || bx + bw >= x1)
    return FALSE;
  pixCountPixelsInRect (binary, ink, &count, NULL);
  return count >= GK_OCR_DASH_MIN_FILL * bw * bh;
}

/* The leftmost piece of ink is a flat bar: a minus sign. */
static gboolean
leads_with_bar (PIX *binary, BOX *ink, double pt_per_px)
{
  PIX *crop = pixClipRectangle (binary, ink, NULL);
  BOXA *parts = crop ? pixConnCompBB (crop, 8) : NULL;
  int first = -1;
  l_int32 x, y, w, h, fx = G_MAXINT;
  for (int i = 0; parts && i < boxaGetCount (parts); i++)
    if (boxaGetBoxGeometry (parts, i, &x, &y, &w, &h) == 0 && x < fx)
      fx = x, first = i;
  gboolean bar = FALSE;
  if (first >= 0 && boxaGetBoxGeometry (parts, first, &x, &y, &w, &h) == 0)
    bar = h * pt_per_px <= GK_OCR_DASH_MAX_H_PT && w >= GK_OCR_DASH_MIN_ASPECT * h;
  boxaDestroy (&parts);
  pixDestroy (&crop);
  return bar;
}

gboolean
gk_ocr_cell_rect (const GkOcrImage *img, const GkRect *box, double inset_pt, GkOcrCellRect *out)
{
  double px = 1.0 / img->pt_per_px;  /* pixels per point */
  int inset = (int) ceil (inset_pt * px);
  int pad = (int) ceil (GK_OCR_PAD_PT * px);
  int min_ink = (int) ceil (GK_OCR_MIN_INK_PT2 * px * px);
  int W = pixGetWidth (img->gray), H = pixGetHeight (img->gray);
  int x0 = MAX ((int) floor (box->x0 * px) + inset, 0), y0 = MAX ((int) floor (box->y0 * px) + inset, 0);
  int x1 = MIN ((int) ceil (box->x1 * px) - inset, W), y1 = MIN ((int) ceil (box->y1 * px) - inset, H);
  if (x1 - x0 < 2 || y1 - y0 < 2)
    return FALSE;
  BOX *inner = boxCreate (x0, y0, x1 - x0, y1 - y0);
  BOX *ink = NULL;
  l_int32 count = 0;
  pixCountPixelsInRect (img->binary, inner, &count, NULL);
  if (count >= min_ink)
    pixClipBoxToForeground (img->binary, inner, NULL, &ink);
  boxDestroy (&inner);
  if (!ink)
    return FALSE;
  l_int32 bx, by, bw, bh;
  boxGetGeometry (ink, &bx, &by, &bw, &bh);
  out->dash = is_dash (img->binary, ink, x0, x1, img->pt_per_px);
  out->lead_bar = !out->dash && leads_with_bar (img->binary, ink, img->pt_per_px);
  boxDestroy (&ink);
  /* white margin for tesseract, but never across the cell's own rules */
  out->x = MAX (bx - pad, x0), out->y = MAX (by - pad, y0);
  out->w = MIN (bx + bw + pad, x1) - out->x, out->h = MIN (by + bh + pad, y1) - out->y;
  out->ink_w_pt = bw * img->pt_per_px, out->ink_h_pt = bh * img->pt_per_px;
  out->one_line = out->ink_h_pt <= GK_OCR_ONE_LINE_MAX_PT;
  return TRUE;
}

/* Similarity of two strings, 2·LCS / (|a| + |b|) over characters. */
static double
similarity (const char *a, const char *b)
{
  glong na = 0, nb = 0;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &na);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  if (na == 0 || nb == 0)
    return 0;
  return 2.0 * (double) gk_text_lcs_length (ua, na, ub, nb) / (double) (na + nb);
}

char *
gk_ocr_snap_label (const char *text, const char *const *labels)
{
  if (!labels || g_utf8_strlen (text, -1) < GK_OCR_SNAP_MIN_CHARS || is_number_text (text))
    return NULL;
  /* a label cut by a page break or a lost second line: the start of exactly one label */
  if (g_utf8_strlen (text, -1) >= GK_OCR_SNAP_PREFIX_CHARS)
    {
      const char *only = NULL;
      int n = 0;
      for (int i = 0; labels[i]; i++)
        if (g_str_has_prefix (labels[i], text))
          only = labels[i], n++;
      if (n == 1)
        return strcmp (only, text) != 0 ? g_strdup (only) : NULL;
    }
  double best = 0, second = 0;
  const char *hit = NULL;
  for (int i = 0; labels[i]; i++)
    {
      if (!*labels[i])
        continue;
      double sim = similarity (text, labels[i]);
      if (sim > best)
        second = best, best = sim, hit = labels[i];
      else if (sim > second)
        second = sim;
    }
  if (hit && best >= GK_OCR_SNAP_SIMILARITY && best - second >= GK_OCR_SNAP_MARGIN && strcmp (hit, text) != 0)
    return g_strdup (hit);
  return NULL;
}

typedef struct {
  const GkGridCell *cell;
  GkOcrCellRect cr;
  GkOcrReading r[4];     /* chi_sim digits, eng digits, chi_sim text, chi_sim text of a doubtful number at GK_OCR_DIGITS_DPI */
} CellRead;


/* Two passes, so tesseract's image changes twice per page, not per cell:
 * one-line cells are read as digits on the GK_OCR_DIGITS_DPI image; cells
 * that gave no confident number are then read as text on the text image. */
static gboolean
is_label (const char *text, const char *const *labels)
{
  return labels && g_strv_contains (labels, text);
}

/* A doubtful cell text that is no template label, read again from
 * gk_ocr_image_reread_view: the template label that reading is (or
 * snaps to), with its confidence, or NULL.  The engine is left on
 * img->binary. */
static char *
reread_label (GkOcrEngine *engine, const GkOcrImage *img, const GkOcrCellRect *cr, double *conf)
{
  int dpi = 0;
  PIX *view = gk_ocr_image_reread_view (img, cr->x, cr->y, cr->w, cr->h, &dpi);
  if (!view)
    return NULL;
  gk_ocr_engine_set_image (engine, view, dpi);
  double c = 0;
  g_autofree char *text = gk_ocr_engine_read (engine, 0, 0, pixGetWidth (view), pixGetHeight (view), GK_OCR_READ_BLOCK, &c);
  gk_ocr_engine_set_image (engine, img->binary, img->dpi);
  pixDestroy (&view);
  const char *const *labels = gk_ocr_engine_labels (engine);
  char *label = is_label (text, labels) ? g_strdup (text) : gk_ocr_snap_label (text, labels);
  if (label)
    *conf = c;
  return label;
}

/* The page binarised at GK_OCR_DIGITS_DPI, made only for a page with tables. */
typedef struct {
  PIX *pix;
  double scale;        /* its pixels per pixel of img->binary */
  int dpi;
} DigitsImage;

static void
read_grid_cells (GkOcrEngine *engine, const GkOcrImage *img, const DigitsImage *digits, const GkGrid *grid, GkPage *page)
{
  double px = 1.0 / img->pt_per_px, ds = digits ? digits->scale : 1.0;
  int inset = (int) ceil (GK_OCR_CELL_INSET_PT * px);
  g_autofree CellRead *reads = g_new0 (CellRead, grid->cells->len);
  guint n = 0;
  if (digits)
    gk_ocr_engine_set_image (engine, digits->pix, digits->dpi);
  for (guint i = 0; i < grid->cells->len; i++)
    {
      CellRead *r = &reads[n];
      r->cell = &g_array_index (grid->cells, GkGridCell, i);
      if (!gk_ocr_cell_rect (img, &r->cell->box, GK_OCR_CELL_INSET_PT, &r->cr))
        continue;  /* blank: the grid itself proves the cell */
      if (r->cr.dash)
        {
          r->r[0].text = g_strdup ("—");
          r->r[0].confidence = GK_OCR_DASH_CONFIDENCE;
        }
      else if (r->cr.one_line && digits)
        {
          const GkOcrCellRect *c = &r->cr;
          int x = (int) (c->x * ds), y = (int) (c->y * ds), w = (int) ceil (c->w * ds), h = (int) ceil (c->h * ds);
          read_digits (engine, x, y, w, h, c, r->r);
          /* a number neither digit pass trusts at all — a unit after it
           * (万元, 元) throws the whitelisted line off — is read as text at
           * this resolution too, where chi_sim reads digits and unit best;
           * kept only when it saw a unit */
          if ((is_number_reading (&r->r[0]) || is_number_reading (&r->r[1]))
              && MAX (r->r[0].confidence, r->r[1].confidence) < GK_OCR_AGREE_MIN_CONFIDENCE)
            {
              r->r[3].text = gk_ocr_engine_read (engine, x, y, w, h, GK_OCR_READ_BLOCK, &r->r[3].confidence);
              /* only a unit makes it a new view: the bare digits are what the digit pass read already */
              if (!is_number_reading (&r->r[3]) || !*unit_of (r->r[3].text))
                gk_ocr_reading_clear (&r->r[3]);
            }
        }
      n++;
    }
  gk_ocr_engine_set_image (engine, img->binary, img->dpi);
  for (guint i = 0; i < n; i++)
    {
      CellRead *r = &reads[i];
      if (!r->cr.dash && !digits_settled (&r->r[0], &r->r[1], &r->cr))
        r->r[2].text = gk_ocr_engine_read (engine, r->cr.x, r->cr.y, r->cr.w, r->cr.h, GK_OCR_READ_BLOCK, &r->r[2].confidence);
      double conf = 0;
      g_autofree char *chosen = gk_ocr_choose_reading (r->r, G_N_ELEMENTS (r->r), &conf);
      if (!*chosen)
        continue;
      char *snapped = gk_ocr_snap_label (chosen, gk_ocr_engine_labels (engine));
      if (!snapped && conf < GK_OCR_LABEL_REREAD_BELOW && !is_number_text (chosen)
          && g_utf8_strlen (chosen, -1) >= GK_OCR_SNAP_MIN_CHARS && !is_label (chosen, gk_ocr_engine_labels (engine)))
        snapped = reread_label (engine, img, &r->cr, &conf);
      if (snapped)
        {
          g_free (chosen);
          chosen = snapped;
        }
      const GkRect *b = &r->cell->box;
      /* the inset cell box: the layout puts the word back into this cell, and a re-read finds it */
      GkRect box = gk_ocr_image_to_points (img, (int) floor (b->x0 * px) + inset, (int) floor (b->y0 * px) + inset,
                                           (int) ceil (b->x1 * px) - inset, (int) ceil (b->y1 * px) - inset);
      gk_page_add_word (page, chosen, &box, conf);
    }
}

/* Text outside the tables: tesseract's layout analysis on the page with the tables blanked. */
static void
read_prose (GkOcrEngine *engine, const GkOcrImage *img, const GPtrArray *grids, GkPage *page)
{
  PIX *rest = pixCopy (NULL, img->binary);
  double px = 1.0 / img->pt_per_px;
  for (guint i = 0; i < grids->len; i++)
    {
      const GkGrid *g = grids->pdata[i];
      BOX *b = boxCreate ((int) floor (g->box.x0 * px), (int) floor (g->box.y0 * px),
                          (int) ceil ((g->box.x1 - g->box.x0) * px) + 1, (int) ceil ((g->box.y1 - g->box.y0) * px) + 1);
      pixClearInRect (rest, b);  /* 1 bpp: cleared is white */
      boxDestroy (&b);
    }
  gk_ocr_engine_set_image (engine, rest, img->dpi);
  g_autoptr (GPtrArray) lines = gk_ocr_engine_read_lines (engine, 0, 0, pixGetWidth (rest), pixGetHeight (rest));
  for (guint i = 0; i < lines->len; i++)
    {
      GkOcrLine *l = lines->pdata[i];
      GkRect box = gk_ocr_image_to_points (img, l->x0, l->y0, l->x1, l->y1);
      gk_page_add_word (page, l->text, &box, l->confidence);
    }
  pixDestroy (&rest);
}

GkPage *
gk_ocr_page_read (GkOcrEngine *engine, const GkOcrImage *img, GError **error)
{
  g_autoptr (GkPage) page = gk_page_new (img->page, img->width_pt, img->height_pt, GK_METHOD_OCR);
  gk_layout_rules_from_pix (img->rules, img->pt_per_px, 0, 0, page->rules);
  g_autoptr (GPtrArray) grids = gk_layout_grids_find (page->rules);
  DigitsImage digits = { NULL, 1.0, 0 };
  if (grids->len > 0)
    digits.pix = gk_ocr_image_digits (img, 0, 0, pixGetWidth (img->gray), pixGetHeight (img->gray), &digits.scale,
                                      &digits.dpi);
  for (guint i = 0; i < grids->len; i++)
    read_grid_cells (engine, img, digits.pix ? &digits : NULL, grids->pdata[i], page);
  pixDestroy (&digits.pix);
  read_prose (engine, img, grids, page);
  return g_steal_pointer (&page);
}
