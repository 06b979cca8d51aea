#pragma once
// The board's decisions page: every resolution its minutes record, with the item, the meeting,
// whether the minutes are approved yet, and a link to the minute; filter controls (meeting,
// minutes status) narrow the table when JavaScript runs, as on the action tracker.
#include "site/page_frame.hpp"

#include <string>

namespace bp::site {

bool has_decisions_page(const content::Board& board);
std::string decisions_path(const content::Board& board); // "csp/decisions.html"

// <board>/decisions.html, when any minutes of the board record a decision.
void write_decisions_page(const SiteContext& context, const content::Board& board,
                          OutputTree& output);

} // namespace bp::site
