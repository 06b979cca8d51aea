// Comparator series (a family group, London, England & Wales): a dark dash-dot line with its
// own markers over the chart's bars or lines, so it reads as a reference, not a year.
#include "chart/kinds.hpp"
#include "chart/vertical_frame.hpp"

namespace bp::chart {

SeriesLook comparator_look(const ChartStyle& style, std::size_t index) {
    static const Marker markers[] = {Marker::diamond, Marker::triangle, Marker::square};
    static const std::vector<double> dashes[] = {{6, 2, 1.2, 2}, {1.2, 2}, {4.5, 2.5}};
    SeriesLook look;
    look.colour = style.muted_text;
    look.fill = style.muted_text;
    look.marker = markers[index % 3];
    look.dash = dashes[index % 3];
    return look;
}

void draw_comparator_lines(const Canvas& canvas, const ChartInput& input,
                           const VerticalFrame& frame) {
    for (std::size_t c = 0; c < input.data.comparators.size(); ++c) {
        const SeriesLook look = comparator_look(canvas.style(), c);
        const auto& values = input.data.comparators[c].values;
        std::vector<PlotPoint> points;
        for (std::size_t i = 0; i < frame.slots && i < values.size(); ++i)
            points.push_back({frame.slot_centre(i), values[i] ? frame.y_of(*values[i]) : 0,
                              values[i].has_value()});
        draw_series_line(canvas, points, look, canvas.style().line_width);
        for (const auto& point : points)
            if (point.present)
                draw_marker(canvas, point.x, point.y, canvas.style().marker_radius * 0.85, look);
    }
}

} // namespace bp::chart
