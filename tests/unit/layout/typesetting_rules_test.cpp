// Tables that split, share widths and shrink; keeps for headings and paragraphs; short spills.
#include "core/diagnostics.hpp"
#include "layout/line_breaker.hpp"
#include "layout/table_columns.hpp"
#include "layout_test_support.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace bp;
using namespace bp::layout;
using namespace bp::layout::testing;

namespace {

std::string line_text(const LineBox& line) {
    std::string joined;
    for (const auto& run : line.runs)
        joined += run.text;
    return joined;
}

std::vector<std::string> broken(const std::string& value, double measure) {
    static FixedMeasurer measurer;
    WidthCache widths(measurer);
    Look look;
    look.size = 10; // 5 pt a character
    std::vector<std::string> lines;
    for (const auto& line : break_lines(flow_text(value, look, widths), measure, {10, 1.2}, widths))
        lines.push_back(line_text(line));
    return lines;
}

doc::Block table_of(const std::vector<std::string>& header,
                    const std::vector<std::vector<std::string>>& rows,
                    const std::string& caption = {}) {
    doc::Block block;
    block.kind = doc::BlockKind::table;
    block.header = row(header);
    for (const auto& cells : rows)
        block.rows.push_back(row(cells));
    block.caption = caption;
    return block;
}

int count_prefixed(const Page& page, const std::string& prefix) {
    int count = 0;
    for (const auto& run : page.texts)
        if (run.text.rfind(prefix, 0) == 0)
            ++count;
    return count;
}

} // namespace

TEST_CASE("a word too long for a narrow measure is hyphenated, never cut bare") {
    // Eight characters a line: "safe-" then "guarding".
    CHECK(broken("safeguarding", 40) == std::vector<std::string>{"safe-", "guarding"});
    // In a narrow cell the space left on a line is filled with a hyphenated part when that
    // saves a line: "the safe-|guarding is" is two lines, "the|safeguarding|is" three.
    CHECK(broken("the safeguarding is", 60) ==
          std::vector<std::string>{"the safe-", "guarding is"});
    // A word with no pattern point is cut between characters, with a hyphen.
    CHECK(broken("zzzzzzzzzz", 20) == std::vector<std::string>{"zzz-", "zzz-", "zzzz"});
}

TEST_CASE("a narrow cell does not hyphenate a word to fill a line when no line is saved") {
    // Ten characters a line: "In pro-|gress" and "In|progress" are both two lines.
    CHECK(broken("In progress", 50) == std::vector<std::string>{"In", "progress"});
    CHECK(broken("the safeguarding", 60) == std::vector<std::string>{"the", "safeguarding"});
    // Words after it change nothing when they would take the same lines either way.
    CHECK(broken("the safeguarding team", 60) ==
          std::vector<std::string>{"the", "safeguarding", "team"});
    // A word too long for any line is still cut, filling the line before it.
    CHECK(broken("an oversafeguarding", 60) ==
          std::vector<std::string>{"an oversafe-", "guarding"});
}

TEST_CASE("wide measures hyphenate only to save a line ending a quarter short") {
    std::string long_line(38, 'a'); // 190 pt of a 200 pt line
    CHECK(broken(long_line + " safeguarding", 200) ==
          std::vector<std::string>{long_line, "safeguarding"});
    std::string short_line(28, 'a'); // 145 pt with the space: 55 pt left, over a quarter
    CHECK(broken(short_line + " safeguarding", 200) ==
          std::vector<std::string>{short_line + " safeguard-", "ing"});
}

TEST_CASE("a column of figures keeps its width while a column of long words hyphenates") {
    // Words of 100 pt hyphenate into pieces of 40; the figures column needs 30 whatever.
    std::vector<ColumnNeed> needs{{100, 200, 40}, {30, 30, 30}};
    auto widths = distribute_columns(needs, 100, true);
    CHECK(widths[0] == doctest::Approx(70));
    CHECK(widths[1] == doctest::Approx(30));
    CHECK(narrowest_width(needs) == doctest::Approx(70));
    // Room above the floors goes by how much more text each column holds: 50 pt spare,
    // wanted 160 (prose) against 40 (an address of 60 pt pieces, 100 pt on one line).
    auto shared = distribute_columns({{100, 200, 40}, {60, 100, 0}}, 150, true);
    CHECK(shared[0] == doctest::Approx(40 + 50 * 160.0 / 200));
    CHECK(shared[1] == doctest::Approx(60 + 50 * 40.0 / 200));
    auto merged = widest_needs({{10, 20, 5}}, {{15, 15, 0}, {3, 4, 0}});
    REQUIRE(merged.size() == 2);
    CHECK(merged[0].minimum == doctest::Approx(15));
    CHECK(merged[0].natural == doctest::Approx(20));
    CHECK(merged[0].floor() == doctest::Approx(15));
}

