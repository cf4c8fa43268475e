/* pdf-libs.h — poppler-glib, cairo and leptonica, loaded on first use.
 *
 *   GK_POPPLER_LIB, GK_CAIRO_LIB, GK_LEPT_LIB   the library function of that name, the library opened on the first call
 *
 * Why (common/gk-libs.h).  The three and what they bring (some forty
 * libraries: NSS, X11, freetype, libtiff…) cost more to load and relocate
 * at start-up than the text path spends reading a report (issue 14: under
 * 50 ms a report).  Include this header in a .c file only, after every
 * other header: each function's name becomes a macro.
 */
#pragma once
#include <cairo.h>
#include <leptonica/allheaders.h>
#include <poppler.h>
#include "common/gk-libs.h"

/* The libraries' sonames, from the build machine (Makefile); the fallbacks
 * are what Debian 12 installs. */
#ifndef GK_POPPLER_SONAME
#define GK_POPPLER_SONAME "libpoppler-glib.so.8"
#endif
#ifndef GK_CAIRO_SONAME
#define GK_CAIRO_SONAME "libcairo.so.2"
#endif
#ifndef GK_LEPT_SONAME
#define GK_LEPT_SONAME "liblept.so.5"
#endif

/* Every function gongkai calls, by library (a new call adds its name here). */
#define GK_POPPLER_FUNCTIONS(X) \
  X (poppler_document_get_n_pages) X (poppler_document_get_page)                                     \
  X (poppler_document_new_from_stream) X (poppler_error_quark) X (poppler_page_free_image_mapping)   \
  X (poppler_page_free_text_attributes) X (poppler_page_get_image)                                   \
  X (poppler_page_get_image_mapping) X (poppler_page_get_size) X (poppler_page_get_text)             \
  X (poppler_page_get_text_attributes) X (poppler_page_get_text_layout) X (poppler_page_render)      \
  X (poppler_page_render_for_printing)
#define GK_CAIRO_FUNCTIONS(X) \
  X (cairo_clip) X (cairo_clip_extents) X (cairo_copy_path) X (cairo_create) X (cairo_destroy)       \
  X (cairo_get_line_width) X (cairo_get_source) X (cairo_image_surface_create)                       \
  X (cairo_image_surface_get_data) X (cairo_image_surface_get_format)                                \
  X (cairo_image_surface_get_height) X (cairo_image_surface_get_stride)                              \
  X (cairo_image_surface_get_width) X (cairo_paint) X (cairo_path_destroy)                           \
  X (cairo_pattern_get_type) X (cairo_rectangle) X (cairo_scale) X (cairo_set_line_width)            \
  X (cairo_set_source_rgb) X (cairo_set_source_surface) X (cairo_status) X (cairo_stroke)            \
  X (cairo_surface_create_observer) X (cairo_surface_destroy) X (cairo_surface_flush)                \
  X (cairo_surface_observer_add_fill_callback) X (cairo_surface_observer_add_mask_callback)          \
  X (cairo_surface_observer_add_paint_callback) X (cairo_surface_observer_add_stroke_callback)       \
  X (cairo_surface_status) X (cairo_translate) X (cairo_user_to_device)                              \
  X (cairo_user_to_device_distance)
