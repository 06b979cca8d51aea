#pragma once
// Cairo font faces for font files, loaded through FreeType once per file and shared by every
// thread for the life of the process.
#include <cairo.h>
#include <string>

namespace bp::chart {

// A borrowed face (never destroy it), or nullptr when the file cannot be read as a font.
// `index`: the face within a font collection.
cairo_font_face_t* font_face_for_file(const std::string& path, int index = 0);

// True when `face` (one from font_face_for_file) has a glyph for `c`.
bool face_has_character(cairo_font_face_t* face, char32_t c);

// A face of an installed font that has `c` (chart/installed_fonts.hpp), or nullptr.
cairo_font_face_t* fallback_face_for(char32_t c);

} // namespace bp::chart
