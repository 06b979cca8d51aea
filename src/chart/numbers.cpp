#include "chart/numbers.hpp"

#include <algorithm>
#include <cmath>

namespace bp::chart {

int decimals_needed(const std::vector<double>& values) {
    for (int decimals = 0; decimals < 2; ++decimals) {
        const double factor = std::pow(10.0, decimals);
        const bool exact = std::all_of(values.begin(), values.end(), [&](double value) {
            const double scaled = value * factor;
            return std::fabs(scaled - std::round(scaled)) <=
                   1e-6 * std::max(1.0, std::fabs(scaled));
        });
        if (exact) {
            return decimals;
        }
    }
    return 2;
}

} // namespace bp::chart
