#pragma once
// The pack's four text faces loaded into a libharu document as embedded UTF-8 subsets.
#include "layout/page.hpp"
#include "pack/font_family.hpp"

#include <array>
#include <hpdf.h>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace bp::pack {

// The face a style is set in, named by the first style set in it: `style`, or the first style
// before it whose face `same(earlier, style)` finds to be the same (a family short of a style
// repeats a face, which is cut, loaded and embedded once).
template <class Same> int first_style_alike(int style, Same same) {
    for (int earlier = 0; earlier < style; ++earlier)
        if (same(earlier, style))
            return earlier;
    return style;
}

// Faces held in memory, by style (FontFaces::write_subsets cuts them); styles set in one face
// point at the same bytes, and the face is loaded once.
using FacesInMemory = std::array<const std::string*, layout::font_style_count>;

// Owns a libharu document; libharu reports errors through a callback, which this records
// instead of aborting.
class HaruDocument {
  public:
    HaruDocument();
    ~HaruDocument();
    HaruDocument(const HaruDocument&) = delete;
    HaruDocument& operator=(const HaruDocument&) = delete;

    HPDF_Doc get() const { return doc_; }
    bool failed() const { return error_ != 0; }
    std::string error_text() const;
    // Loads the fonts for any text; returns false (see error_text) when a face cannot be read.
    bool load_fonts(const FontFiles& files);
    // How a face's file goes into the document.
    enum class Embedding {
        rebuilt,  // libharu rebuilds the face from the glyphs drawn, table by table
        as_files, // the file as it is: faces already cut down to the characters drawn
                  // (FontFaces::write_subsets), which a rebuild would only copy at length
    };
    // The same for text known beforehand: each style draws only its `characters`, and the
    // fonts are made faster (see haru_font_maps.hpp).
    bool load_fonts(const FontFiles& files,
                    const std::set<char32_t> (&characters)[layout::font_style_count],
                    Embedding embedding = Embedding::rebuilt);
    bool load_fonts(const FacesInMemory& faces,
                    const std::set<char32_t> (&characters)[layout::font_style_count],
                    Embedding embedding = Embedding::as_files);
    // Loads the faces' definitions alone, without fonts: enough to measure text (a
    // character's width, the ascent and descent), at a fraction of the cost of a font for any
    // text, whose maps cover every code point of the Basic Multilingual Plane.
    bool load_definitions(const FontFiles& files);
    HPDF_Font font(layout::FontStyle style) const { return fonts_[static_cast<int>(style)]; }
    HPDF_FontDef definition(layout::FontStyle style) const {
        return definitions_[static_cast<int>(style)];
    }
    // Whether `font` is a Type0 font under the UTF-8 encoder whose face goes in as its file:
    // its text may be written without libharu measuring it (haru_text.hpp).
    bool embedded_as_file(HPDF_Font font) const;
    std::string save() const; // the document's bytes; empty on failure
    // Images already embedded, by file path, so a picture used twice is stored once.
    std::map<std::string, HPDF_Image> images;

  private:
    // Which style's face each style is set in: the first style set in the same face.
    using SharedFaces = std::array<int, layout::font_style_count>;
    // Loads each face once, `load` given the first style set in it and returning libharu's
    // name for the face (null on failure).
    template <class Load> bool load_definitions(const SharedFaces& shared, Load load);
    bool load_faces(const SharedFaces& shared, const std::set<char32_t>* characters,
                    Embedding embedding);
    // Has libharu embed the face of `definition` as its file is.
    void embed_as_file(const void* definition);
    static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);
    HPDF_Doc doc_ = nullptr;
    HPDF_STATUS error_ = 0;
    HPDF_STATUS detail_ = 0;
    HPDF_Font fonts_[layout::font_style_count] = {};
    HPDF_FontDef definitions_[layout::font_style_count] = {}; // load_definitions
    const char* face_names_[layout::font_style_count] = {};   // libharu's, by style
    std::vector<const void*> embedded_as_files_;              // their libharu font definitions
};

} // namespace bp::pack
