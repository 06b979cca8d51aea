// The directive registry is the one list of directive names: Markdown recognises exactly the
// names it registers.
#include "content/directives.hpp"

#include <doctest/doctest.h>

using namespace bp;

TEST_CASE("every registered directive is recognised when a paper is parsed") {
    const auto& names = content::directive_parse_options().directive_names;
    for (const char* expected : {"chart", "indicator", "scorecard", "actions", "membership",
                                 "forward-plan", "contents", "delivery-plan", "events"})
        CHECK(names.count(expected) == 1);
    for (const auto& name : names) {
        INFO(name);
        DiagnosticSink sink;
        auto document = markdown::parse("```" + name + "\n```\n", {"p.md", 1, 1}, sink,
                                        content::directive_parse_options());
        REQUIRE(document.blocks.size() == 1);
        CHECK(document.blocks[0].kind == doc::BlockKind::directive);
        CHECK(document.blocks[0].name == name);
    }
    DiagnosticSink sink;
    auto code = markdown::parse("```yaml\na: 1\n```\n", {"p.md", 1, 1}, sink,
                                content::directive_parse_options());
    REQUIRE(code.blocks.size() == 1);
    CHECK(code.blocks[0].kind == doc::BlockKind::code_block);
}
