// ```actions: the board's action plan as at the meeting, and {{ actions.* }} counts.
#include "content/records_blocks.hpp"
#include "content/records_handlers.hpp"
#include "core/text.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>
#include <set>

namespace bp::content::records {

namespace {

// "Red – overdue", "Green – complete": the words carry the rating when colour cannot.
std::string status_label(const data::Action& action, Date date) {
    std::string state = is_overdue_as_at(action, date)
                            ? "overdue"
                            : data::to_string(data::status_as_at(action, date));
    std::string word = rag_word(data::rag_as_at(action, date));
    return word.empty() ? state : word + " \xE2\x80\x93 " + state;
}

std::string update_text(const data::Action& action, Date date) {
    const data::ActionUpdate* update = data::latest_update_as_at(action, date);
    if (!update)
        return "";
    if (!update->date)
        return update->text;
    return update->date->short_form() + ": " + update->text;
}

std::string short_date(const std::optional<Date>& date) {
    return date ? date->short_form() : "";
}

doc::TableRow action_row(const data::Action& action, Date date, const SourceLocation& where) {
    doc::TableRow row;
    row.cells.push_back(text_cell(action.id, where));
    row.cells.push_back(text_cell(action.text, where));
    row.cells.push_back(text_cell(action.lead, where));
    row.cells.push_back(text_cell(action.others, where));
    row.cells.push_back(text_cell(short_date(action.start), where));
    row.cells.push_back(text_cell(short_date(action.due), where));
    doc::TableCell status = text_cell(status_label(action, date), where);
    status.rag = data::rag_as_at(action, date);
    row.cells.push_back(std::move(status));
    row.cells.push_back(text_cell(update_text(action, date), where));
    return row;
}

// Open actions and those closed since the previous meeting, in the log's order.
std::vector<const data::Action*> plan_actions(const data::ActionLog& log, const Board& board,
                                              const Meeting& meeting, bool all,
                                              bool include_closed) {
    if (all)
        return log.raised_before(meeting.date);
    std::vector<const data::Action*> chosen = log.open_as_at(meeting.date);
    if (include_closed) {
        for (const auto* action :
             log.closed_between(previous_meeting_date(board, meeting), meeting.date))
            chosen.push_back(action);
    }
    std::set<const data::Action*> wanted(chosen.begin(), chosen.end());
    std::vector<const data::Action*> ordered;
    for (const auto& action : log.actions)
        if (wanted.count(&action))
            ordered.push_back(&action);
    return ordered;
}

} // namespace

std::vector<doc::Block> actions_directive(const doc::Block& directive, const YAML::Node& body,
                                          const SourceLocation& origin, DirectiveContext& context) {
    if (!check_body(body, {"status", "include_closed_since_last", "title"}, origin, context.sink,
                    "actions"))
        return {};
    bool all = false;
    bool include_closed = true;
    std::string caption;
    if (body.IsMap()) {
        all = data::read_choice(body, "status", {"open", "all"}, origin, context.sink)
                  .value_or("open") == "all";
        include_closed =
            data::read_bool(body, "include_closed_since_last", origin, context.sink).value_or(true);
        caption = data::read_string(body, "title", origin, context.sink).value_or("");
    }
    const Date date = context.meeting.date;
    if (caption.empty())
        caption = "Action plan as at " + date.medium_form();
    auto actions = plan_actions(action_log_of(context.board), context.board, context.meeting, all,
                                include_closed);
    if (actions.empty())
        return {paragraph(all ? "No actions have been recorded." : "There are no open actions.",
                          directive.location)};
    std::vector<doc::TableRow> rows;
    for (const auto* action : actions)
        rows.push_back(action_row(*action, date, directive.location));
    return {table({"No.", "Action", "Lead", "Others", "Start", "Target date", "Status", "Update"},
                  std::move(rows), directive.location, "action-plan", caption)};
}

namespace {

const std::vector<std::string> action_value_names = {"open_count",    "in_progress_count",
                                                     "overdue_count", "due_soon_count",
                                                     "closed_count",  "total_count"};

std::size_t count_value(const std::string& name, const data::ActionLog& log,
                        const DirectiveContext& context) {
    const Date date = context.meeting.date;
    if (name == "open_count")
        return log.open_as_at(date).size();
    if (name == "overdue_count")
        return log.overdue_as_at(date).size();
    if (name == "closed_count")
        return log.closed_between(previous_meeting_date(context.board, context.meeting), date)
            .size();
    if (name == "total_count")
        return log.raised_before(date).size();
    auto open = log.open_as_at(date);
    if (name == "in_progress_count")
        return std::count_if(open.begin(), open.end(), [&](const data::Action* action) {
            return data::status_as_at(*action, date) == data::ActionStatus::in_progress;
        });
    return std::count_if(open.begin(), open.end(), [&](const data::Action* action) {
        return data::is_due_soon_as_at(*action, date);
    });
}

} // namespace

bool owns_actions_value(const std::vector<std::string>& path) {
    return !path.empty() && path.front() == "actions";
}

std::optional<std::string> resolve_actions_value(const std::vector<std::string>& path,
                                                 const SourceLocation& location,
                                                 DirectiveContext& context) {
    const auto& names = action_value_names;
    if (path.size() != 2 || std::find(names.begin(), names.end(), path[1]) == names.end()) {
        std::string asked = path.size() >= 2 ? path[1] : "";
        auto suggestion = data::closest_match(asked, names);
        context.sink.error(location, "unknown value 'actions." + asked + "'",
                           suggestion ? "did you mean 'actions." + *suggestion + "'?"
                                      : "use actions.open_count, actions.overdue_count, "
                                        "actions.closed_count, actions.due_soon_count, "
                                        "actions.in_progress_count or actions.total_count");
        return std::nullopt;
    }
    return std::to_string(count_value(path[1], action_log_of(context.board), context));
}

} // namespace bp::content::records
