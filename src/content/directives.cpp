#include "content/directives.hpp"

#include "core/text.hpp"
#include "data/yaml_source.hpp"

#include <map>

namespace bp::content {

namespace {

struct Registry {
    std::map<std::string, DirectiveHandler> handlers;
    std::vector<DirectiveModule> modules;
};

const Registry& registry() {
    static const Registry instance = [] {
        Registry r;
        for (auto module : {performance_directives(), records_directives()}) {
            for (auto& [name, handler] : module.directives)
                r.handlers[name] = handler;
            r.modules.push_back(std::move(module));
        }
        return r;
    }();
    return instance;
}

} // namespace

const markdown::ParseOptions& directive_parse_options() {
    static const markdown::ParseOptions options = [] {
        markdown::ParseOptions o;
        for (const auto& [name, handler] : registry().handlers)
            o.directive_names.insert(name);
        return o;
    }();
    return options;
}

namespace {

std::vector<std::string> known_directive_names() {
    std::vector<std::string> names;
    for (const auto& [name, handler] : registry().handlers)
        names.push_back(name);
    return names;
}

std::vector<doc::Block> expand_one(const doc::Block& directive, DirectiveContext& context) {
    auto found = registry().handlers.find(directive.name);
    if (found == registry().handlers.end()) {
        auto suggestion = data::closest_match(directive.name, known_directive_names());
        context.sink.error(directive.location, "unknown directive '" + directive.name + "'",
                           suggestion ? "did you mean '" + *suggestion + "'?"
                                      : "see 'Writing content' in the README for directives");
        return {};
    }
    YAML::Node body;
    if (!trim(directive.text).empty()) {
        auto parsed = data::parse_yaml(directive.text, directive.body_location, context.sink);
        if (!parsed)
            return {};
        body = *parsed;
    }
    return found->second(directive, body, directive.body_location, context);
}

std::optional<std::string> resolve_value(const doc::Inline& value, DirectiveContext& context) {
    std::vector<std::string> path = split(value.text, '.');
    for (auto& part : path)
        part = trim(part);
    for (const auto& module : registry().modules) {
        if (module.owns_value && module.owns_value(path, context))
            return module.resolve_value(path, value.location, context);
    }
    context.sink.error(value.location, "unknown value '{{ " + value.text + " }}'",
                       "values start with an indicator id (for example "
                       "{{ violence-with-injury.fytd.value }}) or 'actions.'");
    return std::nullopt;
}

void resolve_inlines(doc::Inlines& inlines, DirectiveContext& context) {
    for (auto& item : inlines) {
        if (item.kind == doc::InlineKind::value) {
            auto text = resolve_value(item, context);
            item.kind = doc::InlineKind::text;
            item.text = text.value_or("{{ " + item.text + " }}");
        }
        resolve_inlines(item.children, context);
    }
}

void expand_blocks(std::vector<doc::Block>& blocks, DirectiveContext& context, int depth);

// A fenced block whose language is a near miss of a directive name ("chrat") is almost
// certainly a typing slip that would otherwise print the YAML as code.
void check_for_misspelt_directive(const doc::Block& block, DirectiveContext& context) {
    if (block.kind != doc::BlockKind::code_block || block.info.empty())
        return;
    std::string language = split(trim(block.info), ' ').front();
    auto suggestion = data::closest_match(language, known_directive_names());
    if (suggestion && language.size() >= 4)
        context.sink.error(block.location, "unknown directive '" + language + "'",
                           "did you mean '" + *suggestion + "'?");
}

void expand_inside(doc::Block& block, DirectiveContext& context, int depth) {
    resolve_inlines(block.inlines, context);
    for (auto& cell : block.header.cells)
        resolve_inlines(cell.content, context);
    for (auto& row : block.rows)
        for (auto& cell : row.cells)
            resolve_inlines(cell.content, context);
    expand_blocks(block.children, context, depth + 1);
}

// Directives may produce blocks that hold further directives (an indicator summary's
// overview written in Markdown); the depth limit stops a directive that includes itself.
void expand_blocks(std::vector<doc::Block>& blocks, DirectiveContext& context, int depth) {
    // Expanded in place, so a directive (contents) still sees every heading of the paper.
    for (std::size_t i = 0; i < blocks.size();) {
        if (blocks[i].kind != doc::BlockKind::directive) {
            check_for_misspelt_directive(blocks[i], context);
            expand_inside(blocks[i], context, depth);
            ++i;
            continue;
        }
        std::vector<doc::Block> expanded;
        if (depth > 8)
            context.sink.error(blocks[i].location, "directives are nested too deeply",
                               "a directive's body must not include itself");
        else
            expanded = expand_one(blocks[i], context);
        expand_blocks(expanded, context, depth + 1);
        auto at = blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(i));
        blocks.insert(at, std::make_move_iterator(expanded.begin()),
                      std::make_move_iterator(expanded.end()));
        i += expanded.size();
    }
}

} // namespace

void expand_directives(DirectiveContext& context) {
    expand_blocks(context.paper.body.blocks, context, 0);
    for (auto& footnote : context.paper.body.footnotes)
        expand_blocks(footnote.blocks, context, 0);
}

} // namespace bp::content
