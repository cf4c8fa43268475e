/* narrative.c — see narrative.h. */
#include "narrative.h"
#include "common/gk-error.h"
#include "common/gk-json.h"
#include "common/gk-regex.h"
#include "common/gk-text.h"
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* An issuer name is an organ's name, not a sentence. */
#define ISSUER_MAX_CHARS 40

/* A figure's pattern marked so (a PCRE comment, ignored when matching)
 * reads a row of the old statistics table (主动公开信息数 条 425 1516). */
#define TABLE_ROW_MARK "(?#row)"

typedef struct {
  char *key;
  gboolean has_value;
  gint64 value;
  double scale;          /* the captured number times this (万元 → 元); 1 by default */
  GkRegex *exclude;      /* a match whose sentence this finds is not this figure; may be NULL */
  GPtrArray *patterns;   /* GkRegex* */
  GArray *row_pattern;   /* gboolean per pattern: it reads a row of the old statistics table */
  GPtrArray *also;       /* char*: canonical keys filled when the report has no table for them */
} Figure;

struct GkNarrativeRules {
  GkRegex *title;
  int title_lines;
  GkRegex *year;
  GPtrArray *title_strip;      /* GkRegex* */
  GkRegex *title_field;        /* 标题： a crawler's field label before the title; may be NULL */
  GkRegex *title_exclude;      /* a line that names a report but is none (a breadcrumb); may be NULL */
  GPtrArray *place_suffixes;   /* char*: 区, 县…: a bare place an opening sentence may name */
  GPtrArray *party_organs;     /* char*: 党工委, 党委…: named first in 实验区党工委、管委会 */
  char *parent_suffixes;       /* 市省州盟: the last character of a parent place; may be NULL */
  GPtrArray *issuer_suffixes;  /* char* */
  char *issuer_prefer;
  GPtrArray *issuer_completions; /* char*: 人民政府, 管委会…: the full names a bare place name may have */
  GkRegex *date;
  GkRegex *date_chinese;
  GkRegex *date_split_year;    /* 二二年三月六日 under a line of 〇: may be NULL */
  GkRegex *page_date;          /* a web page's own date at its head (发布时间: 2018-01-15): may be NULL */
  GkRegex *year_period;        /* 统计期限自2014年1月1日…: the year a title does not name; may be NULL */
  GkRegex *issuer_field;       /* 来源：XX beside a web page's title; may be NULL */
  GPtrArray *issuer_sentences; /* GkRegex*: 本报告由XX编制 in the opening prose */
  GkRegex *issuer_author_office; /* the organ's working office at the end of an author's name; may be NULL */
  int date_lines;
  GPtrArray *figures;          /* Figure* */
  GkRegex *approx;             /* N余条, 约N: a figure stated as approximate; may be NULL */
  GkRegex *cumulative_header;  /* 历年累计: the old statistics table has a cumulative column; may be NULL */
  GkRegex *bd_start, *bd_part, *bd_sep, *bd_partial, *bd_complete;
  GkRegex *bd_category_start;  /* a list of categories introduced apart from the total; may be NULL */
  GkRegex *bd_unread_share;    /* where a list stops on a share it cannot read; may be NULL */
  GPtrArray *bd_connectives;   /* char*: 其中, 包括, 以及…: words before a part's label, not of it */
  GPtrArray *prose_furniture;  /* GkRegex*: a squeezed line that is no prose (a browser's print stamp) */
};

static void
figure_free (Figure *f)
{
  g_free (f->key);
  gk_regex_free (f->exclude);
  g_ptr_array_unref (f->patterns);
  if (f->row_pattern)
    g_array_unref (f->row_pattern);
  g_ptr_array_unref (f->also);
  g_free (f);
}

void
gk_narrative_rules_free (GkNarrativeRules *r)
{
  if (!r)
    return;
  gk_regex_free (r->title);
  gk_regex_free (r->year);
  g_ptr_array_unref (r->title_strip);
  g_ptr_array_unref (r->issuer_suffixes);
  g_free (r->issuer_prefer);
  g_ptr_array_unref (r->issuer_completions);
  gk_regex_free (r->date);
  gk_regex_free (r->date_chinese);
  gk_regex_free (r->date_split_year);
  gk_regex_free (r->page_date);
  gk_regex_free (r->year_period);
  gk_regex_free (r->title_field);
  gk_regex_free (r->title_exclude);
  gk_regex_free (r->issuer_author_office);
  g_ptr_array_unref (r->place_suffixes);
  g_ptr_array_unref (r->party_organs);
  g_free (r->parent_suffixes);
  gk_regex_free (r->issuer_field);
  if (r->issuer_sentences)
    g_ptr_array_unref (r->issuer_sentences);
  g_ptr_array_unref (r->figures);
  gk_regex_free (r->approx);
  gk_regex_free (r->cumulative_header);
  gk_regex_free (r->bd_start);
  gk_regex_free (r->bd_part);
  gk_regex_free (r->bd_sep);
  gk_regex_free (r->bd_partial);
  gk_regex_free (r->bd_complete);
  gk_regex_free (r->bd_unread_share);
  gk_regex_free (r->bd_category_start);
  g_ptr_array_unref (r->bd_connectives);
  if (r->prose_furniture)
    g_ptr_array_unref (r->prose_furniture);
  g_free (r);
}

static GkRegex *
rule_regex (json_t *obj, const char *field, const char *path, GError **error)
{
  if (error && *error)
    return NULL;
  json_t *v = json_object_get (obj, field);
  if (!json_is_string (v))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_TEMPLATE, "%s: “%s” missing or not a string", path, field);
      return NULL;
    }
  g_autoptr (GError) local = NULL;
  GkRegex *re = gk_regex_new (json_string_value (v), &local);
  if (!re)
    g_set_error (error, GK_ERROR, GK_ERROR_TEMPLATE, "%s: %s: %s", path, field, local->message);
  return re;
}

/* A pattern with {N} replaced by the number group (narrative.json "number"). */
static char *
expand_number (const char *pattern, const char *number)
{
  if (!number)
    return g_strdup (pattern);
  g_auto (GStrv) parts = g_strsplit (pattern, "{N}", -1);
  return g_strjoinv (number, parts);
}

static GPtrArray *
regex_list_with (json_t *arr, const char *number, const char *path, GError **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_regex_free);
  size_t i;
  json_t *v;
  json_array_foreach (arr, i, v)
    {
      if (error && *error)
        break;
      g_autoptr (GError) local = NULL;
      g_autofree char *text = json_is_string (v) ? expand_number (json_string_value (v), number) : NULL;
      GkRegex *re = text ? gk_regex_new (text, &local) : NULL;
      if (!re)
        {
          g_set_error (error, GK_ERROR, GK_ERROR_TEMPLATE, "%s: pattern %zu: %s", path, i,
                       local ? local->message : "not a string");
          break;
        }
      g_ptr_array_add (out, re);
    }
  return out;
}

static GPtrArray *
regex_list (json_t *arr, const char *path, GError **error)
{
  return regex_list_with (arr, NULL, path, error);
}

