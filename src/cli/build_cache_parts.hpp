#pragma once
// The parts of a build that the build cache holds: each meeting's packs (pack.pdf, agenda.pdf,
// pack.json and the per-item PDFs) and each quarterly archive pack. A part whose key
// is unchanged is written from the cache, its warnings reported again; any other part is built
// and stored. With the cache off, every part is built.
#include "cli/build_cache.hpp"
#include "content/model.hpp"
#include "core/diagnostics.hpp"
#include "core/output_tree.hpp"
#include "pack/pack.hpp"

#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace bp::cli {

struct MeetingPacks {
    content::PackSummary summary;
    bool from_cache = false;
};

class CachedParts {
  public:
    // `site` has had the audience applied; its keys are worked out here, once.
    CachedParts(BuildCache cache, const content::Site& site, content::Audience audience);

    // Thread-safe. `meeting` has its papers loaded; `build` lays the packs out.
    MeetingPacks meeting_packs(const content::Board& board, const content::Meeting& meeting,
                               OutputTree& out, DiagnosticSink& sink,
                               const std::function<pack::PackOutput(DiagnosticSink&)>& build);

    // After every meeting's packs: each quarter's archive pack, from the cache or from
    // `build`, which writes the archive packs of the site it is given: one board holding
    // that quarter's meetings.
    void quarter_packs(const content::Site& site, OutputTree& out, DiagnosticSink& sink,
                       const std::function<void(const content::Site&, DiagnosticSink&)>& build);

  private:
    std::string part(const std::string& kind, const std::string& name) const;
    // Runs a part's build (which writes to `out` on this thread alone) and stores the files
    // it wrote.
    void store_built(const std::string& part, const std::string& key, OutputTree& out,
                     DiagnosticSink& sink, const std::function<void(DiagnosticSink&)>& build);
    bool take(const std::string& part, const std::string& key, OutputTree& out,
              DiagnosticSink& sink, std::optional<content::PackSummary>* summary);
    BuildCache cache_;
    std::string audience_;
    std::string source_root_;
    std::map<std::string, std::string> board_keys_; // by board slug
    std::mutex mutex_;
    std::map<std::string, std::string> meeting_keys_; // by "board/meeting"
};

} // namespace bp::cli
