/* cli.h — the gongkai command line: one dispatcher, one file per subcommand.
 *
 *   cmd_extract   gongkai extract [options] FILE...
 *   cmd_audit     gongkai audit [options] FILE...|--db DB -o audit.html
 *   cmd_review    gongkai review --db DB REPORT CHECK-ID --dismiss|--confirm REASON
 *   cmd_compare   gongkai compare --db DB ISSUER [-o FILE] [--format html|csv]
 *   cmd_batch     gongkai batch DIR|FILE... --db DB [-j N] [--force]
 *   cmd_export    gongkai export --db DB --format csv|jsonl [-o FILE]
 *   cmd_merge     gongkai merge SHARD... --db DB
 *   cli_db_store / cli_db_finish   extract --db: store a record or a failure; cross-year checks at the end
 *   cli_report_error   print "gongkai: FILE: cause" once, to stderr
 *   cli_stdout_write / cli_stdout_puts / cli_stdout_close   standard output with its write errors kept and reported
 *   cli_output_is_stdout / cli_write_output   -o - as standard output; a whole text to -o FILE or stdout
 *   cli_output_overwrites_input  an output file that would overwrite an input
 *   cli_parse_options  a command's options parsed, --help with the exit codes; FALSE (reported) on a usage error
 *   cli_work_start / cli_work_unpack   extract and batch: files read in worker processes (workers.h)
 *
 * Exit codes (README, --help): 0 ok; 1 an input could not be read;
 * 2 usage; 3 an output could not be written; 4 models or OCR data missing.
 */
#pragma once
#include <glib.h>
#include "content/options.h"
#include "export/export.h"
#include "store/db.h"
#include "pipeline/pipeline.h"
#include "pipeline/workers.h"

int cmd_extract (int argc, char **argv);
int cmd_audit (int argc, char **argv);
int cmd_review (int argc, char **argv);
int cmd_compare (int argc, char **argv);
int cmd_batch (int argc, char **argv);
int cmd_export (int argc, char **argv);
int cmd_merge (int argc, char **argv);
gboolean cli_db_store (GkSqlite *db, const char *path, GBytes *rows, const GError *failure);
gboolean cli_db_finish (GkSqlite *db);
void cli_report_error (const char *file, const GError *error);
extern const char *const cli_exit_codes_help;

/* Standard output as a checked output.  Writes keep the first error; close
 * flushes and closes standard output and returns GK_EXIT_OK, or
 * GK_EXIT_OUTPUT after printing "gongkai: standard output: cause" once.
 * Call close once, when the command has nothing more to write. */
void cli_stdout_write (const char *text, gsize len);
void cli_stdout_puts (const char *text);
int cli_stdout_close (void);
/* TRUE when *out is "-", which stands for standard output; *out is then
 * freed and NULL, as if no -o had been given. */
gboolean cli_output_is_stdout (char **out);
/* Writes text whole to the file out (temporary file, then rename), or to
 * standard output when out is NULL (then closes it); GK_EXIT_OK, or
 * GK_EXIT_OUTPUT with the cause reported. */
int cli_write_output (const char *out, const char *text);
/* TRUE, said on stderr, when the output file out is one of the command's
 * inputs (inputs NULL-terminated, or NULL; db a database, or NULL) — the
 * same file, however its path is spelled.  The caller exits GK_EXIT_USAGE. */
gboolean cli_output_overwrites_input (const char *command, const char *out, const char *const *inputs,
                                      const char *db);

/* The reading options shared by every command that reads reports. */
typedef struct {
  char *ocr, *password, *models;
  int max_pages;
  double max_seconds, max_mb;
  gint64 max_pixels;
  int max_mb_ram;   /* per worker process; 0: sized to the machine */
} CliReadArgs;

void cli_read_args_init (CliReadArgs *args);
void cli_read_args_add_entries (GOptionContext *ctx, CliReadArgs *args);
/* The largest --max-mb (1 TiB) and --max-seconds (about 31 years) taken. */
#define CLI_MAX_MB      1048576
#define CLI_MAX_SECONDS 1000000000
/* The smallest --max-mb-ram: a worker's libraries and models alone take about 150 MiB of address space. */
#define CLI_MIN_MB_RAM  200
/* Validates the parsed values into opts (borrowing strings from args);
 * FALSE with a usage error naming the option on a bad value. */
gboolean cli_read_args_finish (const CliReadArgs *args, GkReadOptions *opts, GError **error);
/* -j N: 1 to CLI_MAX_JOBS, else FALSE with a usage error. */
#define CLI_MAX_JOBS 256
gboolean cli_check_jobs (int jobs, GError **error);
/* Sets a usage error "bad value for OPTION: “VALUE” (EXPECTED)"; FALSE. */
gboolean cli_bad_value (GError **error, const char *option, const char *value, const char *expected);
/* Prints "gongkai: COMMAND: message (see gongkai COMMAND --help)"; GK_EXIT_USAGE. */
int cli_usage_error (const char *command, const GError *error);
void cli_read_args_clear (CliReadArgs *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliReadArgs, cli_read_args_clear)

/* One file per item: files[item] read by the pipeline, rendered, and with
 * rows its database rows (store/db.h); every field is read in the
 * worker processes, which are forks: it must outlive the workers. */
typedef struct {
  const GkPipeline *pipeline;
  const GkReadOptions *opts;
  char **files;
  const GkFormat *render;   /* what a worker renders of a record for stdout or -o DIR; NULL: nothing */
  gboolean rows;
} CliWork;
/* jobs worker processes for work, limited by --max-mb-ram and --max-seconds. */
GkWorkers *cli_work_start (const CliWork *work, guint jobs, const CliReadArgs *args, const GkReadOptions *opts,
                           GError **error);
/* The same for one item read in this process, under the memory limit of
 * one worker: no fork, whose cost (the pages it copies) would be the file's. */
GBytes *cli_work_here (const CliWork *work, guint item, const CliReadArgs *args, GError **error);
/* A worker's result: the rendered text (*text, to free), the rows (empty
 * without rows), and whether the record says the file is no report. */
void cli_work_unpack (GBytes *result, char **text, GBytes **rows, gboolean *not_report);
/* The bytes of each of the n files (0 for what has no size: "-", a
 * directory, a file that cannot be stat'ed), to hand the larger files out
 * first: a run that ends on one big file read alone leaves the other
 * workers idle. */
guint64 *cli_work_file_sizes (char *const *files, guint n);
/* Of the items from..to-1 not yet sent, the one with the most bytes
 * (the first of equals); to when every one is sent. */
guint cli_work_largest_unsent (const guint64 *sizes, const gboolean *sent, guint from, guint to);

/* Parses a command's options (usage: what follows the command name in
 * --help; read_args: the shared reading options too, or NULL; about: text
 * shown before the exit codes, or NULL).  FALSE, with the error printed,
 * when the command line is wrong: the caller exits GK_EXIT_USAGE. */
gboolean cli_parse_options (int *argc, char ***argv, const char *usage, const GOptionEntry *entries,
                            CliReadArgs *read_args, const char *about);
