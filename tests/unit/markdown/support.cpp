#include "support.hpp"

#include <doctest/doctest.h>

namespace bp::test {

std::string markdown(std::string_view text) {
    DiagnosticSink sink;
    auto out = markdown(text, sink);
    CHECK_MESSAGE(diagnostics(sink).empty(), diagnostics(sink));
    return out;
}

std::string diagnostics(const DiagnosticSink& sink) {
    std::string out;
    for (const auto& diagnostic : sink.sorted())
        out += (out.empty() ? "" : "\n") + format_diagnostic(diagnostic);
    return out;
}

} // namespace bp::test
