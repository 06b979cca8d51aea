#pragma once
// Paints pages of positioned boxes onto libharu pages.
#include "pack/composed_pack.hpp"
#include "pack/haru_fonts.hpp"

#include <string>

namespace bp::pack {

// Paints every page of `pack` into `document` (whose fonts are loaded) and adds the links
// between pages. Records the characters painted in each face.
void paint_pages(HaruDocument& document, const ComposedPack& pack, UsedGlyphs& glyphs);

} // namespace bp::pack
