#pragma once
// Builds a board's action log from its actions.csv and the actions raised in its minutes.
#include "content/minutes_source.hpp"
#include "content/model.hpp"
#include "core/filesystem.hpp"
#include "data/actions.hpp"

#include <memory>

namespace bp::content {

// Reads `<board folder>/actions.csv` (optional) and every minutes paper (kind: minutes) of the
// board's meetings. Minutes actions are attributed to the meeting they record (see
// recorded_meeting_date); a CSV row with the same id supplies the action's status, updates and
// any other cells it fills in. Problems in the minutes' front matter or Markdown are left to the
// paper loader, which reports them; their attendance lists are read with the meetings' records
// (attach_minutes_records), which have read the minutes into `sources` already.
std::shared_ptr<const data::ActionLog> build_action_log(const FileSystem& files,
                                                        MinutesSources& sources, const Board& board,
                                                        DiagnosticSink& sink);

} // namespace bp::content
