/* ocr-engine.c — see ocr-engine.h. */
#include "ocr-engine.h"
#include <stdlib.h>
#include <string.h>
#include "common/gk-error.h"
#include "common/gk-text.h"
#include "tess-api.h"
#include "pdf/pdf-libs.h"  /* last: its macros name the library calls */

/* Debian's tesseract-ocr-chi-sim installs here (tesseract 5). */
#define GK_OCR_TESSDATA_DEFAULT "/usr/share/tesseract-ocr/5/tessdata"
#define GK_OCR_LANGUAGE "chi_sim"
/* Second opinion on digits: chi_sim reads a lone serif "1" as 工 or 】,
 * eng reads it right; eng drops minus signs chi_sim keeps.  Optional. */
#define GK_OCR_DIGITS_LANGUAGE "eng"
/* What a number cell may hold: digits, sign, decimal point, dash placeholders. */
#define GK_OCR_DIGIT_WHITELIST "0123456789+-.—"
/* Set-up files under MODELS/ocr/. */
#define GK_OCR_CONFIG_FILE "gongkai.config"
#define GK_OCR_USER_WORDS_FILE "labels.user-words"
#define GK_OCR_MISREADINGS_FILE "prose.misreadings"

struct GkOcrEngine {
  TessBaseAPI *api;        /* NULL after gk_ocr_engines_release; made again on use */
  GkOcrReadMode mode;      /* variables currently set */
  gboolean mode_set;
  TessBaseAPI *alt;        /* eng digits, made on first GK_OCR_READ_DIGITS_ALT */
  gboolean alt_missing;    /* eng.traineddata absent: no second opinion */
  PIX *pix;                /* current image (borrowed) and its resolution */
  int ppi;
  gboolean alt_stale;      /* alt has not seen pix yet */
  GStrv labels;            /* the user words: template labels */
  GStrv misreadings;       /* wrong, right, ... (gk_ocr_misreadings_parse) */
  guint reads[GK_OCR_READ_LINE + 1];  /* reads made, per GkOcrReadMode */
};

static GMutex registry_lock;
static GPtrArray *registry;  /* GkOcrEngine*, every thread's */

static void
api_end (TessBaseAPI **api)
{
  if (*api)
    {
      TessBaseAPIEnd (*api);
      TessBaseAPIDelete (*api);
      *api = NULL;
    }
}

static void
engine_end (GkOcrEngine *e)
{
  api_end (&e->api);
  api_end (&e->alt);
  g_clear_pointer (&e->labels, g_strfreev);
  g_clear_pointer (&e->misreadings, g_strfreev);
  e->mode_set = FALSE;
  e->pix = NULL;
}

static void
engine_free (gpointer data)
{
  GkOcrEngine *e = data;
  g_mutex_lock (&registry_lock);
  if (registry)
    g_ptr_array_remove_fast (registry, e);
  g_mutex_unlock (&registry_lock);
  engine_end (e);
  g_free (e);
}

/* Freed when its thread exits; gk_ocr_engines_release ends the rest. */
static GPrivate engine_key = G_PRIVATE_INIT (engine_free);

void
gk_ocr_line_free (GkOcrLine *line)
{
  if (!line)
    return;
  g_free (line->text);
  g_free (line);
}

void
gk_ocr_prepare_process (void)
{
  /* Before any thread: setenv races with getenv.  libgomp reads it when
   * tess-api loads tesseract, on the first OCRed page. */
  g_setenv ("OMP_THREAD_LIMIT", "1", FALSE);
}

