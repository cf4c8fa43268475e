/* test-audit.c — the audit view: page crops, the HTML writer, and the page
 * in a real browser (Debian's headless chromium).
 *
 * The browser tests load the page with a small script added at its end
 * that, on load, clicks every highlighted cell of every finding and writes
 * what the side panel then shows (messages, the marked source line, the
 * crop's decoded size) into <pre id="selftest"> as JSON; chromium's
 * --dump-dom hands the DOM back and the assertions read that JSON.
 *
 * The PDF cases read generated samples (scripts/gen-samples) with injected
 * errors through the real PDF path, so the crops are poppler renderings
 * around the boxes the PDF reader recorded.
 */
#include "testutil.h"
#include "audit/audit-crop.h"
#include "audit/audit-html.h"
#include "audit/audit-source.h"
#include "common/gk-error.h"
#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

/* Wall time allowed to one chromium run, seconds (it takes ~3 s). */
#define CHROMIUM_TIMEOUT "120"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (json_t, json_decref)

/* ---- helpers ---- */

static char *
tmp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("gk-audit-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static void
rm_rf (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

static GkAuditReport *
report_for (GkRecord *rec, const char *path)
{
  json_t *json = gk_record_to_json (rec);
  GkAuditReport *rep = gk_audit_report_new (json);
  json_decref (json);
  g_autoptr (GError) error = NULL;
  rep->source = gk_audit_source_open (path, rec->sha256, NULL, &error);
  g_assert_no_error (error);
  return rep;
}

static char *
page_for (GkAuditReport *rep)
{
  g_autoptr (GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_audit_report_free);
  g_ptr_array_add (reports, rep);
  return gk_audit_html (gk_pipeline_templates (tu_pipeline ()), reports, NULL, GK_AUDIT_CROPS_ALL, "test");
}

/* PNG bytes → image surface (asserting they decode). */
typedef struct {
  const guint8 *data;
  gsize len, pos;
} PngReader;

static cairo_status_t
png_read (void *closure, unsigned char *out, unsigned int length)
{
  PngReader *r = closure;
  if (r->pos + length > r->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, r->data + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *png)
{
  PngReader r = { 0 };
  r.data = g_bytes_get_data (png, &r.len);
  cairo_surface_t *s = cairo_image_surface_create_from_png_stream (png_read, &r);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  return s;
}

/* Pixels of a colour class inside a pixel rectangle. */
static guint
count_pixels (cairo_surface_t *s, int x0, int y0, int x1, int y1, gboolean red)
{
  cairo_surface_flush (s);
  int stride = cairo_image_surface_get_stride (s);
  const guint8 *d = cairo_image_surface_get_data (s);
  guint n = 0;
  for (int y = MAX (0, y0); y < MIN (y1, cairo_image_surface_get_height (s)); y++)
    for (int x = MAX (0, x0); x < MIN (x1, cairo_image_surface_get_width (s)); x++)
      {
        guint32 px = *(const guint32 *) (d + y * stride + x * 4);
        int rr = (px >> 16) & 0xff, gg = (px >> 8) & 0xff, bb = px & 0xff;
        if (red ? (rr > 180 && gg < 90 && bb < 90) : (rr < 110 && gg < 110 && bb < 110))
          n++;
      }
  return n;
}

/* ---- crop renderer ---- */

static void
test_crop_outlines_the_box (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "crop.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 300, 200);
  cairo_t *cr = cairo_create (surface);
  cairo_show_page (cr);   /* page 1 blank, the figure is on page 2 */
  cairo_rectangle (cr, 40, 80, 40, 12);   /* a solid "figure" at [40,80,80,92] */
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_autofree char *data = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (pdf, &data, &len, NULL));
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);
  g_autoptr (GError) error = NULL;
  g_autoptr (GkAuditCrop) crop = gk_audit_crop_open (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_audit_crop_n_pages (crop), ==, 2);

  GkRect box = { 40, 80, 80, 92 };
  g_autoptr (GBytes) png = gk_audit_crop_png (crop, 2, &box, &error);
  g_assert_no_error (error);
  cairo_surface_t *img = decode_png (png);
  double s = GK_AUDIT_CROP_SCALE;
  /* clamped to the page on the left (40 - margin < 0), not on the right */
  g_assert_cmpint (cairo_image_surface_get_width (img), ==, (int) ((box.x1 + GK_AUDIT_CROP_MARGIN_X) * s));
  g_assert_cmpint (cairo_image_surface_get_height (img), ==, (int) ((92 - 80 + 2 * GK_AUDIT_CROP_MARGIN_Y) * s));
  /* the figure is black inside the box, the outline red around it, the rest white */
  int bx0 = (int) (box.x0 * s), by0 = (int) (GK_AUDIT_CROP_MARGIN_Y * s);
  int bx1 = bx0 + (int) (40 * s), by1 = by0 + (int) (12 * s);
  g_assert_cmpuint (count_pixels (img, bx0 + 4, by0 + 4, bx1 - 4, by1 - 4, FALSE), ==, (guint) ((bx1 - bx0 - 8) * (by1 - by0 - 8)));
  g_assert_cmpuint (count_pixels (img, bx0 - 6, by0 - 6, bx1 + 6, by0 - 1, TRUE), >, (guint) (bx1 - bx0));
  g_assert_cmpuint (count_pixels (img, 0, 0, bx0 - 8, by0 - 8, FALSE), ==, 0);
  cairo_surface_destroy (img);

  /* page 1 at the same place: blank, only the outline */
  g_autoptr (GBytes) blank = gk_audit_crop_png (crop, 1, &box, &error);
  g_assert_no_error (error);
  img = decode_png (blank);
  g_assert_cmpuint (count_pixels (img, bx0 + 4, by0 + 4, bx1 - 4, by1 - 4, FALSE), ==, 0);
  cairo_surface_destroy (img);

  /* bad requests are errors naming the cause, not crashes */
  GkRect outside = { 900, 900, 950, 910 }, inverted = { 50, 50, 10, 10 };
  g_assert_null (gk_audit_crop_png (crop, 3, &box, &error));
  g_assert_error (error, GK_ERROR, GK_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "not in the document"));
  g_clear_error (&error);
  g_assert_null (gk_audit_crop_png (crop, 0, &box, &error));
  g_clear_error (&error);
  g_assert_null (gk_audit_crop_png (crop, 1, &outside, &error));
  g_assert_nonnull (strstr (error->message, "outside the page"));
  g_clear_error (&error);
  g_assert_null (gk_audit_crop_png (crop, 1, &inverted, &error));
  g_assert_nonnull (strstr (error->message, "not a box"));
  g_clear_error (&error);

  g_autoptr (GBytes) junk = g_bytes_new_static ("%PDF-1.4 garbage", 16);
  g_assert_null (gk_audit_crop_open (junk, NULL, &error));
  g_assert_error (error, GK_ERROR, GK_ERROR_FORMAT);
  rm_rf (dir);
}

