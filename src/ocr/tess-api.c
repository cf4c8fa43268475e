/* tess-api.c — see tess-api.h. */
#define GK_TESS_API_IMPLEMENTATION
#include "tess-api.h"
#include <gmodule.h>
#include "common/gk-error.h"

GkTessApi gk_tess;

static GError *load_error;   /* the first attempt's failure, repeated to every caller */

static gpointer
load_once (gpointer unused)
{
  /* LAZY: only what is called gets bound; LOCAL: its symbols stay out of ours.
   * Never closed: tesseract's engines live until exit. */
  GModule *module = g_module_open (GK_TESSERACT_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (!module)
    {
      g_set_error (&load_error, GK_ERROR, GK_ERROR_OCR, "cannot load %s (install libtesseract5): %s",
                   GK_TESSERACT_SONAME, g_module_error ());
      return NULL;
    }
#define GK_TESS_RESOLVE(name)                                                                        \
  if (!load_error && !g_module_symbol (module, #name, (gpointer *) &gk_tess.name))                     \
    g_set_error (&load_error, GK_ERROR, GK_ERROR_OCR, "%s has no %s: %s", GK_TESSERACT_SONAME, #name, \
                 g_module_error ());
  GK_TESS_FUNCTIONS (GK_TESS_RESOLVE)
#undef GK_TESS_RESOLVE
  return NULL;
}

gboolean
gk_tess_api_load (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, load_once, NULL);
  if (load_error)
    {
      g_propagate_error (error, g_error_copy (load_error));
      return FALSE;
    }
  return TRUE;
}