TEST_CASE("tables of one kind in a paper share their column widths") {
    doc::Document document;
    document.blocks.push_back(table_of({"Measure", "Value"}, {{"Burglary", "12"}}));
    document.blocks.push_back(
        table_of({"Measure", "Value"}, {{"Criminal damage to vehicles", "1234567"}}));
    auto pages = lay(document, small_page(400));
    REQUIRE(pages.size() == 1);
    std::vector<double> value_x;
    for (const auto& run : pages[0].texts)
        if (run.text == "Value")
            value_x.push_back(run.x);
    REQUIRE(value_x.size() == 2);
    CHECK(value_x[0] == doctest::Approx(value_x[1]));
}

TEST_CASE("a tall row splits at the page foot, the next page repeats header and caption") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 4));
    doc::Block table = table_of({"Ref", "Note"}, {}, "Register");
    for (int r = 1; r <= 3; ++r) {
        doc::TableRow tall;
        tall.cells.push_back(doc::TableCell{{text("r" + std::to_string(r))}, doc::Rag::none});
        doc::Inlines lines;
        for (int i = 1; i <= 6; ++i) {
            if (i > 1)
                lines.push_back(hard_break());
            lines.push_back(text("n" + std::to_string(r) + "." + std::to_string(i)));
        }
        tall.cells.push_back(doc::TableCell{lines, doc::Rag::none});
        table.rows.push_back(tall);
    }
    document.blocks.push_back(table);
    auto pages = lay(document, small_page(200));
    REQUIRE(pages.size() >= 2);
    // Some lines of one row end a page and the rest of that row open the next one, which
    // repeats the caption and the header. (The table may start on the second page: a table
    // never starts with less than two rows at a page foot.)
    auto texts_of = [](const Page& page) {
        std::set<std::string> texts;
        for (const auto& run : page.texts)
            texts.insert(run.text);
        return texts;
    };
    int splits = 0;
    for (std::size_t p = 0; p + 1 < pages.size(); ++p) {
        std::set<std::string> first = texts_of(pages[p]), second = texts_of(pages[p + 1]);
        for (int r = 1; r <= 3; ++r) {
            std::string head = "n" + std::to_string(r) + ".1";
            std::string tail = "n" + std::to_string(r) + ".6";
            if (!first.count(head) || !second.count(tail) || first.count(tail))
                continue;
            ++splits;
            CHECK(second.count("Register (continued)") == 1);
            CHECK(second.count("Ref") == 1);
            // The carried lines open with the row's padding below the repeated header's rule.
            const TextRun* ref = find_text(pages[p + 1], "Ref");
            REQUIRE(ref != nullptr);
            double header_bottom = 1e9, carried_top = 1e9;
            for (const auto& rule : pages[p + 1].rules)
                if (rule.y1 == rule.y2 && rule.y1 > ref->baseline)
                    header_bottom = std::min(header_bottom, rule.y1);
            for (const auto& run : pages[p + 1].texts)
                if (run.text.rfind("n" + std::to_string(r) + ".", 0) == 0)
                    carried_top = std::min(carried_top, run.baseline - run.size * 0.8);
            CHECK(carried_top >= header_bottom + 2.5 - 1e-6);
        }
    }
    CHECK(splits >= 1);
    for (const auto& page : pages)
        for (const auto& run : page.texts)
            CHECK(run.baseline <= 250 + 1e-6);
}

TEST_CASE("a table never starts with a lone row at the page foot") {
    doc::Document document;
    // 84 pt of text and a gap leave room for the header and one row, not two.
    document.blocks.push_back(numbered_lines("a", 7));
    document.blocks.push_back(table_of({"Head"}, {{"row1"}, {"row2"}, {"row3"}}));
    auto pages = lay(document, small_page(130));
    REQUIRE(pages.size() == 2);
    CHECK(find_text(pages[0], "row1") == nullptr);
    CHECK(find_text(pages[1], "row1") != nullptr);
    CHECK(find_text(pages[1], "row2") != nullptr);
}

