/* cmd-audit.c — `gongkai audit`: reports → one self-contained HTML page
 * for auditors (src/audit/audit-html.h says what it shows).
 *
 * Each file is read by the pipeline and then opened again for its
 * evidence (text lines, PDF crops); a file that cannot be read is
 * reported once and left out, the others are still shown.  The page is
 * written whole or not at all.
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "audit/audit-db.h"
#include "audit/audit-html.h"
#include "common/gk-error.h"
#include "export/export-json.h"
#include "pipeline/pipeline.h"

static gboolean
parse_crops (const char *s, GkAuditCrops *crops)
{
  if (!s || strcmp (s, "all") == 0)
    *crops = GK_AUDIT_CROPS_ALL;
  else if (strcmp (s, "failing") == 0)
    *crops = GK_AUDIT_CROPS_FAILING;
  else if (strcmp (s, "none") == 0)
    *crops = GK_AUDIT_CROPS_NONE;
  else
    return FALSE;
  return TRUE;
}

int
cmd_audit (int argc, char **argv)
{
  g_autofree char *out = NULL, *crops_s = NULL, *title = NULL;
  g_auto (CliReadArgs) read_args;
  cli_read_args_init (&read_args);
  g_autofree char *db_path = NULL, *issuer = NULL, *root = NULL;
  g_auto (GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, "write the page to FILE (required; -o -: stdout)", "FILE" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "also show the reports stored in DB, with their review decisions", "DB" },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &issuer, "with --db: only this issuer's reports (as printed, or its issuer_key)", "ISSUER" },
    { "root", 0, 0, G_OPTION_ARG_FILENAME, &root, "with --db: read relative file paths stored in DB from DIR (default: the current directory)", "DIR" },
    { "crops", 0, 0, G_OPTION_ARG_STRING, &crops_s, "page crops for all values with a box (default), failing (operands of failing checks only), none", "WHICH" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "heading of the page", "TEXT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL },
  };
  if (!cli_parse_options (&argc, &argv, "FILE...|--db DB -o audit.html — an HTML page to audit reports", entries,
                          &read_args, NULL))
    return GK_EXIT_USAGE;
  g_autoptr (GError) error = NULL;
  GkAuditCrops crops = GK_AUDIT_CROPS_ALL;
  GkReadOptions opts;
  if (!cli_read_args_finish (&read_args, &opts, &error)
      || (!parse_crops (crops_s, &crops) && !cli_bad_value (&error, "--crops", crops_s, "all, failing or none")))
    return cli_usage_error ("audit", error);
  gboolean to_stdout = cli_output_is_stdout (&out);
  if ((!out && !to_stdout) || ((!files || !files[0]) && !db_path))
    {
      fprintf (stderr, "gongkai: audit: need input files or --db DB, and -o FILE (see gongkai audit --help)\n");
      return GK_EXIT_USAGE;
    }
  if (cli_output_overwrites_input ("audit", out, (const char *const *) files, db_path))
    return GK_EXIT_USAGE;
  g_autoptr (GkPipeline) pipeline = gk_pipeline_new (opts.models_dir, &error);
  if (!pipeline)
    {
      cli_report_error (NULL, error);
      return gk_exit_code_for (error);
    }

  int exit_code = GK_EXIT_OK;
  g_autoptr (GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_audit_report_free);
  g_autoptr (GPtrArray) failures = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_audit_failure_free);
  if (db_path)
    {
      g_autoptr (GkAuditDb) db = gk_audit_db_open (db_path, FALSE, &error);
      g_autoptr (GPtrArray) stored = db ? gk_audit_db_reports (db, issuer, &error) : NULL;
      /* a failed file has no issuer: listed only when the page covers the whole database */
      g_autoptr (GPtrArray) failed = stored && !issuer ? gk_audit_db_failures (db, &error) : NULL;
      if (!stored || (!issuer && !failed))
        {
          cli_report_error (NULL, error);
          return gk_exit_code_for (error);
        }
      for (guint i = 0; failed && i < failed->len; i++)
        g_ptr_array_add (failures, g_steal_pointer (&failed->pdata[i]));
      for (guint i = 0; i < stored->len; i++)
        {
          GkAuditReport *rep = g_steal_pointer (&stored->pdata[i]);
          json_t *source = json_object_get (rep->record, "source");
          const char *file = json_string_value (json_object_get (source, "file"));
          if (file && root && !g_path_is_absolute (file))
            rep->source_path = g_build_filename (root, file, NULL);
          else
            rep->source_path = g_strdup (file);
          rep->read_opts = &opts;
          g_ptr_array_add (reports, rep);
        }
    }
  for (guint i = 0; files && files[i]; i++)
    {
      g_autoptr (GError) ferr = NULL;
      g_autoptr (GkRecord) rec = gk_pipeline_extract (pipeline, files[i], &opts, &ferr);
      if (!rec)
        {
          cli_report_error (files[i], ferr);
          exit_code = MAX (exit_code, gk_exit_code_for (ferr));
          g_ptr_array_add (failures, gk_audit_failure_new (files[i], ferr->message));
          continue;
        }
      json_t *json = gk_record_to_json (rec);
      GkAuditReport *rep = gk_audit_report_new (json);
      json_decref (json);
      rep->source_path = g_strdup (files[i]);
      rep->read_opts = &opts;
      g_ptr_array_add (reports, rep);
    }
  g_autofree char *html = gk_audit_html (gk_pipeline_templates (pipeline), reports, failures, crops,
                                         title ? title : "政府信息公开年度报告 · 审核");
  int write_code = cli_write_output (out, html);   /* not inside MAX: evaluated twice */
  return MAX (exit_code, write_code);
}
