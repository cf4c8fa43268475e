/* html-input.c — see html-input.h. */
#include "html-input.h"
#include "common/gk-error.h"
#include "common/gk-regex.h"
#include "common/gk-text.h"
#include "common/gk-number.h"
#include "content/line-row.h"
#include "text/text-input.h"
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>
#include "html/xml-lib.h"  /* last: its macros name the library calls */

/* A <meta charset> sits in the <head>; nobody puts it further down. */
#define CHARSET_SNIFF_BYTES 4096

/* Word's conditional comments, when a CMS has turned them into text. */
static const char debris_pattern[] =
  "<!--\\[if[^\\]]*\\]-->|<!--\\[endif\\]-->|<!\\[if[^\\]]*\\]>|<!\\[endif\\]>";

typedef struct {
  GkContent *content;
  GString *line;        /* flow text gathered since the last block boundary */
  int line_no;          /* source line where it began */
  GkRegex *debris;
} Reader;

static gboolean
is_element (const xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) n->name, name) == 0;
}

static gboolean
name_in (const xmlNode *n, const char *const *names)
{
  if (n->type != XML_ELEMENT_NODE)
    return FALSE;
  for (int i = 0; names[i]; i++)
    if (g_ascii_strcasecmp ((const char *) n->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *const skipped_elements[] = {
  "script", "style", "noscript", "head", "template", "select", "textarea", "object", "iframe", NULL,
};

static const char *const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
  "section", "article", "header", "footer", "nav", "main", "aside", "center", "blockquote",
  "pre", "address", "form", "hr", "caption", "figure", "tr", "td", "th", "tbody", "thead",
  "tfoot", "body", "html", NULL,
};

/* White space runs (NBSP, U+3000 included) to one space, ends trimmed, debris cut. */
static char *
clean_text (const Reader *rd, const char *s)
{
  g_autofree char *valid = gk_text_make_valid (s, -1);
  g_autoptr (GString) out = g_string_new (NULL);
  gsize from = 0, ds, de;
  while (gk_regex_search (rd->debris, valid, from, &ds, &de) && de > ds)
    {
      g_string_append_len (out, valid + from, (gssize) (ds - from));
      from = de;
    }
  g_string_append (out, valid + from);
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = out->str; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (gk_text_is_space_char (c))
        {
          space = text->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (text, ' ');
      space = FALSE;
      g_string_append_unichar (text, c);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Text of a subtree, skipping scripts, styles and comments. */
static void
gather_text (const xmlNode *node, GString *out)
{
  for (const xmlNode *n = node; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) n->content);
      else if (n->type == XML_ELEMENT_NODE && !name_in (n, skipped_elements))
        {
          if (is_element (n, "br"))
            g_string_append_c (out, ' ');
          gather_text (n->children, out);
        }
    }
}

static char *
node_text (const Reader *rd, const xmlNode *node)
{
  g_autoptr (GString) raw = g_string_new (NULL);
  gather_text (node->children, raw);
  return clean_text (rd, raw->str);
}

static GkSource
html_source (int line)
{
  GkSource src = { .page = 0, .line = line, .method = GK_METHOD_HTML, .confidence = 1.0 };
  return src;
}

static void
flush_line (Reader *rd)
{
  if (!rd->line->len)
    return;
  g_autofree char *text = clean_text (rd, rd->line->str);
  g_string_truncate (rd->line, 0);
  if (!*text)
    return;
  GkSource src = html_source (rd->line_no);
  /* a page whose whole text is one paragraph is read as a crawler's one-line copy of it */
  g_autoptr (GPtrArray) pieces = gk_text_long_line_pieces (text);
  for (guint p = 0; p < (pieces ? pieces->len : 1); p++)
    {
      const char *piece = pieces ? pieces->pdata[p] : text;
      g_ptr_array_add (rd->content->lines, gk_line_new (piece, &src));
      g_ptr_array_add (rd->content->rows, gk_line_to_row (piece, &src));
    }
}

static gboolean
has_descendant_table (const xmlNode *node)
{
  for (const xmlNode *n = node; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE && (is_element (n, "table") || has_descendant_table (n->children)))
      return TRUE;
  return FALSE;
}

/* --- data tables ------------------------------------------------------ */

typedef struct {
  const xmlNode *node;
  char *text;
  int row, col, rowspan, colspan;
  gboolean is_label;     /* decided when its first row is read */
} GridCell;

static void
grid_cell_free (GridCell *gc)
{
  g_free (gc->text);
  g_free (gc);
}

static int
span_attr (const xmlNode *node, const char *name, int max, gboolean *clamped)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  if (!v)
    return 1;
  gint64 n = g_ascii_strtoll ((const char *) v, NULL, 10);
  xmlFree (v);
  if (n < 1)
    return 1;   /* rowspan="0" (to the end) and junk: one row, as browsers do for junk */
  if (n > max)
    {
      *clamped = TRUE;
      return max;
    }
  return (int) n;
}

static void
collect_rows (const xmlNode *node, GPtrArray *trs)
{
  for (const xmlNode *n = node; n; n = n->next)
    {
      if (is_element (n, "tr"))
        g_ptr_array_add (trs, (gpointer) n);
      else if (is_element (n, "thead") || is_element (n, "tbody") || is_element (n, "tfoot"))
        collect_rows (n->children, trs);
    }
}

/* The grid: at[r][c] is the GridCell covering that slot, NULL for a hole. */
typedef struct {
  GPtrArray *cells;      /* GridCell*, owned, in placement order */
  GPtrArray *at;         /* per row: GPtrArray of GridCell* (borrowed) */
  int width;
} Grid;

static GridCell *
grid_get (const Grid *g, int r, int c)
{
  GPtrArray *row = g->at->pdata[r];
  return c < (int) row->len ? row->pdata[c] : NULL;
}

static void
grid_put (Grid *g, int r, int c, GridCell *gc)
{
  GPtrArray *row = g->at->pdata[r];
  if (c >= (int) row->len)
    g_ptr_array_set_size (row, c + 1);
  row->pdata[c] = gc;
  g->width = MAX (g->width, c + 1);
}

static void
grid_free (Grid *g)
{
  g_ptr_array_unref (g->at);
  g_ptr_array_unref (g->cells);
}

static void
grid_build (Reader *rd, const GPtrArray *trs, Grid *g)
{
  g->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) grid_cell_free);
  g->at = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g->width = 0;
  int nrows = (int) trs->len;
  for (int r = 0; r < nrows; r++)
    g_ptr_array_add (g->at, g_ptr_array_new ());
  gboolean clamped = FALSE;
  for (int r = 0; r < nrows; r++)
    {
      const xmlNode *tr = trs->pdata[r];
      int col = 0;
      for (const xmlNode *td = tr->children; td; td = td->next)
        {
          if (!is_element (td, "td") && !is_element (td, "th"))
            continue;
          while (grid_get (g, r, col))
            col++;
          GridCell *gc = g_new0 (GridCell, 1);
          gc->node = td;
          gc->text = node_text (rd, td);
          gc->row = r;
          gc->col = col;
          gc->rowspan = MIN (span_attr (td, "rowspan", GK_HTML_MAX_ROWSPAN, &clamped), nrows - r);
          gc->colspan = span_attr (td, "colspan", GK_HTML_MAX_COLSPAN, &clamped);
          g_ptr_array_add (g->cells, gc);
          for (int dr = 0; dr < gc->rowspan; dr++)
            for (int dc = 0; dc < gc->colspan; dc++)
              if (!grid_get (g, r + dr, col + dc))
                grid_put (g, r + dr, col + dc, gc);
          col += gc->colspan;
        }
    }
  if (clamped)
    gk_content_warn (rd->content, "html_span_clamped", 0,
                     "a table cell spans more than %d rows or %d columns; its span was cut there",
                     GK_HTML_MAX_ROWSPAN, GK_HTML_MAX_COLSPAN);
}

