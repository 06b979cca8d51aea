#pragma once
// Text measurement on the fonts the pack embeds, so line breaks match what is painted.
#include "layout/page.hpp"
#include "pack/font_faces.hpp"
#include "pack/haru_fonts.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    // Printable ASCII is never set in a fallback font, so its width is the sum of its
    // characters'.
    std::optional<double> quick_width(std::string_view text, layout::FontStyle style,
                                      double size) const override;
    // The width in the pack's own face alone, as libharu paints it.
    double bundled_width(const std::string& utf8, layout::FontStyle style, double size) const;
    double ascent(layout::FontStyle style) const override;
    double descent(layout::FontStyle style) const override;

  private:
    // A character's width in thousandths of an em, measured once. libharu finds each
    // character's glyph by a search through the face's character map, and a pack measures
    // the same few hundred characters hundreds of thousands of times.
    std::uint32_t character_width(char32_t c, layout::FontStyle style) const;
    static constexpr std::uint32_t unmeasured = ~std::uint32_t{0};

    HaruDocument document_;
    const FontFaces* faces_ = nullptr;
    // By style, then character (the Basic Multilingual Plane: libharu's UTF-8 reaches no
    // further); filled as characters are met. A measurer belongs to one thread.
    mutable std::array<std::vector<std::uint32_t>, layout::font_style_count> widths_;
};

} // namespace bp::pack
