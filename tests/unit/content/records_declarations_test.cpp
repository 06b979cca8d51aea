#include "content/records_declarations.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::content;

TEST_CASE("declarations of interest are read from meeting.yaml") {
    YAML::Node yaml =
        YAML::Load("declarations:\n"
                   "  - { name: Ayo Bello, item: \"6\", interest: Trustee of a bidder }\n"
                   "  - { name: Jo Kerr, intrest: Governor }\n"
                   "  - Sam Reid\n");
    DiagnosticSink sink;
    auto declarations = read_declarations(yaml["declarations"], {"meeting.yaml", 1, 1}, sink);
    REQUIRE(declarations.size() == 1);
    CHECK(declarations[0].name == "Ayo Bello");
    CHECK(declarations[0].item == "6");
    CHECK(declarations[0].interest == "Trustee of a bidder");
    CHECK(declarations[0].location.line == 2);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 3);
    CHECK(diagnostics[0].location.line == 3);
    CHECK(diagnostics[0].message == "missing required key 'interest'");
    CHECK(diagnostics[1].location.line == 3);
    CHECK(diagnostics[1].hint == "did you mean 'interest'?");
    CHECK(diagnostics[2].location.line == 4);
    CHECK(diagnostics[2].message == "a declaration must be a map");
    CHECK(read_declarations(YAML::Node(), {"m", 1, 1}, sink).empty());
}
