#pragma once
// Plain text broken into lines by the same line breaker as the papers, for the pages the pack
// sets itself (front sheet, membership, contents, title blocks, stamps), so a break or a
// hyphen falls in the same place wherever the text is set.
#include "layout/page.hpp"
#include "layout/width_cache.hpp"

#include <string>
#include <vector>

namespace bp::layout {

// The lines of `text` in one face and size within `width`; empty for blank text.
std::vector<std::string> wrap_text(WidthCache& widths, const std::string& text, FontStyle style,
                                   double size, double width);
std::vector<std::string> wrap_text(const TextMeasurer& measurer, const std::string& text,
                                   FontStyle style, double size, double width);

} // namespace bp::layout
