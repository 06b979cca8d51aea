#pragma once
// One function per chart kind, each drawing into `area` with the shared frame and legend.
#include "chart/canvas.hpp"
#include "chart/chart_data.hpp"
#include "chart/legend.hpp"
#include "chart/target.hpp"
#include "data/chart_spec.hpp"

namespace bp::chart {

struct ChartInput {
    const data::ChartSpec& spec;
    const ChartData& data;
    std::optional<Target> target;
    Rect area;
};

// Monthly comparisons, quarter totals and upright category comparisons. With
// `current_as_line` the last series is a line over the others' bars.
void draw_grouped_bars(const Canvas& canvas, const ChartInput& input, bool current_as_line);
void draw_horizontal_bars(const Canvas& canvas, const ChartInput& input);
void draw_trend(const Canvas& canvas, const ChartInput& input);
void draw_sparkline(const Canvas& canvas, const ChartInput& input);

// Shared by the kinds above.
enum class SeriesForm { bars, bars_then_line, lines };
std::vector<LegendEntry> legend_entries(const Canvas& canvas, const ChartInput& input,
                                        SeriesForm form);
Header header_for(const Canvas& canvas, const ChartInput& input, SeriesForm form, bool with_unit);
// Comparator series as lines of their own look, over whatever the kind drew.
struct VerticalFrame;
void draw_comparator_lines(const Canvas& canvas, const ChartInput& input,
                           const VerticalFrame& frame);
SeriesLook comparator_look(const ChartStyle& style, std::size_t index);
// The value range the axis must cover: the data, the target and (for bars) zero.
void cover_values(const ChartInput& input, bool include_zero, double& low, double& high);

} // namespace bp::chart