static void
test_source_refuses_changed_file (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "r.txt", NULL);
  g_assert_true (g_file_set_contents (path, "第一行\n第二行 12\n", -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (GkAuditSource) src = gk_audit_source_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_audit_source_line (src, 2), ==, "第二行 12");
  g_assert_null (gk_audit_source_line (src, 0));
  g_assert_null (gk_audit_source_line (src, 99));
  g_autoptr (GkAuditSource) changed = gk_audit_source_open (path, "00ff", NULL, &error);
  g_assert_null (changed);
  g_assert_nonnull (strstr (error->message, "changed since it was read"));
  g_clear_error (&error);
  /* a web page's line is shown as its text */
  g_autofree char *html = g_build_filename (dir, "r.html", NULL);
  g_assert_true (g_file_set_contents (html, "<html><body>\n<p>主动&amp;公开 <b>12</b>条</p>\n</body></html>\n", -1, NULL));
  g_autoptr (GkAuditSource) web = gk_audit_source_open (html, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_audit_source_kind (web), ==, GK_INPUT_HTML);
  g_assert_cmpstr (gk_audit_source_line (web, 2), ==, "主动&公开 12条");
  rm_rf (dir);
}

/* ---- the HTML writer ---- */

static GkRecord *
qinxian (char **path_out)
{
  g_autofree char *path = tu_source_path ("samples/qinxian-2020.txt");
  g_autoptr (GError) error = NULL;
  GkRecord *rec = gk_pipeline_extract (tu_pipeline (), path, NULL, &error);
  g_assert_no_error (error);
  *path_out = g_steal_pointer (&path);
  return rec;
}

