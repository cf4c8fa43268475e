/* ocr-page.h — a scanned page → GkPage (words with boxes, ruling lines).
 *
 *   gk_ocr_page_read       page image → GkPage (method GK_METHOD_OCR), ready for gk_layout_page
 *   gk_ocr_read_cell       one cell rectangle of the engine's image → text + confidence
 *   gk_ocr_choose_reading  a cell's digit reading and text reading → the one to keep
 *   gk_ocr_cell_rect       where to read inside a cell box: its ink plus a margin, or blank
 *   gk_ocr_snap_label      a misread cell label → the template label it must be, or NULL
 *
 * Method.  Ruling lines are found on the binarised scan by the layout
 * stage's own gk_layout_rules_from_pix and cut into cells by
 * gk_layout_grids_find, exactly as for born-digital PDFs.  Each cell is
 * then read on its own: the ink inside it (rules inset away) is located
 * on the binary image, an empty cell is left empty (the grid proves the
 * blank), a lone flat bar is a dash placeholder by its shape (tesseract
 * has no confidence in a dash), and the rest is read by tesseract.  A
 * one-line cell is read first with the digit whitelist, by the small eng
 * model (a quarter of chi_sim's cost), then by chi_sim if eng was not
 * sure: a confident number whose sign the ink confirms (eng drops minus
 * signs) settles the cell; otherwise the cell is read as text, and if
 * the text turns out to be a number too, the readings are compared —
 * agreement raises confidence, disagreement caps it at
 * GK_OCR_DISAGREE_CONFIDENCE, so the checks can tell a doubtful digit.
 * A label cell read close to one template label (models/ocr's user
 * words) and to no other is taken as that label, the dictionary step
 * tesseract's own user words do not force.  One word per cell goes into the page, with the cell's inset box, so the
 * shared layout puts it back into the same cell.  Text outside the
 * tables (prose, headings, the signature) is read with tesseract's own
 * layout analysis on the page with the tables blanked out, one GkWord
 * per text line.
 */
#pragma once
#include "content/options.h"
#include "ocr/ocr-engine.h"
#include "ocr/ocr-image.h"
#include "page/page.h"

/* Two readings of one number cell that disagree are worth at most this. */
#define GK_OCR_DISAGREE_CONFIDENCE 0.5
/* Two digit readings that agree settle a cell only when one of them is
 * this confident: a unit after the digits (7635.919万元), which the
 * whitelist cannot read, leaves both sure of nothing, and the text pass
 * then reads number and unit. */
#define GK_OCR_AGREE_MIN_CONFIDENCE 0.5
/* A digit-whitelist reading at least this confident is taken as it is. */
#define GK_OCR_DIGITS_ACCEPT 0.90

/* A dash placeholder is told by its shape, not read: tesseract gives a
 * lone "—" no confidence (chi_sim reads nothing, eng 0–0.8), though no
 * glyph but a dash is a flat bar.  Ink at most this high (points; a 10–12
 * pt dash is ~1 pt, digits are ≥ 5 pt) ... */
#define GK_OCR_DASH_MAX_H_PT 2.0
/* ... at least this many times as wide as high (a hyphen is ~3), ... */
#define GK_OCR_DASH_MIN_ASPECT 2.0
/* ... at most this wide (two em dashes; a longer bar is a stray rule), ... */
#define GK_OCR_DASH_MAX_W_PT 26.0
/* ... and this solid (share of its box inked: ".." or "…" are not bars). */
#define GK_OCR_DASH_MIN_FILL 0.6
/* What a reading told by its shape is worth — a dash, a "/", a 0: the
 * shape test, not a guess. */
#define GK_OCR_SHAPE_CONFIDENCE 0.95

/* A slash placeholder ("/") likewise, which the digit passes read as 7 or
 * 1: one stroke of a digit's height, rising to the right by at least this
 * share of its width between its top and bottom quarters ... */
