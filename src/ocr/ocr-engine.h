/* ocr-engine.h — tesseract, one instance per thread, reading rectangles.
 *
 *   gk_ocr_prepare_process     OMP_THREAD_LIMIT=1 unless set, before libgomp loads
 *   gk_ocr_engine_get          this thread's engine, created on first use
 *   gk_ocr_engines_release     end every thread's tesseract (at exit; safe to reuse after)
 *   gk_ocr_engine_set_image    the page image the next reads look at
 *   gk_ocr_engine_read         one rectangle → text + confidence (block or digits)
 *   gk_ocr_engine_read_lines   one rectangle → text lines with boxes (prose), doubtful numbers marked
 *   gk_ocr_engine_reads        how many reads of a mode the engine has made (what a page cost)
 *   gk_ocr_line_from_symbols   a line's symbols → its text, doubtful numbers as GK_OCR_UNREAD_MARK
 *   gk_ocr_tessdata_dir        where chi_sim.traineddata is, or GK_ERROR_OCR
 *   gk_ocr_engine_labels       the template labels of models/ocr (NULL-terminated)
 *   gk_ocr_engine_misreadings  models/ocr's known prose misreadings, as gk_ocr_misreadings_parse gives them
 *   gk_ocr_misreadings_parse   "wrong<TAB>right" lines → { wrong, right, wrong, right, ..., NULL }
 *   gk_ocr_fix_misreadings     a prose line with every known misreading put right
 *   gk_ocr_fix_misreadings_across  one split by a line break, put right in both lines
 *
 * Method.  A TessBaseAPI is not thread safe and costs ~100 MB with chi_sim,
 * so each worker thread owns exactly one, made lazily (GPrivate) and kept
 * for the next file that thread reads.  The image is set once per page;
 * each read only moves tesseract's rectangle, so a cell costs a line
 * recognition, not a page layout analysis.  Digit reads switch on a
 * whitelist and single-line segmentation: the LSTM then cannot turn a 0
 * into 〇 or a 1 into 丨.  A second, small eng instance reads digits
 * too: its output layer is ~100 classes against chi_sim's thousands, so
 * a line costs a quarter, and it reads a lone serif "1" that chi_sim
 * makes 工.  Set-up (user words of the template labels,
 * page-segmentation defaults, misreadings of prose words) comes from models/ocr/.  Tesseract's OpenMP
 * would multiply threads under -j N; libgomp reads OMP_THREAD_LIMIT only
 * when it is loaded, which is with tesseract on the first OCRed page
 * (tess-api.h), so gk_ocr_prepare_process sets it at start-up.
 */
#pragma once
#include <glib.h>
#include <leptonica/allheaders.h>
#include "content/content.h"

/* A digit of a prose line read below this confidence (0..1) makes its
 * whole number unread: a stated figure is worth a check, and one wrong
 * digit invents a report's error (a well-read digit scores 0.95–0.99). */
#define GK_OCR_PROSE_DIGIT_CONFIDENCE 0.80
/* A digit whose box lies this much (share of its width) inside the per
 * cent sign after it was read out of that sign's ink: two glyphs side by
 * side at most touch. */
#define GK_OCR_GLYPH_TWICE_OVERLAP 0.3
/* ... and is narrower than this share of the line's median digit box: part of a glyph. */
#define GK_OCR_GLYPH_PART_WIDTH 0.7
/* A digit box this many digits wide (the line's median digit) holds a
 * per cent sign: a digit inside it is the sign read as two digits. */
#define GK_OCR_SIGN_WIDTH 1.5
/* ... or would give the percentage more decimals than reports print. */
#define GK_OCR_PERCENT_DECIMALS 2
/* Such a digit whose box lies this much (share of its width) inside the
 * sign's, right after the digit before it (a gap under GK_OCR_GLYPH_ROOM
 * of that digit's width: no glyph was missed between them), is dropped —
 * the sign's ink read twice, the figure before it read whole. */
#define GK_OCR_GLYPH_INSIDE 0.9
#define GK_OCR_GLYPH_ROOM 0.5
/* In the ink, a glyph is a run of inked columns at least this share as
 * tall as the tallest run of the figure (a decimal point is lower). */
