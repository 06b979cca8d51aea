#pragma once
// A source file's path as diagnostics name it, held once for the whole process. Every block
// and inline of a paper carries a location, copied with it: a path of its own was an
// allocation and a copy of the path each time, for every one of an archive's millions.
#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

namespace bp {

class SourcePath {
  public:
    SourcePath() = default; // no file: "boardpack" itself
    // The one copy of `path` (made on first use, kept until the process ends): two SourcePaths
    // of the same text are the same pointer. Implicit, as a location is written with a path.
    SourcePath(std::string_view path);
    SourcePath(const std::string& path) : SourcePath(std::string_view(path)) {}
    SourcePath(const char* path) : SourcePath(std::string_view(path)) {}

    const std::string& str() const;
    operator const std::string&() const { return str(); }
    const char* c_str() const { return str().c_str(); }
    bool empty() const { return held_ == nullptr; }
    std::size_t size() const { return str().size(); }

    friend bool operator==(const SourcePath& a, const SourcePath& b) { return a.held_ == b.held_; }
    friend bool operator==(const SourcePath& a, std::string_view b) { return a.str() == b; }
    friend bool operator==(const SourcePath& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const SourcePath& a, const char* b) { return a.str() == b; }
    // By text, so that diagnostics sort the same in every run.
    friend std::strong_ordering operator<=>(const SourcePath& a, const SourcePath& b) {
        return a.str().compare(b.str()) <=> 0;
    }

  private:
    const std::string* held_ = nullptr; // null for the empty path
};

// Joined with text as a std::string is (a const char* or std::string converts to the view).
std::string operator+(const SourcePath& path, std::string_view text);
std::string operator+(std::string_view text, const SourcePath& path);
std::ostream& operator<<(std::ostream& out, const SourcePath& path);

} // namespace bp
