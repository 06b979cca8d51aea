#pragma once
// The pack's four text faces as HarfBuzz sees them: which characters each can draw, and
// copies cut down to the characters a pack paints, written where libharu can load them.
#include "layout/page.hpp"
#include "pack/composed_pack.hpp"
#include "pack/font_family.hpp"

#include <memory>
#include <string>
#include <vector>

namespace bp::pack {

// Subset faces held in anonymous in-memory files (memfd), which libharu opens by their
// /proc/self/fd paths: nothing touches the disk, and nothing is left behind if the process is
// killed mid-pack. The files close when this is dropped.
class SubsetFonts {
  public:
    SubsetFonts() = default;
    ~SubsetFonts();
    SubsetFonts(SubsetFonts&& other) noexcept;
    SubsetFonts& operator=(SubsetFonts&& other) noexcept;
    // False when the subsets could not be written (the reason is in write_subsets' `error`).
    bool written() const { return !descriptors_.empty(); }
    // The subset faces' paths, by style.
    const FontFiles& files() const { return files_; }

  private:
    friend class FontFaces;
    std::vector<int> descriptors_;
    FontFiles files_;
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
    // Writes each face cut down to the characters painted in it (the subsets keep every
    // retained glyph's metrics, so text measured on the full faces lays out the same). A style
    // nothing is painted in gets the path of the first subset written, and no file of its own.
    // Returns subsets that are not written() and sets `error` on failure.
    SubsetFonts write_subsets(const UsedGlyphs& glyphs, std::string& error) const;

  private:
    FontFaces() = default;
    // The first style whose face comes from the same file as `style`'s.
    int first_style_of_file(int style) const;
    // Whether any style drawn from the file `first_style` heads has characters painted.
    bool file_in_use(int first_style, const UsedGlyphs& glyphs) const;
    // Cuts `style`'s face to the characters of every style it stands for, written to the
    // in-memory file `descriptor`.
    bool write_subset(int style, const UsedGlyphs& glyphs, int descriptor,
                      std::string& error) const;
    struct Face;
    FontFiles files_;
    std::unique_ptr<Face> faces_[4];
};

} // namespace bp::pack
