/* test-hostile.c — inputs a crawler brings home (issue 7), through the real
 * binary: each gets a correct result or one line naming the file and the
 * cause, a documented exit code, and the limits that bound time and memory.
 * (Empty, non-PDF, truncated, directory, symlink loop and odd paths are in
 * test-cli; encrypted and rotated PDFs in test-pdf; HTML with scripts in
 * test-html; the OCR pixel limit in test-ocr.) */
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <sys/resource.h>
#include "pdf/pdf-images.h"
#include "testutil.h"

static char *tmpdir;

/* No hostile input may make gongkai's memory grow past this (KB). */
#define HOSTILE_MAX_RSS_KB (400 * 1024)

static char *
tmp_file (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

/* Writes a PDF whose objects are given; the xref offsets are computed. */
static void
write_raw_pdf (const char *path, const char *const *objects, int n, const char *trailer_extra)
{
  GString *pdf = g_string_new ("%PDF-1.4\n");
  g_autofree gsize *offsets = g_new0 (gsize, n + 1);
  for (int i = 0; i < n; i++)
    {
      offsets[i + 1] = pdf->len;
      g_string_append_printf (pdf, "%d 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  gsize xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
  for (int i = 1; i <= n; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%zu\n%%%%EOF\n",
                          n + 1, trailer_extra ? trailer_extra : "", xref);
  g_assert_true (g_file_set_contents (path, pdf->str, (gssize) pdf->len, NULL));
  g_string_free (pdf, TRUE);
}

static int
run (const char *const *args, char **out, char **err)
{
  return tu_run_gongkai (args, out, err);
}

static void
test_zero_pages (void)
{
  g_autofree char *path = tmp_file ("zero.pdf");
  const char *objs[] = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>" };
  write_raw_pdf (path, objs, 2, NULL);
  g_autofree char *err = NULL;
  const char *args[] = { "extract", path, NULL };
  g_assert_cmpint (run (args, NULL, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, "gongkai: "));
  g_assert_nonnull (strstr (err, path));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);   /* one line */
}

/* 500 pages: read up to --max-pages, the rest skipped with a warning */
static void
test_many_pages (void)
{
  g_autofree char *path = tmp_file ("500.pdf");
  cairo_surface_t *s = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (s);
  cairo_select_font_face (cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 12);
  for (int i = 0; i < 500; i++)
    {
      cairo_move_to (cr, 72, 72);
      g_autofree char *line = g_strdup_printf ("第%d页 某县2020年政府信息公开年度报告", i + 1);
      cairo_show_text (cr, line);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  g_autofree char *out = NULL;
  const char *args[] = { "extract", "--max-pages", "40", path, NULL };
  g_assert_cmpint (run (args, &out, NULL), ==, 0);
  json_error_t jerr;
  json_t *rec = json_loads (out, 0, &jerr);
  g_assert_nonnull (rec);
  g_assert_cmpint (json_integer_value (tu_json_get (rec, "source.pages")), ==, 500);
  g_assert_nonnull (strstr (out, "pages_truncated"));
  json_decref (rec);
}

/* a page of 100 000 glyphs is read; under a lower glyph limit it is refused */
static void
test_many_glyphs (void)
{
  g_autofree char *path = tmp_file ("glyphs.pdf");
  cairo_surface_t *s = cairo_pdf_surface_create (path, 2000, 2000);
  cairo_t *cr = cairo_create (s);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 4);
  g_autoptr (GString) row = g_string_new (NULL);
  for (int k = 0; k < 400; k++)
    g_string_append_c (row, (char) ('0' + k % 10));
  for (int r = 0; r < 250; r++)   /* 250 × 400 = 100 000 glyphs */
    {
      cairo_move_to (cr, 10, 10 + r * 7.5);
      cairo_show_text (cr, row->str);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  const char *args[] = { "extract", "--ocr", "never", path, NULL };
  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
}

/* a 20000 × 20000 px image page: the pixel limit refuses it, in little memory */
static void
test_huge_image_page (void)
{
  gsize raw_len = (20000 / 8) * 20000;   /* 1 bit per pixel, all white */
  g_autofree guint8 *raw = g_malloc0 (raw_len);
  memset (raw, 0xff, raw_len);
  g_autoptr (GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr (GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) zout = g_converter_output_stream_new (mem, G_CONVERTER (z));
  g_assert_true (g_output_stream_write_all (zout, raw, raw_len, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (zout, NULL, NULL));
  gsize zlen = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem));
  const char *zdata = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (mem));
  g_autofree char *image = g_strdup_printf ("<< /Type /XObject /Subtype /Image /Width 20000 /Height 20000 "
                                            "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode "
                                            "/Length %zu >>\nstream\n", zlen);
  g_autoptr (GString) img_obj = g_string_new (image);
  g_string_append_len (img_obj, zdata, (gssize) zlen);
  g_string_append (img_obj, "\nendstream");
  const char *content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
  g_autofree char *content_obj = g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream", strlen (content), content);
  const char *objs[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    img_obj->str,
    content_obj,
  };
  g_autofree char *path = tmp_file ("huge-image.pdf");
  write_raw_pdf (path, objs, 5, NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "extract", path, NULL };
  int status = run (args, &out, &err);
  g_test_message ("exit %d: %s", status, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "pixels (--max-pixels)"));
  /* refused before poppler decodes the image (1.6 GB as ARGB): bounded memory */
  struct rusage ru;
  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &ru), ==, 0);
  g_test_message ("largest child RSS so far: %ld KB", ru.ru_maxrss);
  g_assert_cmpint (ru.ru_maxrss, <, HOSTILE_MAX_RSS_KB);

  /* the scan that finds it without decoding */
  g_autofree char *bytes = NULL;
  gsize blen;
  g_assert_true (g_file_get_contents (path, &bytes, &blen, NULL));
  g_autoptr (GBytes) b = g_bytes_new (bytes, blen);
  int w = 0, h = 0;
  g_assert_cmpint (gk_pdf_largest_image (b, &w, &h), ==, (gint64) 20000 * 20000);
  g_assert_cmpint (w, ==, 20000);
  g_assert_cmpint (h, ==, 20000);
}

