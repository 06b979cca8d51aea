#pragma once
#include "content/model.hpp"
#include "core/diagnostics.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace bp::cli {

// For preview rebuilds: a meeting the change did not touch keeps the packs of the previous
// build (copied from `previous_out`) instead of being laid out and written again.
struct PackReuse {
    std::string previous_out;
    std::set<std::string> rebuild;                         // "csp/2017-09-12"
    std::map<std::string, content::PackSummary> summaries; // from the previous build
};

struct BuildOptions {
    std::string source = ".";
    std::string out = "public";
    content::Audience audience = content::Audience::public_audience;
    unsigned jobs = 0; // 0: one per core
    bool quiet = false;
    std::optional<PackReuse> reuse;
};

struct BuildStats {
    bool committed = false; // the output folder was replaced by the new build
    std::size_t meetings = 0;
    int packs = 0;
    int packs_reused = 0;
    int pages = 0;
    std::map<std::string, content::PackSummary> summaries; // by "board/meeting"
    std::string base_url; // from site.yaml, so the preview can serve under its path
};

// Builds into a staging folder and swaps it in only when there were no errors.
BuildStats build_site(const BuildOptions& options, DiagnosticSink& sink);
// Exit status: 0 built, 1 content errors (nothing written).
int run_build(const BuildOptions& options);
// Loads and checks everything a build would, writing nothing.
int run_check(const std::string& source);

} // namespace bp::cli
