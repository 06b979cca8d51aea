#pragma once
// The build cache: what a build produced for one part of the site (a meeting's packs, a
// quarterly archive pack, a record of the last build into an output folder), kept in a folder
// the user may delete at any time and stored under a key made from every input of that part (see
// build_cache_keys.hpp). A part whose key is unchanged takes its files from the cache instead of
// being laid out again.
//
// <cache>/v1/<part>/entry.json   the key, each file's output path and SHA-256, and
//                                the caller's note (summary, warnings)
// <cache>/v1/<part>/entry.sha256 the digest of entry.json itself
// <cache>/v1/<part>/<n>          the files' bytes
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bp::cli {

struct CacheEntry {
    std::vector<std::pair<std::string, std::string>> files; // output path -> bytes
    std::string note;                                       // kept and given back as it is
};

class BuildCache {
  public:
    // An empty folder turns the cache off: nothing is found and nothing stored.
    explicit BuildCache(std::string folder);
    bool enabled() const { return !folder_.empty(); }
    const std::string& folder() const { return folder_; }

    // The entry stored for `part` under `key`, when every file still has the digest recorded
    // with it. A missing, stale, truncated or altered entry gives nothing, so the part is built
    // again: the cache never serves bytes it cannot vouch for.
    std::optional<CacheEntry> load(const std::string& part, const std::string& key) const;
    // Replaces the entry for `part`. Best effort and thread-safe: a cache that cannot be written
    // costs time, never the build. Returns false when the entry was not stored.
    bool store(const std::string& part, const std::string& key, const CacheEntry& entry) const;

  private:
    std::string entry_folder(const std::string& part) const;
    std::string folder_;
};

// The default cache folder: .boardpack-cache beside site.yaml.
std::string default_cache_folder(const std::string& source);

} // namespace bp::cli
