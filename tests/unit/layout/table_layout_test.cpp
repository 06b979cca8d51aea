#include "layout/table_columns.hpp"
#include "layout_test_support.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::layout;
using namespace bp::layout::testing;

namespace {

doc::Block table_block(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows) {
    doc::Block block;
    block.kind = doc::BlockKind::table;
    block.header = row(header);
    for (const auto& cells : rows)
        block.rows.push_back(row(cells));
    return block;
}

} // namespace

TEST_CASE("columns get natural widths when they fit, minimums plus shares when they do not") {
    std::vector<ColumnNeed> needs{{10, 50}, {20, 30}};
    auto natural = distribute_columns(needs, 100, false);
    CHECK(natural[0] == doctest::Approx(50));
    CHECK(natural[1] == doctest::Approx(30));
    auto filled = distribute_columns(needs, 160, true);
    CHECK(filled[0] == doctest::Approx(100));
    CHECK(filled[1] == doctest::Approx(60));
    // 60 available: minimums take 30, the other 30 goes 40:10 by what each still wants.
    auto squeezed = distribute_columns(needs, 60, true);
    CHECK(squeezed[0] == doctest::Approx(10 + 24));
    CHECK(squeezed[1] == doctest::Approx(20 + 6));
    // 15 available: even the minimums do not fit and shrink together.
    auto crushed = distribute_columns(needs, 15, true);
    CHECK(crushed[0] == doctest::Approx(5));
    CHECK(crushed[1] == doctest::Approx(10));
    // A narrow column keeps its minimum while a wide one gives way.
    auto unequal = distribute_columns({{2, 2}, {100, 100}}, 50, true);
    CHECK(unequal[0] == doctest::Approx(2));
    CHECK(unequal[1] == doctest::Approx(48));
}

TEST_CASE("a table's header repeats, bold and shaded, on the page it continues onto") {
    std::vector<std::vector<std::string>> rows;
    for (int i = 1; i <= 12; ++i)
        rows.push_back({"Row" + std::to_string(i), "ok"});
    doc::Document document;
    document.blocks.push_back(table_block({"Indicator", "Status"}, rows));
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 2);

    // Rows are 10.8 pt of 9 pt text plus 3 pt padding above and below: 16.8 pt, so seven fit
    // on a 120 pt page, the header included.
    auto first = texts_of(pages[0]);
    auto second = texts_of(pages[1]);
    REQUIRE(first.size() >= 4);
    REQUIRE(second.size() >= 4);
    CHECK(first[0] == "Indicator");
    CHECK(first[1] == "Status");
    CHECK(second[0] == "Indicator");
    CHECK(second[1] == "Status");
    CHECK(second[2] == "Row7");
    CHECK(first.size() == 2 + 2 * 6);
    CHECK(pages[1].texts[0].style == FontStyle::bold);
    CHECK(pages[1].texts[2].style == FontStyle::regular);
    CHECK(pages[1].texts[0].baseline < pages[1].texts[2].baseline);

    // The header's shading sits at the top of the text block on both pages.
    auto shaded_at_top = [](const Page& page, double left) {
        for (const auto& rect : page.rectangles)
            if (rect.filled && rect.y == doctest::Approx(50) && rect.x == doctest::Approx(left))
                return true;
        return false;
    };
    CHECK(shaded_at_top(pages[0], 60));
    CHECK(shaded_at_top(pages[1], 40));

    // "Indicator" is 9 bold characters at 9 pt (48.6 pt) with 4 pt padding each side.
    CHECK(find_text(pages[0], "Status")->x == doctest::Approx(60 + 56.6 + 4));
    CHECK(find_text(pages[1], "Status")->x == doctest::Approx(40 + 56.6 + 4));
}

