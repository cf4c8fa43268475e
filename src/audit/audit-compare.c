/* audit-compare.c — see audit-compare.h. */
#include "audit-compare.h"
#include "audit-html.h"
#include "audit-page.h"
#include "export/export-csv.h"
#include <string.h>

/* Section order of the rows; keys of any other section come last. */
static const char *const section_order[] = { "active.", "applications.", "appeals.", "narrative.", NULL };

typedef struct {
  GPtrArray *series;        /* GkAuditReport*, by year */
  GPtrArray *years;         /* json_int_t as gint64* per report */
  GPtrArray *values;        /* per report: GHashTable key → json_t* */
  GPtrArray *orders;        /* per report: GPtrArray of keys (owns them) */
  GPtrArray *keys;          /* row keys (borrowed), sorted */
  GHashTable *marks;        /* "key@year" → "fail" / "pass" / "skipped" of a cross-year check */
} Table;

static int
section_rank (const char *key)
{
  int i = 0;
  for (; section_order[i]; i++)
    if (g_str_has_prefix (key, section_order[i]))
      break;
  return i;
}

typedef struct {
  const char *key;
  int rank;
  guint seen;               /* first-seen position across the series */
} RowKey;

static int
cmp_rows (gconstpointer a, gconstpointer b)
{
  const RowKey *x = a, *y = b;
  if (x->rank != y->rank)
    return x->rank - y->rank;
  return (x->seen > y->seen) - (x->seen < y->seen);
}

static json_int_t
year_of (GkAuditReport *rep)
{
  return json_integer_value (json_object_get (json_object_get (rep->record, "report"), "year"));
}

/* The mark of a cross-year check on a cell; fail wins over pass. */
static void
mark (Table *t, const char *key, json_int_t year, const char *status)
{
  g_autofree char *k = g_strdup_printf ("%s@%" JSON_INTEGER_FORMAT, key, year);
  const char *old = g_hash_table_lookup (t->marks, k);
  if (old && strcmp (old, "fail") == 0)
    return;
  g_hash_table_insert (t->marks, g_steal_pointer (&k), (gpointer) status);
}

static void
table_init (Table *t, GPtrArray *series)
{
  t->series = series;
  t->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  t->orders = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  t->keys = g_ptr_array_new ();
  t->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (RowKey));
  for (guint i = 0; i < series->len; i++)
    {
      GkAuditReport *rep = series->pdata[i];
      GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);
      GPtrArray *order = g_ptr_array_new_with_free_func (g_free);
      json_t *data = json_object_get (rep->record, "data");
      if (json_is_object (data))
        gk_audit_flatten (data, NULL, values, order);
      g_ptr_array_add (t->values, values);
      g_ptr_array_add (t->orders, order);
      for (guint k = 0; k < order->len; k++)
        if (!g_hash_table_contains (seen, order->pdata[k]))
          {
            g_hash_table_add (seen, order->pdata[k]);
            RowKey rk = { order->pdata[k], section_rank (order->pdata[k]), rows->len };
            g_array_append_val (rows, rk);
          }
      /* cross-year checks: operands "key@year" are the earlier report's */
      size_t c;
      json_t *check;
      json_array_foreach (json_object_get (rep->record, "checks"), c, check)
        {
          const char *id = json_string_value (json_object_get (check, "id"));
          const char *status = json_string_value (json_object_get (check, "status"));
          if (!id || !status || !g_str_has_prefix (id, "cross_year."))
            continue;
          status = strcmp (status, "fail") == 0 ? "fail" : strcmp (status, "pass") == 0 ? "pass" : "skipped";
          const char *k;
          json_t *v;
          json_object_foreach (json_object_get (check, "values"), k, v)
            {
              const char *at = strchr (k, '@');
              if (at)
                {
                  g_autofree char *key = g_strndup (k, (gsize) (at - k));
                  mark (t, key, g_ascii_strtoll (at + 1, NULL, 10), status);
                }
              else
                mark (t, k, year_of (rep), status);
            }
        }
    }
  g_array_sort (rows, cmp_rows);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (t->keys, (gpointer) g_array_index (rows, RowKey, i).key);
}

static void
table_clear (Table *t)
{
  g_ptr_array_unref (t->keys);   /* borrows from orders: free first */
  g_ptr_array_unref (t->values);
  g_ptr_array_unref (t->orders);
  g_hash_table_unref (t->marks);
}

/* The value of key in report i; FALSE when that year's record lacks the key. */
static gboolean
value_at (Table *t, guint i, const char *key, json_t **v)
{
  return g_hash_table_lookup_extended (t->values->pdata[i], key, NULL, (gpointer *) v);
}

static gboolean
same_value (json_t *a, json_t *b)
{
  if (json_is_null (a) || json_is_null (b))
    return json_is_null (a) && json_is_null (b);
  return json_number_value (a) == json_number_value (b);
}

static const char *
label_of (const GkTemplateSet *set, const char *key)
{
  return gk_template_key_label (set, key);
}

