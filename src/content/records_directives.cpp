#include "content/directives.hpp"
#include "content/records_handlers.hpp"

namespace bp::content {

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