static gboolean
has_class (const char *html, const char *id, const char *cls)
{
  /* cells are written as <td class="…" id="…">: look at the class before the id */
  g_autofree char *needle = g_strdup_printf ("id=\"%s\"", id);
  const char *at = strstr (html, needle);
  if (!at)
    return FALSE;
  const char *td = g_strrstr_len (html, at - html, "<td class=\"");
  g_autofree char *classes = g_strndup (td + strlen ("<td class=\""), strchr (td + 11, '"') - (td + 11));
  g_auto (GStrv) list = g_strsplit (classes, " ", -1);
  return g_strv_contains ((const char *const *) list, cls);
}

static void
test_html_real_sample (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GkRecord) rec = qinxian (&path);
  GkAuditReport *rep = report_for (rec, path);
  g_ptr_array_add (rep->reviews, gk_audit_review_new ("narrative.percent_sum", "dismissed", "四舍五入所致", "2026-11-25T18:00:00Z"));
  g_autofree char *html = page_for (rep);
  /* the three published errors are findings, their operands highlighted */
  g_assert_nonnull (strstr (html, "id=\"r1-f-narrative.percent.3\""));
  g_assert_nonnull (strstr (html, "id=\"r1-f-narrative.percent_sum\""));
  g_assert_nonnull (strstr (html, "id=\"r1-f-narrative.applications_vs_table\""));
  g_assert_nonnull (strstr (html, "机构职能类信息19条占8827条的0.22%，报告写作0.33%，不符。"));
  g_assert_true (has_class (html, "r1-v-narrative.active_breakdown.3.percent", "fail"));
  g_assert_true (has_class (html, "r1-v-narrative.applications_received", "fail"));
  g_assert_true (has_class (html, "r1-v-applications.new_received.total", "fail"));
  g_assert_false (has_class (html, "r1-v-applications.carried_over.total", "fail"));
  /* a failing cell's tooltip is its check's message */
  g_assert_nonnull (strstr (html, "title=\"正文称未收到政府信息公开申请，表格“本年新收”总计为1件，不符。\""));
  /* operands are named in Chinese: the part's label from the report */
  g_assert_nonnull (strstr (html, ">机构职能类信息（占比%）</a>"));
  g_assert_nonnull (strstr (html, ">机构职能类信息（条数）</a>"));
  /* the formula carries the numbers */
  g_assert_nonnull (strstr (html, "count<b>[19]</b> / active_total<b>[8827]</b>"));
  /* table 三 in template order, labels from the template */
  const char *t3 = strstr (html, "三、收到和处理政府信息公开申请情况");
  g_assert_nonnull (t3);
  g_assert_true (strstr (t3, "r1-v-applications.new_received.total") < strstr (t3, "r1-v-applications.carried_forward.total"));
  /* the source line of the prose figure: line 57, the raw text marked */
  g_assert_nonnull (strstr (html, "<span class=\"ln cur\">57</span>"));
  /* the review decision is shown */
  g_assert_nonnull (strstr (html, "已驳回（dismissed）：四舍五入所致"));
  /* self-contained: no reference to anything outside */
  g_assert_null (strstr (html, "http://"));
  g_assert_null (strstr (html, "https://"));
  g_assert_null (strstr (html, "src=\"http"));
}

