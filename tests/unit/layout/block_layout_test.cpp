#include "../image_samples.hpp"
#include "layout_test_support.hpp"

#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace bp;
using namespace bp::layout;
using namespace bp::layout::testing;

namespace {

doc::Block list_of(doc::BlockKind kind, std::vector<doc::Block> items, int start = 1) {
    doc::Block list;
    list.kind = kind;
    list.start = start;
    list.children = std::move(items);
    return list;
}

doc::Block item(std::vector<doc::Block> children, std::optional<bool> task = std::nullopt) {
    doc::Block block;
    block.kind = doc::BlockKind::list_item;
    block.children = std::move(children);
    block.task = task;
    return block;
}

} // namespace

TEST_CASE("nested lists hang their markers in the indent") {
    doc::Block inner = list_of(doc::BlockKind::bullet_list, {item({paragraph("child")})});
    doc::Block outer = list_of(doc::BlockKind::bullet_list,
                               {item({paragraph("first")}), item({paragraph("second"), inner})});
    doc::Document document;
    document.blocks.push_back(outer);
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    const Page& page = pages[0];
    // Indent is 1.5 em (15 pt); a marker ends half an em (5 pt) before the text.
    CHECK(find_text(page, "first")->x == doctest::Approx(75));
    CHECK(find_text(page, "second")->x == doctest::Approx(75));
    CHECK(find_text(page, "child")->x == doctest::Approx(90));
    std::vector<const TextRun*> bullets, dashes;
    for (const auto& run : page.texts) {
        if (run.text == "\u2022")
            bullets.push_back(&run);
        if (run.text == "\u2013")
            dashes.push_back(&run);
    }
    REQUIRE(bullets.size() == 2);
    REQUIRE(dashes.size() == 1);
    CHECK(bullets[0]->x == doctest::Approx(65));
    CHECK(bullets[0]->baseline == doctest::Approx(find_text(page, "first")->baseline));
    CHECK(bullets[1]->baseline == doctest::Approx(find_text(page, "second")->baseline));
    CHECK(dashes[0]->x == doctest::Approx(80));
    CHECK(dashes[0]->baseline == doctest::Approx(find_text(page, "child")->baseline));
}

TEST_CASE("numbered lists count from their start and right-align the numbers") {
    std::vector<doc::Block> items;
    for (int i = 0; i < 10; ++i)
        items.push_back(item({paragraph("step")}));
    doc::Document document;
    document.blocks.push_back(list_of(doc::BlockKind::ordered_list, items, 3));
    auto pages = lay(document, small_page(400));
    REQUIRE(pages.size() == 1);
    const TextRun* three = find_text(pages[0], "3.");
    const TextRun* twelve = find_text(pages[0], "12.");
    REQUIRE(three);
    REQUIRE(twelve);
    CHECK(find_text(pages[0], "2.") == nullptr);
    // "12." is 15 pt: the indent grows to 20 pt so numbers end 5 pt before the text.
    CHECK(twelve->x == doctest::Approx(60));
    CHECK(three->x + three->width == doctest::Approx(twelve->x + twelve->width));
    CHECK(find_text(pages[0], "step")->x == doctest::Approx(80));
}

TEST_CASE("task-list items draw a box, ticked when done") {
    doc::Document document;
    document.blocks.push_back(
        list_of(doc::BlockKind::bullet_list,
                {item({paragraph("done")}, true), item({paragraph("open")}, false)}));
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    const Page& page = pages[0];
    CHECK(find_text(page, "\u2022") == nullptr);
    std::vector<Rectangle> boxes;
    for (const auto& rect : page.rectangles)
        if (rect.stroked && !rect.filled)
            boxes.push_back(rect);
    REQUIRE(boxes.size() == 2);
    CHECK(boxes[0].x == doctest::Approx(60));
    CHECK(boxes[0].width == doctest::Approx(7.2));
    CHECK(boxes[0].y + boxes[0].height == doctest::Approx(find_text(page, "done")->baseline));
    // The tick: two strokes inside the first box only.
    REQUIRE(page.rules.size() == 2);
    for (const auto& rule : page.rules) {
        CHECK(rule.y1 >= boxes[0].y);
        CHECK(rule.y2 <= boxes[0].y + boxes[0].height);
    }
}

