#pragma once
// The Markdown text split into lines, so that cmark's 1-based byte positions can be turned into
// file positions (line offset by the front matter, column in characters).
#include "core/diagnostics.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::markdown {

class SourceLines {
  public:
    // `text` must outlive this object.
    SourceLines(std::string_view text, SourceLocation origin);

    // Line `line` as cmark counts (1-based); empty when out of range.
    std::string_view line(int line) const;
    // The file position of cmark's line and byte column; line 0 ("unknown") gives `fallback`.
    SourceLocation locate(int line, int byte_column, const SourceLocation& fallback) const;
    SourceLocation locate(int line, int byte_column) const;
    // The byte offset in `line` of the occurrence of `marker` nearest to `expected`.
    std::optional<std::size_t> nearest(int line, std::string_view marker, long expected) const;

  private:
    // Characters before a byte offset in the whole text, in constant time: a count is kept at
    // every checkpoint so a line of a million inlines is not rescanned for each of them.
    std::size_t characters_before(std::size_t offset) const;

    std::string_view text_;
    std::vector<std::string_view> lines_;
    std::vector<std::size_t> characters_at_checkpoint_;
    SourceLocation origin_;
    // Occurrences of a marker in the line last asked about, per marker.
    mutable std::map<std::string, std::pair<int, std::vector<std::size_t>>, std::less<>> found_;
};

} // namespace bp::markdown