#define GK_OCR_SLASH_MIN_RISE 0.4
/* ... with no row inked across more than this share of its width (7's bar). */
#define GK_OCR_SLASH_MAX_ROW_INK 0.5
/* A "/" or a 0 told by its shape is at least this many points high (a
 * glyph of a 10–12 pt line). */
#define GK_OCR_GLYPH_MIN_H_PT 5.0

/* A lone 0 is told by its shape, not read: half of a table's cells are
 * zeros, and eng reads one unsure (0.6–0.9), so chi_sim read it again.
 * One glyph, its one hole at least this share of its height (6, 9 and 4
 * have lower holes, 8 has two) ... */
#define GK_OCR_RING_MIN_HOLE 0.55
/* ... centred within this share of its height. */
#define GK_OCR_RING_MAX_OFFSET 0.12

/* A serif 5's thin stem, scanned faint, is lost when binarised: its bar
 * floats over a bowl open to the left and both models read 3.  The grey
 * image keeps it: in at least GK_OCR_STEM_MIN_ROWS of the rows from
 * GK_OCR_STEM_TOP to GK_OCR_STEM_BOTTOM of the glyph's height, a pixel
 * darker than GK_OCR_STEM_INK_LEVEL (paper is 255) within its left
 * GK_OCR_STEM_WIDTH.  A 3 has no ink there; its top terminal ends above. */
#define GK_OCR_STEM_TOP 0.25
#define GK_OCR_STEM_BOTTOM 0.42
#define GK_OCR_STEM_WIDTH 0.3
#define GK_OCR_STEM_INK_LEVEL 235
#define GK_OCR_STEM_MIN_ROWS 0.8
/* The stem is a 5's only where binarising lost it: the binary image
 * inks that strip in fewer than this share of the rows.  A 3 of another
 * face (a kai 3's top stroke hooks down the left: 0.6–1 of the rows)
 * keeps its ink there, and both models saw it. */
#define GK_OCR_STEM_MAX_BINARY_ROWS 0.4
/* A stem fainter still is gone from the grey image too (a 200 dpi grey
 * scan: 211–239 on white paper); then the 5's bar floats, blank rows
 * between it and the bowl, where a 3's top curve joins its middle.  The
 * floating bar is at most this share of the glyph's height ... */
#define GK_OCR_FLOAT_BAR_MAX_H 0.3
/* ... and inked across at least this share of its width. */
#define GK_OCR_FLOAT_BAR_MIN_SPAN 0.5

/* eng reads the long-flagged 1 of serif faces as 4 (or 11) and is sure;
 * the glyph's shape confirms a 1 or a 4 instead of a chi_sim pass: a 4
 * has a row inked without a break across this share of its width ... */
#define GK_OCR_BAR_MIN_SPAN 0.75
/* ... between these shares of its height (a 1's flag is higher, its foot lower). */
#define GK_OCR_BAR_TOP 0.55
#define GK_OCR_BAR_BOTTOM 0.8
/* eng reads a 7 as 1 too: a glyph with such a bar above this share of its
 * height is no 1 (a 1's flag is short and slanting). */
#define GK_OCR_TOP_BAR_BOTTOM 0.2

/* Cell borders are kept out of a cell's reading: rules are ≤ 2 pt, plus slack for skew. */
#define GK_OCR_CELL_INSET_PT 2.0

GkPage *gk_ocr_page_read (GkOcrEngine *engine, const GkOcrImage *img, GError **error);

/* At most this many glyphs of a one-line cell are told apart. */
#define GK_OCR_MAX_GLYPHS 16
/* Ink between blank columns at least this share of the ink's height tall
 * is a glyph of its own (a comma, a decimal point or a speck is lower). */
#define GK_OCR_GLYPH_MIN_HEIGHT 0.6
/* ... and blank columns fewer than this share of it are a break inside a glyph. */
#define GK_OCR_GLYPH_MIN_GAP 0.06

