#pragma once
// Splits a paper into its YAML front matter and its Markdown body.
#include "core/diagnostics.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <yaml-cpp/yaml.h>

namespace bp::content {

struct FrontMatter {
    YAML::Node yaml;            // a map (empty when the paper has no front matter)
    SourceLocation yaml_origin; // where the YAML starts: line of the first key, for errors
    std::string body;           // the Markdown after the closing ---
    SourceLocation body_origin; // where the body starts
};

// Front matter sits between a first line "---" and the next line "---". A paper without it,
// one whose closing line is missing, or malformed YAML gets a located error and no result.
std::optional<FrontMatter> split_front_matter(std::string_view text, const std::string& file,
                                              DiagnosticSink& sink);

} // namespace bp::content
