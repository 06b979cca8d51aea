#include "content/directives.hpp"
#include "content/records_handlers.hpp"

namespace bp::content {

namespace records {
// One file each: records_actions.cpp, records_membership.cpp, …
std::vector<doc::Block> actions_directive(const doc::Block& directive, const YAML::Node& body,
                                          const SourceLocation& origin, DirectiveContext& context);
std::vector<doc::Block> membership_directive(const doc::Block& directive, const YAML::Node& body,
                                             const SourceLocation& origin,
                                             DirectiveContext& context);
std::vector<doc::Block> forward_plan_directive(const doc::Block& directive, const YAML::Node& body,
                                               const SourceLocation& origin,
                                               DirectiveContext& context);
std::vector<doc::Block> contents_directive(const doc::Block& directive, const YAML::Node& body,
                                           const SourceLocation& origin, DirectiveContext& context);
std::vector<doc::Block> events_directive(const doc::Block& directive, const YAML::Node& body,
                                         const SourceLocation& origin, DirectiveContext& context);
std::vector<doc::Block> delivery_plan_directive(const doc::Block& directive, const YAML::Node& body,
                                                const SourceLocation& origin,
                                                DirectiveContext& context);

} // namespace records

DirectiveModule records_directives() {
    DirectiveModule module;
    module.directives = {
        {"actions", records::actions_directive},
        {"membership", records::membership_directive},
        {"forward-plan", records::forward_plan_directive},
        {"contents", records::contents_directive},
        {"events", records::events_directive},
        {"delivery-plan", records::delivery_plan_directive},
    };
    module.owns_value = [](const std::vector<std::string>& path, DirectiveContext&) {
        return records::owns_actions_value(path);
    };
    module.resolve_value = records::resolve_actions_value;
    return module;
}

} // namespace bp::content
