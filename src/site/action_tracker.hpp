#pragma once
// The board's action tracker: every action raised at its meetings, with status as at the latest
// held meeting, as a plain table that filter controls (status, lead, meeting) narrow when
// JavaScript runs. A long log is split into pages of a few hundred actions, open ones first.
#include "data/actions.hpp"
#include "site/page_frame.hpp"

#include <string>

namespace bp::site {

// What the status column says as at `date`: "Overdue", "Due soon", "Open", "In progress",
// "Complete", "Dropped".
std::string action_status_text(const data::Action& action, Date date);

// Whether the audience may see the action: not when the minutes paper that raised it is
// withheld from them.
bool action_visible(const content::Board& board, const data::Action& action,
                    content::Audience audience);

// <board>/actions.html (and actions-2.html, … for a long log), when the board has actions.
void write_action_tracker(const SiteContext& context, const content::Board& board,
                          OutputTree& output);

} // namespace bp::site
