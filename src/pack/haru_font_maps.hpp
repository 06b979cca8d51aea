#pragma once
// A face loaded into a libharu document for text whose characters are known beforehand.
//
// libharu writes a font's widths and its CIDToGIDMap (which glyph draws each character) when
// the font is first asked for. Under its UTF-8 encoder it looks up all 65,536 code points in
// the face's character map to do so, three calls each, whatever the document holds: half a
// millisecond a face, paid by every document, three faces each. Under a CMap encoder it
// looks up only the codes that encoder maps. The UTF-8 encoder keeps a CMap encoder's tables
// unused, so while the font is made it is given one mapping each known character to itself,
// and restored at once. The maps libharu writes then hold the same entries for the known
// characters and end after the last of them, where the post-pass trims them anyway
// (`repair_font_maps`); text is still written and measured through the UTF-8 encoder.
#include <hpdf.h>
#include <set>

namespace bp::pack {

// `font_name` (a face loaded into `document`) under the UTF-8 encoder, its maps made for
// `characters` alone: other characters drawn with it would show no glyph. Characters beyond
// U+FFFE, which the maps cannot end after, make it look up every code point as libharu does.
// Null when libharu fails (the document's error handler has the reason).
HPDF_Font font_for_characters(HPDF_Doc document, const char* font_name,
                              const std::set<char32_t>& characters);

} // namespace bp::pack
