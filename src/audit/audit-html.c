/* audit-html.c — see audit-html.h.
 *
 * One report is written in this order: header, findings, the template's
 * tables, prose figures, other values, all checks, warnings, and last the
 * hidden evidence elements collected while writing the cells (each
 * provenance entry once: a breakdown part's count and percent share one
 * sentence).
 */
#include "audit-html.h"
#include "audit-page.h"
#include <stdio.h>
#include <string.h>

/* Non-blank source lines shown before and after the line a value was read from. */
#define CONTEXT_LINES 1

GkAuditFailure *
gk_audit_failure_new (const char *file, const char *cause)
{
  GkAuditFailure *f = g_new0 (GkAuditFailure, 1);
  f->file = g_strdup (file);
  f->cause = g_strdup (cause);
  return f;
}

void
gk_audit_failure_free (GkAuditFailure *f)
{
  if (!f)
    return;
  g_free (f->file);
  g_free (f->cause);
  g_free (f);
}

GkAuditReview *
gk_audit_review_new (const char *check_id, const char *decision, const char *reason, const char *at)
{
  GkAuditReview *r = g_new0 (GkAuditReview, 1);
  r->check_id = g_strdup (check_id);
  r->decision = g_strdup (decision);
  r->reason = g_strdup (reason);
  r->at = g_strdup (at);
  return r;
}

void
gk_audit_review_free (GkAuditReview *r)
{
  if (!r)
    return;
  g_free (r->check_id);
  g_free (r->decision);
  g_free (r->reason);
  g_free (r->at);
  g_free (r);
}

GkAuditReport *
gk_audit_report_new (json_t *record)
{
  GkAuditReport *r = g_new0 (GkAuditReport, 1);
  r->record = json_incref (record);
  r->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_audit_review_free);
  return r;
}

void
gk_audit_report_free (GkAuditReport *r)
{
  if (!r)
    return;
  json_decref (r->record);
  gk_audit_source_free (r->source);
  g_free (r->source_error);
  g_free (r->source_path);
  g_ptr_array_unref (r->reviews);
  g_free (r);
}

/* ---- one report's state while it is written ---- */

typedef struct {
  const GkTemplateSet *set;
  GkAuditReport *rep;
  int n;                    /* 1-based number of the report on the page */
  GkAuditCrops crops;
  json_t *prov;
  json_t *checks;
  GHashTable *values;       /* flat key → json_t* (borrowed) */
  GPtrArray *order;         /* flat keys in record order */
  GHashTable *fail_checks;  /* key → GString*: ids of failing checks it is an operand of */
  GHashTable *fail_msgs;    /* key → GString*: their messages, one a line (the cell's tooltip) */
  GHashTable *suspect;      /* keys operand of a suspect-OCR failing check */
  GHashTable *placed;       /* keys written as cells */
  GHashTable *evidence;     /* provenance key → itself, evidence to write */
  GPtrArray *ev_order;      /* provenance keys in order of first use */
  GHashTable *reviews;      /* check id → GkAuditReview* (borrowed) */
  GHashTable *labels;       /* key → label made for it (owned) */
} Rep;

/* The provenance entry of a key: its own, or its parent's (a breakdown
 * part's count and percent come from the part's sentence).  Newly
 * allocated; NULL when the key was never seen on a page. */
static char *
prov_key (Rep *r, const char *key, json_t **entry)
{
  g_autofree char *k = g_strdup (key);
  for (;;)
    {
      json_t *v = json_object_get (r->prov, k);
      if (v)
        {
          if (entry)
            *entry = v;
          return g_steal_pointer (&k);
        }
      char *dot = strrchr (k, '.');
      if (!dot)
        return NULL;
      *dot = '\0';
    }
}

static const char *
str_field (json_t *obj, const char *field)
{
  json_t *v = json_object_get (obj, field);
  return json_is_string (v) ? json_string_value (v) : NULL;
}

/* The Chinese label of a key: the template's; for a breakdown part its
 * own label from the report with 条数/占比; for another prose figure the
 * report's own words (主动公开政府信息累计8827条); else the key. */
static const char *
key_label (Rep *r, const char *key)
{
  const char *l = gk_template_key_label (r->set, key);
  if (l && strcmp (l, key) != 0)
    return l;
  l = g_hash_table_lookup (r->labels, key);
  if (l)
    return l;
  guint idx = 0;
  char field[8] = "";
  if (sscanf (key, "narrative.active_breakdown.%u.%7s", &idx, field) == 2 && idx > 0)
    {
      json_t *parts = json_object_get (json_object_get (json_object_get (r->rep->record, "data"), "narrative"),
                                       "active_breakdown");
      const char *label = str_field (json_array_get (parts, idx - 1), "label");
      char *made = g_strdup_printf ("%s（%s）", label ? label : key, strcmp (field, "percent") == 0 ? "占比%" : "条数");
      g_hash_table_insert (r->labels, g_strdup (key), made);
      return made;
    }
  json_t *p = NULL;
  g_autofree char *pk = g_str_has_prefix (key, "narrative.") ? prov_key (r, key, &p) : NULL;
  if (pk)
    {
      const char *raw = str_field (p, "raw");
      if (raw)
        return raw;
    }
  return key;
}

