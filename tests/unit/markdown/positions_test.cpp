// Source positions: lines are offset by where the body starts in the file (after the front
// matter); columns count characters.
#include "markdown/source_lines.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using bp::DiagnosticSink;
using bp::SourceLocation;
namespace doc = bp::doc;

namespace {

// The body starts on line 10 of the paper, after nine lines of front matter.
const SourceLocation body_origin{"content/csp/2017-09-12/07-performance.md", 10, 1};

doc::Document parse(std::string_view text, DiagnosticSink& sink) {
    return bp::markdown::parse(text, body_origin, sink);
}

std::string where(const SourceLocation& location) {
    return std::to_string(location.line) + ":" + std::to_string(location.column);
}

} // namespace

TEST_CASE("blocks are located in the file, past the front matter") {
    DiagnosticSink sink;
    auto document = parse("# Title\n\nText\n\n> > Deep\n", sink);
    REQUIRE(document.blocks.size() == 3);
    CHECK(document.blocks[0].location.file == body_origin.file);
    CHECK(where(document.blocks[0].location) == "10:1");
    CHECK(where(document.blocks[1].location) == "12:1");
    const auto& outer = document.blocks[2];
    CHECK(where(outer.location) == "14:1");
    REQUIRE(outer.children.size() == 1);
    REQUIRE(outer.children[0].children.size() == 1);
    CHECK(where(outer.children[0].location) == "14:3");
    CHECK(where(outer.children[0].children[0].location) == "14:5");
}

TEST_CASE("list items and their paragraphs are located") {
    DiagnosticSink sink;
    auto document = parse("Intro\n\n- one\n- two\n", sink);
    REQUIRE(document.blocks.size() == 2);
    const auto& list = document.blocks[1];
    REQUIRE(list.children.size() == 2);
    CHECK(where(list.children[1].location) == "13:1");
    CHECK(where(list.children[1].children[0].location) == "13:3");
}

TEST_CASE("inlines are located on their line") {
    DiagnosticSink sink;
    auto document = parse("Some *stress* here", sink);
    const auto& inlines = document.blocks.at(0).inlines;
    REQUIRE(inlines.size() == 3);
    CHECK(where(inlines[0].location) == "10:1");
    CHECK(where(inlines[1].location) == "10:6");
    CHECK(where(inlines[2].location) == "10:14");
}

TEST_CASE("a value is located at its braces, counting characters not bytes") {
    DiagnosticSink sink;
    auto document = parse("Café £ {{ x }}", sink);
    const auto& inlines = document.blocks.at(0).inlines;
    REQUIRE(inlines.size() == 2);
    CHECK(inlines[1].kind == doc::InlineKind::value);
    CHECK(where(inlines[1].location) == "10:8");
}

TEST_CASE("values on indented continuation lines are located exactly") {
    DiagnosticSink sink;
    auto document = parse("- item\n  more {{ v }} and {{ w }}\n", sink);
    const auto& paragraph = document.blocks.at(0).children.at(0).children.at(0);
    REQUIRE(paragraph.inlines.size() == 6);
    CHECK(paragraph.inlines[3].text == "v");
    CHECK(where(paragraph.inlines[3].location) == "11:8");
    CHECK(paragraph.inlines[5].text == "w");
    CHECK(where(paragraph.inlines[5].location) == "11:20");
}

TEST_CASE("values in table cells are located") {
    DiagnosticSink sink;
    auto document = parse("| a | b |\n|---|---|\n| x | {{ v }} |\n", sink);
    const auto& table = document.blocks.at(0);
    REQUIRE(table.rows.size() == 1);
    const auto& cell = table.rows[0].cells.at(1).content;
    REQUIRE(cell.size() == 1);
    CHECK(where(cell[0].location) == "12:7");
}

TEST_CASE("diagnostics point into the file") {
    DiagnosticSink sink;
    parse("Fine.\n\nBad <em>x</em> and {{ open\n", sink);
    auto all = sink.sorted();
    REQUIRE(all.size() == 3);
    CHECK(all[0].location.file == body_origin.file);
    CHECK(where(all[0].location) == "12:5");
    CHECK(where(all[1].location) == "12:10");
    CHECK(where(all[2].location) == "12:20");
    CHECK(all[2].severity == bp::Severity::error);
}

TEST_CASE("an unknown start line counts as line 1") {
    DiagnosticSink sink;
    auto document = bp::markdown::parse("a\n\nb\n", {"x.md", 0, 0}, sink);
    REQUIRE(document.blocks.size() == 2);
    CHECK(where(document.blocks[1].location) == "3:1");
}

TEST_CASE("a byte order mark does not shift columns") {
    DiagnosticSink sink;
    auto document = parse("\xEF\xBB\xBFSee {{ v }}", sink);
    const auto& inlines = document.blocks.at(0).inlines;
    REQUIRE(inlines.size() == 2);
    CHECK(inlines[0].text == "See ");
    CHECK(where(inlines[1].location) == "10:5");
}

TEST_CASE("the position just past a text of 64 bytes is the next column") {
    // Characters are counted from checkpoints every 64 bytes; the end of such a text is past
    // the last one.
    std::string text(64, 'a');
    bp::markdown::SourceLines lines(text, body_origin);
    CHECK(where(lines.locate(1, 65)) == "10:65");
    CHECK(where(lines.locate(1, 64)) == "10:64");
    std::string accented = "é" + std::string(62, 'a');
    bp::markdown::SourceLines accented_lines(accented, body_origin);
    CHECK(where(accented_lines.locate(1, 65)) == "10:64");
}
