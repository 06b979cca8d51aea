#pragma once
// Shortcuts for the Markdown tests: parse text and look at the result as a compact string.
#include "dump.hpp"
#include "markdown/parse.hpp"

#include <string>
#include <string_view>

namespace bp::test {

inline const SourceLocation test_origin{"paper.md", 1, 1};

// Directive names for the Markdown tests; the real ones come from content's registry.
inline const markdown::ParseOptions& test_options() {
    static const markdown::ParseOptions options{{"chart", "scorecard", "membership"}};
    return options;
}

// The dumped document; diagnostics are collected in `sink`.
inline std::string markdown(std::string_view text, DiagnosticSink& sink) {
    return dump(markdown::parse(text, test_origin, sink, test_options()));
}

// The dumped document, for inputs that must parse without any diagnostic.
std::string markdown(std::string_view text);

// Every diagnostic, formatted and joined with newlines, in file order.
std::string diagnostics(const DiagnosticSink& sink);

} // namespace bp::test
