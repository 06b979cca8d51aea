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
void hatch_stripes(Pen& pen, double across_x, double across_y, double first, double last,
                   double middle_x, double middle_y, double spacing, double reach) {
    const double start = (std::floor(first / spacing) - 1) * spacing;
    const double end = (std::ceil(last / spacing) + 1) * spacing;
    // Where the centre line crosses the positions `start` and `end`.
    const double from = start - (middle_x * across_x + middle_y * across_y);
    const double to = end - (middle_x * across_x + middle_y * across_y);
    pen.move_to(middle_x + from * across_x, middle_y + from * across_y);
    pen.line_to(middle_x + to * across_x, middle_y + to * across_y);
    // The stroke starts in the middle of a line: half a line's width into its first dash.
    pen.set_dash({hatch_width, spacing - hatch_width}, hatch_width / 2);
    pen.set_line_cap(LineCap::butt);
    pen.set_line_width(reach);
    pen.stroke();
}

void hatch_lines(Pen& pen, const Rect& area, Hatch hatch) {
    const double reach = area.width + area.height + 2; // wider than the area in any direction
    const double centre_x = area.x + area.width / 2;
    const double centre_y = area.y + area.height / 2;
    const double diagonal = std::numbers::sqrt2 / 2;
    // The lines x + y = c for c a multiple of the spacing: spaced along (1, 1), at distances
    // c / sqrt(2) from the origin.
    if (hatch == Hatch::diagonal || hatch == Hatch::cross)
        hatch_stripes(pen, diagonal, diagonal, (area.x + area.y) * diagonal,
                      (area.right() + area.bottom()) * diagonal, centre_x, centre_y,
                      hatch_spacing * diagonal, reach);
    // The lines x - y = c, spaced along (1, -1).
    if (hatch == Hatch::cross)
        hatch_stripes(pen, diagonal, -diagonal, (area.x - area.bottom()) * diagonal,
                      (area.right() - area.y) * diagonal, centre_x, centre_y,
                      hatch_spacing * diagonal, reach);
    // The lines y = c.
    if (hatch == Hatch::horizontal)
        hatch_stripes(pen, 0, 1, area.y, area.bottom(), centre_x, centre_y, hatch_spacing, reach);
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
    Pen& pen = canvas.pen();
    canvas.fill_rect(bar, look.fill);
    if (look.hatch == Hatch::none) {
        return;
    }
    pen.save();
    pen.rectangle(bar.x, bar.y, bar.width, bar.height);
    pen.clip();
    canvas.set_colour(look.colour);
    hatch_lines(pen, bar, look.hatch);
    pen.restore();
    const double edge = 0.6;
    pen.rectangle(bar.x + edge / 2, bar.y + edge / 2, bar.width - edge, bar.height - edge);
    pen.set_line_width(edge);
    pen.stroke();
}

void draw_marker(const Canvas& canvas, double x, double y, double radius, const SeriesLook& look) {
    Pen& pen = canvas.pen();
    switch (look.marker) {
    case Marker::circle:
        pen.circle(x, y, radius);
        break;
    case Marker::square:
        pen.rectangle(x - radius * 0.9, y - radius * 0.9, radius * 1.8, radius * 1.8);
        break;
    case Marker::triangle:
        pen.move_to(x, y - radius * 1.2);
        pen.line_to(x + radius * 1.1, y + radius * 0.8);
        pen.line_to(x - radius * 1.1, y + radius * 0.8);
        pen.close_path();
        break;
    case Marker::diamond:
        pen.move_to(x, y - radius * 1.25);
        pen.line_to(x + radius * 1.25, y);
        pen.line_to(x, y + radius * 1.25);
        pen.line_to(x - radius * 1.25, y);
        pen.close_path();
        break;
    }
    // A white ring keeps markers readable where they sit on a line or a bar.
    canvas.set_colour(look.colour);
    pen.fill(true);
    canvas.set_colour(canvas.style().background);
    pen.set_line_width(0.6);
    pen.stroke();
}

void draw_series_line(const Canvas& canvas, const std::vector<PlotPoint>& points,
                      const SeriesLook& look, double width) {
    Pen& pen = canvas.pen();
    bool drawing = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!points[i].present) {
            drawing = false;
            continue;
        }
        if (drawing) {
            pen.line_to(points[i].x, points[i].y);
        } else {
            pen.move_to(points[i].x, points[i].y);
            drawing = true;
        }
    }
    canvas.set_colour(look.colour);
    pen.set_line_width(width);
    pen.set_line_join(LineJoin::round);
    pen.set_line_cap(look.dash.empty() ? LineCap::round : LineCap::butt);
    pen.set_dash(look.dash);
    pen.stroke();
    pen.set_dash({});
}

} // namespace bp::chart
