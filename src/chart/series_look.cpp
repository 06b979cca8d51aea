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

// Parallel hatch lines across `area`, drawn as one dashed stroke running across them: a stroke
// as wide as the area whose dashes are the lines. One segment instead of dozens keeps a
// chart's PDF and SVG small and quick to write; clipped to the area, the stripes are the very
// lines a stroke each would draw. `across` is the unit direction the lines are spaced along;
// the lines lie where the position along it is a multiple of `spacing` (so neighbouring bars
// line up, anchored to the page, not the bar); `first` and `last` are the positions along it
// of the area's extreme corners, and `middle` a point on the stroke's centre line.
void hatch_stripes(cairo_t* cr, double across_x, double across_y, double first, double last,
                   double middle_x, double middle_y, double spacing, double reach) {
    const double start = (std::floor(first / spacing) - 1) * spacing;
    const double end = (std::ceil(last / spacing) + 1) * spacing;
    // Where the centre line crosses the positions `start` and `end`.
    const double from = start - (middle_x * across_x + middle_y * across_y);
    const double to = end - (middle_x * across_x + middle_y * across_y);
    cairo_move_to(cr, middle_x + from * across_x, middle_y + from * across_y);
    cairo_line_to(cr, middle_x + to * across_x, middle_y + to * across_y);
    const double dashes[] = {hatch_width, spacing - hatch_width};
    // The stroke starts in the middle of a line: half a line's width into its first dash.
    cairo_set_dash(cr, dashes, 2, hatch_width / 2);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_width(cr, reach);
    cairo_stroke(cr);
}

void hatch_lines(cairo_t* cr, const Rect& area, Hatch hatch) {
    const double reach = area.width + area.height + 2; // wider than the area in any direction
    const double centre_x = area.x + area.width / 2;
    const double centre_y = area.y + area.height / 2;
    const double diagonal = std::numbers::sqrt2 / 2;
    // The lines x + y = c for c a multiple of the spacing: spaced along (1, 1), at distances
    // c / sqrt(2) from the origin.
    if (hatch == Hatch::diagonal || hatch == Hatch::cross)
        hatch_stripes(cr, diagonal, diagonal, (area.x + area.y) * diagonal,
                      (area.right() + area.bottom()) * diagonal, centre_x, centre_y,
                      hatch_spacing * diagonal, reach);
    // The lines x - y = c, spaced along (1, -1).
    if (hatch == Hatch::cross)
        hatch_stripes(cr, diagonal, -diagonal, (area.x - area.bottom()) * diagonal,
                      (area.right() - area.y) * diagonal, centre_x, centre_y,
                      hatch_spacing * diagonal, reach);
    // The lines y = c.
    if (hatch == Hatch::horizontal)
        hatch_stripes(cr, 0, 1, area.y, area.bottom(), centre_x, centre_y, hatch_spacing, reach);
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
    canvas.set_colour(look.colour);
    hatch_lines(cr, bar, look.hatch);
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
