#include "chart/kinds.hpp"

#include <algorithm>

namespace bp::chart {

namespace {

struct SparkScale {
    Rect box;
    double low = 0, high = 1;
    std::size_t count = 0;

    double x_of(std::size_t i) const {
        if (count < 2) {
            return box.x + box.width / 2;
        }
        return box.x + box.width * static_cast<double>(i) / static_cast<double>(count - 1);
    }
    double y_of(double value) const {
        if (high <= low) {
            return box.y + box.height / 2;
        }
        return box.bottom() - (value - low) / (high - low) * box.height;
    }
};

} // namespace

// A word-sized line: no axes, no labels; the latest figure is marked with a dot.
void draw_sparkline(const Canvas& canvas, const ChartInput& input) {
    const ChartStyle& style = canvas.style();
    const double dot = std::clamp(input.area.height / 8, 1.2, 2.5);
    const double inset = dot + 0.75;
    SparkScale scale;
    scale.box = {input.area.x + inset, input.area.y + inset, input.area.width - 2 * inset,
                 input.area.height - 2 * inset};
    scale.count = input.data.categories.size();
    cover_values(input, false, scale.low, scale.high);
    if (input.target && !input.target->is_line()) {
        const double top = scale.y_of(input.target->high);
        canvas.fill_rect({input.area.x, top, input.area.width, scale.y_of(input.target->low) - top},
                         style.target_fill);
    }
    const auto& series = input.data.series;
    for (std::size_t s = 0; s < series.size(); ++s) {
        const bool current = s + 1 == series.size();
        SeriesLook look = series_look(style, s, series.size());
        if (!current) {
            look.colour = style.context_line; // earlier periods are context only
        }
        std::vector<PlotPoint> points;
        for (std::size_t i = 0; i < scale.count; ++i) {
            const auto& value = series[s].values[i];
            points.push_back({scale.x_of(i), value ? scale.y_of(*value) : 0, value.has_value()});
        }
        draw_series_line(canvas, points, look, current ? 1.1 : 0.8);
        if (!current) {
            continue;
        }
        for (std::size_t i = points.size(); i-- > 0;) {
            if (points[i].present) {
                canvas.set_colour(look.colour);
                canvas.pen().circle(points[i].x, points[i].y, dot);
                canvas.pen().fill();
                break;
            }
        }
    }
}

} // namespace bp::chart
