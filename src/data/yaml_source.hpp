#pragma once
// YAML with located errors: every key and value remembers where it came from, so messages
// can say file:line:col.
#include "core/date.hpp"
#include "core/diagnostics.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace bp::data {

// Parses YAML text that begins at `origin` (line offset for front matter). Reports a syntax
// error to `sink` and returns nothing.
std::optional<YAML::Node> parse_yaml(std::string_view text, const SourceLocation& origin,
                                     DiagnosticSink& sink);

// Where a node starts in the file, given the origin used for parsing.
SourceLocation location_of(const YAML::Node& node, const SourceLocation& origin);

// Reports each key of a map that is not in `allowed`, with a "did you mean" hint.
void check_keys(const YAML::Node& map, const std::set<std::string>& allowed,
                const SourceLocation& origin, DiagnosticSink& sink, std::string_view what);

// Typed readers: report a located error and return nothing when the value has the wrong shape.
std::optional<std::string> read_string(const YAML::Node& map, const std::string& key,
                                       const SourceLocation& origin, DiagnosticSink& sink,
                                       bool required = false);
std::optional<Date> read_date(const YAML::Node& map, const std::string& key,
                              const SourceLocation& origin, DiagnosticSink& sink,
                              bool required = false);
std::optional<int> read_int(const YAML::Node& map, const std::string& key,
                            const SourceLocation& origin, DiagnosticSink& sink,
                            bool required = false);
std::optional<double> read_number(const YAML::Node& map, const std::string& key,
                                  const SourceLocation& origin, DiagnosticSink& sink,
                                  bool required = false);
std::optional<bool> read_bool(const YAML::Node& map, const std::string& key,
                              const SourceLocation& origin, DiagnosticSink& sink);
// One of a fixed set of words ("decision", "information", …).
std::optional<std::string> read_choice(const YAML::Node& map, const std::string& key,
                                       const std::vector<std::string>& choices,
                                       const SourceLocation& origin, DiagnosticSink& sink);

// The closest of `candidates` to `word` by edit distance, when it is close enough to suggest.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

} // namespace bp::data
