#include "core/source_path.hpp"

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
// the set stays as small as the site; nothing is taken out of it.
const std::string* held_path(std::string_view path) {
    static std::mutex mutex;
    static std::unordered_set<std::string, PathHash, std::equal_to<>> paths;
    std::lock_guard lock(mutex);
    auto found = paths.find(path);
    if (found == paths.end())
        found = paths.emplace(path).first;
    return &*found;
}

} // namespace

SourcePath::SourcePath(std::string_view path) : held_(path.empty() ? nullptr : held_path(path)) {}

const std::string& SourcePath::str() const {
    static const std::string no_path;
    return held_ ? *held_ : no_path;
}

std::string operator+(const SourcePath& path, std::string_view text) {
    std::string joined = path.str();
    joined += text;
    return joined;
}

std::string operator+(const SourcePath& path, const char* text) {
    return path + std::string_view(text);
}

std::string operator+(const SourcePath& path, const std::string& text) {
    return path + std::string_view(text);
}

std::string operator+(std::string_view text, const SourcePath& path) {
    std::string joined(text);
    joined += path.str();
    return joined;
}

std::string operator+(const char* text, const SourcePath& path) {
    return std::string_view(text) + path;
}

std::string operator+(const std::string& text, const SourcePath& path) {
    return std::string_view(text) + path;
}

std::ostream& operator<<(std::ostream& out, const SourcePath& path) {
    return out << path.str();
}

} // namespace bp
