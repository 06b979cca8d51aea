#pragma once
// The pack's four text faces as HarfBuzz sees them: which characters each can draw, and
// copies cut down to the characters a pack paints, held for libharu to load.
#include "layout/page.hpp"
#include "pack/composed_pack.hpp"
#include "pack/font_family.hpp"
#include "pack/haru_fonts.hpp"

#include <memory>
#include <string>
#include <vector>

namespace bp::pack {

// Subset faces held in memory, for libharu to load from there (HaruDocument::load_fonts): no
// file is written, opened or left behind, and nothing asks for /proc.
class SubsetFonts {
  public:
    // False when the subsets could not be cut (the reason is in write_subsets' `error`).
    bool written() const { return written_; }
    // Each style's face; styles set in one face point at the same bytes.
    FacesInMemory faces() const;

  private:
    friend class FontFaces;
    std::string bytes_[layout::font_style_count]; // by the first style set in each face
    int face_of_[layout::font_style_count] = {0, 1, 2, 3};
    bool written_ = false;
};

class FontFaces {
  public:
    // Returns nothing when a face is missing or unreadable.
    static std::unique_ptr<FontFaces> open(const FontFiles& files);
    // Faces kept for the packs this thread builds next.
    static const FontFaces* for_this_thread(const FontFiles& files);
    ~FontFaces();
    FontFaces(const FontFaces&) = delete;
    FontFaces& operator=(const FontFaces&) = delete;

    bool can_draw(layout::FontStyle style, char32_t c) const;
    const FontFiles& files() const { return files_; }
    // The face's PostScript name ("NotoSans-Bold"), which names its font in the PDF.
    const std::string& postscript_name(layout::FontStyle style) const;
    // Cuts each face down to the characters painted in it (the subsets keep every retained
    // glyph's metrics, so text measured on the full faces lays out the same). A style nothing
    // is painted in is given the first subset cut, and no face of its own.
    // Returns subsets that are not written() and sets `error` on failure.
    SubsetFonts write_subsets(const UsedGlyphs& glyphs, std::string& error) const;

  private:
    FontFaces() = default;
    // The first style whose face comes from the same file as `style`'s.
    int first_style_of_file(int style) const;
    // Whether any style drawn from the file `first_style` heads has characters painted.
    bool file_in_use(int first_style, const UsedGlyphs& glyphs) const;
    // `style`'s face cut to the characters of every style it stands for; empty on failure,
    // with `error` set.
    std::string cut_subset(int style, const UsedGlyphs& glyphs, std::string& error) const;
    struct Face;
    FontFiles files_;
    std::unique_ptr<Face> faces_[4];
};

} // namespace bp::pack