#define GK_OCR_INK_GLYPH_MIN_HEIGHT 0.6
/* What replaces such a number in the line: no figure pattern reads it. */
#define GK_OCR_UNREAD_MARK GK_UNREAD_MARK

typedef struct GkOcrEngine GkOcrEngine;

typedef enum {
  GK_OCR_READ_BLOCK,   /* any text, a uniform block (labels, headings) */
  GK_OCR_READ_DIGITS,  /* one line, 0-9 + - . — only (number cells) */
  GK_OCR_READ_DIGITS_ALT, /* the same with the eng model: cheaper, drops minus signs */
  GK_OCR_READ_LINE,    /* any text, exactly one line (a wrapped label read line by line) */
} GkOcrReadMode;

typedef struct {
  char *text;          /* UTF-8, CJK spacing removed */
  int x0, y0, x1, y1;  /* pixels of the current image */
  double confidence;   /* 0..1 */
} GkOcrLine;

void gk_ocr_line_free (GkOcrLine *line);

typedef struct {
  char *text;          /* UTF-8, one character */
  double confidence;   /* 0..1 */
  int x0, x1;          /* columns of its box */
  gboolean word_start; /* a word begins here */
  int y0, y1;          /* rows of its box */
} GkOcrSymbol;

/* Numbers with a digit below GK_OCR_PROSE_DIGIT_CONFIDENCE, or whose last
 * digit lies GK_OCR_GLYPH_TWICE_OVERLAP inside the per cent sign after it
 * and is narrower than GK_OCR_GLYPH_PART_WIDTH of the line's median digit
 * box or makes more than GK_OCR_PERCENT_DECIMALS decimals (one glyph read
 * twice), come out as GK_OCR_UNREAD_MARK — unless that digit lies wholly
 * inside the sign right after the digit before (GK_OCR_GLYPH_INSIDE,
 * GK_OCR_GLYPH_ROOM): then it alone goes.  A sign read as two digits (a
 * box GK_OCR_SIGN_WIDTH digits wide with a digit inside it, giving too
 * many decimals, nothing numeric after) becomes the sign again.  The
 * LSTM's boxes are loose; ink
 * (the 1 bpp image the boxes are in, or NULL) settles it first: a figure
 * whose ink has exactly as many tall glyphs as its reading has digits and
 * signs read none twice, and stands.  CJK spacing is removed. */
char *gk_ocr_line_from_symbols (const GkOcrSymbol *syms, guint n, PIX *ink);

/* Call first thing in main(), before any thread: OMP_THREAD_LIMIT=1 unless
 * the user set it (one tesseract thread per worker; -j N parallelises). */
void gk_ocr_prepare_process (void);

char *gk_ocr_tessdata_dir (GError **error);
GkOcrEngine *gk_ocr_engine_get (const char *models_dir, GError **error);
void gk_ocr_engines_release (void);
const char *const *gk_ocr_engine_labels (GkOcrEngine *e);
const char *const *gk_ocr_engine_misreadings (GkOcrEngine *e);
/* Lines "wrong<TAB>right"; blank lines and lines starting with # are
 * skipped, and so is a line without a tab or with an empty side. */
GStrv gk_ocr_misreadings_parse (const char *text);
char *gk_ocr_fix_misreadings (const char *line, const char *const *misreadings);
/* A misreading the line break splits — its start ends the line above, its
 * rest begins the one below (贞 / 比) — put right in both; only a
 * misreading as long as its fix (a split needs the same place in both).
 * At most one per break. */
void gk_ocr_fix_misreadings_across (char **above, char **below, const char *const *misreadings);

/* pix is borrowed and must outlive the reads; ppi its resolution. */
void gk_ocr_engine_set_image (GkOcrEngine *e, PIX *pix, int ppi);
/* NULL only for GK_OCR_READ_DIGITS_ALT when eng.traineddata is missing. */
char *gk_ocr_engine_read (GkOcrEngine *e, int x, int y, int w, int h, GkOcrReadMode mode, double *confidence);
/* Reads made in this mode since the engine was made. */
guint gk_ocr_engine_reads (const GkOcrEngine *e, GkOcrReadMode mode);
/* Each line's text by gk_ocr_line_from_symbols. */
GPtrArray *gk_ocr_engine_read_lines (GkOcrEngine *e, int x, int y, int w, int h);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkOcrLine, gk_ocr_line_free)
