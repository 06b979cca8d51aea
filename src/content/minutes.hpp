#pragma once
// Minutes papers (kind: minutes): who attended, which meeting they record, and the actions
// they raise as task-list items ending in a brace group:
//   - [ ] Circulate the draft strategy. {lead: Priya Ramaswamy, due: 2017-10-31}
#include "content/model.hpp"
#include "data/actions.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace bp::content {

// The meeting a minutes paper records: its front-matter `records: YYYY-MM-DD` if given, else
// the meeting before `holder` (the meeting whose folder holds the paper). Reports and returns
// nothing when neither is known.
std::optional<Date> recorded_meeting_date(const YAML::Node& front_matter,
                                          const SourceLocation& origin, const Board& board,
                                          const Meeting& holder, DiagnosticSink& sink);

// The `key: value` pairs of an action's brace group. A comma starts a new pair only when what
// follows looks like "word:", so `others: Ayo Bello, Sam Reid` keeps both names.
struct BraceEntry {
    std::string key;
    std::string value;
};
std::optional<std::vector<BraceEntry>>
parse_brace_group(std::string_view inside, const SourceLocation& location, DiagnosticSink& sink);

// Every task-list item in the minutes, in order, as an action raised at `recorded`. Ids are
// "<recorded>/<n>" where n counts the task items from 1, unless the braces give `id:`.
// An item checked "[x]" was completed at the meeting.
std::vector<data::Action> read_minutes_actions(const doc::Document& body, Date recorded,
                                               DiagnosticSink& sink);

} // namespace bp::content
