#pragma once
// UTF-8 as the embedded fonts can show it: libharu's UTF-8 encoder handles the Basic
// Multilingual Plane only.
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace bp::pack {

// Decodes UTF-8 leniently: invalid bytes and characters beyond U+FFFF become U+FFFD, and
// control characters become spaces.
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);
// As decode_utf8, but characters beyond U+FFFF are kept (for fonts other than libharu's).
std::u32string decode_utf8_all(std::string_view text);
// The text with every character libharu cannot encode replaced, as above, and characters
// the faces lack replaced by their substitutes.
std::string printable_text(std::string_view text);
// The character printed in place of one the bundled faces lack, when an obvious one exists
// (U+2212 minus sign: en dash); otherwise `c` itself.
char32_t substitute_character(char32_t c);

// The characters of printable texts (printable_text), gathered a bit a character: a pack's
// runs name the same few hundred characters again and again, and a set looked up for each
// of them cost more than the rest of the gathering.
class CodePoints {
  public:
    void add(std::string_view printable);
    std::set<char32_t> in_order() const;

  private:
    void mark(char32_t c) { bits_[c >> 6] |= std::uint64_t{1} << (c & 63); }
    // Printable text holds the Basic Multilingual Plane only.
    std::array<std::uint64_t, 0x10000 / 64> bits_{};
};

} // namespace bp::pack
