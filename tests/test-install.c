/* test-install.c — `make install DESTDIR=… PREFIX=/usr` as a packager runs
 * it, then what was installed, used with no environment: the program reads
 * a sample with the installed models (not the source tree's), the man page
 * and bash completion know every option of every command, and a C program
 * and a Python script that see only the installed header, library and
 * pkg-config file read a report through the C API (gongkai.h).
 */
#include "common/gk-error.h"
#include "json-schema.h"
#include "testutil.h"

static char *dest;   /* the DESTDIR of this run */

/* Runs argv in cwd (NULL: here) with env; its exit status, stdout and stderr. */
static int
run (const char *const *argv, char **env, char **out, char **err)
{
  int wait = 0;
  g_autoptr (GError) error = NULL;
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &wait, &error);
  g_assert_no_error (error);
  return WIFEXITED (wait) ? WEXITSTATUS (wait) : 128;
}

/* What a user's shell has: a PATH, a C locale, and nothing of gongkai
 * (the sanitizers' settings of `make check-asan` pass through). */
static char **
clean_env (void)
{
  char **env = g_new0 (char *, 1);
  env = g_environ_setenv (env, "PATH", "/usr/local/bin:/usr/bin:/bin", TRUE);
  env = g_environ_setenv (env, "HOME", "/", TRUE);
  static const char *const sanitizer_vars[] = { "ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS" };
  for (gsize i = 0; i < G_N_ELEMENTS (sanitizer_vars); i++)
    if (g_getenv (sanitizer_vars[i]))
      env = g_environ_setenv (env, sanitizer_vars[i], g_getenv (sanitizer_vars[i]), TRUE);
  return env;
}

static char *
installed (const char *rel)
{
  return g_build_filename (dest, rel, NULL);
}

