#include "chart/kinds.hpp"
#include "chart/vertical_frame.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace bp::chart {

namespace {

constexpr double label_gap = 2.5;

struct BarGeometry {
    std::size_t bar_series = 0; // series drawn as bars
    double group_width = 0;
    double bar_width = 0;
    double gap = 0;

    double bar_x(const VerticalFrame& frame, std::size_t category, std::size_t k) const {
        return frame.slot_centre(category) - group_width / 2 + static_cast<double>(k) * bar_width +
               gap / 2;
    }
};

BarGeometry bar_geometry(const VerticalFrame& frame, std::size_t bar_series) {
    BarGeometry geometry;
    geometry.bar_series = bar_series;
    if (bar_series == 0) {
        return geometry;
    }
    const double share = bar_series == 1 ? 0.6 : 0.8;
    const double max_bar = 40;
    geometry.group_width =
        std::min(frame.slot_width() * share, max_bar * static_cast<double>(bar_series));
    const double slot = geometry.group_width / static_cast<double>(bar_series);
    geometry.gap = bar_series == 1 ? 0 : std::min(1.5, slot * 0.12);
    geometry.bar_width = slot - geometry.gap;
    return geometry;
}

// Value labels go on every bar or on none: a half-labelled chart reads as an error.
bool labels_fit(const Canvas& canvas, const ChartInput& input, const BarGeometry& geometry) {
    canvas.set_font(Weight::regular, canvas.style().value_size);
    for (std::size_t s = 0; s < geometry.bar_series; ++s) {
        for (const auto& value : input.data.series[s].values) {
            // Neighbouring labels keep a visible space between them: "166166" reads as one
            // number.
            if (value && canvas.text_width(format_number(*value, input.data.decimals)) >
                             geometry.bar_width + geometry.gap - canvas.style().value_size * 0.3) {
                return false;
            }
        }
    }
    return true;
}

void draw_bars(const Canvas& canvas, const ChartInput& input, const VerticalFrame& frame,
               const BarGeometry& geometry) {
    const auto& series = input.data.series;
    const double zero = frame.y_of(0);
    for (std::size_t s = 0; s < geometry.bar_series; ++s) {
        const SeriesLook look = series_look(canvas.style(), s, series.size());
        for (std::size_t i = 0; i < frame.slots; ++i) {
            if (const auto& value = series[s].values[i]) {
                const double top = std::min(zero, frame.y_of(*value));
                const double height = std::abs(frame.y_of(*value) - zero);
                draw_bar(canvas, {geometry.bar_x(frame, i, s), top, geometry.bar_width, height},
                         look);
            }
        }
    }
}

void draw_bar_labels(const Canvas& canvas, const ChartInput& input, const VerticalFrame& frame,
                     const BarGeometry& geometry) {
    canvas.set_font(Weight::regular, canvas.style().value_size);
    canvas.set_colour(canvas.style().text);
    for (std::size_t s = 0; s < geometry.bar_series; ++s) {
        for (std::size_t i = 0; i < frame.slots; ++i) {
            const auto& value = input.data.series[s].values[i];
            if (!value) {
                continue;
            }
            const double x = geometry.bar_x(frame, i, s) + geometry.bar_width / 2;
            const double y = frame.y_of(*value);
            const std::string text = format_number(*value, input.data.decimals);
            if (*value < 0) {
                canvas.draw_text(text, x, y + label_gap, HAlign::centre, VAlign::cap_top);
            } else {
                canvas.draw_text(text, x, y - label_gap, HAlign::centre, VAlign::baseline);
            }
        }
    }
}

void draw_current_line(const Canvas& canvas, const ChartInput& input, const VerticalFrame& frame) {
    const auto& series = input.data.series;
    const SeriesLook look = series_look(canvas.style(), series.size() - 1, series.size());
    std::vector<PlotPoint> points;
    for (std::size_t i = 0; i < frame.slots; ++i) {
        const auto& value = series.back().values[i];
        points.push_back({frame.slot_centre(i), value ? frame.y_of(*value) : 0, value.has_value()});
    }
    draw_series_line(canvas, points, look, canvas.style().line_width);
    for (const auto& point : points) {
        if (point.present) {
            draw_marker(canvas, point.x, point.y, canvas.style().marker_radius, look);
        }
    }
}

} // namespace

void draw_grouped_bars(const Canvas& canvas, const ChartInput& input, bool current_as_line) {
    const ChartStyle& style = canvas.style();
    const bool line = current_as_line && !input.data.series.empty();
    const double header_height = draw_header(
        canvas,
        header_for(canvas, input, line ? SeriesForm::bars_then_line : SeriesForm::bars, true),
        input.area);
    ValueRange range;
    cover_values(input, true, range.low, range.high);
    range.whole_numbers = input.data.whole_numbers;
    range.headroom = input.data.max_value > 0 ? style.value_size + label_gap + 1 : 0;
    range.footroom = input.data.min_value < 0 ? style.value_size + label_gap + 1 : 0;
    const Rect area{input.area.x, input.area.y + header_height, input.area.width,
                    input.area.height - header_height};
    const VerticalFrame frame =
        layout_vertical_frame(canvas, area, range, input.data.categories.size());
    const BarGeometry geometry = bar_geometry(frame, input.data.series.size() - (line ? 1 : 0));

    if (input.target) {
        draw_target(canvas, frame, *input.target);
    }
    draw_value_gridlines(canvas, frame);
    draw_bars(canvas, input, frame, geometry);
    draw_baseline(canvas, frame);
    // Beside a line, bar labels would collide with its markers.
    if (!line && labels_fit(canvas, input, geometry)) {
        draw_bar_labels(canvas, input, frame, geometry);
    }
    if (line) {
        draw_current_line(canvas, input, frame);
    }
    draw_comparator_lines(canvas, input, frame);
    draw_category_labels(canvas, frame, input.data.categories);
}

} // namespace bp::chart
