#pragma once
// Places slices onto pages: honours explicit breaks and keep-with-next chains, repeats table
// headers on continuation pages, and cuts only slices that are taller than a whole page.
#include "layout/layout.hpp"
#include "layout/slice.hpp"

#include <vector>

namespace bp::layout {

// The text block's measure, the same on left- and right-hand pages.
double text_measure(const PageGeometry& geometry);
// Height of the text block on a page without a reserved top.
double text_height(const PageGeometry& geometry);

std::vector<Page> paginate(const std::vector<Slice>& slices, const PageGeometry& geometry,
                           double first_page_top_offset);

} // namespace bp::layout
