// Hostile and broken input must finish quickly, without crashing, and keep the text. The inputs
// are sized so that anything quadratic would take many seconds.
#include "markdown/converter.hpp"
#include "support.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <functional>

using bp::DiagnosticSink;
using bp::test::diagnostics;
namespace doc = bp::doc;

namespace {

std::string repeat(std::string_view text, std::size_t times) {
    std::string out;
    out.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i)
        out += text;
    return out;
}

doc::Document parse(std::string_view text, DiagnosticSink& sink) {
    return bp::markdown::parse(text, bp::test::test_origin, sink);
}

int block_depth(const std::vector<doc::Block>& blocks) {
    int deepest = 0;
    for (const auto& block : blocks)
        deepest = std::max(deepest, 1 + block_depth(block.children));
    return deepest;
}

int inline_depth(const doc::Inlines& inlines) {
    int deepest = 0;
    for (const auto& item : inlines)
        deepest = std::max(deepest, 1 + inline_depth(item.children));
    return deepest;
}

// Every inline of the document, depth first.
void each_inline(const std::vector<doc::Block>& blocks,
                 const std::function<void(const doc::Inline&)>& visit) {
    std::function<void(const doc::Inlines&)> walk = [&](const doc::Inlines& inlines) {
        for (const auto& item : inlines) {
            visit(item);
            walk(item.children);
        }
    };
    for (const auto& block : blocks) {
        walk(block.inlines);
        for (const auto& row : block.rows)
            for (const auto& cell : row.cells)
                walk(cell.content);
        each_inline(block.children, visit);
    }
}

std::size_t count_kind(const doc::Document& document, doc::InlineKind kind) {
    std::size_t count = 0;
    each_inline(document.blocks, [&](const doc::Inline& item) { count += item.kind == kind; });
    return count;
}

std::string all_text(const doc::Document& document) {
    std::string text;
    each_inline(document.blocks, [&](const doc::Inline& item) {
        if (item.kind == doc::InlineKind::text)
            text += item.text;
    });
    return text;
}

} // namespace

TEST_CASE("10,000 nested block quotes are flattened below the depth limit, keeping the text") {
    DiagnosticSink sink;
    auto document = parse(repeat(">", 10000) + " deep text\n", sink);
    CHECK(block_depth(document.blocks) == bp::markdown::max_block_depth + 1);
    CHECK(all_text(document) == "deep text");
    CHECK(diagnostics(sink) == "paper.md:1:33: warning: Markdown is nested too deeply; deeper "
                               "levels are flattened\n  hint: block quotes, lists and emphasis "
                               "may nest up to 32 levels");
}

TEST_CASE("10,000 nested list items are flattened too") {
    DiagnosticSink sink;
    auto document = parse(repeat("- ", 10000) + "x\n", sink);
    CHECK(block_depth(document.blocks) <= bp::markdown::max_block_depth + 1);
    CHECK(all_text(document) == "x");
    CHECK(sink.warning_count() == 1);
}

TEST_CASE("deeply nested emphasis becomes text past the depth limit") {
    DiagnosticSink sink;
    auto document = parse(repeat("*a **b ", 5000) + repeat("b** a* ", 5000), sink);
    CHECK(inline_depth(document.blocks.at(0).inlines) <= bp::markdown::max_inline_depth + 1);
    auto text = doc::plain_text(document.blocks.at(0).inlines);
    CHECK(std::count(text.begin(), text.end(), 'a') == 10000);
    CHECK(std::count(text.begin(), text.end(), 'b') == 10000);
    CHECK(sink.warning_count() == 1);
}

TEST_CASE("1 MB of *a parses and keeps every letter") {
    DiagnosticSink sink;
    auto document = parse(repeat("*a", 500000), sink);
    REQUIRE(document.blocks.size() == 1);
    auto text = doc::plain_text(document.blocks[0].inlines);
    CHECK(std::count(text.begin(), text.end(), 'a') == 500000);
    CHECK_FALSE(sink.has_errors());
}

TEST_CASE("a 1 MB line with 100,000 values gives every value its own column") {
    DiagnosticSink sink;
    auto document = parse(repeat("word {{ v }} ", 100000), sink);
    CHECK(count_kind(document, doc::InlineKind::value) == 100000);
    const auto& inlines = document.blocks.at(0).inlines;
    CHECK(inlines.back().kind == doc::InlineKind::value);
    CHECK(inlines.back().location.column == 13 * 99999 + 6);
    CHECK_FALSE(sink.has_errors());
}

TEST_CASE("100,000 footnote references on one line all find their label") {
    DiagnosticSink sink;
    auto document = parse("[^a]: Note.\n\n" + repeat("x[^a] ", 100000), sink);
    CHECK(count_kind(document, doc::InlineKind::footnote_ref) == 100000);
    REQUIRE(document.footnotes.size() == 1);
    CHECK(document.footnotes[0].label == "a");
}

TEST_CASE("100,000 unclosed {{ give one error") {
    DiagnosticSink sink;
    auto document = parse(repeat("{{", 100000), sink);
    CHECK(sink.error_count() == 1);
    CHECK(all_text(document).size() == 200000);
}

