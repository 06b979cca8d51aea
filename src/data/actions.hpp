#pragma once
// The board's action log: actions raised at meetings (from the minutes or actions.csv), their
// leads, due dates, updates and status, and the questions an action plan asks of them "as at"
// a meeting date. Every query takes the date explicitly so an archived pack, rebuilt later,
// shows the log as it stood at its own meeting.
#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/rag.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::data {

enum class ActionStatus { open, in_progress, complete, dropped };

// "open", "in progress", "complete", "dropped"
const char* to_string(ActionStatus status);
// Accepts the words above in any case, with "in-progress" and "in_progress" as spellings of
// "in progress"; nothing for anything else.
std::optional<ActionStatus> parse_action_status(std::string_view text);
std::vector<std::string> action_status_words();

// Due within this many days (and not complete) counts as amber.
inline constexpr int action_due_soon_days = 30;

struct ActionUpdate {
    std::optional<Date> date; // when it was written; an undated update holds at every date
    std::string text;
    SourceLocation location;
};

struct Action {
    std::string id;   // "2017-06-13/3": raising meeting and sequence, or set explicitly
    Date raised;      // the meeting that raised it
    int sequence = 0; // order within the raising meeting's minutes (0 for CSV-only actions)
    std::string text;
    std::string lead;
    std::string others; // further names, as written ("Ayo Bello, Sam Reid")
    std::optional<Date> start;
    std::optional<Date> due;
    ActionStatus status = ActionStatus::open; // the latest status known
    std::optional<Date> completed;            // when it was completed or dropped
    std::optional<Rag> rag_override;          // a RAG set by hand wins over the computed one
    std::vector<ActionUpdate> updates;        // oldest first
    SourceLocation location;                  // the minutes item or CSV row that defined it
    bool members_only = false; // raised in restricted minutes, or under a restricted item
};

// The number in an id of the form "2017-06-13/3", for ordering; nothing for other ids.
std::optional<int> id_sequence(std::string_view id);

// The action's status as it stood on `date`: a complete or dropped action whose completed date
// is later than `date` was still in progress (when it had an update by then) or open.
ActionStatus status_as_at(const Action& action, Date date);
bool is_closed_as_at(const Action& action, Date date);
// Due before `date` and not closed by then.
bool is_overdue_as_at(const Action& action, Date date);
// Not closed and due within action_due_soon_days of `date` (but not overdue).
bool is_due_soon_as_at(const Action& action, Date date);
// The newest update written on or before `date` (undated updates count as always written).
const ActionUpdate* latest_update_as_at(const Action& action, Date date);
// Hand-set RAG if any; else complete → green, dropped → grey, overdue → red, due soon or no
// update yet → amber, otherwise green.
Rag rag_as_at(const Action& action, Date date);

struct ActionLog {
    std::vector<Action> actions; // by raised date, then sequence, then id

    const Action* find(std::string_view id) const;
    // Raised at meetings before `date` (a meeting's own actions reach the next meeting's
    // plan, through its minutes). The tracker's full list is raised_before(a far date).
    std::vector<const Action*> raised_before(Date date) const;
    // Raised before `date` and still open or in progress on it.
    std::vector<const Action*> open_as_at(Date date) const;
    std::vector<const Action*> overdue_as_at(Date date) const;
    // Completed or dropped after `since` and on or before `date`, or raised at `since` and
    // closed by `date`; `since` is usually the previous meeting (when there is none, every
    // action closed by `date` counts).
    std::vector<const Action*> closed_between(std::optional<Date> since, Date date) const;

    // Orders actions by raised date, sequence and id; call after adding.
    void sort();
};

} // namespace bp::data
