#include "layout/table_columns.hpp"

#include <algorithm>

namespace bp::layout {

std::vector<double> distribute_columns(const std::vector<ColumnNeed>& needs, double available,
                                       bool fill_measure) {
    std::vector<double> widths(needs.size(), 0);
    if (needs.empty())
        return widths;
    double total_min = 0, total_natural = 0;
    for (const auto& need : needs) {
        total_min += need.minimum;
        total_natural += std::max(need.natural, need.minimum);
    }
    if (total_natural <= available) {
        double extra = fill_measure ? available - total_natural : 0;
        for (std::size_t i = 0; i < needs.size(); ++i) {
            double natural = std::max(needs[i].natural, needs[i].minimum);
            double share = total_natural > 0 ? natural / total_natural
                                             : 1.0 / static_cast<double>(needs.size());
            widths[i] = natural + extra * share;
        }
        return widths;
    }
    if (total_min <= available) {
        double spare = available - total_min;
        double wanted = total_natural - total_min;
        for (std::size_t i = 0; i < needs.size(); ++i) {
            double want = std::max(needs[i].natural, needs[i].minimum) - needs[i].minimum;
            widths[i] = needs[i].minimum + (wanted > 0 ? spare * want / wanted : 0);
        }
        return widths;
    }
    // Even the longest words do not fit. Columns whose minimum is under an equal share keep it,
    // so one long URL cannot squeeze a column of figures to nothing; the others share the rest.
    double share = available / static_cast<double>(needs.size());
    double narrow_total = 0, wide_total = 0;
    for (const auto& need : needs)
        (need.minimum <= share ? narrow_total : wide_total) += need.minimum;
    double left = available - narrow_total;
    for (std::size_t i = 0; i < needs.size(); ++i) {
        const double minimum = needs[i].minimum;
        widths[i] = minimum <= share ? minimum : minimum * left / wide_total;
    }
    return widths;
}

} // namespace bp::layout
