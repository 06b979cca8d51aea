#pragma once
// Where each page lives in the output and how pages link to each other. Every link is relative,
// so the site works under any base path and straight from the file system.
#include "content/model.hpp"

#include <string>
#include <vector>

namespace bp::site {

std::string board_dir(const content::Board& board);       // "csp"
std::string board_feed_path(const content::Board& board); // "csp/feed.xml"
std::string meeting_dir(const content::Board& board,
                        const content::Meeting& meeting); // "csp/2017-09-12"
// "07-performance-report.html" (or ".pdf" for an external appendix), beside the meeting page.
std::string paper_file(const content::AgendaItem& item, const content::Paper& paper);
// "../../" for a page at "csp/2017-09-12/index.html".
std::string root_prefix(const std::string& page_path);
// The path the site is served from, from its base URL: "/boards/" for
// "https://intranet.example/boards", "/" when there is no base URL.
std::string site_root_path(const std::string& base_url);

// What the audience may see of an item in listings built from the site index (home page,
// feeds), which has not had the audience applied.
bool item_withheld(const content::AgendaItem& item, content::Audience audience);
std::vector<const content::Paper*> visible_papers(const content::AgendaItem& item,
                                                  content::Audience audience);

// An agenda flattened in order, sub-items after their parent.
std::vector<const content::AgendaItem*>
flatten_items(const std::vector<content::AgendaItem>& items);

// "archive/csp-2017-18-q2.pdf": a board's quarterly archive pack, relative to the site root;
// "archive/csp-2017-18-q2-members.pdf" in the members' edition, as its meeting packs are named.
std::string quarter_pack_path(const std::string& board_slug, int financial_year, int quarter,
                              const data::FinancialCalendar& calendar, content::Audience audience);

// "1.2 MB", "340 KB", "900 bytes"
std::string format_bytes(std::size_t bytes);
// "2:00 pm to 4:00 pm", "2:00 pm", or "" when no time is set.
std::string format_time_range(int start_minutes, int end_minutes);
std::string status_label(content::MeetingStatus status); // "Held"
std::string security_label(content::Security security);  // "Official"

} // namespace bp::site
