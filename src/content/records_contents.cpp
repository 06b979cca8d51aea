// ```contents: a list of the paper's own headings, linked to their anchors. Page numbers are
// the pack's business; the site shows the links.
#include "content/records_blocks.hpp"
#include "content/records_handlers.hpp"
#include "data/yaml_source.hpp"

namespace bp::content::records {

namespace {

doc::Block contents_entry(const doc::Block& heading) {
    doc::Inline link;
    link.kind = doc::InlineKind::link;
    link.url = "#" + heading.anchor;
    link.children = heading.inlines;
    link.location = heading.location;
    doc::Block line;
    line.kind = doc::BlockKind::paragraph;
    line.location = heading.location;
    line.inlines.push_back(std::move(link));
    doc::Block item;
    item.kind = doc::BlockKind::list_item;
    item.location = heading.location;
    item.children.push_back(std::move(line));
    return item;
}

} // namespace

std::vector<doc::Block> contents_directive(const doc::Block& directive, const YAML::Node& body,
                                           const SourceLocation& origin,
                                           DirectiveContext& context) {
    if (!check_body(body, {"level"}, origin, context.sink, "contents"))
        return {};
    int level = 2;
    if (body.IsMap())
        level = data::read_int(body, "level", origin, context.sink).value_or(2);
    doc::Block list;
    list.kind = doc::BlockKind::bullet_list;
    list.location = directive.location;
    list.css_class = "contents";
    // Blocks the expansion has already moved on from have lost their anchors; a contents list
    // belongs above the headings it lists.
    for (const auto& block : context.paper.body.blocks)
        if (block.kind == doc::BlockKind::heading && block.level == level && !block.anchor.empty())
            list.children.push_back(contents_entry(block));
    if (list.children.empty()) {
        context.sink.warning(directive.location,
                             "the contents list is empty: the paper has no level-" +
                                 std::to_string(level) + " headings after it",
                             "start each section with '## ' and a title");
        return {};
    }
    return {list};
}

} // namespace bp::content::records
