#pragma once
// The parts of a build that the build cache holds: each meeting's packs (pack.pdf, agenda.pdf,
// pack.json, the per-item PDFs and supplementary packs) and each quarterly archive pack. A part
// whose key is unchanged is written from the cache, its warnings reported again; any other part is
// built and stored. With the cache off, every part is built.
#include "cli/build_cache.hpp"
#include "cli/build_cache_notes.hpp"
#include "cli/quarter_packs.hpp"
#include "content/model.hpp"
#include "core/diagnostics.hpp"
#include "core/output_tree.hpp"
#include "pack/pack.hpp"
#include "site/search_index.hpp"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bp::cli {

// One file of the output: its path (or, in BuiltPacks, its name in the meeting's folder) and
// its bytes.
using BuiltFile = std::pair<std::string, std::string>;

// A meeting's pack files as laid out, and the summary its pages are written from.
struct BuiltPacks {
    content::PackSummary summary;
    std::vector<BuiltFile> files;
};

struct MeetingPacks {
    content::PackSummary summary;
    bool from_cache = false;
};

// A meeting the cache held whole, packs and pages: what the rest of the build needs of it.
struct CachedMeeting {
    content::PackSummary summary;
    PagesNote pages;
};

class CachedParts {
  public:
    // `site` has had the audience applied; its keys are worked out here, once.
    CachedParts(BuildCache cache, const content::Site& site, content::Audience audience);
    ~CachedParts();
    // Whether anything is kept: without a cache, nothing built needs recording for it.
    bool keeping() const { return cache_.enabled(); }

    // Thread-safe. The meeting's packs and pages from the cache, written to `out` with their
    // warnings, before its papers are read (`meeting` is as the site's index holds it, the
    // audience applied). None when either part must be built.
    std::optional<CachedMeeting> whole_meeting(const content::Board& board,
                                               const content::Meeting& meeting, OutputTree& out,
                                               DiagnosticSink& sink);

    // Thread-safe. `meeting` has its papers loaded; `build` lays the packs out. The files
    // are written to `out` here.
    MeetingPacks meeting_packs(const content::Board& board, const content::Meeting& meeting,
                               OutputTree& out, DiagnosticSink& sink,
                               const std::function<BuiltPacks(DiagnosticSink&)>& build);

    // Thread-safe, after meeting_packs: keeps the meeting's pages (every file written for them
    // to `out`, `files`) with the warnings its papers gave and what `pages` holds. `meeting`
    // has its papers loaded.
    void store_pages(const content::Board& board, const content::Meeting& meeting,
                     std::vector<BuiltFile> files, const std::vector<Diagnostic>& warnings,
                     const PagesNote& pages, OutputTree& out);

    // Thread-safe: a board's own pages (site::SiteBuilder::write_board_pages), from the cache
    // or from `write`, which writes them to `out`.
    void board_pages(const content::Board& board, OutputTree& out, DiagnosticSink& sink,
                     const std::function<void()>& write);

    // Thread-safe, once every meeting of the quarter has been through meeting_packs: the
    // quarter's archive pack, from the cache or from `build` (none when the quarter has no
    // packs), written to `out`.
    void quarter_pack(const QuarterPackJob& job, OutputTree& out, DiagnosticSink& sink,
                      const std::function<std::optional<BuiltFile>(DiagnosticSink&)>& build);

    // The search index's term shards, kept under their names and the site's key (the
    // program's identity among it); none with the cache off. For the one thread that writes
    // the index.
    site::SearchShardStore* search_shards();

  private:
    class SearchShards;
    std::string part(const std::string& kind, const std::string& name) const;
    // The meeting's sources' key, worked out once a build: before its papers are read, so
    // what is stored is never newer than its key.
    std::string sources_key(const content::Board& board, const content::Meeting& meeting);
    bool take(const std::string& part, const std::string& key, OutputTree& out,
              DiagnosticSink& sink, std::optional<content::PackSummary>* summary);
    BuildCache cache_;
    std::string audience_;
    std::string source_root_;
    std::string pages_site_key_;
    std::string build_timestamp_; // site::build_timestamp(), in each board's pages (calendars)
    std::map<std::string, std::string> board_keys_; // by board slug
    std::mutex mutex_;
    std::map<std::string, std::string> meeting_keys_; // packs' keys, by "board/meeting"
    std::map<std::string, std::string> sources_keys_; // by "board/meeting"
    std::string site_key_;
    std::unique_ptr<SearchShards> search_shards_;
};

} // namespace bp::cli
