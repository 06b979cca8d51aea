#pragma once
// A subset face's character map, rewritten for libharu's look-up. libharu finds a character's
// glyph by walking the map's segments from the first, for every character of every text it
// writes or measures (and, for a face made for any text, for all 65,536 code points; see
// haru_font_maps.hpp). A subset's map holds a segment per run of consecutive characters: 15 to
// 20 for a page of English. The map written here holds the same characters in a few segments,
// the gaps between nearby characters mapped to no glyph, so each look-up stops after a few
// steps.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

struct hb_face_t; // HarfBuzz's, kept out of this header as out of every stage's
struct hb_set_t;

namespace bp::pack {

// A 'cmap' table with one Windows Unicode BMP subtable (format 4) mapping each character of
// `glyphs` to its glyph, and nothing else to any. Characters at most `max_gap` apart share a
// segment. Nothing when a character lies beyond the BMP, which format 4 cannot hold, or the
// subtable would outgrow its 16-bit length.
std::optional<std::string> compact_cmap(const std::map<char32_t, std::uint16_t>& glyphs,
                                        char32_t max_gap = 64);

// `subset` with its character map replaced by the compact one for the characters it maps of
// `characters`; a new reference to `subset` itself when that cannot be done.
hb_face_t* with_compact_cmap(hb_face_t* subset, const hb_set_t* characters);

} // namespace bp::pack
