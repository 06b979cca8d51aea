#pragma once
// What every page shares: the site header, navigation, breadcrumbs and footer, and the two-step
// render (the page's own template, then the layout around it).
#include "chart/font_family.hpp"
#include "content/model.hpp"
#include "core/output_tree.hpp"
#include "site/template_data.hpp"
#include "site/theme.hpp"

#include <string>
#include <vector>

namespace bp::site {

struct Crumb {
    std::string label;
    std::string href; // relative to the site root; empty for the current page
};

struct PageRequest {
    std::string template_name; // "paper", "meeting", …
    std::string path;          // output path: "csp/2017-09-12/index.html"
    std::string title;         // the page's h1 and <title>
    std::vector<Crumb> crumbs; // from the home page down, without the current page
    // Where links start: empty for links relative to the page; "/boards/" for a page the
    // server may send from any depth (the 404 page).
    std::string root;
};

struct SiteContext {
    const content::Site& site;
    content::Audience audience;
    const Theme& theme;
    DiagnosticSink& sink;
    std::string logo_file; // "assets/logo.svg" when the site has a logo
    // The faces chart text is drawn in: those of site.yaml's `style: body_font`, as in the packs
    // (the pack build warns when that family is not installed; charts then keep Noto Sans).
    chart::FontFiles chart_fonts;
};

// Renders the page template with `page` (plus the shared keys), wraps it in the layout and
// writes it.
void write_page(const SiteContext& context, const PageRequest& request, TemplateData page,
                OutputTree& output);

// The RAG colours from site.yaml as CSS custom properties; anything that is not a plain colour
// value is dropped so site.yaml cannot inject CSS.
std::string rag_style(const content::RagColours& colours);

// site.yaml's type sizes (print points) as CSS scale factors, so one `style:` moves the pack and
// the site together. Points do not carry over to a screen, whose body text must follow the
// reader's browser setting: the theme keeps its own rem sizes for the default print sizes and
// multiplies each by the same ratio as the print size, screen = theme size × (site.yaml size /
// default size). With the defaults every factor is 1 and the theme looks as designed. A
// `body_font` becomes --body-font, which heads the theme's font stack.
std::string type_style(const content::Typography& type);

} // namespace bp::site