TEST_CASE("a flood of raw HTML gives a bounded number of warnings") {
    DiagnosticSink sink;
    auto document = parse(repeat("<b>x</b>", 50000), sink);
    CHECK(sink.warning_count() == 20);
    CHECK(count_kind(document, doc::InlineKind::text) > 0);
    CHECK(all_text(document).find("<b>x</b><b>") == 0);
}

TEST_CASE("thousands of nested <sup> stay shallow") {
    DiagnosticSink sink;
    auto document = parse(repeat("<sup>a", 10000) + repeat("</sup>", 10000), sink);
    CHECK(inline_depth(document.blocks.at(0).inlines) <= 5);
    CHECK(all_text(document) == repeat("a", 10000));
}

TEST_CASE("a paragraph full of quotation marks turns smart punctuation off, with a warning") {
    DiagnosticSink sink;
    auto document = parse("Fine 'quote'.\n\n" + repeat("'a", 100000) + "\n", sink);
    REQUIRE(document.blocks.size() == 2);
    CHECK(bp::test::dump(document.blocks[0].inlines) == "T'Fine 'quote'.'");
    CHECK(all_text(document).size() == std::string("Fine 'quote'.").size() + 200000);
    CHECK(diagnostics(sink) ==
          "paper.md:3:1: warning: this paragraph has more than 1000 quotation marks; curly "
          "quotes and dashes are turned off for the paper\n  hint: long runs of quotation marks "
          "are usually pasted data: put them in a code block or a table");
}

TEST_CASE("many quotation marks spread over paragraphs keep smart punctuation") {
    auto text = repeat("It's Jo's \"plan\".\n\n", 1000);
    DiagnosticSink sink;
    auto document = parse(text, sink);
    REQUIRE(document.blocks.size() == 1000);
    CHECK(bp::test::dump(document.blocks[999].inlines) == "T'It’s Jo’s “plan”.'");
    CHECK(sink.sorted().empty());
}

TEST_CASE("a table wider than the limit is reported and read as text") {
    DiagnosticSink sink;
    auto document = parse("|" + repeat("a|", 200) + "\n|" + repeat("-|", 200) + "\n", sink);
    REQUIRE(document.blocks.size() == 1);
    CHECK(document.blocks[0].kind == doc::BlockKind::paragraph);
    CHECK(diagnostics(sink) ==
          "paper.md:2:1: error: table is too large (200 columns, 0 rows); it is shown as text\n"
          "  hint: split it into smaller tables: at most 128 columns, and rows that fit in a "
          "printed page pack");
}

TEST_CASE("short rows cannot make a table ask for millions of padded cells") {
    DiagnosticSink sink;
    auto text = "|" + repeat("a|", 100) + "\n|" + repeat("-|", 100) + "\n" + repeat("|\n", 100000);
    auto document = parse(text, sink);
    CHECK(sink.error_count() == 1);
    CHECK(std::none_of(document.blocks.begin(), document.blocks.end(),
                       [](const doc::Block& b) { return b.kind == doc::BlockKind::table; }));
}

TEST_CASE("a large table of real cells is still a table") {
    DiagnosticSink sink;
    auto document =
        parse("| a | b | c |\n|---|---|---|\n" + repeat("| 1 | 2 | 3 |\n", 20000), sink);
    REQUIRE(document.blocks.size() == 1);
    CHECK(document.blocks[0].kind == doc::BlockKind::table);
    CHECK(document.blocks[0].rows.size() == 20000);
    CHECK(sink.sorted().empty());
}

TEST_CASE("many tables of legitimate size stay within the budget") {
    DiagnosticSink sink;
    auto document = parse(repeat("| a | b |\n|---|---|\n| 1 | 2 |\n\n", 2000), sink);
    CHECK(document.blocks.size() == 2000);
    CHECK(sink.sorted().empty());
}

TEST_CASE("invalid UTF-8 and NUL bytes become replacement characters") {
    DiagnosticSink sink;
    auto document = parse(std::string("a\xff"
                                      "b\0c\xc3",
                                      6),
                          sink);
    CHECK(bp::test::dump(document.blocks.at(0).inlines) == "T'a\uFFFDb\uFFFDc\uFFFD'");
}

TEST_CASE("deeply nested links and images, and long runs of brackets, finish") {
    DiagnosticSink sink;
    auto brackets = parse(repeat("[", 100000) + "a" + repeat("]", 100000), sink);
    CHECK(all_text(brackets).size() == 200001);
    auto images = parse(repeat("![", 10000) + "a" + repeat("](b)", 10000), sink);
    CHECK(images.blocks.size() == 1);
    auto links = parse(repeat("[a](", 100000), sink);
    CHECK(links.blocks.size() == 1);
}

TEST_CASE("thousands of identical headings get distinct anchors in linear time") {
    DiagnosticSink sink;
    auto document = parse(repeat("## Update\n", 20000), sink);
    REQUIRE(document.blocks.size() == 20000);
    CHECK(document.blocks[0].anchor == "update");
    CHECK(document.blocks[19999].anchor == "update-20000");
}
