// Charts and images: boxes scaled down to the measure and to the page, kept whole.
#include "core/text.hpp"
#include "layout/block_layout.hpp"
#include "layout/image_size.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace bp::layout {

namespace {

constexpr double points_per_pixel = 0.75; // images are drawn at 96 pixels per inch

// The only image in a paragraph, ignoring surrounding white space.
const doc::Inline* lone_image(const doc::Inlines& inlines) {
    const doc::Inline* image = nullptr;
    for (const auto& item : inlines) {
        if (item.kind == doc::InlineKind::soft_break || item.kind == doc::InlineKind::line_break)
            continue;
        if (item.kind == doc::InlineKind::text && trim(item.text).empty())
            continue;
        if (item.kind != doc::InlineKind::image || image)
            return nullptr;
        image = &item;
    }
    return image;
}

bool is_remote(const std::string& url) {
    return starts_with(url, "http:") || starts_with(url, "https:") || starts_with(url, "data:") ||
           starts_with(url, "//");
}

} // namespace

bool BlockLayouter::image_paragraph(const doc::Block& block, const BlockContext& context) {
    const doc::Inline* image = lone_image(block.inlines);
    if (!image)
        return false;
    std::string alt = image->text.empty() ? std::string("image") : image->text;
    if (is_remote(image->url)) {
        warn(image->location, "remote image '" + image->url + "' is not embedded in the pack",
             "save the image beside the paper and link it by a relative path");
        muted_line("[" + alt + "]", context);
        return true;
    }
    std::filesystem::path path(image->url);
    if (path.is_relative() && !input_.image_root.empty())
        path = std::filesystem::path(input_.image_root) / path;
    auto info = read_image_info(path.string());
    if (!info) {
        warn(image->location, "cannot read image '" + image->url + "' as PNG, JPEG or SVG",
             "check the path, relative to the paper; PNG, JPEG and SVG images can be printed");
        muted_line("[" + alt + "]", context);
        return true;
    }
    double width = info->width * points_per_pixel;
    double height = info->height * points_per_pixel;
    double scale = std::min({1.0, context.width / width, page_body_height_ * 0.95 / height});
    width *= scale;
    height *= scale;
    Slice slice;
    slice.height = height;
    slice.boxes.images.push_back(
        ImagePlacement{context.x + (context.width - width) / 2, 0, width, height, path.string()});
    stream_.space(context.size * 0.8);
    emit(std::move(slice), context);
    stream_.space(context.size * 0.8);
    return true;
}

void BlockLayouter::chart(const doc::Block& block, const BlockContext& context) {
    const auto* charts = input_.charts;
    if (!charts || block.chart_index < 0 || block.chart_index >= static_cast<int>(charts->size())) {
        warn(block.location, "chart " + std::to_string(block.chart_index) + " is not available");
        muted_line("[chart not available]", context);
        return;
    }
    const auto& spec = (*charts)[static_cast<std::size_t>(block.chart_index)];
    double caption_size = reduced_size(context.size, 0.85);
    std::vector<LineBox> caption_lines;
    if (!block.caption.empty()) {
        Look look{FontStyle::italic, caption_size, style_.muted};
        caption_lines = break_lines(flow_text(block.caption, look, widths_), context.width,
                                    metrics(caption_size), widths_);
    }
    double caption_height = 0;
    for (const auto& line : caption_lines)
        caption_height += line.height;

    auto usable = [](double value) { return std::isfinite(value) && value > 0; };
    double width = usable(spec.width_pt) ? spec.width_pt : 480;
    double height = usable(spec.height_pt) ? spec.height_pt : 220;
    double room = std::max(page_body_height_ - caption_height - caption_size, 20.0);
    double scale = std::min({1.0, context.width / width, room / height});
    width *= scale;
    height *= scale;

    Slice slice;
    slice.height = height;
    slice.keep_with_next = !caption_lines.empty();
    slice.boxes.charts.push_back(ChartPlacement{context.x + (context.width - width) / 2, 0, width,
                                                height, block.chart_index});
    stream_.space(context.size * 0.8);
    emit(std::move(slice), context);
    if (!caption_lines.empty()) {
        stream_.space(caption_size * 0.4);
        emit_lines(caption_lines, context, true);
        stream_.at(stream_.size() - 1).keep_with_next = false;
    }
    stream_.space(context.size * 0.8);
}

} // namespace bp::layout
