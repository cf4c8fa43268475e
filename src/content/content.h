/* content.h — what every input path hands to the table matcher and the
 * prose reader: reading-order text lines and table rows, each piece of
 * text carrying where it was read (page, box, line, method, confidence).
 *
 *   GkRect                        a box in PDF points, origin top-left
 *   gk_cell_new / gk_cell_free    one table cell as read (raw text + source)
 *   gk_row_new / gk_row_free      one table row: its label text and value cells
 *   gk_line_new / gk_line_free    one line of running text (prose, headings)
 *   gk_content_new / _free        the whole document: media, pages, lines, rows
 *
 * Method.  The text, PDF, OCR and HTML paths differ only in how they find
 * rows and lines; from here on everything is shared.  A row is the
 * smallest unit the template matcher sees: `label` is the text of the
 * row's label cells (possibly empty), `cells` the value cells in column
 * order, blanks included as cells with raw "".  A row with no cells is a
 * heading or header line; the matcher accumulates such labels, so a label
 * wrapped over several lines (text path) arrives whole all the same.
 */
#pragma once
#include <glib.h>

/* What a reader writes in running text where it saw a figure but could not
 * read it (U+FFFD): later stages read such a figure as null. */
#define GK_UNREAD_MARK "\xEF\xBF\xBD"

typedef struct {
  double x0, y0, x1, y1;
} GkRect;

typedef enum {
  GK_METHOD_PDF_TEXT,
  GK_METHOD_OCR,
  GK_METHOD_TEXT,
  GK_METHOD_HTML,
  GK_METHOD_NARRATIVE,
} GkMethod;

const char *gk_method_name (GkMethod method);  /* "pdf-text", "ocr", "text", "html", "narrative" */

typedef enum {
  GK_MEDIA_PDF_TEXT,
  GK_MEDIA_PDF_SCAN,
  GK_MEDIA_PDF_MIXED,
  GK_MEDIA_TEXT,
  GK_MEDIA_HTML,
} GkMedia;

const char *gk_media_name (GkMedia media);     /* "pdf-text", "pdf-scan", … */

/* Where a piece of text was read.  page 0 = unknown (plain text without
 * form feeds); line 0 = unknown (PDF); has_box FALSE = no geometry. */
typedef struct {
  int page;
  int line;
  gboolean has_box;
  GkRect box;
  GkMethod method;
  double confidence;   /* 1.0 for born-digital text, tesseract's 0..1 for OCR */
} GkSource;

typedef struct {
  char *raw;           /* exactly as read, "" for a blank cell */
  GkSource src;
  gboolean grid_cell;  /* TRUE when layout proves this is a real cell (ruled grid, HTML td) */
  gboolean maybe_page_number; /* a text line holding only its page's number, where
                                 the page has more than one: furniture or a cell */
  int text_col;        /* a line's token: the character column it starts at, -1 unknown */
  int text_gap;        /* …and the white space characters before it */
  gboolean spaced_above; /* a text line one blank line below the line before, in
                            a dump that leaves a blank line after each of its
                            lines (a block a line): no block break between */
} GkCell;

GkCell *gk_cell_new (const char *raw, const GkSource *src);
void gk_cell_free (GkCell *cell);

typedef struct {
  char *label;         /* label text of this row, "" when none */
  GkSource label_src;  /* where the label was read */
  GPtrArray *cells;    /* GkCell*, owned; value cells left to right */
} GkRow;

GkRow *gk_row_new (const char *label, const GkSource *label_src);
void gk_row_add_cell (GkRow *row, GkCell *cell);   /* takes ownership */
void gk_row_free (GkRow *row);

typedef struct {
  char *text;          /* one visual line of running text */
  GkSource src;
} GkLine;

GkLine *gk_line_new (const char *text, const GkSource *src);
void gk_line_free (GkLine *line);

typedef struct {
  char *code;          /* e.g. "table_split_across_pages" */
  int page;            /* 0 = not tied to a page */
  char *message;
} GkWarning;

GkWarning *gk_warning_new (const char *code, int page, const char *fmt, ...) G_GNUC_PRINTF (3, 4);
void gk_warning_free (GkWarning *warning);

/* Reads one cell again from its page image with other preprocessing (the OCR
 * path sets it; NULL elsewhere).  TRUE with a new reading in *raw (owned by
 * the caller) and *confidence; FALSE when the cell cannot be read again. */
typedef gboolean (*GkRereadFunc) (gpointer data, const GkSource *src, char **raw, double *confidence);
/* Reads a region of a page again with its paler ink left out (a grey seal
 * stamped over a signature), the ink's levels split in two so many times
 * (1, 2, ...: ever darker ink kept); its text lines (GkLine*), or NULL. */
typedef GPtrArray *(*GkRereadDarkFunc) (gpointer data, int page, const GkRect *region, guint splits);

typedef struct {
  GkMedia media;
  int n_pages;         /* 0 when the input has no pages (plain text without \f) */
  GArray *ocr_pages;   /* int, 1-based page numbers read by OCR */
  GPtrArray *lines;    /* GkLine*: all running text in reading order (prose, headings, table text too) */
  GPtrArray *rows;     /* GkRow*: table rows and heading rows in reading order */
  GPtrArray *warnings; /* GkWarning* raised while reading */
  GkRereadFunc reread; /* NULL unless pages were OCRed */
  GkRereadDarkFunc reread_dark; /* the same */
  gpointer reread_data;  /* both hooks' */
  GDestroyNotify reread_free;
} GkContent;

GkContent *gk_content_new (GkMedia media);
void gk_content_free (GkContent *content);
void gk_content_warn (GkContent *content, const char *code, int page, const char *fmt, ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCell, gk_cell_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkRow, gk_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkLine, gk_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkWarning, gk_warning_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkContent, gk_content_free)