static void
test_html_escapes_report_text (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GkRecord) rec = qinxian (&path);
  g_free (rec->issuer);
  rec->issuer = g_strdup ("<script>alert(1)</script>");
  GkValue *v = gk_record_get (rec, "applications.new_received.total");
  g_free (v->raw);
  v->raw = g_strdup ("\"><img src=x onerror=alert(2)>");
  GkCheck *c = rec->checks->pdata[0];
  g_free (c->message);
  c->message = g_strdup ("</td><script>alert(3)</script>&");
  GkAuditReport *rep = report_for (rec, path);
  /* a crafted database: a status and a decision that are markup */
  json_object_set_new (json_array_get (json_object_get (rep->record, "checks"), 1), "status",
                       json_string ("\"><script>alert(4)</script>"));
  g_ptr_array_add (rep->reviews, gk_audit_review_new (c->id, "\"><script>alert(5)</script>", "<b>x</b>", "<i>"));
  g_autofree char *html = page_for (rep);
  g_assert_null (strstr (html, "<script>alert"));
  g_assert_null (strstr (html, "<img src=x"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
  g_assert_nonnull (strstr (html, "&lt;/td&gt;&lt;script&gt;alert(3)&lt;/script&gt;&amp;"));
  /* exactly one script element: the page's own */
  const char *first = strstr (html, "<script>");
  g_assert_nonnull (first);
  g_assert_null (strstr (first + 1, "<script"));
}

/* A record as a damaged database might hold it: wrong types everywhere.
 * The page is still written, showing what can be shown. */
static void
test_html_odd_record (void)
{
  const char *odd[] = {
    "{}",
    "{\"data\": [], \"checks\": 5, \"provenance\": [1], \"report\": {\"template\": 7, \"year\": \"x\"}}",
    "{\"data\": {\"narrative\": {\"active_breakdown\": [1, {\"count\": \"x\"}, {\"percent\": null}]},"
    "  \"applications\": {\"new_received\": {\"total\": true}}},"
    " \"checks\": [7, {\"id\": 3, \"status\": \"fail\", \"values\": [1]},"
    "   {\"id\": \"x\", \"status\": \"fail\", \"formula\": \"a.b = c\", \"values\": {\"a.b\": \"s\", \"narrative.active_breakdown.99.count\": 1}}],"
    " \"provenance\": {\"narrative.active_breakdown.3\": {\"page\": \"p\", \"bbox\": [1, 2], \"line\": -4}},"
    " \"report\": {\"template\": \"2019\"}, \"warnings\": [null, {\"code\": 1}]}",
  };
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      json_error_t jerr;
      json_t *record = json_loads (odd[i], 0, &jerr);
      g_assert_nonnull (record);
      GkAuditReport *rep = gk_audit_report_new (record);
      json_decref (record);
      g_autofree char *html = page_for (rep);
      g_assert_true (g_str_has_suffix (html, "</html>\n"));
    }
}

static void
test_html_without_source (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GkRecord) rec = qinxian (&path);
  json_t *json = gk_record_to_json (rec);
  GkAuditReport *rep = gk_audit_report_new (json);
  json_decref (json);
  rep->source_error = g_strdup ("samples/gone.txt: no such file");
  g_autofree char *html = page_for (rep);
  g_assert_nonnull (strstr (html, "源文件不可用：samples/gone.txt: no such file"));
  g_assert_nonnull (strstr (html, "id=\"r1-f-narrative.percent.3\""));
}

/* A generated PDF sample with an injected row-total error, through the
 * PDF path: the failing cell's evidence is a PNG crop (no browser needed). */