TEST_CASE("footnotes gather at the end under a rule, linked both ways") {
    doc::Inline ref;
    ref.kind = doc::InlineKind::footnote_ref;
    ref.number = 1;
    ref.text = "src";
    doc::Document document;
    document.blocks.push_back(paragraph({text("Crime fell"), ref, text(".")}));
    document.blocks.push_back(numbered_lines("a", 12));
    doc::Footnote note;
    note.label = "src";
    note.number = 1;
    note.blocks.push_back(paragraph("Police recorded crime."));
    document.footnotes.push_back(note);
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 2);

    const TextRun* marker = find_text(pages[0], "1");
    REQUIRE(marker);
    CHECK(marker->link == "#fn-1");
    CHECK(marker->size < 10);

    const Page& last = pages.back();
    REQUIRE(last.destinations.size() == 1);
    CHECK(last.destinations[0].id == "fn-1");
    const TextRun* label = find_text(last, "1.");
    const TextRun* body = find_text(last, "Police recorded crime.");
    REQUIRE(label);
    REQUIRE(body);
    CHECK(body->size == doctest::Approx(9)); // 85% of 10 pt is under the smallest printed size
    CHECK(label->baseline == doctest::Approx(body->baseline));
    CHECK(label->x + label->width < body->x);
    CHECK(last.destinations[0].y < body->baseline);
    // The short rule sits above the note and below the last line of the text.
    REQUIRE(!last.rules.empty());
    const Rule& rule = last.rules.front();
    CHECK(rule.x2 - rule.x1 == doctest::Approx(200.0 / 3));
    CHECK(rule.y1 < label->baseline);
    CHECK(rule.y1 > find_text(last, "a12")->baseline);
}

TEST_CASE("code blocks keep their lines, sit on a shaded ground and wrap long lines") {
    doc::Block code;
    code.kind = doc::BlockKind::code_block;
    code.text = "if x:\n    go()\n" + std::string(60, 'z') + "\n";
    doc::Document document;
    document.blocks.push_back(code);
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    auto texts = texts_of(pages[0]);
    REQUIRE(texts.size() == 4); // 60 z at 4.5 pt do not fit in 188 pt: two lines
    CHECK(texts[0] == "if x:");
    CHECK(texts[1] == "    go()");
    CHECK(texts[2].size() + texts[3].size() == 60);
    for (const auto& run : pages[0].texts) {
        CHECK(run.x == doctest::Approx(66));
        CHECK(run.x + run.width <= 254 + 1e-9);
        CHECK(run.size == doctest::Approx(9)); // 85% of 10 pt, raised to the smallest size
    }
    double top = pages[0].rectangles.front().y;
    double bottom = 0;
    for (const auto& rect : pages[0].rectangles) {
        CHECK(rect.x == doctest::Approx(60));
        CHECK(rect.width == doctest::Approx(200));
        bottom = std::max(bottom, rect.y + rect.height);
    }
    CHECK(top < pages[0].texts.front().baseline - 8.5 * 0.8);
    CHECK(bottom > pages[0].texts.back().baseline);
}

TEST_CASE("block quotes are indented with a rule down their left side") {
    doc::Block quote;
    quote.kind = doc::BlockKind::block_quote;
    quote.children = {paragraph("quoted one"), paragraph("quoted two")};
    doc::Document document;
    document.blocks.push_back(quote);
    document.blocks.push_back(paragraph("after"));
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    CHECK(find_text(pages[0], "quoted one")->x == doctest::Approx(74));
    CHECK(find_text(pages[0], "after")->x == doctest::Approx(60));
    double top = 1e9, bottom = 0;
    for (const auto& rule : pages[0].rules) {
        CHECK(rule.x1 == doctest::Approx(62));
        top = std::min(top, rule.y1);
        bottom = std::max(bottom, rule.y2);
    }
    CHECK(top == doctest::Approx(50));
    CHECK(bottom == doctest::Approx(50 + 12 + 6 + 12)); // one continuous rule, gap included
    CHECK(bottom < find_text(pages[0], "after")->baseline);
}

TEST_CASE("thematic breaks draw a rule across the measure") {
    doc::Block rule;
    rule.kind = doc::BlockKind::thematic_break;
    doc::Document document;
    document.blocks = {paragraph("a"), rule, paragraph("b")};
    auto pages = lay(document, small_page());
    REQUIRE(pages[0].rules.size() == 1);
    CHECK(pages[0].rules[0].x1 == doctest::Approx(60));
    CHECK(pages[0].rules[0].x2 == doctest::Approx(260));
    CHECK(pages[0].rules[0].y1 > find_text(pages[0], "a")->baseline);
    CHECK(pages[0].rules[0].y1 < find_text(pages[0], "b")->baseline - 8);
}

