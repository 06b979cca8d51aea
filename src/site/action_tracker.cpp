#include "site/action_tracker.hpp"

#include "core/text.hpp"
#include "site/board_records.hpp"
#include "site/count_phrase.hpp"
#include "site/site_paths.hpp"

#include <set>

namespace bp::site {
namespace {

using data::Action;

struct MinutesPaper {
    const content::Meeting* meeting = nullptr;
    const content::AgendaItem* item = nullptr;
    const content::Paper* paper = nullptr;
};

// The minutes paper an action was written in, found by the file its location names.
MinutesPaper minutes_of(const content::Board& board, const Action& action) {
    const std::string& file = action.location.file;
    if (file.empty())
        return {};
    for (const auto& meeting : board.meetings)
        for (const auto* item : flatten_items(meeting.items))
            for (const auto& paper : item->papers)
                if (!paper.source_path.empty() &&
                    (file == paper.source_path || ends_with(file, "/" + paper.source_path)))
                    return {&meeting, item, &paper};
    return {};
}

bool paper_visible(const MinutesPaper& minutes, content::Audience audience) {
    if (item_withheld(*minutes.item, audience))
        return false;
    for (const auto* paper : visible_papers(*minutes.item, audience))
        if (paper == minutes.paper)
            return true;
    return false;
}

std::string optional_date(const std::optional<Date>& date) {
    return date ? date->medium_form() : std::string();
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// Where the tracker links "raised at": the minutes page when the reader may open it, else the
// meeting page, else nothing.
std::string raised_href(const content::Board& board, const Action& action,
                        content::Audience audience) {
    MinutesPaper minutes = minutes_of(board, action);
    if (minutes.paper && !minutes.paper->is_pdf && paper_visible(minutes, audience))
        return minutes.meeting->slug + "/" + paper_file(*minutes.item, *minutes.paper);
    if (const auto* meeting = meeting_on(board, action.raised))
        return meeting->slug + "/index.html";
    return {};
}

TemplateData action_row(const content::Board& board, const Action& action, Date as_at,
                        content::Audience audience) {
    Rag rag = data::rag_as_at(action, as_at);
    TemplateData row = object_data();
    row.set("id", action.id);
    row.set("text", action.text);
    row.set("lead", text_data(action.lead));
    row.set("others", text_data(action.others));
    row.set("raised", action.raised.medium_form());
    row.set("raised_iso", action.raised.iso());
    row.set("raised_href", text_data(raised_href(board, action, audience)));
    row.set("due", text_data(optional_date(action.due)));
    // The filter matches what the reader sees, so "Overdue" and "Due soon" can be picked.
    row.set("status_value", action_status_text(action, as_at));
    row.set("status", rag_badge(rag_key(rag), action_status_text(action, as_at)));
    const data::ActionUpdate* update = data::latest_update_as_at(action, as_at);
    row.set("update", update ? text_data(update->text) : TemplateData(false));
    row.set("update_date",
            update && update->date ? text_data(update->date->medium_form()) : TemplateData(false));
    bool closed = data::is_closed_as_at(action, as_at);
    row.set("completed", text_data(closed ? optional_date(action.completed) : std::string()));
    return row;
}

TemplateData options(const std::set<std::string>& values, bool capitalise) {
    TemplateData list = list_data();
    for (const auto& value : values)
        list.push_back(link_data(capitalise ? capitalised(value) : value, value));
    return list;
}

} // namespace

std::string action_status_text(const Action& action, Date date) {
    if (data::is_overdue_as_at(action, date))
        return "Overdue";
    if (data::is_due_soon_as_at(action, date))
        return "Due soon";
    return capitalised(data::to_string(data::status_as_at(action, date)));
}

bool action_visible(const content::Board& board, const Action& action, content::Audience audience) {
    MinutesPaper minutes = minutes_of(board, action);
    return !minutes.paper || paper_visible(minutes, audience);
}

void write_action_tracker(const SiteContext& context, const content::Board& board,
                          OutputTree& output) {
    if (!has_action_tracker(board))
        return;
    Date as_at = latest_held_date(board).value_or(Date{1970, 1, 1});
    TemplateData rows = list_data();
    std::set<std::string> statuses, leads;
    std::vector<std::pair<std::string, std::string>> raised; // iso, label; by date
    std::size_t count = 0;
    for (const auto& action : board.actions->actions) {
        if (!action_visible(board, action, context.audience))
            continue;
        rows.push_back(action_row(board, action, as_at, context.audience));
        statuses.insert(action_status_text(action, as_at));
        if (!action.lead.empty())
            leads.insert(action.lead);
        if (raised.empty() || raised.back().first != action.raised.iso())
            raised.push_back({action.raised.iso(), action.raised.medium_form()});
        ++count;
    }
    TemplateData raised_options = list_data();
    for (const auto& [iso, label] : raised)
        raised_options.push_back(link_data(label, iso));
    TemplateData page = object_data();
    page.set("board_name", board.name);
    page.set("as_at", as_at.medium_form());
    page.set("count", count_phrase(count, "action", "actions"));
    page.set("has_actions", count > 0);
    page.set("actions", rows);
    page.set("status_options", options(statuses, false));
    page.set("lead_options", options(leads, false));
    page.set("raised_options", raised_options);
    std::string label = board.short_name.empty() ? board.name : board.short_name;
    write_page(context,
               {"actions",
                action_tracker_path(board),
                "Action tracker",
                {{"Home", "index.html"}, {label, board_dir(board) + "/index.html"}}},
               page, output);
}

} // namespace bp::site