static void
write_cross_year_findings (GString *o, Table *t)
{
  g_autoptr (GString) items = g_string_new (NULL);
  guint n_checks = 0;
  for (guint i = 0; i < t->series->len; i++)
    {
      GkAuditReport *rep = t->series->pdata[i];
      size_t c;
      json_t *check;
      json_array_foreach (json_object_get (rep->record, "checks"), c, check)
        {
          const char *id = json_string_value (json_object_get (check, "id"));
          if (!id || !g_str_has_prefix (id, "cross_year."))
            continue;
          n_checks++;
          if (g_strcmp0 (json_string_value (json_object_get (check, "status")), "fail") != 0)
            continue;
          g_string_append_printf (items, "<li class=\"finding\"><span class=\"badge st-fail\">fail</span>"
                                  "<span class=\"cid\">%" JSON_INTEGER_FORMAT " · ", year_of (rep));
          gk_html_escape (items, id);
          g_string_append (items, "</span><div class=\"msg\">");
          gk_html_escape (items, json_string_value (json_object_get (check, "message")));
          g_string_append (items, "</div><div class=\"formula\">");
          gk_html_escape (items, json_string_value (json_object_get (check, "formula")));
          g_string_append (items, "</div></li>\n");
        }
    }
  g_string_append_printf (o, "<h2>跨年度核对</h2>\n<p class=\"note\">%u 项跨年度校验（上年结转、项目数量的衔接）。</p>\n",
                          n_checks);
  if (items->len)
    g_string_append_printf (o, "<ol class=\"findings\">\n%s</ol>\n", items->str);
  else if (n_checks)
    g_string_append (o, "<p class=\"note\">跨年度数字全部衔接。</p>\n");
  else
    g_string_append (o, "<p class=\"note\">数据库中没有跨年度校验（需连续两年的报告，由 gongkai batch 计算）。</p>\n");
}

char *
gk_audit_compare_html (const GkTemplateSet *set, GPtrArray *series, const char *issuer)
{
  Table t;
  table_init (&t, series);
  GString *o = g_string_new (NULL);
  g_autofree char *title = g_strdup_printf ("%s · 历年对比", issuer);
  gk_audit_page_begin (o, title, FALSE);
  g_string_append (o, "<main><h1>");
  gk_html_escape (o, title);
  g_string_append_printf (o, "</h1>\n<p class=\"note\">%u 个年度。黄色：与上一年度不同；红框：跨年度校验不符；"
                             "绿框：跨年度校验相符。</p>\n", series->len);
  write_cross_year_findings (o, &t);

  g_string_append (o, "<h2>历年数值</h2>\n<table class=\"compare\" id=\"compare\"><thead><tr><th>项目</th><th>key</th>");
  for (guint i = 0; i < series->len; i++)
    {
      GkAuditReport *rep = series->pdata[i];
      g_string_append_printf (o, "<th class=\"col\" title=\"");
      gk_html_escape (o, json_string_value (json_object_get (json_object_get (rep->record, "source"), "file")));
      g_string_append_printf (o, "\">%" JSON_INTEGER_FORMAT "</th>", year_of (rep));
    }
  g_string_append (o, "</tr></thead><tbody>\n");
  for (guint k = 0; k < t.keys->len; k++)
    {
      const char *key = t.keys->pdata[k];
      g_string_append (o, "<tr><th class=\"row\">");
      gk_html_escape (o, label_of (set, key));
      g_string_append (o, "</th><td class=\"cid\">");
      gk_html_escape (o, key);
      g_string_append (o, "</td>");
      json_t *prev = NULL;
      gboolean have_prev = FALSE;
      for (guint i = 0; i < series->len; i++)
        {
          json_t *v = NULL;
          if (!value_at (&t, i, key, &v))
            {
              g_string_append (o, "<td class=\"absent\"></td>");
              have_prev = FALSE;
              continue;
            }
          gboolean changed = have_prev && !same_value (prev, v);
          g_autofree char *mk = g_strdup_printf ("%s@%" JSON_INTEGER_FORMAT, key, year_of (series->pdata[i]));
          const char *cross = g_hash_table_lookup (t.marks, mk);
          g_string_append_printf (o, "<td class=\"num%s%s%s\"", changed ? " changed" : "",
                                  cross ? " cross-" : "", cross ? cross : "");
          g_string_append (o, " data-k=\"");
          gk_html_escape (o, mk);
          g_string_append (o, "\">");
          if (json_is_null (v))
            g_string_append (o, "空");
          else
            gk_audit_json_number (o, v);
          g_string_append (o, "</td>");
          prev = v;
          have_prev = TRUE;
        }
      g_string_append (o, "</tr>\n");
    }
  g_string_append (o, "</tbody></table>\n</main>\n");
  gk_audit_page_end (o);
  table_clear (&t);
  return g_string_free (o, FALSE);
}

char *
gk_audit_compare_csv (const GkTemplateSet *set, GPtrArray *series)
{
  Table t;
  table_init (&t, series);
  GString *o = g_string_new ("key,label");  /* line ends as export-csv.c writes them */
  for (guint i = 0; i < series->len; i++)
    g_string_append_printf (o, ",%" JSON_INTEGER_FORMAT, year_of (series->pdata[i]));
  g_string_append_c (o, '\n');
  for (guint k = 0; k < t.keys->len; k++)
    {
      const char *key = t.keys->pdata[k];
      gk_csv_append_field (o, key);
      g_string_append_c (o, ',');
      gk_csv_append_field (o, label_of (set, key));
      for (guint i = 0; i < series->len; i++)
        {
          json_t *v = NULL;
          g_string_append_c (o, ',');
          if (value_at (&t, i, key, &v) && !json_is_null (v))
            gk_audit_json_number (o, v);
        }
      g_string_append_c (o, '\n');
    }
  table_clear (&t);
  return g_string_free (o, FALSE);
}
