#pragma once
// The direction a paragraph reads in, so that right-to-left paragraphs (Urdu, Arabic, Persian,
// Hebrew) are set flush right while the pack shapes each run's letters right to left.
#include <string_view>

namespace bp::layout {

// True when the first letter of `utf8` belongs to a right-to-left script: the Unicode
// bidirectional algorithm's rule P2 for the paragraph's base direction, with digits,
// punctuation and symbols passed over as neutral.
bool reads_right_to_left(std::string_view utf8);

} // namespace bp::layout
