#pragma once
// A chart spec's figures made safe to draw: one value slot per category in every series, and
// anything that cannot be plotted (NaN, infinity, absurdly large) turned into a gap.
#include "data/chart_spec.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bp::chart {

struct CleanSeries {
    std::string name;
    std::vector<std::optional<double>> values; // exactly one per category
};

struct ChartData {
    std::vector<std::string> categories;
    std::vector<CleanSeries> series;      // the chart's own series, the current period last
    std::vector<CleanSeries> comparators; // drawn as lines over them
    bool has_values = false;
    double min_value = 0; // over all present values; 0 when there are none
    double max_value = 0;
    bool whole_numbers = true;
    int decimals = 0; // for value labels
};

// Values beyond this magnitude are treated as gaps: they cannot be real indicator figures and
// would overflow the axis arithmetic.
inline constexpr double largest_plotted_value = 1e15;

ChartData clean_chart_data(const data::ChartSpec& spec);

} // namespace bp::chart
