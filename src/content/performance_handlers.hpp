#pragma once
// The performance directives (```chart, ```indicator, ```scorecard) and the indicator
// {{ values }}; assembled into a module by performance_directives().
#include "content/directives.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bp::content::performance {

// True for paths naming one of the board's indicators, or shaped like an indicator value
// (`<id>.fytd.value`) so that a mistyped id still gets a did-you-mean hint.
bool owns_indicator_value(const std::vector<std::string>& path, DirectiveContext& context);
std::optional<std::string> resolve_indicator_value(const std::vector<std::string>& path,
                                                   const SourceLocation& location,
                                                   DirectiveContext& context);

// Every measure and field a value may name, for hints and documentation.
const std::vector<std::string>& value_measures();   // fytd, latest, q1 … q4, rolling12
const std::vector<std::string>& value_fields();     // value, last_year, change, …
const std::vector<std::string>& indicator_fields(); // title, rag, direction, …

} // namespace bp::content::performance
