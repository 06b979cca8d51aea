#pragma once
#include "content/model.hpp"
#include "core/diagnostics.hpp"

#include <map>
#include <memory>
#include <string>

namespace bp::cli {

struct BuildOptions {
    std::string source = ".";
    std::string out = "public";
    content::Audience audience = content::Audience::public_audience;
    unsigned jobs = 0; // 0: one per core
    bool quiet = false;
    // The build cache (cli/build_cache.hpp): its folder, empty for .boardpack-cache beside
    // site.yaml; `use_cache` false builds everything afresh and leaves the cache alone.
    std::string cache;
    bool use_cache = true;
    // Leave the output folder as it is when the build cache's record shows that nothing read
    // by the build into it has changed and nothing in it was altered since.
    bool keep_up_to_date_output = false;
    // Keep every meeting's pack summary for the preview (BuildStats::summaries), which shows an
    // edited paper's pages with them; a plain build lets each go once its pages are written.
    bool for_preview = false;
};

struct BuildStats {
    bool committed = false; // the output folder was replaced by the new build
    std::size_t meetings = 0;
    int packs = 0;
    int packs_reused = 0;         // meetings whose packs were taken from the build cache
    int pages_reused = 0;         // meetings whose pages were too: their papers were not read
    std::size_t index_reused = 0; // meetings the index took from the build cache, unread
    bool up_to_date = false;      // nothing had changed: the output folder was left as it was
    int pages = 0;
    std::map<std::string, content::PackSummary> summaries; // by "board/meeting"; for_preview
    std::string base_url; // from site.yaml, so the preview can serve under its path
    // The index the build was made from (audience applied, paper bodies not loaded), so the
    // preview can render one meeting's pages after an edit without reading the site again.
    std::shared_ptr<const content::Site> site;
};

// Builds into a staging folder and swaps it in only when there were no errors.
BuildStats build_site(const BuildOptions& options, DiagnosticSink& sink);
// Exit status: 0 built, 1 content errors (nothing written).
int run_build(const BuildOptions& options);
// Loads and checks everything a build would, writing nothing.
int run_check(const std::string& source);

} // namespace bp::cli
