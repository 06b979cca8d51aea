// Markdown alone: the cmark-gfm conversion, footnotes, raw HTML and the size safeguards.
#include "markdown/parse.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bp::DiagnosticSink sink;
    std::string text(reinterpret_cast<const char*>(data), size);
    bp::markdown::parse(text, {"fuzz.md", 1, 1}, sink);
    return 0;
}
