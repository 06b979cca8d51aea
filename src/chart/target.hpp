#pragma once
// A spec's target drawn behind the data: a shaded band between two values, or a dashed line
// when both ends are the same. It is named in the legend ("Target 40–60").
#include "chart/canvas.hpp"
#include "data/chart_spec.hpp"

#include <optional>
#include <string>

namespace bp::chart {

struct Target {
    double low = 0;
    double high = 0;
    bool is_line() const { return low == high; }
};

// The usable target, if any: non-finite ends are ignored, a single end makes a line, and
// reversed ends are put in order.
std::optional<Target> target_of(const data::ChartSpec& spec);
std::string target_label(const Target& target, int decimals);

void draw_target_band_shape(const Canvas& canvas, const Rect& band);
void draw_target_line_shape(const Canvas& canvas, double x0, double x1, double y);

} // namespace bp::chart
