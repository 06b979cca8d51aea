#pragma once
// The document model rendered as HTML for the site. Every piece of text from content is escaped
// here; templates receive the finished markup.
#include "chart/font_family.hpp"
#include "data/chart_spec.hpp"
#include "markdown/document.hpp"

#include <map>
#include <string>
#include <vector>

namespace bp::site {

struct HeadingLink {
    int level = 0;
    std::string anchor;
    std::string text;
};

struct RenderOptions {
    // Body headings are shifted so the shallowest becomes this level: the page title is the h1.
    int top_heading_level = 2;
    // Prefixes every id a chart's SVG carries, so several charts can share one page.
    std::string chart_id_prefix = "chart";
    // Indicator title → link to its page, for the first column of scorecard tables.
    std::map<std::string, std::string> indicator_links;
    // The faces chart text is drawn in (see SiteContext::chart_fonts).
    chart::FontFiles chart_fonts;
};

struct RenderedDocument {
    std::string html;
    std::vector<HeadingLink> headings; // after shifting, in document order
};

std::string render_inlines(const doc::Inlines& inlines);
RenderedDocument render_document(const doc::Document& document,
                                 const std::vector<data::ChartSpec>& charts,
                                 const RenderOptions& options = {});

// A link target is kept only when it is a relative path, a fragment or an http(s)/mailto/tel
// URL; anything else (javascript:, data:) would let a paper run code in the reader's browser.
bool is_safe_url(const std::string& url);

} // namespace bp::site
