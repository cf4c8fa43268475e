/* cli.h — the gongkai command line: one dispatcher, one file per subcommand.
 *
 *   cmd_extract   gongkai extract [options] FILE...
 *   cli_report_error   print "gongkai: FILE: cause" once, to stderr
 *
 * Exit codes (README, --help): 0 ok; 1 an input could not be read;
 * 2 usage; 3 an output could not be written; 4 models or OCR data missing.
 */
#pragma once
#include <glib.h>

int cmd_extract (int argc, char **argv);
void cli_report_error (const char *file, const GError *error);
extern const char *const cli_exit_codes_help;
