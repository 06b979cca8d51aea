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

// The two parts of a paper's text as found, before the YAML is read.
struct FrontMatterText {
    std::string_view yaml;      // between the fences
    SourceLocation yaml_origin; // line 2
    std::string_view body;      // the Markdown after the closing ---
    SourceLocation body_origin;
};

// Front matter sits between a first line "---" and the next line "---". A paper without it,
// or one whose closing line is missing, gets a located error and no result. The YAML is not
// read: a paper's body is loaded long after its front matter was read and checked, and
// reading it again was most of the cost of finding where the body starts.
std::optional<FrontMatterText> find_front_matter(std::string_view text, const std::string& file,
                                                 DiagnosticSink& sink);

// The front matter found (above) and read; malformed YAML, or YAML that is not a map, gets a
// located error and no result.
std::optional<FrontMatter> split_front_matter(std::string_view text, const std::string& file,
                                              DiagnosticSink& sink);

} // namespace bp::content
