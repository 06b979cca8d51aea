#pragma once
// The site's house style (site.yaml `style:` and `rag:`) as the layout stage's text style: the
// one mapping from the style object to print. The site reads the same object for its CSS.
#include "chart/style.hpp"
#include "content/model.hpp"
#include "layout/layout.hpp"

#include <string>

namespace bp::pack {

layout::TextStyle print_text_style(const content::SiteConfig& config);

// "#d4351c" as a colour; `fallback` when the text is not #rrggbb.
layout::Colour colour_from_hex(const std::string& hex, const layout::Colour& fallback);

// Chart text in the pack's own faces (`fonts`), sized so that, drawn at `scale` into its box on
// the page, nothing prints under 9 pt.
chart::ChartStyle print_chart_style(double scale, const chart::FontFiles& fonts);
// The same for `spec` as `placement` scales it on its page.
chart::ChartStyle placed_chart_style(const data::ChartSpec& spec,
                                     const layout::ChartPlacement& placement,
                                     const chart::FontFiles& fonts);

// Places the site's logo (site.yaml `logo:`) at the head of `page`, right-aligned in the top
// margin, at most 40 pt high and 160 pt wide. Does nothing when there is no readable logo.
void place_logo(layout::Page& page, const content::Site& site, double right_margin);

} // namespace bp::pack