namespace {

// Six columns of 35 pt figures that cannot break: 6 x 43 pt is wider than a 200 pt measure.
doc::Document wide_table_paper() {
    std::vector<std::string> header, cells;
    for (int i = 0; i < 6; ++i) {
        header.push_back("H" + std::to_string(i));
        cells.push_back("1234567");
    }
    doc::Document document;
    document.blocks.push_back(paragraph("before"));
    document.blocks.push_back(heading(3, "Wide", "wide"));
    document.blocks.push_back(table_of(header, {cells, cells}));
    document.blocks.back().location = {"paper.md", 7, 1};
    document.blocks.push_back(paragraph("after"));
    return document;
}

std::vector<Page> lay_with_warnings(const doc::Document& document, const PageGeometry& geometry,
                                    DiagnosticSink& sink) {
    static FixedMeasurer measurer;
    LayoutInput input;
    input.document = &document;
    input.diagnostics = &sink;
    return lay_out(input, geometry, simple_style(), measurer);
}

} // namespace

TEST_CASE("a table too wide for a portrait page is set on a landscape page, with a warning") {
    DiagnosticSink sink;
    auto pages = lay_with_warnings(wide_table_paper(), small_page(400), sink);
    REQUIRE(pages.size() == 3);
    CHECK_FALSE(pages[0].landscape);
    CHECK(find_text(pages[0], "before") != nullptr);
    // The heading turns with its table rather than staying behind.
    CHECK(find_text(pages[0], "Wide") == nullptr);
    CHECK(pages[1].landscape);
    CHECK(pages[1].width == doctest::Approx(500));
    CHECK(pages[1].height == doctest::Approx(300));
    CHECK(find_text(pages[1], "Wide") != nullptr);
    CHECK(find_text(pages[1], "1234567") != nullptr);
    CHECK(find_text(pages[1], "before") == nullptr);
    CHECK_FALSE(pages[2].landscape);
    CHECK(find_text(pages[2], "after") != nullptr);
    // Full size on the turned page: nothing scaled, nothing past the margin.
    for (const auto& run : pages[1].texts) {
        CHECK(run.size >= 9);
        CHECK(run.x + run.width <= 500 - 40 + 1e-6);
    }
    REQUIRE(sink.warning_count() == 1);
    auto warning = sink.sorted().front();
    CHECK(warning.location.line == 7);
    CHECK(warning.message.find("landscape page") != std::string::npos);
}

TEST_CASE("a table too wide for a landscape paper is never set under 9 pt") {
    PageGeometry geometry = small_page(400);
    geometry.landscape = true; // already turned: nothing wider to move to
    DiagnosticSink sink;
    auto pages = lay_with_warnings(wide_table_paper(), geometry, sink);
    REQUIRE(sink.warning_count() == 1);
    auto warning = sink.sorted().front();
    CHECK(warning.location.line == 7);
    // Its cells are at 9 pt already (body 10 pt): the words break instead, nothing clipped.
    CHECK(warning.message == "the table is too wide for the page even at 9 pt, so its longest "
                             "words are broken across lines");
    bool found = false;
    for (const auto& page : pages) {
        CHECK(page.landscape);
        for (const auto& run : page.texts) {
            CHECK(run.x + run.width <= 260 + 1e-6);
            CHECK(run.size >= 9);
            if (run.text.rfind("123", 0) == 0)
                found = true;
        }
    }
    CHECK(found);
}

TEST_CASE("a heading before a forced page break moves to the next page with its text") {
    doc::Document document;
    document.blocks.push_back(paragraph("first"));
    document.blocks.push_back(heading(2, "Appendix", "appendix"));
    doc::Block page_break;
    page_break.kind = doc::BlockKind::page_break;
    document.blocks.push_back(page_break);
    document.blocks.push_back(numbered_lines("b", 2));
    auto pages = lay(document, small_page(400));
    REQUIRE(pages.size() == 2);
    CHECK(find_text(pages[0], "first") != nullptr);
    CHECK(find_text(pages[0], "Appendix") == nullptr);
    CHECK(find_text(pages[1], "Appendix") != nullptr);
    CHECK(count_prefixed(pages[1], "b") == 2);
    // The heading leads its page.
    CHECK(find_text(pages[1], "Appendix")->baseline < find_text(pages[1], "b1")->baseline);
}

