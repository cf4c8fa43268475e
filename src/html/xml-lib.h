/* xml-lib.h — libxml2, loaded on first use.
 *
 *   GK_XML_LIB   the library function of that name, libxml2 opened on the first call
 *
 * Why (common/gk-libs.h).  libxml2 brings ICU, whose loading is a third of
 * the start-up of a process that reads a text dump; only web pages, and a
 * character reference in a text dump, need it.  Include this header in a
 * .c file only, after every other header: each function's name becomes a
 * macro.
 */
#pragma once
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include "common/gk-libs.h"

/* The library's soname, from the build machine (Makefile); the fallback is
 * what Debian 12 installs. */
#ifndef GK_XML_SONAME
#define GK_XML_SONAME "libxml2.so.2"
#endif

/* Every function gongkai calls (a new call adds its name here). */
#define GK_XML_FUNCTIONS(X) \
  X (htmlEntityLookup) X (htmlReadMemory) X (xmlDocGetRootElement) X (xmlFreeDoc) X (xmlGetLineNo)   \
  X (xmlGetProp) X (xmlNodeGetContent) X (xmlSetGenericErrorFunc)

/* xmlFree is a variable of libxml2 (a macro reading it where its threads
 * keep their own): the pointer to it, resolved with the functions. */
#define GK_XML_SYMBOLS(X) GK_XML_FUNCTIONS (X) X (xmlFree)
#undef xmlFree
typedef struct {
  GK_XML_FUNCTIONS (GK_LIB_POINTER)
  xmlFreeFunc *xmlFree;
} GkXmlLib;

/* The functions, the library loaded on the first call (thread safe). */
const GkXmlLib *gk_xml_lib (void);
#define GK_XML_LIB(name) (gk_xml_lib ()->name)

#ifndef GK_XML_LIB_IMPLEMENTATION
#define xmlFree (*GK_XML_LIB (xmlFree))
#define htmlEntityLookup GK_XML_LIB (htmlEntityLookup)
#define htmlReadMemory GK_XML_LIB (htmlReadMemory)
#define xmlDocGetRootElement GK_XML_LIB (xmlDocGetRootElement)
#define xmlFreeDoc GK_XML_LIB (xmlFreeDoc)
#define xmlGetLineNo GK_XML_LIB (xmlGetLineNo)
#define xmlGetProp GK_XML_LIB (xmlGetProp)
#define xmlNodeGetContent GK_XML_LIB (xmlNodeGetContent)
#define xmlSetGenericErrorFunc GK_XML_LIB (xmlSetGenericErrorFunc)
#endif
