#include "data/actions.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace bp::data {

const char* to_string(ActionStatus status) {
    switch (status) {
    case ActionStatus::in_progress:
        return "in progress";
    case ActionStatus::complete:
        return "complete";
    case ActionStatus::dropped:
        return "dropped";
    default:
        return "open";
    }
}

std::vector<std::string> action_status_words() {
    return {"open", "in progress", "complete", "dropped"};
}

std::optional<ActionStatus> parse_action_status(std::string_view text) {
    std::string word = to_lower_ascii(trim(text));
    std::replace(word.begin(), word.end(), '-', ' ');
    std::replace(word.begin(), word.end(), '_', ' ');
    if (word == "open")
        return ActionStatus::open;
    if (word == "in progress")
        return ActionStatus::in_progress;
    if (word == "complete")
        return ActionStatus::complete;
    if (word == "dropped")
        return ActionStatus::dropped;
    return std::nullopt;
}

std::optional<int> id_sequence(std::string_view id) {
    std::size_t slash = id.find('/');
    if (slash != 10 || !parse_date(id.substr(0, slash)))
        return std::nullopt;
    std::string_view number = id.substr(slash + 1);
    if (number.empty() || number.size() > 5)
        return std::nullopt;
    int value = 0;
    for (char c : number) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

bool is_closed_as_at(const Action& action, Date date) {
    if (action.status != ActionStatus::complete && action.status != ActionStatus::dropped)
        return false;
    return !action.completed || *action.completed <= date;
}

const ActionUpdate* latest_update_as_at(const Action& action, Date date) {
    const ActionUpdate* latest = nullptr;
    for (const auto& update : action.updates) {
        if (update.date && *update.date > date)
            continue;
        if (!latest || !latest->date || (update.date && *update.date >= *latest->date))
            latest = &update;
    }
    return latest;
}

ActionStatus status_as_at(const Action& action, Date date) {
    if (is_closed_as_at(action, date))
        return action.status;
    if (action.status == ActionStatus::open || action.status == ActionStatus::in_progress)
        return action.status;
    return latest_update_as_at(action, date) ? ActionStatus::in_progress : ActionStatus::open;
}

bool is_overdue_as_at(const Action& action, Date date) {
    return action.due && *action.due < date && !is_closed_as_at(action, date);
}

bool is_due_soon_as_at(const Action& action, Date date) {
    if (!action.due || is_closed_as_at(action, date) || *action.due < date)
        return false;
    return action.due->days_since_epoch() - date.days_since_epoch() <= action_due_soon_days;
}

Rag rag_as_at(const Action& action, Date date) {
    if (action.rag_override)
        return *action.rag_override;
    if (is_closed_as_at(action, date))
        return action.status == ActionStatus::dropped ? Rag::grey : Rag::green;
    if (is_overdue_as_at(action, date))
        return Rag::red;
    if (is_due_soon_as_at(action, date) || !latest_update_as_at(action, date))
        return Rag::amber;
    return Rag::green;
}

const Action* ActionLog::find(std::string_view id) const {
    for (const auto& action : actions)
        if (action.id == id)
            return &action;
    return nullptr;
}

std::vector<const Action*> ActionLog::raised_before(Date date) const {
    std::vector<const Action*> out;
    for (const auto& action : actions)
        if (action.raised < date)
            out.push_back(&action);
    return out;
}

std::vector<const Action*> ActionLog::open_as_at(Date date) const {
    std::vector<const Action*> out;
    for (const auto* action : raised_before(date))
        if (!is_closed_as_at(*action, date))
            out.push_back(action);
    return out;
}

std::vector<const Action*> ActionLog::overdue_as_at(Date date) const {
    std::vector<const Action*> out;
    for (const auto* action : raised_before(date))
        if (is_overdue_as_at(*action, date))
            out.push_back(action);
    return out;
}

std::vector<const Action*> ActionLog::closed_between(std::optional<Date> since, Date date) const {
    std::vector<const Action*> out;
    for (const auto* action : raised_before(date)) {
        if (!is_closed_as_at(*action, date))
            continue;
        // Without a completed date there is no telling when it closed: it counts as closed
        // at its raising meeting. An action raised at the previous meeting and closed there
        // (ticked in its minutes) is reported at the next one, which approves those minutes.
        Date closed = action->completed.value_or(action->raised);
        if (!since || closed > *since || action->raised >= *since)
            out.push_back(action);
    }
    return out;
}

void ActionLog::sort() {
    std::stable_sort(actions.begin(), actions.end(), [](const Action& a, const Action& b) {
        if (a.raised != b.raised)
            return a.raised < b.raised;
        if (a.sequence != b.sequence)
            return a.sequence < b.sequence;
        return a.id < b.id;
    });
}

} // namespace bp::data