#define GK_LEPT_FUNCTIONS(X) \
  X (boxCreate) X (boxDestroy) X (boxGetGeometry) X (boxaAddBox) X (boxaCreate) X (boxaDestroy)      \
  X (boxaGetBoxGeometry) X (boxaGetCount) X (composeRGBPixel) X (lept_free) X (numaClipToInterval)   \
  X (numaDestroy) X (numaGetCount) X (numaGetFValue) X (numaGetIValue) X (numaSplitDistribution)     \
  X (pixAddBorder) X (pixBackgroundNormSimple) X (pixClearInRect) X (pixClipBoxToForeground)         \
  X (pixClipRectangle) X (pixClone) X (pixConnComp) X (pixConnCompBB) X (pixConvertTo8) X (pixCopy)  \
  X (pixCountConnComp) X (pixCountPixelsByColumn) X (pixCountPixelsByRow) X (pixCountPixelsInRect)   \
  X (pixCreate) X (pixDestroy) X (pixDilateBrick) X (pixFindSkewSweepAndSearch) X (pixGammaTRC)      \
  X (pixGetData) X (pixGetDepth) X (pixGetGrayHistogram) X (pixGetHeight) X (pixGetPixel)            \
  X (pixGetRGBComponent) X (pixGetWidth) X (pixGetWpl) X (pixHolesByFilling)                         \
  X (pixMakeArbMaskFromRGB) X (pixOpenCompBrickDwa) X (pixOtsuAdaptiveThreshold) X (pixRotate)       \
  X (pixSauvolaBinarizeTiled) X (pixScale) X (pixScaleBySampling) X (pixScaleGrayLI)                 \
  X (pixSelectBySize) X (pixSetColormap) X (pixSetMasked) X (pixSubtract) X (pixThresholdToBinary)   \
  X (pixUnsharpMaskingGray) X (pixWriteMemPng) X (pixZero) X (pixcmapAddColor) X (pixcmapCreate)

typedef struct {
  GK_POPPLER_FUNCTIONS (GK_LIB_POINTER)
} GkPopplerLib;
typedef struct {
  GK_CAIRO_FUNCTIONS (GK_LIB_POINTER)
} GkCairoLib;
typedef struct {
  GK_LEPT_FUNCTIONS (GK_LIB_POINTER)
} GkLeptLib;

/* The functions, each library loaded on the first call of one of its own (thread safe). */
const GkPopplerLib *gk_poppler_lib (void);
const GkCairoLib *gk_cairo_lib (void);
const GkLeptLib *gk_lept_lib (void);
#define GK_POPPLER_LIB(name) (gk_poppler_lib ()->name)
#define GK_CAIRO_LIB(name) (gk_cairo_lib ()->name)
#define GK_LEPT_LIB(name) (gk_lept_lib ()->name)

#ifndef GK_PDF_LIBS_IMPLEMENTATION
#define poppler_document_get_n_pages GK_POPPLER_LIB (poppler_document_get_n_pages)
#define poppler_document_get_page GK_POPPLER_LIB (poppler_document_get_page)
#define poppler_document_new_from_stream GK_POPPLER_LIB (poppler_document_new_from_stream)
#define poppler_error_quark GK_POPPLER_LIB (poppler_error_quark)
#define poppler_page_free_image_mapping GK_POPPLER_LIB (poppler_page_free_image_mapping)
#define poppler_page_free_text_attributes GK_POPPLER_LIB (poppler_page_free_text_attributes)
#define poppler_page_get_image GK_POPPLER_LIB (poppler_page_get_image)
#define poppler_page_get_image_mapping GK_POPPLER_LIB (poppler_page_get_image_mapping)
#define poppler_page_get_size GK_POPPLER_LIB (poppler_page_get_size)
#define poppler_page_get_text GK_POPPLER_LIB (poppler_page_get_text)
#define poppler_page_get_text_attributes GK_POPPLER_LIB (poppler_page_get_text_attributes)
#define poppler_page_get_text_layout GK_POPPLER_LIB (poppler_page_get_text_layout)
#define poppler_page_render GK_POPPLER_LIB (poppler_page_render)
#define poppler_page_render_for_printing GK_POPPLER_LIB (poppler_page_render_for_printing)

