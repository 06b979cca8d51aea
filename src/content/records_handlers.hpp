#pragma once
// What the records handlers share. Each handler is declared where it is registered, in
// records_directives.cpp, so a new directive is its own file plus one line there.
#include "content/directives.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bp::content::records {

// {{ actions.open_count }} and its siblings, as at the meeting's date.
bool owns_actions_value(const std::vector<std::string>& path);
std::optional<std::string> resolve_actions_value(const std::vector<std::string>& path,
                                                 const SourceLocation& location,
                                                 DirectiveContext& context);

} // namespace bp::content::records
