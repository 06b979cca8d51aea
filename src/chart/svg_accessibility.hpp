#pragma once
// A chart's SVG made fit for the web: an image role with a title and description for screen
// readers, and element ids made unique per chart so several charts can share one page.
#include <string>

namespace bp::chart {

// The prefix of a chart's element ids, from its id: "chart-<slug>-".
std::string svg_id_prefix(const std::string& chart_id);

// `svg` is the chart as SvgPen wrote it, its ids beginning with `id_prefix`; the title and
// description elements added get ids that begin with it too.
std::string make_svg_accessible(const std::string& svg, const std::string& id_prefix,
                                const std::string& title, const std::string& description);

} // namespace bp::chart
