#include "layout/layout.hpp"

#include "layout/block_layout.hpp"
#include "layout/paginator.hpp"
#include "layout/width_cache.hpp"

namespace bp::layout {

std::vector<Page> lay_out(const LayoutInput& input, const PageGeometry& geometry,
                          const TextStyle& style, const TextMeasurer& measurer,
                          double first_page_top_offset) {
    WidthCache widths(measurer);
    BlockLayouter layouter(input, style, widths, text_height(geometry));
    if (input.document)
        layouter.lay_out_document(*input.document, text_measure(geometry));
    return paginate(layouter.slices(), geometry, first_page_top_offset);
}

} // namespace bp::layout
