#pragma once
// What a cache entry keeps beside its files: the pack summary the site's pages are written from
// and the warnings the part's build gave, so a part taken from the cache reports them again.
#include "content/model.hpp"
#include "core/diagnostics.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bp::cli {

std::string cache_note(const std::vector<Diagnostic>& warnings,
                       const std::optional<content::PackSummary>& summary = std::nullopt);
// Reports the note's warnings to `sink`; false when the note cannot be read.
bool replay_warnings(const std::string& note, DiagnosticSink& sink);
std::optional<content::PackSummary> summary_in_note(const std::string& note);

} // namespace bp::cli
