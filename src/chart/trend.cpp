#include "chart/kinds.hpp"
#include "chart/vertical_frame.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace bp::chart {

namespace {

constexpr double end_label_gap = 5;
constexpr double min_marker_spacing = 9; // closer points get a marker only at the end

// A narrow band of large values (rates of 92–97%) would be a flat line from zero.
bool zero_based(const ChartData& data) {
    if (!data.has_values || data.min_value <= 0) {
        return true;
    }
    return data.max_value - data.min_value > 0.4 * data.max_value;
}

std::optional<std::size_t> last_present(const CleanSeries& series) {
    for (std::size_t i = series.values.size(); i-- > 0;) {
        if (series.values[i]) {
            return i;
        }
    }
    return std::nullopt;
}

double widest_end_label(const Canvas& canvas, const ChartData& data) {
    canvas.set_font(Weight::bold, canvas.style().value_size);
    double widest = 0;
    for (const auto& series : data.series) {
        if (const auto last = last_present(series)) {
            widest = std::max(
                widest, canvas.text_width(format_number(*series.values[*last], data.decimals)));
        }
    }
    return widest;
}

struct EndLabel {
    double x = 0, y = 0;
    std::string text;
    Rgb colour;
};

// Moves labels apart vertically so neighbouring series' end values never overprint.
void separate(std::vector<EndLabel>& labels, double spacing) {
    std::sort(labels.begin(), labels.end(),
              [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
    for (std::size_t i = 1; i < labels.size(); ++i) {
        labels[i].y = std::max(labels[i].y, labels[i - 1].y + spacing);
    }
}

void draw_series(const Canvas& canvas, const ChartInput& input, const VerticalFrame& frame,
                 std::size_t s, std::vector<EndLabel>& end_labels) {
    const auto& series = input.data.series;
    const ChartStyle& style = canvas.style();
    const SeriesLook look = series_look(style, s, series.size());
    std::vector<PlotPoint> points;
    for (std::size_t i = 0; i < frame.slots; ++i) {
        const auto& value = series[s].values[i];
        points.push_back({frame.slot_centre(i), value ? frame.y_of(*value) : 0, value.has_value()});
    }
    draw_series_line(canvas, points, look, style.line_width);
    const auto last = last_present(series[s]);
    const bool every_point = frame.slot_width() >= min_marker_spacing;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const bool isolated = (i == 0 || !points[i - 1].present) &&
                              (i + 1 == points.size() || !points[i + 1].present);
        if (points[i].present && (every_point || isolated || i == last)) {
            draw_marker(canvas, points[i].x, points[i].y, style.marker_radius, look);
        }
    }
    if (last) {
        end_labels.push_back({points[*last].x + end_label_gap, points[*last].y,
                              format_number(*series[s].values[*last], input.data.decimals),
                              look.colour});
    }
}

} // namespace

void draw_trend(const Canvas& canvas, const ChartInput& input) {
    const ChartStyle& style = canvas.style();
    const double header_height =
        draw_header(canvas, header_for(canvas, input, SeriesForm::lines, true), input.area);
    ValueRange range;
    cover_values(input, zero_based(input.data), range.low, range.high);
    range.whole_numbers = input.data.whole_numbers;
    const Rect area{input.area.x, input.area.y + header_height, input.area.width,
                    input.area.height - header_height};
    // The end labels sit in the margin only as far as they pass the last slot's half width.
    range.right_margin = widest_end_label(canvas, input.data) + end_label_gap;
    VerticalFrame frame = layout_vertical_frame(canvas, area, range, input.data.categories.size());
    const double overhang = range.right_margin - frame.slot_width() / 2;
    frame.plot.width =
        std::max(10.0, frame.plot.width + range.right_margin - std::max(0.0, overhang));

    if (input.target) {
        draw_target(canvas, frame, *input.target);
    }
    draw_value_gridlines(canvas, frame);
    draw_baseline(canvas, frame);
    std::vector<EndLabel> end_labels;
    for (std::size_t s = 0; s < input.data.series.size(); ++s) {
        draw_series(canvas, input, frame, s, end_labels);
    }
    draw_comparator_lines(canvas, input, frame);
    separate(end_labels, style.value_size * 1.15);
    canvas.set_font(Weight::bold, style.value_size);
    for (const auto& label : end_labels) {
        canvas.set_colour(label.colour);
        canvas.draw_text(label.text, label.x, label.y, HAlign::left, VAlign::middle);
    }
    draw_category_labels(canvas, frame, input.data.categories);
}

} // namespace bp::chart