static void
attr (GString *o, const char *name, const char *value)
{
  g_string_append_printf (o, " %s=\"", name);
  gk_html_escape (o, value);
  g_string_append_c (o, '"');
}

static void
collect_checks (Rep *r)
{
  size_t i;
  json_t *c;
  json_array_foreach (r->checks, i, c)
    {
      const char *status = str_field (c, "status");
      if (!status || strcmp (status, "fail") != 0)
        continue;
      gboolean suspect = json_is_true (json_object_get (c, "suspect_ocr"));
      const char *k;
      json_t *v;
      json_object_foreach (json_object_get (c, "values"), k, v)
        {
          GString *ids = g_hash_table_lookup (r->fail_checks, k);
          if (!ids)
            {
              ids = g_string_new (NULL);
              g_hash_table_insert (r->fail_checks, g_strdup (k), ids);
            }
          g_string_append_printf (ids, "%s%s", ids->len ? " " : "", str_field (c, "id"));
          GString *msgs = g_hash_table_lookup (r->fail_msgs, k);
          if (!msgs)
            {
              msgs = g_string_new (NULL);
              g_hash_table_insert (r->fail_msgs, g_strdup (k), msgs);
            }
          const char *m = str_field (c, "message");
          g_string_append_printf (msgs, "%s%s", msgs->len ? "\n" : "", m ? m : "");
          if (suspect)
            g_hash_table_add (r->suspect, g_strdup (k));
        }
    }
}

static void
write_cell (GString *o, Rep *r, const char *key, const char *label)
{
  json_t *v;
  if (!g_hash_table_lookup_extended (r->values, key, NULL, (gpointer *) &v))
    {
      g_string_append (o, "<td class=\"absent\" title=\"本报告无此项\"></td>");
      return;
    }
  g_hash_table_add (r->placed, g_strdup (key));
  g_string_append (o, "<td class=\"v");
  if (json_is_null (v))
    g_string_append (o, " null");
  GString *fails = g_hash_table_lookup (r->fail_checks, key);
  if (fails)
    g_string_append (o, " fail");
  if (g_hash_table_contains (r->suspect, key))
    g_string_append (o, " suspect");
  g_string_append_c (o, '"');
  g_autofree char *id = g_strdup_printf ("r%d-v-%s", r->n, key);
  attr (o, "id", id);
  attr (o, "data-k", key);
  attr (o, "data-label", label ? label : key_label (r, key));
  if (fails)
    {
      attr (o, "data-checks", fails->str);
      attr (o, "title", ((GString *) g_hash_table_lookup (r->fail_msgs, key))->str);
    }
  char *pk = prov_key (r, key, NULL);
  if (pk)
    {
      g_autofree char *ev = g_strdup_printf ("r%d-e-%s", r->n, pk);
      attr (o, "data-ev", ev);
      if (!g_hash_table_contains (r->evidence, pk))
        {
          g_hash_table_add (r->evidence, pk);
          g_ptr_array_add (r->ev_order, pk);
        }
      else
        g_free (pk);
    }
  g_string_append (o, " tabindex=\"0\">");
  if (json_is_null (v))
    g_string_append (o, "空");
  else
    gk_audit_json_number (o, v);
  g_string_append (o, "</td>");
}

/* ---- the template's tables ---- */

/* Column headers; labels "组·列" (table 四) get a group row above. */
static void
write_block_header (GString *o, const GkTplBlock *blk)
{
  gboolean grouped = FALSE;
  for (guint c = 0; c < blk->columns->len; c++)
    grouped |= strstr (((GkTplColumn *) blk->columns->pdata[c])->label, "·") != NULL;
  if (grouped)
    {
      g_string_append (o, "<tr><th rowspan=\"2\"></th>");
      for (guint c = 0; c < blk->columns->len;)
        {
          const char *label = ((GkTplColumn *) blk->columns->pdata[c])->label;
          const char *dot = strstr (label, "·");
          gsize glen = dot ? (gsize) (dot - label) : 0;
          guint span = 1;
          while (dot && c + span < blk->columns->len
                 && strncmp (((GkTplColumn *) blk->columns->pdata[c + span])->label, label, glen + strlen ("·")) == 0)
            span++;
          g_autofree char *group = g_strndup (label, glen);
          g_string_append_printf (o, "<th class=\"col\" colspan=\"%u\">", span);
          gk_html_escape (o, group);
          g_string_append (o, "</th>");
          c += span;
        }
      g_string_append (o, "</tr>\n<tr>");
    }
  else
    g_string_append (o, "<tr><th></th>");
  for (guint c = 0; c < blk->columns->len; c++)
    {
      const char *label = ((GkTplColumn *) blk->columns->pdata[c])->label;
      const char *dot = strstr (label, "·");
      g_string_append (o, "<th class=\"col\">");
      gk_html_escape (o, dot ? dot + strlen ("·") : label);
      g_string_append (o, "</th>");
    }
  g_string_append (o, "</tr>\n");
}

