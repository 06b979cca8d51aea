#include "content/records_blocks.hpp"

#include "data/yaml_source.hpp"
#include "markdown/parse.hpp"

namespace bp::content::records {

doc::Inlines inline_markdown(std::string_view text, const SourceLocation& origin,
                             DiagnosticSink& sink) {
    doc::Document parsed = markdown::parse(text, origin, sink);
    doc::Inlines out;
    for (auto& block : parsed.blocks) {
        if (block.kind != doc::BlockKind::paragraph)
            continue;
        if (!out.empty())
            out.push_back(text_inline(" ", origin));
        for (auto& item : block.inlines)
            out.push_back(std::move(item));
    }
    if (out.empty() && !text.empty())
        out.push_back(text_inline(std::string(text), origin));
    return out;
}

std::optional<Date> previous_meeting_date(const Board& board, const Meeting& meeting) {
    std::optional<Date> previous;
    for (const auto& other : board.meetings)
        if (other.date < meeting.date && other.status != MeetingStatus::cancelled)
            previous = other.date;
    // Meetings older than the archive are still known from the actions they raised.
    if (board.actions)
        for (const auto& action : board.actions->actions)
            if (action.raised < meeting.date && (!previous || action.raised > *previous))
                previous = action.raised;
    return previous;
}

const data::ActionLog& action_log_of(const Board& board) {
    static const data::ActionLog empty;
    return board.actions ? *board.actions : empty;
}

} // namespace bp::content::records
