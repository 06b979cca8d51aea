#include "core/svg_library.hpp"

#include <dlfcn.h>

namespace bp {

namespace {

// librsvg's ABI name: version 2 of the API, the one <librsvg/rsvg.h> declares (package
// librsvg2-2 on Debian).
constexpr const char* library_file = "librsvg-2.so.2";

struct Loaded {
    SvgLibrary functions;
    std::string error; // empty when every function was found
};

template <typename Function>
bool find(void* library, const char* name, Function& function, std::string& error) {
    function = reinterpret_cast<Function>(::dlsym(library, name));
    if (!function)
        error = std::string(library_file) + " has no function " + name;
    return function != nullptr;
}

Loaded load() {
    Loaded loaded;
    // Never closed: handles and errors it made may outlive any one caller.
    void* library = ::dlopen(library_file, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char* why = ::dlerror();
        loaded.error = std::string("librsvg (") + library_file +
                       ") could not be loaded: " + (why ? why : "no reason given");
        return loaded;
    }
    SvgLibrary& f = loaded.functions;
    std::string& error = loaded.error;
    // dlsym looks in the library and in the libraries it brings, GObject and GLib among them.
    // The first function missing stops the search, and names itself in `error`.
    find(library, "rsvg_handle_new_from_data", f.handle_new_from_data, error) &&
        find(library, "rsvg_handle_get_intrinsic_size_in_pixels", f.get_intrinsic_size_in_pixels,
             error) &&
        find(library, "rsvg_handle_get_intrinsic_dimensions", f.get_intrinsic_dimensions, error) &&
        find(library, "rsvg_handle_render_document", f.render_document, error) &&
        find(library, "g_object_unref", f.object_unref, error) &&
        find(library, "g_error_free", f.error_free, error);
    return loaded;
}

} // namespace

const SvgLibrary* svg_library(std::string& error) {
    static const Loaded loaded = load();
    if (!loaded.error.empty()) {
        error = loaded.error;
        return nullptr;
    }
    return &loaded.functions;
}

} // namespace bp
