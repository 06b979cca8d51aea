#pragma once
// A pack's own text fonts, read back from its PDF, so that pages painted for it later (an
// archive's contents, in front of its first pack) are set in them: the same font objects, not
// a second cut of each face with its maps, compressed and written again. A pack's text is set
// in CIDs that are its characters' code points (haru_fonts.hpp), so a page painted with the
// pack's face file shows the same text through the pack's fonts, wherever their widths and
// maps hold every character the page paints; a style they fall short in gets a cut of its own.
#include "pack/composed_pack.hpp"
#include "pack/font_faces.hpp"
#include "pack/haru_fonts.hpp"

#include <optional>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <string>
#include <vector>

namespace bp::pack {

struct PackFaces {
    // The pack's font for each style it covers; left uninitialised for the others.
    QPDFObjectHandle fonts[layout::font_style_count];
    // The face file each of those fonts embeds, held by the first style set in it.
    std::string files[layout::font_style_count];
    int file_of[layout::font_style_count] = {0, 1, 2, 3};
    bool covers(int style) const { return fonts[style].isInitialized(); }
};

// The fonts of `pack` for the characters `glyphs` paints in each style: the Type0 font on
// the pack's pages named for the style's face, where its widths cover every one of them (in
// every style set in that face). Nothing when no style is covered, or when `glyphs` sends
// text to other installed fonts.
std::optional<PackFaces> pack_faces_for(QPDF& pack, const UsedGlyphs& glyphs);

// The faces to paint `glyphs` in: the pack's files for the styles it covers, and subsets cut
// from `faces` for the others (held in `cut`). Nothing, with `error` set, when they cannot be
// cut.
std::optional<FacesInMemory> faces_to_paint(const PackFaces& in_pack, const FontFaces& faces,
                                            const UsedGlyphs& glyphs, SubsetFonts& cut,
                                            std::string& error);

// Takes the fonts of the styles `in_pack` covers off the resources of `pages` (painted in
// `document`), leaving each font's face name in its place, and drops them from `document`:
// copying the pages copies no such font, and nothing after (font maps, compression) works on
// them. False, with nothing changed, when a page has a font of a face `glyphs` does not name.
bool take_off_fonts(QPDF& document, const std::vector<QPDFPageObjectHelper>& pages,
                    const PackFaces& in_pack, const UsedGlyphs& glyphs);

// Puts the pack's fonts back on every page of `document` whose resources name one taken off
// by take_off_fonts (the pages copied into the pack's document).
void put_on_pack_fonts(QPDF& document, const PackFaces& in_pack, const UsedGlyphs& glyphs);

} // namespace bp::pack
