#pragma once
// The key above a chart: a swatch drawn exactly as the series is drawn, then its name.
#include "chart/series_look.hpp"

#include <string>
#include <vector>

namespace bp::chart {

// target_band and target_line show the spec's target; their look is taken from the style.
enum class SwatchKind { bar, line, target_band, target_line };

struct LegendEntry {
    std::string name;
    SeriesLook look;
    SwatchKind kind = SwatchKind::bar;
};

double legend_width(const Canvas& canvas, const std::vector<LegendEntry>& entries);
// Entries in a row ending at `right`, centred vertically on `middle_y`.
void draw_legend(const Canvas& canvas, const std::vector<LegendEntry>& entries, double right,
                 double middle_y);

// The band above the plot: an optional bold title, then the unit on the left and the legend on
// the right (on a row of its own when they would collide). Returns the height used.
struct Header {
    std::string title; // empty: no title drawn
    std::string unit;  // empty: none drawn
    std::vector<LegendEntry> legend;
};
double draw_header(const Canvas& canvas, const Header& header, const Rect& area);

} // namespace bp::chart