char *
gk_ocr_tessdata_dir (GError **error)
{
  const char *env = g_getenv ("TESSDATA_PREFIX");
  const char *base = env && *env ? env : GK_OCR_TESSDATA_DEFAULT;
  /* TESSDATA_PREFIX names the tessdata directory itself, or (older
   * convention) its parent. */
  const char *cands[] = { base, NULL };
  g_autofree char *sub = g_build_filename (base, "tessdata", NULL);
  cands[1] = sub;
  for (gsize i = 0; i < G_N_ELEMENTS (cands); i++)
    {
      g_autofree char *f = g_build_filename (cands[i], GK_OCR_LANGUAGE ".traineddata", NULL);
      if (g_file_test (f, G_FILE_TEST_IS_REGULAR))
        return g_strdup (cands[i]);
    }
  g_set_error (error, GK_ERROR, GK_ERROR_OCR,
               "OCR language data %s.traineddata not found in %s (install tesseract-ocr-chi-sim or set TESSDATA_PREFIX)",
               GK_OCR_LANGUAGE, base);
  return NULL;
}

static gboolean
engine_start (GkOcrEngine *e, const char *models_dir, GError **error)
{
  g_autofree char *tessdata = gk_ocr_tessdata_dir (error);
  if (!tessdata)
    return FALSE;
  g_autofree char *config = g_build_filename (models_dir, "ocr", GK_OCR_CONFIG_FILE, NULL);
  g_autofree char *words = g_build_filename (models_dir, "ocr", GK_OCR_USER_WORDS_FILE, NULL);
  if (!g_file_test (config, G_FILE_TEST_IS_REGULAR) || !g_file_test (words, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_OCR, "OCR set-up missing: %s or %s", config, words);
      return FALSE;
    }
  char *configs[] = { config };
  char *vars[] = { "user_words_file" };
  char *values[] = { words };
  TessBaseAPI *api = TessBaseAPICreate ();
  if (TessBaseAPIInit4 (api, tessdata, GK_OCR_LANGUAGE, OEM_LSTM_ONLY, configs, 1, vars, values, 1, FALSE) != 0)
    {
      TessBaseAPIDelete (api);
      g_set_error (error, GK_ERROR, GK_ERROR_OCR, "tesseract could not load %s from %s", GK_OCR_LANGUAGE, tessdata);
      return FALSE;
    }
  g_autofree char *list = NULL;
  if (g_file_get_contents (words, &list, NULL, NULL))
    e->labels = g_strsplit (g_strstrip (list), "\n", -1);
  /* optional: without it, prose is taken as read */
  g_autofree char *fixes_file = g_build_filename (models_dir, "ocr", GK_OCR_MISREADINGS_FILE, NULL);
  g_autofree char *fixes = NULL;
  e->misreadings = gk_ocr_misreadings_parse (g_file_get_contents (fixes_file, &fixes, NULL, NULL) ? fixes : "");
  e->api = api;
  e->mode_set = FALSE;
  return TRUE;
}

GkOcrEngine *
gk_ocr_engine_get (const char *models_dir, GError **error)
{
  GkOcrEngine *e = g_private_get (&engine_key);
  if (!e)
    {
      e = g_new0 (GkOcrEngine, 1);
      g_private_set (&engine_key, e);
      g_mutex_lock (&registry_lock);
      if (!registry)
        registry = g_ptr_array_new ();
      g_ptr_array_add (registry, e);
      g_mutex_unlock (&registry_lock);
    }
  if (!gk_tess_api_load (error))
    return NULL;
  if (!e->api && !engine_start (e, models_dir, error))
    return NULL;
  return e;
}

void
gk_ocr_engines_release (void)
{
  g_mutex_lock (&registry_lock);
  for (guint i = 0; registry && i < registry->len; i++)
    engine_end (registry->pdata[i]);
  g_mutex_unlock (&registry_lock);
}

const char *const *
gk_ocr_engine_labels (GkOcrEngine *e)
{
  return (const char *const *) e->labels;
}

const char *const *
gk_ocr_engine_misreadings (GkOcrEngine *e)
{
  return (const char *const *) e->misreadings;
}

