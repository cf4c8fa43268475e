/* gk-error.h — the project error domain.
 *
 *   GK_ERROR            the GQuark of gongkai's errors
 *   gk_exit_code_for()  maps an error to the documented CLI exit code
 *
 * Every stage reports failure as a GError in this domain; the CLI prints it
 * once, as "gongkai: FILE: message", and chooses the exit code from it.
 */
#pragma once
#include <glib.h>

#define GK_ERROR (gk_error_quark ())
GQuark gk_error_quark (void);

typedef enum {
  GK_ERROR_IO,          /* cannot open/read/stat: missing, unreadable, a directory */
  GK_ERROR_EMPTY,       /* zero bytes, or no pages */
  GK_ERROR_FORMAT,      /* not a format we read, or damaged beyond reading */
  GK_ERROR_ENCRYPTED,   /* needs a password we do not have */
  GK_ERROR_LIMIT,       /* exceeds a safety limit (pages, pixels, bytes, time) */
  GK_ERROR_TEMPLATE,    /* models/templates unreadable or invalid */
  GK_ERROR_OCR,         /* OCR engine or its language data missing */
  GK_ERROR_OUTPUT,      /* cannot write an output file or database */
  GK_ERROR_USAGE,       /* bad command-line use */
} GkErrorCode;

/* Documented exit codes (README, --help). */
enum {
  GK_EXIT_OK = 0,
  GK_EXIT_INPUT = 1,    /* at least one input file could not be read */
  GK_EXIT_USAGE = 2,
  GK_EXIT_OUTPUT = 3,   /* an output could not be written */
  GK_EXIT_SETUP = 4,    /* templates or OCR data missing: nothing can work */
  GK_EXIT_NOT_REPORT = 5, /* every file read, but one is no disclosure annual report (not_a_report) */
};

int gk_exit_code_for (const GError *error);
