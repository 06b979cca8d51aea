#include "layout/direction.hpp"

#include "core/text.hpp"

namespace bp::layout {

namespace {

bool in(char32_t c, char32_t first, char32_t last) {
    return c >= first && c <= last;
}

// Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, the Arabic supplements and
// presentation forms, and the historic right-to-left scripts beyond the first plane.
bool is_right_to_left_letter(char32_t c) {
    return in(c, 0x0590, 0x08FF) || in(c, 0xFB1D, 0xFDFF) || in(c, 0xFE70, 0xFEFF) ||
           in(c, 0x10800, 0x10FFF) || in(c, 0x1E800, 0x1EFFF);
}

// Letters of left-to-right scripts: Latin, Greek, Cyrillic, the Indic scripts, CJK and the
// rest, told apart from neutrals by lying outside the punctuation, symbol and digit blocks.
bool is_left_to_right_letter(char32_t c) {
    if (c < 0x80)
        return in(c, 'A', 'Z') || in(c, 'a', 'z');
    bool neutral = in(c, 0x80, 0xBF) || c == 0xD7 || c == 0xF7 || in(c, 0x2000, 0x2BFF) ||
                   in(c, 0x3000, 0x303F) || in(c, 0xFE00, 0xFE6F) || in(c, 0xFF00, 0xFF20) ||
                   in(c, 0x1F000, 0x1FAFF);
    return !neutral && !is_right_to_left_letter(c);
}

} // namespace

bool reads_right_to_left(std::string_view utf8) {
    std::size_t at = 0;
    while (at < utf8.size()) {
        char32_t c = next_code_point(utf8, at);
        if (is_right_to_left_letter(c))
            return true;
        if (is_left_to_right_letter(c))
            return false;
    }
    return false;
}

} // namespace bp::layout
