#include "pack/house_style.hpp"

#include "core/filesystem.hpp"
#include "core/image_file.hpp"

#include <algorithm>
#include <cstdlib>

namespace bp::pack {

layout::Colour colour_from_hex(const std::string& hex, const layout::Colour& fallback) {
    if (hex.size() != 7 || hex[0] != '#' ||
        hex.find_first_not_of("0123456789abcdefABCDEF", 1) != std::string::npos)
        return fallback;
    auto channel = [&](int at) {
        return std::strtol(hex.substr(at, 2).c_str(), nullptr, 16) / 255.0;
    };
    return {channel(1), channel(3), channel(5)};
}

layout::TextStyle print_text_style(const content::SiteConfig& config) {
    layout::TextStyle style;
    const content::Typography& type = config.type;
    style.body_size = type.body_size;
    style.leading = type.leading;
    for (int level = 0; level < 3; ++level)
        style.heading_sizes[level] = std::max(type.heading_sizes[level], type.body_size);
    // Fourth to sixth levels are set in bold at the body size (a little larger for the fourth).
    style.heading_sizes[3] = type.body_size + 0.5;
    style.heading_sizes[4] = type.body_size;
    style.heading_sizes[5] = type.body_size;
    const layout::RagPalette defaults;
    style.rag.red = colour_from_hex(config.rag.red, defaults.red);
    style.rag.amber = colour_from_hex(config.rag.amber, defaults.amber);
    style.rag.green = colour_from_hex(config.rag.green, defaults.green);
    style.rag.grey = colour_from_hex(config.rag.grey, defaults.grey);
    style.rag.blue = colour_from_hex(config.rag.blue, defaults.blue);
    return style;
}

chart::ChartStyle print_chart_style(double scale, const chart::FontFiles& fonts) {
    chart::ChartStyle style;
    chart::draw_text_in(style, fonts);
    double smallest = 9 / std::clamp(scale, 0.1, 1.0);
    style.label_size = std::max(style.label_size, smallest);
    style.value_size = std::max(style.value_size, smallest);
    style.title_size = std::max(style.title_size, smallest + 1);
    return style;
}

chart::ChartStyle placed_chart_style(const data::ChartSpec& spec,
                                     const layout::ChartPlacement& placement,
                                     const chart::FontFiles& fonts) {
    double scale = spec.width_pt > 0 ? placement.width / spec.width_pt : 1;
    return print_chart_style(scale, fonts);
}

void place_logo(layout::Page& page, const content::Site& site, double right_margin) {
    if (site.config.logo.empty() || site.source_root.empty())
        return;
    std::string path = site.source_root + "/" + site.config.logo;
    std::string error;
    auto header = read_image_header(read_regular_file(path).value_or(""), error);
    if (!header)
        return; // reported when site.yaml was read
    const double max_height = 40, max_width = 160, top = 20;
    double scale = std::min(max_height / header->height, max_width / header->width);
    double width = header->width * scale;
    double height = header->height * scale;
    page.images.push_back(
        layout::ImagePlacement{page.width - right_margin - width, top, width, height, path});
}

} // namespace bp::pack
