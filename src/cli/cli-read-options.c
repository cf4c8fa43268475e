/* cli-read-options.c — the options every reading command shares (extract,
 * batch, audit): OCR mode, password, models directory and the safety limits,
 * as one GOptionGroup so each command spells them the same way. */
#include "cli.h"
#include "common/gk-error.h"
#include <string.h>

static gboolean
parse_ocr (const char *s, GkOcrMode *m)
{
  if (!s || strcmp (s, "auto") == 0)
    *m = GK_OCR_AUTO;
  else if (strcmp (s, "always") == 0)
    *m = GK_OCR_ALWAYS;
  else if (strcmp (s, "never") == 0)
    *m = GK_OCR_NEVER;
  else
    return FALSE;
  return TRUE;
}

void
cli_read_args_init (CliReadArgs *a)
{
  memset (a, 0, sizeof *a);
  a->max_pages = GK_DEFAULT_MAX_PAGES;
  a->max_seconds = GK_DEFAULT_MAX_SECONDS;
  a->max_mb = GK_DEFAULT_MAX_BYTES / (1024.0 * 1024.0);
  a->max_pixels = GK_DEFAULT_MAX_PIXELS;
}

void
cli_read_args_clear (CliReadArgs *a)
{
  g_clear_pointer (&a->ocr, g_free);
  g_clear_pointer (&a->password, g_free);
  g_clear_pointer (&a->models, g_free);
}

void
cli_read_args_add_entries (GOptionContext *ctx, CliReadArgs *a)
{
  GOptionEntry entries[] = {
    { "ocr", 0, 0, G_OPTION_ARG_STRING, &a->ocr, "auto (pages without text, default), always, never", "MODE" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &a->password, "password of encrypted PDFs", "PW" },
    { "models", 0, 0, G_OPTION_ARG_FILENAME, &a->models, "models directory (templates, prose rules, OCR set-up)", "DIR" },
    { "max-pages", 0, 0, G_OPTION_ARG_INT, &a->max_pages, "read at most N pages per PDF (default 300)", "N" },
    { "max-seconds", 0, 0, G_OPTION_ARG_DOUBLE, &a->max_seconds, "give up on a file after S seconds (default 600)", "S" },
    { "max-mb", 0, 0, G_OPTION_ARG_DOUBLE, &a->max_mb, "refuse input files over M MiB (default 256)", "M" },
    { "max-pixels", 0, 0, G_OPTION_ARG_INT64, &a->max_pixels, "refuse page images over N pixels (default 60000000)", "N" },
    { "max-mb-ram", 0, 0, G_OPTION_ARG_INT, &a->max_mb_ram,
      "memory (address space) of each worker process in MiB (default: the machine's memory shared by -j, at most 4096)", "M" },
    { NULL },
  };
  /* main entries, not a group: they show in --help with the command's own */
  g_option_context_add_main_entries (ctx, entries, NULL);
}

gboolean
cli_bad_value (GError **error, const char *option, const char *value, const char *expected)
{
  g_set_error (error, GK_ERROR, GK_ERROR_USAGE, "bad value for %s: “%s” (%s)", option, value ? value : "", expected);
  return FALSE;
}

static gboolean
bad_number (GError **error, const char *option, double value, const char *expected)
{
  g_autofree char *text = g_strdup_printf ("%.15g", value);
  return cli_bad_value (error, option, text, expected);
}

gboolean
cli_check_jobs (int jobs, GError **error)
{
  return (jobs >= 1 && jobs <= CLI_MAX_JOBS) || bad_number (error, "--jobs", jobs, "1 to " G_STRINGIFY (CLI_MAX_JOBS));
}

gboolean
cli_read_args_finish (const CliReadArgs *a, GkReadOptions *opts, GError **error)
{
  gk_read_options_init (opts);
  /* comparisons written so that NaN fails them */
  if (!parse_ocr (a->ocr, &opts->ocr))
    return cli_bad_value (error, "--ocr", a->ocr, "auto, always or never");
  if (a->max_pages < 1)
    return bad_number (error, "--max-pages", a->max_pages, "1 or more");
  if (!(a->max_seconds > 0 && a->max_seconds <= CLI_MAX_SECONDS))
    return bad_number (error, "--max-seconds", a->max_seconds, "more than 0, at most " G_STRINGIFY (CLI_MAX_SECONDS));
  if (!(a->max_mb > 0 && a->max_mb <= CLI_MAX_MB))
    return bad_number (error, "--max-mb", a->max_mb, "MiB, more than 0, at most " G_STRINGIFY (CLI_MAX_MB));
  if (a->max_pixels < 1)
    return bad_number (error, "--max-pixels", (double) a->max_pixels, "1 or more");
  if (a->max_mb_ram < 0 || (a->max_mb_ram > 0 && a->max_mb_ram < CLI_MIN_MB_RAM))
    return bad_number (error, "--max-mb-ram", a->max_mb_ram, "MiB, at least " G_STRINGIFY (CLI_MIN_MB_RAM));
  opts->password = a->password;
  opts->models_dir = a->models;
  opts->max_pages = a->max_pages;
  opts->max_seconds = a->max_seconds;
  opts->max_bytes = (gsize) (a->max_mb * 1024 * 1024);
  opts->max_pixels = a->max_pixels;
  return TRUE;
}