static void
test_html_pdf_crops (void)
{
  g_autofree char *pdf = tu_source_path ("samples/qingtan-2020.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (GkRecord) rec = gk_pipeline_extract (tu_pipeline (), pdf, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tu_check_status (rec, "applications.row_total.granted"), ==, "fail");
  g_autofree char *html = page_for (report_for (rec, pdf));
  g_assert_true (has_class (html, "r1-v-applications.granted.total", "fail"));
  const char *ev = strstr (html, "id=\"r1-e-applications.granted.total\"");
  g_assert_nonnull (ev);
  const char *img = strstr (ev, "<img class=\"crop\"");
  g_assert_nonnull (img);
  g_assert_true (img < strstr (ev, "</div>\n"));
  g_assert_nonnull (strstr (img, "src=\"data:image/png;base64,iVBORw0KGgo"));
  /* the provenance line names the page the figure is printed on */
  g_autofree char *page = g_strdup_printf ("第%d页", gk_record_get (rec, "applications.granted.total")->src.page);
  g_assert_true (strstr (ev, page) < img);
}

/* ---- in the browser ---- */

static const char selftest_js[] =
  "<script>\n"
  "window.addEventListener('load',function(){var out={findings:[]};try{\n"
  " var fs=document.querySelectorAll('li.finding');\n"
  " for(var i=0;i<fs.length;i++){var f=fs[i];var r={id:f.dataset.check,message:f.querySelector('.msg').textContent,cells:[]};\n"
  "  var ids=(f.dataset.cells||'').split(' ').filter(Boolean);\n"
  "  for(var j=0;j<ids.length;j++){var c=document.getElementById(ids[j]);c.click();\n"
  "   var v=document.getElementById('viewer');var cur=v.querySelector('pre.src .ln.cur');var img=v.querySelector('img.crop');\n"
  "   var x={id:ids[j],fail:c.classList.contains('fail'),selected:c.classList.contains('sel'),\n"
  "    messages:Array.prototype.map.call(v.querySelectorAll('.v-checks .msg'),function(e){return e.textContent;}),\n"
  "    line:cur?cur.textContent:null,line_text:cur&&cur.nextSibling?cur.nextSibling.textContent:null,img:null};\n"
  "   if(img)x.img={w:img.naturalWidth,h:img.naturalHeight};\n"
  "   r.cells.push(x);}\n"
  "  out.findings.push(r);}\n"
  " var th=document.querySelectorAll('#summary thead th')[4];\n"
  " function col(){return Array.prototype.map.call(document.querySelectorAll('#summary tbody tr'),function(t){return +t.cells[4].textContent;});}\n"
  " th.click();out.asc=col();th.click();out.desc=col();\n"
  " var first=document.querySelector('li.finding');if(first)first.click();\n"
  " var z=document.querySelector('#viewer img.crop');if(z){z.click();out.zoom=z.classList.contains('zoom');}\n"
  "}catch(e){out.error=String(e)+' '+e.stack;}\n"
  " var p=document.createElement('pre');p.id='selftest';p.textContent=JSON.stringify(out);document.body.appendChild(p);});\n"
  "</script>\n";

/* The browser's path, or NULL with the test marked skipped. */
static char *
chromium (void)
{
  char *path = g_find_program_in_path ("chromium");
  if (!path)
    path = g_find_program_in_path ("chromium-browser");
  if (!path)
    g_test_skip ("chromium not installed (scripts/install-deps installs it)");
  return path;
}

/* Runs headless chromium on file://html with one extra argument; returns stdout. */
static char *
run_chromium (const char *browser, const char *html, const char *arg)
{
  g_autofree char *profile = tmp_dir ();
  g_autofree char *profile_arg = g_strdup_printf ("--user-data-dir=%s", profile);
  g_autofree char *url = g_filename_to_uri (html, NULL, NULL);
  const char *argv[] = {
    "timeout", CHROMIUM_TIMEOUT, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",   /* containers with a small /dev/shm */
    profile_arg, "--window-size=1500,1000", "--virtual-time-budget=15000", arg, url, NULL,
  };
  char *out = NULL, *err = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      /* a browser that is installed but cannot run fails the test, saying why */
      gsize len = err ? strlen (err) : 0;
      g_test_message ("chromium %s failed (wait status %d): …%s", arg, status, err ? err + (len > 2000 ? len - 2000 : 0) : "");
    }
  g_free (err);
  rm_rf (profile);
  return out;
}

/* The JSON the self-test script left in <pre id="selftest">. */
static json_t *
selftest_result (const char *dom)
{
  const char *start = dom ? strstr (dom, "<pre id=\"selftest\">") : NULL;
  if (!start)
    g_error ("chromium left no self-test result in the DOM (its messages are above)");
  start += strlen ("<pre id=\"selftest\">");
  const char *end = strstr (start, "</pre>");
  g_assert_nonnull (end);
  g_autoptr (GString) text = g_string_new_len (start, end - start);
  g_string_replace (text, "&lt;", "<", 0);
  g_string_replace (text, "&gt;", ">", 0);
  g_string_replace (text, "&nbsp;", "\xc2\xa0", 0);
  g_string_replace (text, "&amp;", "&", 0);
  json_error_t jerr;
  json_t *j = json_loads (text->str, 0, &jerr);
  if (!j)
    g_error ("selftest JSON: %s", jerr.text);
  if (json_object_get (j, "error"))
    g_error ("selftest script: %s", json_string_value (json_object_get (j, "error")));
  return j;
}

static json_t *
finding (json_t *result, const char *id)
{
  size_t i;
  json_t *f;
  json_array_foreach (json_object_get (result, "findings"), i, f)
    if (g_strcmp0 (json_string_value (json_object_get (f, "id")), id) == 0)
      return f;
  return NULL;
}

/* Writes the page with the self-test script, runs chromium twice (DOM,
 * screenshot into the build dir for a human to look at). */
