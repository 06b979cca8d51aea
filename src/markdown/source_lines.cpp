#include "markdown/source_lines.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cstdlib>

namespace bp::markdown {

namespace {

constexpr std::size_t checkpoint_spacing = 64;

} // namespace

SourceLines::SourceLines(std::string_view text, SourceLocation origin)
    : text_(text), origin_(std::move(origin)) {
    if (origin_.line < 1)
        origin_.line = 1;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines_.push_back(line);
        start = end + 1;
    }
    std::size_t characters = 0;
    for (std::size_t at = 0; at < text.size(); at += checkpoint_spacing) {
        characters_at_checkpoint_.push_back(characters);
        characters += static_cast<std::size_t>(utf8_length(text.substr(at, checkpoint_spacing)));
    }
}

std::size_t SourceLines::characters_before(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    if (characters_at_checkpoint_.empty())
        return 0;
    // The end of the text may fall just past the last checkpoint.
    auto checkpoint = std::min(offset / checkpoint_spacing, characters_at_checkpoint_.size() - 1);
    auto from = checkpoint * checkpoint_spacing;
    return characters_at_checkpoint_[checkpoint] +
           static_cast<std::size_t>(utf8_length(text_.substr(from, offset - from)));
}

std::string_view SourceLines::line(int line) const {
    if (line < 1 || line > static_cast<int>(lines_.size()))
        return {};
    return lines_[static_cast<std::size_t>(line - 1)];
}

SourceLocation SourceLines::locate(int line, int byte_column,
                                   const SourceLocation& fallback) const {
    if (line < 1)
        return fallback;
    return locate(line, byte_column);
}

SourceLocation SourceLines::locate(int line, int byte_column) const {
    SourceLocation location{origin_.file, origin_.line + line - 1, 1};
    if (byte_column < 1)
        return location;
    auto text = this->line(line);
    auto prefix = static_cast<std::size_t>(byte_column - 1);
    if (text.data() == nullptr || prefix > text.size()) {
        location.column = byte_column;
        return location;
    }
    // Columns count characters, as an editor shows them, not bytes.
    auto line_start = static_cast<std::size_t>(text.data() - text_.data());
    location.column =
        static_cast<int>(characters_before(line_start + prefix) - characters_before(line_start)) +
        1;
    return location;
}

std::optional<std::size_t> SourceLines::nearest(int line, std::string_view marker,
                                                long expected) const {
    auto found = found_.find(marker);
    if (found == found_.end())
        found = found_.emplace(std::string(marker), std::pair{0, std::vector<std::size_t>{}}).first;
    auto& [cached_line, offsets] = found->second;
    if (cached_line != line) {
        cached_line = line;
        offsets.clear();
        auto text = this->line(line);
        for (auto at = text.find(marker); at != std::string_view::npos;
             at = text.find(marker, at + marker.size()))
            offsets.push_back(at);
    }
    if (offsets.empty())
        return std::nullopt;
    auto after = std::lower_bound(offsets.begin(), offsets.end(),
                                  static_cast<std::size_t>(std::max(expected, 0L)));
    if (after == offsets.end())
        return offsets.back();
    if (after == offsets.begin())
        return *after;
    auto before = std::prev(after);
    return std::labs(static_cast<long>(*after) - expected) <
                   std::labs(static_cast<long>(*before) - expected)
               ? *after
               : *before;
}

} // namespace bp::markdown
