/* input.c — see input.h. */
#include "input.h"
#include "common/gk-error.h"
#include "common/gk-text.h"
#include <jansson.h>
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

/* Does text hold a table in HTML markup (<table …> then <tr or <td),
 * anywhere: Markdown keeps a table it cannot draw (one with merged cells)
 * as the page's HTML, so the converter's text is a web page to read. */
static gboolean
holds_html_table (const guint8 *data, gsize len)
{
  gboolean table = FALSE;
  for (const guint8 *p = memchr (data, '<', len); p; p = memchr (p + 1, '<', (gsize) (data + len - p - 1)))
    {
      gsize left = (gsize) (data + len - p);
      if (!table)
        table = left > 6 && g_ascii_strncasecmp ((const char *) p, "<table", 6) == 0
                && (g_ascii_isspace (p[6]) || p[6] == '>');
      else if (left > 3 && (g_ascii_strncasecmp ((const char *) p, "<tr", 3) == 0
                            || g_ascii_strncasecmp ((const char *) p, "<td", 3) == 0)
               && (g_ascii_isspace (p[3]) || p[3] == '>'))
        return TRUE;
      if (left < 2)
        break;
    }
  return FALSE;
}

static gboolean
looks_like_html (const guint8 *data, gsize len)
{
  if (holds_html_table (data, len))
    return TRUE;
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

/* How much of the file tells UTF-16 from its zero bytes. */
#define UTF16_SNIFF_BYTES 8192

/* "UTF-16LE" or "UTF-16BE" when data is UTF-16 — a byte-order mark (its
 * length in *bom), or the zero high bytes of ASCII characters (digits,
 * spaces, line ends), at least 1 unit in 100, nearly all on one side —
 * else NULL.  Text in UTF-8 or GB18030 has no zero bytes. */
static const char *
utf16_charset (const guint8 *data, gsize len, gsize *bom)
{
  *bom = 0;
  if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      *bom = 2;
      return "UTF-16LE";
    }
  if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      *bom = 2;
      return "UTF-16BE";
    }
  gsize units = MIN (len, UTF16_SNIFF_BYTES) / 2, zero_even = 0, zero_odd = 0;
  for (gsize i = 0; i < units; i++)
    {
      zero_even += data[2 * i] == 0;
      zero_odd += data[2 * i + 1] == 0;
    }
  gsize least = MAX (2, units / 100);
  if (zero_odd >= least && zero_even * 10 <= zero_odd)
    return "UTF-16LE";
  if (zero_even >= least && zero_odd * 10 <= zero_even)
    return "UTF-16BE";
  return NULL;
}

/* UTF-16 data as UTF-8, with its warnings; NULL when data is not UTF-16. */
static GBytes *
utf16_to_utf8 (const guint8 *data, gsize len, GPtrArray *warnings)
{
  gsize bom, out_len = 0, bad = 0;
  const char *charset = utf16_charset (data, len, &bom);
  if (!charset)
    return NULL;
  char *text = gk_text_convert_lossy ((const char *) data + bom, len - bom, charset, &out_len, &bad, NULL);
  if (!text)
    return NULL;
  g_ptr_array_add (warnings, gk_warning_new ("encoding_utf16", 0, "file is %s (%s byte-order mark); read as UTF-8",
                                             charset, bom ? "with a" : "without"));
  if (bad)
    g_ptr_array_add (warnings, gk_warning_new ("invalid_utf8", 0, "%" G_GSIZE_FORMAT " bytes not valid %s replaced",
                                               bad, charset));
  return g_bytes_new_take (text, out_len);
}

/* Text with bare CR line ends (CR not before LF) with LF ones; NULL when it has none. */
static GBytes *
cr_to_lf (const char *data, gsize len)
{
  gboolean bare = FALSE;
  for (gsize i = 0; i < len && !bare; i++)
    bare = data[i] == '\r' && (i + 1 == len || data[i + 1] != '\n');
  if (!bare)
    return NULL;
  char *copy = g_memdup2 (data, len);
  for (gsize i = 0; i < len; i++)
    if (copy[i] == '\r' && (i + 1 == len || copy[i + 1] != '\n'))
      copy[i] = '\n';
  return g_bytes_new_take (copy, len);
}

/* Text no longer than this in every string of a JSON record is no page's text. */
#define JSON_MIN_TEXT_CHARS 40

static void
gather_json_strings (json_t *v, GString *out)
{
  const char *key;
  json_t *item;
  size_t i;
  if (json_is_string (v))
    {
      if (out->len)
        g_string_append_c (out, '\n');
      g_string_append (out, json_string_value (v));
    }
  else if (json_is_object (v))
    json_object_foreach (v, key, item)
      gather_json_strings (item, out);
  else if (json_is_array (v))
    json_array_foreach (v, i, item)
      gather_json_strings (item, out);
}

/* A crawler's record kept as JSON ({"title": …, "content": …}): its
 * strings, in the order written, each on its own line, as the text (or
 * the page, when they hold markup) to read; NULL when the bytes are no JSON
 * or hold no page's worth of text. */