static json_t *
browse (const char *browser, const char *html, const char *name)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "audit.html", NULL);
  g_autoptr (GString) page = g_string_new (html);
  g_assert_cmpuint (g_string_replace (page, "</body>", selftest_js, 1), ==, 1);
  g_string_append (page, "</body>");
  g_assert_true (g_file_set_contents (path, page->str, (gssize) page->len, NULL));
  g_autofree char *dom = run_chromium (browser, path, "--dump-dom");
  if (g_getenv ("GK_AUDIT_KEEP"))
    {
      g_autofree char *copy = g_strdup_printf ("%s/tests/%s.html", GK_BUILD_DIR, name);
      g_file_set_contents (copy, page->str, (gssize) page->len, NULL);
    }
  json_t *result = selftest_result (dom);

  g_autofree char *shot = g_strdup_printf ("%s/tests/%s.png", GK_BUILD_DIR, name);
  g_autofree char *shot_arg = g_strdup_printf ("--screenshot=%s", shot);
  g_remove (shot);
  g_free (run_chromium (browser, path, shot_arg));
  cairo_surface_t *img = cairo_image_surface_create_from_png (shot);
  g_assert_cmpint (cairo_surface_status (img), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (img), ==, 1500);
  /* the failing cells' red is on screen (the findings at the top are red-edged) */
  g_assert_cmpuint (count_pixels (img, 0, 0, 1500, 1000, TRUE), >, 200);
  cairo_surface_destroy (img);
  g_test_message ("screenshot: %s", shot);
  rm_rf (dir);
  return result;
}

static void
assert_cell_shows (json_t *f, const char *cell_id, const char *message, const char *line)
{
  size_t i;
  json_t *c;
  json_array_foreach (json_object_get (f, "cells"), i, c)
    {
      if (g_strcmp0 (json_string_value (json_object_get (c, "id")), cell_id) != 0)
        continue;
      g_assert_true (json_is_true (json_object_get (c, "fail")));
      g_assert_true (json_is_true (json_object_get (c, "selected")));
      gboolean found = FALSE;
      size_t k;
      json_t *m;
      json_array_foreach (json_object_get (c, "messages"), k, m)
        found |= strstr (json_string_value (m), message) != NULL;
      g_assert_true (found);
      if (line)
        g_assert_cmpstr (json_string_value (json_object_get (c, "line")), ==, line);
      return;
    }
  g_error ("cell %s not highlighted for this finding", cell_id);
}

static void
test_browser_real_sample (void)
{
  g_autofree char *browser = chromium ();
  if (!browser)
    return;
  g_autofree char *path = NULL;
  g_autoptr (GkRecord) rec = qinxian (&path);
  g_autofree char *html = page_for (report_for (rec, path));
  g_autoptr (json_t) result = browse (browser, html, "audit-qinxian-2020");
  g_assert_cmpuint (json_array_size (json_object_get (result, "findings")), ==, 3);

  json_t *f = finding (result, "narrative.percent.3");
  g_assert_nonnull (f);
  g_assert_cmpstr (json_string_value (json_object_get (f, "message")), ==, "机构职能类信息19条占8827条的0.22%，报告写作0.33%，不符。");
  assert_cell_shows (f, "r1-v-narrative.active_breakdown.3.percent", "报告写作0.33%", "57");
  assert_cell_shows (f, "r1-v-narrative.active_total", "报告写作0.33%", "49");

  f = finding (result, "narrative.percent_sum");
  g_assert_nonnull (f);
  assert_cell_shows (f, "r1-v-narrative.active_breakdown.1.percent", "100.11%", "53");
  assert_cell_shows (f, "r1-v-narrative.active_breakdown.4.percent", "100.11%", "57");

  f = finding (result, "narrative.applications_vs_table");
  g_assert_nonnull (f);
  assert_cell_shows (f, "r1-v-narrative.applications_received", "正文称未收到政府信息公开申请", "65");
  assert_cell_shows (f, "r1-v-applications.new_received.total", "正文称未收到政府信息公开申请", "216");
  /* the source line is the report's own text */
  size_t i;
  json_t *c;
  json_array_foreach (json_object_get (f, "cells"), i, c)
    if (g_strcmp0 (json_string_value (json_object_get (c, "id")), "r1-v-applications.new_received.total") == 0)
      g_assert_nonnull (strstr (json_string_value (json_object_get (c, "line_text")), "本年新收政府信息公开申请数量"));
}

