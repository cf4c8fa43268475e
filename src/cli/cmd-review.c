/* cmd-review.c — `gongkai review`: an auditor's decision on one finding,
 * stored in the database by report sha256 + check id (audit-db.h), so it
 * survives re-extraction and the audit view shows it.
 */
#include <stdio.h>
#include "cli.h"
#include "audit/audit-db.h"
#include "common/gk-error.h"

int
cmd_review (int argc, char **argv)
{
  g_autofree char *db_path = NULL, *dismiss = NULL, *confirm = NULL;
  g_auto (GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "the database (required)", "DB" },
    { "dismiss", 0, 0, G_OPTION_ARG_STRING, &dismiss, "the finding is not an error of the report, because REASON", "REASON" },
    { "confirm", 0, 0, G_OPTION_ARG_STRING, &confirm, "the finding is an error of the report, because REASON", "REASON" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL },
  };
  if (!cli_parse_options (&argc, &argv, "REPORT CHECK-ID --dismiss|--confirm REASON — record a review decision", entries,
                          NULL,
                          "REPORT is a sha256 prefix, a report file (matched by its content) or the path stored in the database.\n\n"
                          "Example: gongkai review --db reports.db 54b7ddf7 narrative.percent_sum --dismiss \"rounding\"\n\n"))
    return GK_EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  if (!db_path || !args || g_strv_length (args) != 2 || (!dismiss == !confirm))
    {
      fprintf (stderr, "gongkai: review: need --db DB, REPORT, CHECK-ID and one of --dismiss/--confirm REASON\n");
      return GK_EXIT_USAGE;
    }
  g_autoptr (GkAuditDb) db = gk_audit_db_open (db_path, TRUE, &error);
  if (!db)
    {
      cli_report_error (NULL, error);
      return gk_exit_code_for (error);
    }
  g_autofree char *sha = gk_audit_db_resolve (db, args[0], &error);
  const char *decision = dismiss ? "dismissed" : "confirmed";
  if (!sha || !gk_audit_db_review (db, sha, args[1], decision, dismiss ? dismiss : confirm, &error))
    {
      cli_report_error (NULL, error);
      return error->code == GK_ERROR_USAGE ? GK_EXIT_USAGE : gk_exit_code_for (error);
    }
  printf ("%.12s… %s: %s\n", sha, args[1], decision);
  return GK_EXIT_OK;
}
