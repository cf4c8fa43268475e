/* page.c — see page.h. */
#include "page.h"

static void
word_free (GkWord *w)
{
  g_free (w->text);
  g_free (w);
}

GkPage *
gk_page_new (int number, double width, double height, GkMethod method)
{
  GkPage *p = g_new0 (GkPage, 1);
  p->number = number;
  p->width = width;
  p->height = height;
  p->method = method;
  p->words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);
  p->rules = g_array_new (FALSE, FALSE, sizeof (GkRect));
  return p;
}

void
gk_page_add_word (GkPage *page, const char *text, const GkRect *box, double confidence)
{
  GkWord *w = g_new0 (GkWord, 1);
  w->text = g_strdup (text);
  w->box = *box;
  w->confidence = confidence;
  g_ptr_array_add (page->words, w);
}

void
gk_page_add_rule (GkPage *page, const GkRect *rule)
{
  g_array_append_val (page->rules, *rule);
}

void
gk_page_free (GkPage *page)
{
  if (!page)
    return;
  g_ptr_array_unref (page->words);
  g_array_unref (page->rules);
  g_free (page);
}
