/* input.c — see input.h. */
#include "input.h"
#include "common/gk-error.h"
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void
gk_read_options_init (GkReadOptions *o)
{
  memset (o, 0, sizeof *o);
  o->ocr = GK_OCR_AUTO;
  o->max_bytes = GK_DEFAULT_MAX_BYTES;
  o->max_pages = GK_DEFAULT_MAX_PAGES;
  o->max_pixels = GK_DEFAULT_MAX_PIXELS;
  o->max_seconds = GK_DEFAULT_MAX_SECONDS;
  o->max_glyphs = GK_DEFAULT_MAX_GLYPHS;
}

gboolean
gk_read_options_expired (const GkReadOptions *o, GError **error)
{
  if (!o || o->deadline_us == 0 || g_get_monotonic_time () < o->deadline_us)
    return FALSE;
  g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "gave up after %.0f s (--max-seconds)", o->max_seconds);
  return TRUE;
}

static gboolean
looks_like_html (const guint8 *data, gsize len)
{
  gsize n = MIN (len, 4096);
  g_autofree char *head = g_ascii_strdown ((const char *) data, (gssize) n);
  const char *p = head;
  while (p < head + n && (g_ascii_isspace (*p) || (guint8) *p == 0xEF || (guint8) *p == 0xBB || (guint8) *p == 0xBF))
    p++;
  if (*p != '<')
    return FALSE;
  return strstr (head, "<html") || strstr (head, "<!doctype html") || strstr (head, "<body")
         || strstr (head, "<table") || strstr (head, "<div") || strstr (head, "<p");
}

static gboolean
looks_binary (const guint8 *data, gsize len)
{
  gsize n = MIN (len, 8192), ctrl = 0;
  for (gsize i = 0; i < n; i++)
    if (data[i] < 0x09 || (data[i] > 0x0D && data[i] < 0x20 && data[i] != 0x1B))
      ctrl++;
  return ctrl * 20 > n;   /* more than 5% control bytes */
}

gboolean
gk_input_detect (const char *name, const guint8 *data, gsize len, GkInputKind *kind, GError **error)
{
  if (len == 0)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_EMPTY, "empty file");
      return FALSE;
    }
  gsize n = MIN (len, 1024);
  for (gsize i = 0; i + 5 <= n; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      {
        *kind = GK_INPUT_PDF;
        return TRUE;
      }
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);
  if (g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "not a PDF (no %%PDF- header)");
      return FALSE;
    }
  if (looks_binary (data, len))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_FORMAT, "not a PDF, HTML or text file (binary data)");
      return FALSE;
    }
  *kind = looks_like_html (data, len) || g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm")
          ? GK_INPUT_HTML : GK_INPUT_TEXT;
  return TRUE;
}

GkInput *
gk_input_open (const char *path, const GkReadOptions *opts, GError **error)
{
  struct stat st;
  if (stat (path, &st) != 0)
    {
      int e = errno;
      g_set_error (error, GK_ERROR, GK_ERROR_IO, "%s", e == ELOOP ? "symbolic link loop" : g_strerror (e));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_IO, "is a directory");
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, GK_ERROR, GK_ERROR_IO, "not a regular file");
      return NULL;
    }
  if (opts && opts->max_bytes && (guint64) st.st_size > opts->max_bytes)
    {
      g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "file is %.1f MB, over the %.0f MB limit (--max-bytes)",
                   st.st_size / 1e6, opts->max_bytes / 1e6);
      return NULL;
    }
  char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &data, &len, &local))
    {
      /* GLib's message repeats the path; keep just the cause */
      int e = errno;
      g_set_error (error, GK_ERROR, GK_ERROR_IO, "%s",
                   local->code == G_FILE_ERROR_ACCES ? "permission denied" : (e ? g_strerror (e) : local->message));
      return NULL;
    }
  GkInput *in = g_new0 (GkInput, 1);
  in->path = g_strdup (path);
  in->bytes = g_bytes_new_take (data, len);
  if (!gk_input_detect (path, (const guint8 *) data, len, &in->kind, error))
    {
      gk_input_free (in);
      return NULL;
    }
  in->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  return in;
}

void
gk_input_free (GkInput *in)
{
  if (!in)
    return;
  g_free (in->path);
  g_bytes_unref (in->bytes);
  g_free (in->sha256);
  g_free (in);
}
