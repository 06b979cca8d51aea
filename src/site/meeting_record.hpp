#pragma once
// The record of a meeting on the site, from the minutes that record it: the meeting page's
// minutes link, attendance, declarations and decisions; the minutes page's links to the meeting
// it records and the meeting that approved it; each person's attendance on the board page.
#include "content/model.hpp"
#include "site/page_frame.hpp"

#include <string>

namespace bp::site {

// The meeting page's record section (false when no minutes record the meeting yet).
TemplateData meeting_record_data(const SiteContext& context, const content::Board& board,
                                 const content::Meeting& meeting);

// The minutes page's links, when `paper` records a meeting of the board (else false): back to
// that meeting and on to the meeting that approved them. Links are relative to the paper.
TemplateData minutes_links_data(const content::Board& board, const content::Paper& paper);

// "3 of 4": the meetings with recorded attendance a person was present at, of all of them.
// False when no minutes record attendance.
TemplateData attendance_figure(const content::Board& board, const content::Person& person);

// Where the minutes recording `meeting` are, relative to the site root, when the audience may
// open them ("csp/2017-12-12/02-minutes.html"); empty otherwise.
std::string minutes_path(const SiteContext& context, const content::Board& board,
                         const content::Meeting& meeting);

} // namespace bp::site
