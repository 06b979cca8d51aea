#include "chart/vertical_frame.hpp"

#include "chart/target.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>

namespace bp::chart {

namespace {

constexpr double tick_label_gap = 6;
constexpr double min_tick_spacing = 28; // points between gridlines, at least
constexpr double category_label_gap = 5;

double widest_tick_label(const Canvas& canvas, const AxisScale& scale) {
    double widest = 0;
    for (double tick : scale.ticks) {
        widest = std::max(widest, canvas.text_width(format_number(tick, scale.decimals)));
    }
    return widest;
}

// Widens the scale by whole steps until `headroom` points are free above `high`.
AxisScale with_headroom(AxisScale scale, double high, double headroom, double plot_height) {
    for (int extra = 0; extra < 3; ++extra) {
        const double free = (1 - scale.fraction(high)) * plot_height;
        if (free >= headroom) {
            break;
        }
        scale.high += scale.step;
        scale.ticks.push_back(scale.high);
    }
    return scale;
}

AxisScale with_footroom(AxisScale scale, double low, double footroom, double plot_height) {
    for (int extra = 0; extra < 3 && footroom > 0; ++extra) {
        if (scale.fraction(low) * plot_height >= footroom) {
            break;
        }
        scale.low -= scale.step;
        scale.ticks.insert(scale.ticks.begin(), scale.low);
    }
    return scale;
}

std::size_t label_stride(const Canvas& canvas, const VerticalFrame& frame,
                         const std::vector<std::string>& categories) {
    double widest = 0;
    for (const auto& category : categories) {
        widest = std::max(widest, canvas.text_width(category));
    }
    const double slot = frame.slot_width();
    if (slot <= 0) {
        return 1;
    }
    return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + 6) / slot)));
}

} // namespace

VerticalFrame layout_vertical_frame(const Canvas& canvas, const Rect& area, const ValueRange& range,
                                    std::size_t slots) {
    const ChartStyle& style = canvas.style();
    const double bottom_margin = style.label_size + category_label_gap + 2;
    VerticalFrame frame;
    frame.slots = slots;
    frame.area = area;
    frame.plot = {area.x, area.y, area.width, std::max(10.0, area.height - bottom_margin)};
    const int max_ticks = std::clamp(static_cast<int>(frame.plot.height / min_tick_spacing), 2, 8);
    frame.scale = nice_scale(range.low, range.high, max_ticks, range.whole_numbers);
    frame.scale = with_headroom(frame.scale, range.high, range.headroom, frame.plot.height);
    frame.scale = with_footroom(frame.scale, range.low, range.footroom, frame.plot.height);
    canvas.set_font(Weight::regular, style.label_size);
    const double left_margin = widest_tick_label(canvas, frame.scale) + tick_label_gap;
    frame.plot.x += left_margin;
    frame.plot.width = std::max(10.0, area.width - left_margin - range.right_margin);
    return frame;
}

void draw_value_gridlines(const Canvas& canvas, const VerticalFrame& frame) {
    const ChartStyle& style = canvas.style();
    canvas.set_font(Weight::regular, style.label_size);
    for (double tick : frame.scale.ticks) {
        const double y = frame.y_of(tick);
        if (tick != 0) {
            canvas.line(frame.plot.x, y, frame.plot.right(), y, style.gridline,
                        style.gridline_width);
        }
        canvas.set_colour(style.muted_text);
        canvas.draw_text(format_number(tick, frame.scale.decimals), frame.plot.x - tick_label_gap,
                         y, HAlign::right, VAlign::middle);
    }
}

void draw_baseline(const Canvas& canvas, const VerticalFrame& frame) {
    // Off the scale, zero gets no line: a firm line at the foot would pass for it.
    if (frame.scale.low > 0 || frame.scale.high < 0) {
        const double y = frame.plot.bottom();
        canvas.line(frame.plot.x, y, frame.plot.right(), y, canvas.style().gridline,
                    canvas.style().gridline_width);
        return;
    }
    const double y = frame.y_of(0);
    canvas.line(frame.plot.x, y, frame.plot.right(), y, canvas.style().axis, 0.9);
}

void draw_category_labels(const Canvas& canvas, const VerticalFrame& frame,
                          const std::vector<std::string>& categories) {
    const ChartStyle& style = canvas.style();
    canvas.set_font(Weight::regular, style.label_size);
    canvas.set_colour(style.text);
    const std::size_t stride = label_stride(canvas, frame, categories);
    const double y = frame.plot.bottom() + category_label_gap;
    const std::size_t count = std::min(categories.size(), frame.slots);
    for (std::size_t i = 0; i < count; ++i) {
        if ((count - 1 - i) % stride != 0) {
            continue;
        }
        const double room = frame.slot_width() * static_cast<double>(stride) - 4;
        const std::string label = canvas.fit_text(categories[i], room);
        // End labels may be wider than their slot; keep them inside the chart.
        const double half = canvas.text_width(label) / 2;
        const double centre = std::clamp(frame.slot_centre(i), frame.area.x + half,
                                         std::max(frame.area.x + half, frame.area.right() - half));
        canvas.draw_text(label, centre, y, HAlign::centre, VAlign::cap_top);
    }
}

void draw_target(const Canvas& canvas, const VerticalFrame& frame, const Target& target) {
    const double top = std::max(frame.plot.y, frame.y_of(target.high));
    const double bottom = std::min(frame.plot.bottom(), frame.y_of(target.low));
    if (target.is_line()) {
        draw_target_line_shape(canvas, frame.plot.x, frame.plot.right(), top);
        return;
    }
    if (bottom > top) {
        draw_target_band_shape(canvas, {frame.plot.x, top, frame.plot.width, bottom - top});
    }
}

} // namespace bp::chart
