#pragma once
// A chart's SVG made fit for the web: an image role with a title and description for screen
// readers, and element ids made unique per chart so several charts can share one page.
#include <string>

namespace bp::chart {

// `svg` is the chart as SvgPen wrote it; `chart_id` becomes the id prefix ("chart-<slug>-").
std::string make_svg_accessible(const std::string& svg, const std::string& chart_id,
                                const std::string& title, const std::string& description);

} // namespace bp::chart
