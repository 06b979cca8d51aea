#pragma once
// Quarterly archive packs: for each board and financial quarter, one PDF bundling that
// quarter's meeting packs behind a contents page.
#include "content/model.hpp"
#include "core/output_tree.hpp"
#include "pack/pack.hpp"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bp::cli {

// One archive pack: a board's financial quarter and the meetings whose packs it bundles
// (cancelled meetings have no pack and are left out).
struct QuarterPackJob {
    const content::Board* board = nullptr;
    int year = 0; // the financial year's first calendar year
    int quarter = 0;
    std::vector<const content::Meeting*> meetings;
};

std::vector<QuarterPackJob> quarter_pack_jobs(const content::Site& site);

// Reads the quarter's packs back from the staging folder and lays out the archive pack: its
// path in the output and its bytes; nothing when no meeting of the quarter has a pack.
std::optional<std::pair<std::string, std::string>>
quarter_pack_file(const content::Site& site, const QuarterPackJob& job,
                  const pack::PackResources& fonts, const OutputTree& out, DiagnosticSink& sink,
                  content::Audience audience);

// Counts down each quarter's meetings as they are built, so that its archive pack can be
// written as soon as the last of them is. Safe to call from several threads.
class QuarterCountdown {
  public:
    explicit QuarterCountdown(const content::Site& site);
    // The quarter whose last outstanding meeting `meeting` was, or null.
    const QuarterPackJob* meeting_done(const content::Meeting* meeting);
    const std::vector<QuarterPackJob>& jobs() const { return jobs_; }

  private:
    std::vector<QuarterPackJob> jobs_;
    std::map<const content::Meeting*, std::size_t> quarter_of_;
    std::vector<std::size_t> outstanding_;
    std::mutex mutex_;
};

} // namespace bp::cli
