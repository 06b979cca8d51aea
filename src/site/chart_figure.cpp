#include "site/chart_figure.hpp"

#include "core/text.hpp"

#include <cmath>

#if __has_include("chart/render.hpp")
#include "chart/render.hpp"
#define BOARDPACK_HAVE_CHART_RENDER 1
#endif

namespace bp::site {
namespace {

std::string chart_svg(const data::ChartSpec& chart) {
#ifdef BOARDPACK_HAVE_CHART_RENDER
    return chart::render_svg(chart);
#else
    (void)chart;
    return {};
#endif
}

std::string format_value(const std::optional<double>& value) {
    if (!value)
        return "\xE2\x80\x93"; // a gap in the data: an en dash
    bool whole = std::fabs(*value - std::round(*value)) < 1e-9;
    return format_number(*value, whole ? 0 : 1);
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

} // namespace

std::string inline_svg(const std::string& svg, const std::string& id_prefix,
                       const std::string& labelled_by) {
    auto start = svg.find("<svg");
    if (start == std::string::npos)
        return {};
    std::string out = svg.substr(start);
    std::string prefix = id_prefix + "-";
    replace_all(out, " id=\"", " id=\"" + prefix);
    replace_all(out, "href=\"#", "href=\"#" + prefix);
    replace_all(out, "url(#", "url(#" + prefix);
    // The page names the drawing by its caption; drop whatever naming the SVG brought along.
    auto tag_end = out.find('>');
    for (const char* name :
         {" role=\"", " aria-labelledby=\"", " aria-label=\"", " focusable=\""}) {
        auto at = out.find(name);
        if (at == std::string::npos || at > tag_end)
            continue;
        auto close = out.find('"', at + std::string(name).size());
        if (close == std::string::npos || close > tag_end)
            continue;
        out.erase(at, close + 1 - at);
        tag_end = out.find('>');
    }
    out.insert(4, " role=\"img\" aria-labelledby=\"" + labelled_by + "\" focusable=\"false\"");
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return out;
}

std::string render_chart_table(const data::ChartSpec& chart) {
    std::string out = "<table class=\"chart-data\">\n<caption>" + html_escape(chart.title) +
                      (chart.unit.empty() ? "" : " (" + html_escape(chart.unit) + ")") +
                      "</caption>\n<thead>\n<tr><th scope=\"col\">Period</th>";
    for (const auto& series : chart.series)
        out += "<th scope=\"col\" class=\"align-right\">" + html_escape(series.name) + "</th>";
    out += "</tr>\n</thead>\n<tbody>\n";
    for (std::size_t row = 0; row < chart.categories.size(); ++row) {
        out += "<tr><th scope=\"row\">" + html_escape(chart.categories[row]) + "</th>";
        for (const auto& series : chart.series) {
            std::optional<double> value;
            if (row < series.values.size())
                value = series.values[row];
            out += "<td class=\"align-right\">" + format_value(value) + "</td>";
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

std::string render_chart_figure(const data::ChartSpec& chart, const std::string& id) {
    std::string caption_id = id + "-title";
    std::string out = "<figure class=\"chart\" id=\"" + html_escape(id) + "\">\n";
    out += "<figcaption><span class=\"chart-title\" id=\"" + html_escape(caption_id) + "\">" +
           html_escape(chart.title) + "</span>";
    if (!chart.description.empty())
        out += "<span class=\"chart-description\">" + html_escape(chart.description) + "</span>";
    out += "</figcaption>\n";
    std::string svg = inline_svg(chart_svg(chart), html_escape(id), html_escape(caption_id));
    if (!svg.empty())
        out += "<div class=\"chart-drawing\">" + svg + "</div>\n";
    out += "<details class=\"chart-details\">\n<summary>Show the figures behind this "
           "chart</summary>\n";
    out += render_chart_table(chart);
    return out + "</details>\n</figure>\n";
}

} // namespace bp::site