static void
write_tables (GString *o, Rep *r, const GkTemplate *tpl)
{
  for (guint s = 0; s < tpl->sections->len; s++)
    {
      GkTplSection *sec = tpl->sections->pdata[s];
      g_autofree char *sid = g_strdup_printf ("r%d-t-%s", r->n, sec->key);
      g_string_append (o, "<table class=\"tpl\"");
      attr (o, "id", sid);
      g_string_append (o, "><caption>");
      gk_html_escape (o, sec->label);
      g_string_append (o, "</caption>\n");
      for (guint b = 0; b < sec->blocks->len; b++)
        {
          GkTplBlock *blk = sec->blocks->pdata[b];
          write_block_header (o, blk);
          for (guint rw = 0; rw < blk->rows->len; rw++)
            {
              GkTplRow *row = blk->rows->pdata[rw];
              g_string_append (o, "<tr><th class=\"row\">");
              gk_html_escape (o, row->label);
              g_string_append (o, "</th>");
              for (guint c = 0; c < blk->columns->len; c++)
                {
                  g_autofree char *key = gk_template_key (sec, row, blk->columns->pdata[c]);
                  write_cell (o, r, key, NULL);
                }
              g_string_append (o, "</tr>\n");
            }
        }
      g_string_append (o, "</table>\n");
    }
}

/* ---- prose figures, other values ---- */

static void
write_prose (GString *o, Rep *r)
{
  g_autoptr (GString) rows = g_string_new (NULL);
  json_t *parts = json_object_get (json_object_get (json_object_get (r->rep->record, "data"), "narrative"),
                                   "active_breakdown");
  for (guint i = 0; i < r->order->len; i++)
    {
      const char *key = r->order->pdata[i];
      if (!g_str_has_prefix (key, "narrative.") || g_hash_table_contains (r->placed, key))
        continue;
      if (g_str_has_prefix (key, "narrative.active_breakdown."))
        {
          /* one row per part: label, count, percent */
          guint idx = (guint) g_ascii_strtoull (key + strlen ("narrative.active_breakdown."), NULL, 10);
          json_t *part = json_array_get (parts, idx - 1);
          g_autofree char *kc = g_strdup_printf ("narrative.active_breakdown.%u.count", idx);
          g_autofree char *kp = g_strdup_printf ("narrative.active_breakdown.%u.percent", idx);
          const char *label = str_field (part, "label");
          g_string_append_printf (rows, "<tr><th class=\"row\">其中 %u：", idx);
          gk_html_escape (rows, label);
          g_string_append (rows, "</th>");
          write_cell (rows, r, kc, NULL);
          write_cell (rows, r, kp, NULL);
          g_string_append (rows, "</tr>\n");
          continue;
        }
      g_string_append (rows, "<tr><th class=\"row\">");
      gk_html_escape (rows, key_label (r, key));
      g_string_append (rows, "</th>");
      write_cell (rows, r, key, NULL);
      g_string_append (rows, "<td class=\"absent\"></td></tr>\n");
    }
  if (!rows->len)
    return;
  g_string_append_printf (o, "<table class=\"tpl\" id=\"r%d-t-narrative\"><caption>正文中的数字</caption>\n"
                          "<tr><th>正文原文</th><th class=\"col\">数值 / 条数</th><th class=\"col\">占比%%</th></tr>\n%s</table>\n",
                          r->n, rows->str);
}

static void
write_other_values (GString *o, Rep *r)
{
  g_autoptr (GString) rows = g_string_new (NULL);
  for (guint i = 0; i < r->order->len; i++)
    {
      const char *key = r->order->pdata[i];
      if (g_hash_table_contains (r->placed, key))
        continue;
      g_string_append (rows, "<tr><th class=\"row\">");
      gk_html_escape (rows, key_label (r, key));
      g_string_append (rows, "</th><td class=\"prov\">");
      gk_html_escape (rows, key);
      g_string_append (rows, "</td>");
      write_cell (rows, r, key, NULL);
      g_string_append (rows, "</tr>\n");
    }
  if (rows->len)
    g_string_append_printf (o, "<table class=\"tpl\" id=\"r%d-t-other\"><caption>模板以外的数值</caption>\n%s</table>\n",
                            r->n, rows->str);
}

/* ---- checks ---- */

/* The operand a formula word names: the operand whose key it is, or for
 * a bare word ("new_received") the one operand whose key has it as a path
 * segment (applications.new_received.total); NULL when none or several
 * (items_prev_year of both years in a cross-year check). */
static json_t *
formula_operand (json_t *values, const char *word)
{
  json_t *exact = json_object_get (values, word);
  if (exact || strchr (word, '.'))
    return exact;
  json_t *match = NULL;
  int n_match = 0;
  const char *k;
  json_t *v;
  json_object_foreach (values, k, v)
    {
      /* cross-year operands are named key@year: a word naming both years' key is ambiguous */
      g_autofree char *bare = g_strndup (k, strcspn (k, "@"));
      g_auto (GStrv) segs = g_strsplit (bare, ".", -1);
      if (g_strv_contains ((const char *const *) segs, word))
        {
          match = v;
          n_match++;
        }
    }
  return n_match == 1 ? match : NULL;
}

static gboolean
word_char (char c, gboolean first)
{
  return g_ascii_islower (c) || c == '_' || (!first && (g_ascii_isdigit (c) || c == '.'));
}

