#include "site/page_frame.hpp"

#include "core/rag.hpp"
#include "core/text.hpp"
#include "site/site_paths.hpp"

#include <cctype>

namespace bp::site {
namespace {

std::string css_colour(const std::string& value, const std::string& fallback) {
    if (value.empty())
        return fallback;
    for (unsigned char c : value)
        if (!std::isalnum(c) && c != '#' && c != '(' && c != ')' && c != ',' && c != '.' &&
            c != '%' && c != ' ')
            return fallback;
    return value;
}

// A ratio with at most four decimals, written the same way whatever the locale.
std::string css_number(double value) {
    return short_decimal(value, 4);
}

// The trail to the page, made in the page's own list (see put_navigation).
void put_breadcrumbs(TemplateData& page, const std::vector<Crumb>& crumbs,
                     const std::string& current, const std::string& root) {
    std::vector<TemplateData>& list = list_in(page, "breadcrumbs");
    list.reserve(crumbs.size() + 1);
    for (const auto& crumb : crumbs)
        list.push_back(link_data(crumb.label, root + crumb.href));
    TemplateData last = object_data();
    put(last, "label", current);
    put(last, "href", false);
    list.push_back(std::move(last));
}

// The boards for the site's menu, made in the page's own list: each page has one, and a
// list given to the template data is copied whole, each board's entry with it.
void put_navigation(TemplateData& page, const content::Site& site, const std::string& path,
                    const std::string& root) {
    std::vector<TemplateData>& boards = list_in(page, "nav_boards");
    boards.reserve(site.boards.size());
    for (const auto& board : site.boards) {
        const std::string dir = board_dir(board);
        TemplateData entry = object_data();
        put(entry, "name", board.name);
        put(entry, "short_name", board.short_name.empty() ? board.name : board.short_name);
        put(entry, "href", root + dir + "/index.html");
        put(entry, "current",
            path.size() > dir.size() && starts_with(path, dir) && path[dir.size()] == '/');
        boards.push_back(std::move(entry));
    }
}

void set_shared(const SiteContext& context, const PageRequest& request, TemplateData& page) {
    const auto& config = context.site.config;
    std::string root = request.root.empty() ? root_prefix(request.path) : request.root;
    bool members = context.audience == content::Audience::members;
    put(page, "lang", config.language.empty() ? std::string("en") : config.language);
    put(page, "site_title", config.title);
    put(page, "organisation", config.organisation);
    put(page, "root", root);
    put(page, "page_title", request.title);
    put(page, "head_title",
        request.title == config.title ? config.title
                                      : request.title + " \xE2\x80\x93 " + config.title);
    put(page, "house_style", rag_style(config.rag) + type_style(config.type));
    put(page, "logo_src",
        context.logo_file.empty() ? TemplateData(false) : TemplateData(root + context.logo_file));
    put_navigation(page, context.site, request.path, root);
    put_breadcrumbs(page, request.crumbs, request.title, root);
    put(page, "has_breadcrumbs", !request.crumbs.empty());
    put(page, "members_edition", members);
    put(page, "edition_label",
        members ? "Members\xE2\x80\x99 edition: includes restricted items" : "Public edition");
    put(page, "home_href", root + "index.html");
    put(page, "archive_href", root + "archive/index.html");
    put(page, "meetings_calendar_href", root + "calendar/index.html");
    put(page, "search_href", root + "search/index.html");
    put(page, "feed_href", root + "feed.xml");
}

} // namespace

std::string rag_style(const content::RagColours& colours) {
    content::RagColours defaults;
    std::string style = ":root{";
    for (Rag rag : coloured_rags)
        style += std::string(rag == coloured_rags[0] ? "" : ";") + "--rag-" + rag_key(rag) + ":" +
                 css_colour(*rag_colour(colours, rag), *rag_colour(defaults, rag));
    return style + "}";
}

std::string type_style(const content::Typography& type) {
    const content::Typography defaults;
    std::string style = ":root{--body-scale:" + css_number(type.body_size / defaults.body_size) +
                        ";--leading-scale:" + css_number(type.leading / defaults.leading);
    for (int level = 0; level < 3; ++level)
        style += ";--h" + std::to_string(level + 1) +
                 "-scale:" + css_number(type.heading_sizes[level] / defaults.heading_sizes[level]);
    // The theme's font stack follows the family; site.yaml's reader admits no character that
    // could end the quoted name.
    if (!type.body_font.empty())
        style += ";--body-font:\"" + type.body_font + "\"";
    return style + "}";
}

void write_page(const SiteContext& context, const PageRequest& request, TemplateData page,
                OutputTree& output) {
    set_shared(context, request, page);
    put(page, "content", context.theme.render(request.template_name, page, context.sink));
    std::string html = context.theme.render("layout", page, context.sink);
    if (html.empty())
        return;
    output.write(request.path, html);
}

} // namespace bp::site
