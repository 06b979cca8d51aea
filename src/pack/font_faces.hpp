#pragma once
// The pack's four text faces as HarfBuzz sees them: which characters each can draw, and
// copies cut down to the characters a pack paints, written where libharu can load them.
#include "layout/page.hpp"
#include "pack/composed_pack.hpp"
#include "pack/font_family.hpp"

#include <memory>
#include <string>

namespace bp::pack {

// A private folder holding subset faces; removed when dropped.
class SubsetFontFolder {
  public:
    SubsetFontFolder() = default;
    ~SubsetFontFolder();
    SubsetFontFolder(SubsetFontFolder&& other) noexcept;
    SubsetFontFolder& operator=(SubsetFontFolder&& other) noexcept;
    const std::string& path() const { return path_; }
    // The subset faces' files, by style.
    const FontFiles& files() const { return files_; }

  private:
    friend class FontFaces;
    std::string path_;
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
    // Returns an empty folder path and sets `error` on failure.
    SubsetFontFolder write_subsets(const UsedGlyphs& glyphs, std::string& error) const;

  private:
    FontFaces() = default;
    // The first style whose face comes from the same file as `style`'s.
    int first_style_of_file(int style) const;
    // Whether any style drawn from the file `first_style` heads has characters painted.
    bool file_in_use(int first_style, const UsedGlyphs& glyphs) const;
    // Cuts `style`'s face to the characters of every style it stands for, written to `path`.
    bool write_subset(int style, const UsedGlyphs& glyphs, const std::string& path,
                      std::string& error) const;
    struct Face;
    FontFiles files_;
    std::unique_ptr<Face> faces_[4];
};

} // namespace bp::pack