/* The formula with each operand's number after the word that names it. */
static void
write_formula (GString *o, json_t *check)
{
  const char *formula = str_field (check, "formula");
  json_t *values = json_object_get (check, "values");
  if (!formula)
    return;
  g_string_append (o, "<div class=\"formula\">");
  const char *p = formula;
  while (*p)
    {
      const char *q = p;
      if (!word_char (*p, TRUE))
        {
          while (*q && !word_char (*q, TRUE))
            q = g_utf8_next_char (q);
          g_autofree char *plain = g_strndup (p, (gsize) (q - p));
          gk_html_escape (o, plain);
          p = q;
          continue;
        }
      while (word_char (*q, FALSE))
        q++;
      while (q > p + 1 && q[-1] == '.')
        q--;   /* a full stop ends the sentence, not the key */
      g_autofree char *word = g_strndup (p, (gsize) (q - p));
      gk_html_escape (o, word);
      json_t *match = formula_operand (values, word);
      if (match)
        {
          g_string_append (o, "<b>[");
          if (json_is_null (match))
            g_string_append (o, "空");
          else
            gk_audit_json_number (o, match);
          g_string_append (o, "]</b>");
        }
      p = q;
    }
  g_string_append (o, "</div>");
}

static void
write_review (GString *o, const GkAuditReview *rv)
{
  if (!rv)
    return;
  gboolean dismissed = g_strcmp0 (rv->decision, "dismissed") == 0;
  g_string_append_printf (o, "<div class=\"review %s\">%s：", dismissed ? "dismissed" : "confirmed",
                          dismissed ? "已驳回（dismissed）" : "已确认（confirmed）");
  gk_html_escape (o, rv->reason);
  if (rv->at)
    {
      g_string_append (o, " <span class=\"note\">");
      gk_html_escape (o, rv->at);
      g_string_append (o, "</span>");
    }
  g_string_append (o, "</div>");
}

/* Space-separated ids of the cells of a check's operands that are on the page. */
static char *
check_cells (Rep *r, json_t *check)
{
  GString *cells = g_string_new (NULL);
  const char *k;
  json_t *v;
  json_object_foreach (json_object_get (check, "values"), k, v)
    if (g_hash_table_contains (r->placed, k))
      g_string_append_printf (cells, "%sr%d-v-%s", cells->len ? " " : "", r->n, k);
  return g_string_free (cells, FALSE);
}

/* Space-separated canonical keys of a check's operands. */
static char *
check_keys (json_t *check)
{
  GString *keys = g_string_new (NULL);
  const char *k;
  json_t *v;
  json_object_foreach (json_object_get (check, "values"), k, v)
    g_string_append_printf (keys, "%s%s", keys->len ? " " : "", k);
  return g_string_free (keys, FALSE);
}

static void
write_operands (GString *o, Rep *r, json_t *check)
{
  g_string_append (o, "<table class=\"ops\"><tr><th>项</th><th>数值</th><th>原文</th><th>出处</th></tr>");
  const char *k;
  json_t *v;
  json_object_foreach (json_object_get (check, "values"), k, v)
    {
      g_string_append (o, "<tr><td>");
      if (g_hash_table_contains (r->placed, k))
        {
          g_autofree char *cell = g_strdup_printf ("r%d-v-%s", r->n, k);
          g_string_append (o, "<a href=\"#\"");
          attr (o, "data-cell", cell);
          g_string_append (o, ">");
          gk_html_escape (o, key_label (r, k));
          g_string_append (o, "</a>");
        }
      else
        gk_html_escape (o, k);
      g_string_append (o, "</td><td class=\"num\">");
      if (json_is_null (v))
        g_string_append (o, "空");
      else
        gk_audit_json_number (o, v);
      g_string_append (o, "</td><td>");
      json_t *p = NULL;
      g_autofree char *pk = prov_key (r, k, &p);
      if (pk)
        {
          gk_html_escape (o, str_field (p, "raw"));
          g_string_append (o, "</td><td class=\"prov\">");
          json_t *page = json_object_get (p, "page"), *line = json_object_get (p, "line");
          if (json_is_integer (page))
            g_string_append_printf (o, "第%" JSON_INTEGER_FORMAT "页 ", json_integer_value (page));
          if (json_is_integer (line))
            g_string_append_printf (o, "第%" JSON_INTEGER_FORMAT "行", json_integer_value (line));
        }
      else
        g_string_append (o, "</td><td>");
      g_string_append (o, "</td></tr>");
    }
  g_string_append (o, "</table>");
}

