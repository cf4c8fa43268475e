/* ocr-page.c — see ocr-page.h. */
#include "ocr-page.h"
#include "common/gk-text.h"
#include <math.h>
#include <string.h>
#include "common/gk-error.h"
#include "layout/grid.h"
#include "layout/rules.h"
#include "common/gk-number.h"
#include "pdf/pdf-libs.h"  /* last: its macros name the library calls */

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

/* One-line ink wider than this (ems of its height) is read as text first:
 * most such cells are labels (1605 of 1657 in the 38 sample scans), and a
 * label read as text needs no digit pass. */
#define GK_OCR_TEXT_FIRST_EM 4.0
/* ... and that text is a label when it holds at least this many CJK
 * characters (digit lookalikes aside), more than it holds digits. */
#define GK_OCR_LABEL_MIN_HAN 3

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

/* c is one of digit_lookalikes. */
static gboolean
is_lookalike_char (gunichar c)
{
  char buf[8] = { 0 };
  g_unichar_to_utf8 (c, buf);
  return strstr (digit_lookalikes, buf) != NULL;
}

static gboolean
is_digit_lookalike (const char *s)
{
  if (!*s)
    return FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_ascii_isdigit (c) && c != '-' && c != '+' && c != '.' && !is_lookalike_char (c))
        return FALSE;
    }
  return TRUE;
}

/* A text read first from a wide cell that is a label, not a number with
 * its unit ("7635.919万元"): GK_OCR_LABEL_MIN_HAN CJK characters that no
 * digit looks like, and more of them than digits. */
static gboolean
is_label_text (const char *s)
{
  int han = 0, digits = 0;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_ascii_isdigit (c))
        digits++;
      else if (gk_text_is_ideograph (c) && !is_lookalike_char (c))
        han++;
    }
  return han >= GK_OCR_LABEL_MIN_HAN && han > digits;
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

/* Number readings the ink cannot be are dropped before any choice, and
 * so are doubtful ones with one digit fewer or more than the ink has
 * glyphs: a glyph broken by the scan may count twice, so a sure reading
 * is believed. */