static gboolean
is_number_text (const char *text)
{
  return *text && gk_number_is_cell_token (text);
}

/* A table row of zeros printed blank: a label, then only empty cells of its
 * own (at least BLANK_ROW_MIN_CELLS) — a data row whose blanks are read as 0
 * like any blank in a ruled cell, not a header row (headers name columns). */
enum { BLANK_ROW_MIN_CELLS = 2 };

static gboolean
blank_value_cells (const GPtrArray *entries, int r, guint first_value, gsize label_len)
{
  if (first_value == 0 || label_len == 0)
    return FALSE;
  guint blanks = 0;
  for (guint i = first_value; i < entries->len; i++)
    {
      const GridCell *gc = entries->pdata[i];
      if (gc->row != r || *gc->text)
        return FALSE;
      blanks++;
    }
  return blanks >= BLANK_ROW_MIN_CELLS;
}

/* One grid row → one GkRow (and one GkLine with the row's text). */
static void
emit_grid_row (Reader *rd, const Grid *g, int r, int tr_line)
{
  /* the row's entries in column order: cells starting here, and value
   * cells spanning down from above (read as blanks, never repeated) */
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  for (int c = 0; c < g->width; c++)
    {
      GridCell *gc = grid_get (g, r, c);
      if (!gc || (gc->col != c))
        continue;
      if (gc->row == r || !gc->is_label)
        g_ptr_array_add (entries, gc);
    }
  /* the label: leading non-numeric cells up to the last one with text;
   * blanks before it are padding, blanks after it are value cells */
  guint lead = 0, first_value = 0;
  while (lead < entries->len && ((GridCell *) entries->pdata[lead])->row == r
         && !is_number_text (((GridCell *) entries->pdata[lead])->text))
    {
      if (*((GridCell *) entries->pdata[lead])->text)
        first_value = lead + 1;
      lead++;
    }
  g_autoptr (GString) label = g_string_new (NULL);
  g_autoptr (GString) line = g_string_new (NULL);
  gboolean any_number = FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      GridCell *gc = entries->pdata[i];
      if (gc->row != r)
        continue;
      if (*gc->text)
        g_string_append_printf (line, "%s%s", line->len ? " " : "", gc->text);
      if (i < first_value)
        {
          gc->is_label = TRUE;
          if (*gc->text)
            g_string_append_printf (label, "%s%s", label->len ? " " : "", gc->text);
        }
      else
        any_number |= is_number_text (gc->text);
    }
  GkSource row_src = html_source (tr_line);
  if (line->len)
    g_ptr_array_add (rd->content->lines, gk_line_new (line->str, &row_src));
  if (!any_number && !blank_value_cells (entries, r, first_value, label->len))
    {
      /* a header or heading row: everything in it is label */
      for (guint i = 0; i < entries->len; i++)
        {
          GridCell *gc = entries->pdata[i];
          if (gc->row == r)
            gc->is_label = TRUE;
        }
      if (line->len)
        g_ptr_array_add (rd->content->rows, gk_row_new (line->str, &row_src));
      return;
    }
  const GridCell *first_label = first_value > 0 ? entries->pdata[0] : NULL;
  GkSource label_src = html_source (first_label ? (int) xmlGetLineNo (first_label->node) : tr_line);
  GkRow *row = gk_row_new (label->str, &label_src);
  for (guint i = first_value; i < entries->len; i++)
    {
      GridCell *gc = entries->pdata[i];
      GkSource src = html_source ((int) xmlGetLineNo (gc->node));
      /* a value cell spanning down from an earlier row is not repeated:
       * the slot is a blank, proven a cell only when the spanning cell is blank */
      GkCell *cell = gk_cell_new (gc->row == r ? gc->text : "", &src);
      cell->grid_cell = gc->row == r || !*gc->text;
      gk_row_add_cell (row, cell);
    }
  g_ptr_array_add (rd->content->rows, row);
}

