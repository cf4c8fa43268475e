/* gk-libs.c — see gk-libs.h. */
#include "gk-libs.h"

GModule *
gk_lib_open (const char *soname)
{
  /* LAZY: only what is called gets bound; LOCAL: its symbols stay out of
   * ours.  Never closed: what it made may live until exit. */
  GModule *module = g_module_open (soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (!module)
    g_error ("cannot load %s (a dependency of gongkai: reinstall it): %s", soname, g_module_error ());
  return module;
}

void
gk_lib_resolve (GModule *module, const char *name, gpointer *slot)
{
  if (!g_module_symbol (module, name, slot))
    g_error ("%s has no %s: %s", g_module_name (module), name, g_module_error ());
}
