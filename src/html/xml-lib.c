/* xml-lib.c — see xml-lib.h. */
#define GK_XML_LIB_IMPLEMENTATION
#include "xml-lib.h"

GK_LIB_DEFINE (GkXmlLib, gk_xml_lib, GK_XML_SONAME, GK_XML_SYMBOLS)
