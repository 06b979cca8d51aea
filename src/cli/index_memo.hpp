#pragma once
// The build cache's memo of the site's index (see content/meeting_memo.hpp): every meeting as
// meeting.yaml and its papers' front matter gave it, with the warnings reading it gave, under a
// key made from everything reading it looked at: the board's name, venue, times and Part 2
// default, and every entry of the meeting's folder, each file by its SHA-256. A meeting whose
// folder holds a link, or whose papers lie outside its folder, is read afresh every time.
//
// The memo is one cache entry for each audience (what it holds is read before the audience is
// applied, but each edition's cache is apart), stored under the program's identity and the
// source folder as named (a PDF paper's path is made from it): read once when a build starts,
// written again after the index when a meeting was read afresh or has gone.
#include "cli/build_cache.hpp"
#include "content/meeting_memo.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace bp::cli {

class IndexMemo final : public content::MeetingMemo {
  public:
    // `source` is the source folder as the build's file system names it.
    IndexMemo(const BuildCache& cache, std::string source, content::Audience audience);

    std::optional<content::Meeting> recall(const content::Board& board, const std::string& folder,
                                           DiagnosticSink& sink) override;
    void keep(const content::Board& board, const std::string& folder,
              const content::Meeting& meeting, const std::vector<Diagnostic>& warnings) override;

    // Once the index is read: stores the meetings recalled and kept since the memo was read,
    // when that is not what was read (best effort, like every store into the cache), and lets
    // them go.
    void save();
    // How many meetings were taken from the memo.
    std::size_t recalled() const { return recalled_; }

  private:
    struct Record {
        std::string key;
        std::string meeting; // content::meeting_note()
        std::string note;    // cache_note() of the warnings
    };
    // The key of the meeting in `folder`; none when it is not to be kept (a link in the folder,
    // a folder that cannot be read).
    std::optional<std::string> key_of(const content::Board& board, const std::string& folder) const;
    void read_stored();

    const BuildCache& cache_;
    std::string source_;
    std::string part_;
    std::string entry_key_;
    std::map<std::string, Record> stored_; // by folder, as read from the cache; not changed
    std::mutex mutex_;
    std::map<std::string, Record> kept_; // by folder: meetings read afresh by this build
    // By folder: this build's meetings, in stored_ when recalled, in kept_ when read afresh.
    std::map<std::string, const Record*> current_;
    std::map<std::string, std::string> keys_read_; // by folder: keys worked out before a reading
    bool changed_ = false;                         // a meeting was kept afresh
    std::atomic<std::size_t> recalled_ = 0;
};

} // namespace bp::cli
