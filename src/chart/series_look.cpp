#include "chart/series_look.hpp"

#include <cmath>
#include <numbers>

namespace bp::chart {

namespace {

Rgb tint(const Rgb& colour, double amount_of_white) {
    auto mix = [&](double channel) { return channel + (1 - channel) * amount_of_white; };
    return {mix(colour.r), mix(colour.g), mix(colour.b)};
}

constexpr double hatch_spacing = 3.2;
constexpr double hatch_width = 0.7;

// Hatch lines are anchored to the page, not the bar, so neighbouring bars line up.
void hatch_lines(cairo_t* cr, const Rect& area, Hatch hatch) {
    const double diagonal_span = area.width + area.height;
    if (hatch == Hatch::diagonal || hatch == Hatch::cross) {
        const double start = std::floor((area.x + area.y) / hatch_spacing) * hatch_spacing;
        for (double c = start; c <= area.x + area.y + diagonal_span; c += hatch_spacing) {
            cairo_move_to(cr, c - area.y, area.y); // the line x + y = c
            cairo_line_to(cr, c - area.bottom(), area.bottom());
        }
    }
    if (hatch == Hatch::cross) {
        const double start = std::floor((area.x - area.bottom()) / hatch_spacing) * hatch_spacing;
        for (double c = start; c <= area.right() - area.y; c += hatch_spacing) {
            cairo_move_to(cr, c + area.y, area.y); // the line x - y = c
            cairo_line_to(cr, c + area.bottom(), area.bottom());
        }
    }
    if (hatch == Hatch::horizontal) {
        const double start = std::floor(area.y / hatch_spacing) * hatch_spacing;
        for (double y = start; y <= area.bottom(); y += hatch_spacing) {
            cairo_move_to(cr, area.x, y);
            cairo_line_to(cr, area.right(), y);
        }
    }
}

} // namespace

SeriesLook series_look(const ChartStyle& style, std::size_t index, std::size_t count) {
    const std::size_t age = count > index ? count - 1 - index : 0; // 0 = current period
    const std::size_t palette_size = style.palette.empty() ? 1 : style.palette.size();
    SeriesLook look;
    look.colour = style.palette.empty() ? style.text : style.palette[age % palette_size];
    static const Hatch hatches[] = {Hatch::diagonal, Hatch::cross, Hatch::horizontal};
    static const Marker markers[] = {Marker::circle, Marker::square, Marker::triangle,
                                     Marker::diamond};
    static const std::vector<double> dashes[] = {{}, {4.5, 2.5}, {1.2, 2}, {6, 2, 1.2, 2}};
    look.marker = markers[age % 4];
    look.dash = dashes[age % 4];
    if (age == 0) {
        look.fill = look.colour;
    } else {
        look.fill = tint(look.colour, 0.72);
        look.hatch = hatches[(age - 1) % 3];
    }
    return look;
}

void draw_bar(const Canvas& canvas, const Rect& bar, const SeriesLook& look) {
    if (bar.width <= 0 || bar.height <= 0) {
        return;
    }
    cairo_t* cr = canvas.cr();
    canvas.fill_rect(bar, look.fill);
    if (look.hatch == Hatch::none) {
        return;
    }
    cairo_save(cr);
    cairo_rectangle(cr, bar.x, bar.y, bar.width, bar.height);
    cairo_clip(cr);
    hatch_lines(cr, bar, look.hatch);
    canvas.set_colour(look.colour);
    cairo_set_line_width(cr, hatch_width);
    cairo_stroke(cr);
    cairo_restore(cr);
    const double edge = 0.6;
    cairo_rectangle(cr, bar.x + edge / 2, bar.y + edge / 2, bar.width - edge, bar.height - edge);
    cairo_set_line_width(cr, edge);
    cairo_stroke(cr);
}

void draw_marker(const Canvas& canvas, double x, double y, double radius, const SeriesLook& look) {
    cairo_t* cr = canvas.cr();
    switch (look.marker) {
    case Marker::circle:
        cairo_arc(cr, x, y, radius, 0, 2 * std::numbers::pi);
        break;
    case Marker::square:
        cairo_rectangle(cr, x - radius * 0.9, y - radius * 0.9, radius * 1.8, radius * 1.8);
        break;
    case Marker::triangle:
        cairo_move_to(cr, x, y - radius * 1.2);
        cairo_line_to(cr, x + radius * 1.1, y + radius * 0.8);
        cairo_line_to(cr, x - radius * 1.1, y + radius * 0.8);
        cairo_close_path(cr);
        break;
    case Marker::diamond:
        cairo_move_to(cr, x, y - radius * 1.25);
        cairo_line_to(cr, x + radius * 1.25, y);
        cairo_line_to(cr, x, y + radius * 1.25);
        cairo_line_to(cr, x - radius * 1.25, y);
        cairo_close_path(cr);
        break;
    }
    // A white ring keeps markers readable where they sit on a line or a bar.
    canvas.set_colour(look.colour);
    cairo_fill_preserve(cr);
    canvas.set_colour(canvas.style().background);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
}

void draw_series_line(const Canvas& canvas, const std::vector<PlotPoint>& points,
                      const SeriesLook& look, double width) {
    cairo_t* cr = canvas.cr();
    bool drawing = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!points[i].present) {
            drawing = false;
            continue;
        }
        if (drawing) {
            cairo_line_to(cr, points[i].x, points[i].y);
        } else {
            cairo_move_to(cr, points[i].x, points[i].y);
            drawing = true;
        }
    }
    canvas.set_colour(look.colour);
    cairo_set_line_width(cr, width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, look.dash.empty() ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, look.dash.data(), static_cast<int>(look.dash.size()), 0);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
}

} // namespace bp::chart
