/* gk-models.c — see gk-models.h. */
#include "gk-models.h"
#include <dlfcn.h>

#ifndef GK_MODELS_DIR
#define GK_MODELS_DIR "models"
#endif

/* dir/rel/templates exists: dir/rel, else NULL. */
static char *
models_under (const char *dir, const char *rel)
{
  char *cand = g_build_filename (dir, rel, NULL);
  g_autofree char *templates = g_build_filename (cand, "templates", NULL);
  if (g_file_test (templates, G_FILE_TEST_IS_DIR))
    return cand;
  g_free (cand);
  return NULL;
}

/* Where the models sit relative to a file in bin/ or lib/ (or build/):
 * ../models in the source tree, ../share/gongkai/models once installed
 * (under any PREFIX or DESTDIR, so nothing is fixed at build time). */
static char *
models_beside (const char *file)
{
  g_autofree char *dir = g_path_get_dirname (file);
  char *found = models_under (dir, "../models");
  return found ? found : models_under (dir, "../share/gongkai/models");
}

char *
gk_models_dir_default (void)
{
  const char *env = g_getenv ("GONGKAI_MODELS");
  if (env && *env)
    return g_strdup (env);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  char *found = exe ? models_beside (exe) : NULL;
  /* the shared library, loaded by another program (Python's ctypes) */
  Dl_info info;
  if (!found && dladdr ((void *) gk_models_dir_default, &info) && info.dli_fname && g_path_is_absolute (info.dli_fname))
    found = models_beside (info.dli_fname);
  return found ? found : g_strdup (GK_MODELS_DIR);
}
