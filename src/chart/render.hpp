#pragma once
// Charts. One drawing path (draw_with) serves every output, through a Pen: SVG for the site
// (SvgPen), a one-page PDF for the pack (Cairo; placed as a vector form by the pack stage) and
// PNG previews (Cairo).
// Every function here is safe to call from several threads at once and never throws for bad
// data: gaps, NaN, infinities and empty specs all draw something sensible.
#include "chart/pen.hpp"
#include "chart/style.hpp"
#include "data/chart_spec.hpp"

#include <cairo.h>
#include <set>
#include <string>
#include <vector>

namespace bp::chart {

// Draws the chart into the rectangle (0, 0)–(width_pt, height_pt) in user space. When `missing`
// is given, each character drawn that no font has (see characters_without_font) is added.
void draw(cairo_t* cr, const data::ChartSpec& spec, const ChartStyle& style,
          std::set<char32_t>* missing = nullptr);
// The same with `pen`, measuring and shaping the text on `fonts` (for a CairoPen, the context
// it draws on).
void draw_with(Pen& pen, cairo_t* fonts, const data::ChartSpec& spec, const ChartStyle& style,
               std::set<char32_t>* missing = nullptr);

// The characters the chart would draw that neither the style's faces nor any installed font
// (chart/font.hpp's fallback_face_for) has, so they would print as nothing: for a warning.
std::set<char32_t> characters_without_font(const data::ChartSpec& spec,
                                           const ChartStyle& style = {});

// SVG text with role="img", <title> and <desc>. Its element ids begin with `page_prefix` and
// then the spec's id ("chart-<slug>-", svg_accessibility.hpp), so several charts, and several
// drawings of one, can be inlined in one page.
std::string render_svg(const data::ChartSpec& spec, const ChartStyle& style = {},
                       const std::string& page_prefix = {});
// One-page PDF whose page is width_pt x height_pt, with fixed dates so the bytes repeat.
std::string render_pdf(const data::ChartSpec& spec, const ChartStyle& style = {});
// One chart of a PDF of several: the spec (which must outlive the call) and its style.
struct PdfChart {
    const data::ChartSpec* spec = nullptr;
    ChartStyle style;
};
// Several charts as one PDF, page i holding charts[i] at its own size. The faces are embedded
// once for all of them, where a PDF per chart carries its own subset of each face. "" when
// there are no charts or Cairo fails.
std::string render_pdf_pages(const std::vector<PdfChart>& charts);
// PNG at `scale` pixels per point (1 gives 480 x 220 pixels for the default size).
std::string render_png(const data::ChartSpec& spec, double scale, const ChartStyle& style = {});

// The chart size after sanitising: non-finite or non-positive sizes fall back to the defaults,
// and sizes are capped at the 14,400 pt a PDF page allows.
struct ChartSize {
    double width = 480;
    double height = 220;
};
ChartSize chart_size(const data::ChartSpec& spec);

} // namespace bp::chart
