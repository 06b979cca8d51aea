// Laying a parsed paper out into pages, with a measurer of fixed advances so that the run does
// not depend on fonts.
#include "../unit/layout/layout_test_support.hpp"
#include "layout/layout.hpp"
#include "markdown/parse.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bp::DiagnosticSink sink;
    std::string text(reinterpret_cast<const char*>(data), size);
    bp::doc::Document document = bp::markdown::parse(text, {"fuzz.md", 1, 1}, sink);
    bp::layout::testing::FixedMeasurer measurer;
    bp::layout::LayoutInput input;
    input.document = &document;
    input.diagnostics = &sink;
    bp::layout::lay_out(input, bp::layout::PageGeometry{}, bp::layout::TextStyle{}, measurer);
    return 0;
}