#define cairo_clip GK_CAIRO_LIB (cairo_clip)
#define cairo_clip_extents GK_CAIRO_LIB (cairo_clip_extents)
#define cairo_copy_path GK_CAIRO_LIB (cairo_copy_path)
#define cairo_create GK_CAIRO_LIB (cairo_create)
#define cairo_destroy GK_CAIRO_LIB (cairo_destroy)
#define cairo_get_line_width GK_CAIRO_LIB (cairo_get_line_width)
#define cairo_get_source GK_CAIRO_LIB (cairo_get_source)
#define cairo_image_surface_create GK_CAIRO_LIB (cairo_image_surface_create)
#define cairo_image_surface_get_data GK_CAIRO_LIB (cairo_image_surface_get_data)
#define cairo_image_surface_get_format GK_CAIRO_LIB (cairo_image_surface_get_format)
#define cairo_image_surface_get_height GK_CAIRO_LIB (cairo_image_surface_get_height)
#define cairo_image_surface_get_stride GK_CAIRO_LIB (cairo_image_surface_get_stride)
#define cairo_image_surface_get_width GK_CAIRO_LIB (cairo_image_surface_get_width)
#define cairo_paint GK_CAIRO_LIB (cairo_paint)
#define cairo_path_destroy GK_CAIRO_LIB (cairo_path_destroy)
#define cairo_pattern_get_type GK_CAIRO_LIB (cairo_pattern_get_type)
#define cairo_rectangle GK_CAIRO_LIB (cairo_rectangle)
#define cairo_scale GK_CAIRO_LIB (cairo_scale)
#define cairo_set_line_width GK_CAIRO_LIB (cairo_set_line_width)
#define cairo_set_source_rgb GK_CAIRO_LIB (cairo_set_source_rgb)
#define cairo_set_source_surface GK_CAIRO_LIB (cairo_set_source_surface)
#define cairo_status GK_CAIRO_LIB (cairo_status)
#define cairo_stroke GK_CAIRO_LIB (cairo_stroke)
#define cairo_surface_create_observer GK_CAIRO_LIB (cairo_surface_create_observer)
#define cairo_surface_destroy GK_CAIRO_LIB (cairo_surface_destroy)
#define cairo_surface_flush GK_CAIRO_LIB (cairo_surface_flush)
#define cairo_surface_observer_add_fill_callback GK_CAIRO_LIB (cairo_surface_observer_add_fill_callback)
#define cairo_surface_observer_add_mask_callback GK_CAIRO_LIB (cairo_surface_observer_add_mask_callback)
#define cairo_surface_observer_add_paint_callback GK_CAIRO_LIB (cairo_surface_observer_add_paint_callback)
#define cairo_surface_observer_add_stroke_callback GK_CAIRO_LIB (cairo_surface_observer_add_stroke_callback)
#define cairo_surface_status GK_CAIRO_LIB (cairo_surface_status)
#define cairo_translate GK_CAIRO_LIB (cairo_translate)
#define cairo_user_to_device GK_CAIRO_LIB (cairo_user_to_device)
#define cairo_user_to_device_distance GK_CAIRO_LIB (cairo_user_to_device_distance)