GkNarrativeRules *
gk_narrative_rules_load (const char *models_dir, gboolean jit, GError **error)
{
  g_autofree char *path = g_build_filename (models_dir, "narrative.json", NULL);
  json_error_t jerr;
  json_t *root = json_load_file (path, 0, &jerr);
  if (!root)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_TEMPLATE, "%s:%d: %s", path, jerr.line, jerr.text);
      return NULL;
    }
  GkNarrativeRules *r = g_new0 (GkNarrativeRules, 1);
  GError *err = NULL;
  r->title = rule_regex (root, "title", path, &err);
  r->year = rule_regex (root, "year", path, &err);
  r->date = rule_regex (root, "date", path, &err);
  r->date_chinese = rule_regex (root, "date_chinese", path, &err);
  if (json_object_get (root, "date_split_year"))
    r->date_split_year = rule_regex (root, "date_split_year", path, &err);
  if (json_object_get (root, "page_date"))
    r->page_date = rule_regex (root, "page_date", path, &err);
  if (json_object_get (root, "year_period"))
    r->year_period = rule_regex (root, "year_period", path, &err);
  r->issuer_sentences = regex_list (json_object_get (root, "issuer_sentences"), path, &err);
  if (json_object_get (root, "issuer_field"))
    r->issuer_field = rule_regex (root, "issuer_field", path, &err);
  r->title_lines = (int) json_integer_value (json_object_get (root, "title_search_lines"));
  r->date_lines = (int) json_integer_value (json_object_get (root, "date_search_lines"));
  r->title_strip = regex_list (json_object_get (root, "title_strip"), path, &err);
  if (json_object_get (root, "title_field"))
    r->title_field = rule_regex (root, "title_field", path, &err);
  if (json_object_get (root, "issuer_author_office"))
    r->issuer_author_office = rule_regex (root, "issuer_author_office", path, &err);
  if (json_object_get (root, "title_exclude"))
    r->title_exclude = rule_regex (root, "title_exclude", path, &err);
  r->place_suffixes = gk_json_strings (json_object_get (root, "place_suffixes"));
  r->party_organs = gk_json_strings (json_object_get (root, "party_organs"));
  json_t *ps = json_object_get (root, "parent_suffixes");
  r->parent_suffixes = json_is_string (ps) ? g_strdup (json_string_value (ps)) : NULL;
  r->issuer_suffixes = gk_json_strings (json_object_get (root, "issuer_suffixes"));
  json_t *pref = json_object_get (root, "issuer_prefer");
  r->issuer_prefer = g_strdup (json_is_string (pref) ? json_string_value (pref) : "人民政府");
  r->issuer_completions = gk_json_strings (json_object_get (root, "issuer_completions"));
  if (r->issuer_completions->len == 0)
    g_ptr_array_add (r->issuer_completions, g_strdup (r->issuer_prefer));
  r->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  size_t i;
  json_t *v;
  json_array_foreach (json_object_get (root, "figures"), i, v)
    {
      Figure *f = g_new0 (Figure, 1);
      g_ptr_array_add (r->figures, f);
      json_t *k = json_object_get (v, "key");
      f->key = g_strdup (json_is_string (k) ? json_string_value (k) : "");
      json_t *val = json_object_get (v, "value");
      f->has_value = json_is_integer (val);
      f->value = f->has_value ? json_integer_value (val) : 0;
      json_t *scale = json_object_get (v, "scale");
      f->scale = json_is_number (scale) ? json_number_value (scale) : 1.0;
      if (json_object_get (v, "exclude"))
        f->exclude = rule_regex (v, "exclude", path, &err);
      json_t *number = json_object_get (root, "number");
      f->patterns = regex_list_with (json_object_get (v, "patterns"), json_string_value (number), path, &err);
      f->row_pattern = g_array_new (FALSE, TRUE, sizeof (gboolean));
      size_t pi;
      json_t *pv;
      json_array_foreach (json_object_get (v, "patterns"), pi, pv)
        {
          gboolean row = json_is_string (pv) && strstr (json_string_value (pv), TABLE_ROW_MARK) != NULL;
          g_array_append_val (f->row_pattern, row);
        }
      for (guint k = 0; jit && f->patterns && k < f->patterns->len; k++)
        gk_regex_jit (f->patterns->pdata[k]);   /* each scans the whole prose */
      f->also = gk_json_strings (json_object_get (v, "also"));
      if (!*f->key && !err)
        g_set_error (&err, GK_ERROR, GK_ERROR_TEMPLATE, "%s: figures[%zu]: no key", path, i);
    }
  if (json_object_get (root, "approx_marker"))
    r->approx = rule_regex (root, "approx_marker", path, &err);
  if (json_object_get (root, "cumulative_header"))
    r->cumulative_header = rule_regex (root, "cumulative_header", path, &err);
  json_t *bd = json_object_get (root, "breakdown");
  r->bd_start = rule_regex (bd, "start", path, &err);
  r->bd_part = rule_regex (bd, "part", path, &err);
  r->bd_sep = rule_regex (bd, "separator", path, &err);
  r->bd_partial = rule_regex (bd, "partial_marker", path, &err);
  r->bd_complete = rule_regex (bd, "complete_label", path, &err);
  r->bd_connectives = gk_json_strings (json_object_get (bd, "connectives"));
  if (json_object_get (bd, "category_start"))
    r->bd_category_start = rule_regex (bd, "category_start", path, &err);
  if (json_object_get (bd, "unread_share"))
    r->bd_unread_share = rule_regex (bd, "unread_share", path, &err);
  r->prose_furniture = regex_list (json_object_get (root, "prose_furniture"), path, &err);
  json_decref (root);
  if (err)
    {
      g_propagate_error (error, err);
      gk_narrative_rules_free (r);
      return NULL;
    }
  return r;
}

/* --- prose ------------------------------------------------------------ */

/* The page's own number alone on its first or last line (pdftotext's
 * "1" at a page's foot): furniture inside a sentence broken over the
 * page.  Only on a page edge and only its own number, for a bare number
 * elsewhere may be a count or a table's cell. */
static gboolean
is_page_number (const GkContent *content, guint i, const char *squeezed)
{
  const GkLine *line = content->lines->pdata[i];
  if (line->src.page <= 0 || !*squeezed || strlen (squeezed) > 4)
    return FALSE;
  for (const char *c = squeezed; *c; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  if (g_ascii_strtoll (squeezed, NULL, 10) != line->src.page)
    return FALSE;
  gboolean first = i == 0 || ((GkLine *) content->lines->pdata[i - 1])->src.page != line->src.page;
  gboolean last = i + 1 == content->lines->len
                  || ((GkLine *) content->lines->pdata[i + 1])->src.page != line->src.page;
  return first || last;
}

static gboolean
is_prose_furniture (const GkNarrativeRules *rules, const GkContent *content, guint i, const char *squeezed)
{
  if (is_page_number (content, i, squeezed))
    return TRUE;
  for (guint k = 0; rules && rules->prose_furniture && k < rules->prose_furniture->len; k++)
    if (gk_regex_search (rules->prose_furniture->pdata[k], squeezed, 0, NULL, NULL))
      return TRUE;
  return FALSE;
}

GkProse *
gk_prose_new (const GkNarrativeRules *rules, const GkContent *content)
{
  GkProse *p = g_new0 (GkProse, 1);
  p->content = content;
  p->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < content->lines->len; i++)
    {
      GkLine *line = content->lines->pdata[i];
      /* a line left out starts where the next begins: offsets there map to the next */
      g_array_append_val (p->starts, s->len);
      g_autofree char *sq = gk_text_squeeze (line->text);
      if (!is_prose_furniture (rules, content, i, sq))
        g_string_append (s, sq);
    }
  p->text = g_string_free (s, FALSE);
  return p;
}

