#include "layout/layout.hpp"

#include "layout/block_layout.hpp"
#include "layout/paginator.hpp"
#include "layout/width_cache.hpp"

#include <algorithm>

namespace bp::layout {

namespace {

// A last page holding no more than this many body lines is a spill worth saving.
constexpr double short_spill_lines = 3;
// How far the space between blocks may close up to pull a short spill back.
constexpr double tightest_spacing = 0.5;

// How far down the page its lowest box reaches.
double content_bottom(const Page& page) {
    double bottom = 0;
    for (const auto& run : page.texts)
        bottom = std::max(bottom, run.baseline + run.size * 0.25);
    for (const auto& rect : page.rectangles)
        bottom = std::max(bottom, rect.y + rect.height);
    for (const auto& rule : page.rules)
        bottom = std::max({bottom, rule.y1, rule.y2});
    for (const auto& chart : page.charts)
        bottom = std::max(bottom, chart.y + chart.height);
    for (const auto& image : page.images)
        bottom = std::max(bottom, image.y + image.height);
    return bottom;
}

bool is_short_spill(const std::vector<Page>& pages, const PageGeometry& geometry,
                    const TextStyle& style) {
    if (pages.size() < 2)
        return false;
    double used = content_bottom(pages.back()) - geometry.margin_top;
    return used > 0 && used <= short_spill_lines * style.body_size * style.leading;
}

} // namespace

std::vector<Page> lay_out(const LayoutInput& input, const PageGeometry& geometry,
                          const TextStyle& style, const TextMeasurer& measurer,
                          double first_page_top_offset) {
    WidthCache own_widths(measurer);
    bool shared = input.widths && &input.widths->measurer() == &measurer;
    WidthCache& widths = shared ? *input.widths : own_widths;
    PageGeometry turned = geometry;
    std::swap(turned.width, turned.height);
    double turned_measure = geometry.landscape ? 0 : text_measure(turned);
    BlockLayouter layouter(input, style, widths, text_height(geometry), turned_measure);
    if (input.document)
        layouter.lay_out_document(*input.document, text_measure(geometry));
    std::vector<Page> pages = paginate(layouter.slices(), geometry, first_page_top_offset);
    // A paper that overflows by a line or two closes up the space between its blocks rather
    // than spill onto a page of its own, as a typesetter would.
    if (!is_short_spill(pages, geometry, style))
        return pages;
    std::vector<Slice> tightened = layouter.slices();
    for (auto& slice : tightened)
        slice.space_before *= tightest_spacing;
    std::vector<Page> tighter = paginate(tightened, geometry, first_page_top_offset);
    return tighter.size() < pages.size() ? tighter : pages;
}

} // namespace bp::layout
