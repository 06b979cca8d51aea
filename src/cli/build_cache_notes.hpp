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

// A meeting's pages: besides their warnings, what the rest of the build needs from them.
struct PagesNote {
    ImageDigests images;
    site::RecordedDocuments documents;
};
// A note and the tail kept after it (BuildCache): a meeting's search records, which a rebuild
// reads only for the few shards an edit touches.
struct NoteAndTail {
    std::string note;
    std::string tail;
};
// None when a word form holds a space or line break: it could not be kept exactly. Every other
// field is kept byte for byte (warnings as valid UTF-8, as they are reported).
std::optional<NoteAndTail> pages_note(const std::vector<Diagnostic>& warnings,
                                      const PagesNote& pages);

// A note read in one pass: the summary and pages are there when the note was written with them.
struct ReadNote {
    std::vector<Diagnostic> warnings;
    std::optional<content::PackSummary> summary;
    std::optional<PagesNote> pages;
};
// None when the note is damaged. A meeting's search records are in the tail, not read:
// pages->documents.stored gives their size and where the table lies from the note's start, its
// file left empty for the caller to name (with the places of the note and the tail in it).
std::optional<ReadNote> read_note(const std::string& note);
// Reports the note's warnings to `sink`; false when the note cannot be read.
bool replay_warnings(const std::string& note, DiagnosticSink& sink);

} // namespace bp::cli
