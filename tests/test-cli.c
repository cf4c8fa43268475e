/* test-cli.c — the gongkai binary as a user runs it: bad inputs give one
 * line naming the file and the cause and a documented exit code, and the
 * rest of a batch is still processed; outputs are whole files. */
#include <glib/gstdio.h>
#include <unistd.h>
#include "testutil.h"

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

static Run
run_gongkai (const char *const *args)
{
  Run r = { 0 };
  r.status = tu_run_gongkai (args, &r.out, &r.err);
  return r;
}

static char *
scratch_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("gongkai-cli-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static char *
write_file (const char *dir, const char *name, const char *data, gssize len)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

static char *
copy_sample (const char *sample, const char *dir, const char *name)
{
  gsize len;
  g_autofree char *data = tu_source_contents (sample, &len);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return write_file (dir, name, data, (gssize) len);
}

static void
test_bad_inputs (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *empty = write_file (dir, "empty.txt", "", 0);
  g_autofree char *fake = write_file (dir, "report.pdf", "<html>404 Not Found</html>", -1);
  g_autofree char *binary = write_file (dir, "blob.txt", "\x01\x02\x03\x04\x05\x06\x07\x08\x01\x02", 10);
  /* zero bytes on one side, as UTF-16 has them, but control characters once converted */
  g_autofree char *words = write_file (dir, "words.txt", "\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00\x06\x00", 12);
  g_autofree char *trunc = write_file (dir, "cut.pdf", "%PDF-1.4\n1 0 obj\n<<", -1);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.txt", NULL);
  g_assert_cmpint (symlink (loop, loop), ==, 0);
  g_autofree char *spaced = copy_sample ("samples/qinxian-2020.txt", dir, "沁县 2020 年报.txt");

  struct { const char *path; const char *cause; } cases[] = {
    { empty, "empty file" }, { fake, "not a PDF" }, { binary, "binary data" }, { words, "binary data" }, { missing, "No such file" },
    { dir, "is a directory" }, { loop, "symbolic link loop" }, { trunc, "PDF" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "extract", cases[i].path, spaced, NULL };
      Run r = run_gongkai (args);
      g_test_message ("%s → %d: %s", cases[i].path, r.status, r.err);
      g_assert_cmpint (r.status, ==, 1);
      g_autofree char *prefix = g_strdup_printf ("gongkai: %s: ", cases[i].path);
      g_assert_true (g_str_has_prefix (r.err, prefix));
      g_assert_nonnull (strstr (r.err, cases[i].cause));
      g_assert_cmpint (strchr (r.err, '\n') - r.err + 1, ==, (int) strlen (r.err));   /* one line */
      /* the good file beside it is still read (a JSON array of the one record) */
      json_error_t jerr;
      json_t *out = json_loads (r.out, 0, &jerr);
      g_assert_nonnull (out);
      g_assert_cmpuint (json_array_size (out), ==, 1);
      json_decref (out);
      run_clear (&r);
    }
  if (getuid () != 0)   /* root reads everything: the permission case needs a plain user */
    {
      g_autofree char *locked = write_file (dir, "locked.txt", "x", -1);
      g_chmod (locked, 0);
      const char *args[] = { "extract", locked, NULL };
      Run r = run_gongkai (args);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_nonnull (strstr (r.err, "ermission"));
      run_clear (&r);
    }
}

static void
test_usage_and_formats (void)
{
  const char *bad_format[] = { "extract", "--format", "xml", "x.txt", NULL };
  Run r = run_gongkai (bad_format);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
  const char *no_files[] = { "extract", NULL };
  r = run_gongkai (no_files);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
  const char *unknown[] = { "frobnicate", NULL };
  r = run_gongkai (unknown);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  g_autofree char *a = tu_source_path ("samples/qinxian-2020.txt");
  g_autofree char *b = tu_source_path ("samples/linchuan-2022.txt");
  const char *jsonl[] = { "extract", "--format", "jsonl", "-j", "2", a, b, NULL };
  r = run_gongkai (jsonl);
  g_assert_cmpint (r.status, ==, 0);
  g_auto (GStrv) lines = g_strsplit (g_strchomp (r.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "沁县人民政府"));     /* command-line order kept under -j 2 */
  g_assert_nonnull (strstr (lines[1], "临川区人民政府"));
  run_clear (&r);

  const char *csv[] = { "extract", "--format", "csv", a, NULL };
  r = run_gongkai (csv);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "file,issuer,year,template,key,value,page,method,confidence,raw\n"));
  g_assert_nonnull (strstr (r.out, ",active.procurement.amount_wan,15122.275,"));
  run_clear (&r);

  g_autofree char *dir = scratch_dir ();
  g_autofree char *outdir = g_build_filename (dir, "out dir", NULL);
  const char *to_dir[] = { "extract", "-o", outdir, a, NULL };
  r = run_gongkai (to_dir);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  g_autofree char *written = g_build_filename (outdir, "qinxian-2020.txt.json", NULL);
  json_error_t jerr;
  json_t *rec = json_load_file (written, 0, &jerr);
  g_assert_nonnull (rec);
  json_decref (rec);
  run_clear (&r);
}

