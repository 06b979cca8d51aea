#include "layout/line_breaker.hpp"
#include "layout_test_support.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::layout;
using namespace bp::layout::testing;

namespace {

std::vector<LineBox> break_text(const std::string& value, double measure, WidthCache& widths) {
    Look look;
    look.size = 10;
    return break_lines(flow_text(value, look, widths), measure, {10, 1.2}, widths);
}

std::string line_text(const LineBox& line) {
    std::string joined;
    for (const auto& run : line.runs)
        joined += run.text;
    return joined;
}

} // namespace

TEST_CASE("greedy breaking fills lines without passing the measure") {
    FixedMeasurer measurer;
    WidthCache widths(measurer);
    // Each character is 5 pt: "aaa bbb" is 35 pt, so a 40 pt measure holds two words a line.
    auto lines = break_text("aaa bbb ccc ddd eee", 40, widths);
    REQUIRE(lines.size() == 3);
    CHECK(line_text(lines[0]) == "aaa bbb");
    CHECK(line_text(lines[1]) == "ccc ddd");
    CHECK(line_text(lines[2]) == "eee");
    CHECK(lines[0].width == doctest::Approx(35));
    for (const auto& line : lines) {
        CHECK(line.width <= 40);
        CHECK(line.height == doctest::Approx(12));
        CHECK(line.baseline == doctest::Approx(9));
    }
}

TEST_CASE("a long URL breaks after its separators, never overfilling a line") {
    FixedMeasurer measurer;
    WidthCache widths(measurer);
    // 60 pt = 12 characters a line.
    auto lines = break_text("https://example.org/papers/2017/report.pdf", 60, widths);
    REQUIRE(lines.size() >= 4);
    CHECK(line_text(lines[0]) == "https://");
    CHECK(line_text(lines[1]) == "example.org/");
    CHECK(line_text(lines[2]) == "papers/2017/");
    CHECK(line_text(lines[3]) == "report.pdf");
    for (const auto& line : lines)
        CHECK(line.width <= 60);
}

TEST_CASE("a word with no break points is cut between characters, with a hyphen") {
    FixedMeasurer measurer;
    WidthCache widths(measurer);
    auto lines = break_text("xxxxxxxxxx", 20, widths); // four characters a line
    REQUIRE(lines.size() == 3);
    CHECK(line_text(lines[0]) == "xxx-");
    CHECK(line_text(lines[1]) == "xxx-");
    CHECK(line_text(lines[2]) == "xxxx");
}

TEST_CASE("a measure narrower than one character still makes progress, a character a line") {
    FixedMeasurer measurer;
    WidthCache widths(measurer);
    auto lines = break_text("abc de", 1, widths);
    REQUIRE(lines.size() == 5);
    CHECK(line_text(lines[0]) == "a");
    CHECK(line_text(lines[4]) == "e");
}

TEST_CASE("hard breaks end lines, soft breaks are spaces") {
    FixedMeasurer measurer;
    WidthCache widths(measurer);
    doc::Inline soft;
    soft.kind = doc::InlineKind::soft_break;
    doc::Inlines inlines{text("one"), soft, text("two"), hard_break(), text("three")};
    FlowStyle style;
    style.base.size = 10;
    auto lines = break_lines(flow_inlines(inlines, style, widths), 500, {10, 1.2}, widths);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(lines[0]) == "one two");
    CHECK(line_text(lines[1]) == "three");
}

TEST_CASE("inline styles become separate runs with their own looks") {
    FixedMeasurer measurer;
    WidthCache widths(measurer);
    FlowStyle style;
    style.base.size = 10;
    style.link_colour = {0, 0, 1};
    style.muted_colour = {0.5, 0.5, 0.5};
    doc::Inline code;
    code.kind = doc::InlineKind::code;
    code.text = "x=1";
    doc::Inlines inlines{text("See "),
                         wrap(doc::InlineKind::strong, {text("this")}),
                         text(", "),
                         code,
                         text(" and "),
                         wrap(doc::InlineKind::link, {text("site")}, "https://example.org"),
                         wrap(doc::InlineKind::superscript, {text("2")})};
    auto lines = break_lines(flow_inlines(inlines, style, widths), 500, {10, 1.2}, widths);
    REQUIRE(lines.size() == 1);
    const auto& runs = lines[0].runs;
    REQUIRE(runs.size() == 7);
    CHECK(runs[0].text == "See ");
    CHECK(runs[1].text == "this");
    CHECK(runs[1].style == FontStyle::bold);
    CHECK(runs[1].x == doctest::Approx(20));
    CHECK(runs[2].text == ", ");
    CHECK(runs[2].x == doctest::Approx(20 + 24)); // bold is 6 pt a character
    CHECK(runs[3].text == "x=1");
    CHECK(runs[3].colour == Colour{0.5, 0.5, 0.5});
    CHECK(runs[3].style == FontStyle::regular);
    CHECK(runs[5].text == "site");
    CHECK(runs[5].link == "https://example.org");
    CHECK(runs[5].underline);
    CHECK(runs[6].text == "2");
    CHECK(runs[6].size == doctest::Approx(9)); // 70% of 10 pt, raised to the smallest size
    CHECK(runs[6].baseline == doctest::Approx(runs[0].baseline - 3.3));
    CHECK(runs[6].x == doctest::Approx(runs[5].x + runs[5].width));
}

TEST_CASE("a word split across styles stays on one line") {
    FixedMeasurer measurer;
    WidthCache widths(measurer);
    FlowStyle style;
    style.base.size = 10;
    // "aaaa bbbb," where "bbbb" is bold: 20 + 5 + 24 + 5 = 54 pt; a 50 pt measure moves the
    // whole word "bbbb," down rather than leaving the comma behind.
    doc::Inlines inlines{text("aaaa "), wrap(doc::InlineKind::strong, {text("bbbb")}), text(",")};
    auto lines = break_lines(flow_inlines(inlines, style, widths), 50, {10, 1.2}, widths);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(lines[0]) == "aaaa");
    CHECK(line_text(lines[1]) == "bbbb,");
}

TEST_CASE("word widths are measured once per style and size") {
    FixedMeasurer measurer;
    WidthCache widths(measurer);
    std::string repeated;
    for (int i = 0; i < 500; ++i)
        repeated += "alpha beta gamma ";
    break_text(repeated, 100, widths);
    // The three words and the space, and the pieces a word at a line's end was tried in:
    // each measured once however often it recurs.
    CHECK(measurer.calls <= 20);
}
