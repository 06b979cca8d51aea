#pragma once
// Value axes with "nice" ticks: steps of 1, 2 or 5 times a power of ten.
#include <vector>

namespace bp::chart {

struct AxisScale {
    double low = 0;
    double high = 1;
    double step = 1;
    int decimals = 0; // enough to print every tick
    std::vector<double> ticks;

    // 0 at `low`, 1 at `high`.
    double fraction(double value) const { return (value - low) / (high - low); }
};

// The smallest nice range holding [low, high] with at most about `max_ticks` intervals.
// Whole-number data never gets fractional steps. A zero-width range is widened.
AxisScale nice_scale(double low, double high, int max_ticks, bool whole_numbers);

} // namespace bp::chart
