#include "content/directives.hpp"
#include "content/performance_handlers.hpp"

namespace bp::content {

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