const GkLine *
gk_prose_line_at (const GkProse *prose, gsize offset)
{
  guint lo = 0, hi = prose->starts->len;
  if (hi == 0)
    return NULL;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (prose->starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return prose->content->lines->pdata[lo];
}

void
gk_prose_free (GkProse *prose)
{
  if (!prose)
    return;
  g_free (prose->text);
  g_array_unref (prose->starts);
  g_free (prose);
}

static GkSource
narrative_source (const GkProse *prose, gsize offset)
{
  const GkLine *line = gk_prose_line_at (prose, offset);
  GkSource src = { 0 };
  if (line)
    src = line->src;
  src.method = GK_METHOD_NARRATIVE;
  return src;
}

/* --- metadata --------------------------------------------------------- */

static int
chinese_number (const char *s)
{
  /* 二○二一 digit by digit; 十二 / 二十五 / 十 as a number */
  static const char *const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  int value = 0, pending = 0;
  gboolean saw_ten = FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };
      g_unichar_to_utf8 (g_utf8_get_char (p), ch);
      if (strcmp (ch, "○") == 0 || strcmp (ch, "零") == 0)
        strcpy (ch, "〇");
      if (strcmp (ch, "十") == 0)
        {
          value += (pending ? pending : 1) * 10;
          pending = 0;
          saw_ten = TRUE;
          continue;
        }
      int d = -1;
      for (int k = 0; k < 10; k++)
        if (strcmp (ch, digits[k]) == 0)
          d = k;
      if (d < 0)
        return -1;
      pending = saw_ten ? d : pending * 10 + d;
    }
  return value + pending;
}

static char *title_organ (const GkNarrativeRules *r, const char *title);

/* The title: the first early line naming a report, preferring one that
 * names its organ and its year, then its year (a web page's breadcrumb
 * "政务公开 > 年度报告" or its column heading "2020年信息公开年报" comes
 * before the report's own title "XX区2020年政府信息公开工作年度报告"). */
static int
read_title (const GkNarrativeRules *r, const GkContent *content, GkRecord *rec)
{
  guint limit = MIN (content->lines->len, (guint) MAX (r->title_lines, 1));
  for (int pass = 2; pass >= 0; pass--)
    for (guint i = 0; i < limit; i++)
      {
        GkLine *line = content->lines->pdata[i];
        g_autofree char *sq = gk_text_squeeze (line->text);
        if (r->title_exclude && gk_regex_search (r->title_exclude, sq, 0, NULL, NULL))
          continue;
        gsize fs, fe;
        if (r->title_field && gk_regex_search (r->title_field, sq, 0, &fs, &fe) && fs == 0)
          memmove (sq, sq + fe, strlen (sq + fe) + 1);   /* 标题：XX年度报告 is the title XX年度报告 */
        if (strpbrk (sq, ":|") || strstr (sq, "：") || strstr (sq, "｜"))
          continue;   /* a page's field (主题分类：…/政府信息公开年报) or a table row, no title */
        /* a title wrapped over two lines: try the line joined with the next */
        g_autofree char *joined = NULL;
        if (!gk_regex_search (r->title, sq, 0, NULL, NULL))
          {
            if (i + 1 >= content->lines->len)
              continue;   /* the last line names no report and has none to join */
            g_autofree char *next = gk_text_squeeze (((GkLine *) content->lines->pdata[i + 1])->text);
            joined = g_strconcat (sq, next, NULL);
            gsize s, e, ys;
            /* the report's words start in this line, or this line is the
             * title's year and organ alone (2024年通溪街道办事处 / 政府信息公开…) */
            gboolean year_and_organ = gk_regex_search (r->year, sq, 0, &ys, NULL) && ys == 0 && !strstr (sq, "，")
                                      && !strchr (sq, ',');
            if (!gk_regex_search (r->title, joined, 0, &s, &e) || s > strlen (sq)
                || (s == strlen (sq) && !year_and_organ) || g_utf8_strlen (joined, -1) > 60)
              continue;
          }
        const char *title = joined ? joined : sq;
        if (g_utf8_strlen (title, -1) > 60 || strstr (title, "。"))
          continue;   /* a sentence that mentions the report, not its title */
        g_autoptr (GkMatch) y = gk_regex_match (r->year, title, 0);
        if (pass >= 1 && !y)
          continue;
        g_autofree char *organ = pass == 2 ? title_organ (r, title) : NULL;
        if (pass == 2 && g_utf8_strlen (organ, -1) < 2)
          continue;
        rec->title = g_strdup (title);
        rec->title_src = line->src;
        if (y)
          {
            g_autofree char *ys = gk_match_group (y, 1);
            rec->year = atoi (ys);
            rec->year_src = line->src;
          }
        return (int) i;
      }
  return -1;
}

static char *
title_organ (const GkNarrativeRules *r, const char *title)
{
  g_autofree char *organ = g_strdup (title);
  for (guint i = 0; i < r->title_strip->len; i++)
    {
      gsize s, e;
      while (gk_regex_search (r->title_strip->pdata[i], organ, 0, &s, &e) && e > s)
        {
          char *cut = g_strdup_printf ("%.*s%s", (int) s, organ, organ + e);
          g_free (organ);
          organ = cut;
        }
    }
  return g_steal_pointer (&organ);
}

static gboolean
ends_with_suffix (const GkNarrativeRules *r, const char *name)
{
  for (guint i = 0; i < r->issuer_suffixes->len; i++)
    if (g_str_has_suffix (name, r->issuer_suffixes->pdata[i]))
      return TRUE;
  return FALSE;
}

/* How often name stands in the prose. */
static guint
prose_mentions (const GkProse *prose, const char *name)
{
  guint n = 0;
  for (const char *at = prose->text; (at = strstr (at, name)); at += strlen (name))
    n++;
  return n;
}

/* An organ name printed on a line of its own: above the title, or the
 * signature above the date at the foot.  Read by OCR, the name must stand
 * in the prose once more: a large face misread (洪泽 → 法译) names no one. */
static gboolean
issuer_from_line (const GkNarrativeRules *r, const GkContent *content, const GkProse *prose, int index,
                  GkRecord *rec)
{
  if (index < 0 || (guint) index >= content->lines->len)
    return FALSE;
  GkLine *line = content->lines->pdata[index];
  g_autofree char *sq = gk_text_squeeze (line->text);
  if (!ends_with_suffix (r, sq) || g_utf8_strlen (sq, -1) > ISSUER_MAX_CHARS)
    return FALSE;
  if (line->src.method == GK_METHOD_OCR && prose_mentions (prose, sq) < 2)
    return FALSE;
  rec->issuer = g_steal_pointer (&sq);
  rec->issuer_src = line->src;
  return TRUE;
}

/* A misread issuer gives way to a spelling the report repeats this often. */
#define GK_ISSUER_MIN_MENTIONS 2

typedef struct {
  int count;
  gsize first;   /* byte offset of the first mention in the prose */
} Mention;

/* Counts a mention: the len characters at text[i] (the prose in UCS-4). */
static void
mention_count (GHashTable *mentions, const GkProse *prose, const gunichar *text, glong i, glong len)
{
  char *name = g_ucs4_to_utf8 (text + i, len, NULL, NULL, NULL);
  Mention *m = g_hash_table_lookup (mentions, name);
  if (m)
    g_free (name);
  else
    {
      m = g_new0 (Mention, 1);
      m->first = (gsize) (g_utf8_offset_to_pointer (prose->text, i) - prose->text);
      g_hash_table_insert (mentions, name, m);
    }
  m->count++;
}

/* The name mentioned most often (a tie: the first in byte order), if it
 * is met at least GK_ISSUER_MIN_MENTIONS times, more often than the organ
 * as read (as_read times) and is not that organ; its first mention into
 * *at.  NULL otherwise. */
