#include "pack/utf8.hpp"

#include <bit>

namespace bp::pack {

namespace {
constexpr char32_t replacement = 0xFFFD;

char32_t displayable(char32_t c, bool all_planes) {
    if ((c > 0xFFFF && !all_planes) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return replacement;
    if (c < 0x20 || c == 0x7F)
        return U' ';
    return c;
}
} // namespace

char32_t substitute_character(char32_t c) {
    switch (c) {
    case 0x2212: // minus sign
        return 0x2013;
    default:
        return c;
    }
}

namespace {
std::u32string decode(std::string_view text, bool all_planes) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        unsigned char lead = static_cast<unsigned char>(text[i]);
        int extra = lead < 0x80         ? 0
                    : (lead >> 5) == 6  ? 1
                    : (lead >> 4) == 14 ? 2
                    : (lead >> 3) == 30 ? 3
                                        : -1;
        if (extra < 0 || i + extra >= text.size() + (extra == 0 ? 1 : 0)) {
            out.push_back(replacement);
            ++i;
            continue;
        }
        char32_t c = extra == 0 ? lead : lead & (0x3F >> extra);
        bool ok = true;
        for (int k = 1; k <= extra; ++k) {
            unsigned char next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                ok = false;
                break;
            }
            c = (c << 6) | (next & 0x3F);
        }
        if (!ok) {
            out.push_back(replacement);
            ++i;
            continue;
        }
        out.push_back(displayable(c, all_planes));
        i += extra + 1;
    }
    return out;
}

} // namespace

std::u32string decode_utf8(std::string_view text) {
    return decode(text, false);
}

std::u32string decode_utf8_all(std::string_view text) {
    return decode(text, true);
}

std::string encode_utf8(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::string printable_text(std::string_view text) {
    bool plain = true;
    for (char ch : text) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || c < 0x20 || c == 0x7F) {
            plain = false;
            break;
        }
    }
    if (plain)
        return std::string(text);
    std::u32string decoded = decode_utf8(text);
    for (char32_t& c : decoded)
        c = substitute_character(c);
    return encode_utf8(decoded);
}

void CodePoints::add(std::string_view printable) {
    for (std::size_t i = 0; i < printable.size(); ++i) {
        auto byte = static_cast<unsigned char>(printable[i]);
        if (byte >= 0x80) { // from the first character past ASCII on, decode the rest
            for (char32_t c : decode_utf8(printable.substr(i)))
                mark(c);
            return;
        }
        mark(displayable(byte, false)); // as decode_utf8 reads it: a control character is a space
    }
}

std::set<char32_t> CodePoints::in_order() const {
    std::set<char32_t> points;
    for (std::size_t word = 0; word < bits_.size(); ++word)
        for (std::uint64_t bits = bits_[word]; bits != 0; bits &= bits - 1)
            points.insert(points.end(), static_cast<char32_t>(word * 64 + std::countr_zero(bits)));
    return points;
}

} // namespace bp::pack
