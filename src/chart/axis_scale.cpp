#include "chart/axis_scale.hpp"

#include <algorithm>
#include <cmath>

namespace bp::chart {

namespace {

double nice_step(double range, int max_ticks) {
    const double raw = range / std::max(1, max_ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double multiple : {1.0, 2.0, 5.0, 10.0}) {
        if (multiple * magnitude >= raw * (1 - 1e-9)) {
            return multiple * magnitude;
        }
    }
    return 10 * magnitude;
}

int step_decimals(double step) {
    if (step >= 1) {
        return 0;
    }
    return static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
}

} // namespace

AxisScale nice_scale(double low, double high, int max_ticks, bool whole_numbers) {
    if (!std::isfinite(low) || !std::isfinite(high)) {
        low = 0;
        high = 1;
    }
    if (low > high) {
        std::swap(low, high);
    }
    if (high - low < 1e-12 * std::max(1.0, std::fabs(high))) {
        // All zeros: a short whole-number axis reads better than 0 and 1 alone.
        const double pad = low == 0 ? (whole_numbers ? 5 : 1) : std::fabs(low) * 0.1;
        low = low >= 0 && low - pad < 0 ? 0 : low - pad;
        high += pad;
    }
    AxisScale scale;
    scale.step = nice_step(high - low, max_ticks);
    if (whole_numbers) {
        scale.step = std::max(scale.step, 1.0);
    }
    const double first = std::floor(low / scale.step + 1e-9);
    const double last = std::max(std::ceil(high / scale.step - 1e-9), first + 1);
    scale.low = first * scale.step;
    scale.high = last * scale.step;
    scale.decimals = step_decimals(scale.step);
    // Counting in integers: near 1e15 a double step of ++i can stop changing the value.
    const auto intervals = static_cast<long long>(std::min(std::llround(last - first), 1000LL));
    for (long long k = 0; k <= intervals; ++k) {
        const double tick = (first + static_cast<double>(k)) * scale.step;
        scale.ticks.push_back(std::fabs(tick) < scale.step * 1e-9 ? 0.0 : tick);
    }
    return scale;
}

} // namespace bp::chart
