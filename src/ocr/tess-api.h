/* tess-api.h — the tesseract C API, loaded on first use.
 *
 *   gk_tess_api_load   open libtesseract (GModule) once and resolve the functions gongkai calls
 *
 * Why.  libtesseract brings some thirty libraries (libgomp, curl, gnutls,
 * krb5, libarchive…) whose loading and relocation cost more than reading
 * a born-digital PDF's text layer, and most runs never OCR a page.  Loaded
 * on first use, they cost nothing then; and libgomp, loaded with them,
 * reads the OMP_THREAD_LIMIT that main() set without re-executing.
 * Calls keep their tesseract names: each is a macro for a pointer in
 * gk_tess, the pattern of OpenGL loaders.  Call gk_tess_api_load before
 * the first TessXxx call.
 */
#pragma once
#include <glib.h>
#include <tesseract/capi.h>

/* The library's soname, from the build machine (Makefile); the fallback is
 * what Debian's libtesseract5 installs. */
#ifndef GK_TESSERACT_SONAME
#define GK_TESSERACT_SONAME "libtesseract.so.5"
#endif

#define GK_TESS_FUNCTIONS(X)                                                                           \
  X (TessBaseAPICreate) X (TessBaseAPIDelete) X (TessBaseAPIEnd) X (TessBaseAPIInit4)                  \
  X (TessBaseAPISetImage2) X (TessBaseAPISetPageSegMode) X (TessBaseAPISetRectangle)                   \
  X (TessBaseAPISetSourceResolution) X (TessBaseAPISetVariable) X (TessBaseAPIRecognize)               \
  X (TessBaseAPIGetIterator) X (TessDeleteText) X (TessPageIteratorBoundingBox)                        \
  X (TessPageIteratorIsAtBeginningOf)                                                                  \
  X (TessResultIteratorConfidence) X (TessResultIteratorDelete) X (TessResultIteratorGetPageIterator) \
  X (TessResultIteratorGetUTF8Text) X (TessResultIteratorNext)

#define GK_TESS_POINTER(name) __typeof__ (name) *name;
typedef struct {
  GK_TESS_FUNCTIONS (GK_TESS_POINTER)
} GkTessApi;
#undef GK_TESS_POINTER

extern GkTessApi gk_tess;

/* Loads the library once (thread safe); FALSE with GK_ERROR_OCR naming the
 * library or the missing function when it cannot. */
gboolean gk_tess_api_load (GError **error);

#ifndef GK_TESS_API_IMPLEMENTATION
#define TessBaseAPICreate gk_tess.TessBaseAPICreate
#define TessBaseAPIDelete gk_tess.TessBaseAPIDelete
#define TessBaseAPIEnd gk_tess.TessBaseAPIEnd
#define TessBaseAPIInit4 gk_tess.TessBaseAPIInit4
#define TessBaseAPISetImage2 gk_tess.TessBaseAPISetImage2
#define TessBaseAPISetPageSegMode gk_tess.TessBaseAPISetPageSegMode
#define TessBaseAPISetRectangle gk_tess.TessBaseAPISetRectangle
#define TessBaseAPISetSourceResolution gk_tess.TessBaseAPISetSourceResolution
#define TessBaseAPISetVariable gk_tess.TessBaseAPISetVariable
#define TessBaseAPIRecognize gk_tess.TessBaseAPIRecognize
#define TessBaseAPIGetIterator gk_tess.TessBaseAPIGetIterator
#define TessDeleteText gk_tess.TessDeleteText
#define TessPageIteratorBoundingBox gk_tess.TessPageIteratorBoundingBox
#define TessPageIteratorIsAtBeginningOf gk_tess.TessPageIteratorIsAtBeginningOf
#define TessResultIteratorConfidence gk_tess.TessResultIteratorConfidence
#define TessResultIteratorDelete gk_tess.TessResultIteratorDelete
#define TessResultIteratorGetPageIterator gk_tess.TessResultIteratorGetPageIterator
#define TessResultIteratorGetUTF8Text gk_tess.TessResultIteratorGetUTF8Text
#define TessResultIteratorNext gk_tess.TessResultIteratorNext
#endif
