#pragma once
// Column widths for tables, chosen from content the way browsers do for automatic tables.
#include <vector>

namespace bp::layout {

struct ColumnNeed {
    double minimum = 0; // the longest word (a web address by its longest part)
    double natural = 0; // the widest line left unbroken
    // The widest piece once long words are hyphenated: a column may shrink this far, below
    // its minimum, before any word is cut without a hyphen. Zero means the same as minimum.
    double hyphenated = 0;

    double floor() const { return hyphenated > 0 && hyphenated < minimum ? hyphenated : minimum; }
};

// Widths that sum to at most `available`: natural widths when they fit, else each column gets
// its minimum plus a share of the rest in proportion to how much more it would like. When the
// minimums do not fit, every column starts from its hyphenated floor and the rest is shared by
// how much wider each would like to be, so a column of figures keeps its width and a column
// of prose gets the room; when even the floors do not fit, they are scaled down.
std::vector<double> distribute_columns(const std::vector<ColumnNeed>& needs, double available,
                                       bool fill_measure);

// Moves width from one column to another, a step at a time, while that makes the table
// shorter, judged by the lines each cell's text would take (`cell_text[row][column]`: its
// width on one line; `padding`: a column's padding, both sides). No column goes below its
// floor, nor below its minimum when it started at or above it.
void balance_columns(std::vector<double>& widths, const std::vector<ColumnNeed>& needs,
                     const std::vector<std::vector<double>>& cell_text, double padding);

// The sum of the columns' hyphenated floors: wider than the measure means the table cannot be
// set at this size without cutting words.
double narrowest_width(const std::vector<ColumnNeed>& needs);

// Column by column, the larger of each need: tables of one kind share their widths.
std::vector<ColumnNeed> widest_needs(const std::vector<ColumnNeed>& a,
                                     const std::vector<ColumnNeed>& b);

} // namespace bp::layout
