#include "chart/axis_scale.hpp"
#include "chart/kinds.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>

namespace bp::chart {

namespace {

constexpr double label_gap = 6;
constexpr double value_gap = 3;
constexpr double max_bar_thickness = 16;

struct HorizontalFrame {
    Rect plot;
    AxisScale scale;
    std::size_t bands = 0;
    double label_right = 0; // category names end here

    double x_of(double value) const { return plot.x + scale.fraction(value) * plot.width; }
    double band_height() const { return bands ? plot.height / static_cast<double>(bands) : 0; }
};

double widest_category(const Canvas& canvas, const ChartData& data) {
    canvas.set_font(Weight::regular, canvas.style().label_size);
    double widest = 0;
    for (const auto& category : data.categories) {
        widest = std::max(widest, canvas.text_width(category));
    }
    return widest;
}

double widest_value(const Canvas& canvas, const ChartData& data) {
    canvas.set_font(Weight::regular, canvas.style().value_size);
    double widest = 0;
    for (const auto& series : data.series) {
        for (const auto& value : series.values) {
            if (value) {
                widest = std::max(widest, canvas.text_width(format_number(*value, data.decimals)));
            }
        }
    }
    return widest;
}

HorizontalFrame layout(const Canvas& canvas, const ChartInput& input, const Rect& area) {
    const ChartStyle& style = canvas.style();
    const double left = std::min(widest_category(canvas, input.data), area.width * 0.4) + label_gap;
    const double value_room = widest_value(canvas, input.data) + value_gap + 2;
    const double axis_rows =
        style.label_size * 1.6 + (input.spec.unit.empty() ? 0 : style.label_size * 1.6);
    HorizontalFrame frame;
    frame.bands = input.data.categories.size();
    frame.label_right = area.x + left - label_gap;
    frame.plot = {area.x + left, area.y, std::max(10.0, area.width - left - value_room),
                  std::max(10.0, area.height - axis_rows)};
    double low = 0, high = 0;
    cover_values(input, true, low, high);
    const int max_ticks = std::clamp(static_cast<int>(frame.plot.width / 55), 2, 8);
    frame.scale = nice_scale(low, high, max_ticks, input.data.whole_numbers);
    if (input.data.min_value < 0) {
        // Room for labels left of negative bars comes from the axis, not the margin.
        frame.plot.x += value_room;
        frame.plot.width = std::max(10.0, frame.plot.width - value_room);
    }
    return frame;
}

void draw_axis(const Canvas& canvas, const ChartInput& input, const HorizontalFrame& frame) {
    const ChartStyle& style = canvas.style();
    canvas.set_font(Weight::regular, style.label_size);
    for (double tick : frame.scale.ticks) {
        const double x = frame.x_of(tick);
        if (tick != 0) {
            canvas.line(x, frame.plot.y, x, frame.plot.bottom(), style.gridline,
                        style.gridline_width);
        }
        canvas.set_colour(style.muted_text);
        canvas.draw_text(format_number(tick, frame.scale.decimals), x, frame.plot.bottom() + 5,
                         HAlign::centre, VAlign::cap_top);
    }
    if (!input.spec.unit.empty()) {
        canvas.set_colour(style.muted_text);
        canvas.draw_text(
            canvas.fit_text(input.spec.unit, frame.plot.width), frame.plot.x + frame.plot.width / 2,
            frame.plot.bottom() + 5 + style.label_size * 1.6, HAlign::centre, VAlign::cap_top);
    }
}

void draw_band(const Canvas& canvas, const ChartInput& input, const HorizontalFrame& frame,
               std::size_t band) {
    const ChartStyle& style = canvas.style();
    const auto& series = input.data.series;
    const double band_top = frame.plot.y + frame.band_height() * static_cast<double>(band);
    const double slot = std::min(frame.band_height() * 0.78 / static_cast<double>(series.size()),
                                 max_bar_thickness);
    const double gap = series.size() > 1 ? std::min(1.5, slot * 0.12) : 0;
    const double group_top = band_top + (frame.band_height() - slot * series.size()) / 2;
    const double zero = frame.x_of(0);
    const bool labelled = slot - gap >= style.value_size * 0.9;
    for (std::size_t s = 0; s < series.size(); ++s) {
        const auto& value = series[s].values[band];
        if (!value) {
            continue;
        }
        const double y = group_top + slot * static_cast<double>(s) + gap / 2;
        const double end = frame.x_of(*value);
        draw_bar(canvas, {std::min(zero, end), y, std::abs(end - zero), slot - gap},
                 series_look(style, s, series.size()));
        if (labelled) {
            canvas.set_font(Weight::regular, style.value_size);
            canvas.set_colour(style.text);
            const bool negative = *value < 0;
            canvas.draw_text(format_number(*value, input.data.decimals),
                             end + (negative ? -value_gap : value_gap), y + (slot - gap) / 2,
                             negative ? HAlign::right : HAlign::left, VAlign::middle);
        }
    }
    canvas.set_font(Weight::regular, style.label_size);
    canvas.set_colour(style.text);
    canvas.draw_text(canvas.fit_text(input.data.categories[band], frame.label_right - input.area.x),
                     frame.label_right, band_top + frame.band_height() / 2, HAlign::right,
                     VAlign::middle);
}

} // namespace

void draw_horizontal_bars(const Canvas& canvas, const ChartInput& input) {
    const double header_height =
        draw_header(canvas, header_for(canvas, input, SeriesForm::bars, false), input.area);
    const Rect area{input.area.x, input.area.y + header_height, input.area.width,
                    input.area.height - header_height};
    const HorizontalFrame frame = layout(canvas, input, area);
    if (input.target) {
        const double left = frame.x_of(input.target->low);
        const double right = frame.x_of(input.target->high);
        if (input.target->is_line()) {
            canvas.pen().set_dash({3, 2});
            canvas.line(left, frame.plot.y, left, frame.plot.bottom(), canvas.style().target_edge,
                        1.1);
            canvas.pen().set_dash({});
        } else {
            canvas.fill_rect({left, frame.plot.y, right - left, frame.plot.height},
                             canvas.style().target_fill);
        }
    }
    draw_axis(canvas, input, frame);
    for (std::size_t band = 0; band < frame.bands; ++band) {
        draw_band(canvas, input, frame, band);
    }
    const double zero = frame.x_of(0);
    canvas.line(zero, frame.plot.y, zero, frame.plot.bottom(), canvas.style().axis, 0.9);
}

} // namespace bp::chart
