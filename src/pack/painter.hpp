#pragma once
// Paints pages of positioned boxes onto libharu pages.
#include "pack/composed_pack.hpp"
#include "pack/font_faces.hpp"
#include "pack/haru_fonts.hpp"

#include <string>

namespace bp::pack {

// Paints every page of `pack` into `document` (whose fonts are loaded) and adds the links
// between pages; runs split by collect_used_glyphs are painted as their bundled pieces.
void paint_pages(HaruDocument& document, const ComposedPack& pack, const UsedGlyphs& glyphs);

// The characters `pack` paints in each face, as libharu will be given them, with the runs
// that need other installed fonts split into pieces.
UsedGlyphs collect_used_glyphs(const ComposedPack& pack, const FontFaces& faces);

// Paints `pack` in a new document set in `faces`, files that hold every character `glyphs`
// paints. Returns libharu's bytes, or empty bytes and the reason in `error`.
std::string paint_with_faces(const ComposedPack& pack, const FacesInMemory& faces,
                             const UsedGlyphs& glyphs, std::string& error);

// The same in faces cut down to `glyphs`, the characters `pack` paints.
std::string paint_with_font_subsets(const ComposedPack& pack, const FontFaces& faces,
                                    const UsedGlyphs& glyphs, std::string& error);

} // namespace bp::pack
