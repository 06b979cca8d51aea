#pragma once
// What a cache entry keeps beside its files: the pack summary the site's pages are written from
// and the warnings the part's build gave, so a part taken from the cache reports them again; for
// a meeting's pages, also the images its papers showed and its search documents.
#include "cli/build_cache_keys.hpp"
#include "content/model.hpp"
#include "core/diagnostics.hpp"
#include "site/search_index.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bp::cli {

std::string cache_note(const std::vector<Diagnostic>& warnings,
                       const std::optional<content::PackSummary>& summary = std::nullopt);
// Reports the note's warnings to `sink`; false when the note cannot be read.
bool replay_warnings(const std::string& note, DiagnosticSink& sink);
std::optional<content::PackSummary> summary_in_note(const std::string& note);

// A meeting's pages: besides their warnings, what the rest of the build needs from them.
struct PagesNote {
    ImageDigests images;
    std::vector<site::SearchDocument> documents;
};
// None when a document's text is not valid UTF-8: it could not be kept exactly.
std::optional<std::string> pages_note(const std::vector<Diagnostic>& warnings,
                                      const PagesNote& pages);
std::optional<PagesNote> pages_in_note(const std::string& note);

} // namespace bp::cli