/* A line of Markdown: a table row drawn with pipes ("| 规章 | 2 | |") or
 * a heading ("## 二、主动公开政府信息情况"). */
static gboolean
is_markdown_line (const char *line, gsize len)
{
  while (len && g_ascii_isspace (*line))
    line++, len--;
  while (len && g_ascii_isspace (line[len - 1]))
    len--;
  gsize hashes = 0;
  while (hashes < len && line[hashes] == '#')
    hashes++;
  if (hashes >= 1 && hashes <= 6 && hashes < len && line[hashes] == ' ')
    return TRUE;
  return len >= 3 && line[0] == '|' && line[len - 1] == '|';
}

/* Flow text goes on the current line: its line breaks are white space, as
 * a browser shows them — except in Markdown a converter left around the
 * page's HTML tables (text holding table rows drawn with pipes, or
 * headings), whose lines are the table's rows and the report's lines: they
 * stay lines, their Markdown marks removed. */
static void
append_flow_text (Reader *rd, const xmlNode *n)
{
  const char *text = (const char *) n->content;
  int line_no = (int) xmlGetLineNo (n);
  gboolean rows = FALSE;
  for (const char *p = text; *p && !rows;)
    {
      const char *e = strchr (p, '\n');
      gsize len = e ? (gsize) (e - p) : strlen (p);
      rows = is_markdown_line (p, len);
      p += len + (e != NULL);
    }
  if (!rows)
    {
      if (!rd->line->len)
        rd->line_no = line_no;
      g_string_append (rd->line, text);
      return;
    }
  /* libxml2 numbers a short text node by its last line: count back to its
   * first; a long one (parsed in chunks) by a line inside it, where its
   * lines keep the node's number, as its flowing text would */
  int newlines = 0;
  for (const char *p = text; *p; p++)
    newlines += *p == '\n';
  int step = line_no - newlines >= 1;
  line_no -= step * newlines;
  for (const char *p = text;; line_no += step)
    {
      const char *e = strchr (p, '\n');
      if (!rd->line->len)
        rd->line_no = line_no;
      g_autofree char *line = g_strndup (p, e ? (gsize) (e - p) : strlen (p));
      gk_text_strip_markdown (line);
      g_string_append (rd->line, line);
      if (!e)
        break;
      flush_line (rd);
      p = e + 1;
    }
}

