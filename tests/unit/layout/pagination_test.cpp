#include "layout_test_support.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::layout;
using namespace bp::layout::testing;

namespace {

int count_prefixed(const Page& page, const std::string& prefix) {
    int count = 0;
    for (const auto& run : page.texts)
        if (run.text.rfind(prefix, 0) == 0)
            ++count;
    return count;
}

} // namespace

TEST_CASE("an empty document gives one empty page of the requested size") {
    doc::Document document;
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    CHECK(pages[0].texts.empty());
    CHECK(pages[0].width == 300);
    CHECK(pages[0].height == 220);

    LayoutInput no_document;
    FixedMeasurer measurer;
    CHECK(lay_out(no_document, small_page(), simple_style(), measurer).size() == 1);
}

TEST_CASE("lines start at the top margin, 12 pt apart, inside the inner margin on page one") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 3));
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].texts.size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(pages[0].texts[i].x == doctest::Approx(60));
        CHECK(pages[0].texts[i].baseline == doctest::Approx(50 + 9 + 12 * i));
    }
}

TEST_CASE("left-hand pages swap the margins so the inner one stays at the binding") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 25)); // ten lines a page
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].texts.front().x == doctest::Approx(60));
    CHECK(pages[1].texts.front().x == doctest::Approx(40));
    CHECK(pages[2].texts.front().x == doctest::Approx(60));
    CHECK(pages[0].texts.size() == 10);
    CHECK(pages[1].texts.size() == 10);
    CHECK(pages[2].texts.size() == 5);
}

TEST_CASE("the reserved top of the first page pushes its text down") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 12));
    auto pages = lay(document, small_page(), simple_style(), 60);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].texts.front().baseline == doctest::Approx(50 + 60 + 9));
    CHECK(pages[0].texts.size() == 5); // 60 pt left: five lines
    CHECK(pages[1].texts.front().baseline == doctest::Approx(50 + 9));
}

TEST_CASE("no orphan: a paragraph that would leave one line at the foot moves whole") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 8)); // 96 pt, then a 6 pt gap
    document.blocks.push_back(numbered_lines("b", 5)); // one line would fit below
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 2);
    CHECK(count_prefixed(pages[0], "a") == 8);
    CHECK(count_prefixed(pages[0], "b") == 0);
    CHECK(count_prefixed(pages[1], "b") == 5);
    CHECK(find_text(pages[1], "b1")->baseline == doctest::Approx(59));
}

TEST_CASE("no widow: the last line of a paragraph brings a companion to the next page") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 5)); // 60 pt + 6 pt gap leaves 54 pt
    document.blocks.push_back(numbered_lines("b", 5)); // four lines fit, the fifth would not
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 2);
    CHECK(count_prefixed(pages[0], "b") == 3);
    CHECK(count_prefixed(pages[1], "b") == 2);
    CHECK(find_text(pages[1], "b4") != nullptr);
}

TEST_CASE("a paragraph of three lines stays whole: any break would leave a widow or orphan") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 8));
    document.blocks.push_back(numbered_lines("b", 3));
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 2);
    CHECK(count_prefixed(pages[0], "b") == 0);
    CHECK(count_prefixed(pages[1], "b") == 3);
}

TEST_CASE("a heading never ends a page and leaves a destination where it lands") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 8));
    document.blocks.push_back(heading(2, "Performance", "performance"));
    document.blocks.push_back(numbered_lines("b", 4));
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 2);
    CHECK(find_text(pages[0], "Performance") == nullptr);
    const TextRun* title = find_text(pages[1], "Performance");
    REQUIRE(title != nullptr);
    CHECK(title->style == FontStyle::bold);
    CHECK(title->size == doctest::Approx(14));
    REQUIRE(pages[1].destinations.size() == 1);
    const auto& destination = pages[1].destinations[0];
    CHECK(destination.id == "performance");
    CHECK(destination.title == "Performance");
    CHECK(destination.level == 2);
    CHECK(destination.y == doctest::Approx(50));
    CHECK(find_text(pages[1], "b1")->baseline > title->baseline);
}

