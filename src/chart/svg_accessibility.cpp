#include "chart/svg_accessibility.hpp"

#include "core/text.hpp"

#include <cctype>
#include <map>
#include <string_view>

namespace bp::chart {

namespace {

// Where the name of an id or id reference starts at `at` ('id="surface6"', '#image3'), or npos.
std::size_t id_name_at(const std::string& svg, std::size_t at) {
    if (svg[at] == '#')
        return at + 1;
    return svg.compare(at, 4, "id=\"") == 0 ? at + 4 : std::string::npos;
}

// The next place from `from` that may start an id or a reference: a '#' or the 'i' of 'id="'.
std::size_t next_id_start(const std::string& svg, std::size_t from) {
    while (from < svg.size() && svg[from] != '#' && svg[from] != 'i')
        ++from;
    return from;
}

// Cairo names the group for the page after a process-wide surface counter ("surface6"), which
// depends on what else was drawn first; numbering those ids by first appearance makes the
// output the same on every run and thread. (A hand scan: a regex over every chart cost more
// than drawing it.)
std::string renumber_surface_ids(const std::string& svg) {
    std::map<std::string, int> numbers;
    std::string out;
    out.reserve(svg.size());
    std::size_t copied = 0;
    for (std::size_t at = next_id_start(svg, 0); at < svg.size(); at = next_id_start(svg, at + 1)) {
        const std::size_t name_at = id_name_at(svg, at);
        if (name_at == std::string::npos)
            continue;
        for (const std::string_view name : {"surface", "image"}) {
            const std::size_t digits_at = name_at + name.size();
            std::size_t digits_end = digits_at;
            while (digits_end < svg.size() &&
                   std::isdigit(static_cast<unsigned char>(svg[digits_end])))
                ++digits_end;
            if (svg.compare(name_at, name.size(), name) != 0 || digits_end == digits_at)
                continue;
            const std::string key = svg.substr(name_at, digits_end - name_at);
            const int number =
                numbers.try_emplace(key, static_cast<int>(numbers.size()) + 1).first->second;
            out.append(svg, copied, digits_at - copied);
            out += std::to_string(number);
            copied = digits_end;
            at = digits_end - 1;
            break;
        }
    }
    out.append(svg, copied);
    return out;
}

// Cairo numbers its ids from zero in every document ("glyph0-1", "clip1"), so two inlined
// charts would otherwise draw each other's glyphs.
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