TEST_CASE("a directive that reaches layout is shown as a muted note") {
    doc::Block directive;
    directive.kind = doc::BlockKind::directive;
    directive.name = "indicator";
    directive.caption = "Burglary";
    doc::Document document;
    document.blocks.push_back(directive);
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].texts.size() == 1);
    CHECK(pages[0].texts[0].text == "[indicator: Burglary]");
    CHECK(pages[0].texts[0].colour == simple_style().muted);
}

TEST_CASE("charts are scaled to the measure, and to the page when they are too tall") {
    std::vector<data::ChartSpec> charts(2);
    charts[0].width_pt = 480;
    charts[0].height_pt = 240;
    charts[1].width_pt = 100;
    charts[1].height_pt = 1000;
    doc::Block wide, tall, missing;
    wide.kind = tall.kind = missing.kind = doc::BlockKind::chart;
    wide.chart_index = 0;
    wide.caption = "Monthly offences";
    tall.chart_index = 1;
    missing.chart_index = 7;
    doc::Document document;
    document.blocks = {wide, tall, missing};
    auto pages = lay(document, small_page(), simple_style(), 0, &charts);
    REQUIRE(pages.size() == 3);
    REQUIRE(pages[0].charts.size() == 1);
    const auto& first = pages[0].charts[0];
    CHECK(first.chart_index == 0);
    CHECK(first.x == doctest::Approx(60));
    CHECK(first.width == doctest::Approx(200));
    CHECK(first.height == doctest::Approx(100));
    CHECK(find_text(pages[0], "Monthly offences") != nullptr);

    REQUIRE(pages[1].charts.size() == 1);
    const auto& second = pages[1].charts[0];
    CHECK(second.y == doctest::Approx(50));
    CHECK(second.height <= 120);
    CHECK(second.width / second.height == doctest::Approx(0.1));
    // The unknown chart becomes a note, never a placement the pack could not draw.
    CHECK(find_text(pages[2], "[chart not available]") != nullptr);
    CHECK(pages[2].charts.empty());
}

TEST_CASE("images take their size from the PNG or JPEG header") {
    auto folder =
        std::filesystem::temp_directory_path() / ("bp-layout-images-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "wide.png", std::ios::binary)
        << bp::samples::png_bytes(800, 400, PNG_COLOR_TYPE_RGB, 8);
    std::ofstream(folder / "small.jpg", std::ios::binary)
        << bp::samples::jpeg_bytes(100, 50, JCS_RGB);
    auto image = [](const std::string& url) {
        doc::Inline item;
        item.kind = doc::InlineKind::image;
        item.url = url;
        item.text = "alt " + url;
        return paragraph(doc::Inlines{item});
    };
    doc::Document document;
    document.blocks = {image("wide.png"), image("small.jpg"), image("missing.png")};
    auto pages = lay(document, small_page(400), simple_style(), 0, nullptr, folder.string());
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].images.size() == 2);
    const auto& wide = pages[0].images[0];
    CHECK(wide.native_path == (folder / "wide.png").string());
    CHECK(wide.width == doctest::Approx(200)); // 600 pt at 96 dpi, scaled to the measure
    CHECK(wide.height == doctest::Approx(100));
    CHECK(wide.x == doctest::Approx(60));
    const auto& small = pages[0].images[1];
    CHECK(small.width == doctest::Approx(75));
    CHECK(small.height == doctest::Approx(37.5));
    CHECK(small.x == doctest::Approx(60 + (200 - 75) / 2.0));
    CHECK(small.y >= wide.y + wide.height);
    CHECK(find_text(pages[0], "[alt missing.png]") != nullptr);
    std::filesystem::remove_all(folder);
}

namespace {

class ZeroMeasurer final : public TextMeasurer {
  public:
    double width(const std::string&, FontStyle, double) const override { return 0; }
    double ascent(FontStyle) const override { return 0; }
    double descent(FontStyle) const override { return 0; }
};

} // namespace

TEST_CASE("a measurer that reports no width or height still terminates") {
    doc::Document document;
    document.blocks.push_back(paragraph("some words that measure nothing"));
    document.blocks.push_back(heading(1, "Heading", "h"));
    ZeroMeasurer measurer;
    LayoutInput input;
    input.document = &document;
    auto pages = lay_out(input, small_page(), simple_style(), measurer);
    REQUIRE(pages.size() == 1);
    CHECK(pages[0].texts.size() == 2);
}