TEST_CASE("headings give bookmarks for every level in order") {
    doc::Document document;
    document.blocks.push_back(heading(1, "Minutes", "minutes"));
    document.blocks.push_back(paragraph("Present."));
    document.blocks.push_back(heading(3, "Apologies", "apologies"));
    document.blocks.push_back(paragraph("None."));
    auto pages = lay(document, small_page(400));
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].destinations.size() == 2);
    CHECK(pages[0].destinations[0].id == "minutes");
    CHECK(pages[0].destinations[0].level == 1);
    CHECK(pages[0].destinations[0].y == doctest::Approx(50)); // space above dropped at the top
    CHECK(pages[0].destinations[1].id == "apologies");
    CHECK(pages[0].destinations[1].level == 3);
    CHECK(pages[0].destinations[1].y > pages[0].destinations[0].y + 20);
}

TEST_CASE("an explicit page break starts a new page and never adds an empty one at the end") {
    doc::Document document;
    document.blocks.push_back(paragraph("before"));
    doc::Block page_break;
    page_break.kind = doc::BlockKind::page_break;
    document.blocks.push_back(page_break);
    document.blocks.push_back(paragraph("after"));
    document.blocks.push_back(page_break);
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 2);
    CHECK(texts_of(pages[0]) == std::vector<std::string>{"before"});
    CHECK(texts_of(pages[1]) == std::vector<std::string>{"after"});
    CHECK(pages[1].texts[0].baseline == doctest::Approx(59));
}

TEST_CASE("no line crosses the bottom margin or the measure in a long mixed document") {
    doc::Document document;
    std::string words;
    for (int i = 0; i < 60; ++i)
        words += "word" + std::to_string(i) + " ";
    for (int i = 0; i < 20; ++i) {
        document.blocks.push_back(
            heading(2, "Section " + std::to_string(i), "s" + std::to_string(i)));
        document.blocks.push_back(paragraph(words));
    }
    auto geometry = small_page(300);
    auto pages = lay(document, geometry);
    CHECK(pages.size() > 5);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        double left = p % 2 == 0 ? 60 : 40;
        for (const auto& run : pages[p].texts) {
            CHECK(run.baseline <= geometry.height - 50);
            CHECK(run.baseline >= 50);
            CHECK(run.x >= left - 1e-9);
            CHECK(run.x + run.width <= left + 200 + 1e-9);
        }
        // No page ends with a heading.
        const auto& last = pages[p].texts.back();
        if (p + 1 < pages.size())
            CHECK(last.text.rfind("Section", 0) != 0);
    }
}

namespace {

// Every box of every page as text, so two layouts can be compared whole.
std::string describe(const std::vector<Page>& pages) {
    std::string out;
    auto number = [&](double value) { out += std::to_string(value) + " "; };
    for (const auto& page : pages) {
        out += "page\n";
        for (const auto& run : page.texts) {
            number(run.x);
            number(run.baseline);
            number(run.size);
            out += run.text + "|" + run.link + "\n";
        }
        for (const auto& rect : page.rectangles) {
            number(rect.x);
            number(rect.y);
            number(rect.width);
            number(rect.height);
        }
        for (const auto& rule : page.rules) {
            number(rule.x1);
            number(rule.y1);
            number(rule.x2);
            number(rule.y2);
        }
        for (const auto& destination : page.destinations) {
            number(destination.y);
            out += destination.id + "\n";
        }
    }
    return out;
}

} // namespace

TEST_CASE("the same input lays out to the same boxes") {
    doc::Document document;
    document.blocks.push_back(heading(1, "Title", "title"));
    document.blocks.push_back(numbered_lines("a", 30));
    doc::Block table;
    table.kind = doc::BlockKind::table;
    table.header = row({"Ward", "Offences"});
    for (int i = 0; i < 20; ++i)
        table.rows.push_back(row({"Ward " + std::to_string(i), std::to_string(i * 7)}));
    document.blocks.push_back(table);
    auto first = describe(lay(document, small_page()));
    auto second = describe(lay(document, small_page()));
    CHECK(first.size() > 1000);
    CHECK(first == second);
}

TEST_CASE("a heading that cannot fit with its text below a reserved top starts the next page") {
    doc::Document document;
    document.blocks.push_back(heading(2, "Background", "background"));
    document.blocks.push_back(numbered_lines("a", 4));
    // 100 pt reserved leaves 20 pt: room for the heading alone, not for it and two lines.
    auto pages = lay(document, small_page(), simple_style(), 100);
    REQUIRE(pages.size() == 2);
    CHECK(pages[0].texts.empty());
    CHECK(pages[1].texts.front().text == "Background");
    REQUIRE(pages[1].destinations.size() == 1);
    CHECK(pages[1].destinations[0].y == doctest::Approx(50));
}
