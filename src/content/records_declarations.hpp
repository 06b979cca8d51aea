#pragma once
// meeting.yaml `declarations:`: the interests declared at a meeting.
#include "content/model.hpp"

#include <vector>
#include <yaml-cpp/yaml.h>

namespace bp::content {

// Reads a list of { name, item, interest } maps; `name` and `interest` are required. A null or
// missing node gives no declarations. Problems are located errors; what can be read is kept.
std::vector<Declaration> read_declarations(const YAML::Node& list, const SourceLocation& origin,
                                           DiagnosticSink& sink);

} // namespace bp::content
