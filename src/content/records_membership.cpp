// ```membership: the board's members, advisers and observers, and the meeting's declarations
// of interest.
#include "content/records_blocks.hpp"
#include "content/records_handlers.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>

namespace bp::content::records {

namespace {

const std::vector<std::string> membership_parts = {"members", "advisers", "observers",
                                                   "declarations"};

std::vector<std::string> read_parts(const YAML::Node& body, const SourceLocation& origin,
                                    DiagnosticSink& sink) {
    if (!body.IsMap() || !body["include"])
        return membership_parts;
    YAML::Node list = body["include"];
    if (!list.IsSequence()) {
        sink.error(data::location_of(list, origin), "'include' must be a list",
                   "for example include: [members, advisers]");
        return membership_parts;
    }
    std::vector<std::string> parts;
    for (const auto& entry : list) {
        std::string part = entry.IsScalar() ? entry.Scalar() : "";
        if (std::find(membership_parts.begin(), membership_parts.end(), part) ==
            membership_parts.end()) {
            auto suggestion = data::closest_match(part, membership_parts);
            sink.error(data::location_of(entry, origin),
                       "'" + part + "' is not part of the membership",
                       suggestion ? "did you mean '" + *suggestion + "'?"
                                  : "use members, advisers, observers or declarations");
            continue;
        }
        parts.push_back(part);
    }
    return parts;
}

doc::Block people_table(const std::vector<Person>& people, const std::string& caption,
                        const SourceLocation& where) {
    std::vector<doc::TableRow> rows;
    for (const auto& person : people) {
        doc::TableRow row;
        std::string name = person.name + (person.role.empty() ? "" : " (" + person.role + ")");
        row.cells.push_back(text_cell(name, where));
        row.cells.push_back(text_cell(person.post, where));
        row.cells.push_back(text_cell(person.organisation, where));
        rows.push_back(std::move(row));
    }
    return table({"Name", "Post", "Organisation"}, std::move(rows), where, "membership", caption);
}

doc::Block declarations_table(const std::vector<Declaration>& declarations,
                              const SourceLocation& where) {
    std::vector<doc::TableRow> rows;
    for (const auto& declaration : declarations) {
        doc::TableRow row;
        row.cells.push_back(text_cell(declaration.name, where));
        row.cells.push_back(text_cell(declaration.item, where));
        row.cells.push_back(text_cell(declaration.interest, where));
        rows.push_back(std::move(row));
    }
    return table({"Name", "Item", "Interest"}, std::move(rows), where, "declarations",
                 "Declarations of interest");
}

} // namespace

std::vector<doc::Block> membership_directive(const doc::Block& directive, const YAML::Node& body,
                                             const SourceLocation& origin,
                                             DirectiveContext& context) {
    if (!check_body(body, {"include"}, origin, context.sink, "membership"))
        return {};
    const Board& board = context.board;
    const SourceLocation& where = directive.location;
    std::vector<doc::Block> blocks;
    auto groups = membership_groups(board);
    bool board_order = !body.IsMap() || !body["include"];
    for (const auto& part : read_parts(body, origin, context.sink)) {
        // Without `include`, the groups come in the board's own order, as on the board page.
        for (const auto& group : groups)
            if (board_order ? part == "members" : group.role == part)
                blocks.push_back(people_table(group.people, group.name, where));
        if (part == "declarations" && !context.meeting.declarations.empty())
            blocks.push_back(declarations_table(context.meeting.declarations, where));
    }
    if (blocks.empty())
        blocks.push_back(paragraph("The board has no members listed.", where));
    return blocks;
}

} // namespace bp::content::records
