#pragma once
// Inline values: `{{ expression }}` in running text, filled in later from the data.
#include "core/diagnostics.hpp"
#include "markdown/document.hpp"
#include "markdown/source_lines.hpp"

#include <string>

namespace bp::markdown {

// A stretch of text that cmark may have delivered in several pieces, glued back together.
struct TextRun {
    std::string text;
    int line = 0;        // cmark's line of the first character; 0 when cmark did not say
    int byte_column = 0; // cmark's byte column of the first character
    SourceLocation location;
};

// Appends the run to `out` as text and value inlines. An unclosed or empty `{{` is reported
// and kept as text.
void append_text_with_values(const TextRun& run, const SourceLines& source, DiagnosticSink& sink,
                             doc::Inlines& out);

} // namespace bp::markdown
