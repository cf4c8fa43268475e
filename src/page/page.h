/* page.h — page content: words with boxes and ruling lines, whoever read them.
 *
 *   gk_page_new / gk_page_free
 *   gk_page_add_word     one word (or glyph run) with its box and confidence
 *   gk_page_add_rule     one ruling line, as a thin box
 *
 * The born-digital path (poppler) and the scanned path (tesseract) both
 * fill a GkPage; the layout stage reads only this, so table reconstruction
 * is the same code for both and only where the boxes come from differs.
 * Boxes are in PDF points with the origin at the top left of the page.
 */
#pragma once
#include <glib.h>
#include "content/content.h"

typedef struct {
  char *text;          /* UTF-8; one word, glyph run or OCR cell text */
  GkRect box;
  double confidence;   /* 1.0 from a text layer, tesseract's 0..1 otherwise */
} GkWord;

typedef struct {
  int number;          /* 1-based */
  double width, height;/* points */
  GkMethod method;     /* GK_METHOD_PDF_TEXT or GK_METHOD_OCR */
  GPtrArray *words;    /* GkWord*, owned */
  GArray *rules;       /* GkRect: ruling lines (horizontal: thin in y; vertical: thin in x) */
} GkPage;

GkPage *gk_page_new (int number, double width, double height, GkMethod method);
void gk_page_add_word (GkPage *page, const char *text, const GkRect *box, double confidence);
void gk_page_add_rule (GkPage *page, const GkRect *rule);
void gk_page_free (GkPage *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkPage, gk_page_free)
