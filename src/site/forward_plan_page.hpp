#pragma once
// The board's forward plan: the reports expected at each meeting after the latest one held.
#include "site/page_frame.hpp"

namespace bp::site {

// <board>/forward-plan.html, when the board has a forward plan.
void write_forward_plan_page(const SiteContext& context, const content::Board& board,
                             OutputTree& output);

} // namespace bp::site
