#pragma once
// Small builders for the blocks the records directives produce, and the facts about a meeting
// they share (its previous meeting, the board's action log).
#include "content/directives.hpp"
#include "data/actions.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace bp::content::records {

doc::Inline text_inline(std::string text, const SourceLocation& location);
doc::TableCell text_cell(std::string text, const SourceLocation& location);
doc::TableCell inlines_cell(doc::Inlines content);
doc::Block paragraph(std::string text, const SourceLocation& location);
// A table whose header row holds `headings`; every column left-aligned.
doc::Block table(const std::vector<std::string>& headings, std::vector<doc::TableRow> rows,
                 const SourceLocation& location, std::string css_class, std::string caption);

// One line of Markdown (emphasis, links) as inlines; located at `origin`.
doc::Inlines inline_markdown(std::string_view text, const SourceLocation& origin,
                             DiagnosticSink& sink);

doc::Rag to_doc_rag(data::ActionRag rag);

// The last meeting before `meeting` that was not cancelled, or that raised an action.
std::optional<Date> previous_meeting_date(const Board& board, const Meeting& meeting);

// The board's action log, or an empty one when it has none.
const data::ActionLog& action_log_of(const Board& board);

// Keys allowed in a directive body; a body that is not a map (or null) is an error.
bool check_body(const YAML::Node& body, const std::set<std::string>& keys,
                const SourceLocation& origin, DiagnosticSink& sink, std::string_view directive);

} // namespace bp::content::records
