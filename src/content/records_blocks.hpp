#pragma once
// Small builders for the blocks the records directives produce, and the facts about a meeting
// they share (its previous meeting, the board's action log).
#include "content/block_builders.hpp"
#include "content/directives.hpp"
#include "data/actions.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace bp::content::records {

using content::check_body;
using content::inlines_cell;
using content::paragraph;
using content::table;
using content::text_cell;
using content::text_inline;

// One line of Markdown (emphasis, links) as inlines; located at `origin`.
doc::Inlines inline_markdown(std::string_view text, const SourceLocation& origin,
                             DiagnosticSink& sink);

// The last meeting before `meeting` that was not cancelled, or that raised an action.
std::optional<Date> previous_meeting_date(const Board& board, const Meeting& meeting);

// The board's action log, or an empty one when it has none.
const data::ActionLog& action_log_of(const Board& board);

} // namespace bp::content::records
