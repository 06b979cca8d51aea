#pragma once
// Markdown (GitHub-flavoured) to the document model, through cmark-gfm.
#include "markdown/document.hpp"

#include <set>
#include <string>
#include <string_view>

namespace bp::markdown {

struct ParseOptions {
    // Fenced blocks whose info string starts with one of these become directives instead of
    // code. The names belong to the directive registry (content/directives.cpp), which passes
    // them in; with none, every fenced block stays code.
    std::set<std::string> directive_names;
};

// `origin` is the file name and the line the Markdown starts on (after front matter), so that
// positions point into the real file. Problems (disallowed raw HTML, an unclosed {{ value)
// are reported to `sink`; parsing always produces a document.
doc::Document parse(std::string_view markdown, const SourceLocation& origin, DiagnosticSink& sink,
                    const ParseOptions& options = {});

} // namespace bp::markdown