/* The sample's bytes with a bad sequence inserted at `at`, through
 * extract: exit 0, each of `warnings` said, and the sample still read. */
static void
assert_read_despite (const char *bytes, gsize len, gsize at, const char *bad, const char *name,
                     const char *const *warnings)
{
  g_autoptr (GString) text = g_string_new_len (bytes, (gssize) len);
  g_string_insert_len (text, (gssize) at, bad, -1);
  g_autofree char *path = tmp_file (name);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  g_autofree char *out = NULL;
  const char *args[] = { "extract", path, NULL };
  g_assert_cmpint (run (args, &out, NULL), ==, 0);
  for (guint i = 0; warnings[i]; i++)
    g_assert_nonnull (strstr (out, warnings[i]));
  json_error_t jerr;
  json_t *rec = json_loads (out, 0, &jerr);
  g_assert_nonnull (rec);
  g_assert_cmpint (json_integer_value (tu_json_get (rec, "data.applications.new_received.total")), ==, 1);
  json_decref (rec);
}

/* bytes that are neither UTF-8 nor GB18030 are replaced, said, and the rest read */
static void
test_invalid_utf8 (void)
{
  g_autofree char *sample = tu_source_path ("samples/qinxian-2020.txt");
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (sample, &data, &len, NULL));
  const char *const warnings[] = { "invalid_utf8", NULL };
  assert_read_despite (data, len, 200, "\xff\xfe\xfd\x80\x81", "bad-utf8.txt", warnings);
}

/* a GBK page a crawler kept with one broken pair is still GBK: the bad
 * bytes are replaced and said, the report read (it was read as UTF-8 with
 * every Chinese byte replaced: nothing at all) */
static void
test_gbk_with_a_bad_byte (void)
{
  g_autofree char *sample = tu_source_path ("samples/qinxian-2020.txt");
  g_autofree char *data = NULL;
  gsize len, n = 0;
  g_assert_true (g_file_get_contents (sample, &data, &len, NULL));
  g_autofree char *gb = g_convert (data, (gssize) len, "GB18030", "UTF-8", NULL, &n, NULL);
  g_assert_nonnull (gb);
  const char *const warnings[] = { "encoding_gb18030", "invalid_utf8", NULL };
  assert_read_despite (gb, n, n / 3, "\xff", "gbk-bad-byte.txt", warnings);
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  tmpdir = g_dir_make_tmp ("gongkai-hostile-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  g_test_add_func ("/hostile/zero-pages", test_zero_pages);
  g_test_add_func ("/hostile/500-pages", test_many_pages);
  g_test_add_func ("/hostile/100k-glyphs", test_many_glyphs);
  g_test_add_func ("/hostile/huge-image-page", test_huge_image_page);
  g_test_add_func ("/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/hostile/gbk-with-a-bad-byte", test_gbk_with_a_bad_byte);
  int status = g_test_run ();
  if (g_getenv ("GONGKAI_KEEP_TMP") == NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
      (void) !system (cmd);
    }
  else
    g_print ("# kept %s\n", tmpdir);
  return status;
}
