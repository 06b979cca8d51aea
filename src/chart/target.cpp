#include "chart/target.hpp"

#include "chart/chart_data.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>

namespace bp::chart {

namespace {

std::optional<double> usable(const std::optional<double>& value) {
    if (!value || !std::isfinite(*value) || std::fabs(*value) > largest_plotted_value) {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::optional<Target> target_of(const data::ChartSpec& spec) {
    const auto low = usable(spec.target_low);
    const auto high = usable(spec.target_high);
    if (!low && !high) {
        return std::nullopt;
    }
    const double a = low ? *low : *high;
    const double b = high ? *high : *low;
    return Target{std::min(a, b), std::max(a, b)};
}

std::string target_label(const Target& target, int decimals) {
    if (target.is_line()) {
        return "Target " + format_number(target.low, decimals);
    }
    return "Target " + format_number(target.low, decimals) + "\u2013" +
           format_number(target.high, decimals);
}

void draw_target_band_shape(const Canvas& canvas, const Rect& band) {
    const ChartStyle& style = canvas.style();
    canvas.fill_rect(band, style.target_fill);
    canvas.line(band.x, band.y, band.right(), band.y, style.target_edge, 0.6);
    canvas.line(band.x, band.bottom(), band.right(), band.bottom(), style.target_edge, 0.6);
}

void draw_target_line_shape(const Canvas& canvas, double x0, double x1, double y) {
    canvas.pen().set_dash({3, 2});
    canvas.line(x0, y, x1, y, canvas.style().target_edge, 1.1);
    canvas.pen().set_dash({});
}

} // namespace bp::chart
