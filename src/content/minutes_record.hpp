#pragma once
// The record of each meeting, from the minutes that record it: who attended, what was
// decided, where the minutes are, and whether a later meeting approved them.
#include "content/minutes_source.hpp"
#include "content/model.hpp"
#include "core/filesystem.hpp"

namespace bp::content {

// Reads every minutes paper of the board (front matter and body) and sets `minutes` on the
// meeting each records. Minutes are approved by the minutes of the meeting they were put to:
// the minutes of 12 September approve those tabled on 12 September, unless their front matter
// names the meeting whose minutes they approve with `approves: YYYY-MM-DD`. The minutes are
// read through `sources`, which the board's action log reads them from next.
void attach_minutes_records(MinutesSources& sources, Board& board, DiagnosticSink& sink);

// The board's meeting on `date`, or nullptr.
const Meeting* find_meeting(const Board& board, const Date& date);

} // namespace bp::content
