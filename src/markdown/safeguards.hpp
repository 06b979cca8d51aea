#pragma once
// Limits that keep cmark-gfm fast on hostile or broken input. cmark-gfm 0.29 pads every table
// row to the header's width (so a few kilobytes can ask for millions of cells), and its smart
// quotes take time quadratic in the number of quotation marks in one paragraph.
#include "core/diagnostics.hpp"
#include "markdown/source_lines.hpp"

#include <cmark-gfm.h>
#include <string>

namespace bp::markdown {

inline constexpr std::size_t max_table_columns = 128;
// Paragraphs with more quotation marks than this are not typeset with curly quotes.
inline constexpr std::size_t max_quotes_per_block = 1000;

// Returns `text` with the delimiter row of any table that would be too large escaped, so that
// cmark reads it as a paragraph; each such table is reported.
std::string limit_table_sizes(std::string text, const SourceLocation& origin, DiagnosticSink& sink);

// Whether any part of the text could hold more than `max_quotes_per_block` quotation marks.
bool may_have_too_many_quotes(std::string_view text);

// Looks at a tree parsed without smart punctuation; false (with a warning) when one block has
// so many quotation marks that smart punctuation would be too slow.
bool smart_punctuation_is_safe(cmark_node* document, const SourceLines& source,
                               DiagnosticSink& sink);

} // namespace bp::markdown