TEST_CASE("a single word wider than the page is cut to the measure") {
    doc::Document document;
    document.blocks.push_back(paragraph(std::string(200, 'w')));
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    // 40 characters of 5 pt a line: 39 and a hyphen, since the word is cut mid-word.
    REQUIRE(pages[0].texts.size() == 6);
    std::string joined;
    for (std::size_t i = 0; i < pages[0].texts.size(); ++i) {
        const auto& run = pages[0].texts[i];
        CHECK(run.width <= 200);
        bool last = i + 1 == pages[0].texts.size();
        CHECK(run.text.back() == (last ? 'w' : '-'));
        joined += last ? run.text : run.text.substr(0, run.text.size() - 1);
    }
    CHECK(joined == std::string(200, 'w'));
}

TEST_CASE("seventy pages lay out quickly") {
    doc::Document document;
    std::string words;
    for (int i = 0; i < 120; ++i)
        words += "performance" + std::to_string(i % 17) + " figures ";
    for (int section = 0; section < 70; ++section) {
        document.blocks.push_back(
            heading(2, "Section " + std::to_string(section), "section-" + std::to_string(section)));
        for (int p = 0; p < 3; ++p)
            document.blocks.push_back(paragraph(words));
        doc::Block table;
        table.kind = doc::BlockKind::table;
        table.header = row({"Indicator", "2016/17", "2017/18", "Change"});
        for (int r = 0; r < 8; ++r)
            table.rows.push_back(row({"Violence with injury", "1,785", "1,902", "+6.6%"}));
        document.blocks.push_back(table);
    }
    // Speed is measured by bench/bench_pack; here only that a long document lays out whole.
    auto pages = lay(document, PageGeometry{});
    CHECK(pages.size() >= 70);
}

TEST_CASE("a short code listing moves whole rather than split at the page foot") {
    doc::Block code;
    code.kind = doc::BlockKind::code_block;
    code.text = "one\ntwo\nthree\n";
    doc::Document document;
    document.blocks.push_back(numbered_lines("a", 7)); // 84 pt used, 36 pt left
    document.blocks.push_back(code);
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 2);
    CHECK(find_text(pages[0], "one") == nullptr);
    CHECK(texts_of(pages[1]) == std::vector<std::string>{"one", "two", "three"});
}

TEST_CASE("a table that fits on its page is not given a second header") {
    doc::Block table;
    table.kind = doc::BlockKind::table;
    table.header = row({"Name", "Role"});
    table.rows = {row({"A. Member", "Chair"}), row({"B. Member", "Vice-chair"})};
    doc::Document document;
    document.blocks = {paragraph("intro"), table, paragraph("outro")};
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    int headers = 0;
    for (const auto& run : pages[0].texts)
        headers += run.text == "Name";
    CHECK(headers == 1);
    CHECK(find_text(pages[0], "Name")->baseline > find_text(pages[0], "intro")->baseline);
    CHECK(find_text(pages[0], "outro")->baseline > find_text(pages[0], "Vice-chair")->baseline);
}

TEST_CASE("odd shapes of input lay out without trouble") {
    doc::Document document;
    // Thirty nested lists squeeze the measure down to nothing.
    doc::Block nested = list_of(doc::BlockKind::bullet_list, {item({paragraph("deep")})});
    for (int depth = 0; depth < 30; ++depth)
        nested = list_of(doc::BlockKind::bullet_list, {item({paragraph("level"), nested})});
    document.blocks.push_back(nested);
    doc::Block empty_table;
    empty_table.kind = doc::BlockKind::table;
    document.blocks.push_back(empty_table);
    doc::Block header_only;
    header_only.kind = doc::BlockKind::table;
    header_only.header = row({"Only", "a header"});
    document.blocks.push_back(header_only);
    document.blocks.push_back(list_of(doc::BlockKind::ordered_list, {item({})}));
    document.blocks.push_back(heading(1, "", ""));
    document.blocks.push_back(item({paragraph("stray item")}));
    document.blocks.push_back(paragraph(doc::Inlines{}));
    auto pages = lay(document, small_page());
    REQUIRE(!pages.empty());
    CHECK(find_text(pages.front(), "level") != nullptr);
    bool saw_header = false, saw_number = false, saw_stray = false;
    for (const auto& page : pages) {
        saw_header = saw_header || find_text(page, "Only");
        saw_number = saw_number || find_text(page, "1.");
        saw_stray = saw_stray || find_text(page, "stray item");
        for (const auto& destination : page.destinations)
            CHECK(destination.id == "heading-1");
    }
    CHECK(saw_header);
    CHECK(saw_number); // an empty item still shows its number
    CHECK(saw_stray);
}