static char *
mention_winner (GHashTable *mentions, const char *organ, int as_read, gsize *at)
{
  const char *best = NULL;
  const Mention *best_m = NULL;
  GHashTableIter it;
  gpointer key, val;
  g_hash_table_iter_init (&it, mentions);
  while (g_hash_table_iter_next (&it, &key, &val))
    {
      const Mention *m = val;
      if (!best_m || m->count > best_m->count || (m->count == best_m->count && g_strcmp0 (key, best) < 0))
        best = key, best_m = m;
    }
  if (!best || best_m->count < GK_ISSUER_MIN_MENTIONS || best_m->count <= as_read || g_strcmp0 (best, organ) == 0)
    return NULL;
  *at = best_m->first;
  return g_strdup (best);
}

static gboolean
all_ideographs (const gunichar *u, glong n)
{
  for (glong i = 0; i < n; i++)
    if (!gk_text_is_ideograph (u[i]))
      return FALSE;
  return TRUE;
}

/* An OCRed title's organ against the report's own mentions of it: the
 * text before each "人民政府" (issuer_prefer) in the prose, as long as the
 * organ give or take one character, all ideographs, that shares all but
 * one of its characters with the organ (a misread 潭→漂, or 县 read as two
 * glyphs 有具).  The most frequent such name wins when it is met at least
 * GK_ISSUER_MIN_MENTIONS times and more often than the organ as read;
 * NULL otherwise.  Its first mention goes to *at. */
static char *
organ_as_mentioned (const GkNarrativeRules *r, const GkProse *prose, const char *organ, gsize *at)
{
  glong n_organ = 0;
  g_autofree gunichar *u_organ = g_utf8_to_ucs4_fast (organ, -1, &n_organ);
  if (n_organ < 2)
    return NULL;
  g_autoptr (GHashTable) mentions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);   /* Mention* */
  glong n_text = 0;
  g_autofree gunichar *text = g_utf8_to_ucs4_fast (prose->text, -1, &n_text);
  glong n_pref = 0;
  g_autofree gunichar *pref = g_utf8_to_ucs4_fast (r->issuer_prefer, -1, &n_pref);
  for (glong i = 0; n_pref > 0 && i + n_pref <= n_text; i++)
    {
      if (memcmp (text + i, pref, (gsize) n_pref * sizeof (gunichar)) != 0)
        continue;
      /* one name per mention: the length that keeps most of the organ,
       * then the one nearest its length (川北县, not its tail 北县) */
      glong best_k = 0, best_common = 0;
      for (glong k = MAX (2, n_organ - 1); k <= n_organ + 1 && k <= i; k++)
        {
          const gunichar *cand = text + i - k;
          glong common = gk_text_lcs_length (u_organ, n_organ, cand, k);
          if (!all_ideographs (cand, k) || common < MAX (2, k - 1) || common < n_organ - 2)
            continue;
          if (common > best_common
              || (common == best_common && ABS (k - n_organ) < ABS (best_k - n_organ)))
            best_k = k, best_common = common;
        }
      if (best_k > 0)
        mention_count (mentions, prose, text, i - best_k, best_k);
    }
  const Mention *as_read = g_hash_table_lookup (mentions, organ);
  return mention_winner (mentions, organ, as_read ? as_read->count : 0, at);
}

/* An OCRed title's full organ name (教育局, 人民政府 and all) against the
 * report's own spellings of it: the prose's names of its length, all
 * ideographs, that differ from it in exactly one character (白河县 read
 * 日河县 in the large title face).  The most frequent wins when met at
 * least GK_ISSUER_MIN_MENTIONS times and more often than the name as read;
 * NULL otherwise.  Its first mention goes to *at. */
static char *
organ_respelled (const GkProse *prose, const char *organ, gsize *at)
{
  glong n_organ = 0, n_text = 0;
  g_autofree gunichar *u_organ = g_utf8_to_ucs4_fast (organ, -1, &n_organ);
  g_autofree gunichar *text = g_utf8_to_ucs4_fast (prose->text, -1, &n_text);
  if (n_organ < 3 || !all_ideographs (u_organ, n_organ))
    return NULL;
  g_autoptr (GHashTable) mentions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);   /* Mention* */
  int as_read = 0;
  for (glong i = 0; i + n_organ <= n_text; i++)
    {
      glong differ = 0;
      for (glong k = 0; k < n_organ && differ < 2; k++)
        differ += text[i + k] != u_organ[k];
      as_read += differ == 0;
      if (differ == 1 && all_ideographs (text + i, n_organ))
        mention_count (mentions, prose, text, i, n_organ);
    }
  return mention_winner (mentions, organ, as_read, at);
}