TEST_CASE("a heading keeps with the next two lines of its paragraph") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 6));
    document.blocks.push_back(heading(3, "Risks", "risks"));
    document.blocks.push_back(numbered_lines("b", 2));
    // After 72 pt of text the heading and one line would fit above the foot, not two lines.
    auto pages = lay(document, small_page(120));
    REQUIRE(pages.size() == 2);
    CHECK(find_text(pages[0], "Risks") == nullptr);
    CHECK(find_text(pages[1], "Risks") != nullptr);
    CHECK(count_prefixed(pages[1], "b") == 2);
}

TEST_CASE("a paper that spills by a line closes up its spacing instead") {
    doc::Document document;
    for (int i = 0; i < 4; ++i)
        document.blocks.push_back(numbered_lines("p" + std::to_string(i) + "-", 2));
    document.blocks.push_back(paragraph("last"));
    // Nine lines (108 pt) and four 6 pt gaps overfill a 120 pt page; 3 pt gaps do not.
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    CHECK(find_text(pages[0], "last") != nullptr);
    // A real overflow still takes the pages it needs.
    document.blocks.push_back(numbered_lines("more", 4));
    CHECK(lay(document, small_page()).size() == 2);
}

TEST_CASE("width moves to the column that sets the rows' height, never below a floor") {
    // Column 1 holds three times the text of column 0 in every row.
    std::vector<std::vector<double>> cells(5, std::vector<double>{100, 300});
    std::vector<ColumnNeed> needs{{20, 100, 0}, {20, 300, 0}};
    std::vector<double> widths{100, 100};
    balance_columns(widths, needs, cells, 0);
    CHECK(widths[0] + widths[1] == doctest::Approx(200));
    CHECK(widths[1] > 140);
    CHECK(widths[0] >= 20);
    // A column already at its minimum gives nothing, even to the column that sets the height.
    std::vector<std::vector<double>> short_first(5, std::vector<double>{10, 300});
    std::vector<double> tight{20, 180};
    balance_columns(tight, needs, short_first, 0);
    CHECK(tight[0] == doctest::Approx(20));
    CHECK(tight[1] == doctest::Approx(180));
}

namespace {

// The balancing rule worked out the long way: every move tried by counting every cell's lines
// again.
void balance_the_long_way(std::vector<double>& widths, const std::vector<double>& limits,
                          const std::vector<std::vector<double>>& cells, double padding) {
    auto total = [&](std::size_t grown, std::size_t shrunk, double step) {
        double sum = 0;
        for (const auto& row : cells) {
            double tallest = 1;
            for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
                double width = widths[c] + (c == grown ? step : 0) - (c == shrunk ? step : 0);
                tallest = std::max(tallest, std::max(1.0, row[c] / std::max(width - padding, 1.0)));
            }
            sum += tallest;
        }
        return sum;
    };
    double current = total(widths.size(), widths.size(), 0);
    for (int step = 0; step < 300; ++step) {
        double best = current;
        std::size_t best_grown = 0, best_shrunk = 0;
        for (std::size_t shrunk = 0; shrunk < widths.size(); ++shrunk) {
            if (widths[shrunk] - 2 < limits[shrunk])
                continue;
            for (std::size_t grown = 0; grown < widths.size(); ++grown)
                if (grown != shrunk && total(grown, shrunk, 2) < best) {
                    best = total(grown, shrunk, 2);
                    best_grown = grown;
                    best_shrunk = shrunk;
                }
        }
        if (best >= current)
            return;
        widths[best_grown] += 2;
        widths[best_shrunk] -= 2;
        current = best;
    }
}

} // namespace

TEST_CASE("balanced columns are those of the rule worked out the long way, to the last bit") {
    // Tables of two to seven columns, rows short of cells among them, cells of equal widths (so
    // that rows hold ties), from a fixed stream of numbers.
    std::uint32_t state = 12345;
    auto next = [&](std::uint32_t below) {
        state = state * 1103515245u + 12345u;
        return (state >> 8) % below;
    };
    int moved = 0;
    for (int table = 0; table < 400; ++table) {
        std::size_t columns = 2 + next(6);
        std::vector<std::vector<double>> cells(1 + next(12));
        for (auto& row : cells) {
            row.resize(next(5) == 0 ? next(static_cast<std::uint32_t>(columns) + 1) : columns);
            for (double& text : row)
                text = next(2) == 0 ? 100.0 * (1 + next(4)) : 5.0 * next(200);
        }
        std::vector<ColumnNeed> needs;
        std::vector<double> widths, limits;
        for (std::size_t c = 0; c < columns; ++c) {
            double minimum = 10.0 + next(30);
            needs.push_back({minimum, minimum + next(300), 0});
            widths.push_back(minimum + next(120) + 0.5 * next(2));
            limits.push_back(minimum);
        }
        std::vector<double> expected = widths;
        balance_the_long_way(expected, limits, cells, 6);
        moved += expected != widths;
        balance_columns(widths, needs, cells, 6);
        REQUIRE(widths == expected);
    }
    CHECK(moved > 200);
}

