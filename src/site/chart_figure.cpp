#include "site/chart_figure.hpp"

#include "chart/render.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace bp::site {
namespace {

// One screen drawing of a chart: its size in CSS pixels (an SVG user unit is drawn as one CSS
// pixel at natural size, and the page never shows it smaller) and the type sizes for that size.
struct ScreenVariant {
    const char* name;
    double width;
    double text; // axis labels and values; titles are a little larger
};

// Wide for desktop columns, narrow for phones: a 320px screen leaves about 270px for a chart.
constexpr ScreenVariant wide_variant{"wide", 720, 13};
constexpr ScreenVariant narrow_variant{"narrow", 264, 12};

std::string chart_svg(const data::ChartSpec& chart, const ScreenVariant& variant,
                      const chart::FontFiles& fonts, const std::string& page_prefix) {
    data::ChartSpec sized = chart;
    double aspect = chart.height_pt > 0 && chart.width_pt > 0 ? chart.height_pt / chart.width_pt
                                                              : 220.0 / 480.0;
    sized.width_pt = variant.width;
    // A narrow drawing keeps enough height for its bars to read.
    sized.height_pt = std::max(variant.width * aspect, 230.0);
    chart::ChartStyle style;
    chart::draw_text_in(style, fonts);
    style.label_size = variant.text;
    style.value_size = variant.text;
    style.title_size = variant.text + 2;
    return chart::render_svg(sized, style, page_prefix);
}

// The smallest type in a drawing, in its user units: the browser test multiplies it by the
// drawing's on-screen scale to check the text is never below 12 CSS pixels.
std::string text_size_attribute(const ScreenVariant& variant) {
    return " data-min-text-size=\"" + format_number(variant.text, 0) + "\"";
}

std::string format_value(const std::optional<double>& value) {
    if (!value)
        return "\xE2\x80\x93"; // a gap in the data: an en dash
    bool whole = std::fabs(*value - std::round(*value)) < 1e-9;
    return format_number(*value, whole ? 0 : 1);
}

} // namespace

std::string inline_svg(const std::string& svg, const std::string& labelled_by,
                       const std::string& first_attributes) {
    auto start = svg.find("<svg");
    if (start == std::string::npos)
        return {};
    auto tag_end = std::min(svg.find('>', start), svg.size());
    // The page names the drawing by its caption; drop whatever naming the SVG brought along.
    std::string tag = svg.substr(start + 4, tag_end - start - 4); // the root's attributes
    for (std::string_view name :
         {" role=\"", " aria-labelledby=\"", " aria-label=\"", " focusable=\""}) {
        auto at = tag.find(name);
        auto close = at == std::string::npos ? at : tag.find('"', at + name.size());
        if (close != std::string::npos)
            tag.erase(at, close + 1 - at);
    }
    auto end = svg.find_last_not_of("\n ");
    end = end == std::string::npos || end < tag_end ? tag_end : end + 1;
    // Written in one piece: a drawing is tens of kilobytes, and each edit moved all of it.
    std::string out = "<svg" + first_attributes + " role=\"img\" aria-labelledby=\"" + labelled_by +
                      "\" focusable=\"false\"" + tag;
    out.reserve(out.size() + end - tag_end);
    out.append(svg, tag_end, end - tag_end);
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
    out += "</tbody>\n</table>\n";
    return out;
}

std::string render_chart_csv(const data::ChartSpec& chart) {
    auto quoted = [](const std::string& text) {
        if (text.find_first_of(",\"\n") == std::string::npos)
            return text;
        std::string out = "\"";
        for (char c : text)
            out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    };
    std::string out = "Period";
    for (const auto& series : chart.series)
        out += "," + quoted(series.name);
    out += "\r\n";
    for (std::size_t row = 0; row < chart.categories.size(); ++row) {
        out += quoted(chart.categories[row]);
        for (const auto& series : chart.series) {
            out += ",";
            if (row < series.values.size() && series.values[row]) {
                char number[64];
                std::snprintf(number, sizeof number, "%.10g", *series.values[row]);
                out += number;
            }
        }
        out += "\r\n";
    }
    return out;
}

namespace {

// A data: address keeps the download working from file:// and inside the page alone.
std::string csv_data_url(const std::string& csv) {
    static const char* hex = "0123456789ABCDEF";
    std::string out = "data:text/csv;charset=utf-8,";
    for (unsigned char c : csv) {
        bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// A sparkline has no text: it is drawn at its own small size, inline with the figures, in
// whichever face (it draws no letters).
std::string sparkline_drawing(const data::ChartSpec& chart, const std::string& id,
                              const std::string& caption_id) {
    std::string svg =
        inline_svg(chart::render_svg(chart, {}, html_escape(id) + "-"), html_escape(caption_id));
    if (svg.empty())
        return {};
    auto size = chart::chart_size(chart);
    return "<div class=\"chart-drawing sparkline\" style=\"--chart-width:" +
           format_number(size.width * 1.5, 0) + "px\">" + svg + "</div>\n";
}

std::string chart_drawings(const data::ChartSpec& chart, const std::string& id,
                           const std::string& caption_id, const chart::FontFiles& fonts) {
    if (chart.kind == data::ChartKind::sparkline)
        return sparkline_drawing(chart, id, caption_id);
    std::string out;
    for (const ScreenVariant* variant : {&wide_variant, &narrow_variant}) {
        std::string page_prefix = html_escape(id) + "-" + variant->name + "-";
        std::string svg = inline_svg(chart_svg(chart, *variant, fonts, page_prefix),
                                     html_escape(caption_id), text_size_attribute(*variant));
        if (svg.empty())
            continue;
        out += "<div class=\"chart-drawing chart-drawing--" + std::string(variant->name) +
               "\" style=\"--chart-width:" + format_number(variant->width, 0) + "px\">";
        out += svg;
        out += "</div>\n";
    }
    return out;
}

} // namespace

std::string render_chart_figure(const data::ChartSpec& chart, const std::string& id,
                                const chart::FontFiles& fonts) {
    std::string caption_id = id + "-title";
    std::string out = "<figure class=\"chart\" id=\"" + html_escape(id) + "\">\n";
    out += "<figcaption><span class=\"chart-title\" id=\"" + html_escape(caption_id) + "\">" +
           html_escape(chart.title) + "</span>";
    if (!chart.description.empty())
        out += "<span class=\"chart-description\">" + html_escape(chart.description) + "</span>";
    out += "</figcaption>\n";
    out += chart_drawings(chart, id, caption_id, fonts);
    out += "<details class=\"chart-details\">\n<summary>Show the figures behind this "
           "chart</summary>\n";
    out += render_chart_table(chart);
    std::string file = (chart.id.empty() ? id : chart.id) + ".csv";
    out += "<p class=\"chart-download\"><a href=\"" + csv_data_url(render_chart_csv(chart)) +
           "\" download=\"" + html_escape(file) + "\">Download these figures</a> (CSV)</p>\n";
    out += "</details>\n</figure>\n";
    return out;
}

} // namespace bp::site