static void
write_findings (GString *o, Rep *r)
{
  g_autoptr (GString) items = g_string_new (NULL);
  size_t i;
  json_t *c;
  json_array_foreach (r->checks, i, c)
    {
      if (g_strcmp0 (str_field (c, "status"), "fail") != 0)
        continue;
      const char *id = str_field (c, "id");
      GkAuditReview *rv = id ? g_hash_table_lookup (r->reviews, id) : NULL;
      g_autofree char *cells = check_cells (r, c);
      g_autofree char *fid = g_strdup_printf ("r%d-f-%s", r->n, id ? id : "");
      /* only the two known decisions become a class: the database is input too */
      const char *decided = !rv ? "" : g_strcmp0 (rv->decision, "dismissed") == 0 ? " dismissed" : " confirmed";
      g_string_append_printf (items, "<li class=\"finding%s\"", decided);
      attr (items, "id", fid);
      attr (items, "data-check", id);
      attr (items, "data-cells", cells);
      g_string_append (items, "><span class=\"badge st-fail\">fail</span>");
      if (json_is_true (json_object_get (c, "suspect_ocr")))
        g_string_append (items, "<span class=\"badge suspect\">OCR存疑</span>");
      g_string_append (items, "<span class=\"cid\">");
      gk_html_escape (items, id);
      g_string_append (items, "</span><div class=\"msg\">");
      gk_html_escape (items, str_field (c, "message"));
      g_string_append (items, "</div>");
      write_formula (items, c);
      write_operands (items, r, c);
      write_review (items, rv);
      g_string_append (items, "</li>\n");
    }
  g_string_append (o, "<h3>发现的问题（未通过的校验）</h3>\n");
  if (items->len)
    g_string_append_printf (o, "<ol class=\"findings\">\n%s</ol>\n", items->str);
  else
    g_string_append (o, "<p class=\"note\">所有可核对的算式均相符。</p>\n");
}

static void
write_all_checks (GString *o, Rep *r)
{
  guint n[3] = { 0, 0, 0 };
  g_autoptr (GString) rows = g_string_new (NULL);
  size_t i;
  json_t *c;
  json_array_foreach (r->checks, i, c)
    {
      const char *status = str_field (c, "status");
      const char *id = str_field (c, "id");
      n[g_strcmp0 (status, "pass") == 0 ? 0 : g_strcmp0 (status, "fail") == 0 ? 1 : 2]++;
      g_autofree char *keys = check_keys (c);
      g_string_append (rows, "<tr class=\"chk\"");
      attr (rows, "data-check", id);
      attr (rows, "data-status", status);
      attr (rows, "data-keys", keys);
      const char *known = g_strcmp0 (status, "pass") == 0 || g_strcmp0 (status, "fail") == 0 ? status : "skipped";
      g_string_append_printf (rows, "><td><span class=\"badge st-%s\">", known);
      gk_html_escape (rows, status);
      g_string_append (rows, "</span></td><td class=\"cid\">");
      gk_html_escape (rows, id);
      g_string_append (rows, "</td><td><div class=\"msg\">");
      gk_html_escape (rows, str_field (c, "message"));
      g_string_append (rows, "</div>");
      write_formula (rows, c);
      write_review (rows, id ? g_hash_table_lookup (r->reviews, id) : NULL);
      g_string_append (rows, "</td></tr>\n");
    }
  g_string_append_printf (o, "<details><summary>全部校验：%u 项相符，%u 项不符，%u 项无法核对</summary>\n"
                          "<table class=\"checks\">\n%s</table></details>\n", n[0], n[1], n[2], rows->str);
}

static void
write_warnings (GString *o, Rep *r)
{
  json_t *warnings = json_object_get (r->rep->record, "warnings");
  if (!json_array_size (warnings))
    return;
  g_string_append_printf (o, "<details><summary>提取时的警告（%zu）</summary><table>\n", json_array_size (warnings));
  size_t i;
  json_t *w;
  json_array_foreach (warnings, i, w)
    {
      g_string_append (o, "<tr><td class=\"cid\">");
      gk_html_escape (o, str_field (w, "code"));
      g_string_append (o, "</td><td>");
      json_t *page = json_object_get (w, "page");
      if (json_is_integer (page))
        g_string_append_printf (o, "第%" JSON_INTEGER_FORMAT "页", json_integer_value (page));
      g_string_append (o, "</td><td>");
      gk_html_escape (o, str_field (w, "message"));
      g_string_append (o, "</td></tr>\n");
    }
  g_string_append (o, "</table></details>\n");
}

/* ---- evidence ---- */