typedef struct {
  int x, y, w, h;      /* pixels of img->binary: what to read */
  double ink_w_pt, ink_h_pt; /* size of the ink itself */
  gboolean one_line;   /* the ink is one line high */
  gboolean dash;       /* the ink is one flat bar clear of the cell's edges: a dash placeholder */
  gboolean slash;      /* the ink is one thin stroke rising to the right: a "/" placeholder */
  gboolean ring;       /* the ink is one glyph around one tall, centred hole: the shape of 0 */
  gboolean lead_bar;   /* the ink begins with a flat bar: a minus sign a reading must keep */
  int n_glyphs;        /* of a one-line cell: tall glyphs with blank columns between them (0: not counted) */
  int glyph_x0[GK_OCR_MAX_GLYPHS], glyph_x1[GK_OCR_MAX_GLYPHS];  /* their columns [x0, x1), pixels of img->binary */
  gboolean glyph_stem[GK_OCR_MAX_GLYPHS];  /* the glyph has a 5's stem (GK_OCR_STEM_*) or its floating bar */
  gboolean glyph_bar[GK_OCR_MAX_GLYPHS];   /* ... a 4's crossbar (GK_OCR_BAR_*) */
  gboolean glyph_top_bar[GK_OCR_MAX_GLYPHS];  /* ... a 7's (or 5's) bar on top (GK_OCR_TOP_BAR_BOTTOM) */
} GkOcrCellRect;

typedef struct {
  char *text;          /* NULL when not read */
  double confidence;
} GkOcrReading;

void gk_ocr_reading_clear (GkOcrReading *r);

/* Chooses among n readings of one cell (texts taken: all freed or
 * returned): two numbers that agree win, with the better confidence and
 * the unit if one of them saw it; otherwise the surest number, at most
 * GK_OCR_DISAGREE_CONFIDENCE when another number contradicts it; a text
 * that is not a number (a label) wins when surer than every number. */
char *gk_ocr_choose_reading (GkOcrReading *r, int n, double *confidence);

/* Reads the rectangle (pixels of the engine's current image): cr's
 * rectangle, scaled, with `frame` pixels of white added on every side.
 * cr (the cell's ink, in points) decides whether digit passes run and
 * which digit readings are plausible.  Returns "" when nothing legible is there. */
char *gk_ocr_read_cell (GkOcrEngine *engine, int x, int y, int w, int h, int frame, const GkOcrCellRect *cr,
                        double *confidence);

/* The pixel rectangle to read for a cell box (points): the box inset by
 * inset_pt, cut to the ink inside it, plus a margin kept within the inset
 * box.  FALSE when the cell holds no ink (blank).  one_line: the ink is
 * one line high; dash, slash, ring: it is a placeholder or a 0 (read
 * "—", "/" or "0" without OCR); per glyph, the shapes that confirm or
 * correct a digit reading. */
gboolean gk_ocr_cell_rect (const GkOcrImage *img, const GkRect *box, double inset_pt, GkOcrCellRect *out);

/* FALSE when a digit reading cannot be the ink it came from: the ink is
 * far wider than that many digits (a CJK header read as "7" or "—"). */
gboolean gk_ocr_digits_plausible (const char *text, const GkOcrCellRect *cr);
/* Numbers of at most this many digits are checked against their glyphs. */
#define GK_OCR_GLYPH_CHECK_MAX_DIGITS 2

/* TRUE when a short number reading has one digit fewer than the ink has
 * tall glyphs ("1" for "11"); never for a reading with a unit or no digit. */
gboolean gk_ocr_digits_too_few (const char *text, const GkOcrCellRect *cr);
/* TRUE when a short number reading has one tall character more than the
 * ink has glyphs, none of them as wide as two digits ("111" for "11"). */
gboolean gk_ocr_digits_too_many (const char *text, const GkOcrCellRect *cr);

/* A "3" of a number reading whose glyph has a 5's stem becomes "5" —
 * only when the reading's tall characters pair one to one with cr's glyphs. */
void gk_ocr_fives_from_stems (GkOcrReading *r, const GkOcrCellRect *cr);

/* The label of labels (NULL-terminated) that text is a misreading of, or
 * NULL when none is clearly meant (or text is that label already). */
char *gk_ocr_snap_label (const char *text, const char *const *labels);
