/* pipeline.c — see pipeline.h. */
#include "pipeline.h"
#include "check/check.h"
#include "common/gk-error.h"
#include "html/html-input.h"
#include "input/input.h"
#include "narrative/narrative.h"
#include "pdf/pdf-input.h"
#include "reread.h"
#include "table/match.h"
#include "text/text-input.h"
#include <string.h>

/* The first year reported on the 2019 national template. */
#define GK_FIRST_TEMPLATE_YEAR 2019

struct GkPipeline {
  GkTemplateSet *templates;
  GkNarrativeRules *narrative;
};

GkPipeline *
gk_pipeline_new (const char *models_dir, GError **error)
{
  g_autofree char *dir = models_dir ? g_strdup (models_dir) : gk_models_dir_default ();
  GkPipeline *p = g_new0 (GkPipeline, 1);
  p->templates = gk_template_set_load (dir, error);
  if (p->templates)
    p->narrative = gk_narrative_rules_load (dir, error);
  if (!p->templates || !p->narrative)
    {
      gk_pipeline_free (p);
      return NULL;
    }
  return p;
}

void
gk_pipeline_free (GkPipeline *p)
{
  if (!p)
    return;
  gk_template_set_free (p->templates);
  gk_narrative_rules_free (p->narrative);
  g_free (p);
}

const GkTemplateSet *
gk_pipeline_templates (const GkPipeline *p)
{
  return p->templates;
}

/* A record with no figure at all (not a report, blank pages) must say so:
 * an empty data{} alone looks like a report with nothing to declare. */
static gboolean
record_read_anything (const GkRecord *rec)
{
  if (rec->parts->len)
    return TRUE;
  for (guint i = 0; i < rec->values->len; i++)
    if (((const GkValue *) rec->values->pdata[i])->kind != GK_VALUE_NULL)
      return TRUE;
  return FALSE;
}

GkRecord *
gk_pipeline_record_from_content (const GkPipeline *p, const char *name, GkContent *content)
{
  GkRecord *rec = gk_record_new (name);
  rec->media = content->media;
  rec->pages = content->n_pages;
  g_array_append_vals (rec->ocr_pages, content->ocr_pages->data, content->ocr_pages->len);
  gk_record_take_warnings (rec, content->warnings);
  guint reading_warnings = rec->warnings->len;
  gk_match_tables (p->templates, content, rec);
  guint matcher_warnings = rec->warnings->len;
  gk_narrative_read (p->narrative, content, rec);
  if (rec->year && rec->year < GK_FIRST_TEMPLATE_YEAR && !gk_record_has_table_values (rec))
    {
      /* no national table could exist yet and none was read: the report
       * is free-form prose, and whatever the matcher tried on its lines
       * (a heading 二、主动公开政府信息情况, a statistics row) is no table */
      g_free (rec->template_id);
      rec->template_id = g_strdup ("pre2019");
      gk_record_drop_unread (rec);
      g_ptr_array_remove_range (rec->warnings, reading_warnings, matcher_warnings - reading_warnings);
      gk_record_warn (rec, "pre2019_prose", 0, "%d年的报告没有国家统一表格，数据取自正文", rec->year);
    }
  if (!record_read_anything (rec))
    gk_record_warn (rec, "no_report_content", 0,
                    "未读到任何年报数据：没有可识别的统计表格，正文中也没有年报的数字（这可能不是政府信息公开年度报告，或内容为空白）");
  gk_checks_run (p->templates, rec);
  return rec;
}

GkRecord *
gk_pipeline_extract (const GkPipeline *p, const char *path, const GkReadOptions *opts, GError **error)
{
  GkReadOptions local;
  if (opts)
    local = *opts;
  else
    gk_read_options_init (&local);
  if (local.max_seconds > 0)
    local.deadline_us = g_get_monotonic_time () + (gint64) (local.max_seconds * G_USEC_PER_SEC);
  opts = &local;
  g_autoptr (GkInput) input = gk_input_open (path, opts, error);
  if (!input)
    return NULL;
  g_autoptr (GkContent) content = NULL;
  switch (input->kind)
    {
    case GK_INPUT_PDF:
      content = gk_pdf_read (input, opts, error);
      break;
    case GK_INPUT_HTML:
      content = gk_html_read (input, opts, error);
      break;
    case GK_INPUT_TEXT:
      {
        gsize len;
        const char *data = g_bytes_get_data (input->bytes, &len);
        content = gk_text_read (data, len, error);
      }
      break;
    }
  if (!content)
    return NULL;
  gk_input_take_warnings (input, content);
  g_autoptr (GPtrArray) saved = gk_reread_save_warnings (content);
  GkRecord *rec = gk_pipeline_record_from_content (p, path, content);
  rec->sha256 = g_strdup (input->sha256);
  return gk_reread_suspects (p, path, content, saved, rec);
}
