#include "site/board_records.hpp"

#include "core/text.hpp"
#include "data/actions.hpp"
#include "data/forward_plan.hpp"
#include "data/indicators.hpp"
#include "site/site_paths.hpp"

namespace bp::site {

std::string rag_badge(const std::string& slug, const std::string& label) {
    std::string classes = "rag-badge";
    if (!slug.empty())
        classes += " rag-" + slug;
    return "<span class=\"" + classes +
           "\"><span class=\"rag-swatch\" aria-hidden=\"true\"></span>" + html_escape(label) +
           "</span>";
}

std::optional<Date> latest_held_date(const content::Board& board) {
    std::optional<Date> latest;
    for (const auto& meeting : board.meetings)
        if (meeting.status == content::MeetingStatus::held && (!latest || meeting.date > *latest))
            latest = meeting.date;
    if (!latest)
        for (const auto& meeting : board.meetings)
            if (!latest || meeting.date > *latest)
                latest = meeting.date;
    return latest;
}

const content::Meeting* meeting_on(const content::Board& board, const Date& date) {
    for (const auto& meeting : board.meetings)
        if (meeting.date == date)
            return &meeting;
    return nullptr;
}

bool has_indicator_pages(const content::Board& board) {
    return board.indicators && !board.indicators->indicators.empty();
}

bool has_action_tracker(const content::Board& board) {
    return board.actions && !board.actions->actions.empty();
}

bool has_forward_plan_page(const content::Board& board) {
    return board.forward_plan && !board.forward_plan->meetings.empty();
}

std::string indicators_index_path(const content::Board& board) {
    return board_dir(board) + "/indicators/index.html";
}

std::string indicator_page_path(const content::Board& board, const std::string& id) {
    return board_dir(board) + "/indicators/" + id + ".html";
}

std::string action_tracker_path(const content::Board& board) {
    return board_dir(board) + "/actions.html";
}

std::string forward_plan_path(const content::Board& board) {
    return board_dir(board) + "/forward-plan.html";
}

} // namespace bp::site