/* The organ a web page's 来源： field names among the first lines. */
static gboolean
issuer_from_field (const GkNarrativeRules *r, const GkContent *content, GkRecord *rec)
{
  guint limit = MIN (content->lines->len, (guint) MAX (r->title_lines, 1));
  for (guint i = 0; r->issuer_field && i < limit; i++)
    {
      GkLine *line = content->lines->pdata[i];
      g_autofree char *sq = gk_text_squeeze (line->text);
      g_autoptr (GkMatch) m = gk_regex_match (r->issuer_field, sq, 0);
      g_autofree char *organ = m ? gk_match_group (m, 1) : NULL;
      if (organ && ends_with_suffix (r, organ))
        {
          rec->issuer = g_steal_pointer (&organ);
          rec->issuer_src = line->src;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
ends_with_place (const GkNarrativeRules *r, const char *name)
{
  for (guint i = 0; i < r->place_suffixes->len; i++)
    if (g_str_has_suffix (name, r->place_suffixes->pdata[i]))
      return TRUE;
  return FALSE;
}

/* Whether the kind at hit ends a longer kind of place (区 of 开发区). */
static gboolean
kind_ends_longer_kind (const GkNarrativeRules *r, const char *text, const char *hit, const char *kind)
{
  for (guint i = 0; i < r->place_suffixes->len; i++)
    {
      const char *longer = r->place_suffixes->pdata[i];
      gsize extra = strlen (longer) - MIN (strlen (longer), strlen (kind));
      if (extra && g_str_has_suffix (longer, kind) && (gsize) (hit - text) >= extra
          && memcmp (hit - extra, longer, extra) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Where the completion c of organ (a bare place) is spelled: after the
 * place itself (平潭综合实验区管委会), or after its party committee named by
 * the place's kind alone (在实验区党工委、管委会领导下); NULL when nowhere. */
static const char *
completion_spelled (const GkNarrativeRules *r, const GkProse *prose, const char *organ, const char *c)
{
  g_autofree char *full = g_strconcat (organ, c, NULL);
  const char *hit = strstr (prose->text, full);
  if (hit)
    return hit;
  for (guint i = 0; i < r->place_suffixes->len; i++)
    {
      const char *kind = r->place_suffixes->pdata[i];
      if (!g_str_has_suffix (organ, kind))
        continue;
      for (guint k = 0; k < r->party_organs->len; k++)
        {
          g_autofree char *pair = g_strconcat (kind, r->party_organs->pdata[k], "、", c, NULL);
          for (hit = strstr (prose->text, pair); hit; hit = strstr (hit + 1, pair))
            if (!kind_ends_longer_kind (r, prose->text, hit, kind))
              return hit;
        }
      break;   /* the longest kind the place ends with (实验区, not 区) */
    }
  return NULL;
}

/* 沁县 → 沁县人民政府, 平潭综合实验区 → 平潭综合实验区管委会: a bare place
 * takes the first completion (narrative.json's order) the report itself
 * spells out; none spelled, it stays as printed. */
static void
issuer_complete (const GkNarrativeRules *r, const GkProse *prose, char *organ, const GkSource *src, GkRecord *rec)
{
  for (guint i = 0; i < r->issuer_completions->len; i++)
    {
      const char *hit = completion_spelled (r, prose, organ, r->issuer_completions->pdata[i]);
      if (hit)
        {
          rec->issuer = g_strconcat (organ, r->issuer_completions->pdata[i], NULL);
          rec->issuer_src = narrative_source (prose, (gsize) (hit - prose->text));
          g_free (organ);
          return;
        }
    }
  rec->issuer = organ;
  rec->issuer_src = *src;
}

/* Opening prose this long may name the report's author. */
#define ISSUER_SENTENCE_BYTES 1200

/* The organ the opening prose names as the report's author (本报告由XX编制),
 * or the place whose bodies' work it gathers (汇总平潭综合实验区各有关单位…),
 * completed as a title's bare place is. */
static gboolean
issuer_from_sentence (const GkNarrativeRules *r, const GkProse *prose, GkRecord *rec)
{
  /* cut where a character ends: a broken last character fails the whole match */
  const char *end = prose->text;
  g_utf8_validate (prose->text, MIN (strlen (prose->text), ISSUER_SENTENCE_BYTES), &end);
  g_autofree char *opening = g_strndup (prose->text, (gsize) (end - prose->text));
  for (guint i = 0; r->issuer_sentences && i < r->issuer_sentences->len; i++)
    {
      g_autoptr (GkMatch) m = gk_regex_match (r->issuer_sentences->pdata[i], opening, 0);
      g_autofree char *organ = m ? gk_match_group (m, 1) : NULL;
      gsize s, e;
      if (organ && (ends_with_suffix (r, organ) || ends_with_place (r, organ))
          && !g_str_has_prefix (organ, "我") && !g_str_has_prefix (organ, "本")
          && !strstr (organ, "报告")   /* the title run into the sentence */
          && gk_match_span (m, 1, &s, &e))
        {
          GkSource src = narrative_source (prose, s);
          /* the organ whose working office the author is: a head ending
           * with an issuer suffix, the rest all office */
          for (const char *cut = organ; r->issuer_author_office && *cut; cut = g_utf8_next_char (cut))
            {
              g_autofree char *head = g_strndup (organ, (gsize) (cut - organ));
              if (cut > organ && ends_with_suffix (r, head) && gk_regex_search (r->issuer_author_office, cut, 0, NULL, NULL))
                {
                  g_free (organ);
                  organ = g_steal_pointer (&head);
                  break;
                }
            }
          if (ends_with_suffix (r, organ))
            {
              rec->issuer = g_steal_pointer (&organ);
              rec->issuer_src = src;
            }
          else
            issuer_complete (r, prose, g_steal_pointer (&organ), &src, rec);
          return TRUE;
        }
    }
  return FALSE;
}

/* Characters of prose before a mention that may hold its parent place. */
#define PARENT_CONTEXT_CHARS 8

/* The parent place (淮安市) the report prints before the issuer's name
 * (洪泽区人民政府) where it spells it in full: the characters every such
 * mention shares before the name, when at least two mentions with
 * different words before them (本报告由淮安市…, 请与淮安市…) agree on a
 * place ending in one of parent_suffixes; NULL otherwise. */
static char *
issuer_parent (const GkNarrativeRules *r, const GkProse *prose, const char *issuer)
{
  g_autofree gunichar *common = NULL;
  glong n_common = -1;
  guint mentions = 0;
  for (const char *at = prose->text; (at = strstr (at, issuer)); at += strlen (issuer))
    {
      const char *from = at;
      for (int k = 0; k < PARENT_CONTEXT_CHARS && from > prose->text; k++)
        from = g_utf8_prev_char (from);
      glong n = 0;
      g_autofree gunichar *ctx = g_utf8_to_ucs4_fast (from, at - from, &n);
      if (n == 0 || !g_utf8_strchr (r->parent_suffixes, -1, ctx[n - 1]))
        continue;
      mentions++;
      if (n_common < 0)
        {
          common = g_steal_pointer (&ctx);
          n_common = n;
          continue;
        }
      glong k = 0;
      while (k < n && k < n_common && ctx[n - 1 - k] == common[n_common - 1 - k])
        k++;
      memmove (common, common + (n_common - k), (gsize) k * sizeof (gunichar));
      n_common = k;
    }
  /* a common run as long as the window found no word before the place */
  if (mentions < 2 || n_common < 3 || n_common >= PARENT_CONTEXT_CHARS || !all_ideographs (common, n_common))
    return NULL;
  return g_ucs4_to_utf8 (common, n_common, NULL, NULL, NULL);
}

/* Latin letters OCR put into a Chinese organ's name (新谷aa街道办事处 from a
 * speck in a large title face): no organ's name holds one, so they go. */
static void
drop_latin_letters (char *name)
{
  char *out = name;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalpha (*p))
      *out++ = *p;
  *out = '\0';
}

static void
read_issuer_as_printed (const GkNarrativeRules *r, const GkContent *content, const GkProse *prose, int title_line,
                        int date_line, GkRecord *rec)
{
  g_autofree char *organ = rec->title ? title_organ (r, rec->title) : g_strdup ("");
  if (rec->title_src.method == GK_METHOD_OCR)
    drop_latin_letters (organ);
  if (!*organ)
    {
      /* no title, or one naming no organ: the line above it, a web page's
       * 来源： field, the author the opening prose names, else the signature */
      if (!(rec->title && issuer_from_line (r, content, prose, title_line - 1, rec))
          && !issuer_from_field (r, content, rec) && !issuer_from_sentence (r, prose, rec) && rec->published_on)
        issuer_from_line (r, content, prose, date_line - 1, rec);
      return;
    }
  if (ends_with_suffix (r, organ))
    {
      gsize at = 0;
      g_autofree char *respelled = rec->title_src.method == GK_METHOD_OCR ? organ_respelled (prose, organ, &at) : NULL;
      if (respelled)
        {
          rec->issuer = g_steal_pointer (&respelled);
          rec->issuer_src = narrative_source (prose, at);
          return;
        }
      rec->issuer = g_strdup (organ);
      rec->issuer_src = rec->title_src;
      return;
    }
  if (rec->title_src.method == GK_METHOD_OCR)
    {
      gsize at = 0;
      g_autofree char *mentioned = organ_as_mentioned (r, prose, organ, &at);
      if (mentioned)
        {
          rec->issuer = g_strconcat (mentioned, r->issuer_prefer, NULL);
          rec->issuer_src = narrative_source (prose, at);
          return;
        }
    }
  issuer_complete (r, prose, g_steal_pointer (&organ), &rec->title_src, rec);
}

/* The issuer as printed, then with the parent place the report spells
 * before it (洪泽区人民政府 → 淮安市洪泽区人民政府), so one issuer's
 * reports that print the short name one year and the full one the next
 * are one series. */
static void
read_issuer (const GkNarrativeRules *r, const GkContent *content, const GkProse *prose, int title_line, int date_line,
             GkRecord *rec)
{
  read_issuer_as_printed (r, content, prose, title_line, date_line, rec);
  if (!rec->issuer || !r->parent_suffixes)
    return;
  g_autofree char *parent = issuer_parent (r, prose, rec->issuer);
  if (parent)
    {
      char *full = g_strconcat (parent, rec->issuer, NULL);
      g_free (rec->issuer);
      rec->issuer = full;
    }
}

/* Years a signature may bear: reports exist from 2008 (the 条例) on. */
#define SIGNATURE_YEAR_MIN 2008
#define SIGNATURE_YEAR_MAX 2100

/* The year whose Chinese numerals are digits (in order, 〇 left out) with
 * zeros 〇 put back: the one placement in SIGNATURE_YEAR_MIN..MAX, else -1
 * (二二 + two 〇: 二〇二〇 alone, 2200 and 2002 being out of range). */
static int
year_with_zeros (const char *digits, int zeros)
{
  int n = chinese_number (digits) >= 0 ? (int) g_utf8_strlen (digits, -1) : -1;
  if (n < 1 || n + zeros != 4)
    return -1;
  g_autofree gunichar *u = g_utf8_to_ucs4_fast (digits, -1, NULL);
  int found = -1, count = 0;
  for (int mask = 0; mask < 16; mask++)
    {
      if (__builtin_popcount ((unsigned) mask) != zeros || (mask & 8))
        continue;   /* a year starts with no 〇 */
      int year = 0;
      for (int pos = 3, k = 0; pos >= 0; pos--)
        {
          char ch[8] = { 0 };
          g_unichar_to_utf8 (u[k], ch);
          int d = (mask >> pos) & 1 ? 0 : chinese_number (ch);
          k += !((mask >> pos) & 1);
          year = year * 10 + d;
        }
      if (year >= SIGNATURE_YEAR_MIN && year <= SIGNATURE_YEAR_MAX)
        found = year, count++;
    }
  return count == 1 ? found : -1;
}

/* How many 〇 a line holds when it holds nothing else (white space aside); 0 otherwise. */
static int
zeros_only (const char *squeezed)
{
  int n = 0;
  for (const char *p = squeezed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != 0x3007 && c != 0x25CB && c != 0x96F6)   /* 〇 ○ 零 */
        return 0;
      n++;
    }
  return n;
}

/* Whether text opens a top-level section (四、…, 十一、…): one or two
 * ideographic ordinals and 、. */
static gboolean
opens_top_section (const char *text)
{
  const char *p = text + strspn (text, " ");
  int k = 0;
  for (; *p && k < 3 && g_utf8_strchr ("一二三四五六七八九十", -1, g_utf8_get_char (p)); p = g_utf8_next_char (p))
    k++;
  return k > 0 && k < 3 && g_utf8_get_char (p) == 0x3001;   /* 、 */
}

/* Whether lines a and b are pieces of one line of the source (a web page's
 * text on one line, read in pieces: gk_text_long_line_pieces). */
static gboolean
same_source_line (const GkLine *a, const GkLine *b)
{
  return a->src.line > 0 && a->src.line == b->src.line && a->src.page == b->src.page;
}

/* Year, month and day from a match's groups 1–3, written in digits. */
static void
digits_date (const GkMatch *m, int *y, int *mo, int *d)
{
  g_autofree char *ys = gk_match_group (m, 1), *ms = gk_match_group (m, 2), *ds = gk_match_group (m, 3);
  *y = atoi (ys), *mo = atoi (ms), *d = atoi (ds);
}

/* Keeps y-mo-d, read on line, as the report's date where it is a date a
 * report can bear; FALSE otherwise. */
static gboolean
keep_date (GkRecord *rec, int y, int mo, int d, const GkLine *line)
{
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) mo, (GDateYear) y) || y <= 1990)
    return FALSE;
  rec->published_on = g_strdup_printf ("%04d-%02d-%02d", y, mo, d);
  rec->date_src = line->src;
  return TRUE;
}

static int
read_date (const GkNarrativeRules *r, const GPtrArray *lines, GkRecord *rec)
{
  guint n = lines->len;
  /* the foot's last date_lines lines of the source, a line read in pieces one */
  guint source_lines = 0;
  for (guint i = n; i-- > 0;)
    {
      GkLine *line = lines->pdata[i];
      if (i + 1 == n || !same_source_line (line, lines->pdata[i + 1]))
        if (++source_lines > (guint) r->date_lines)
          break;
      /* a line read in pieces: the signature follows the last section's
       * text, so the search stops above the piece that opens a section */
      if (i + 1 < n && same_source_line (line, lines->pdata[i + 1])
          && opens_top_section (((GkLine *) lines->pdata[i + 1])->text))
        break;
      g_autofree char *sq = gk_text_squeeze (line->text);
      int y = -1, m = -1, d = -1;
      g_autoptr (GkMatch) a = gk_regex_match (r->date, sq, 0);
      if (a)
        digits_date (a, &y, &m, &d);
      else
        {
          g_autoptr (GkMatch) b = gk_regex_match (r->date_chinese, sq, 0);
          g_autoptr (GkMatch) c = b || !r->date_split_year || i == 0 ? NULL : gk_regex_match (r->date_split_year, sq, 0);
          if (b)
            {
              g_autofree char *ys = gk_match_group (b, 1), *ms = gk_match_group (b, 2), *ds = gk_match_group (b, 3);
              y = chinese_number (ys), m = chinese_number (ms), d = chinese_number (ds);
            }
          else if (c)
            {
              g_autofree char *above = gk_text_squeeze (((GkLine *) lines->pdata[i - 1])->text);
              g_autofree char *ys = gk_match_group (c, 1), *ms = gk_match_group (c, 2), *ds = gk_match_group (c, 3);
              y = year_with_zeros (ys, zeros_only (above)), m = chinese_number (ms), d = chinese_number (ds);
            }
          else
            continue;
        }
      if (keep_date (rec, y, m, d, line))
        return (int) i;
    }
  return -1;
}

/* A report that signs no date, kept as a web page: the page's own date at
 * its head (发布时间: 2018-01-26 17:22, 发布日期：2020-01-31) is when it was
 * published.  Only where no signature's date was read. */
static void
read_page_date (const GkNarrativeRules *r, const GPtrArray *lines, GkRecord *rec)
{
  for (guint i = 0; i < lines->len && i < (guint) r->date_lines; i++)
    {
      const GkLine *line = lines->pdata[i];
      g_autofree char *sq = gk_text_squeeze (line->text);
      g_autoptr (GkMatch) m = gk_regex_match (r->page_date, sq, 0);
      if (!m)
        continue;
      int y, mo, d;
      digits_date (m, &y, &mo, &d);
      if (keep_date (rec, y, mo, d, line))
        return;
    }
}

/* --- figures ---------------------------------------------------------- */

/* TRUE when re finds something in the sentence around [s, e) (from the
 * previous full stop to the next). */
static gboolean
sentence_matches (const char *text, gsize s, gsize e, const GkRegex *re)
{
  static const char stop[] = "。";
  gsize a = s;
  while (a > 0 && !(a >= strlen (stop) && memcmp (text + a - strlen (stop), stop, strlen (stop)) == 0))
    a--;
  const char *next = strstr (text + e, stop);
  gsize b = next ? (gsize) (next - text) : strlen (text);
  g_autofree char *sentence = g_strndup (text + a, b - a);
  return gk_regex_search (re, sentence, 0, NULL, NULL);
}

/* A scaled figure keeps this many decimal places (1e6: millionths of its unit). */
#define SCALED_DIGITS 1e6

/* "1,236" → "1236": thousands separators as prose prints them. */
static char *
strip_separators (const char *num)
{
  g_auto (GStrv) parts = g_strsplit (num, ",", -1);
  return g_strjoinv ("", parts);
}

/* A count as prose writes it in words or with 万: 十二 → 12, 两 → 2,
 * 一百零五 → 105, 1.2万 → 12000; -1 when it is none. */
static double
count_in_words (const char *s)
{
  static const char digits[] = "零一二三四五六七八九";
  double total = 0, section = 0, digit = 0;
  gboolean any = FALSE;
  const char *wan = strstr (s, "万");
  if (wan && g_ascii_isdigit (*s))
    return round (g_ascii_strtod (s, NULL) * 10000.0 * SCALED_DIGITS) / SCALED_DIGITS;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *d = g_utf8_strchr (digits, -1, c);
      if (d)
        digit = (double) g_utf8_pointer_to_offset (digits, d);
      else if (c == 0x4E24 /* 两 */)
        digit = 2;
      else if (c == 0x3007 /* 〇 */)
        digit = 0;
      else if (c == 0x5341 /* 十 */ || c == 0x767E /* 百 */ || c == 0x5343 /* 千 */)
        {
          double unit = c == 0x5341 ? 10 : c == 0x767E ? 100 : 1000;
          section += (digit || any ? digit : 1) * unit;
          if (!digit && !any)
            section = unit;
          digit = 0;
        }
      else if (c == 0x4E07 /* 万 */)
        {
          total += (section + digit) * 10000;
          section = digit = 0;
        }
      else
        return -1;
      any = TRUE;
    }
  return any ? total + section + digit : -1;
}

