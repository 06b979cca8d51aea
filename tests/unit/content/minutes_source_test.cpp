#include "content/minutes_source.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::content;

TEST_CASE("a board's minutes paper is read and parsed once for every reader of the record") {
    MemoryFileSystem files;
    const std::string path = "content/csp/2017-09-12/02-minutes.md";
    files.add(path, "---\nrecords: 2017-06-13\n---\n\n## 4. Action plan\n\n"
                    "```actions\n- {id: A1, action: Circulate the plan, owner: Chair}\n```\n");
    files.add("content/csp/2017-12-12/02-minutes.md", "---\nrecords: [2017\n---\n\nBroken.\n");
    MinutesSources sources(files);
    const MinutesSource* first = sources.get(path);
    REQUIRE(first);
    CHECK(first->front.yaml["records"].as<std::string>() == "2017-06-13");
    CHECK(first->front.body_origin.line == 4);
    REQUIRE(first->body.blocks.size() == 2);
    CHECK(first->body.blocks[0].kind == doc::BlockKind::heading);
    // The action log reads its plan from the directive, so the directives' names are known.
    CHECK(first->body.blocks[1].kind == doc::BlockKind::directive);
    // Asked again, the same parse, even when the file has changed since.
    files.add(path, "---\nrecords: 2017-03-14\n---\n");
    CHECK(sources.get(path) == first);
    // A file that is missing or whose front matter is malformed is nothing (the paper loader
    // reports it).
    CHECK(sources.get("content/csp/2018-03-13/02-minutes.md") == nullptr);
    CHECK(sources.get("content/csp/2017-12-12/02-minutes.md") == nullptr);
}
