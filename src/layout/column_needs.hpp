#pragma once
// What text asks of a table column: its longest unbreakable piece, its hyphenated pieces and
// its width on one line. Papers' tables and the pack's own tables (front sheet, membership)
// measure their cells here, so both size their columns by one rule.
#include "layout/inline_flow.hpp"
#include "layout/table_columns.hpp"
#include "layout/width_cache.hpp"

#include <string>

namespace bp::layout {

// The needs of one cell's flowed text, without padding. `known` is what the column needs
// already: words no wider than it are not broken into pieces again.
ColumnNeed flow_need(const InlineFlow& flow, WidthCache& widths, ColumnNeed known = {});

// The needs of plain text in one face and size.
ColumnNeed text_need(WidthCache& widths, const std::string& text, FontStyle style, double size);

} // namespace bp::layout