static gboolean
blank (const char *s)
{
  for (; s && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* The line CONTEXT_LINES non-blank lines away from `line` in direction `dir`. */
static int
context_line (GkAuditSource *src, int line, int dir)
{
  int l = line;
  for (int n = 0; n < CONTEXT_LINES; n++)
    {
      int next = l + dir;
      while (gk_audit_source_line (src, next) && blank (gk_audit_source_line (src, next)))
        next += dir;
      if (!gk_audit_source_line (src, next))
        break;
      l = next;
    }
  return l;
}

/* The source lines around `line` (blank lines skipped: pdftotext leaves
 * many), the line itself marked; the raw text is marked inside it only
 * where it occurs once (a "0" in a row of zeros cannot be told from its
 * neighbours, the line number says enough). */
static void
write_lines (GString *o, GkAuditSource *src, int line, const char *raw)
{
  g_string_append (o, "<pre class=\"src\">");
  int last = context_line (src, line, +1);
  for (int l = context_line (src, line, -1); l <= last; l++)
    {
      const char *text = gk_audit_source_line (src, l);
      if (!text || (l != line && blank (text)))
        continue;
      g_string_append_printf (o, "<span class=\"ln%s\">%d</span>", l == line ? " cur" : "", l);
      const char *hit = raw && *raw && l == line ? strstr (text, raw) : NULL;
      if (hit && strstr (hit + 1, raw))
        hit = NULL;
      if (l == line)
        g_string_append (o, "<span class=\"cur\">");
      if (hit)
        {
          g_autofree char *before = g_strndup (text, (gsize) (hit - text));
          gk_html_escape (o, before);
          g_string_append (o, "<mark>");
          gk_html_escape (o, raw);
          g_string_append (o, "</mark>");
          gk_html_escape (o, hit + strlen (raw));
        }
      else
        gk_html_escape (o, text);
      if (l == line)
        g_string_append (o, "</span>");
      g_string_append_c (o, '\n');
    }
  g_string_append (o, "</pre>");
}

static gboolean
bbox_of (json_t *p, GkRect *box)
{
  json_t *b = json_object_get (p, "bbox");
  if (json_array_size (b) != 4)
    return FALSE;
  double v[4];
  for (int i = 0; i < 4; i++)
    {
      json_t *x = json_array_get (b, (size_t) i);
      if (!json_is_number (x))
        return FALSE;
      v[i] = json_number_value (x);
    }
  *box = (GkRect) { v[0], v[1], v[2], v[3] };
  return TRUE;
}

static gboolean
needs_crop (Rep *r, const char *pkey)
{
  if (r->crops == GK_AUDIT_CROPS_ALL)
    return TRUE;
  if (r->crops == GK_AUDIT_CROPS_NONE)
    return FALSE;
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init (&it, r->fail_checks);
  while (g_hash_table_iter_next (&it, &k, NULL))
    if (strcmp (k, pkey) == 0 || (g_str_has_prefix (k, pkey) && ((char *) k)[strlen (pkey)] == '.'))
      return TRUE;
  return FALSE;
}

static void
write_evidence (GString *o, Rep *r, const char *pkey)
{
  json_t *p = json_object_get (r->prov, pkey);
  g_autofree char *id = g_strdup_printf ("r%d-e-%s", r->n, pkey);
  json_t *page = json_object_get (p, "page"), *line = json_object_get (p, "line");
  const char *raw = str_field (p, "raw");
  g_string_append (o, "<div class=\"ev\" hidden");
  attr (o, "id", id);
  g_string_append (o, "><div class=\"prov\">");
  if (json_is_integer (page))
    g_string_append_printf (o, "第%" JSON_INTEGER_FORMAT "页 · ", json_integer_value (page));
  if (json_is_integer (line))
    g_string_append_printf (o, "第%" JSON_INTEGER_FORMAT "行 · ", json_integer_value (line));
  g_string_append (o, "读取方式 ");
  gk_html_escape (o, str_field (p, "method"));
  json_t *conf = json_object_get (p, "confidence");
  if (json_is_number (conf))
    g_string_append_printf (o, " · 置信度 %.2f", json_number_value (conf));
  g_string_append (o, " · 原文“<span class=\"raw\">");
  gk_html_escape (o, raw);
  g_string_append (o, "</span>”</div>");

  GkAuditSource *src = r->rep->source;
  GkRect box;
  if (!src)
    {
      g_string_append (o, "<p class=\"note\">源文件不可用：");
      gk_html_escape (o, r->rep->source_error ? r->rep->source_error : "未提供");
      g_string_append (o, "</p>");
    }
  else if (gk_audit_source_kind (src) == GK_INPUT_PDF && json_is_integer (page) && bbox_of (p, &box))
    {
      if (needs_crop (r, pkey))
        {
          g_autoptr (GError) error = NULL;
          g_autoptr (GBytes) png = gk_audit_source_crop (src, (int) json_integer_value (page), &box, &error);
          if (png)
            {
              gsize len;
              const guchar *data = g_bytes_get_data (png, &len);
              g_autofree char *b64 = g_base64_encode (data, len);
              g_string_append_printf (o, "<img class=\"crop\" alt=\"第%" JSON_INTEGER_FORMAT "页截图\" "
                                      "src=\"data:image/png;base64,%s\">",
                                      json_integer_value (page), b64);
            }
          else
            {
              g_string_append (o, "<p class=\"note\">无法截取页面：");
              gk_html_escape (o, error->message);
              g_string_append (o, "</p>");
            }
        }
      else
        g_string_append (o, "<p class=\"note\">未生成截图（--crops）。</p>");
    }
  else if (gk_audit_source_kind (src) != GK_INPUT_PDF && json_is_integer (line))
    {
      json_int_t l = json_integer_value (line);
      if (l >= 1 && l <= G_MAXINT && gk_audit_source_line (src, (int) l))
        write_lines (o, src, (int) l, raw);
      else
        g_string_append (o, "<p class=\"note\">行号不在源文件中。</p>");
    }
  else
    g_string_append (o, "<p class=\"note\">出处未记录页面位置或行号。</p>");
  g_string_append (o, "</div>\n");
}

/* ---- report and summary ---- */

static const char *
report_str (json_t *record, const char *obj, const char *field)
{
  return str_field (json_object_get (record, obj), field);
}

typedef struct {
  guint failing, suspect, missing, reviewed;
} Counts;

static Counts
count_report (GkAuditReport *rep)
{
  Counts n = { 0 };
  size_t i;
  json_t *c;
  json_array_foreach (json_object_get (rep->record, "checks"), i, c)
    if (g_strcmp0 (str_field (c, "status"), "fail") == 0)
      {
        n.failing++;
        n.suspect += json_is_true (json_object_get (c, "suspect_ocr"));
        for (guint k = 0; k < rep->reviews->len; k++)
          if (g_strcmp0 (((GkAuditReview *) rep->reviews->pdata[k])->check_id, str_field (c, "id")) == 0)
            {
              n.reviewed++;
              break;
            }
      }
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  g_ptr_array_add (stack, json_object_get (rep->record, "data"));
  while (stack->len)
    {
      json_t *o = g_ptr_array_steal_index (stack, stack->len - 1);
      const char *k;
      json_t *v;
      json_object_foreach (o, k, v)
        if (json_is_object (v))
          g_ptr_array_add (stack, v);
        else if (json_is_null (v))
          n.missing++;
    }
  return n;
}

static void
meta_row (GString *o, const char *name, const char *value)
{
  g_string_append (o, "<div><dt>");
  gk_html_escape (o, name);
  g_string_append (o, "</dt><dd>");
  gk_html_escape (o, value ? value : "—");
  g_string_append (o, "</dd></div>");
}

static void
string_free (gpointer s)
{
  g_string_free (s, TRUE);
}

static void
write_report (GString *o, const GkTemplateSet *set, GkAuditReport *rep, int n, GkAuditCrops crops)
{
  Rep r = {
    .set = set, .rep = rep, .n = n, .crops = crops,
    .prov = json_object_get (rep->record, "provenance"),
    .checks = json_object_get (rep->record, "checks"),
    .values = g_hash_table_new (g_str_hash, g_str_equal),
    .order = g_ptr_array_new_with_free_func (g_free),
    .fail_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free),
    .fail_msgs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free),
    .suspect = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .ev_order = g_ptr_array_new (),
    .reviews = g_hash_table_new (g_str_hash, g_str_equal),
    .labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };
  json_t *data = json_object_get (rep->record, "data");
  if (json_is_object (data))
    gk_audit_flatten (data, NULL, r.values, r.order);
  for (guint i = 0; i < rep->reviews->len; i++)
    {
      GkAuditReview *rv = rep->reviews->pdata[i];
      g_hash_table_insert (r.reviews, rv->check_id, rv);   /* the last decision wins */
    }
  collect_checks (&r);

  const char *title = report_str (rep->record, "report", "title");
  const char *file = report_str (rep->record, "source", "file");
  const char *template_id = report_str (rep->record, "report", "template");
  json_t *year = json_object_get (json_object_get (rep->record, "report"), "year");
  g_autofree char *year_s = json_is_integer (year) ? g_strdup_printf ("%" JSON_INTEGER_FORMAT, json_integer_value (year)) : NULL;
  json_t *pages = json_object_get (json_object_get (rep->record, "source"), "pages");
  g_autofree char *pages_s = json_is_integer (pages) ? g_strdup_printf ("%" JSON_INTEGER_FORMAT, json_integer_value (pages)) : NULL;

  g_string_append_printf (o, "<section class=\"report\" id=\"r%d\"", n);
  attr (o, "data-title", title ? title : file);
  attr (o, "data-sha256", report_str (rep->record, "source", "sha256"));
  g_string_append (o, "><h2>");
  gk_html_escape (o, title ? title : file);
  g_string_append (o, "</h2><dl class=\"meta\">");
  meta_row (o, "发布机关", report_str (rep->record, "report", "issuer"));
  meta_row (o, "年度", year_s);
  meta_row (o, "模板", template_id);
  meta_row (o, "发布日期", report_str (rep->record, "report", "published_on"));
  meta_row (o, "文件", file);
  meta_row (o, "载体", report_str (rep->record, "source", "media"));
  meta_row (o, "页数", pages_s);
  meta_row (o, "sha256", report_str (rep->record, "source", "sha256"));
  if (!rep->source)
    meta_row (o, "源文件", rep->source_error ? rep->source_error : "未提供，无法显示原文");
  g_string_append (o, "</dl>\n");

  /* cells first (into a buffer), so findings know which operands are on the page */
  g_autoptr (GString) body = g_string_new (NULL);
  const GkTemplate *tpl = template_id ? gk_template_set_find (set, template_id) : NULL;
  if (tpl)
    write_tables (body, &r, tpl);
  else
    g_string_append (body, "<p class=\"note\">未识别出国家模板的表格，以下按数值列出。</p>\n");
  write_prose (body, &r);
  write_other_values (body, &r);

  write_findings (o, &r);
  g_string_append (o, "<h3>表格与数值（点击数值查看原文）</h3>\n");
  g_string_append_len (o, body->str, (gssize) body->len);
  write_all_checks (o, &r);
  write_warnings (o, &r);
  for (guint i = 0; i < r.ev_order->len; i++)
    write_evidence (o, &r, r.ev_order->pdata[i]);
  g_string_append (o, "</section>\n");

  g_hash_table_unref (r.values);
  g_ptr_array_unref (r.order);
  g_hash_table_unref (r.fail_checks);
  g_hash_table_unref (r.fail_msgs);
  g_hash_table_unref (r.suspect);
  g_hash_table_unref (r.placed);
  g_hash_table_unref (r.evidence);
  g_ptr_array_unref (r.ev_order);
  g_hash_table_unref (r.reviews);
  g_hash_table_unref (r.labels);
}