static void
make_install (void)
{
  g_autoptr (GError) error = NULL;
  dest = g_dir_make_tmp ("gk-install-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *destdir = g_strconcat ("DESTDIR=", dest, NULL);
  const char *argv[] = { "make", "-s", "-C", GK_SOURCE_DIR, "BUILD=" GK_BUILD_DIR, "PREFIX=/usr", destdir, "install",
                         NULL };
  /* a make of its own, not a part of the make that runs the tests */
  g_auto (GStrv) env = g_get_environ ();
  static const char *const make_vars[] = { "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES" };
  for (gsize i = 0; i < G_N_ELEMENTS (make_vars); i++)
    env = g_environ_unsetenv (env, make_vars[i]);
  g_autofree char *out = NULL, *err = NULL;
  int status = run (argv, env, &out, &err);
  g_test_message ("make install: %s%s", out, err);
  g_assert_cmpint (status, ==, 0);
}

static void
test_files_installed (void)
{
  static const char *const files[] = {
    "usr/bin/gongkai", "usr/lib/libgongkai.so", "usr/lib/libgongkai.so.0", "usr/include/gongkai.h",
    "usr/lib/pkgconfig/gongkai.pc", "usr/share/gongkai/models/templates/2019.json",
    "usr/share/gongkai/models/templates/checks.json", "usr/share/gongkai/models/narrative.json",
    "usr/share/gongkai/models/ocr/gongkai.config", "usr/share/gongkai/record.schema.json",
    "usr/share/man/man1/gongkai.1", "usr/share/bash-completion/completions/gongkai",
    "usr/share/gongkai/examples/read-report.c", "usr/share/gongkai/examples/read_report.py",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = installed (files[i]);
      g_test_message ("%s", files[i]);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  /* the pkg-config file and the man page name the prefix and version given */
  g_autofree char *pc_path = installed ("usr/lib/pkgconfig/gongkai.pc");
  g_autofree char *pc = NULL, *man = NULL;
  g_assert_true (g_file_get_contents (pc_path, &pc, NULL, NULL));
  g_assert_nonnull (strstr (pc, "prefix=/usr\n"));
  g_assert_nonnull (strstr (pc, "Version: " GK_VERSION "\n"));
  g_autofree char *man_path = installed ("usr/share/man/man1/gongkai.1");
  g_assert_true (g_file_get_contents (man_path, &man, NULL, NULL));
  g_assert_nonnull (strstr (man, "\"gongkai " GK_VERSION "\""));
}

/* The installed program, run from / with no GONGKAI_MODELS, reads a sample
 * with the models installed beside it: spoil them and it says so (exit 4)
 * instead of falling back on the source tree's. */
static void
test_installed_program_finds_models (void)
{
  g_autofree char *bin = installed ("usr/bin/gongkai");
  g_autofree char *sample = tu_source_path ("samples/qinxian-2020.txt");
  g_auto (GStrv) env = clean_env ();
  const char *argv[] = { bin, "extract", sample, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run (argv, env, &out, &err), ==, 0);
  json_error_t jerr;
  json_t *rec = json_loads (out, 0, &jerr);
  g_assert_nonnull (rec);
  g_assert_true (json_is_integer (tu_json_get (rec, "data.applications.new_received.total")));
  json_decref (rec);

  g_autofree char *checks = installed ("usr/share/gongkai/models/templates/checks.json");
  g_autofree char *kept = NULL;
  g_assert_true (g_file_get_contents (checks, &kept, NULL, NULL));
  g_assert_true (g_file_set_contents (checks, "{ spoiled", -1, NULL));
  g_autofree char *out2 = NULL, *err2 = NULL;
  int status = run (argv, env, &out2, &err2);
  g_assert_true (g_file_set_contents (checks, kept, -1, NULL));
  g_test_message ("spoiled models: %s", err2);
  g_assert_cmpint (status, ==, GK_EXIT_SETUP);
  g_assert_nonnull (strstr (err2, "share/gongkai/models"));
}

/* Every long option of every command's --help, as `gongkai CMD --help` prints it. */
static GPtrArray *
help_options (const char *command)
{
  g_autofree char *bin = installed ("usr/bin/gongkai");
  const char *argv[] = { bin, command, "--help", NULL };
  g_auto (GStrv) env = clean_env ();
  g_autofree char *out = NULL;
  g_assert_cmpint (run (argv, env, &out, NULL), ==, 0);
  GPtrArray *opts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRegex) re = g_regex_new ("(--[a-z][a-z-]+)=?", 0, 0, NULL);
  g_autoptr (GMatchInfo) m = NULL;
  for (g_regex_match (re, out, 0, &m); g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      char *o = g_match_info_fetch (m, 1);
      if (strcmp (o, "--help") == 0 || g_ptr_array_find_with_equal_func (opts, o, g_str_equal, NULL))
        g_free (o);
      else
        g_ptr_array_add (opts, o);
    }
  return opts;
}

static const char *const commands[] = { "extract", "audit", "review", "compare", "batch", "export", "merge" };

static void
test_man_page_covers_help (void)
{
  g_autofree char *man_path = installed ("usr/share/man/man1/gongkai.1");
  g_autofree char *roff = NULL;
  g_assert_true (g_file_get_contents (man_path, &roff, NULL, NULL));
  g_autoptr (GString) text = g_string_new (roff);
  g_string_replace (text, "\\-", "-", 0);   /* roff's escaped hyphen */
  for (gsize c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *heading = g_strconcat (".SS ", commands[c], NULL);
      g_autofree char *command = g_strconcat (".B ", commands[c], NULL);
      g_assert_true (strstr (text->str, command) || strstr (text->str, heading));
      g_autoptr (GPtrArray) opts = help_options (commands[c]);
      g_assert_cmpuint (opts->len, >, 0);
      for (guint i = 0; i < opts->len; i++)
        {
          const char *o = opts->pdata[i];
          if (!strstr (text->str, o))
            g_test_message ("option %s of `gongkai %s --help` is not in docs/gongkai.1", o, commands[c]);
          g_assert_nonnull (strstr (text->str, o));
        }
    }
}

/* `man gongkai` finds the installed page (man-db, where the machine has it). */
static void
test_man_gongkai (void)
{
  g_autofree char *man = g_find_program_in_path ("man");
  if (!man)
    {
      g_test_skip ("no man(1) on this machine");
      return;
    }
  g_autofree char *manpath = installed ("usr/share/man");
  g_auto (GStrv) env = g_environ_setenv (g_environ_setenv (clean_env (), "MANPATH", manpath, TRUE), "MANWIDTH", "100",
                                         TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  const char *argv[] = { man, "gongkai", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = run (argv, env, &out, &err);
  g_test_message ("man gongkai: %d %s", status, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "GONGKAI(1)"));
  g_assert_nonnull (strstr (out, "gongkai " GK_VERSION));
  g_assert_nonnull (strstr (out, "政府信息公开工作年度报告"));
}

/* bash's completion of the words typed so far (the last one being completed). */
static char *
complete (const char *typed)
{
  g_autofree char *script = installed ("usr/share/bash-completion/completions/gongkai");
  g_autofree char *bindir = installed ("usr/bin");
  g_autofree char *cmd = g_strdup_printf ("source '%s'; COMP_WORDS=(%s); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                                          " _gongkai; echo \"${COMPREPLY[*]}\"", script, typed);
  g_autofree char *path = g_strconcat (bindir, ":/usr/bin:/bin", NULL);
  g_auto (GStrv) env = g_environ_setenv (clean_env (), "PATH", path, TRUE);
  const char *argv[] = { "bash", "-c", cmd, NULL };
  char *out = NULL;
  g_assert_cmpint (run (argv, env, &out, NULL), ==, 0);
  return g_strstrip (out);
}

static void
test_bash_completion (void)
{
  g_autofree char *cmds = complete ("gongkai ''");
  for (gsize c = 0; c < G_N_ELEMENTS (commands); c++)
    g_assert_nonnull (strstr (cmds, commands[c]));
  g_autofree char *me = complete ("gongkai me");
  g_assert_cmpstr (me, ==, "merge");
  g_autofree char *fo = complete ("gongkai extract --fo");
  g_assert_cmpstr (fo, ==, "--format");
  /* the formats as the program's --help lists them from its format table */
  g_autofree char *fmt = complete ("gongkai export --format ''");
  g_assert_cmpstr (fmt, ==, "jsonl csv");
  g_autofree char *xfmt = complete ("gongkai extract --format j");
  g_assert_cmpstr (xfmt, ==, "json jsonl");
  g_autofree char *max = complete ("gongkai batch --max-");
  g_assert_cmpstr (max, ==, "--max-mb --max-mb-ram --max-pages --max-pixels --max-seconds");
}

/* pkg-config as a packager's build sees the staged tree: the sysroot is DESTDIR. */
static char *
pkg_config (const char *what)
{
  g_autofree char *libdir = g_strconcat ("PKG_CONFIG_LIBDIR=", dest, "/usr/lib/pkgconfig", NULL);
  g_autofree char *sysroot = g_strconcat ("PKG_CONFIG_SYSROOT_DIR=", dest, NULL);
  char *env[] = { libdir, sysroot, "PATH=/usr/bin:/bin", NULL };
  const char *argv[] = { "pkg-config", what, "gongkai", NULL };
  char *out = NULL;
  g_assert_cmpint (run (argv, env, &out, NULL), ==, 0);
  return g_strstrip (out);
}

/* A program built from examples/read-report.c with the installed header and
 * library alone, and examples/read_report.py through ctypes: both read a
 * sample into a record valid against the installed schema. */
static void
test_c_api (void)
{
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("the library is built with AddressSanitizer: a program loading it needs the sanitizer's runtime");
  return;
#endif
  g_autofree char *cflags = pkg_config ("--cflags");
  g_autofree char *libs = pkg_config ("--libs");
  g_autofree char *include = g_strconcat ("-I", dest, "/usr/include", NULL);
  g_assert_cmpstr (cflags, ==, include);
  g_autofree char *example = tu_source_path ("examples/read-report.c");
  g_autofree char *prog = g_build_filename (dest, "read-report", NULL);
  g_autofree char *cmd = g_strdup_printf ("cc -std=c17 -Wall -Werror %s '%s' %s -o '%s'", cflags, example, libs, prog);
  g_auto (GStrv) env = clean_env ();
  const char *cc[] = { "sh", "-c", cmd, NULL };
  g_autofree char *cc_err = NULL;
  g_test_message ("%s", cmd);
  g_assert_cmpint (run (cc, env, NULL, &cc_err), ==, 0);

  g_autofree char *libdir = installed ("usr/lib");
  g_auto (GStrv) run_env = g_environ_setenv (clean_env (), "LD_LIBRARY_PATH", libdir, TRUE);
  g_autofree char *sample = tu_source_path ("samples/qinxian-2020.txt");
  const char *argv[] = { prog, sample, "/nonexistent.pdf", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = run (argv, run_env, &out, &err);
  g_test_message ("read-report: %s", err);
  g_assert_cmpint (status, ==, GK_EXIT_INPUT);   /* the second file */
  g_assert_nonnull (strstr (err, "/nonexistent.pdf: "));
  g_assert_nonnull (strstr (err, "gongkai " GK_VERSION));
  json_error_t jerr;
  json_t *rec = json_loads (out, 0, &jerr);
  g_assert_nonnull (rec);
  g_autofree char *schema_path = installed ("usr/share/gongkai/record.schema.json");
  json_t *schema = json_load_file (schema_path, 0, &jerr);
  g_assert_nonnull (schema);
  g_autofree char *violations = ts_schema_validate (schema, rec);
  g_assert_null (violations);
  g_assert_cmpstr (json_string_value (tu_json_get (rec, "source.file")), ==, sample);
  g_assert_true (json_is_integer (tu_json_get (rec, "data.applications.new_received.total")));
  json_decref (schema);
  /* models that are not there: the command line's exit status 4, and why */
  g_auto (GStrv) no_models_env = g_environ_setenv (g_strdupv (run_env), "GONGKAI_MODELS", "/nonexistent", TRUE);
  g_autofree char *no_models_err = NULL;
  g_assert_cmpint (run (argv, no_models_env, NULL, &no_models_err), ==, GK_EXIT_SETUP);
  g_assert_nonnull (strstr (no_models_err, "/nonexistent"));

  /* the same through Python's ctypes */
  g_autofree char *python = g_find_program_in_path ("python3");
  if (!python)
    {
      json_decref (rec);
      g_test_skip ("no python3");
      return;
    }
  g_autofree char *script = installed ("usr/share/gongkai/examples/read_report.py");
  g_autofree char *so = installed ("usr/lib/libgongkai.so.0");
  const char *py[] = { python, script, "--lib", so, sample, NULL };
  g_autofree char *py_out = NULL, *py_err = NULL;
  status = run (py, run_env, &py_out, &py_err);
  g_test_message ("read_report.py: %s", py_err);
  g_assert_cmpint (status, ==, 0);
  g_autofree char *row = g_strdup_printf ("%s\tapplications.new_received.total\t%" JSON_INTEGER_FORMAT "\n", sample,
                                          json_integer_value (tu_json_get (rec, "data.applications.new_received.total")));
  g_assert_nonnull (strstr (py_out, row));
  g_assert_nonnull (strstr (py_out, json_string_value (tu_json_get (rec, "report.issuer"))));
  json_decref (rec);
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };
  run (argv, NULL, NULL, NULL);
}

int
main (int argc, char **argv)
{
  tu_init (&argc, &argv);
  make_install ();
  g_test_add_func ("/install/files", test_files_installed);
  g_test_add_func ("/install/program-finds-models", test_installed_program_finds_models);
  g_test_add_func ("/install/man-page-covers-help", test_man_page_covers_help);
  g_test_add_func ("/install/man-gongkai", test_man_gongkai);
  g_test_add_func ("/install/bash-completion", test_bash_completion);
  g_test_add_func ("/install/c-api", test_c_api);
  int status = g_test_run ();
  remove_tree (dest);
  return status;
}
