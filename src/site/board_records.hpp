#pragma once
// What the board's record pages share: the RAG badge, the date their statuses are shown as at,
// and the links between them and the board page.
#include "content/model.hpp"

#include <string>

namespace bp::site {

// A RAG shown by colour and by word: <span class="rag-badge rag-red">…Red</span>. `slug` is
// "red", "amber", "green", "grey" or empty (no colour).
std::string rag_badge(const std::string& slug, const std::string& label);

// The date of the latest held meeting; else of the latest meeting; nothing when there is none.
std::optional<Date> latest_held_date(const content::Board& board);

// The meeting of the board on `date`, or nullptr.
const content::Meeting* meeting_on(const content::Board& board, const Date& date);

// Which record pages a board has (the board page links to each one that exists).
bool has_indicator_pages(const content::Board& board);
bool has_action_tracker(const content::Board& board);
bool has_forward_plan_page(const content::Board& board);

// Paths of the record pages, relative to the site root.
std::string indicators_index_path(const content::Board& board); // "csp/indicators/index.html"
std::string indicator_page_path(const content::Board& board, const std::string& id);
std::string action_tracker_path(const content::Board& board); // "csp/actions.html"
std::string forward_plan_path(const content::Board& board);   // "csp/forward-plan.html"

} // namespace bp::site
