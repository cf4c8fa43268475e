/* pdf-libs.c — see pdf-libs.h. */
#define GK_PDF_LIBS_IMPLEMENTATION
#include "pdf-libs.h"

GK_LIB_DEFINE (GkPopplerLib, gk_poppler_lib, GK_POPPLER_SONAME, GK_POPPLER_FUNCTIONS)
GK_LIB_DEFINE (GkCairoLib, gk_cairo_lib, GK_CAIRO_SONAME, GK_CAIRO_FUNCTIONS)
GK_LIB_DEFINE (GkLeptLib, gk_lept_lib, GK_LEPT_SONAME, GK_LEPT_FUNCTIONS)
