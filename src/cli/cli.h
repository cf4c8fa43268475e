/* cli.h — the gongkai command line: one dispatcher, one file per subcommand.
 *
 *   cmd_extract   gongkai extract [options] FILE...
 *   cmd_audit     gongkai audit [options] FILE...|--db DB -o audit.html
 *   cmd_review    gongkai review --db DB REPORT CHECK-ID --dismiss|--confirm REASON
 *   cmd_compare   gongkai compare --db DB ISSUER [-o FILE] [--format html|csv]
 *   cli_parse_crops, cli_audit_attach_source   shared by the audit-page commands
 *   cli_report_error   print "gongkai: FILE: cause" once, to stderr
 *
 * Exit codes (README, --help): 0 ok; 1 an input could not be read;
 * 2 usage; 3 an output could not be written; 4 models or OCR data missing.
 */
#pragma once
#include <glib.h>

int cmd_extract (int argc, char **argv);
int cmd_audit (int argc, char **argv);
int cmd_review (int argc, char **argv);
int cmd_compare (int argc, char **argv);
void cli_report_error (const char *file, const GError *error);
extern const char *const cli_exit_codes_help;

#include "audit/audit-html.h"
gboolean cli_parse_crops (const char *s, GkAuditCrops *crops);
void cli_audit_attach_source (GkAuditReport *rep, const char *path, const char *sha256, const char *password);