static void
num_cell (GString *o, guint v, gboolean bad)
{
  g_string_append_printf (o, "<td class=\"num%s\" data-sort=\"%u\">%u</td>", bad && v ? " bad" : "", v, v);
}

static void
write_summary (GString *o, GPtrArray *reports)
{
  g_string_append (o, "<table class=\"sortable\" id=\"summary\"><thead><tr>"
                      "<th>发布机关</th><th data-type=\"num\">年度</th><th>模板</th><th>载体</th>"
                      "<th data-type=\"num\">未通过</th><th data-type=\"num\">OCR存疑</th>"
                      "<th data-type=\"num\">缺失值</th><th data-type=\"num\">已复核</th><th>文件</th>"
                      "</tr></thead><tbody>\n");
  for (guint i = 0; i < reports->len; i++)
    {
      GkAuditReport *rep = reports->pdata[i];
      Counts n = count_report (rep);
      const char *issuer = report_str (rep->record, "report", "issuer");
      json_t *year = json_object_get (json_object_get (rep->record, "report"), "year");
      g_string_append_printf (o, "<tr><td><a href=\"#r%u\">", i + 1);
      gk_html_escape (o, issuer ? issuer : "（未识别）");
      g_string_append (o, "</a></td>");
      if (json_is_integer (year))
        g_string_append_printf (o, "<td class=\"num\" data-sort=\"%" JSON_INTEGER_FORMAT "\">%" JSON_INTEGER_FORMAT "</td>",
                                json_integer_value (year), json_integer_value (year));
      else
        g_string_append (o, "<td class=\"num\" data-sort=\"\">—</td>");
      g_string_append (o, "<td>");
      gk_html_escape (o, report_str (rep->record, "report", "template"));
      g_string_append (o, "</td><td>");
      gk_html_escape (o, report_str (rep->record, "source", "media"));
      g_string_append (o, "</td>");
      num_cell (o, n.failing, TRUE);
      num_cell (o, n.suspect, TRUE);
      num_cell (o, n.missing, FALSE);
      num_cell (o, n.reviewed, FALSE);
      g_string_append (o, "<td>");
      gk_html_escape (o, report_str (rep->record, "source", "file"));
      g_string_append (o, "</td></tr>\n");
    }
  g_string_append (o, "</tbody></table>\n");
}

