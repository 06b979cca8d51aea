#pragma once
// librsvg, opened the first time an SVG image is read rather than when boardpack starts.
// Linked, it loaded itself and the eighteen libraries it brings (GIO, Pango, ICU, libxml2 …)
// into every process: a third of the 42 ms boardpack took to start, paid by every build, check
// and rebuild, where most sites have no SVG images at all.
#include <librsvg/rsvg.h>
#include <string>

namespace bp {

// The functions boardpack calls, as found in the library.
struct SvgLibrary {
    RsvgHandle* (*handle_new_from_data)(const guint8*, gsize, GError**) = nullptr;
    gboolean (*get_intrinsic_size_in_pixels)(RsvgHandle*, gdouble*, gdouble*) = nullptr;
    void (*get_intrinsic_dimensions)(RsvgHandle*, gboolean*, RsvgLength*, gboolean*, RsvgLength*,
                                     gboolean*, RsvgRectangle*) = nullptr;
    gboolean (*render_document)(RsvgHandle*, cairo_t*, const RsvgRectangle*, GError**) = nullptr;
    void (*object_unref)(gpointer) = nullptr; // GObject's, which librsvg brings
    void (*error_free)(GError*) = nullptr;    // GLib's
};

// Opens the library once per process (thread-safe). Null when it cannot be opened or lacks a
// function, with `error` saying why in words (the library's file and what the loader said).
const SvgLibrary* svg_library(std::string& error);

} // namespace bp