/* Stores one figure; a decimal capture (35.5元) or a scale makes a decimal. */
static void
set_figure (GkRecord *rec, const char *key, const Figure *f, const char *num,
            const GkSource *src, const char *raw)
{
  if (!num)
    {
      gk_record_set_int (rec, key, f->value, src, raw);
      return;
    }
  g_autofree char *digits = strip_separators (num);
  double words = g_ascii_isdigit (*digits) && !strstr (digits, "万") ? -1 : count_in_words (digits);
  if (words < 0 && !g_ascii_isdigit (*digits))
    return;   /* not a count after all */
  double x = (words >= 0 ? words : g_ascii_strtod (digits, NULL)) * f->scale;
  gboolean decimal = strchr (num, '.') != NULL && words < 0;
  if (f->scale != 1.0)
    {
      /* 0.12万元 is 1200元 exactly, not 1199.9999999999998 */
      x = round (x * SCALED_DIGITS) / SCALED_DIGITS;
      decimal = x != floor (x);
    }
  if (!decimal && fabs (x) < 9e15)
    gk_record_set_int (rec, key, (gint64) x, src, raw);
  else
    gk_record_set_double (rec, key, x, src, raw);
}

/* The year's figure of an old statistics table's row printed flat, its
 * cumulative figure run into it (条4251516: 425 and 1516): the one cut of
 * the digits into the year's figure and a cumulative one no smaller, with
 * no leading zero; NULL when no cut or several fit. */
