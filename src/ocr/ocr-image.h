/* ocr-image.h — a scanned page as images fit for OCR and for finding rules.
 *
 *   gk_ocr_image_from_page   a poppler page → cleaned images (embedded scan or 300 dpi render)
 *   gk_ocr_page_picture      a poppler page → its embedded scan, or its 300 dpi render (not cleaned)
 *   gk_ocr_image_from_pix    a colour/grey PIX of a page of known size → cleaned images
 *   gk_ocr_image_digits      a region of the page binarised at GK_OCR_DIGITS_DPI (number cells)
 *   gk_ocr_image_reread_view a region seen anew: scaled up, sharpened, Otsu-binarised, framed white
 *   gk_ocr_image_gray_view   a region of the grey image, framed white
 *   gk_ocr_image_dark_ink_view a region's darkest ink alone (a grey seal's paler ink gone)
 *   gk_ocr_image_text_lines  the text lines of a region of the binary image, top to bottom
 *   gk_ocr_image_free
 *   gk_ocr_image_to_points   a pixel box → GkRect in PDF points
 *   gk_ocr_pix_from_cairo    an ARGB32/RGB24 cairo image surface → 32 bpp PIX
 *   gk_ocr_render_page       a poppler page rendered at a resolution → 32 bpp PIX
 *   gk_ocr_images_made       pages cleaned so far in this process (what reading cost)
 *   gk_ocr_page_has_ink      a coarse rendering of the page shows ink (else no OCR is worth it)
 *
 * Method.  A scanned page is usually one JPEG: we take it at its own
 * resolution (poppler's image mapping), so nothing is resampled twice;
 * any other page is rendered at GK_OCR_RENDER_DPI.  Clean-up, in order:
 * (1) the red seal goes by colour — grey is taken from the red channel,
 * where red ink is nearly white, and pixels clearly redder than they are
 * green or blue are set white outright (its anti-aliased rim included);
 * (2) the image is scaled to GK_OCR_TEXT_DPI (a copy to
 * GK_OCR_DIGITS_DPI on demand, for a page with tables): the glyph sizes tesseract's chi_sim
 * model reads text and digits best at (measured, see below); (3) the background is
 * normalised so that grey paper and uneven lighting become even; (4) the
 * skew is found by leptonica's differential square sum (±7° sweep, then
 * binary search) on a generous threshold of that image — at leptonica's
 * default threshold faint hairline rules give it too little ink — and
 * undone by rotation; (5) a generous global threshold keeps the ruling
 * lines, faint grey ones included (img->rules), then paper is set pure
 * white; (6) Sauvola's local threshold (k 0.1: at the usual 0.34 the pale
 * thin strokes of a grey 200 dpi scan fell under it, cells read blank)
 * gives the 1 bpp images tesseract reads, and leptonica drops the specks
 * of noise from them (GK_OCR_SPECK_MAX_PT).  The paper's grain and the
 * scan's own resolution are kept: they tell a poor scan (ocr.h).  Tesseract's LSTM takes grey input as it is, and on these scans
 * misread clean cells from the grey image (a crisp "2511" came out "Do";
 * the same crop of the Sauvola image reads 2511), so the grey image
 * serves only the re-read of suspect cells.
 */
#pragma once
#include <glib.h>
#include <leptonica/allheaders.h>
#include <poppler.h>
#include "content/content.h"
#include "content/options.h"

/* Pages without a usable embedded image are rendered at this resolution. */
#define GK_OCR_RENDER_DPI 300.0
/* Resolution of the image rules are found on and text is read from:
 * chi_sim reads CJK labels of 10–12 pt best at ~300 dpi (at 200 dpi
 * 数量 became 数其, 属于 became 屈于). */
#define GK_OCR_TEXT_DPI 300.0
/* Resolution number cells are read at.  Debian's chi_sim ("fast" model)
 * reads digits best near 200 dpi: crops of a 300 dpi scan read "-5" as
 * "-9" and "26" as "20", the same crops at 2/3 size correctly. */
#define GK_OCR_DIGITS_DPI 200.0
/* A re-read's crop is scaled up by this: finer strokes for the LSTM. */
#define GK_OCR_REREAD_SCALE 2.0f
/* ... sharpened by this unsharp mask (half-width in pixels, strength) ... */
#define GK_OCR_REREAD_SHARPEN_HALFWIDTH 2
#define GK_OCR_REREAD_SHARPEN_FRACT 0.5f
/* ... and framed by this much white (pixels): tesseract needs margin. */
#define GK_OCR_REREAD_BORDER_PX 20
/* A band of ink rows lower than this share of the tallest band in a
 * region is part of a line (a dot, a stroke split off), not a line. */
#define GK_OCR_LINE_MIN_SHARE 0.5

/* The ink test renders a page at this resolution (an A4 page is half a
 * megapixel: a few ms, where making the OCR images of a blank page took
 * 0.3 s) ... */
