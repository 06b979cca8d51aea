#pragma once
// The handlers behind records_directives(), one file each.
#include "content/directives.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bp::content::records {

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

// {{ actions.open_count }} and its siblings, as at the meeting's date.
bool owns_actions_value(const std::vector<std::string>& path);
std::optional<std::string> resolve_actions_value(const std::vector<std::string>& path,
                                                 const SourceLocation& location,
                                                 DirectiveContext& context);

} // namespace bp::content::records