GStrv
gk_ocr_misreadings_parse (const char *text)
{
  g_autoptr (GStrvBuilder) pairs = g_strv_builder_new ();
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (int i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *tab = strchr (line, '\t');
      if (*line == '#' || !tab || tab == line || !tab[1])
        continue;
      *tab = '\0';
      g_strv_builder_add (pairs, g_strstrip (line));
      g_strv_builder_add (pairs, g_strstrip (tab + 1));
    }
  return g_strv_builder_end (pairs);
}

/* One pass from left to right, the first listed misreading at each place:
 * what was put right is never looked at again (replacing one pair after
 * another, a→aa then a→aa…, grows a line without bound). */
char *
gk_ocr_fix_misreadings (const char *line, const char *const *misreadings)
{
  GString *s = g_string_sized_new (strlen (line));
  for (const char *p = line; *p;)
    {
      int hit = -1;
      for (int i = 0; misreadings && misreadings[i] && misreadings[i + 1] && hit < 0; i += 2)
        if (g_str_has_prefix (p, misreadings[i]))
          hit = i;
      if (hit >= 0)
        {
          g_string_append (s, misreadings[hit + 1]);
          p += strlen (misreadings[hit]);
        }
      else
        g_string_append_c (s, *p++);
    }
  return g_string_free (s, FALSE);
}

void
gk_ocr_fix_misreadings_across (char **above, char **below, const char *const *misreadings)
{
  for (int i = 0; misreadings && misreadings[i] && misreadings[i + 1]; i += 2)
    {
      const char *wrong = misreadings[i], *right = misreadings[i + 1];
      glong n = g_utf8_strlen (wrong, -1);
      if (g_utf8_strlen (right, -1) != n)
        continue;   /* a split must fall between the same characters of both */
      for (glong k = 1; k < n; k++)
        {
          gsize wk = (gsize) (g_utf8_offset_to_pointer (wrong, k) - wrong);
          gsize rk = (gsize) (g_utf8_offset_to_pointer (right, k) - right);
          g_autofree char *head = g_strndup (wrong, wk);
          gsize la = strlen (*above);
          if (!g_str_has_suffix (*above, head) || !g_str_has_prefix (*below, wrong + wk))
            continue;
          char *a = g_strdup_printf ("%.*s%.*s", (int) (la - wk), *above, (int) rk, right);
          char *b = g_strconcat (right + rk, *below + strlen (wrong + wk), NULL);
          g_free (*above);
          g_free (*below);
          *above = a, *below = b;
          return;
        }
    }
}

guint
gk_ocr_engine_reads (const GkOcrEngine *e, GkOcrReadMode mode)
{
  return e->reads[mode];
}

void
gk_ocr_engine_set_image (GkOcrEngine *e, PIX *pix, int ppi)
{
  TessBaseAPISetImage2 (e->api, pix);
  TessBaseAPISetSourceResolution (e->api, ppi);
  e->pix = pix;
  e->ppi = ppi;
  e->alt_stale = TRUE;
}

/* The eng instance, made lazily and shown the current image; NULL without eng. */
static TessBaseAPI *
engine_alt (GkOcrEngine *e)
{
  if (!e->alt && !e->alt_missing)
    {
      g_autofree char *tessdata = gk_ocr_tessdata_dir (NULL);
      g_autofree char *f = tessdata ? g_build_filename (tessdata, GK_OCR_DIGITS_LANGUAGE ".traineddata", NULL) : NULL;
      TessBaseAPI *api = f && g_file_test (f, G_FILE_TEST_IS_REGULAR) ? TessBaseAPICreate () : NULL;
      char *vars[] = { "debug_file", "tessedit_do_invert" };
      char *values[] = { "/dev/null", "0" };
      if (api && TessBaseAPIInit4 (api, tessdata, GK_OCR_DIGITS_LANGUAGE, OEM_LSTM_ONLY, NULL, 0, vars, values, 2, FALSE) == 0)
        {
          TessBaseAPISetVariable (api, "tessedit_char_whitelist", GK_OCR_DIGIT_WHITELIST);
          TessBaseAPISetPageSegMode (api, PSM_SINGLE_LINE);
          e->alt = api;
          e->alt_stale = TRUE;
        }
      else
        {
          if (api)
            TessBaseAPIDelete (api);
          e->alt_missing = TRUE;
        }
    }
  if (e->alt && e->alt_stale && e->pix)
    {
      TessBaseAPISetImage2 (e->alt, e->pix);
      TessBaseAPISetSourceResolution (e->alt, e->ppi);
      e->alt_stale = FALSE;
    }
  return e->pix ? e->alt : NULL;
}

