#include "content/load.hpp"
#include "site_fixture.hpp"

#include <doctest/doctest.h>

TEST_CASE("a paper body beyond the size limit is a located error and is not parsed") {
    auto files = small_site();
    files.add("content/csp/2017-09-12/02-report.md",
              "---\ntitle: The report\n---\n" + std::string(17u << 20, 'x') + "\n");
    bp::DiagnosticSink sink;
    auto site = bp::content::load_site_index(files, sink);
    auto meeting = site.boards[0].meetings[1];
    bp::content::load_meeting_papers(files, site, site.boards[0], meeting, sink);
    auto found = sink.sorted();
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.file == "content/csp/2017-09-12/02-report.md");
    CHECK(found[0].location.line == 4);
    CHECK(found[0].message == "the paper is larger than 16 MB");
    CHECK(meeting.items[1].papers[0].body.blocks.empty());
}

TEST_CASE("invalid UTF-8 in a paper body is reported at its place") {
    auto files = small_site();
    files.add("content/csp/2017-09-12/02-report.md",
              "---\ntitle: The report\n---\nFirst line.\nBudget 2024\xFF"
              "25.\n");
    bp::DiagnosticSink sink;
    auto site = bp::content::load_site_index(files, sink);
    auto meeting = site.boards[0].meetings[1];
    bp::content::load_meeting_papers(files, site, site.boards[0], meeting, sink);
    auto found = sink.sorted();
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.line == 5);
    CHECK(found[0].location.column == 12);
    CHECK(found[0].message == "the file is not valid UTF-8 (byte 0xFF)");
}