static char *
year_figure_of_run (const char *run)
{
  gsize n = strlen (run);
  char *found = NULL;
  guint cuts = 0;
  for (gsize k = 1; k < n && n <= 18; k++)
    {
      if ((run[0] == '0' && k > 1) || (run[k] == '0' && n - k > 1))
        continue;
      g_autofree char *year = g_strndup (run, k);
      if (g_ascii_strtoull (year, NULL, 10) > g_ascii_strtoull (run + k, NULL, 10))
        continue;
      if (cuts++ == 0)
        found = g_steal_pointer (&year);
    }
  if (cuts != 1)
    g_clear_pointer (&found, g_free);
  return found;
}

/* Whether num, matched at [s, e) by a table-row pattern, is two columns run
 * together: all digits in a text whose table has a cumulative column before
 * it (white space between digits survives in the prose: "425 1516" is read
 * as 425 by the pattern itself). */
static gboolean
row_figure_run_together (const GkNarrativeRules *r, const GkProse *prose, gsize s, gsize e, const char *num)
{
  if (!r->cumulative_header || !num[0] || strspn (num, "0123456789") != strlen (num))
    return FALSE;
  if (prose->text[e] == ' ' && g_ascii_isdigit (prose->text[e + 1]))
    return FALSE;   /* the cumulative figure printed apart */
  gsize hs, he;
  return gk_regex_search (r->cumulative_header, prose->text, 0, &hs, &he) && he <= s;
}

static void
read_figures (const GkNarrativeRules *r, const GkProse *prose, GkRecord *rec, gsize *active_total_end)
{
  g_autoptr (GHashTable) best = g_hash_table_new (g_str_hash, g_str_equal);   /* key → offset+1 */
  /* prose stands in for table keys only in a report whose tables gave
   * nothing (pre-2019 prose): beside a real table a prose figure may
   * count another scope (templates.md §6.6), so an unread cell stays null */
  gboolean tables_read = gk_record_has_table_values (rec);
  for (guint i = 0; i < r->figures->len; i++)
    {
      Figure *f = r->figures->pdata[i];
      for (guint k = 0; k < f->patterns->len; k++)
        {
          g_autoptr (GkMatch) m = NULL;
          gsize s = 0, e = 0;
          /* the first match whose sentence the figure's exclusion does not name */
          for (gsize from = 0; (m = gk_regex_match (f->patterns->pdata[k], prose->text, from)); from = e)
            {
              gk_match_span (m, 0, &s, &e);
              if (!f->exclude || !sentence_matches (prose->text, s, e, f->exclude))
                break;
              g_clear_pointer (&m, gk_match_free);
              if (e == s)
                e++;
            }
          if (!m)
            continue;
          gsize prev = GPOINTER_TO_SIZE (g_hash_table_lookup (best, f->key));
          if (prev && prev - 1 <= s)
            continue;
          g_autofree char *num = f->has_value ? NULL : gk_match_group (m, 1);
          if (!f->has_value && !num)
            continue;
          if (num && g_array_index (f->row_pattern, gboolean, k) && row_figure_run_together (r, prose, s, e, num))
            {
              char *year = year_figure_of_run (num);
              if (!year)
                continue;   /* several cuts fit: the row is not read */
              g_free (num);
              num = year;
            }
          g_hash_table_insert (best, f->key, GSIZE_TO_POINTER (s + 1));
          g_autofree char *raw = g_strndup (prose->text + s, e - s);
          GkSource src = narrative_source (prose, s);
          set_figure (rec, f->key, f, num, &src, raw);
          for (guint a = 0; a < f->also->len; a++)
            {
              GkValue *have = gk_record_get (rec, f->also->pdata[a]);
              /* a table key only where no table was read (output.md: pre2019) */
              if ((!tables_read && (!have || !have->has_source))
                  || (have && have->has_source && have->src.method == GK_METHOD_NARRATIVE))
                set_figure (rec, f->also->pdata[a], f, num, &src, raw);
            }
          if (strcmp (f->key, "narrative.active_total") == 0)
            *active_total_end = e;
        }
    }
  /* one warning per approximate figure that won; it and the keys it
   * stands in for are marked so no check rests on it */
  GHashTableIter it;
  gpointer key, off;
  g_hash_table_iter_init (&it, best);
  while (r->approx && g_hash_table_iter_next (&it, &key, &off))
    {
      GkValue *v = gk_record_get (rec, key);
      if (!v || !v->raw || !gk_regex_search (r->approx, v->raw, 0, NULL, NULL))
        continue;
      gk_record_warn (rec, "narrative_approximate", v->src.page,
                      "%s：报告原文为约数“%s”，按所写数字读取", (const char *) key, v->raw);
      for (guint i = 0; i < rec->values->len; i++)
        {
          GkValue *w = rec->values->pdata[i];
          if (w->has_source && w->src.method == GK_METHOD_NARRATIVE && g_strcmp0 (w->raw, v->raw) == 0)
            w->approximate = TRUE;
        }
    }
}