#define boxCreate GK_LEPT_LIB (boxCreate)
#define boxDestroy GK_LEPT_LIB (boxDestroy)
#define boxGetGeometry GK_LEPT_LIB (boxGetGeometry)
#define boxaAddBox GK_LEPT_LIB (boxaAddBox)
#define boxaCreate GK_LEPT_LIB (boxaCreate)
#define boxaDestroy GK_LEPT_LIB (boxaDestroy)
#define boxaGetBoxGeometry GK_LEPT_LIB (boxaGetBoxGeometry)
#define boxaGetCount GK_LEPT_LIB (boxaGetCount)
#define composeRGBPixel GK_LEPT_LIB (composeRGBPixel)
#define lept_free GK_LEPT_LIB (lept_free)
#define numaClipToInterval GK_LEPT_LIB (numaClipToInterval)
#define numaDestroy GK_LEPT_LIB (numaDestroy)
#define numaGetCount GK_LEPT_LIB (numaGetCount)
#define numaGetFValue GK_LEPT_LIB (numaGetFValue)
#define numaGetIValue GK_LEPT_LIB (numaGetIValue)
#define numaSplitDistribution GK_LEPT_LIB (numaSplitDistribution)
#define pixAddBorder GK_LEPT_LIB (pixAddBorder)
#define pixBackgroundNormSimple GK_LEPT_LIB (pixBackgroundNormSimple)
#define pixClearInRect GK_LEPT_LIB (pixClearInRect)
#define pixClipBoxToForeground GK_LEPT_LIB (pixClipBoxToForeground)
#define pixClipRectangle GK_LEPT_LIB (pixClipRectangle)
#define pixClone GK_LEPT_LIB (pixClone)
#define pixConnComp GK_LEPT_LIB (pixConnComp)
#define pixConnCompBB GK_LEPT_LIB (pixConnCompBB)
#define pixConvertTo8 GK_LEPT_LIB (pixConvertTo8)
#define pixCopy GK_LEPT_LIB (pixCopy)
#define pixCountConnComp GK_LEPT_LIB (pixCountConnComp)
#define pixCountPixelsByColumn GK_LEPT_LIB (pixCountPixelsByColumn)
#define pixCountPixelsByRow GK_LEPT_LIB (pixCountPixelsByRow)
#define pixCountPixelsInRect GK_LEPT_LIB (pixCountPixelsInRect)
#define pixCreate GK_LEPT_LIB (pixCreate)
#define pixDestroy GK_LEPT_LIB (pixDestroy)
#define pixDilateBrick GK_LEPT_LIB (pixDilateBrick)
#define pixFindSkewSweepAndSearch GK_LEPT_LIB (pixFindSkewSweepAndSearch)
#define pixGammaTRC GK_LEPT_LIB (pixGammaTRC)
#define pixGetGrayHistogram GK_LEPT_LIB (pixGetGrayHistogram)
#define pixGetData GK_LEPT_LIB (pixGetData)
#define pixGetDepth GK_LEPT_LIB (pixGetDepth)
#define pixGetHeight GK_LEPT_LIB (pixGetHeight)
#define pixGetPixel GK_LEPT_LIB (pixGetPixel)
#define pixGetRGBComponent GK_LEPT_LIB (pixGetRGBComponent)
#define pixGetWidth GK_LEPT_LIB (pixGetWidth)
#define pixGetWpl GK_LEPT_LIB (pixGetWpl)
#define pixHolesByFilling GK_LEPT_LIB (pixHolesByFilling)
#define pixMakeArbMaskFromRGB GK_LEPT_LIB (pixMakeArbMaskFromRGB)
#define pixOpenCompBrickDwa GK_LEPT_LIB (pixOpenCompBrickDwa)
#define pixOtsuAdaptiveThreshold GK_LEPT_LIB (pixOtsuAdaptiveThreshold)
#define pixRotate GK_LEPT_LIB (pixRotate)
#define pixSauvolaBinarizeTiled GK_LEPT_LIB (pixSauvolaBinarizeTiled)
#define pixScale GK_LEPT_LIB (pixScale)
#define pixScaleBySampling GK_LEPT_LIB (pixScaleBySampling)
#define pixScaleGrayLI GK_LEPT_LIB (pixScaleGrayLI)
#define pixSelectBySize GK_LEPT_LIB (pixSelectBySize)
#define pixSetColormap GK_LEPT_LIB (pixSetColormap)
#define pixSetMasked GK_LEPT_LIB (pixSetMasked)
#define pixSubtract GK_LEPT_LIB (pixSubtract)
#define pixThresholdToBinary GK_LEPT_LIB (pixThresholdToBinary)
#define pixUnsharpMaskingGray GK_LEPT_LIB (pixUnsharpMaskingGray)
#define pixWriteMemPng GK_LEPT_LIB (pixWriteMemPng)
#define pixZero GK_LEPT_LIB (pixZero)
#define pixcmapAddColor GK_LEPT_LIB (pixcmapAddColor)
#define pixcmapCreate GK_LEPT_LIB (pixcmapCreate)
#endif
