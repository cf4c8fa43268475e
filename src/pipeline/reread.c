/* reread.c — see reread.h. */
#include "reread.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check/check.h"
#include "ocr/ocr.h"

/* Boxes equal within this (points) are the same cell. */
#define GK_REREAD_BOX_EPS_PT 0.01

GPtrArray *
gk_reread_save_warnings (const GkContent *content)
{
  if (!content->reread)
    return NULL;
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_warning_free);
  for (guint i = 0; i < content->warnings->len; i++)
    {
      const GkWarning *w = content->warnings->pdata[i];
      g_ptr_array_add (copy, gk_warning_new (w->code, w->page, "%s", w->message));
    }
  return copy;
}

static gboolean
same_place (const GkSource *a, const GkSource *b)
{
  return a->page == b->page && a->has_box && b->has_box && fabs (a->box.x0 - b->box.x0) < GK_REREAD_BOX_EPS_PT
         && fabs (a->box.y0 - b->box.y0) < GK_REREAD_BOX_EPS_PT && fabs (a->box.x1 - b->box.x1) < GK_REREAD_BOX_EPS_PT
         && fabs (a->box.y1 - b->box.y1) < GK_REREAD_BOX_EPS_PT;
}

static GkCell *
find_cell (const GkContent *content, const GkSource *src)
{
  for (guint i = 0; i < content->rows->len; i++)
    {
      GkRow *row = content->rows->pdata[i];
      for (guint j = 0; j < row->cells->len; j++)
        {
          GkCell *c = row->cells->pdata[j];
          if (same_place (&c->src, src))
            return c;
        }
    }
  return NULL;
}

/* Reads one suspect cell again; TRUE when its reading was replaced.  A
 * doubtful cell (below GK_REREAD_DOUBT_CONFIDENCE) read again as something
 * else, and not confidently either, is two guesses: no value (its
 * confidence goes to 0, which the matcher writes as ocr_unreadable). */
static gboolean
reread_cell (GkContent *content, GkCell *cell, gboolean doubtful)
{
  char *raw = NULL;
  double conf = 0;
  if (!content->reread (content->reread_data, &cell->src, &raw, &conf))
    return FALSE;
  gboolean accepted = conf >= GK_OCR_REREAD_ACCEPT;
  gboolean same = strcmp (raw, cell->raw) == 0;
  if (accepted && !same)
    gk_content_warn (content, "ocr_reread", cell->src.page,
                     "page %d: a doubtful cell read again: “%s” (confidence %.2f) is “%s” (confidence %.2f)",
                     cell->src.page, cell->raw, cell->src.confidence, raw, conf);
  if (accepted)
    {
      /* the same text read twice, the second time confidently: no longer doubtful */
      cell->src.confidence = same ? MAX (conf, cell->src.confidence) : conf;
      g_free (cell->raw);
      cell->raw = raw;
      return TRUE;
    }
  if (doubtful && !same)
    {
      gk_content_warn (content, "ocr_reread", cell->src.page,
                       "page %d: a doubtful cell read again: “%s” (confidence %.2f), then “%s” (confidence %.2f): "
                       "two guesses, no value", cell->src.page, cell->raw, cell->src.confidence, raw, conf);
      cell->src.confidence = 0;
      g_free (raw);
      return TRUE;
    }
  g_free (raw);
  return FALSE;
}

/* Reads again every cell of a value below GK_REREAD_DOUBT_CONFIDENCE. */
static gboolean
reread_doubtful_values (GkContent *content, const GkRecord *rec, GHashTable *tried)
{
  gboolean changed = FALSE;
  for (guint i = 0; i < rec->values->len; i++)
    {
      const GkValue *v = rec->values->pdata[i];
      if (v->kind == GK_VALUE_NULL || !v->has_source || v->src.method != GK_METHOD_OCR
          || v->src.confidence >= GK_REREAD_DOUBT_CONFIDENCE)
        continue;
      GkCell *cell = find_cell (content, &v->src);
      if (cell && g_hash_table_add (tried, cell))
        changed |= reread_cell (content, cell, TRUE);
    }
  return changed;
}

GkRecord *
gk_reread_suspects (const GkPipeline *p, const char *name, GkContent *content, GPtrArray *saved_warnings, GkRecord *rec)
{
  if (!content->reread || !saved_warnings)
    return rec;
  g_autoptr (GHashTable) tried = g_hash_table_new (NULL, NULL);
  gboolean changed = reread_doubtful_values (content, rec, tried);
  for (guint i = 0; i < rec->checks->len; i++)
    {
      GkCheck *c = rec->checks->pdata[i];
      if (c->status != GK_CHECK_FAIL || !c->suspect_ocr)
        continue;
      for (guint j = 0; j < c->operands->len; j++)
        {
          const GkValue *v = gk_record_get (rec, g_array_index (c->operands, GkCheckOperand, j).key);
          if (!gk_value_is_suspect_ocr (v))
            continue;
          GkCell *cell = find_cell (content, &v->src);
          if (!cell || !g_hash_table_add (tried, cell))
            continue;
          changed |= reread_cell (content, cell, FALSE);
        }
    }
  if (changed)
    {
      /* the reading warnings again, before those the re-reads just added */
      for (guint i = 0; i < saved_warnings->len; i++)
        g_ptr_array_insert (content->warnings, (gint) i, g_ptr_array_steal_index (saved_warnings, 0));
      GkRecord *again = gk_pipeline_record_from_content (p, name, content);
      again->sha256 = g_steal_pointer (&rec->sha256);
      gk_record_free (rec);
      rec = again;
    }
  return rec;
}

/* The last page read by OCR, 0 when none. */
static int
last_ocr_page (const GkContent *content)
{
  int last = 0;
  for (guint i = 0; i < content->ocr_pages->len; i++)
    last = MAX (last, g_array_index (content->ocr_pages, int, i));
  return last;
}

void
gk_reread_signature_date (const GkNarrativeRules *rules, GkContent *content, GkRecord *rec)
{
  int page = last_ocr_page (content);
  if (rec->published_on || !content->reread_dark || page == 0)
    return;
  guint found = 0;
  double top = G_MAXDOUBLE;
  for (guint i = content->lines->len; i-- > 0 && found < GK_REREAD_FOOT_LINES;)
    {
      const GkLine *l = content->lines->pdata[i];
      if (l->src.page == page && l->src.has_box)
        top = MIN (top, l->src.box.y0), found++;
    }
  if (!found)
    return;
  GkRect foot = { 0, top, G_MAXDOUBLE, G_MAXDOUBLE };
  for (guint splits = 1; splits <= GK_REREAD_DARK_SPLITS; splits++)
    {
      g_autoptr (GPtrArray) lines = content->reread_dark (content->reread_data, page, &foot, splits);
      if (!lines || !gk_narrative_read_date (rules, lines, rec))
        continue;
      int signed_in = atoi (rec->published_on);
      if (rec->year > 0 && signed_in != rec->year && signed_in != rec->year + 1)
        {
          g_clear_pointer (&rec->published_on, g_free);
          rec->date_src = (GkSource) { 0 };
          continue;
        }
      gk_record_warn (rec, "ocr_reread", page,
                      "page %d: the signature's date, under a seal, read again from the darker ink alone: %s", page,
                      rec->published_on);
      return;
    }
}
