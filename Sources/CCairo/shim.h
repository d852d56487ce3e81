// Shim header for Cairo (https://www.cairographics.org/) and Pango (https://docs.gtk.org/Pango/).
//
// Cairo draws (PDF, SVG and image surfaces); Pango lays out text through a private fontconfig
// configuration so that figures use the same fonts on every machine. All logic lives in
// InterlinkPlot; this header only gathers the C declarations and a few accessors Swift cannot
// express directly.
#ifndef INTERLINK_CCAIRO_SHIM_H
#define INTERLINK_CCAIRO_SHIM_H

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>

/// `PANGO_SCALE` as a function (the macro expands to an expression Swift does not import).
static inline int ccairo_pango_scale(void) { return PANGO_SCALE; }

/// `g_object_unref` with a typed-pointer-free signature.
static inline void ccairo_object_unref(void *object) { g_object_unref(object); }

/// `pango_version_string()` (the macro form of the version is not importable).
static inline const char *ccairo_pango_version(void) { return pango_version_string(); }

/// `cairo_version_string()`.
static inline const char *ccairo_cairo_version(void) { return cairo_version_string(); }

#endif