/* What the dynamic loader says it loads while gongkai extracts the sample. */
static char *
libraries_loaded_reading (const char *sample)
{
  g_autofree char *bin = g_build_filename (GK_BUILD_DIR, "gongkai", NULL);
  g_autofree char *path = tu_source_path (sample);
  const char *argv[] = { bin, "extract", path, NULL };
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "LD_DEBUG", "files", TRUE);
  char *err = NULL;
  int status;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "libglib-2.0"));   /* LD_DEBUG did report */
  return err;
}

/* Reading a born-digital PDF must not load tesseract and its thirty
 * libraries (src/ocr/tess-api.h). */
static void
test_tesseract_loaded_on_demand (void)
{
  g_autofree char *err = libraries_loaded_reading ("samples/hexi-2022.pdf");
  g_assert_nonnull (strstr (err, "libpoppler-glib"));
  g_assert_null (strstr (err, "libtesseract"));
}

/* Reading a text dump must not load poppler, cairo, leptonica, libxml2
 * (ICU) or sqlite and their forty libraries (src/common/gk-libs.h): more
 * than two thirds of the start-up. */
static void
test_pdf_libraries_loaded_on_demand (void)
{
  g_autofree char *err = libraries_loaded_reading ("samples/qinxian-2020.txt");
  g_assert_null (strstr (err, "libpoppler"));
  g_assert_null (strstr (err, "libcairo"));
  g_assert_null (strstr (err, "liblept"));
  g_assert_null (strstr (err, "libxml2"));
  g_assert_null (strstr (err, "libicu"));
  g_assert_null (strstr (err, "libsqlite3"));
}

/* Every command's --help ends with the exit codes, and a wrong option is a
 * usage error (2) named on one line.  compare and review used to omit the codes. */
static void
test_every_command_help (void)
{
  static const char *const commands[] = { "extract", "audit", "review", "compare", "batch", "export", "merge" };
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      const char *const help[] = { commands[i], "--help", NULL };
      g_assert_cmpint (tu_run_gongkai (help, &out, NULL), ==, 0);
      g_assert_nonnull (strstr (out, "Exit codes: 0 ok"));
      const char *const bogus[] = { commands[i], "--no-such-option", NULL };
      g_assert_cmpint (tu_run_gongkai (bogus, NULL, &err), ==, 2);
      g_assert_nonnull (strstr (err, "--no-such-option"));
    }
}

/* The issuer of the record in dir/name. */
static char *
issuer_in (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  json_error_t jerr;
  json_t *rec = json_load_file (path, 0, &jerr);
  g_assert_nonnull (rec);
  char *issuer = g_strdup (json_string_value (tu_json_get (rec, "report.issuer")));
  json_decref (rec);
  return issuer;
}

/* -o DIR with two inputs of one base name (crawled sites: index.html in
 * every folder): the first is DIR/r.txt.json, the second DIR/r.txt-2.json,
 * by command-line order whatever -j does.  The second used to overwrite the
 * first, which of them depending on timing under -j 2. */
