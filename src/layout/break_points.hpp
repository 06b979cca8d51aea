#pragma once
// Where a word may be broken across lines: Unicode line-break opportunities (UAX #14, from
// libunibreak), such as after the slashes of a web address or the hyphen of a compound, and
// hyphenation points from the en-GB patterns (libhyphen), which need a hyphen at the line's end.
#include <cstddef>
#include <string_view>
#include <vector>

namespace bp::layout {

struct BreakPoint {
    std::size_t offset = 0; // bytes of the word that stay on the first line
    bool hyphen = false;    // the first line ends with an added hyphen
    bool operator==(const BreakPoint&) const = default;
};

// Break points inside one word (text without spaces), in order. Web addresses, e-mail
// addresses and paths break only after their separators (dots and slashes included): a
// hyphen added there would change them.
// The points are remembered per thread; the reference holds until the thread's next call.
const std::vector<BreakPoint>& word_break_points(std::string_view word);

} // namespace bp::layout
