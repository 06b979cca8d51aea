#include "content/records_blocks.hpp"

#include "data/yaml_source.hpp"
#include "markdown/parse.hpp"

namespace bp::content::records {

doc::Inline text_inline(std::string text, const SourceLocation& location) {
    doc::Inline out;
    out.kind = doc::InlineKind::text;
    out.text = std::move(text);
    out.location = location;
    return out;
}

doc::TableCell text_cell(std::string text, const SourceLocation& location) {
    doc::TableCell cell;
    if (!text.empty())
        cell.content.push_back(text_inline(std::move(text), location));
    return cell;
}

doc::TableCell inlines_cell(doc::Inlines content) {
    doc::TableCell cell;
    cell.content = std::move(content);
    return cell;
}

doc::Block paragraph(std::string text, const SourceLocation& location) {
    doc::Block block;
    block.kind = doc::BlockKind::paragraph;
    block.location = location;
    block.inlines.push_back(text_inline(std::move(text), location));
    return block;
}

doc::Block table(const std::vector<std::string>& headings, std::vector<doc::TableRow> rows,
                 const SourceLocation& location, std::string css_class, std::string caption) {
    doc::Block block;
    block.kind = doc::BlockKind::table;
    block.location = location;
    for (const auto& heading : headings)
        block.header.cells.push_back(text_cell(heading, location));
    block.alignments.assign(headings.size(), doc::Alignment::left);
    block.rows = std::move(rows);
    block.css_class = std::move(css_class);
    block.caption = std::move(caption);
    return block;
}

doc::Inlines inline_markdown(std::string_view text, const SourceLocation& origin,
                             DiagnosticSink& sink) {
    doc::Document parsed = markdown::parse(text, origin, sink, markdown::ParseOptions{{}});
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

doc::Rag to_doc_rag(data::ActionRag rag) {
    switch (rag) {
    case data::ActionRag::red:
        return doc::Rag::red;
    case data::ActionRag::amber:
        return doc::Rag::amber;
    case data::ActionRag::green:
        return doc::Rag::green;
    case data::ActionRag::grey:
        return doc::Rag::grey;
    default:
        return doc::Rag::none;
    }
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

bool check_body(const YAML::Node& body, const std::set<std::string>& keys,
                const SourceLocation& origin, DiagnosticSink& sink, std::string_view directive) {
    if (!body || body.IsNull())
        return true;
    if (!body.IsMap()) {
        sink.error(data::location_of(body, origin), "the body of a '" + std::string(directive) +
                                                        "' block must be 'key: value' lines");
        return false;
    }
    data::check_keys(body, keys, origin, sink, "a '" + std::string(directive) + "' block");
    return true;
}

} // namespace bp::content::records
