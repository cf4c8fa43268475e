/* pdf-libs.c — see pdf-libs.h. */
#define GK_PDF_LIBS_IMPLEMENTATION
#include "pdf-libs.h"
#include <gmodule.h>

static GkPdfLibs libs;

/* Opens the library (LAZY: only what is called gets bound; LOCAL: its
 * symbols stay out of ours; never closed).  No return on failure: the
 * library is a dependency of the package, as when it was linked. */
static GModule *
open_library (const char *soname)
{
  GModule *module = g_module_open (soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (!module)
    g_error ("cannot load %s (a dependency of gongkai: reinstall it): %s", soname, g_module_error ());
  return module;
}

static gpointer
load_once (gpointer unused)
{
  GModule *module;
#define GK_PDF_LIB_RESOLVE(name)                                   \
  if (!g_module_symbol (module, #name, (gpointer *) &libs.name))   \
    g_error ("%s has no %s: %s", g_module_name (module), #name, g_module_error ());
  module = open_library (GK_POPPLER_SONAME);
  GK_POPPLER_FUNCTIONS (GK_PDF_LIB_RESOLVE)
  module = open_library (GK_CAIRO_SONAME);
  GK_CAIRO_FUNCTIONS (GK_PDF_LIB_RESOLVE)
  module = open_library (GK_LEPT_SONAME);
  GK_LEPT_FUNCTIONS (GK_PDF_LIB_RESOLVE)
#undef GK_PDF_LIB_RESOLVE
  return &libs;
}

const GkPdfLibs *
gk_pdf_libs (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, load_once, NULL);
}
