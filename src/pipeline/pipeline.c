/* pipeline.c — see pipeline.h. */
#include "pipeline.h"
#include "check/check.h"
#include "common/gk-error.h"
#include "common/gk-models.h"
#include "html/html-input.h"
#include "input/input.h"
#include "narrative/narrative.h"
#include "pdf/pdf-input.h"
#include "reread.h"
#include "scan-quality.h"
#include "table/match.h"
#include "text/text-input.h"
#include <string.h>

/* The first year reported on the 2019 national template. */
#define GK_FIRST_TEMPLATE_YEAR 2019
/* A national table shows at least this many of its rows (a stray match in
 * prose, or a pre-2019 statistics table, places one or two). */
#define GK_MIN_TABLE_ROWS 6

struct GkPipeline {
  GkTemplateSet *templates;
  GkNarrativeRules *narrative;
};

GkPipeline *
gk_pipeline_new (const char *models_dir, GError **error)
{
  return gk_pipeline_new_for (models_dir, 0, error);
}

GkPipeline *
gk_pipeline_new_for (const char *models_dir, guint reports, GError **error)
{
  g_autofree char *dir = models_dir ? g_strdup (models_dir) : gk_models_dir_default ();
  GkPipeline *p = g_new0 (GkPipeline, 1);
  p->templates = gk_template_set_load (dir, error);
  if (p->templates)
    p->narrative = gk_narrative_rules_load (dir, reports != 1, error);
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

/* Running text of the document: a line holding a full stop (a table or a
 * table's fragment alone has none, and is judged as a table). */
static gboolean
has_sentences (const GkContent *content)
{
  for (guint i = 0; i < content->lines->len; i++)
    if (strstr (((GkLine *) content->lines->pdata[i])->text, "。"))
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
  gk_match_tables (p->templates, content, gk_narrative_report_year (p->narrative, content), rec);
  /* a document with prose but no header text only a national table prints,
   * no table 三 or 四 under its heading and hardly a row of one: what the
   * matcher placed came from the prose or an old statistics table (平潭
   * 2011's 主动公开信息数条4251516 is no 行政许可 row), so it goes before the
   * prose is read, which may then stand in for the table's keys */
  gboolean no_table = rec->table_markers == 0 && rec->table_headings == 0
                      && rec->table_rows_seen < GK_MIN_TABLE_ROWS && has_sentences (content);
  if (no_table)
    {
      gk_record_drop_table_values (rec);
      g_ptr_array_remove_range (rec->warnings, reading_warnings, rec->warnings->len - reading_warnings);
      g_free (rec->template_id);
      rec->template_id = g_strdup ("unknown");
    }
  guint matcher_warnings = rec->warnings->len;
  gk_narrative_read (p->narrative, content, rec);
  gboolean old_year = rec->year && rec->year < GK_FIRST_TEMPLATE_YEAR;
  gboolean not_report = no_table && !rec->title && rec->values->len == 0 && rec->parts->len == 0;
  if (not_report)
    /* no national table, no report title, no figure in the prose */
    gk_record_warn (rec, "not_a_report", 0, "未找到政府信息公开年度报告的标题、表格或正文数字，此文件不像年度报告");
  else if (no_table || (old_year && !gk_record_has_table_values (rec)))
    {
      /* a report in free-form prose: before 2019 no national table existed;
       * after, one that prints none is read as the old reports are */
      g_free (rec->template_id);
      rec->template_id = g_strdup ("pre2019");
      gk_record_drop_unread (rec);
      g_ptr_array_remove_range (rec->warnings, reading_warnings, matcher_warnings - reading_warnings);
      if (rec->year)
        gk_record_warn (rec, "pre2019_prose", 0, "%d年的报告没有国家统一表格，数据取自正文", rec->year);
      else
        gk_record_warn (rec, "pre2019_prose", 0, "报告没有国家统一表格，数据取自正文");
    }
  if (!not_report && !record_read_anything (rec))   /* not_a_report says it already */
    gk_record_warn (rec, "no_report_content", 0,
                    "未读到任何年报数据：没有可识别的统计表格，正文中也没有年报的数字（这可能不是政府信息公开年度报告，或内容为空白）");
  if (rec->table_sets >= 2)
    {
      /* two reports in one file (two years side by side): merged they
       * would mix one year's tables with the other's prose; refused */
      g_hash_table_remove_all (rec->index);
      g_ptr_array_set_size (rec->values, 0);
      g_ptr_array_set_size (rec->parts, 0);
      g_free (rec->template_id);
      rec->template_id = g_strdup ("unknown");
      /* nor its fields: the title of one and the signature of the other */
      g_clear_pointer (&rec->title, g_free);
      g_clear_pointer (&rec->issuer, g_free);
      g_clear_pointer (&rec->published_on, g_free);
      rec->year = 0;
      gk_record_warn (rec, "two_reports", 0, "文件中每张表格的标题都出现了%u次：这是多份年度报告合在一个文件里，未予读取，请分开后再读", rec->table_sets);
    }
  gk_checks_run (p->templates, rec);
  gk_scan_quality_warn (rec);
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
  rec = gk_reread_suspects (p, path, content, saved, rec);
  gk_reread_signature_date (p->narrative, content, rec);
  return rec;
}
