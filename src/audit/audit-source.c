/* audit-source.c — see audit-source.h. */
#include "audit-source.h"
#include "audit-crop.h"
#include "common/gk-error.h"
#include "text/text-input.h"
#include <libxml/HTMLparser.h>
#include <string.h>
#include "html/xml-lib.h"  /* last: its macros name the library calls */

/* A line of an HTML file as the reader sees it: its text, markup dropped
 * and entities decoded by libxml2 (the line may be a fragment: recovered). */
static char *
html_line_text (const char *line)
{
  if (!strpbrk (line, "<&"))
    return g_strdup (line);
  htmlDocPtr doc = htmlReadMemory (line, (int) strlen (line), NULL, "UTF-8",
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                   | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
  xmlNodePtr root = doc ? xmlDocGetRootElement (doc) : NULL;
  GString *text = g_string_new (NULL);
  for (xmlNodePtr n = root; n; n = n->next)
    {
      xmlChar *content = xmlNodeGetContent (n);
      if (content)
        g_string_append (text, (const char *) content);
      xmlFree (content);
    }
  if (doc)
    xmlFreeDoc (doc);
  return g_string_free (text, FALSE);
}

struct GkAuditSource {
  GkInputKind kind;
  GkAuditCrop *crop;    /* PDF only */
  char **lines;         /* text and HTML: lines[0] is line 1 */
  guint n_lines;
};

GkAuditSource *
gk_audit_source_open (const char *path, const char *sha256, const GkReadOptions *opts, GError **error)
{
  GkReadOptions defaults;
  if (!opts)
    {
      gk_read_options_init (&defaults);
      opts = &defaults;
    }
  g_autoptr (GkInput) input = gk_input_open (path, opts, error);
  if (!input)
    return NULL;
  if (sha256 && g_ascii_strcasecmp (sha256, input->sha256) != 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_IO,
                   "file changed since it was read (sha256 %.12s…, the record has %.12s…)",
                   input->sha256, sha256);
      return NULL;
    }
  g_autoptr (GkAuditSource) src = g_new0 (GkAuditSource, 1);
  src->kind = input->kind;
  if (input->kind == GK_INPUT_PDF)
    {
      src->crop = gk_audit_crop_open (input->bytes, opts->password, error);
      if (!src->crop)
        return NULL;
    }
  else
    {
      gsize len;
      const char *data = g_bytes_get_data (input->bytes, &len);
      g_autofree char *copy = g_memdup2 (data, len);
      for (gsize i = 0; i < len; i++)
        if (copy[i] == '\0')
          copy[i] = '\n';   /* as gk_text_read counts lines */
      g_autofree char *text = gk_text_to_utf8 (copy, len, NULL);
      src->lines = g_strsplit (text, "\n", -1);
      src->n_lines = g_strv_length (src->lines);
      for (guint i = 0; i < src->n_lines; i++)
        {
          /* form feeds mark pages, carriage returns are line-end noise */
          for (char *p = src->lines[i]; *p; p++)
            if (*p == '\f' || *p == '\r')
              *p = ' ';
          g_strchomp (src->lines[i]);
          if (input->kind == GK_INPUT_HTML)
            {
              char *text = html_line_text (src->lines[i]);
              g_free (src->lines[i]);
              src->lines[i] = text;
            }
        }
    }
  return g_steal_pointer (&src);
}

void
gk_audit_source_free (GkAuditSource *src)
{
  if (!src)
    return;
  gk_audit_crop_free (src->crop);
  g_strfreev (src->lines);
  g_free (src);
}

GkInputKind
gk_audit_source_kind (const GkAuditSource *src)
{
  return src->kind;
}

const char *
gk_audit_source_line (const GkAuditSource *src, int line)
{
  if (!src->lines || line < 1 || (guint) line > src->n_lines)
    return NULL;
  return src->lines[line - 1];
}

GBytes *
gk_audit_source_crop (GkAuditSource *src, int page, const GkRect *box, GError **error)
{
  if (!src->crop)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "the source is not a PDF: no page to crop");
      return NULL;
    }
  return gk_audit_crop_png (src->crop, page, box, error);
}
