#include "chart/svg_accessibility.hpp"

#include "core/text.hpp"

namespace bp::chart {

namespace {

// Every chart numbers its ids from one ("glyph-1", "clip-1"), so two inlined charts would
// otherwise draw each other's glyphs.
std::string prefix_ids(const std::string& svg, const std::string& prefix) {
    std::string out = replace_all(svg, " id=\"", " id=\"" + prefix);
    out = replace_all(out, "xlink:href=\"#", "xlink:href=\"#" + prefix);
    return replace_all(out, "url(#", "url(#" + prefix);
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
    std::string out = prefix_ids(svg, prefix);
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
