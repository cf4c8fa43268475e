/* content.c — constructors and destructors of the shared content model. */
#include "content.h"

const char *
gk_method_name (GkMethod method)
{
  switch (method)
    {
    case GK_METHOD_PDF_TEXT:  return "pdf-text";
    case GK_METHOD_OCR:       return "ocr";
    case GK_METHOD_TEXT:      return "text";
    case GK_METHOD_HTML:      return "html";
    case GK_METHOD_NARRATIVE: return "narrative";
    }
  return "unknown";
}

const char *
gk_media_name (GkMedia media)
{
  switch (media)
    {
    case GK_MEDIA_PDF_TEXT:  return "pdf-text";
    case GK_MEDIA_PDF_SCAN:  return "pdf-scan";
    case GK_MEDIA_PDF_MIXED: return "pdf-mixed";
    case GK_MEDIA_TEXT:      return "text";
    case GK_MEDIA_HTML:      return "html";
    }
  return "unknown";
}

GkCell *
gk_cell_new (const char *raw, const GkSource *src)
{
  GkCell *cell = g_new0 (GkCell, 1);
  cell->raw = g_strdup (raw ? raw : "");
  cell->text_col = -1;
  if (src)
    cell->src = *src;
  return cell;
}

void
gk_cell_free (GkCell *cell)
{
  if (!cell)
    return;
  g_free (cell->raw);
  g_free (cell);
}

GkRow *
gk_row_new (const char *label, const GkSource *label_src)
{
  GkRow *row = g_new0 (GkRow, 1);
  row->label = g_strdup (label ? label : "");
  if (label_src)
    row->label_src = *label_src;
  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_cell_free);
  return row;
}

void
gk_row_add_cell (GkRow *row, GkCell *cell)
{
  g_ptr_array_add (row->cells, cell);
}

void
gk_row_free (GkRow *row)
{
  if (!row)
    return;
  g_free (row->label);
  g_ptr_array_unref (row->cells);
  g_free (row);
}

GkLine *
gk_line_new (const char *text, const GkSource *src)
{
  GkLine *line = g_new0 (GkLine, 1);
  line->text = g_strdup (text ? text : "");
  if (src)
    line->src = *src;
  return line;
}

void
gk_line_free (GkLine *line)
{
  if (!line)
    return;
  g_free (line->text);
  g_free (line);
}

static GkWarning *
warning_new_valist (const char *code, int page, const char *fmt, va_list ap)
{
  GkWarning *w = g_new0 (GkWarning, 1);
  w->code = g_strdup (code);
  w->page = page;
  w->message = g_strdup_vprintf (fmt, ap);
  return w;
}

GkWarning *
gk_warning_new (const char *code, int page, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  GkWarning *w = warning_new_valist (code, page, fmt, ap);
  va_end (ap);
  return w;
}

void
gk_warning_free (GkWarning *warning)
{
  if (!warning)
    return;
  g_free (warning->code);
  g_free (warning->message);
  g_free (warning);
}

GkContent *
gk_content_new (GkMedia media)
{
  GkContent *c = g_new0 (GkContent, 1);
  c->media = media;
  c->ocr_pages = g_array_new (FALSE, FALSE, sizeof (int));
  c->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_line_free);
  c->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_row_free);
  c->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_warning_free);
  return c;
}

void
gk_content_free (GkContent *content)
{
  if (!content)
    return;
  g_array_unref (content->ocr_pages);
  g_ptr_array_unref (content->lines);
  g_ptr_array_unref (content->rows);
  g_ptr_array_unref (content->warnings);
  if (content->reread_free)
    content->reread_free (content->reread_data);
  g_free (content);
}

void
gk_content_warn (GkContent *content, const char *code, int page, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_ptr_array_add (content->warnings, warning_new_valist (code, page, fmt, ap));
  va_end (ap);
}