TEST_CASE("RAG cells are filled with the status colour and carry white bold text") {
    doc::Block block = table_block({"Measure", "RAG"}, {{"Burglary", "Red"}, {"Arson", "Green"}});
    block.rows[0].cells[1].rag = doc::Rag::red;
    block.rows[1].cells[1].rag = doc::Rag::green;
    doc::Document document;
    document.blocks.push_back(block);
    TextStyle style = simple_style();
    auto pages = lay(document, small_page(), style);
    REQUIRE(pages.size() == 1);
    const TextRun* red = find_text(pages[0], "Red");
    const TextRun* green = find_text(pages[0], "Green");
    REQUIRE(red);
    REQUIRE(green);
    CHECK(red->colour == Colour{1, 1, 1});
    CHECK(red->style == FontStyle::bold);
    CHECK(find_text(pages[0], "Burglary")->colour == style.text);

    int red_fills = 0, green_fills = 0;
    for (const auto& rect : pages[0].rectangles) {
        if (rect.filled && rect.fill == style.rag.red) {
            ++red_fills;
            CHECK(rect.x <= red->x);
            CHECK(rect.x + rect.width >= red->x + red->width);
            CHECK(rect.y < red->baseline);
            CHECK(rect.y + rect.height > red->baseline);
        }
        if (rect.filled && rect.fill == style.rag.green)
            ++green_fills;
    }
    CHECK(red_fills == 1);
    CHECK(green_fills == 1);
}

TEST_CASE("cells wrap inside their columns and honour right alignment") {
    std::string long_text = "one two three four five six seven eight nine ten eleven twelve";
    doc::Block block = table_block({"Item", "Amount"}, {{long_text, "1,785"}});
    block.alignments = {doc::Alignment::left, doc::Alignment::right};
    doc::Document document;
    document.blocks.push_back(block);
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    const TextRun* amount = find_text(pages[0], "1,785");
    const TextRun* header = find_text(pages[0], "Amount");
    REQUIRE(amount);
    REQUIRE(header);
    // Right-aligned: the figure ends where the header ends, 4 pt inside the table's edge.
    CHECK(amount->x + amount->width == doctest::Approx(header->x + header->width));
    CHECK(amount->x + amount->width == doctest::Approx(60 + 200 - 4));
    int wrapped_lines = 0;
    for (const auto& run : pages[0].texts) {
        if (run.text.find("one") == 0 || run.text.find("twelve") != std::string::npos)
            ++wrapped_lines;
        CHECK(run.x + run.width <= 60 + 200 + 1e-9);
    }
    CHECK(wrapped_lines == 2); // the first line and the last are different lines
}

TEST_CASE("a row taller than a page is split rather than lost or looped over") {
    doc::Inlines many;
    for (int i = 1; i <= 30; ++i) {
        if (i > 1)
            many.push_back(hard_break());
        many.push_back(text("line" + std::to_string(i)));
    }
    doc::Block block = table_block({"Head"}, {});
    doc::TableRow tall;
    tall.cells.push_back(doc::TableCell{many, doc::Rag::none});
    block.rows.push_back(tall);
    doc::Document document;
    document.blocks.push_back(block);
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() >= 3);
    int seen = 0;
    for (const auto& page : pages) {
        CHECK(page.texts.front().text == "Head");
        for (const auto& run : page.texts) {
            if (run.text.rfind("line", 0) == 0)
                ++seen;
            CHECK(run.baseline <= 170);
        }
    }
    CHECK(seen == 30);
}

TEST_CASE("a table of forty columns lays out inside the measure of its turned page") {
    std::vector<std::string> header, cells;
    for (int i = 0; i < 40; ++i) {
        header.push_back("Column" + std::to_string(i));
        cells.push_back(std::to_string(i * 1000));
    }
    doc::Document document;
    document.blocks.push_back(table_block(header, {cells, cells}));
    auto pages = lay(document, small_page(400));
    REQUIRE(!pages.empty());
    CHECK(pages[0].landscape);
    double right = 0;
    for (const auto& rect : pages[0].rectangles)
        right = std::max(right, rect.x + rect.width);
    CHECK(right <= pages[0].width - 40 + 1e-6);
    CHECK(find_text(pages[0], "C") != nullptr); // header words are cut between characters
}
