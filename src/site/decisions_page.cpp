#include "site/decisions_page.hpp"

#include "site/count_phrase.hpp"
#include "site/meeting_record.hpp"
#include "site/site_paths.hpp"

namespace bp::site {
namespace {

bool item_withheld_at(const content::Meeting& meeting, const std::string& number,
                      content::Audience audience) {
    for (const auto* item : flatten_items(meeting.items))
        if (item->number == number)
            return item_withheld(*item, audience);
    return false;
}

TemplateData decision_row(const content::Meeting& meeting, const content::Decision& decision,
                          const std::string& minutes_href) {
    TemplateData row = object_data();
    put(row, "item", decision.item);
    put(row, "title", decision.item_title);
    put(row, "text", decision.text);
    TemplateData points = list_data();
    for (const auto& point : decision.points)
        points.push_back(TemplateData(point));
    put(row, "has_points", !decision.points.empty());
    put(row, "points", points);
    put(row, "meeting", meeting.date.medium_form());
    put(row, "meeting_iso", meeting.date.iso());
    put(row, "meeting_href", meeting.slug + "/index.html");
    bool approved = !meeting.minutes->approved_at.empty();
    put(row, "minutes_status", approved ? "approved" : "draft");
    put(row, "minutes_label", approved ? "Approved" : "Draft");
    put(row, "href", minutes_href + (decision.anchor.empty() ? "" : "#" + decision.anchor));
    return row;
}

} // namespace

bool has_decisions_page(const content::Board& board) {
    for (const auto& meeting : board.meetings)
        if (meeting.minutes && !meeting.minutes->decisions.empty())
            return true;
    return false;
}

std::string decisions_path(const content::Board& board) {
    return board_dir(board) + "/decisions.html";
}

void write_decisions_page(const SiteContext& context, const content::Board& board,
                          OutputTree& output) {
    if (!has_decisions_page(board))
        return;
    TemplateData rows = list_data();
    TemplateData meetings = list_data();
    std::size_t count = 0;
    // Newest meeting first, as a reader looks for what was decided lately.
    for (auto it = board.meetings.rbegin(); it != board.meetings.rend(); ++it) {
        const content::Meeting& meeting = *it;
        std::string path = minutes_path(context, board, meeting);
        if (path.empty() || meeting.minutes->decisions.empty())
            continue; // no minutes, or minutes withheld from this audience
        std::string href = path.substr(board_dir(board).size() + 1);
        bool any = false;
        for (const auto& decision : meeting.minutes->decisions) {
            if (item_withheld_at(meeting, decision.item, context.audience))
                continue;
            rows.push_back(decision_row(meeting, decision, href));
            any = true;
            ++count;
        }
        if (any)
            meetings.push_back(link_data(meeting.date.medium_form(), meeting.date.iso()));
    }
    TemplateData page = object_data();
    put(page, "board_name", board.name);
    put(page, "count", count_phrase(count, "decision", "decisions"));
    put(page, "has_decisions", count > 0);
    put(page, "decisions", rows);
    put(page, "meeting_options", meetings);
    std::string label = board.short_name.empty() ? board.name : board.short_name;
    write_page(context,
               {"decisions",
                decisions_path(board),
                "Decisions",
                {{"Home", "index.html"}, {label, board_dir(board) + "/index.html"}}},
               std::move(page), output);
}

} // namespace bp::site