static void
write_failures (GString *o, GPtrArray *failures)
{
  if (!failures || !failures->len)
    return;
  g_string_append_printf (o, "<details open id=\"failures\"><summary>未能读取的文件（%u），未列入审核</summary>"
                             "<table><tr><th>文件</th><th>原因</th></tr>\n", failures->len);
  for (guint i = 0; i < failures->len; i++)
    {
      GkAuditFailure *f = failures->pdata[i];
      g_string_append (o, "<tr><td>");
      gk_html_escape (o, f->file);
      g_string_append (o, "</td><td>");
      gk_html_escape (o, f->cause);
      g_string_append (o, "</td></tr>\n");
    }
  g_string_append (o, "</table></details>\n");
}

char *
gk_audit_html (const GkTemplateSet *set, GPtrArray *reports, GPtrArray *failures,
               GkAuditCrops crops, const char *title)
{
  GString *o = g_string_new (NULL);
  gk_audit_page_begin (o, title, TRUE);
  g_string_append (o, "<main><h1>");
  gk_html_escape (o, title);
  g_string_append_printf (o, "</h1>\n<p class=\"note\">%u 份报告。红色数值参与了未通过的校验；点击任一数值，"
                             "右侧显示它在原文中的位置（PDF 页面截图或文本行）及相关校验。</p>\n", reports->len);
  write_summary (o, reports);
  write_failures (o, failures);
  for (guint i = 0; i < reports->len; i++)
    {
      GkAuditReport *rep = reports->pdata[i];
      gboolean opened = FALSE;
      if (!rep->source && rep->source_path && !rep->source_error)
        {
          /* opened for this report only: a PDF with its rendered pages is tens of MB */
          g_autoptr (GError) error = NULL;
          const char *sha = json_string_value (json_object_get (json_object_get (rep->record, "source"), "sha256"));
          rep->source = gk_audit_source_open (rep->source_path, sha, rep->read_opts, &error);
          if (!rep->source)
            rep->source_error = g_strdup (error->message);
          opened = rep->source != NULL;
        }
      write_report (o, set, rep, (int) i + 1, crops);
      if (opened)
        g_clear_pointer (&rep->source, gk_audit_source_free);
    }
  g_string_append (o, "</main>\n<aside id=\"viewer\"><p class=\"hint\">点击表格中的数值，在此查看原文出处与相关校验。</p></aside>\n");
  gk_audit_page_end (o);
  return g_string_free (o, FALSE);
}
