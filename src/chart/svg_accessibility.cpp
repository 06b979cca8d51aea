#include "chart/svg_accessibility.hpp"

#include "core/text.hpp"

namespace bp::chart {

namespace {

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

std::string svg_id_prefix(const std::string& chart_id) {
    const std::string slug = slugify(chart_id);
    return slug.empty() ? "chart-" : "chart-" + slug + "-";
}

std::string make_svg_accessible(const std::string& svg, const std::string& id_prefix,
                                const std::string& title, const std::string& description) {
    const std::size_t root = svg.find("<svg");
    const std::size_t root_end = root == std::string::npos ? root : svg.find('>', root);
    if (root_end == std::string::npos) {
        return svg;
    }
    const std::string clean_title = sanitize_utf8(title);
    const std::string clean_description = sanitize_utf8(description);
    std::string attributes = " role=\"img\"";
    const std::string ids =
        labelled_by(id_prefix, !clean_title.empty(), !clean_description.empty());
    if (!ids.empty()) {
        attributes += " aria-labelledby=\"" + ids + "\"";
    }
    std::string children;
    if (!clean_title.empty()) {
        children +=
            "\n<title id=\"" + id_prefix + "title\">" + html_escape(clean_title) + "</title>";
    }
    if (!clean_description.empty()) {
        children +=
            "\n<desc id=\"" + id_prefix + "desc\">" + html_escape(clean_description) + "</desc>";
    }
    const bool self_closing = svg[root_end - 1] == '/';
    const std::size_t attribute_at = self_closing ? root_end - 1 : root_end;
    // Written in one piece: a drawing is tens of kilobytes, and each insertion moved all of it.
    std::string out;
    out.reserve(svg.size() + attributes.size() + children.size());
    out.append(svg, 0, attribute_at);
    out += attributes;
    out.append(svg, attribute_at, root_end + 1 - attribute_at);
    out += children;
    out.append(svg, root_end + 1);
    return out;
}

} // namespace bp::chart
