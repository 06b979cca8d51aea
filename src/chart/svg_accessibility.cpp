#include "chart/svg_accessibility.hpp"

#include "core/text.hpp"

#include <map>
#include <regex>

namespace bp::chart {

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    std::size_t at = 0;
    while ((at = text.find(from, at)) != std::string::npos) {
        text.replace(at, from.size(), to);
        at += to.size();
    }
    return text;
}

// Cairo names the group for the page after a process-wide surface counter ("surface6"), which
// depends on what else was drawn first; numbering those ids by first appearance makes the
// output the same on every run and thread.
std::string renumber_surface_ids(const std::string& svg) {
    static const std::regex surface_id(R"re((id="|#)(surface|image)(\d+))re");
    std::map<std::string, int> numbers;
    std::string out;
    auto last = svg.cbegin();
    for (std::sregex_iterator it(svg.begin(), svg.end(), surface_id), end; it != end; ++it) {
        const std::smatch& match = *it;
        const std::string key = match[2].str() + match[3].str();
        const int number =
            numbers.try_emplace(key, static_cast<int>(numbers.size()) + 1).first->second;
        out.append(last, match[0].first);
        out += match[1].str() + match[2].str() + std::to_string(number);
        last = match[0].second;
    }
    out.append(last, svg.cend());
    return out;
}

// Cairo numbers its ids from zero in every document ("glyph0-1", "clip1"), so two inlined
// charts would otherwise draw each other's glyphs.
std::string prefix_ids(std::string svg, const std::string& prefix) {
    svg = replace_all(std::move(svg), " id=\"", " id=\"" + prefix);
    svg = replace_all(std::move(svg), "xlink:href=\"#", "xlink:href=\"#" + prefix);
    svg = replace_all(std::move(svg), "url(#", "url(#" + prefix);
    return svg;
}

std::string id_prefix(const std::string& chart_id) {
    const std::string slug = slugify(chart_id);
    return slug.empty() ? "chart-" : "chart-" + slug + "-";
}

std::string labelled_by(const std::string& prefix, bool has_title, bool has_description) {
    std::string ids;
    if (has_title) {
        ids = prefix + "title";
    }
    if (has_description) {
        ids += (ids.empty() ? "" : " ") + prefix + "desc";
    }
    return ids;
}

} // namespace

std::string make_svg_accessible(const std::string& svg, const std::string& chart_id,
                                const std::string& title, const std::string& description) {
    const std::string prefix = id_prefix(chart_id);
    std::string out = prefix_ids(renumber_surface_ids(svg), prefix);
    const std::size_t root = out.find("<svg");
    const std::size_t root_end = root == std::string::npos ? root : out.find('>', root);
    if (root_end == std::string::npos) {
        return out;
    }
    const std::string clean_title = sanitize_utf8(title);
    const std::string clean_description = sanitize_utf8(description);
    std::string attributes = " role=\"img\"";
    const std::string ids = labelled_by(prefix, !clean_title.empty(), !clean_description.empty());
    if (!ids.empty()) {
        attributes += " aria-labelledby=\"" + ids + "\"";
    }
    std::string children;
    if (!clean_title.empty()) {
        children += "\n<title id=\"" + prefix + "title\">" + html_escape(clean_title) + "</title>";
    }
    if (!clean_description.empty()) {
        children +=
            "\n<desc id=\"" + prefix + "desc\">" + html_escape(clean_description) + "</desc>";
    }
    const bool self_closing = out[root_end - 1] == '/';
    const std::size_t attribute_at = self_closing ? root_end - 1 : root_end;
    out.insert(root_end + 1, children);
    out.insert(attribute_at, attributes);
    return out;
}

} // namespace bp::chart