static GkAuditReport *
sample_report (const char *name)
{
  g_autofree char *path = tu_source_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (GkRecord) rec = gk_pipeline_extract (tu_pipeline (), path, NULL, &error);
  g_assert_no_error (error);
  return report_for (rec, path);
}

static void
assert_crops (json_t *f)
{
  g_assert_nonnull (f);
  g_assert_cmpuint (json_array_size (json_object_get (f, "cells")), >, 0);
  size_t i;
  json_t *c;
  json_array_foreach (json_object_get (f, "cells"), i, c)
    {
      json_t *img = json_object_get (c, "img");
      g_assert_true (json_is_object (img));
      /* decoded by the browser: at least the box's height plus the margins, at the crop scale */
      g_assert_cmpint (json_integer_value (json_object_get (img, "w")), >, 60);
      g_assert_cmpint (json_integer_value (json_object_get (img, "h")), >=, (json_int_t) (2 * GK_AUDIT_CROP_MARGIN_Y * GK_AUDIT_CROP_SCALE));
    }
}

/* Generated PDF samples (scripts/gen-samples) with injected errors, read
 * by the real PDF path: a row-total error in table 三 (qingtan-2020) and
 * a wrong percentage in the prose (xiaoshan-2020); the real text sample
 * beside them gives the summary three rows to sort. */
static void
test_browser_pdf_samples (void)
{
  g_autofree char *browser = chromium ();
  if (!browser)
    return;
  g_autoptr (GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_audit_report_free);
  g_ptr_array_add (reports, sample_report ("samples/qingtan-2020.pdf"));
  g_ptr_array_add (reports, sample_report ("samples/xiaoshan-2020.pdf"));
  g_ptr_array_add (reports, sample_report ("samples/qinxian-2020.txt"));
  g_autofree char *html = gk_audit_html (gk_pipeline_templates (tu_pipeline ()), reports, NULL, GK_AUDIT_CROPS_ALL, "test");
  g_autoptr (json_t) result = browse (browser, html, "audit-pdf-samples");

  json_t *f = finding (result, "applications.row_total.granted");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (json_string_value (json_object_get (f, "message")), "相差1"));
  assert_cell_shows (f, "r1-v-applications.granted.total", "总计应等于各类申请人之和", NULL);
  assert_crops (f);
  f = finding (result, "narrative.percent.2");
  assert_cell_shows (f, "r2-v-narrative.active_breakdown.2.percent", "报告写作14.13%", NULL);
  assert_crops (f);
  /* a click on the first finding shows its first cell's crop; a click on the crop enlarges it */
  g_assert_true (json_is_true (json_object_get (result, "zoom")));
  /* the summary sorts by the clicked header: failing checks up, then down */
  json_t *asc = json_object_get (result, "asc"), *desc = json_object_get (result, "desc");
  g_assert_cmpuint (json_array_size (asc), ==, 3);
  for (size_t i = 1; i < 3; i++)
    {
      g_assert_cmpint (json_integer_value (json_array_get (asc, i - 1)), <=, json_integer_value (json_array_get (asc, i)));
      g_assert_cmpint (json_integer_value (json_array_get (desc, i - 1)), >=, json_integer_value (json_array_get (desc, i)));
    }
  g_assert_cmpint (json_integer_value (json_array_get (asc, 0)), <, json_integer_value (json_array_get (asc, 2)));
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_test_add_func ("/audit/crop/outlines-the-box", test_crop_outlines_the_box);
  g_test_add_func ("/audit/source/refuses-changed-file", test_source_refuses_changed_file);
  g_test_add_func ("/audit/html/real-sample", test_html_real_sample);
  g_test_add_func ("/audit/html/escapes-report-text", test_html_escapes_report_text);
  g_test_add_func ("/audit/html/without-source", test_html_without_source);
  g_test_add_func ("/audit/html/odd-record", test_html_odd_record);
  g_test_add_func ("/audit/html/pdf-crops", test_html_pdf_crops);
  g_test_add_func ("/audit/browser/real-sample", test_browser_real_sample);
  g_test_add_func ("/audit/browser/pdf-samples", test_browser_pdf_samples);
  return g_test_run ();
}
