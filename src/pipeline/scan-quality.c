/* scan-quality.c — see scan-quality.h. */
#include "scan-quality.h"
#include <string.h>

static gboolean
page_warned (const GkRecord *rec, int page)
{
  for (guint i = 0; i < rec->warnings->len; i++)
    {
      const GkWarning *w = rec->warnings->pdata[i];
      if (w->page == page && strcmp (w->code, "poor_scan") == 0)
        return TRUE;
    }
  return FALSE;
}

static void
warn_poor_pages (GkRecord *rec)
{
  for (guint p = 0; p < rec->ocr_pages->len; p++)
    {
      int page = g_array_index (rec->ocr_pages, int, p);
      guint n = 0, doubtful = 0;
      double sum = 0;
      for (guint i = 0; i < rec->values->len; i++)
        {
          const GkValue *v = rec->values->pdata[i];
          if (!v->has_source || v->src.method != GK_METHOD_OCR || v->src.page != page
              || g_str_has_prefix (v->key, "narrative."))
            continue;
          n++;
          sum += v->src.confidence;
          doubtful += gk_value_is_suspect_ocr (v) || (v->kind == GK_VALUE_NULL && v->raw && *v->raw);
        }
      if (n < GK_SCAN_QUALITY_MIN_VALUES || page_warned (rec, page))
        continue;
      double mean = sum / n;
      if (mean < GK_SCAN_QUALITY_MIN_MEAN || doubtful > GK_SCAN_QUALITY_MAX_DOUBTFUL * n)
        gk_record_warn (rec, "poor_scan", page,
                        "第%d页识别质量差：%u个表格数值中%u个存疑或未读出，平均置信度 %.2f", page, n, doubtful, mean);
    }
}

static void
warn_unchecked_tables (GkRecord *rec)
{
  static const char *const tables[] = { "active", "applications", "appeals" };
  for (gsize t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      guint n = 0, skipped = 0;
      gsize len = strlen (tables[t]);
      for (guint i = 0; i < rec->checks->len; i++)
        {
          const GkCheck *c = rec->checks->pdata[i];
          if (strncmp (c->id, tables[t], len) != 0 || c->id[len] != '.')
            continue;
          n++;
          skipped += c->status == GK_CHECK_SKIPPED;
        }
      if (n > 0 && skipped == n)
        gk_record_warn (rec, "checks_skipped", 0, "表格 %s 的%u项核对全部跳过（所需数值未读出），其勾稽关系未经核验",
                        tables[t], n);
    }
}

void
gk_scan_quality_warn (GkRecord *rec)
{
  warn_poor_pages (rec);
  warn_unchecked_tables (rec);
}
