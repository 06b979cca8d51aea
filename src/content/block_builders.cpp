#include "content/block_builders.hpp"

#include "data/yaml_source.hpp"

namespace bp::content {

bool check_body(const YAML::Node& body, const std::set<std::string>& keys,
                const SourceLocation& origin, DiagnosticSink& sink, std::string_view directive) {
    if (!body || body.IsNull())
        return true;
    if (!body.IsMap()) {
        sink.error(data::location_of(body, origin),
                   "the body of a ```" + std::string(directive) +
                       " block must be 'key: value' lines",
                   "see 'Writing content' in the README for the keys it takes");
        return false;
    }
    // Unknown keys are reported but the rest of the body is still read, so one run reports
    // every mistake in it.
    data::check_keys(body, keys, origin, sink, "a ```" + std::string(directive) + " block");
    return true;
}

doc::Inline text_inline(std::string text, const SourceLocation& location) {
    doc::Inline out;
    out.kind = doc::InlineKind::text;
    out.text = std::move(text);
    out.location = location;
    return out;
}

doc::Inline strong_inline(std::string text, const SourceLocation& location) {
    doc::Inline run;
    run.kind = doc::InlineKind::strong;
    run.location = location;
    run.children.push_back(text_inline(std::move(text), location));
    return run;
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

doc::Block heading(int level, std::string text, std::string anchor,
                   const SourceLocation& location) {
    doc::Block block;
    block.kind = doc::BlockKind::heading;
    block.level = level;
    block.location = location;
    block.anchor = std::move(anchor);
    block.inlines.push_back(text_inline(std::move(text), location));
    return block;
}

doc::Block table(const std::vector<std::string>& headings, std::vector<doc::TableRow> rows,
                 const SourceLocation& location, std::string css_class, std::string caption) {
    doc::Block block;
    block.kind = doc::BlockKind::table;
    block.location = location;
    for (const auto& text : headings)
        block.header.cells.push_back(text_cell(text, location));
    block.alignments.assign(headings.size(), doc::Alignment::left);
    block.rows = std::move(rows);
    block.css_class = std::move(css_class);
    block.caption = std::move(caption);
    return block;
}

} // namespace bp::content
