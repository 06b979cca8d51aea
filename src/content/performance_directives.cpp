#include "content/directives.hpp"
#include "content/performance_handlers.hpp"

namespace bp::content {

namespace performance {
// One file each: performance_chart.cpp, performance_summary.cpp, performance_scorecard.cpp.
std::vector<doc::Block> chart_directive(const doc::Block& directive, const YAML::Node& body,
                                        const SourceLocation& origin, DirectiveContext& context);
std::vector<doc::Block> indicator_directive(const doc::Block& directive, const YAML::Node& body,
                                            const SourceLocation& origin,
                                            DirectiveContext& context);
std::vector<doc::Block> scorecard_directive(const doc::Block& directive, const YAML::Node& body,
                                            const SourceLocation& origin,
                                            DirectiveContext& context);

} // namespace performance

DirectiveModule performance_directives() {
    DirectiveModule module;
    module.directives = {
        {"chart", performance::chart_directive},
        {"indicator", performance::indicator_directive},
        {"scorecard", performance::scorecard_directive},
    };
    module.owns_value = performance::owns_indicator_value;
    module.resolve_value = performance::resolve_indicator_value;
    return module;
}

} // namespace bp::content
