#include "core/source_path.hpp"

#include <array>
#include <mutex>
#include <ostream>
#include <unordered_set>

namespace bp {

namespace {

struct PathHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view path) const {
        return std::hash<std::string_view>{}(path);
    }
};

// Node-based: a path's string never moves once held. A build names a few files a paper, so
// the sets stay as small as the site; nothing is taken out of them. Paths are spread over
// several sets, each with its own lock: threads reading meetings back from the build cache
// name thousands of paths each, and one lock had them queue for it.
struct PathShard {
    std::mutex mutex;
    std::unordered_set<std::string, PathHash, std::equal_to<>> paths;
};

const std::string* held_path_in(PathShard& shard, std::string_view path) {
    std::lock_guard lock(shard.mutex);
    auto found = shard.paths.find(path);
    if (found == shard.paths.end())
        found = shard.paths.emplace(path).first;
    return &*found;
}

// A thread names the same few paths over and over (a paper's blocks, a meeting's records):
// the paths it was last given are found again without a lock.
const std::string* held_path(std::string_view path) {
    // Never destroyed: a location read while the process exits still finds its path.
    static auto& shards = *new std::array<PathShard, 64>;
    thread_local std::array<const std::string*, 64> recent{};
    std::size_t hash = PathHash{}(path);
    const std::string*& slot = recent[hash % recent.size()];
    if (slot == nullptr || *slot != path)
        slot = held_path_in(shards[(hash / recent.size()) % shards.size()], path);
    return slot;
}

} // namespace

SourcePath::SourcePath(std::string_view path) : held_(path.empty() ? nullptr : held_path(path)) {}

const std::string& SourcePath::str() const {
    static const std::string& no_path = *new std::string; // never destroyed, as the paths
    return held_ ? *held_ : no_path;
}

std::string operator+(const SourcePath& path, std::string_view text) {
    std::string joined = path.str();
    joined += text;
    return joined;
}

std::string operator+(std::string_view text, const SourcePath& path) {
    std::string joined(text);
    joined += path.str();
    return joined;
}

std::ostream& operator<<(std::ostream& out, const SourcePath& path) {
    return out << path.str();
}

} // namespace bp
