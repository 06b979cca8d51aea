#pragma once
// A chart on a page: the SVG drawing, a caption, the text description, and the figures behind it
// as a table that can be opened, so the chart reads without sight and without colour.
#include "chart/font_family.hpp"
#include "data/chart_spec.hpp"

#include <string>

namespace bp::site {

// `id` must be unique within the page; it prefixes the SVG's internal ids. The drawing's text is
// set in `fonts`, the family the site's pages name (site.yaml `style: body_font`).
std::string render_chart_figure(const data::ChartSpec& chart, const std::string& id,
                                const chart::FontFiles& fonts);

// The chart's data as an HTML table (categories down, series across).
std::string render_chart_table(const data::ChartSpec& chart);

// The chart's data as CSV: a Period column, then one column per series; gaps are empty.
std::string render_chart_csv(const data::ChartSpec& chart);

// Makes an SVG document fit inside HTML: drops the XML prolog and names the drawing by the
// page's element `labelled_by`; `first_attributes` go first on its root. The drawing's ids
// must be the page's own already (chart::render_svg's page prefix).
std::string inline_svg(const std::string& svg, const std::string& labelled_by,
                       const std::string& first_attributes = {});

} // namespace bp::site