static void
drop_implausible (GkOcrReading *r, int n, const GkOcrCellRect *cr)
{
  for (int i = 0; i < n; i++)
    {
      /* a lookalike ("1]1") counts as the digits it will be taken for */
      g_autofree char *digits = r[i].text && !is_number_text (r[i].text) && is_digit_lookalike (r[i].text)
                                    ? lookalike_as_digits (r[i].text) : NULL;
      if (digits && r[i].confidence < GK_OCR_DIGITS_ACCEPT && gk_ocr_digits_too_many (digits, cr))
        gk_ocr_reading_clear (&r[i]);
    }
  for (int i = 0; i < n; i++)
    if (r[i].text && (i < 2 || is_number_text (r[i].text))
        && (!gk_ocr_digits_plausible (r[i].text, cr)
            || (r[i].confidence < GK_OCR_DIGITS_ACCEPT
                && (gk_ocr_digits_too_few (r[i].text, cr) || gk_ocr_digits_too_many (r[i].text, cr)))))
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

/* Every tall glyph of a number is a digit or a sign (a dot, a comma, a
 * minus are low). */
static gboolean
is_tall_char (char c)
{
  return g_ascii_isdigit (c) || c == '%' || c == '+';
}

/* The tall characters of an ASCII number reading, and its digits; FALSE
 * for a reading with CJK (a unit), whose glyphs do not pair with columns. */
static gboolean
count_tall (const char *text, int *tall, int *digits)
{
  *tall = *digits = 0;
  for (const char *p = text; *p; p++)
    {
      if ((guchar) *p >= 0x80)
        return FALSE;
      *digits += g_ascii_isdigit (*p);
      *tall += is_tall_char (*p);
    }
  return TRUE;
}

/* TRUE when the tall characters of a number reading pair one to one with
 * cr's glyphs: the i-th is the i-th glyph, whose shape may be asked. */
static gboolean
pairs_with_glyphs (const char *text, const GkOcrCellRect *cr)
{
  int tall, digits;
  return count_tall (text, &tall, &digits) && tall == cr->n_glyphs;
}

/* TRUE when every 1 and 4 of a reading whose tall characters pair one to
 * one with cr's glyphs has the shape of its digit: a 4 its crossbar, a 1
 * neither that nor a 7's bar on top. */
static gboolean
ones_and_fours_shaped (const char *text, const GkOcrCellRect *cr)
{
  if (!pairs_with_glyphs (text, cr))
    return FALSE;
  int glyph = 0;
  for (const char *p = text; *p; p++)
    if (is_tall_char (*p))
      {
        if ((*p == '4' && !cr->glyph_bar[glyph])
            || (*p == '1' && (cr->glyph_bar[glyph] || cr->glyph_top_bar[glyph])))
          return FALSE;
        glyph++;
      }
  return TRUE;
}

/* eng's sure number is enough alone unless it holds a digit eng confuses
 * (GK_OCR_ENG_DOUBTFUL_DIGITS) that the glyph's shape does not confirm. */
static gboolean
eng_sure (const GkOcrReading *eng, const GkOcrCellRect *cr)
{
  return sure_number (eng, cr)
         && (!strpbrk (eng->text, GK_OCR_ENG_DOUBTFUL_DIGITS) || ones_and_fours_shaped (eng->text, cr));
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

/* What a cell's shape alone shows — a dash, a "/" or a 0 — or NULL. */
static const char *
shape_reading (const GkOcrCellRect *cr)
{
  return cr->dash ? "—" : cr->slash ? "/" : cr->ring ? "0" : NULL;
}

/* One glyph read as one digit: eng, then chi_sim when eng is not sure
 * of exactly one digit.  The digit with its confidence, or 0. */
static char
read_one_digit (GkOcrEngine *engine, int x, int y, int w, int h, double *conf)
{
  char digit = 0;
  *conf = 0;
  for (int pass = 0; pass < 2 && *conf < GK_OCR_DIGITS_ACCEPT; pass++)
    {
      double c = 0;
      g_autofree char *t = gk_ocr_engine_read (engine, x, y, w, h, pass ? GK_OCR_READ_DIGITS : GK_OCR_READ_DIGITS_ALT, &c);
      if (t && g_ascii_isdigit (t[0]) && !t[1] && c > *conf)
        digit = t[0], *conf = c;
    }
  return digit;
}

/* A number whose tall glyphs the digit passes read too few of ("1" for
 * "11"), read glyph by glyph: each between the midpoints of its gaps to
 * its neighbours.  x, w: cr's columns in the current image, unframed. */
static void
read_glyph_by_glyph (GkOcrEngine *engine, int x, int y, int w, int h, const GkOcrCellRect *cr, GkOcrReading *out)
{
  double s = (double) w / cr->w;
  GString *digits = g_string_new (NULL);
  double conf = 1.0;
  for (int i = 0; i < cr->n_glyphs; i++)
    {
      int left = i > 0 ? (cr->glyph_x1[i - 1] + cr->glyph_x0[i]) / 2 : cr->x;
      int right = i + 1 < cr->n_glyphs ? (cr->glyph_x1[i] + cr->glyph_x0[i + 1]) / 2 : cr->x + cr->w;
      int gx = x + (int) floor ((left - cr->x) * s), gw = (int) ceil ((right - left) * s);
      double c = 0;
      char d = read_one_digit (engine, gx, y, gw, h, &c);
      if (!d)
        {
          g_string_free (digits, TRUE);
          return;
        }
      g_string_append_c (digits, d);
      conf = MIN (conf, c);
    }
  out->text = g_string_free (digits, FALSE);
  out->confidence = conf;
}

/* The digit passes into r[0] (chi_sim) and r[1] (eng).  eng first: its
 * model is small (a line costs a quarter of chi_sim's) and it reads
 * digits as well, a lone serif "1" better; chi_sim reads the cell too
 * when eng is not sure of a number — unless eng found none in ink wider
 * than a glyph, a label to chi_sim's digit pass too — or eng is missing.
 * When both miss glyphs the ink shows, the glyphs are read one by one
 * into r[0]. */
static void
read_digits (GkOcrEngine *engine, int x, int y, int w, int h, int frame, const GkOcrCellRect *cr, GkOcrReading *r)
{
  r[1].text = gk_ocr_engine_read (engine, x, y, w, h, GK_OCR_READ_DIGITS_ALT, &r[1].confidence);
  gboolean no_eng = r[1].text == NULL;
  gboolean eng_number = is_number_reading (&r[1]);
  drop_implausible (r, 2, cr);
  if (eng_sure (&r[1], cr) || !(no_eng || eng_number || lone_glyph (cr)))
    return;
  r[0].text = gk_ocr_engine_read (engine, x, y, w, h, GK_OCR_READ_DIGITS, &r[0].confidence);
  gboolean chi_number = is_number_reading (&r[0]);
  drop_implausible (r, 2, cr);
  if (cr->n_glyphs > 1 && (eng_number || chi_number) && !r[0].text && !r[1].text)
    read_glyph_by_glyph (engine, x + frame, y, w - 2 * frame, h, cr, &r[0]);
}

char *
gk_ocr_read_cell (GkOcrEngine *engine, int x, int y, int w, int h, int frame, const GkOcrCellRect *cr,
                  double *confidence)
{
  GkOcrReading r[3] = { { 0 } };
  if (shape_reading (cr))
    {
      *confidence = GK_OCR_SHAPE_CONFIDENCE;
      return g_strdup (shape_reading (cr));
    }
  if (cr->one_line)
    read_digits (engine, x, y, w, h, frame, cr, r);
  if (!cr->one_line || !digits_settled (&r[0], &r[1], cr))
    {
      r[2].text = gk_ocr_engine_read (engine, x, y, w, h, GK_OCR_READ_BLOCK, &r[2].confidence);
      drop_implausible (r, 3, cr);
    }
  for (int k = 0; k < 3; k++)
    gk_ocr_fives_from_stems (&r[k], cr);
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

gboolean
gk_ocr_digits_too_few (const char *text, const GkOcrCellRect *cr)
{
  /* only a short number missing one glyph: the unit of a longer one (万元)
   * stands in more columns than it has glyphs, and a reading without
   * digits (a dash) is no number */
  int tall, digits;
  return count_tall (text, &tall, &digits) && digits > 0 && digits <= GK_OCR_GLYPH_CHECK_MAX_DIGITS
         && cr->n_glyphs == tall + 1;
}

gboolean
gk_ocr_digits_too_many (const char *text, const GkOcrCellRect *cr)
{
  int tall, digits, n = cr->n_glyphs;
  if (!count_tall (text, &tall, &digits) || digits == 0 || n < 1 || n > GK_OCR_GLYPH_CHECK_MAX_DIGITS
      || tall != n + 1)
    return FALSE;
  /* a glyph as wide as two digits may be two that touch: then the ink
   * holds more digits than glyphs */
  double px_per_pt = (cr->glyph_x1[n - 1] - cr->glyph_x0[0]) / MAX (cr->ink_w_pt, 1e-6);
  double em_px = MAX (cr->ink_h_pt, GK_OCR_MIN_GLYPH_PT) * px_per_pt;
  for (int i = 0; i < n; i++)
    if (cr->glyph_x1[i] - cr->glyph_x0[i] > GK_OCR_DIGIT_MAX_WIDTH_EM * em_px)
      return FALSE;
  return TRUE;
}

void
gk_ocr_fives_from_stems (GkOcrReading *r, const GkOcrCellRect *cr)
{
  if (!r->text || !strchr (r->text, '3') || !pairs_with_glyphs (r->text, cr))
    return;
  int glyph = 0;
  for (char *p = r->text; *p; p++)
    if (is_tall_char (*p))
      {
        if (*p == '3' && cr->glyph_stem[glyph])
          *p = '5';
        glyph++;
      }
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

/* The ink (cropped to its box) is one connected glyph of a digit's
 * height, narrower than tall: what a "/" or a 0 must be before its shape
 * is looked at. */
static gboolean
is_one_glyph (PIX *ink, double pt_per_px)
{
  int w = pixGetWidth (ink), h = pixGetHeight (ink);
  l_int32 parts = 0;
  return h * pt_per_px >= GK_OCR_GLYPH_MIN_H_PT && h * pt_per_px <= GK_OCR_ONE_LINE_MAX_PT && w < h && w >= 2
         && pixCountConnComp (ink, 8, &parts) == 0 && parts == 1;
}

/* The ink is one thin stroke of a glyph's height rising to the right,
 * with no bar across it: a "/" (a 7 has its bar, a 1 stands upright). */
static gboolean
is_slash (PIX *ink, double pt_per_px)
{
  if (!is_one_glyph (ink, pt_per_px))
    return FALSE;
  int w = pixGetWidth (ink), h = pixGetHeight (ink);
  /* the mean inked column of the top and bottom quarters, and the widest row */
  double sum[2] = { 0, 0 }, count[2] = { 0, 0 };
  int widest = 0, quarter = MAX (1, h / 4);
  for (int y = 0; y < h; y++)
    {
      int first = -1, last = -1;
      for (int x = 0; x < w; x++)
        {
          l_uint32 v = 0;
          pixGetPixel (ink, x, y, &v);
          if (!v)
            continue;
          if (first < 0)
            first = x;
          last = x;
          int q = y < quarter ? 0 : y >= h - quarter ? 1 : -1;
          if (q >= 0)
            sum[q] += x, count[q]++;
        }
      if (first >= 0)
        widest = MAX (widest, last - first + 1);
    }
  if (count[0] == 0 || count[1] == 0)
    return FALSE;
  double rise = sum[0] / count[0] - sum[1] / count[1];
  return rise >= GK_OCR_SLASH_MIN_RISE * w && widest <= GK_OCR_SLASH_MAX_ROW_INK * w;
}

/* The ink is one glyph of a digit's height around one tall, centred
 * hole: the shape of 0 (GK_OCR_RING_MIN_HOLE). */
static gboolean
is_ring (PIX *ink, double pt_per_px)
{
  if (!is_one_glyph (ink, pt_per_px))
    return FALSE;
  int h = pixGetHeight (ink);
  PIX *holes = pixHolesByFilling (ink, 4);
  BOXA *boxes = holes ? pixConnCompBB (holes, 4) : NULL;
  gboolean ring = FALSE;
  l_int32 hx, hy, hw, hh;
  if (boxes && boxaGetCount (boxes) == 1 && boxaGetBoxGeometry (boxes, 0, &hx, &hy, &hw, &hh) == 0)
    ring = hh >= GK_OCR_RING_MIN_HOLE * h && fabs (hy + hh / 2.0 - h / 2.0) <= GK_OCR_RING_MAX_OFFSET * h;
  boxaDestroy (&boxes);
  pixDestroy (&holes);
  return ring;
}

/* The leftmost piece of the ink is a flat bar: a minus sign. */
static gboolean
leads_with_bar (PIX *ink, double pt_per_px)
{
  BOXA *parts = pixConnCompBB (ink, 8);
  int first = -1;
  l_int32 x, y, w, h, fx = G_MAXINT;
  for (int i = 0; parts && i < boxaGetCount (parts); i++)
    if (boxaGetBoxGeometry (parts, i, &x, &y, &w, &h) == 0 && x < fx)
      fx = x, first = i;
  gboolean bar = FALSE;
  if (first >= 0 && boxaGetBoxGeometry (parts, first, &x, &y, &w, &h) == 0)
    bar = h * pt_per_px <= GK_OCR_DASH_MAX_H_PT && w >= GK_OCR_DASH_MIN_ASPECT * h;
  boxaDestroy (&parts);
  return bar;
}

/* The share of the rows from GK_OCR_STEM_TOP to GK_OCR_STEM_BOTTOM of a
 * glyph (x, y, w, h: its box in pix) with ink in its left
 * GK_OCR_STEM_WIDTH, where a 5 has its stem and a 3 is open: a pixel
 * darker than GK_OCR_STEM_INK_LEVEL in a grey pix, any set pixel in a
 * binary one. */
static double
left_stem_rows (PIX *pix, int x, int y, int w, int h)
{
  gboolean binary = pixGetDepth (pix) == 1;
  int top = y + (int) (GK_OCR_STEM_TOP * h), bottom = y + (int) (GK_OCR_STEM_BOTTOM * h);
  int right = MIN (x + MAX (1, (int) lround (GK_OCR_STEM_WIDTH * w)), pixGetWidth (pix));
  int rows = 0, inked = 0;
  for (int yy = top; yy <= bottom && yy < pixGetHeight (pix); yy++, rows++)
    for (int xx = x; xx < right; xx++)
      {
        l_uint32 v = binary ? 0 : 255;
        pixGetPixel (pix, xx, yy, &v);
        if (binary ? v != 0 : v < GK_OCR_STEM_INK_LEVEL)
          {
            inked++;
            break;
          }
      }
  return rows > 0 ? (double) inked / rows : 0;
}

/* TRUE when the grey image shows ink down the left side of a glyph's
 * upper half that binarising lost (at gx, gy in gray, ix, iy in the
 * cropped ink; w, h its size): a 5's faint stem.  Ink the binary image
 * kept there is the glyph's own stroke, a 3 of another face. */
static gboolean
has_left_stem (PIX *gray, int gx, int gy, PIX *ink, int ix, int iy, int w, int h)
{
  return left_stem_rows (gray, gx, gy, w, h) >= GK_OCR_STEM_MIN_ROWS
         && left_stem_rows (ink, ix, iy, w, h) < GK_OCR_STEM_MAX_BINARY_ROWS;
}

/* TRUE when the glyph (at x, y, w, h of the cropped ink) begins with a
 * flat band of ink, at most GK_OCR_FLOAT_BAR_MAX_H of its height and
 * across GK_OCR_FLOAT_BAR_MIN_SPAN of its width, with blank rows under
 * it: the bar of a 5 whose stem the scan lost altogether (a 3's top is
 * joined to the rest). */
static gboolean
has_floating_bar (PIX *ink, int x, int y, int w, int h)
{
  int band = 0, widest = 0;
  for (int yy = y; yy < y + h && yy < pixGetHeight (ink); yy++)
    {
      int first = -1, last = -1;
      for (int xx = x; xx < x + w; xx++)
        {
          l_uint32 v = 0;
          pixGetPixel (ink, xx, yy, &v);
          if (v)
            last = xx, first = first < 0 ? xx : first;
        }
      if (first < 0)
        return band > 0 && band <= GK_OCR_FLOAT_BAR_MAX_H * h && widest >= GK_OCR_FLOAT_BAR_MIN_SPAN * w;
      band++;
      widest = MAX (widest, last - first + 1);
    }
  return FALSE;
}

/* TRUE when a row of the glyph between shares `from` and `to` of its
 * height (ink cropped, glyph at x, y, w, h of it) has one unbroken run of
 * ink across GK_OCR_BAR_MIN_SPAN of its width: a bar (a 0's two sides are
 * two runs). */
static gboolean
has_bar (PIX *ink, int x, int y, int w, int h, double from, double to)
{
  int top = y + (int) (from * h), bottom = y + (int) (to * h);
  for (int yy = top; yy <= bottom && yy < pixGetHeight (ink); yy++)
    {
      int run = 0, longest = 0;
      for (int xx = x; xx < x + w; xx++)
        {
          l_uint32 v = 0;
          pixGetPixel (ink, xx, yy, &v);
          run = v ? run + 1 : 0;
          longest = MAX (longest, run);
        }
      if (longest >= GK_OCR_BAR_MIN_SPAN * w)
        return TRUE;
    }
  return FALSE;
}

/* The tall glyphs of the ink (cropped to its box, which starts at
 * (bx, by) of the page): runs of columns with ink whose own ink is at
 * least GK_OCR_GLYPH_MIN_HEIGHT of the box's height, and whether each has
 * a 5's stem in gray.  Left uncounted (0) when there are more than
 * GK_OCR_MAX_GLYPHS. */
static void
count_glyphs (PIX *ink, PIX *gray, int bx, int by, GkOcrCellRect *out)
{
  int bh = pixGetHeight (ink);
  NUMA *cols = pixCountPixelsByColumn (ink);
  int n = cols ? numaGetCount (cols) : 0, glyphs = 0;
  l_float32 v = 0;
  for (int x = 0; x < n; x++)
    {
      numaGetFValue (cols, x, &v);
      if (v <= 0)
        continue;
      /* a gap narrower than GK_OCR_GLYPH_MIN_GAP of the height is a break inside a glyph */
      int x1 = x, min_gap = MAX (2, (int) lround (GK_OCR_GLYPH_MIN_GAP * bh));
      for (int blank = 0; x1 < n && blank < min_gap; x1++)
        {
          numaGetFValue (cols, x1, &v);
          blank = v > 0 ? 0 : blank + 1;
        }
      while (x1 > x && (numaGetFValue (cols, x1 - 1, &v), v <= 0))
        x1--;
      BOX *run = boxCreate (x, 0, x1 - x, bh), *part = NULL;
      pixClipBoxToForeground (ink, run, NULL, &part);
      l_int32 px, py, pw, ph = 0;
      if (part)
        boxGetGeometry (part, &px, &py, &pw, &ph);
      boxDestroy (&run);
      boxDestroy (&part);
      if (ph >= GK_OCR_GLYPH_MIN_HEIGHT * bh)
        {
          if (glyphs == GK_OCR_MAX_GLYPHS)
            {
              glyphs = 0;
              break;
            }
          out->glyph_x0[glyphs] = bx + x, out->glyph_x1[glyphs] = bx + x1;
          out->glyph_stem[glyphs] = has_left_stem (gray, bx + px, by + py, ink, px, py, pw, ph)
                                    || has_floating_bar (ink, px, py, pw, ph);
          out->glyph_bar[glyphs] = has_bar (ink, px, py, pw, ph, GK_OCR_BAR_TOP, GK_OCR_BAR_BOTTOM);
          out->glyph_top_bar[glyphs] = has_bar (ink, px, py, pw, ph, 0.0, GK_OCR_TOP_BAR_BOTTOM);
          glyphs++;
        }
      x = x1;
    }
  out->n_glyphs = glyphs;
  numaDestroy (&cols);
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
  /* the shape tests below look at the ink alone: one crop for all */
  PIX *crop = out->dash ? NULL : pixClipRectangle (img->binary, ink, NULL);
  boxDestroy (&ink);
  out->slash = crop && is_slash (crop, img->pt_per_px);
  out->ring = crop && !out->slash && is_ring (crop, img->pt_per_px);
  out->lead_bar = crop && !out->slash && leads_with_bar (crop, img->pt_per_px);
  /* white margin for tesseract, but never across the cell's own rules */
  out->x = MAX (bx - pad, x0), out->y = MAX (by - pad, y0);
  out->w = MIN (bx + bw + pad, x1) - out->x, out->h = MIN (by + bh + pad, y1) - out->y;
  out->ink_w_pt = bw * img->pt_per_px, out->ink_h_pt = bh * img->pt_per_px;
  out->one_line = out->ink_h_pt <= GK_OCR_ONE_LINE_MAX_PT;
  out->n_glyphs = 0;
  if (crop && out->one_line && !out->slash)
    count_glyphs (crop, img->gray, bx, by, out);
  pixDestroy (&crop);
  return TRUE;
}

/* Similarity of two strings, 2·LCS / (|a| + |b|) over the characters of
 * their label keys: OCR gives ASCII brackets where labels have （）. */
static double
similarity (const char *a, const char *b)
{
  glong na = 0, nb = 0;
  g_autofree char *ka = gk_text_label_key (a), *kb = gk_text_label_key (b);
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (ka, -1, &na);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (kb, -1, &nb);
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
  char *chosen;          /* the reading chosen, NULL when nothing legible */
  double conf;
} CellRead;

static gboolean
is_label (const char *text, const char *const *labels)
{
  return labels && g_strv_contains (labels, text);
}

/* The template label a reading is (or snaps to), or NULL. */
static char *
label_of (const char *text, const char *const *labels)
{
  return is_label (text, labels) ? g_strdup (text) : gk_ocr_snap_label (text, labels);
}

/* A cell of several lines read line by line: tesseract's block mode takes
 * the widely spaced glyphs of a wrapped label for columns (1.属于国家秘 /
 * 密 came out 家于必).  The lines' texts joined, the weakest line's
 * confidence in *conf; NULL for a cell of one line. */
static char *
read_by_lines (GkOcrEngine *engine, const GkOcrImage *img, const GkOcrCellRect *cr, double *conf)
{
  BOXA *lines = gk_ocr_image_text_lines (img, cr->x, cr->y, cr->w, cr->h);
  int n = boxaGetCount (lines);
  GString *text = NULL;
  if (n > 1)
    {
      text = g_string_new (NULL);
      *conf = 1.0;
      int pad = (int) ceil (GK_OCR_PAD_PT / img->pt_per_px);
      for (int i = 0; i < n; i++)
        {
          l_int32 x, y, w, h;
          boxaGetBoxGeometry (lines, i, &x, &y, &w, &h);
          int y0 = MAX (y - pad, cr->y), y1 = MIN (y + h + pad, cr->y + cr->h);
          double c = 0;
          g_autofree char *line = gk_ocr_engine_read (engine, x, y0, w, y1 - y0, GK_OCR_READ_LINE, &c);
          g_string_append (text, line);
          *conf = MIN (*conf, c);
        }
    }
  boxaDestroy (&lines);
  return text ? g_string_free (text, FALSE) : NULL;
}

/* A cell text that is no template label, read again: line by line when
 * it has several, then from gk_ocr_image_reread_view.  The template label
 * a reading is (or snaps to), with its confidence, or NULL.  The engine
 * is left on img->binary. */
static char *
reread_label (GkOcrEngine *engine, const GkOcrImage *img, const GkOcrCellRect *cr, double *conf)
{
  const char *const *labels = gk_ocr_engine_labels (engine);
  double c = 0;
  g_autofree char *by_lines = read_by_lines (engine, img, cr, &c);
  char *label = by_lines ? label_of (by_lines, labels) : NULL;
  if (label)
    {
      *conf = c;
      return label;
    }
  /* then two other views of the ink: scaled up and sharpened, and the
   * grey itself, which tesseract binarises its own way (thin strokes
   * our binarising broke: 规章 read 规党) */
  for (int view_kind = 0; view_kind < 2 && !label; view_kind++)
    {
      int dpi = img->dpi;
      PIX *view = view_kind == 0 ? gk_ocr_image_reread_view (img, cr->x, cr->y, cr->w, cr->h, &dpi)
                                 : gk_ocr_image_gray_view (img, cr->x, cr->y, cr->w, cr->h);
      if (!view)
        continue;
      gk_ocr_engine_set_image (engine, view, dpi);
      g_autofree char *text = gk_ocr_engine_read (engine, 0, 0, pixGetWidth (view), pixGetHeight (view), GK_OCR_READ_BLOCK, &c);
      pixDestroy (&view);
      label = label_of (text, labels);
    }
  gk_ocr_engine_set_image (engine, img->binary, img->dpi);
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

/* One-line ink wider than GK_OCR_TEXT_FIRST_EM: likelier a label than a number. */
static gboolean
wide_ink (const GkOcrCellRect *cr)
{
  return cr->ink_w_pt > GK_OCR_TEXT_FIRST_EM * MAX (cr->ink_h_pt, GK_OCR_MIN_GLYPH_PT);
}

/* The image changes three times per grid, not per cell: on the text
 * image, wide one-line cells are read as text, and those that read as a
 * label are done with; one-line cells are read as digits on the
 * GK_OCR_DIGITS_DPI image; then, on the text image, cells that gave no
 * confident number are read as text and a reading is chosen for every
 * cell; last, a row's label that is no template label is read again (only
 * now is it known which cells are labels: those left of the row's numbers). */
static void
read_grid_cells (GkOcrEngine *engine, const GkOcrImage *img, const DigitsImage *digits, const GkGrid *grid, GkPage *page)
{
  double px = 1.0 / img->pt_per_px, ds = digits ? digits->scale : 1.0;
  int inset = (int) ceil (GK_OCR_CELL_INSET_PT * px);
  g_autofree CellRead *reads = g_new0 (CellRead, grid->cells->len);
  guint n = 0;
  gk_ocr_engine_set_image (engine, img->binary, img->dpi);
  for (guint i = 0; i < grid->cells->len; i++)
    {
      CellRead *r = &reads[n];
      r->cell = &g_array_index (grid->cells, GkGridCell, i);
      if (!gk_ocr_cell_rect (img, &r->cell->box, GK_OCR_CELL_INSET_PT, &r->cr))
        continue;  /* blank: the grid itself proves the cell */
      if (shape_reading (&r->cr))
        {
          r->r[0].text = g_strdup (shape_reading (&r->cr));
          r->r[0].confidence = GK_OCR_SHAPE_CONFIDENCE;
        }
      else if (r->cr.one_line && digits && wide_ink (&r->cr))
        {
          r->r[2].text = gk_ocr_engine_read (engine, r->cr.x, r->cr.y, r->cr.w, r->cr.h, GK_OCR_READ_BLOCK, &r->r[2].confidence);
          /* a wide number keeps to the digit passes and their order, as any number */
          if (!is_label_text (r->r[2].text))
            gk_ocr_reading_clear (&r->r[2]);
        }
      n++;
    }
  if (digits)
    gk_ocr_engine_set_image (engine, digits->pix, digits->dpi);
  for (guint i = 0; i < n && digits; i++)
    {
      CellRead *r = &reads[i];
      if (!shape_reading (&r->cr) && r->cr.one_line && !r->r[2].text)
        {
          const GkOcrCellRect *c = &r->cr;
          int x = (int) (c->x * ds), y = (int) (c->y * ds), w = (int) ceil (c->w * ds), h = (int) ceil (c->h * ds);
          read_digits (engine, x, y, w, h, 0, c, r->r);
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
    }
  gk_ocr_engine_set_image (engine, img->binary, img->dpi);
  /* per grid row, the leftmost column holding a number: cells left of it are the row's label */
  g_autofree int *first_number = g_new (int, grid->n_rows);
  for (int row = 0; row < grid->n_rows; row++)
    first_number[row] = G_MAXINT;
  for (guint i = 0; i < n; i++)
    {
      CellRead *r = &reads[i];
      if (!shape_reading (&r->cr) && !r->r[2].text && !digits_settled (&r->r[0], &r->r[1], &r->cr))
        {
          r->r[2].text = gk_ocr_engine_read (engine, r->cr.x, r->cr.y, r->cr.w, r->cr.h, GK_OCR_READ_BLOCK, &r->r[2].confidence);
          if (r->cr.one_line)
            drop_implausible (r->r, G_N_ELEMENTS (r->r), &r->cr);
        }
      for (guint k = 0; k < G_N_ELEMENTS (r->r); k++)
        gk_ocr_fives_from_stems (&r->r[k], &r->cr);
      r->chosen = gk_ocr_choose_reading (r->r, G_N_ELEMENTS (r->r), &r->conf);
      if (!*r->chosen)
        g_clear_pointer (&r->chosen, g_free);
      else if (is_number_text (r->chosen) || shape_reading (&r->cr))
        for (int row = r->cell->row; row < r->cell->row + r->cell->row_span && row < grid->n_rows; row++)
          first_number[row] = MIN (first_number[row], r->cell->col);
    }
  /* the grid's first number column: ink right of it that no pass could
   * read is a figure unread, not a blank (which would count as 0) */
  int value_col = G_MAXINT;
  for (int row = 0; row < grid->n_rows; row++)
    value_col = MIN (value_col, first_number[row]);
  for (guint i = 0; i < n; i++)
    {
      CellRead *r = &reads[i];
      if (!r->chosen && r->cell->col >= value_col)
        {
          r->chosen = g_strdup (GK_UNREAD_MARK);
          r->conf = 0;
        }
      if (!r->chosen)
        continue;
      g_autofree char *chosen = g_steal_pointer (&r->chosen);
      double conf = r->conf;
      gboolean row_label = FALSE;
      for (int row = r->cell->row; row < r->cell->row + r->cell->row_span && row < grid->n_rows; row++)
        row_label |= first_number[row] > r->cell->col && first_number[row] != G_MAXINT;
      char *snapped = gk_ocr_snap_label (chosen, gk_ocr_engine_labels (engine));
      /* a row's label that reads as no template label is read again — a
       * wrapped one however sure tesseract was: its block mode can misread
       * wrapped text wholesale; a short one too when unsure (规章 read 规党
       * lost its row), though only an exact label is taken from it.
       * Headers are not: no value hangs on them. */
      if (!snapped && row_label && !is_number_text (chosen) && !is_label (chosen, gk_ocr_engine_labels (engine))
          && (!r->cr.one_line || conf < GK_OCR_LABEL_REREAD_BELOW))
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
  const char *const *misreadings = gk_ocr_engine_misreadings (engine);
  for (guint i = 0; i < lines->len; i++)
    {
      GkOcrLine *l = lines->pdata[i];
      char *fixed = gk_ocr_fix_misreadings (l->text, misreadings);
      g_free (l->text);
      l->text = fixed;
      if (i > 0)
        gk_ocr_fix_misreadings_across (&((GkOcrLine *) lines->pdata[i - 1])->text, &l->text, misreadings);
    }
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
