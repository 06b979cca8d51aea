#include "chart/font.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <cairo-ft.h>
#include <map>
#include <mutex>

namespace bp::chart {

namespace {

// FreeType allows one library to be shared between threads as long as face creation and
// destruction are serialised; Cairo serialises glyph loading on each face with its own lock.
// Faces are kept until exit because Cairo's font caches may hold them past any one chart.
struct FaceCache {
    std::mutex mutex;
    FT_Library library = nullptr;
    bool library_failed = false;
    std::map<std::string, cairo_font_face_t*> faces;
};

FaceCache& face_cache() {
    static FaceCache* cache = new FaceCache; // deliberately never destroyed, see above
    return *cache;
}

const cairo_user_data_key_t ft_face_key{};

void done_ft_face(void* face) {
    FT_Done_Face(static_cast<FT_Face>(face));
}

cairo_font_face_t* load_face(FT_Library library, const std::string& path) {
    FT_Face ft_face = nullptr;
    if (FT_New_Face(library, path.c_str(), 0, &ft_face) != 0) {
        return nullptr;
    }
    cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(ft_face, FT_LOAD_NO_HINTING);
    if (cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS ||
        cairo_font_face_set_user_data(face, &ft_face_key, ft_face, done_ft_face) !=
            CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(face);
        FT_Done_Face(ft_face);
        return nullptr;
    }
    return face;
}

} // namespace

cairo_font_face_t* font_face_for_file(const std::string& path) {
    FaceCache& cache = face_cache();
    std::lock_guard lock(cache.mutex);
    if (auto found = cache.faces.find(path); found != cache.faces.end()) {
        return found->second;
    }
    if (!cache.library && !cache.library_failed) {
        cache.library_failed = FT_Init_FreeType(&cache.library) != 0;
    }
    cairo_font_face_t* face = cache.library ? load_face(cache.library, path) : nullptr;
    cache.faces.emplace(path, face); // failures are remembered too, so a bad path costs once
    return face;
}

} // namespace bp::chart
