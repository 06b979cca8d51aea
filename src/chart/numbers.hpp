#pragma once
// How many decimals a chart's figures need; printing itself is bp::format_number.
#include <vector>

namespace bp::chart {

// The fewest decimals (0–2) that print every value exactly: {1, 2.5} -> 1.
int decimals_needed(const std::vector<double>& values);

} // namespace bp::chart
