/* cli-read-options.c — the options every reading command shares (extract,
 * batch, audit): OCR mode, password, models directory and the safety limits,
 * as one GOptionGroup so each command spells them the same way. */
#include "cli.h"
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
    { NULL },
  };
  /* main entries, not a group: they show in --help with the command's own */
  g_option_context_add_main_entries (ctx, entries, NULL);
}

gboolean
cli_read_args_finish (const CliReadArgs *a, GkReadOptions *opts)
{
  gk_read_options_init (opts);
  if (!parse_ocr (a->ocr, &opts->ocr) || a->max_pages < 1 || a->max_seconds <= 0 || a->max_mb <= 0
      || a->max_pixels < 1)
    return FALSE;
  opts->password = a->password;
  opts->models_dir = a->models;
  opts->max_pages = a->max_pages;
  opts->max_seconds = a->max_seconds;
  opts->max_bytes = (gsize) (a->max_mb * 1024 * 1024);
  opts->max_pixels = a->max_pixels;
  return TRUE;
}