static void
test_output_dir_same_base_name (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *dir_a = g_build_filename (dir, "a", NULL);
  g_autofree char *dir_b = g_build_filename (dir, "b", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *a = copy_sample ("samples/qinxian-2020.txt", dir_a, "r.txt");
  g_autofree char *b = copy_sample ("samples/linchuan-2022.txt", dir_b, "r.txt");
  for (int round = 0; round < 2; round++)
    {
      const char *args[] = { "extract", "-j", "2", "-o", out, round ? b : a, round ? a : b, NULL };
      g_assert_cmpint (tu_run_gongkai (args, NULL, NULL), ==, 0);
      g_autofree char *first = issuer_in (out, "r.txt.json");
      g_autofree char *second = issuer_in (out, "r.txt-2.json");
      g_assert_cmpstr (first, ==, round ? "临川区人民政府" : "沁县人民政府");
      g_assert_cmpstr (second, ==, round ? "沁县人民政府" : "临川区人民政府");
    }
  tu_remove_flat_dir (out);
  tu_remove_flat_dir (dir_a);
  tu_remove_flat_dir (dir_b);
  tu_remove_flat_dir (dir);
}

/* The `data` of the record in JSON text, as JSON text; its warnings' codes
 * in *codes (or NULL). */
static char *
record_data (const char *text, char **codes)
{
  json_error_t jerr;
  json_t *rec = json_loads (text, 0, &jerr);
  g_assert_nonnull (rec);
  char *data = json_dumps (json_object_get (rec, "data"), JSON_SORT_KEYS);
  g_autoptr (GString) list = g_string_new (NULL);
  json_t *w;
  size_t i;
  json_array_foreach (json_object_get (rec, "warnings"), i, w)
    g_string_append_printf (list, "%s ", json_string_value (json_object_get (w, "code")));
  if (codes)
    *codes = g_string_free (g_steal_pointer (&list), FALSE);
  json_decref (rec);
  return data;
}

/* The `data` of gongkai's record of path, as JSON text; its warnings' codes in *codes. */
static char *
extracted_data (const char *path, char **codes)
{
  const char *args[] = { "extract", path, NULL };
  Run r = run_gongkai (args);
  g_assert_cmpint (r.status, ==, 0);
  char *data = record_data (r.out, codes);
  run_clear (&r);
  return data;
}

/* A report saved as UTF-16 (Windows "Unicode"; with a byte-order mark or
 * without) or with bare CR line ends reads as the UTF-8 original does:
 * UTF-16 was refused as binary data, CR-only gave 4 of 202 values. */
static void
test_utf16_and_cr_text (void)
{
  g_autofree char *sample = tu_source_path ("samples/qinxian-2020.txt");
  gsize len;
  g_autofree char *utf8 = tu_source_contents ("samples/qinxian-2020.txt", &len);
  g_autofree char *codes = NULL;
  g_autofree char *want = extracted_data (sample, &codes);
  g_assert_null (strstr (codes, "encoding_utf16"));

  g_autofree char *dir = scratch_dir ();
  gsize n_le = 0, n_be = 0;
  g_autofree char *le = g_convert (utf8, (gssize) len, "UTF-16LE", "UTF-8", NULL, &n_le, NULL);
  g_autofree char *be = g_convert (utf8, (gssize) len, "UTF-16BE", "UTF-8", NULL, &n_be, NULL);
  g_autoptr (GByteArray) with_bom = g_byte_array_new ();
  g_byte_array_append (with_bom, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (with_bom, (const guint8 *) le, (guint) n_le);
  g_autofree char *cr = g_strdup (utf8);
  for (char *p = cr; *p; p++)
    if (*p == '\n')
      *p = '\r';
  struct { const char *name; const char *bytes; gsize len; const char *warning; } cases[] = {
    { "le-bom.txt", (const char *) with_bom->data, with_bom->len, "encoding_utf16" },
    { "be.txt", be, n_be, "encoding_utf16" },
    { "cr.txt", cr, len, NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_file (dir, cases[i].name, cases[i].bytes, (gssize) cases[i].len);
      g_autofree char *got_codes = NULL;
      g_autofree char *got = extracted_data (path, &got_codes);
      g_test_message ("%s: %s", cases[i].name, got_codes);
      g_assert_cmpstr (got, ==, want);
      if (cases[i].warning)
        g_assert_nonnull (strstr (got_codes, cases[i].warning));
    }
  tu_remove_flat_dir (dir);
}

/* Runs `prefix… gongkai args…` (prefix: a wrapper command, NULL-terminated);
 * its exit status, stdout and stderr as tu_run_gongkai gives them. */
static int
run_wrapped (const char *const *prefix, const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *bin = g_build_filename (GK_BUILD_DIR, "gongkai", NULL);
  for (int i = 0; prefix[i]; i++)
    g_ptr_array_add (argv, (gpointer) prefix[i]);
  g_ptr_array_add (argv, bin);
  for (int i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  int wait = 0;
  g_autoptr (GError) error = NULL;
  GSpawnFlags flags = G_SPAWN_SEARCH_PATH | (out ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, flags, NULL, NULL, out, err, &wait, &error);
  g_assert_no_error (error);
  return WIFEXITED (wait) ? WEXITSTATUS (wait) : 128;
}

/* Runs gongkai with its standard output on /dev/full (every write fails
 * with ENOSPC, as on a full disk); its exit status, and stderr in *err. */
static int
run_to_full_device (const char *const *args, char **err)
{
  static const char *const to_full[] = { "/bin/sh", "-c", "exec \"$0\" \"$@\" >/dev/full", NULL };
  return run_wrapped (to_full, args, NULL, err);
}

/* Standard output on a full disk: every mode that writes records or pages
 * there says so once and exits 3.  extract (one file, jsonl, csv) and
 * compare used to exit 0, or 3 without a word, with the output cut short. */
static void
test_stdout_write_error (void)
{
  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  g_autofree char *a = tu_source_path ("samples/qinxian-2020.txt");
  g_autofree char *b = tu_source_path ("samples/linchuan-2022.txt");
  g_autofree char *dir = scratch_dir ();
  g_autofree char *db = g_build_filename (dir, "r.db", NULL);
  const char *batch[] = { "batch", a, "--db", db, NULL };
  g_assert_cmpint (tu_run_gongkai (batch, NULL, NULL), ==, 0);
  const char *const *runs[] = {
    (const char *[]) { "extract", a, NULL },
    (const char *[]) { "extract", a, b, NULL },
    (const char *[]) { "extract", "--format", "jsonl", a, b, NULL },
    (const char *[]) { "extract", "--format", "csv", a, NULL },
    (const char *[]) { "compare", "--db", db, "沁县人民政府", NULL },
    (const char *[]) { "compare", "--db", db, "--format", "csv", "沁县人民政府", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *err = NULL;
      int status = run_to_full_device (runs[i], &err);
      g_test_message ("%s %s → %d: %s", runs[i][0], runs[i][1], status, err);
      g_assert_cmpint (status, ==, 3);
      g_assert_cmpstr (err, ==, "gongkai: standard output: No space left on device\n");
    }
  tu_remove_flat_dir (dir);
}

/* A database of qinxian-2020 in dir/name (a fresh batch). */
static char *
stored_database (const char *dir, const char *name)
{
  g_autofree char *sample = tu_source_path ("samples/qinxian-2020.txt");
  char *db = g_build_filename (dir, name, NULL);
  const char *batch[] = { "batch", sample, "--db", db, NULL };
  g_assert_cmpint (tu_run_gongkai (batch, NULL, NULL), ==, 0);
  return db;
}

/* The reading commands on a database they cannot write (a 0444 file in a
 * read-only directory, as on a read-only file system), run as a plain user
 * (nobody, through setpriv, when the tests run as root, who may write
 * anything): export, compare and audit read it; review and batch say it is
 * read-only; a damaged database is "malformed", never "not a database".
 * They used to say "not an SQLite database" / "not a gongkai database". */
static void
test_read_only_database (void)
{
  static const char *const as_nobody[] = { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", NULL };
  static const char *const as_self[] = { NULL };
  const char *const *user = getuid () == 0 ? as_nobody : as_self;
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  if (getuid () == 0 && !setpriv)
    {
      g_test_skip ("root without setpriv: a read-only file cannot be made");
      return;
    }
  /* nobody must reach the program and its models: a tree cloned into a
   * 0700 directory (mktemp -d) keeps them out, and every run would fail
   * on that, not on the database */
  g_autofree char *models = g_build_filename (GK_SOURCE_DIR, "models", "issuers.json", NULL);
  const char *probe[] = { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                          "/bin/sh", "-c", "test -r \"$0\"", models, NULL };
  int readable = 0;
  if (getuid () == 0
      && (!g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &readable, NULL)
          || !g_spawn_check_wait_status (readable, NULL)))
    {
      g_test_skip ("the build tree is not readable by an unprivileged user (a 0700 clone directory)");
      return;
    }
  g_autofree char *dir = scratch_dir ();
  g_autofree char *ro = g_build_filename (dir, "ro", NULL);
  g_assert_cmpint (g_mkdir (ro, 0755), ==, 0);
  g_autofree char *db = stored_database (ro, "r.db");
  g_autofree char *page = g_build_filename (dir, "audit.html", NULL);
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);   /* the plain user writes the audit page here */
  g_assert_cmpint (g_chmod (db, 0444), ==, 0);
  g_assert_cmpint (g_chmod (ro, 0555), ==, 0);

  struct { const char *const *args; int status; const char *out, *err; } runs[] = {
    { (const char *[]) { "export", "--db", db, NULL }, 0, "file,issuer,year,", "" },
    { (const char *[]) { "export", "--db", db, "--format", "jsonl", NULL }, 0, "{", "" },
    { (const char *[]) { "compare", "--db", db, "--format", "csv", "沁县人民政府", NULL }, 0, "key,label,2020", "" },
    { (const char *[]) { "audit", "--db", db, "-o", page, NULL }, 0, "", "" },
    { (const char *[]) { "review", "--db", db, "samples/qinxian-2020.txt", "narrative.percent_sum", "--dismiss", "x",
                         NULL }, 3, "", "database is read-only" },
    { (const char *[]) { "batch", "--db", db, db, NULL }, 3, "", "database is read-only" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      int status = run_wrapped (user, runs[i].args, &out, &err);
      g_test_message ("%s → %d: %s", runs[i].args[0], status, err);
      g_assert_cmpint (status, ==, runs[i].status);
      g_assert_true (g_str_has_prefix (out, runs[i].out));
      g_assert_true (*runs[i].err ? strstr (err, runs[i].err) != NULL : *err == '\0');
    }
  g_assert_true (g_file_test (page, G_FILE_TEST_IS_REGULAR));

  /* commits in a -wal file that cannot be read without its -shm: said so */
  g_assert_cmpint (g_chmod (ro, 0755), ==, 0);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_assert_true (g_file_set_contents (wal, "not empty", -1, NULL));
  g_assert_cmpint (g_chmod (ro, 0555), ==, 0);
  {
    g_autofree char *err = NULL;
    const char *args[] = { "export", "--db", db, NULL };
    g_assert_cmpint (run_wrapped (user, args, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "-wal file"));
  }
  g_assert_cmpint (g_chmod (ro, 0755), ==, 0);
  g_unlink (wal);
  g_unlink (page);

  /* a database cut short */
  g_autofree char *whole = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (db, &whole, &len, NULL));
  g_autofree char *cut = write_file (dir, "cut.db", whole, (gssize) (len / 3));
  const char *const *cut_runs[] = {
    (const char *[]) { "export", "--db", cut, NULL },
    (const char *[]) { "compare", "--db", cut, "沁县人民政府", NULL },
    (const char *[]) { "audit", "--db", cut, "-o", page, NULL },
    (const char *[]) { "batch", "--db", cut, cut, NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cut_runs); i++)
    {
      g_autofree char *err = NULL;
      int status = tu_run_gongkai (cut_runs[i], NULL, &err);
      g_test_message ("%s → %d: %s", cut_runs[i][0], status, err);
      g_assert_cmpint (status, !=, 0);
      g_assert_nonnull (strstr (err, "malformed"));
      g_assert_null (strstr (err, "not a"));
    }
  tu_remove_flat_dir (ro);
  tu_remove_flat_dir (dir);
}

/* A bad option value is a usage error naming the option, on one line
 * ("bad option value" named none; --max-mb 99999999999999999999 was taken
 * and overflowed); the size limit names --max-mb and counts in MiB (it
 * said --max-bytes and MB). */
static void
test_option_values_named (void)
{
  g_autofree char *a = tu_source_path ("samples/qinxian-2020.txt");
  struct { const char *const *args; const char *option; } cases[] = {
    { (const char *[]) { "extract", "--max-mb", "99999999999999999999", a, NULL }, "--max-mb" },
    { (const char *[]) { "extract", "--max-mb", "nan", a, NULL }, "--max-mb" },
    { (const char *[]) { "extract", "--max-seconds", "1e300", a, NULL }, "--max-seconds" },
    { (const char *[]) { "extract", "-j", "0", a, NULL }, "--jobs" },
    { (const char *[]) { "extract", "--format", "xml", a, NULL }, "--format" },
    { (const char *[]) { "extract", "--ocr", "sometimes", a, NULL }, "--ocr" },
    { (const char *[]) { "batch", "--max-pages", "0", "--db", "unused.db", a, NULL }, "--max-pages" },
    { (const char *[]) { "audit", "--crops", "some", a, "-o", "unused.html", NULL }, "--crops" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status = tu_run_gongkai (cases[i].args, NULL, &err);
      g_test_message ("%s %s → %d: %s", cases[i].args[1], cases[i].args[2], status, err);
      g_assert_cmpint (status, ==, 2);
      g_autofree char *named = g_strdup_printf ("bad value for %s: “", cases[i].option);
      g_assert_nonnull (strstr (err, named));
      g_assert_cmpint (strchr (err, '\n') - err + 1, ==, (int) strlen (err));
    }
  g_assert_false (g_file_test ("unused.db", G_FILE_TEST_EXISTS));

  const char *limit[] = { "extract", "--max-mb", "0.001", a, NULL };
  g_autofree char *err = NULL;
  g_assert_cmpint (tu_run_gongkai (limit, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "KiB limit (--max-mb)"));   /* 1.0 KiB, GLib puts a no-break space */
  g_assert_null (strstr (err, "max-bytes"));
}

/* An output file that is one of the inputs is refused (usage error) and
 * left as it was: `audit r.txt -o r.txt` overwrote the report, export and
 * compare -o DB the database. */
static void
test_output_is_not_an_input (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *r = copy_sample ("samples/qinxian-2020.txt", dir, "r.txt");
  g_autofree char *db = stored_database (dir, "r.db");
  g_autofree char *r_before = NULL, *db_before = NULL;
  gsize r_len, db_len;
  g_assert_true (g_file_get_contents (r, &r_before, &r_len, NULL));
  g_assert_true (g_file_get_contents (db, &db_before, &db_len, NULL));
  g_autofree char *r_other = g_strdup_printf ("%s/./r.txt", dir);   /* the same file, spelled otherwise */
  const char *const *runs[] = {
    (const char *[]) { "audit", r, "-o", r_other, NULL },
    (const char *[]) { "audit", "--db", db, "-o", db, NULL },
    (const char *[]) { "export", "--db", db, "-o", db, NULL },
    (const char *[]) { "compare", "--db", db, "-o", db, "沁县人民政府", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *err = NULL;
      int status = tu_run_gongkai (runs[i], NULL, &err);
      g_test_message ("%s → %d: %s", runs[i][0], status, err);
      g_assert_cmpint (status, ==, 2);
      g_assert_nonnull (strstr (err, "(not overwritten)"));
    }
  g_autofree char *r_after = NULL, *db_after = NULL;
  gsize r_len2, db_len2;
  g_assert_true (g_file_get_contents (r, &r_after, &r_len2, NULL));
  g_assert_true (g_file_get_contents (db, &db_after, &db_len2, NULL));
  g_assert_true (r_len2 == r_len && memcmp (r_after, r_before, r_len) == 0);
  g_assert_true (db_len2 == db_len && memcmp (db_after, db_before, db_len) == 0);
  tu_remove_flat_dir (dir);
}

/* The version defined once, in the VERSION file. */
static char *
defined_version (void)
{
  gsize len;
  g_autofree char *text = tu_source_contents ("VERSION", &len);
  return g_strdup (g_strstrip (text));
}

/* `gongkai --version` and `gongkai version` print "gongkai X.Y.Z", the
 * VERSION file's, and every record says in source.gongkai_version which
 * version read it.  There was no --version (usage error). */
static void
test_version (void)
{
  g_autofree char *version = defined_version ();
  g_assert_true (g_regex_match_simple ("^[0-9]+\\.[0-9]+\\.[0-9]+$", version, 0, 0));
  g_autofree char *want = g_strdup_printf ("gongkai %s\n", version);
  static const char *const spellings[] = { "--version", "version" };
  for (gsize i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      const char *args[] = { spellings[i], NULL };
      Run r = run_gongkai (args);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.out, ==, want);
      g_assert_cmpstr (r.err, ==, "");
      run_clear (&r);
    }
  g_autofree char *a = tu_source_path ("samples/qinxian-2020.txt");
  const char *args[] = { "extract", a, NULL };
  Run r = run_gongkai (args);
  g_assert_cmpint (r.status, ==, 0);
  json_error_t jerr;
  json_t *rec = json_loads (r.out, 0, &jerr);
  g_assert_nonnull (rec);
  g_assert_cmpstr (json_string_value (tu_json_get (rec, "source.gongkai_version")), ==, version);
  json_decref (rec);
  run_clear (&r);
}

/* Runs gongkai args with standard input from the file input. */
static Run
run_from_stdin (const char *input, const char *const *args)
{
  g_autofree char *quoted = g_shell_quote (input);
  g_autofree char *script = g_strdup_printf ("exec \"$0\" \"$@\" <%s", quoted);
  const char *const from_file[] = { "/bin/sh", "-c", script, NULL };
  Run r = { 0 };
  r.status = run_wrapped (from_file, args, &r.out, &r.err);
  return r;
}

/* "-" as FILE reads standard input (a pipe from a crawler or curl): the
 * record is the file's, source.file "-", the kind told from the bytes (an
 * HTML page, a PDF), the size bounded by --max-mb as it is read; "-" twice
 * is a usage error.  "-" was a file name: "No such file or directory". */
static void
test_stdin_input (void)
{
  static const char *const samples[] = { "samples/qinxian-2020.txt", "samples/jiangbei-hbt-2013.html",
                                         "samples/hexi-2022.pdf" };
  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = tu_source_path (samples[i]);
      const char *by_name[] = { "extract", path, NULL };
      const char *by_stdin[] = { "extract", "-", NULL };
      Run want = run_gongkai (by_name);
      Run got = run_from_stdin (path, by_stdin);
      g_test_message ("%s → %d: %s", samples[i], got.status, got.err);
      g_assert_cmpint (want.status, ==, 0);
      g_assert_cmpint (got.status, ==, 0);
      g_autofree char *want_data = record_data (want.out, NULL);
      g_autofree char *got_data = record_data (got.out, NULL);
      g_assert_cmpstr (got_data, ==, want_data);
      json_error_t jerr;
      json_t *w = json_loads (want.out, 0, &jerr), *g = json_loads (got.out, 0, &jerr);
      g_assert_cmpstr (json_string_value (tu_json_get (g, "source.file")), ==, "-");
      static const char *const same[] = { "source.sha256", "source.media", "report.issuer", "report.template" };
      for (gsize k = 0; k < G_N_ELEMENTS (same); k++)
        g_assert_true (json_equal (tu_json_get (g, same[k]), tu_json_get (w, same[k])));
      json_decref (w);
      json_decref (g);
      run_clear (&want);
      run_clear (&got);
    }

  g_autofree char *dir = scratch_dir ();
  g_autofree char *big_text = g_strnfill (1536 * 1024, 'x');
  g_autofree char *big = write_file (dir, "big.txt", big_text, -1);
  const char *limited[] = { "extract", "--max-mb", "1", "-", NULL };
  Run r = run_from_stdin (big, limited);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "gongkai: -: "));
  g_assert_nonnull (strstr (r.err, "MiB limit (--max-mb)"));
  run_clear (&r);
  const char *twice[] = { "extract", "-", "-", NULL };
  r = run_from_stdin (big, twice);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);
  tu_remove_flat_dir (dir);
}

/* -o - writes standard output: extract's records (also with --db, which
 * otherwise keeps stdout empty), the audit page.  "-" was taken as a
 * directory (extract) or a file (audit) of that name. */
static void
test_output_dash (void)
{
  g_autofree char *a = tu_source_path ("samples/qinxian-2020.txt");
  g_autofree char *dir = scratch_dir ();
  g_autofree char *db = g_build_filename (dir, "r.db", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_assert_cmpint (g_chdir (dir), ==, 0);   /* where a file or directory "-" would appear */
  const char *plain[] = { "extract", a, NULL };
  Run want = run_gongkai (plain);
  g_assert_cmpint (want.status, ==, 0);
  const char *const *runs[] = {
    (const char *[]) { "extract", "-o", "-", a, NULL },
    (const char *[]) { "extract", "--db", db, "-o", "-", a, NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      Run r = run_gongkai (runs[i]);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_str_equal (r.out, want.out));   /* not cmpstr: a whole record in the message */
      run_clear (&r);
    }
  const char *audit[] = { "audit", a, "-o", "-", NULL };
  Run r = run_gongkai (audit);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "<!DOCTYPE html>"));
  run_clear (&r);
  g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  run_clear (&want);
  tu_remove_flat_dir (dir);
}