static GBytes *
json_record_text (const char *data, gsize len, GkInputKind *kind, GPtrArray *warnings)
{
  gsize lead = 0;
  while (lead < len && g_ascii_isspace (data[lead]))
    lead++;
  if (lead == len || (data[lead] != '{' && data[lead] != '['))
    return NULL;
  json_t *root = json_loadb (data, len, JSON_DECODE_ANY, NULL);
  if (!root)
    return NULL;
  GString *text = g_string_new (NULL);
  gather_json_strings (root, text);
  json_decref (root);
  if (g_utf8_strlen (text->str, -1) < JSON_MIN_TEXT_CHARS)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  gboolean markup = strstr (text->str, "<p") || strstr (text->str, "<div") || strstr (text->str, "<table")
                    || strstr (text->str, "<br");
  *kind = markup ? GK_INPUT_HTML : GK_INPUT_TEXT;
  g_ptr_array_add (warnings, gk_warning_new ("json_record", 0, "file is a JSON record; the text of its fields was read%s",
                                             markup ? " as a web page" : ""));
  return g_string_free_to_bytes (text);
}

GBytes *
gk_input_prepare (const char *name, GBytes *raw, GkInputKind *kind, GPtrArray *warnings, GError **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (raw, &len);
  g_autoptr (GBytes) bytes = NULL;
  /* no %PDF- header is UTF-16; the header decides before any guess */
  if (!memmem (data, MIN (len, 1024), "%PDF-", 5))
    bytes = utf16_to_utf8 (data, len, warnings);
  if (!bytes)
    bytes = g_bytes_ref (raw);
  data = g_bytes_get_data (bytes, &len);
  if (!gk_input_detect (name, data, len, kind, error))
    return NULL;
  GBytes *record = *kind == GK_INPUT_TEXT ? json_record_text ((const char *) data, len, kind, warnings) : NULL;
  if (record)
    {
      g_bytes_unref (bytes);
      bytes = record;
      data = g_bytes_get_data (bytes, &len);
    }
  if (*kind == GK_INPUT_TEXT)
    {
      GBytes *lf = cr_to_lf ((const char *) data, len);
      if (lf)
        {
          g_bytes_unref (bytes);
          bytes = lf;
        }
    }
  return g_steal_pointer (&bytes);
}

void
gk_input_take_warnings (GkInput *input, GkContent *content)
{
  for (guint i = 0; i < input->warnings->len; i++)
    g_ptr_array_insert (content->warnings, (gint) i, input->warnings->pdata[i]);
  g_ptr_array_set_free_func (input->warnings, NULL);
  g_ptr_array_set_size (input->warnings, 0);
  g_ptr_array_set_free_func (input->warnings, (GDestroyNotify) gk_warning_free);
}

/* Read size of the streamed reads: large enough for few syscalls, small on the stack. */
#define GK_READ_CHUNK_BYTES (64 * 1024)

/* Reads fd to its end, each chunk into sum and/or text (either NULL);
 * FALSE with an error on a read error, or when text would grow past max
 * bytes (0: no limit). */
static gboolean
read_to_end (int fd, GChecksum *sum, GString *text, gsize max, GError **error)
{
  guchar buf[GK_READ_CHUNK_BYTES];
  for (;;)
    {
      ssize_t n = read (fd, buf, sizeof buf);
      if (n == 0)
        return TRUE;
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          int e = errno;
          g_set_error (error, GK_ERROR, GK_ERROR_IO, "%s", e == EISDIR ? "is a directory" : g_strerror (e));
          return FALSE;
        }
      if (text && max && text->len + (gsize) n > max)
        {
          g_autofree char *limit = g_format_size_full (max, G_FORMAT_SIZE_IEC_UNITS);
          g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "input is over the %s limit (--max-mb)", limit);
          return FALSE;
        }
      if (sum)
        g_checksum_update (sum, buf, n);
      if (text)
        g_string_append_len (text, (const char *) buf, n);
    }
}

/* Standard input, whole, at most max bytes (0: no limit). */
static GBytes *
read_stdin (gsize max, GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  if (!read_to_end (STDIN_FILENO, NULL, text, max, error))
    return NULL;
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* The file at path, whole, when it is a regular file of at most max bytes (0: no limit). */
static GBytes *
read_file (const char *path, gsize max, GError **error)
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
  if (max && (guint64) st.st_size > max)
    {
      g_autofree char *size = g_format_size_full ((guint64) st.st_size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (max, G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (error, GK_ERROR, GK_ERROR_LIMIT, "file is %s, over the %s limit (--max-mb)", size, limit);
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
  return g_bytes_new_take (data, len);
}

GkInput *
gk_input_open (const char *path, const GkReadOptions *opts, GError **error)
{
  gsize max = opts ? opts->max_bytes : 0;
  g_autoptr (GBytes) raw = strcmp (path, GK_INPUT_STDIN) == 0 ? read_stdin (max, error) : read_file (path, max, error);
  if (!raw)
    return NULL;
  gsize len;
  const guchar *data = g_bytes_get_data (raw, &len);
  g_autoptr (GkInput) in = g_new0 (GkInput, 1);
  in->path = g_strdup (path);
  in->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_warning_free);
  in->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
  in->bytes = gk_input_prepare (path, raw, &in->kind, in->warnings, error);
  if (!in->bytes)
    return NULL;
  return g_steal_pointer (&in);
}

void
gk_input_free (GkInput *in)
{
  if (!in)
    return;
  g_free (in->path);
  if (in->bytes)
    g_bytes_unref (in->bytes);
  if (in->warnings)
    g_ptr_array_unref (in->warnings);
  g_free (in->sha256);
  g_free (in);
}

char *
gk_input_sha256_file (const char *path, GError **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, GK_ERROR, GK_ERROR_IO, "%s", e == EACCES ? "permission denied" : g_strerror (e));
      return NULL;
    }
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gboolean ok = read_to_end (fd, sum, NULL, 0, error);
  close (fd);
  return ok ? g_strdup (g_checksum_get_string (sum)) : NULL;
}
