#pragma once
// actions.csv: the board's own action log. Columns (header required, any order):
// id, raised, action, lead, others, start, due, status, update, completed, and optionally rag.
// A row whose id also appears in the minutes adds to that action: its non-empty cells win.
#include "data/actions.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace bp::data {

struct ActionCsvRow {
    Action action;           // empty text/lead/others and unset dates mean "not given"
    bool has_status = false; // the status cell was filled in
    bool has_errors = false; // a cell was reported as malformed
};

// Parses the file's text; problems are reported with file:line:col and the row is kept when
// its id is usable. Ids repeated within the file are errors (the later row is dropped).
std::vector<ActionCsvRow> parse_actions_csv(std::string_view text, const std::string& file,
                                            DiagnosticSink& sink);

// Splits an update cell into updates: a line starting "YYYY-MM-DD:" begins an update written
// that day; text before the first such line is one undated update.
std::vector<ActionUpdate> parse_action_updates(std::string_view cell,
                                               const SourceLocation& location);

// Applies a CSV row to an action defined in the minutes: status, completed date, updates and
// every non-empty cell replace what the minutes said.
void merge_action_row(Action& action, const ActionCsvRow& row);

// A defined action needs its text, a lead, a due date, and a completed date no earlier than it
// was raised; reports what is missing at the action's location.
void validate_action(const Action& action, DiagnosticSink& sink);

} // namespace bp::data