/* A file name that is not UTF-8 (a GBK name from an old crawl) is still
 * read, and named in the record with its bytes escaped: the JSON lost
 * source.file, and a CSV took the raw bytes. */
static void
test_non_utf8_file_name (void)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = copy_sample ("samples/qinxian-2020.txt", dir, "\xb1\xa8\xb8\xe6-2020.txt");   /* 报告 in GBK */
  g_autofree char *want = g_build_filename (dir, "\\xb1\\xa8\\xb8\\xe6-2020.txt", NULL);
  const char *json_args[] = { "extract", path, NULL };
  Run r = run_gongkai (json_args);
  g_assert_cmpint (r.status, ==, 0);
  json_error_t jerr;
  json_t *rec = json_loads (r.out, 0, &jerr);
  g_assert_nonnull (rec);
  g_assert_cmpstr (json_string_value (tu_json_get (rec, "source.file")), ==, want);
  g_assert_nonnull (tu_json_get (rec, "data.applications.new_received.total"));
  json_decref (rec);
  run_clear (&r);

  const char *csv_args[] = { "extract", "--format", "csv", path, path, NULL };
  r = run_gongkai (csv_args);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_utf8_validate (r.out, -1, NULL));
  g_autofree char *row_start = g_strconcat ("\n", want, ",", NULL);
  g_assert_nonnull (strstr (r.out, row_start));
  run_clear (&r);

  g_autofree char *db = g_build_filename (dir, "r.db", NULL);
  const char *batch[] = { "batch", path, "--db", db, NULL };
  r = run_gongkai (batch);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  const char *export[] = { "export", "--db", db, "--format", "jsonl", NULL };
  r = run_gongkai (export);
  g_assert_cmpint (r.status, ==, 0);
  rec = json_loads (r.out, 0, &jerr);
  g_assert_nonnull (rec);
  g_assert_cmpstr (json_string_value (tu_json_get (rec, "source.file")), ==, want);
  json_decref (rec);
  run_clear (&r);
  g_unlink (path);
  tu_remove_flat_dir (dir);
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  g_test_add_func ("/cli/non-utf8-file-name", test_non_utf8_file_name);
  g_test_add_func ("/cli/bad-inputs", test_bad_inputs);
  g_test_add_func ("/cli/usage-and-formats", test_usage_and_formats);
  g_test_add_func ("/cli/every-command-help", test_every_command_help);
  g_test_add_func ("/cli/stdout-write-error", test_stdout_write_error);
  g_test_add_func ("/cli/output-dir-same-base-name", test_output_dir_same_base_name);
  g_test_add_func ("/cli/utf16-and-cr-text", test_utf16_and_cr_text);
  g_test_add_func ("/cli/read-only-database", test_read_only_database);
  g_test_add_func ("/cli/option-values-named", test_option_values_named);
  g_test_add_func ("/cli/output-is-not-an-input", test_output_is_not_an_input);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/stdin-input", test_stdin_input);
  g_test_add_func ("/cli/output-dash", test_output_dash);
  g_test_add_func ("/cli/tesseract-loaded-on-demand", test_tesseract_loaded_on_demand);
  g_test_add_func ("/cli/pdf-libraries-loaded-on-demand", test_pdf_libraries_loaded_on_demand);
  return g_test_run ();
}
