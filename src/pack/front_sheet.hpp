#pragma once
// The front sheet (meeting details and the agenda with page ranges) and the membership page.
#include "content/model.hpp"
#include "layout/page.hpp"
#include "pack/pack_plan.hpp"

#include <vector>

namespace bp::pack {

struct FrontSheet {
    std::vector<layout::Page> pages;
    std::vector<PlacedRow> rows; // one per plan item, in plan order
};

// `plan` carries the page ranges (zero while they are not yet known).
FrontSheet compose_front_sheet(const content::Site& site, const content::Board& board,
                               const content::Meeting& meeting, const PackPlan& plan,
                               const layout::TextMeasurer& measurer, const PackGeometry& geometry);

// The board's membership, starting on pack page `first_page_number`.
std::vector<layout::Page> compose_membership(const content::Board& board,
                                             const layout::TextMeasurer& measurer,
                                             const PackGeometry& geometry, int first_page_number);

// "Pages 11 – 46", "Page 73", "Verbal", "Not for publication" (withheld, no pages) or "".
std::string page_range_text(const ItemPlan& row);
// "2:00 pm – 4:00 pm"; just the start when there is no end; empty when neither is set.
std::string time_span(int start_minutes, int end_minutes);

} // namespace bp::pack
