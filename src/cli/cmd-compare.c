/* cmd-compare.c — `gongkai compare`: one issuer's years side by side from
 * the database (audit-compare.h), as an HTML page or CSV.
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "audit/audit-compare.h"
#include "audit/audit-db.h"
#include "common/gk-error.h"
#include "common/gk-models.h"
#include "export/export-json.h"

int
cmd_compare (int argc, char **argv)
{
  g_autofree char *db_path = NULL, *out = NULL, *format = NULL, *models = NULL;
  g_auto (GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "the database (required)", "DB" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "write to FILE instead of stdout (-o -: stdout)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "html (default) or csv", "FORMAT" },
    { "models", 0, 0, G_OPTION_ARG_FILENAME, &models, "models directory (template labels)", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL },
  };
  if (!cli_parse_options (&argc, &argv, "ISSUER — one issuer's reports year over year", entries, NULL,
                          "ISSUER is the issuer as printed (沁县人民政府) or its issuer_key in the database.\n\n"))
    return GK_EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  gboolean csv = format && strcmp (format, "csv") == 0;
  if (!db_path || !args || g_strv_length (args) != 1 || (format && !csv && strcmp (format, "html") != 0))
    {
      fprintf (stderr, "gongkai: compare: need --db DB and one ISSUER; --format html or csv\n");
      return GK_EXIT_USAGE;
    }
  cli_output_is_stdout (&out);
  if (cli_output_overwrites_input ("compare", out, NULL, db_path))
    return GK_EXIT_USAGE;
  g_autoptr (GkTemplateSet) set = NULL;
  {
    g_autofree char *dir = models ? g_strdup (models) : gk_models_dir_default ();
    set = gk_template_set_load (dir, &error);
  }
  g_autoptr (GkAuditDb) db = set ? gk_audit_db_open (db_path, FALSE, &error) : NULL;
  g_autoptr (GPtrArray) series = db ? gk_audit_db_series (db, args[0], &error) : NULL;
  if (!series)
    {
      cli_report_error (NULL, error);
      return error->code == GK_ERROR_USAGE ? GK_EXIT_USAGE : gk_exit_code_for (error);
    }
  g_autofree char *text = csv ? gk_audit_compare_csv (set, series) : gk_audit_compare_html (set, series, args[0]);
  return cli_write_output (out, text);
}
