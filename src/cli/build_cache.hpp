#pragma once
// The build cache: what a build produced for one part of the site (a meeting's packs, a
// quarterly archive pack, a record of the last build into an output folder, the site's index:
// index_memo.hpp), kept in a folder the user may delete at any time and stored under a key made
// from every input of that part (see build_cache_keys.hpp). A part whose key is unchanged takes
// its files from the cache instead of being laid out again.
//
// <cache>/v11/<part>/entry one file, read up to its tail and checked (a damage check of its
//                          lines and one of its note, damage_check_hex): the key; each file's
//                          output path, damage check, size, modification time and identity
//                          (device and inode); then the caller's note (summary, warnings); then
//                          the caller's tail, neither read nor checked here
// <cache>/v11/<part>/<n>   the files' bytes
//
// The tail is for what a caller reads in pieces, if at all, and checks piece by piece itself
// (a meeting's search records, summed shard by shard; the index memo's records, each with its
// damage check): a rebuild finds hundreds of entries and would otherwise read and check tens
// of megabytes it never uses.
//
// A file's bytes are checked with XXH3 (damage_check_hex), not SHA-256: the check finds a
// damaged copy, which is all it is for (the key, made of the inputs' SHA-256 digests, says
// what the entry is), and every file a build writes is checked as it is stored: SHA-256 was
// 1.6 % of a clean build's CPU.
#include "core/filesystem.hpp"
#include "core/output_tree.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bp::cli {

struct CacheEntry {
    std::vector<std::pair<std::string, std::string>> files; // output path -> bytes
    std::string note;                                       // kept and given back as it is
    std::string tail;              // stored after the note; not given back (see tail_offset)
    std::uint64_t note_offset = 0; // where the note starts in note_file(), as loaded
    std::uint64_t tail_offset = 0; // where the tail starts in note_file(), as loaded
    std::uint64_t tail_bytes = 0;  // and its size
};

// An entry found in the cache, its files not read: they go into the output as hard links.
struct StoredEntry {
    struct File {
        std::string output_path;
        std::string cache_path;
        std::string check;   // damage_check_hex() of its bytes
        std::string stamp;   // the cached file's size and modification time, as stored
        FileIdentity stored; // and its identity, as stored
    };
    std::vector<File> files;
    std::string note;
    std::uint64_t note_offset = 0; // where the note starts in the entry's file (note_file())
    std::uint64_t tail_offset = 0; // where the tail starts there
    std::uint64_t tail_bytes = 0;
};

class BuildCache {
  public:
    // An empty folder turns the cache off: nothing is found and nothing stored.
    explicit BuildCache(std::string folder);
    bool enabled() const { return !folder_.empty(); }
    const std::string& folder() const { return folder_; }

    // The entry stored for `part` under `key`, when every file still passes the damage check
    // recorded with it. A missing, stale, truncated or altered entry gives nothing, so the part is
    // built again: the cache never serves bytes it cannot vouch for.
    std::optional<CacheEntry> load(const std::string& part, const std::string& key) const;
    // The same without reading the files, nor looking them up: write_to() checks them.
    std::optional<StoredEntry> find(const std::string& part, const std::string& key) const;
    // Puts the entry's files into `out` as hard links to the cache's copies: no byte is read or
    // written. Each must still have the size and modification time it was stored with (nothing
    // ever writes a stored file, so a change means damage): a link the previous build left in
    // `out` to the very file, as stored, is kept after one look-up. Where a link cannot be made
    // (another file system), a file is read, checked against its damage check and written. False,
    // the entry removed, when a file is damaged or gone; `out` may then hold some.
    bool write_to(const StoredEntry& entry, OutputTree& out) const;
    // The file holding the note and tail of `part`'s entry (from note_offset and tail_offset
    // on), for a caller that reads them in pieces: each piece must be checked by the caller, as
    // the tail never is here and the entry may have been replaced since it was found.
    std::string note_file(const std::string& part) const { return entry_folder(part) + "/entry"; }
    // `bytes` bytes of `part`'s entry file from `offset` (a record its caller located in the
    // note or the tail); none when they cannot all be read. Not checked here.
    std::optional<std::string> read_entry_part(const std::string& part, std::uint64_t offset,
                                               std::size_t bytes) const;
    // Replaces the entry for `part`. Best effort and thread-safe: a cache that cannot be written
    // costs time, never the build. Returns false when the entry was not stored.
    bool store(const std::string& part, const std::string& key, const CacheEntry& entry) const;
    // The same for files this build has just written to `out` with these bytes: they are
    // linked into the cache from there rather than written a second time.
    bool store(const std::string& part, const std::string& key, const CacheEntry& entry,
               OutputTree& written_to) const;
    // An entry of one file this build has written to `written_to` at `path` without keeping
    // its bytes (a stream): linked into the cache from there, or copied where it cannot be,
    // and checked from the cache's copy. The note is empty.
    bool store_written(const std::string& part, const std::string& key, const std::string& path,
                       OutputTree& written_to) const;

    // Removes `part`'s entry, found damaged by its caller (in its tail): the part is then built
    // again and stored afresh.
    void forget(const std::string& part) const;

  private:
    // An entry's file as read: its key, files and note.
    struct Record {
        struct File {
            std::string path;  // in the output
            std::string check; // damage_check_hex() of its bytes
            std::string stamp;
            FileIdentity identity;
        };
        std::string key;
        std::vector<File> files;
        std::string note;
        std::uint64_t note_offset = 0;
        std::uint64_t tail_offset = 0;
        std::uint64_t tail_bytes = 0;
    };
    // The entry's file up to its note, which follows it as it is, and then the tail.
    static std::string entry_head(const std::string& key, const std::vector<Record::File>& files,
                                  std::string_view note, std::string_view tail);
    // None when the text (the entry's file up to its tail, which holds `tail_bytes` more) is
    // not a whole entry, as written. The note is left where it is, from note_offset on.
    static std::optional<Record> parse_entry(std::string_view text, std::uint64_t file_bytes);
    std::string entry_folder(const std::string& part) const;
    // `part`'s entry when it is whole and stored under `key`; a damaged one is removed.
    std::optional<Record> read_entry(const std::string& part, const std::string& key) const;
    bool store_entry(const std::string& part, const std::string& key, const CacheEntry& entry,
                     OutputTree* written_to) const;
    // A new folder to write an entry in before it is renamed into place; none when the cache
    // cannot be written.
    std::optional<std::string> new_staging_folder() const;
    // Writes the entry's file for `files`, `note` and `tail` into `staging` and renames it into
    // place as `part`'s entry; false (and `staging` gone) when it cannot.
    bool finish_entry(const std::string& staging, const std::string& part, const std::string& key,
                      const std::vector<Record::File>& files, std::string_view note,
                      std::string_view tail) const;
    // `part`'s entry file opened for reading, from the layout's folder held open; -1 when
    // there is none.
    int open_entry_file(const std::string& part) const;
    std::string folder_;
    // The layout's folder, held open from the start: a rebuild opens thousands of entries in
    // it, each otherwise walked down to from the root. Not open when it was not there then
    // (a first build, which finds no entry): entries are opened by their paths.
    std::shared_ptr<const OpenFolder> layout_folder_;
};

// The default cache folder: .boardpack-cache beside site.yaml.
std::string default_cache_folder(const std::string& source);

} // namespace bp::cli