static void
engine_mode (GkOcrEngine *e, GkOcrReadMode mode)
{
  if (e->mode_set && e->mode == mode)
    return;
  gboolean digits = mode == GK_OCR_READ_DIGITS;
  TessBaseAPISetVariable (e->api, "tessedit_char_whitelist", digits ? GK_OCR_DIGIT_WHITELIST : "");
  TessBaseAPISetPageSegMode (e->api, digits || mode == GK_OCR_READ_LINE ? PSM_SINGLE_LINE : PSM_SINGLE_BLOCK);
  e->mode = mode;
  e->mode_set = TRUE;
}

/* Tesseract separates CJK characters by spaces; reports do not. */
static char *
clean_text (const char *s)
{
  if (!s)
    return g_strdup ("");
  g_autofree char *sq = gk_text_squeeze (s);
  return g_strdup (g_strstrip (sq));
}

char *
gk_ocr_engine_read (GkOcrEngine *e, int x, int y, int w, int h, GkOcrReadMode mode, double *confidence)
{
  *confidence = 0;
  TessBaseAPI *api = e->api;
  if (mode == GK_OCR_READ_DIGITS_ALT)
    {
      if (!(api = engine_alt (e)))
        return NULL;
    }
  else
    engine_mode (e, mode);
  e->reads[mode]++;
  TessBaseAPISetRectangle (api, x, y, w, h);
  if (TessBaseAPIRecognize (api, NULL) != 0)
    return g_strdup ("");
  /* The weakest word decides: one doubtful digit makes the number doubtful. */
  TessResultIterator *it = TessBaseAPIGetIterator (api);
  GString *text = g_string_new (NULL);
  double min_conf = 100;
  gboolean any = FALSE;
  if (it)
    {
      do
        {
          char *word = TessResultIteratorGetUTF8Text (it, RIL_WORD);
          if (word && *word)
            {
              if (text->len)
                g_string_append_c (text, ' ');
              g_string_append (text, word);
              min_conf = MIN (min_conf, TessResultIteratorConfidence (it, RIL_WORD));
              any = TRUE;
            }
          TessDeleteText (word);
        }
      while (TessResultIteratorNext (it, RIL_WORD));
      TessResultIteratorDelete (it);
    }
  *confidence = any ? CLAMP (min_conf / 100.0, 0.0, 1.0) : 0.0;
  char *out = clean_text (text->str);
  g_string_free (text, TRUE);
  return out;
}

/* A number's run of characters in a prose line being built: where it
 * starts and whether it was doubted. */
typedef struct {
  gssize start;        /* byte offset in the line, -1 outside a number */
  gboolean doubtful;
  guint first;         /* index of its first symbol */
} NumberRun;

static gboolean
is_number_char (const char *sym)
{
  return (g_ascii_isdigit (sym[0]) || sym[0] == '.' || sym[0] == ',') && sym[1] == '\0';
}

/* Columns two symbols' boxes share (negative when apart). */
static int
overlap_px (const GkOcrSymbol *a, const GkOcrSymbol *b)
{
  return MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
}

static gboolean
is_percent_sign (const char *sym)
{
  return strcmp (sym, "%") == 0 || strcmp (sym, "％") == 0;
}

