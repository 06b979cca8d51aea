#pragma once
// The build cache's memo of the site's index (see content/meeting_memo.hpp): every meeting as
// meeting.yaml and its papers' front matter gave it, and every board's records as its minutes
// and action log gave them, each with the warnings working it out gave. A meeting is kept under
// a key made from everything reading it looked at: the board's name, venue, times and Part 2
// default, and every entry of the meeting's folder, each file by its SHA-256. A board's records
// are kept under one made from site.yaml and every file in the board's folder, its meetings'
// included. A meeting whose folder holds a link, or whose papers lie outside its folder, and a
// board whose folder holds a link, are read afresh every time.
//
// The memo is one cache entry for each board and audience (what it holds is read before the
// audience is applied, but each edition's cache is apart), stored under the program's identity
// and the source folder as named (a PDF paper's path is made from it): read when the index
// first asks for one of the board's meetings, written again after the index when anything of
// the board was read afresh or has gone. An edit rewrites its board's entry, not the archive's.
#include "cli/build_cache.hpp"
#include "content/meeting_memo.hpp"

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace bp::cli {

class IndexMemo final : public content::MeetingMemo {
  public:
    // `source` is the source folder as the build's file system names it.
    IndexMemo(const BuildCache& cache, std::string source, content::Audience audience);
    IndexMemo(const IndexMemo&) = delete;
    IndexMemo& operator=(const IndexMemo&) = delete;

    std::optional<content::Meeting> recall(const content::Board& board, const std::string& folder,
                                           DiagnosticSink& sink) override;
    void keep(const content::Board& board, const std::string& folder,
              const content::Meeting& meeting, const std::vector<Diagnostic>& warnings) override;
    std::optional<content::BoardRecords> recall_records(const content::Board& board,
                                                        DiagnosticSink& sink) override;
    void keep_records(const content::Board& board, const content::BoardRecords& records,
                      const std::vector<Diagnostic>& warnings) override;

    // Once the index is read: stores what was recalled and kept since the memo was read, when
    // that is not what was read (best effort, like every store into the cache), and lets it go.
    void save();
    // How many meetings were taken from the memo.
    std::size_t recalled() const { return recalled_; }

  private:
    struct Kept { // a record read afresh by this build, or read back from the stored entry
        std::string key;
        std::string value; // content::meeting_note() or content::board_records_note()
        std::string note;  // cache_note() of the warnings
    };
    struct Stored { // where a record lies in the stored entry's tail, and its bytes' check
        std::string key;
        std::uint64_t offset = 0;
        std::size_t value_bytes = 0;
        std::size_t note_bytes = 0;
        std::string check; // damage_check_hex() of the bytes
    };
    // One board's records: one cache entry.
    struct Shard {
        std::map<std::string, Stored> stored; // by name, as read from the cache
        // The cache part whose entry holds the records, read record by record and opened for
        // each: an archive of many boards would otherwise hold a file open for every board.
        std::string part;
        std::map<std::string, Kept> kept; // by name: what this build read afresh
        std::set<std::string> used;       // names of the stored records recalled
        bool changed = false;             // something was kept afresh
    };
    // The key of the meeting in `folder`; none when it is not to be kept (a link in the folder,
    // a folder that cannot be read).
    std::optional<std::string> key_of(const content::Board& board, const std::string& folder) const;
    // The key of the board's records; none when they are not to be kept.
    std::optional<std::string> records_key_of(const content::Board& board) const;
    // The board's shard, read from the cache the first time it is asked for. Under mutex_.
    Shard& shard_of(const content::Board& board);
    // The record stored for `name` (a meeting's folder, a board's) under `key`, if any; the key
    // is remembered for keep_value() should the record not serve. Worked out before reading,
    // so that what is kept is never newer than its key.
    std::optional<Kept> stored_under(const content::Board& board, const std::string& name,
                                     std::string key);
    // A stored record's bytes, when they still have their digest; and the record read from them.
    std::optional<std::string> read_stored_bytes(const std::string& part,
                                                 const Stored& stored) const;
    std::optional<Kept> read_stored_record(const std::string& part, const Stored& stored) const;
    void use_stored(const content::Board& board, const std::string& name);
    void keep_value(const content::Board& board, const std::string& name, std::string value,
                    const std::vector<Diagnostic>& warnings);
    std::string part_of(const content::Board& board) const;
    void read_stored(const std::string& part, Shard& shard) const;
    void save_shard(const std::string& part, const Shard& shard) const;

    const BuildCache& cache_;
    std::string source_;
    std::string audience_;
    std::string entry_key_;
    std::mutex mutex_;
    std::map<std::string, Shard> shards_;          // by the part they are stored as
    std::map<std::string, std::string> keys_read_; // by name: keys worked out before a reading
    std::atomic<std::size_t> recalled_ = 0;
};

} // namespace bp::cli
