#pragma once
// The frame for charts whose values run up the page: nice ticks with thin gridlines on the
// left, category labels along the bottom, a firmer line at zero.
#include "chart/axis_scale.hpp"
#include "chart/canvas.hpp"

#include <string>
#include <vector>

namespace bp::chart {

struct VerticalFrame {
    Rect area; // the plot with its labels; nothing is drawn outside it
    Rect plot;
    AxisScale scale;
    std::size_t slots = 0; // one per category, spread evenly

    double y_of(double value) const { return plot.bottom() - scale.fraction(value) * plot.height; }
    double slot_width() const { return slots ? plot.width / static_cast<double>(slots) : 0; }
    double slot_centre(std::size_t i) const {
        return plot.x + (static_cast<double>(i) + 0.5) * slot_width();
    }
};

struct ValueRange {
    double low = 0;
    double high = 0;
    bool whole_numbers = true;
    double headroom = 0;     // points kept clear above the highest value (for labels)
    double footroom = 0;     // points kept clear below the lowest value
    double right_margin = 0; // points kept clear right of the plot (for end labels)
};

// Lays out the frame inside `area` (which excludes the header).
VerticalFrame layout_vertical_frame(const Canvas& canvas, const Rect& area, const ValueRange& range,
                                    std::size_t slots);
void draw_value_gridlines(const Canvas& canvas, const VerticalFrame& frame);
// The firm line at zero, drawn over bars; a plain gridline at the foot when zero is off the scale.
void draw_baseline(const Canvas& canvas, const VerticalFrame& frame);
// Labels centred under each slot, thinned to every n-th so they never collide; the last
// category (the latest period) always keeps its label.
void draw_category_labels(const Canvas& canvas, const VerticalFrame& frame,
                          const std::vector<std::string>& categories);

} // namespace bp::chart

namespace bp::chart {
struct Target;
// The target band or line across the whole plot, clipped to it.
void draw_target(const Canvas& canvas, const VerticalFrame& frame, const Target& target);
} // namespace bp::chart
