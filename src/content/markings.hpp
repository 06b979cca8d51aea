#pragma once
// Protective markings: the labels a site uses (site.yaml `markings:`), and each paper's
// `marking:` checked against them. Whether the public may see a marking decides, through the
// audience rule, whether the paper is published.
#include "content/model.hpp"

#include <yaml-cpp/yaml.h>

namespace bp::content {

// Reads `markings: [{label: OFFICIAL, public: true}, {label: OFFICIAL-SENSITIVE, public: false}]`.
std::vector<Marking> read_markings(const YAML::Node& site_yaml, const SourceLocation& origin,
                                   DiagnosticSink& sink);

// Looks up every paper's marking in the site's list: sets whether the public may see it, and
// reports a marking the site does not define where the paper wrote it.
void resolve_markings(const SiteConfig& config, Board& board, DiagnosticSink& sink);

} // namespace bp::content
