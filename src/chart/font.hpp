#pragma once
// Cairo font faces for font files, loaded through FreeType once per file and shared by every
// thread for the life of the process.
#include <cairo.h>
#include <string>

namespace bp::chart {

// A borrowed face (never destroy it), or nullptr when the file cannot be read as a font.
cairo_font_face_t* font_face_for_file(const std::string& path);

} // namespace bp::chart
