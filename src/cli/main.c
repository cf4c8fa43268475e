/* main.c — the dispatcher: `gongkai COMMAND [ARGS]`. */
#include <locale.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include "cli.h"
#include "common/gk-error.h"
#include "common/gk-version.h"
#include "ocr/ocr-engine.h"

const char *const cli_exit_codes_help =
  "Exit codes: 0 ok; 1 an input file could not be read; 2 usage error;\n"
  "3 an output could not be written; 4 models or OCR data missing;\n"
  "5 every file read, but one is not a disclosure annual report (not_a_report,\n"
  "two_reports).\n";

void
cli_report_error (const char *file, const GError *error)
{
  if (file)
    fprintf (stderr, "gongkai: %s: %s\n", file, error->message);
  else
    fprintf (stderr, "gongkai: %s\n", error->message);
}

int
cli_usage_error (const char *command, const GError *error)
{
  fprintf (stderr, "gongkai: %s: %s; see gongkai %s --help\n", command, error->message, command);
  return GK_EXIT_USAGE;
}

gboolean
cli_parse_options (int *argc, char ***argv, const char *usage, const GOptionEntry *entries, CliReadArgs *read_args,
                   const char *about)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new (usage);
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (read_args)
    cli_read_args_add_entries (ctx, read_args);
  g_autofree char *desc = g_strconcat (about ? about : "", cli_exit_codes_help, NULL);
  g_option_context_set_description (ctx, desc);
  g_autoptr (GError) error = NULL;
  if (g_option_context_parse (ctx, argc, argv, &error))
    return TRUE;
  cli_report_error (NULL, error);
  return FALSE;
}

typedef struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "extract", cmd_extract, "read reports into structured records (JSON, JSONL, CSV)" },
  { "audit", cmd_audit, "one HTML page to audit reports: findings, tables, the printed figures" },
  { "review", cmd_review, "record an auditor's decision on a finding (in the database)" },
  { "compare", cmd_compare, "one issuer's reports year over year (HTML or CSV, from the database)" },
  { "batch",   cmd_batch,   "read directories of reports into one SQLite database (resumable)" },
  { "export",  cmd_export,  "export a whole database as CSV or JSON lines" },
  { "merge",   cmd_merge,   "combine shard databases (idempotent, by sha256)" },
};

static void
usage (FILE *out)
{
  fprintf (out, "usage: gongkai COMMAND [OPTIONS] ARGS...\n       gongkai --version\n\ncommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\n`gongkai COMMAND --help` for a command's options.\n%s", cli_exit_codes_help);
}

/* The heap a process keeps from its start (bytes); allocations from this
 * size on mapped apart (bytes, the largest mmap threshold glibc takes);
 * the size of a huge page (bytes). */
enum { HEAP_KEPT = 30 << 20, HEAP_MMAP_FROM = 32 << 20, HUGE_PAGE = 2 << 20 };

/* A command reads a report or a few and exits: the heap it grows to is
 * kept, not given back to the kernel and faulted in again as the decoder
 * allocates and frees its tables (a search's memo is a megabyte, made
 * tens of times a report), and is backed by huge pages where the kernel
 * gives them on request (transparent huge pages, "madvise").  Page faults
 * were the dearest part of reading a text dump: fresh000's pdftotext dump
 * took 2,743 of them and 64 ms, now 372 and 39 ms.  The heap is reserved,
 * not touched: a page never used costs nothing. */
static void
prepare_heap (void)
{
  mallopt (M_MMAP_THRESHOLD, HEAP_MMAP_FROM);
  mallopt (M_TRIM_THRESHOLD, 2 * HEAP_KEPT);
  void *heap = malloc (HEAP_KEPT);
  if (!heap)
    return;
  uintptr_t from = ((uintptr_t) heap + HUGE_PAGE - 1) & ~(uintptr_t) (HUGE_PAGE - 1);
  uintptr_t to = ((uintptr_t) heap + HEAP_KEPT) & ~(uintptr_t) (HUGE_PAGE - 1);
  if (to > from)
    madvise ((void *) from, to - from, MADV_HUGEPAGE);
  free (heap);
}

int
main (int argc, char **argv)
{
  gk_ocr_prepare_process ();  /* first, before any thread */
  prepare_heap ();
  setlocale (LC_ALL, "");
  /* Reports, arguments and messages are UTF-8.  In the C locale of cron, CI
   * and containers GLib would reject a Chinese argument and print "?" for
   * Chinese text, so the character type becomes C.UTF-8 there. */
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  if (argc < 2)
    {
      usage (stderr);
      return GK_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return GK_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0 || strcmp (argv[1], "version") == 0)
    {
      cli_stdout_puts ("gongkai " GK_VERSION "\n");
      return cli_stdout_close ();
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  fprintf (stderr, "gongkai: unknown command “%s”\n", argv[1]);
  usage (stderr);
  return GK_EXIT_USAGE;
}
