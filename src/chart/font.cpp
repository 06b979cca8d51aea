#include "chart/font.hpp"

#include "chart/installed_fonts.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <cairo-ft.h>
#include <map>
#include <mutex>
#include <optional>

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
    std::map<std::pair<cairo_font_face_t*, char32_t>, bool> has_character;
    std::map<char32_t, cairo_font_face_t*> fallbacks;
};

FaceCache& face_cache() {
    static FaceCache* cache = new FaceCache; // deliberately never destroyed, see above
    return *cache;
}

const cairo_user_data_key_t ft_face_key{};

void done_ft_face(void* face) {
    FT_Done_Face(static_cast<FT_Face>(face));
}

cairo_font_face_t* load_face(FT_Library library, const std::string& path, int index) {
    FT_Face ft_face = nullptr;
    if (FT_New_Face(library, path.c_str(), index, &ft_face) != 0) {
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

cairo_font_face_t* face_locked(FaceCache& cache, const std::string& path, int index) {
    std::string key = index == 0 ? path : path + "#" + std::to_string(index);
    if (auto found = cache.faces.find(key); found != cache.faces.end()) {
        return found->second;
    }
    if (!cache.library && !cache.library_failed) {
        cache.library_failed = FT_Init_FreeType(&cache.library) != 0;
    }
    cairo_font_face_t* face = cache.library ? load_face(cache.library, path, index) : nullptr;
    cache.faces.emplace(key, face); // failures are remembered too, so a bad path costs once
    return face;
}

} // namespace

cairo_font_face_t* font_face_for_file(const std::string& path, int index) {
    FaceCache& cache = face_cache();
    std::lock_guard lock(cache.mutex);
    return face_locked(cache, path, index);
}

bool face_has_character(cairo_font_face_t* face, char32_t c) {
    if (!face) {
        return false;
    }
    FaceCache& cache = face_cache();
    // FreeType faces are not to be read from two threads at once; the cache lock serialises.
    std::lock_guard lock(cache.mutex);
    auto [known, fresh] = cache.has_character.try_emplace({face, c}, false);
    if (fresh) {
        auto* ft_face = static_cast<FT_Face>(cairo_font_face_get_user_data(face, &ft_face_key));
        known->second = ft_face && FT_Get_Char_Index(ft_face, c) != 0;
    }
    return known->second;
}

cairo_font_face_t* fallback_face_for(char32_t c) {
    FaceCache& cache = face_cache();
    {
        std::lock_guard lock(cache.mutex);
        if (auto found = cache.fallbacks.find(c); found != cache.fallbacks.end()) {
            return found->second;
        }
    }
    std::optional<FontFile> file = installed_font_for(c); // fontconfig locks for itself
    std::lock_guard lock(cache.mutex);
    cairo_font_face_t* face = file ? face_locked(cache, file->path, file->index) : nullptr;
    cache.fallbacks.emplace(c, face);
    return face;
}

} // namespace bp::chart
