#include "chart/chart_data.hpp"

#include "chart/numbers.hpp"

#include <algorithm>
#include <cmath>

namespace bp::chart {

namespace {

std::optional<double> plottable(const std::optional<double>& value) {
    if (!value || !std::isfinite(*value) || std::fabs(*value) > largest_plotted_value) {
        return std::nullopt;
    }
    return *value;
}

std::size_t category_count(const data::ChartSpec& spec) {
    std::size_t count = spec.categories.size();
    for (const auto& series : spec.series) {
        count = std::max(count, series.values.size());
    }
    return count;
}

} // namespace

ChartData clean_chart_data(const data::ChartSpec& spec) {
    ChartData chart;
    const std::size_t count = category_count(spec);
    chart.categories = spec.categories;
    chart.categories.resize(count);
    std::vector<double> present;
    for (const auto& series : spec.series) {
        CleanSeries clean{series.name, std::vector<std::optional<double>>(count)};
        for (std::size_t i = 0; i < series.values.size(); ++i) {
            clean.values[i] = plottable(series.values[i]);
            if (clean.values[i]) {
                present.push_back(*clean.values[i]);
            }
        }
        (series.comparator ? chart.comparators : chart.series).push_back(std::move(clean));
    }
    chart.has_values = !present.empty();
    if (chart.has_values) {
        chart.min_value = *std::min_element(present.begin(), present.end());
        chart.max_value = *std::max_element(present.begin(), present.end());
    }
    // Labels show figures as the indicator's tables do ("24.1", not "24.14").
    chart.decimals = spec.decimals && *spec.decimals >= 0 && *spec.decimals <= 3
                         ? *spec.decimals
                         : decimals_needed(present);
    chart.whole_numbers = chart.decimals == 0;
    return chart;
}

} // namespace bp::chart