/* The category's name alone: connectives before it (其中包括, 以及…) go,
 * as many as are stacked, but never the whole label. */
static const char *
strip_connectives (const GkNarrativeRules *r, const char *label)
{
  gboolean again = TRUE;
  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < r->bd_connectives->len; i++)
        {
          const char *word = r->bd_connectives->pdata[i];
          gsize n = strlen (word);
          if (n && g_str_has_prefix (label, word) && label[n])
            {
              label += n;
              again = TRUE;
            }
        }
    }
  return label;
}

/* The parts a list states from sentence[pos] on (sentence starts at prose
 * offset from); stored in rec when there are two or more. */
static gboolean
read_parts (const GkNarrativeRules *r, const GkProse *prose, GkRecord *rec, gsize from, const char *sentence, gsize pos)
{
  guint unread_pcts = 0;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_part_free);
  while (pos < strlen (sentence))
    {
      gsize ss, se;
      if (gk_regex_search (r->bd_sep, sentence, pos, &ss, &se) && ss == pos)
        pos = se;
      g_autoptr (GkMatch) m = gk_regex_match (r->bd_part, sentence, pos);
      gsize ms, me;
      if (!m || !gk_match_span (m, 0, &ms, &me) || ms != pos || me == ms)
        break;
      g_autofree char *label = gk_match_named (m, "label");
      g_autofree char *count = gk_match_named (m, "count");
      g_autofree char *pct = gk_match_named (m, "pct");
      GkPart *part = gk_part_new (strip_connectives (r, label));
      part->has_count = count != NULL && strcmp (count, GK_UNREAD_MARK) != 0;
      g_autofree char *count_digits = count ? strip_separators (count) : NULL;
      part->count = part->has_count ? g_ascii_strtoll (count_digits, NULL, 10) : 0;
      /* GK_UNREAD_MARK: the OCR saw a percent here but could not read it (null) */
      gboolean pct_unread = pct && strcmp (pct, GK_UNREAD_MARK) == 0;
      if (pct_unread)
        unread_pcts++;
      else if (pct && *pct)
        {
          part->has_percent = TRUE;
          part->percent = g_ascii_strtod (pct, NULL);
          const char *dot = strchr (pct, '.');
          part->percent_decimals = dot ? (int) strlen (dot + 1) : 0;
        }
      part->src = narrative_source (prose, from + ms);
      part->raw = g_strndup (sentence + ms, me - ms);
      g_ptr_array_add (parts, part);
      pos = me;
    }
  if (parts->len < 2)
    return FALSE;
  /* stopped on a share it cannot read: a misreading cut the list, it did not end */
  if (r->bd_unread_share && gk_regex_search (r->bd_unread_share, sentence + pos, 0, NULL, NULL))
    return FALSE;
  /* an unread percent was printed all the same: the list stays complete */
  guint n_pct = unread_pcts;
  for (guint i = 0; i < parts->len; i++)
    n_pct += ((GkPart *) parts->pdata[i])->has_percent;
  gboolean all_pct = n_pct == parts->len;
  GkPart *last = parts->pdata[parts->len - 1];
  gboolean ends_other = gk_regex_search (r->bd_complete, last->label, 0, NULL, NULL);
  g_autofree char *rest = g_strndup (sentence + pos, strlen (sentence) - pos);
  gboolean etc = gk_regex_search (r->bd_partial, rest, 0, NULL, NULL)
                 || gk_regex_search (r->bd_partial, last->raw, 0, NULL, NULL);
  rec->parts_partial = etc || (!all_pct && !ends_other);
  while (parts->len)
    gk_record_add_part (rec, g_ptr_array_steal_index (parts, 0));
  return TRUE;
}

/* The sentence of prose that starts at from (up to its 。). */
static char *
sentence_at (const char *text, gsize from)
{
  const char *stop = strstr (text + from, "。");
  return g_strndup (text + from, stop ? (gsize) (stop - (text + from)) : strlen (text + from));
}

/* The breakdown of the active total: the list that follows it (…1236条，
 * 其中… / …1236条。其中… / …1236条（…）), else a list of categories the
 * report introduces anywhere (主要类别有：…, 在主动公开的425条政府信息中，…). */
static void
read_breakdown (const GkNarrativeRules *r, const GkProse *prose, GkRecord *rec, gsize from)
{
  const char *text = prose->text;
  g_autofree char *sentence = sentence_at (text, from);
  gsize s, e;
  if (gk_regex_search (r->bd_start, sentence, 0, &s, &e) && read_parts (r, prose, rec, from, sentence, e))
    return;
  /* "…1236条。其中，…": the list may open the next sentence */
  gsize next = from + strlen (sentence);
  if (text[next])
    {
      next += strlen ("。");
      g_autofree char *second = sentence_at (text, next);
      if (gk_regex_search (r->bd_start, second, 0, &s, &e) && s == 0
          && read_parts (r, prose, rec, next, second, e))
        return;
    }
  if (!r->bd_category_start)
    return;
  for (gsize at = 0; gk_regex_search (r->bd_category_start, text, at, &s, &e); at = e > s ? e : s + 1)
    {
      g_autofree char *list = sentence_at (text, e);
      if (read_parts (r, prose, rec, e, list, 0))
        return;
      /* the categories named without counts, their counts the next
       * sentence's list (类别主要涉及公示公告、…等。其中公示公告类36条，…) */
      gsize after = e + strlen (list);
      if (!text[after])
        continue;
      after += strlen ("。");
      g_autofree char *counted = sentence_at (text, after);
      gsize cs, ce;
      if (gk_regex_search (r->bd_start, counted, 0, &cs, &ce) && cs == 0 && read_parts (r, prose, rec, after, counted, ce))
        return;
    }
}

/* The title (its line returned) and the report's year: the title's, else
 * the statistics period's. */
static int
read_title_and_year (const GkNarrativeRules *rules, const GkContent *content, const GkProse *prose,
                     GkRecord *record)
{
  /* the lines by index: on a crawled page many lines share one source line */
  int title_line = read_title (rules, content, record);
  gsize ys, ye;
  if (!record->year && rules->year_period
      && gk_regex_search (rules->year_period, prose->text, 0, &ys, &ye))
    {
      /* the title names no year: the statistics period does */
      g_autoptr (GkMatch) m = gk_regex_match (rules->year_period, prose->text, ys);
      g_autofree char *y = gk_match_group (m, 1);
      record->year = atoi (y);
      record->year_src = narrative_source (prose, ys);
    }
  return title_line;
}

int
gk_narrative_report_year (const GkNarrativeRules *rules, const GkContent *content)
{
  g_autoptr (GkRecord) scratch = gk_record_new ("");
  g_autoptr (GkProse) prose = gk_prose_new (rules, content);
  read_title_and_year (rules, content, prose, scratch);
  return scratch->year;
}

gboolean
gk_narrative_read_date (const GkNarrativeRules *rules, const GPtrArray *lines, GkRecord *record)
{
  return read_date (rules, lines, record) >= 0;
}

void
gk_narrative_read (const GkNarrativeRules *rules, const GkContent *content, GkRecord *record)
{
  g_autoptr (GkProse) prose = gk_prose_new (rules, content);
  int title_line = read_title_and_year (rules, content, prose, record);
  int date_line = read_date (rules, content->lines, record);
  read_issuer (rules, content, prose, title_line, date_line, record);
  if (!record->published_on && rules->page_date)
    read_page_date (rules, content->lines, record);
  gsize total_end = 0;
  read_figures (rules, prose, record, &total_end);
  if (total_end)
    read_breakdown (rules, prose, record, total_end);
}