#define GK_OCR_INK_DPI 72.0
/* ... and counts pixels darker than this grey (0 black, 255 white): a
 * pixel crossed by a 10 pt glyph's stroke is well below it, even in a faint
 * scan (strokes at 150 on paper at 240 average to ~175 here), white paper
 * and JPEG noise not; grey paper is taken as ink (read as before) ... */
#define GK_OCR_INK_GREY 224
/* ... a page with fewer such pixels than this is blank (a speck, a crease). */
#define GK_OCR_INK_MIN_PIXELS 12

/* Paper grain is measured on every GK_OCR_GRAIN_ROW_STEP-th row, between
 * horizontal neighbours both at least GK_OCR_GRAIN_PAPER_LEVEL (paper is
 * 200 on the normalised image; ink and its edges are darker). */
#define GK_OCR_GRAIN_ROW_STEP 4
#define GK_OCR_GRAIN_PAPER_LEVEL 160

/* Images further than this ratio from a wanted resolution are rescaled. */
#define GK_OCR_RESCALE_RATIO 1.15

typedef struct {
  int page;            /* 1-based */
  double width_pt, height_pt;
  double pt_per_px;    /* PDF points per pixel of gray/binary */
  int dpi;             /* effective resolution of gray/binary */
  int scan_dpi;        /* resolution of the page's image as found, before any rescaling */
  double grain;        /* paper grain: mean grey-level step between neighbouring
                          paper pixels of the normalised image (GK_OCR_GRAIN_*) */
  double skew_deg;     /* rotation found and removed */
  gboolean embedded;   /* TRUE: the page's own scan, FALSE: rendered */
  PIX *gray;           /* 8 bpp, seal removed, deskewed, background white (re-reads) */
  PIX *binary;         /* 1 bpp Sauvola threshold of gray: rules and OCR of text */
  PIX *rules;          /* 1 bpp, generous global threshold: ruling lines, faint ones too */
} GkOcrImage;

GkOcrImage *gk_ocr_image_from_page (PopplerPage *page, int number, const GkReadOptions *opts, GError **error);
/* What gk_ocr_image_from_page cleans; *embedded TRUE for the page's own scan.
 * Needs the document (poppler: one thread); the clean-up does not. */
PIX *gk_ocr_page_picture (PopplerPage *page, int number, const GkReadOptions *opts, gboolean *embedded, GError **error);
GkOcrImage *gk_ocr_image_from_pix (PIX *pix, int number, double width_pt, double height_pt,
                                   const GkReadOptions *opts, GError **error);
/* The rectangle (pixels of gray) cleaned as binary is, at GK_OCR_DIGITS_DPI:
 * *scale its pixels per pixel of gray, *dpi its resolution; NULL on failure. */
PIX *gk_ocr_image_digits (const GkOcrImage *img, int x, int y, int w, int h, double *scale, int *dpi);
/* The rectangle (pixels of gray) as a re-read sees it, 1 bpp; *dpi its
 * resolution; NULL on failure.  Coordinates in it are shifted by the frame. */
PIX *gk_ocr_image_reread_view (const GkOcrImage *img, int x, int y, int w, int h, int *dpi);
/* A region of gray with only its darkest ink, 1 bpp, framed white: the
 * levels of its ink split in two by Otsu, the paler half dropped, the
 * darker split again so many times in all (a seal stamped in grey over
 * text is paler than the text: a light one goes at the first split, where
 * the ink's pale rims go, a dark one at the second). */
PIX *gk_ocr_image_dark_ink_view (const GkOcrImage *img, int x, int y, int w, int h, guint splits);
/* A region of gray as it is, framed white: tesseract binarises it itself. */
PIX *gk_ocr_image_gray_view (const GkOcrImage *img, int x, int y, int w, int h);
/* The text lines of the rectangle (pixels of binary), top to bottom: the
 * bands of rows holding ink, each as wide as the rectangle; a band lower
 * than GK_OCR_LINE_MIN_SHARE of the tallest joins its nearer neighbour. */
BOXA *gk_ocr_image_text_lines (const GkOcrImage *img, int x, int y, int w, int h);
void gk_ocr_image_free (GkOcrImage *img);
GkRect gk_ocr_image_to_points (const GkOcrImage *img, int x0, int y0, int x1, int y1);
PIX *gk_ocr_pix_from_cairo (cairo_surface_t *surface);
/* The page on white at dpi; GK_ERROR_LIMIT over max_pixels. */
PIX *gk_ocr_render_page (PopplerPage *page, double dpi, gint64 max_pixels, GError **error);
guint gk_ocr_images_made (void);
/* FALSE only when the page is surely blank; a page too large to test is taken as inked. */
gboolean gk_ocr_page_has_ink (PopplerPage *page, const GkReadOptions *opts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkOcrImage, gk_ocr_image_free)
