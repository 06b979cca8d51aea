#pragma once
// Footnote labels read back from the source: cmark-gfm keeps only numbers in its public tree.
#include <cstddef>
#include <string>
#include <string_view>

namespace bp::markdown {

// The label of the reference "[^note]" whose "[^" is at byte offset `open` of `line`.
std::string reference_label(std::string_view line, std::size_t open);
// The label of the definition "[^label]: text" whose text starts at `content_column`.
std::string definition_label(std::string_view line, int content_column);
// Labels match case-insensitively and with runs of spaces collapsed, as link labels do.
std::string normalise_label(std::string_view label);

} // namespace bp::markdown
