/* pdf-images.c — see pdf-images.h. */
#include "pdf-images.h"
#include <stdlib.h>
#include <string.h>

/* How far around an /Subtype /Image the dictionary's /Width and /Height are
 * looked for: from the nearest "<<" before it to the "stream" after it. */
enum { IMAGE_DICT_MAX_BYTES = 4096 };

static const char *
rfind (const char *lo, const char *p, const char *needle)
{
  gsize n = strlen (needle);
  for (const char *q = p - n; q >= lo; q--)
    if (memcmp (q, needle, n) == 0)
      return q;
  return NULL;
}

/* The integer after key (e.g. "/Width") between lo and hi, or -1. */
static gint64
dict_int (const char *lo, const char *hi, const char *key)
{
  gsize n = strlen (key);
  for (const char *q = lo; q + n < hi; q++)
    if (memcmp (q, key, n) == 0 && !g_ascii_isalnum (q[n]))
      {
        const char *v = q + n;
        while (v < hi && g_ascii_isspace (*v))
          v++;
        if (v < hi && g_ascii_isdigit (*v))
          return g_ascii_strtoll (v, NULL, 10);
      }
  return -1;
}

gint64
gk_pdf_largest_image (GBytes *pdf, int *width, int *height)
{
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);
  const char *end = data + len;
  gint64 best = 0;
  int bw = 0, bh = 0;
  for (const char *p = data; p && p < end; )
    {
      p = memmem (p, (size_t) (end - p), "/Image", 6);
      if (!p)
        break;
      const char *floor_ = MAX (data, p - IMAGE_DICT_MAX_BYTES);
      const char *lo = rfind (floor_, p, "<<");
      const char *ceil_ = MIN (end, p + IMAGE_DICT_MAX_BYTES);
      const char *hi = memmem (p, (size_t) (ceil_ - p), "stream", 6);
      p += 6;
      if (!lo || !hi)
        continue;
      gint64 w = dict_int (lo, hi, "/Width"), h = dict_int (lo, hi, "/Height");
      if (w <= 0 || h <= 0 || w > G_MAXINT || h > G_MAXINT)
        continue;
      if (w * h > best)
        {
          best = w * h;
          bw = (int) w;
          bh = (int) h;
        }
    }
  if (width)
    *width = bw;
  if (height)
    *height = bh;
  return best;
}
