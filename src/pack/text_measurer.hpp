#pragma once
// Text measurement on the fonts the pack embeds, so line breaks match what is painted.
#include "layout/page.hpp"
#include "pack/font_faces.hpp"
#include "pack/haru_fonts.hpp"

#include <memory>
#include <string>

namespace bp::pack {

class HaruTextMeasurer : public layout::TextMeasurer {
  public:
    // Returns nothing when the fonts cannot be loaded.
    static std::unique_ptr<HaruTextMeasurer> open(const FontFiles& files);
    // One measurer per thread and set of faces, kept for the packs the thread builds next:
    // loading the whole faces costs more than measuring a long pack. (libharu's UTF-8
    // decoder keeps state, so a measurer is never shared between threads.)
    static const HaruTextMeasurer* for_this_thread(const FontFiles& files);

    // Characters the pack's faces lack are measured in the installed font that will draw them.
    double width(const std::string& utf8, layout::FontStyle style, double size) const override;
    // The width in the pack's own face alone, as libharu paints it.
    double bundled_width(const std::string& utf8, layout::FontStyle style, double size) const;
    double ascent(layout::FontStyle style) const override;
    double descent(layout::FontStyle style) const override;

  private:
    HaruDocument document_;
    const FontFaces* faces_ = nullptr;
};

} // namespace bp::pack
