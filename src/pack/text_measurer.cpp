#include "pack/text_measurer.hpp"

#include "pack/fallback_fonts.hpp"
#include "pack/utf8.hpp"

#include <hpdf_fontdef.h>
#include <map>

namespace bp::pack {

std::unique_ptr<HaruTextMeasurer> HaruTextMeasurer::open(const FontFiles& files) {
    auto measurer = std::unique_ptr<HaruTextMeasurer>(new HaruTextMeasurer());
    if (!measurer->document_.load_definitions(files))
        return nullptr;
    measurer->faces_ = FontFaces::for_this_thread(files);
    return measurer;
}

const HaruTextMeasurer* HaruTextMeasurer::for_this_thread(const FontFiles& files) {
    thread_local std::map<std::string, std::unique_ptr<HaruTextMeasurer>> loaded;
    auto& measurer = loaded[files.key()];
    if (!measurer)
        measurer = open(files);
    return measurer.get();
}

double HaruTextMeasurer::width(const std::string& utf8, layout::FontStyle style,
                               double size) const {
    if (!faces_ || !needs_fallback(utf8, style, *faces_))
        return bundled_width(utf8, style, size);
    auto pieces =
        split_by_font(utf8, style, size, *faces_, FallbackFonts::for_this_thread(),
                      [&](const std::string& text) { return bundled_width(text, style, size); });
    return pieces.empty() ? 0 : pieces.back().x + pieces.back().width;
}

std::optional<double> HaruTextMeasurer::quick_width(std::string_view text, layout::FontStyle style,
                                                    double size) const {
    // As bundled_width() sums them, so the two agree to the last bit.
    std::uint64_t units = 0;
    for (char byte : text) {
        auto c = static_cast<unsigned char>(byte);
        if (c < 0x20 || c >= 0x7F) // decode_utf8() turns control characters into spaces
            return std::nullopt;
        units += character_width(c, style);
    }
    return static_cast<double>(units) * size / 1000.0;
}

double HaruTextMeasurer::bundled_width(const std::string& utf8, layout::FontStyle style,
                                       double size) const {
    // The characters printable_text() leaves, as libharu reads them back: it sums a width per
    // character, so the sum here is the same.
    std::uint64_t units = 0;
    for (char32_t c : decode_utf8(utf8))
        units += character_width(substitute_character(c), style);
    return static_cast<double>(units) * size / 1000.0;
}

std::uint32_t HaruTextMeasurer::character_width(char32_t c, layout::FontStyle style) const {
    std::vector<std::uint32_t>& widths = widths_[static_cast<int>(style)];
    if (widths.empty())
        widths.assign(0x10000, unmeasured);
    std::uint32_t& width = widths[c];
    if (width == unmeasured) // what HPDF_Font_TextWidth adds up for a TrueType face's font
        width =
            HPDF_TTFontDef_GetCharWidth(document_.definition(style), static_cast<HPDF_UINT16>(c));
    return width;
}

double HaruTextMeasurer::ascent(layout::FontStyle style) const {
    return document_.definition(style)->ascent / 1000.0; // as HPDF_Font_GetAscent reads it
}

double HaruTextMeasurer::descent(layout::FontStyle style) const {
    return -document_.definition(style)->descent / 1000.0;
}

} // namespace bp::pack
