/* options.h — how a file is read: OCR mode, password, and the safety
 * limits that keep a hostile or broken input from eating the machine.
 *
 *   gk_read_options_init      safe defaults (README lists them)
 *   gk_read_options_expired   has the per-file time limit run out?
 */
#pragma once
#include <glib.h>

typedef enum {
  GK_OCR_AUTO,     /* OCR pages without a text layer */
  GK_OCR_ALWAYS,   /* OCR every page */
  GK_OCR_NEVER,    /* never OCR; image-only pages yield no text */
} GkOcrMode;

/* Defaults: a county report is 5–30 pages, under 20 MB. */
#define GK_DEFAULT_MAX_BYTES   (256u * 1024 * 1024)   /* bytes per input file */
#define GK_DEFAULT_MAX_PAGES   300                    /* pages read per PDF */
#define GK_DEFAULT_MAX_PIXELS  (60 * 1000 * 1000)     /* pixels per page image */
#define GK_DEFAULT_MAX_SECONDS 600.0                  /* wall time per file */
#define GK_DEFAULT_MAX_GLYPHS  200000                 /* glyphs per page */

typedef struct {
  GkOcrMode ocr;
  const char *password;   /* borrowed; NULL = none */
  gsize max_bytes;
  int max_pages;
  gint64 max_pixels;
  double max_seconds;
  int max_glyphs;
  const char *models_dir; /* borrowed */
  gint64 deadline_us;     /* g_get_monotonic_time () after which the file is abandoned; 0 = none */
  gboolean no_rendering;  /* never render or decode page images: the file holds an image over
                             max_pixels, which poppler would decode whole (pdf-images.h) */
} GkReadOptions;

void gk_read_options_init (GkReadOptions *opts);
/* TRUE (and an error GK_ERROR_LIMIT set) once the per-file deadline has
 * passed: long loops (pages, OCR cells) call this between steps. */
gboolean gk_read_options_expired (const GkReadOptions *opts, GError **error);
