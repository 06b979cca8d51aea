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

// A paper, or a part of one that starts on a fresh page (a one-page summary), whose last page
// would hold no more than this many body lines is set again with closer leading first.
constexpr double leading_spill_lines = 2;
// How far the leading may close up, as a fraction of the house style's, and its floor as a
// multiple of the size: closer than that, lines of text start to touch.
constexpr double tightest_leading_fraction = 0.95;
constexpr double tightest_leading = 1.2;

// The slices from one explicit page break to the next: [begin, end).
struct Section {
    std::size_t begin = 0, end = 0;
};

std::vector<Section> sections_of(const std::vector<Slice>& slices) {
    std::vector<Section> sections{{0, 0}};
    for (std::size_t i = 0; i < slices.size(); ++i) {
        if (slices[i].break_before && i > sections.back().begin)
            sections.push_back({i, i});
        sections.back().end = i + 1;
    }
    return sections;
}

std::vector<Slice> section_slices(const std::vector<Slice>& slices, const Section& section) {
    return {slices.begin() + static_cast<std::ptrdiff_t>(section.begin),
            slices.begin() + static_cast<std::ptrdiff_t>(section.end)};
}

double spill_height(const TextStyle& style) {
    return leading_spill_lines * style.body_size * style.leading + 0.01;
}

// True when some page after the first holds no more than a two-line spill: only then can
// closer leading save a page, so only then is the paper set a second time.
bool has_short_page(const std::vector<Page>& pages, const PageGeometry& geometry,
                    const TextStyle& style) {
    for (std::size_t p = 1; p < pages.size(); ++p) {
        double used = content_bottom(pages[p]) - geometry.margin_top;
        if (used > 0 && used <= spill_height(style))
            return true;
    }
    return false;
}

int page_count(const std::vector<Slice>& slices, const PageGeometry& geometry, double offset) {
    return static_cast<int>(paginate(slices, geometry, offset).size());
}

std::vector<Slice> with_closer_spacing(std::vector<Slice> slices) {
    for (auto& slice : slices)
        slice.space_before *= tightest_spacing;
    return slices;
}

// Each section that spills no more than two lines onto a page of its own is replaced by the
// same section set with closer leading (`tight`, laid out from the same document), when that
// takes fewer pages. The result is kept only when the whole paper takes fewer pages.
std::vector<Page> close_up_leading(const std::vector<Slice>& normal,
                                   const std::vector<Slice>& tight, std::vector<Page> pages,
                                   const PageGeometry& geometry, const TextStyle& style,
                                   double offset) {
    std::vector<Section> normal_sections = sections_of(normal);
    std::vector<Section> tight_sections = sections_of(tight);
    if (normal_sections.size() != tight_sections.size())
        return pages;
    std::vector<Slice> chosen;
    bool changed = false;
    for (std::size_t s = 0; s < normal_sections.size(); ++s) {
        double section_offset = s == 0 ? offset : 0;
        std::vector<Slice> part = section_slices(normal, normal_sections[s]);
        std::vector<Page> part_pages = paginate(part, geometry, section_offset);
        bool spills =
            part_pages.size() > 1 &&
            content_bottom(part_pages.back()) - geometry.margin_top <= spill_height(style);
        if (spills) {
            std::vector<Slice> closer = section_slices(tight, tight_sections[s]);
            int needed = static_cast<int>(part_pages.size());
            if (page_count(closer, geometry, section_offset) < needed) {
                part = std::move(closer);
                changed = true;
            } else if (std::vector<Slice> closest = with_closer_spacing(closer);
                       page_count(closest, geometry, section_offset) < needed) {
                part = std::move(closest);
                changed = true;
            }
        }
        chosen.insert(chosen.end(), part.begin(), part.end());
    }
    if (!changed)
        return pages;
    std::vector<Page> tighter = paginate(chosen, geometry, offset);
    return tighter.size() < pages.size() ? tighter : pages;
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
    if (is_short_spill(pages, geometry, style)) {
        std::vector<Page> tighter =
            paginate(with_closer_spacing(layouter.slices()), geometry, first_page_top_offset);
        if (tighter.size() < pages.size())
            return tighter;
    }
    // Failing that, a paper or one-page summary that spills by two lines or fewer is set again
    // with its leading closed up a little.
    TextStyle closer = style;
    closer.leading = std::max(tightest_leading, style.leading * tightest_leading_fraction);
    if (!input.document || closer.leading >= style.leading ||
        !has_short_page(pages, geometry, style))
        return pages;
    LayoutInput quiet = input;
    quiet.diagnostics = nullptr; // the first setting has reported every warning already
    BlockLayouter tight(quiet, closer, widths, text_height(geometry), turned_measure);
    tight.lay_out_document(*input.document, text_measure(geometry));
    return close_up_leading(layouter.slices(), tight.slices(), std::move(pages), geometry, style,
                            first_page_top_offset);
}

} // namespace bp::layout
