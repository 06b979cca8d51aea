#pragma once
// Limits on YAML aliases, checked on the parser's events before a document is built: an alias
// inside the node it names makes a cycle that every reader would follow for ever, and nested
// aliases can make a few hundred bytes stand for billions of nodes.
#include "core/diagnostics.hpp"

#include <cstddef>
#include <string_view>

namespace bp::data {

struct YamlBudget {
    std::size_t max_aliases = 1000;
    // Nodes after every alias is expanded, beyond the nodes written out.
    std::size_t max_expanded_nodes = 100000;
};

// Reports a located error and returns false when `text` has a cyclic alias or exceeds the
// budget. Syntax errors are left to the parser proper (returns true).
bool check_yaml_aliases(std::string_view text, const SourceLocation& origin, DiagnosticSink& sink,
                        const YamlBudget& budget = {});

} // namespace bp::data
