/* gk-libs.h — shared libraries opened on first use, by soname.
 *
 *   GK_LIB_DEFINE    a library's table of functions, the library opened on the first call
 *   gk_lib_open      open a library (GModule) for good
 *   gk_lib_resolve   one of its symbols into a pointer
 *
 * Why.  Linked, a library and all it brings are loaded and relocated by
 * every process, used or not; most of gongkai's runs read a text dump and
 * never call poppler, cairo, leptonica (pdf/pdf-libs.h), libxml2
 * (html/xml-lib.h) or sqlite (store/sqlite-lib.h).  Each of those headers
 * lists the functions gongkai calls and makes each name a macro for a
 * pointer resolved on the first call, as tess-api.h does for tesseract.
 * They are dependencies, not options: a library or a function that cannot
 * be found ends the process, as the dynamic loader did when it was linked.
 */
#pragma once
#include <gmodule.h>

GModule *gk_lib_open (const char *soname);
void gk_lib_resolve (GModule *module, const char *name, gpointer *slot);

/* A pointer of a library's table: the type of the function of that name. */
#define GK_LIB_POINTER(name) __typeof__ (name) *name;

/* Resolves a symbol into the table's pointer of that name (in GK_LIB_DEFINE). */
#define GK_LIB_RESOLVE(name) gk_lib_resolve (module, #name, (gpointer *) &table->name);

/* Defines getter (): the table of type Type, the library soname opened and
 * each symbol of SYMBOLS (an X-macro list) resolved on the first call, once
 * (thread safe). */
#define GK_LIB_DEFINE(Type, getter, soname, SYMBOLS) \
  static gpointer getter##_load (gpointer unused)    \
  {                                                  \
    static Type loaded;                              \
    Type *table = &loaded;                           \
    GModule *module = gk_lib_open (soname);          \
    SYMBOLS (GK_LIB_RESOLVE)                         \
    return table;                                    \
  }                                                  \
  const Type *getter (void)                          \
  {                                                  \
    static GOnce once = G_ONCE_INIT;                 \
    return g_once (&once, getter##_load, NULL);      \
  }
