#pragma once
// Greedy ragged-right line breaking: fills each line with as many words as fit and never lets
// a line run past the measure, except when a single character is wider than the measure. In a
// narrow measure (a table cell) a word is hyphenated to fill the line before it only when
// that makes fewer lines than moving it down whole.
#include "layout/inline_flow.hpp"

#include <vector>

namespace bp::layout {

struct LineBox {
    std::vector<TextRun> runs; // x from the line's start, baseline from the line's top
    double width = 0;          // of the text, without trailing space
    double height = 0;
    double baseline = 0;
};

struct LineMetrics {
    double size = 10;      // the block's body size: sets the minimum line height
    double leading = 1.35; // line height as a multiple of the size
};

std::vector<LineBox> break_lines(const InlineFlow& flow, double measure, const LineMetrics& metrics,
                                 WidthCache& widths);

} // namespace bp::layout