static void walk_flow (Reader *rd, const xmlNode *node);

static void
read_table (Reader *rd, const xmlNode *table)
{
  flush_line (rd);
  for (const xmlNode *n = table->children; n; n = n->next)
    if (is_element (n, "caption"))
      {
        walk_flow (rd, n);
        flush_line (rd);
      }
  if (has_descendant_table (table->children))
    {
      /* page layout: cells are flow, inner tables are tables */
      walk_flow (rd, table->children);
      flush_line (rd);
      return;
    }
  g_autoptr (GPtrArray) trs = g_ptr_array_new ();
  collect_rows (table->children, trs);
  Grid g;
  grid_build (rd, trs, &g);
  for (guint r = 0; r < trs->len; r++)
    emit_grid_row (rd, &g, (int) r, (int) xmlGetLineNo (trs->pdata[r]));
  grid_free (&g);
}

static void
walk_flow (Reader *rd, const xmlNode *node)
{
  for (const xmlNode *n = node; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          append_flow_text (rd, n);
          continue;
        }
      if (n->type != XML_ELEMENT_NODE || name_in (n, skipped_elements) || is_element (n, "caption"))
        continue;
      if (is_element (n, "br"))
        flush_line (rd);
      else if (is_element (n, "table"))
        read_table (rd, n);
      else if (name_in (n, block_elements))
        {
          flush_line (rd);
          walk_flow (rd, n->children);
          flush_line (rd);
        }
      else
        walk_flow (rd, n->children);
    }
}

/* --- charset ---------------------------------------------------------- */

/* The charset a <meta> declares in the first bytes, lower case, or NULL. */
static char *
declared_charset (const char *data, gsize len)
{
  g_autofree char *head = g_ascii_strdown (data, (gssize) MIN (len, CHARSET_SNIFF_BYTES));
  const char *p = strstr (head, "charset");
  if (!p)
    return NULL;
  p += strlen ("charset");
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p++ != '=')
    return NULL;
  while (*p == ' ' || *p == '"' || *p == '\'')
    p++;
  const char *e = p;
  while (g_ascii_isalnum (*e) || *e == '-' || *e == '_')
    e++;
  return e > p ? g_strndup (p, (gsize) (e - p)) : NULL;
}

static gboolean
is_gb_charset (const char *charset)
{
  return g_str_has_prefix (charset, "gb") || strcmp (charset, "x-gbk") == 0 || strcmp (charset, "cp936") == 0;
}