/* Ends the number run: a doubtful one is replaced by GK_OCR_UNREAD_MARK. */
static void
close_run (GString *text, NumberRun *run)
{
  if (run->start >= 0 && run->doubtful)
    {
      g_string_truncate (text, run->start);
      g_string_append (text, GK_OCR_UNREAD_MARK);
    }
  run->start = -1;
  run->doubtful = FALSE;
}

/* Digits after the decimal point of the number run so far (0 without one). */
static int
decimals_in_run (const GString *text, const NumberRun *run)
{
  if (run->start < 0)
    return 0;
  const char *dot = strrchr (text->str + run->start, '.');
  int n = 0;
  for (const char *p = dot ? dot + 1 : ""; *p; p++)
    n += g_ascii_isdigit (*p) != 0;
  return n;
}

/* The tall glyphs of ink between the middle of syms[first] and that of
 * syms[last]: runs of inked columns over the symbols' rows that reach
 * into that span, at least GK_OCR_INK_GLYPH_MIN_HEIGHT as tall as the
 * tallest (a decimal point is not counted). */
static int
ink_glyphs (PIX *ink, const GkOcrSymbol *syms, guint first, guint last)
{
  int x0 = syms[first].x0, x1 = syms[last].x1, y0 = G_MAXINT, y1 = 0;
  int from = (syms[first].x0 + syms[first].x1) / 2, to = (syms[last].x0 + syms[last].x1) / 2;
  for (guint k = first; k <= last; k++)
    y0 = MIN (y0, syms[k].y0), y1 = MAX (y1, syms[k].y1);
  x0 = MAX (x0, 0), y0 = MAX (y0, 0);
  x1 = MIN (x1, (int) pixGetWidth (ink)), y1 = MIN (y1, (int) pixGetHeight (ink));
  int heights[64], n = 0, tallest = 0, top = G_MAXINT, bottom = -1, start = -1;
  for (int x = x0; x <= x1; x++)
    {
      int t = G_MAXINT, b = -1;
      for (int y = y0; x < x1 && y < y1; y++)
        {
          l_uint32 v = 0;
          pixGetPixel (ink, x, y, &v);
          if (v)
            t = MIN (t, y), b = y;
        }
      if (b >= 0)
        {
          start = start < 0 ? x : start;
          top = MIN (top, t), bottom = MAX (bottom, b);
          continue;
        }
      /* a run ended at x: counted when it reaches into [from, to] */
      if (start >= 0 && x > from && start <= to && n < (int) G_N_ELEMENTS (heights))
        {
          heights[n++] = bottom - top + 1;
          tallest = MAX (tallest, bottom - top + 1);
        }
      start = -1, top = G_MAXINT, bottom = -1;
    }
  int glyphs = 0;
  for (int k = 0; k < n; k++)
    glyphs += heights[k] >= GK_OCR_INK_GLYPH_MIN_HEIGHT * tallest;
  return glyphs;
}

/* TRUE when the ink of syms[first..last] (a figure and the sign after
 * it) has one tall glyph per digit and sign read: no glyph read twice. */
static gboolean
ink_confirms (PIX *ink, const GkOcrSymbol *syms, guint first, guint last)
{
  if (!ink || pixGetDepth (ink) != 1)
    return FALSE;
  int tall = 0;
  for (guint k = first; k <= last; k++)
    tall += g_ascii_isdigit (syms[k].text[0]) || is_percent_sign (syms[k].text);
  return ink_glyphs (ink, syms, first, last) == tall;
}

/* The median width of the line's digit boxes (0 without digits): one
 * box is loose (an 8 given the 4's columns too), the median is a digit's. */
