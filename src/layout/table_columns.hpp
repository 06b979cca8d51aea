#pragma once
// Column widths for tables, chosen from content the way browsers do for automatic tables.
#include <vector>

namespace bp::layout {

struct ColumnNeed {
    double minimum = 0; // the longest word: narrower forces words apart
    double natural = 0; // the widest line left unbroken
};

// Widths that sum to at most `available`: natural widths when they fit, else each column gets
// its minimum plus a share of the rest in proportion to how much more it would like; when even
// the minimums do not fit, they are scaled down together.
std::vector<double> distribute_columns(const std::vector<ColumnNeed>& needs, double available,
                                       bool fill_measure);

} // namespace bp::layout