static void
warn_replaced (GkContent *content, const char *charset, gsize n_replaced)
{
  if (n_replaced)
    gk_content_warn (content, "invalid_utf8", 0, "%" G_GSIZE_FORMAT " bytes not valid %s replaced", n_replaced,
                     charset);
}

/* The page as UTF-8, its length in *out_len: in the charset its <meta>
 * declares (GB2312 and GBK read as their superset GB18030), else as UTF-8
 * when it is, else as whichever of UTF-8 and GB18030 leaves fewer bytes
 * unconverted.  A byte that converts to nothing is replaced and the page
 * goes on (libxml2's own decoder stopped there, losing the rest). */
static char *
page_to_utf8 (const char *data, gsize len, GkContent *content, gsize *out_len)
{
  g_autofree char *declared = declared_charset (data, len);
  /* a UTF-16 page was made UTF-8 by the input layer (input.h); its <meta> still says UTF-16 */
  gboolean declared_utf8 = declared && (strcmp (declared, "utf-8") == 0 || strcmp (declared, "utf8") == 0
                                        || g_str_has_prefix (declared, "utf-16") || strcmp (declared, "unicode") == 0);
  gsize bad = 0;
  if (declared && !declared_utf8)
    {
      const char *charset = is_gb_charset (declared) ? "GB18030" : declared;
      char *text = gk_text_convert_lossy (data, len, charset, out_len, &bad, NULL);
      if (text)
        {
          warn_replaced (content, charset, bad);
          return text;
        }
      gk_content_warn (content, "encoding_unknown", 0, "charset “%s” unknown; read as UTF-8 or GB18030", declared);
    }
  const char *charset = NULL;
  char *text = gk_text_utf8_or_gb18030 (data, len, out_len, &charset, &bad);
  if (strcmp (charset, "GB18030") == 0)
    gk_content_warn (content, "encoding_gb18030", 0,
                     declared_utf8 ? "page declares UTF-8 but is not; read as GB18030"
                                   : "page declares no charset and is not UTF-8; read as GB18030");
  warn_replaced (content, charset, bad);
  return text;
}

/* libxml2 reports some errors (encoding, I/O) through its generic handler
 * whatever the parse options say; a page's faults are the warnings above. */
static void
ignore_libxml_message (void *ctx, const char *msg, ...)
{
}

/* --- entry ------------------------------------------------------------ */

GkContent *
gk_html_read_data (const char *data, gsize len, GError **error)
{
  if (len == 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_EMPTY, "empty file");
      return NULL;
    }
  if (len > G_MAXINT)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "HTML page over 2 GB");
      return NULL;
    }
  g_autoptr (GkContent) content = gk_content_new (GK_MEDIA_HTML);
  gsize text_len = 0;
  g_autofree char *text = page_to_utf8 (data, len, content, &text_len);
  if (text_len > G_MAXINT)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "HTML page over 2 GB");
      return NULL;
    }
  /* UTF-8 now, whatever the page's <meta> says (HTML_PARSE_IGNORE_ENC) */
  int flags = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
              | HTML_PARSE_IGNORE_ENC;
  xmlSetGenericErrorFunc (NULL, ignore_libxml_message);   /* this thread's handler */
  htmlDocPtr doc = htmlReadMemory (text, (int) text_len, NULL, "UTF-8", flags);
  if (!doc)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "HTML could not be parsed");
      return NULL;
    }
  Reader rd = { .content = content, .line = g_string_new (NULL) };
  rd.debris = gk_regex_new (debris_pattern, NULL);
  xmlNode *root = xmlDocGetRootElement (doc);
  if (root)
    walk_flow (&rd, root);
  flush_line (&rd);
  g_string_free (rd.line, TRUE);
  gk_regex_free (rd.debris);
  xmlFreeDoc (doc);
  if (content->lines->len == 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_EMPTY, "no text in HTML page");
      return NULL;
    }
  return g_steal_pointer (&content);
}

GkContent *
gk_html_read (const GkInput *input, const GkReadOptions *opts, GError **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (input->bytes, &len);
  return gk_html_read_data (data, len, error);
}