static int
typical_digit_width (const GkOcrSymbol *syms, guint n)
{
  int widths[256];
  guint k = 0;
  for (guint i = 0; i < n && k < G_N_ELEMENTS (widths); i++)
    if (g_ascii_isdigit (syms[i].text[0]) && syms[i].x1 > syms[i].x0)
      widths[k++] = syms[i].x1 - syms[i].x0;
  for (guint a = 1; a < k; a++)   /* insertion sort: a line has few digits */
    for (guint b = a; b > 0 && widths[b - 1] > widths[b]; b--)
      {
        int t = widths[b];
        widths[b] = widths[b - 1];
        widths[b - 1] = t;
      }
  return k ? widths[k / 2] : 0;
}

/* The per cent sign read as two digits ("23.77%;" as "23.7796;"): syms[i]
 * lies inside the box of the digit before it, which is as wide as a sign
 * (GK_OCR_SIGN_WIDTH digits), the figure would have more decimals than
 * reports print, and no digit or sign follows. */
static gboolean
percent_sign_read_as_digits (const GString *text, const NumberRun *run, const GkOcrSymbol *syms, guint n, guint i,
                             int digit_width)
{
  const GkOcrSymbol *s = &syms[i], *prev = i > 0 ? &syms[i - 1] : NULL, *next = i + 1 < n ? &syms[i + 1] : NULL;
  return prev && digit_width > 0 && g_ascii_isdigit (s->text[0]) && g_ascii_isdigit (prev->text[0])
         && s->x1 > s->x0 && prev->x1 - prev->x0 >= GK_OCR_SIGN_WIDTH * digit_width
         && overlap_px (prev, s) >= GK_OCR_GLYPH_INSIDE * (s->x1 - s->x0)
         && decimals_in_run (text, run) > GK_OCR_PERCENT_DECIMALS
         && !(next && (is_number_char (next->text) || is_percent_sign (next->text)));
}

char *
gk_ocr_line_from_symbols (const GkOcrSymbol *syms, guint n, PIX *ink)
{
  g_autoptr (GString) text = g_string_new (NULL);
  NumberRun run = { -1, FALSE, 0 };
  int digit_width = typical_digit_width (syms, n);
  for (guint i = 0; i < n; i++)
    {
      const GkOcrSymbol *s = &syms[i], *prev = i > 0 ? &syms[i - 1] : NULL;
      /* a digit read out of the per cent sign's ink: the LSTM took its
       * upper circle for a digit too ("31.16%" as "31.169%"); such a
       * digit overlaps the sign and is narrower than the digit before it
       * (only part of a glyph); side by side, real glyphs at most touch */
      const GkOcrSymbol *before = i > 1 ? &syms[i - 2] : NULL;
      if (prev && before && g_ascii_isdigit (prev->text[0]) && g_ascii_isdigit (before->text[0])
          && is_percent_sign (s->text) && prev->x1 > prev->x0
          && overlap_px (prev, s) >= GK_OCR_GLYPH_TWICE_OVERLAP * (prev->x1 - prev->x0)
          && (prev->x1 - prev->x0 < GK_OCR_GLYPH_PART_WIDTH * digit_width
              || decimals_in_run (text, &run) > GK_OCR_PERCENT_DECIMALS)
          && !(run.start >= 0 && ink_confirms (ink, syms, run.first, i)))
        {
          /* wholly inside the sign, nothing missed before it: the sign's
           * upper circle alone, the figure whole without it */
          if (overlap_px (prev, s) >= GK_OCR_GLYPH_INSIDE * (prev->x1 - prev->x0)
              && s->x0 - before->x1 < GK_OCR_GLYPH_ROOM * (before->x1 - before->x0) && !run.doubtful)
            g_string_truncate (text, text->len - strlen (prev->text));
          else
            run.doubtful = TRUE;
        }
      /* the same after the sign ("占总数的7.18%6;"): a lone digit lying over
       * the sign's own box is its lower circle read again, no figure (a
       * number printed after a sign, "5%2021年", has more digits) */
      const GkOcrSymbol *next = i + 1 < n ? &syms[i + 1] : NULL;
      if (prev && is_percent_sign (prev->text) && g_ascii_isdigit (s->text[0]) && s->x1 > s->x0
          && !(next && is_number_char (next->text))
          && overlap_px (prev, s) >= GK_OCR_GLYPH_TWICE_OVERLAP * (s->x1 - s->x0))
        continue;
      if (percent_sign_read_as_digits (text, &run, syms, n, i, digit_width))
        {
          g_string_truncate (text, text->len - strlen (prev->text));
          close_run (text, &run);
          g_string_append (text, "%");
          continue;
        }
      if (s->word_start && i > 0)
        {
          close_run (text, &run);
          g_string_append_c (text, ' ');
        }
      if (!is_number_char (s->text))
        close_run (text, &run);
      else if (run.start < 0)
        run.start = (gssize) text->len, run.first = i;
      if (g_ascii_isdigit (s->text[0]) && s->confidence < GK_OCR_PROSE_DIGIT_CONFIDENCE)
        run.doubtful = TRUE;
      g_string_append (text, s->text);
    }
  close_run (text, &run);
  return clean_text (text->str);
}

