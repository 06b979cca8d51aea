// ```delivery-plan: a strategy's vision, commitments and areas of delivery with their success
// measures, as tables.
#include "content/records_blocks.hpp"
#include "content/records_handlers.hpp"
#include "data/yaml_source.hpp"

namespace bp::content::records {

namespace {

// A text or a list of texts, as lines of one table cell; numbered when asked.
std::optional<doc::TableCell> lines_cell(const YAML::Node& map, const std::string& key,
                                         const SourceLocation& origin, DiagnosticSink& sink,
                                         bool numbered) {
    YAML::Node value = map[key];
    if (!value || value.IsNull())
        return std::nullopt;
    std::vector<YAML::Node> entries;
    if (value.IsScalar()) {
        entries.push_back(value);
    } else if (value.IsSequence()) {
        for (const auto& entry : value)
            entries.push_back(entry);
    } else {
        sink.error(data::location_of(value, origin), "'" + key + "' must be a text or a list");
        return std::nullopt;
    }
    doc::TableCell cell;
    int number = 0;
    for (const auto& entry : entries) {
        if (!entry.IsScalar()) {
            sink.error(data::location_of(entry, origin),
                       "each entry in '" + key + "' must be text");
            continue;
        }
        SourceLocation where = data::location_of(entry, origin);
        if (!cell.content.empty()) {
            doc::Inline line_break;
            line_break.kind = doc::InlineKind::line_break;
            line_break.location = where;
            cell.content.push_back(line_break);
        }
        if (numbered)
            cell.content.push_back(text_inline(std::to_string(++number) + ". ", where));
        for (auto& part : inline_markdown(entry.Scalar(), where, sink))
            cell.content.push_back(std::move(part));
    }
    return cell;
}

std::optional<doc::Block> summary_table(const YAML::Node& body, const SourceLocation& origin,
                                        const SourceLocation& where, DiagnosticSink& sink) {
    std::vector<doc::TableRow> rows;
    if (auto vision = lines_cell(body, "vision", origin, sink, false))
        rows.push_back({{text_cell("Vision", where), std::move(*vision)}});
    if (auto commitments = lines_cell(body, "commitments", origin, sink, true)) {
        std::string label = data::read_string(body, "commitments_label", origin, sink)
                                .value_or("What the board will do");
        rows.push_back({{text_cell(label, where), std::move(*commitments)}});
    }
    if (rows.empty())
        return std::nullopt;
    doc::Block block = table({"", ""}, std::move(rows), where, "delivery-plan-summary", "");
    block.header.cells.clear(); // a side-headed table: the first column labels each row
    return block;
}

std::optional<doc::TableRow> area_row(const YAML::Node& node, const SourceLocation& origin,
                                      DiagnosticSink& sink) {
    if (!node.IsMap()) {
        sink.error(data::location_of(node, origin), "an area must be a map",
                   "write '- area: 1.1 Substance misuse' with 'delivery:' and "
                   "'success_measures:' beneath");
        return std::nullopt;
    }
    data::check_keys(node, {"area", "delivery", "success_measures"}, origin, sink,
                     "a delivery-plan area");
    auto area = data::read_string(node, "area", origin, sink, true);
    if (!area)
        return std::nullopt;
    SourceLocation where = data::location_of(node, origin);
    doc::TableRow row;
    row.cells.push_back(inlines_cell(inline_markdown(*area, where, sink)));
    row.cells.push_back(
        lines_cell(node, "delivery", origin, sink, false).value_or(doc::TableCell{}));
    row.cells.push_back(
        lines_cell(node, "success_measures", origin, sink, false).value_or(doc::TableCell{}));
    return row;
}

} // namespace

std::vector<doc::Block> delivery_plan_directive(const doc::Block& directive, const YAML::Node& body,
                                                const SourceLocation& origin,
                                                DirectiveContext& context) {
    if (!body.IsMap()) {
        context.sink.error(directive.location, "a 'delivery-plan' block needs 'areas:'",
                           "list each area with its delivery and success measures");
        return {};
    }
    data::check_keys(body, {"title", "vision", "commitments", "commitments_label", "areas"}, origin,
                     context.sink, "a 'delivery-plan' block");
    std::vector<doc::Block> blocks;
    if (auto summary = summary_table(body, origin, directive.location, context.sink))
        blocks.push_back(std::move(*summary));
    YAML::Node areas = body["areas"];
    if (areas && !areas.IsSequence()) {
        context.sink.error(data::location_of(areas, origin), "'areas' must be a list");
        return blocks;
    }
    std::vector<doc::TableRow> rows;
    if (areas)
        for (const auto& entry : areas)
            if (auto row = area_row(entry, origin, context.sink))
                rows.push_back(std::move(*row));
    std::string caption = data::read_string(body, "title", origin, context.sink).value_or("");
    if (!rows.empty())
        blocks.push_back(table({"Area", "Delivery", "Success measures"}, std::move(rows),
                               directive.location, "delivery-plan", caption));
    return blocks;
}

} // namespace bp::content::records
