#pragma once
// How each series is told apart without relying on colour: the current period is solid and
// dark; earlier periods are pale with hatching (bars) or dashed with other markers (lines).
#include "chart/canvas.hpp"

#include <cstddef>
#include <vector>

namespace bp::chart {

enum class Hatch { none, diagonal, cross, horizontal };
enum class Marker { circle, square, triangle, diamond };

struct SeriesLook {
    Rgb colour; // outlines, lines, hatching, solid fills
    Rgb fill;   // bar fill: `colour` when solid, a tint when hatched
    Hatch hatch = Hatch::none;
    std::vector<double> dash; // empty for a solid line
    Marker marker = Marker::circle;
};

// `index` counts series in spec order; the last one is the current period.
SeriesLook series_look(const ChartStyle& style, std::size_t index, std::size_t count);

void draw_bar(const Canvas& canvas, const Rect& bar, const SeriesLook& look);
void draw_marker(const Canvas& canvas, double x, double y, double radius, const SeriesLook& look);
// A stroked path of `points`, broken wherever a point is missing.
struct PlotPoint {
    double x = 0, y = 0;
    bool present = false;
};
void draw_series_line(const Canvas& canvas, const std::vector<PlotPoint>& points,
                      const SeriesLook& look, double width);

} // namespace bp::chart