static void
symbols_clear (gpointer data)
{
  g_free (((GkOcrSymbol *) data)->text);
}

/* The line of the symbols gathered, into lines unless empty. */
static void
finish_line (GPtrArray *lines, GkOcrLine *line, GArray *syms, PIX *ink)
{
  line->text = gk_ocr_line_from_symbols ((const GkOcrSymbol *) (void *) syms->data, syms->len, ink);
  g_array_set_size (syms, 0);
  if (*line->text)
    g_ptr_array_add (lines, line);
  else
    gk_ocr_line_free (line);
}

GPtrArray *
gk_ocr_engine_read_lines (GkOcrEngine *e, int x, int y, int w, int h)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_ocr_line_free);
  engine_mode (e, GK_OCR_READ_BLOCK);
  TessBaseAPISetPageSegMode (e->api, PSM_AUTO);
  e->mode_set = FALSE;
  TessBaseAPISetRectangle (e->api, x, y, w, h);
  if (TessBaseAPIRecognize (e->api, NULL) != 0)
    return lines;
  TessResultIterator *it = TessBaseAPIGetIterator (e->api);
  if (!it)
    return lines;
  TessPageIterator *pit = TessResultIteratorGetPageIterator (it);
  g_autoptr (GArray) syms = g_array_new (FALSE, TRUE, sizeof (GkOcrSymbol));
  g_array_set_clear_func (syms, symbols_clear);
  GkOcrLine *line = NULL;
  do
    {
      if (!line || TessPageIteratorIsAtBeginningOf (pit, RIL_TEXTLINE))
        {
          if (line)
            finish_line (lines, line, syms, e->pix);
          line = g_new0 (GkOcrLine, 1);
          TessPageIteratorBoundingBox (pit, RIL_TEXTLINE, &line->x0, &line->y0, &line->x1, &line->y1);
          line->confidence = CLAMP (TessResultIteratorConfidence (it, RIL_TEXTLINE) / 100.0, 0.0, 1.0);
        }
      char *t = TessResultIteratorGetUTF8Text (it, RIL_SYMBOL);
      if (t && *t)
        {
          GkOcrSymbol s = { g_strdup (t), TessResultIteratorConfidence (it, RIL_SYMBOL) / 100.0, 0, 0,
                            TessPageIteratorIsAtBeginningOf (pit, RIL_WORD) };
          TessPageIteratorBoundingBox (pit, RIL_SYMBOL, &s.x0, &s.y0, &s.x1, &s.y1);
          g_array_append_val (syms, s);
        }
      TessDeleteText (t);
    }
  while (TessResultIteratorNext (it, RIL_SYMBOL));
  if (line)
    finish_line (lines, line, syms, e->pix);
  TessResultIteratorDelete (it);
  return lines;
}
