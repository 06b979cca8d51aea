#include "pack/text_measurer.hpp"

#include "pack/fallback_fonts.hpp"
#include "pack/utf8.hpp"

#include <map>

namespace bp::pack {

std::unique_ptr<HaruTextMeasurer> HaruTextMeasurer::open(const FontFiles& files) {
    auto measurer = std::unique_ptr<HaruTextMeasurer>(new HaruTextMeasurer());
    if (!measurer->document_.load_fonts(files))
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

double HaruTextMeasurer::bundled_width(const std::string& utf8, layout::FontStyle style,
                                       double size) const {
    if (utf8.empty())
        return 0;
    std::string text = printable_text(utf8);
    HPDF_TextWidth measured =
        HPDF_Font_TextWidth(document_.font(style), reinterpret_cast<const HPDF_BYTE*>(text.data()),
                            static_cast<HPDF_UINT>(text.size()));
    return measured.width * size / 1000.0;
}

double HaruTextMeasurer::ascent(layout::FontStyle style) const {
    return HPDF_Font_GetAscent(document_.font(style)) / 1000.0;
}

double HaruTextMeasurer::descent(layout::FontStyle style) const {
    return -HPDF_Font_GetDescent(document_.font(style)) / 1000.0;
}

} // namespace bp::pack