TEST_CASE("bold words that fit a line of their own are not hyphenated to fill a line") {
    static FixedMeasurer measurer;
    WidthCache widths(measurer);
    Look bold;
    bold.size = 10;
    bold.style = FontStyle::bold; // 6 pt a character: 13 characters in 80 pt
    std::vector<std::string> lines;
    for (const auto& line :
         break_lines(flow_text("Lead safeguarding", bold, widths), 80, {10, 1.2}, widths))
        lines.push_back(line_text(line));
    CHECK(lines == std::vector<std::string>{"Lead", "safeguarding"});
}

namespace {

// Body 10 pt on 1.5 leading: 15 pt lines, 14.25 pt when closed up to 95%.
TextStyle open_style() {
    TextStyle style = simple_style();
    style.leading = 1.5;
    return style;
}

// The distance between the first two baselines on `page`.
double line_pitch(const Page& page) {
    REQUIRE(page.texts.size() >= 2);
    return page.texts[1].baseline - page.texts[0].baseline;
}

} // namespace

TEST_CASE("a paper that spills by two lines closes up its leading instead") {
    // 600 pt holds 40 lines of 15 pt; 42 lines of 14.25 pt take 598.5 pt.
    for (int lines : {41, 42}) {
        CAPTURE(lines);
        doc::Document document;
        document.blocks.push_back(numbered_lines("n", lines));
        auto pages = lay(document, small_page(600), open_style());
        REQUIRE(pages.size() == 1);
        CHECK(find_text(pages[0], "n" + std::to_string(lines)) != nullptr);
        CHECK(line_pitch(pages[0]) == doctest::Approx(14.25));
    }
}

TEST_CASE("a paper that spills by more than two lines keeps its leading") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("n", 43));
    auto pages = lay(document, small_page(600), open_style());
    REQUIRE(pages.size() == 2);
    CHECK(line_pitch(pages[0]) == doctest::Approx(15));
    CHECK(pages[1].texts.size() == 3);
}

TEST_CASE("leading never closes up below 1.2 times the size") {
    // At 1.25 leading, 95% would be 1.1875: it stops at 1.2, 12 pt lines, which fit 50 in 600 pt.
    TextStyle style = simple_style();
    style.leading = 1.25;
    doc::Document document;
    document.blocks.push_back(numbered_lines("n", 50)); // 48 lines of 12.5 pt fill 600 pt
    auto pages = lay(document, small_page(600), style);
    REQUIRE(pages.size() == 1);
    CHECK(line_pitch(pages[0]) == doctest::Approx(12));
    // Set solid at 1.2 already, a paper has no leading to give.
    document.blocks[0] = numbered_lines("n", 52);
    pages = lay(document, small_page(600), simple_style());
    REQUIRE(pages.size() == 2);
    CHECK(line_pitch(pages[0]) == doctest::Approx(12));
}

TEST_CASE("only the one-page summary that spills by two lines closes up its leading") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 42));
    doc::Block page_break;
    page_break.kind = doc::BlockKind::page_break;
    document.blocks.push_back(page_break);
    document.blocks.push_back(numbered_lines("b", 3));
    auto pages = lay(document, small_page(600), open_style());
    REQUIRE(pages.size() == 2);
    CHECK(find_text(pages[0], "a42") != nullptr);
    CHECK(line_pitch(pages[0]) == doctest::Approx(14.25));
    // The part after the break fits anyway and keeps the house leading.
    CHECK(find_text(pages[1], "b1") != nullptr);
    CHECK(line_pitch(pages[1]) == doctest::Approx(15));
}

TEST_CASE("closing up the leading gives the same pages every time") {
    doc::Document document;
    document.blocks.push_back(numbered_lines("n", 42));
    auto first = lay(document, small_page(600), open_style());
    auto second = lay(document, small_page(600), open_style());
    REQUIRE(first.size() == second.size());
    for (std::size_t p = 0; p < first.size(); ++p) {
        REQUIRE(first[p].texts.size() == second[p].texts.size());
        for (std::size_t t = 0; t < first[p].texts.size(); ++t)
            CHECK(first[p].texts[t].baseline == second[p].texts[t].baseline);
    }
}
