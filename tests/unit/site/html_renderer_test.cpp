#include "site/chart_figure.hpp"
#include "site/html_renderer.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace bp;
using bp::doc::Block;
using bp::doc::BlockKind;
using bp::doc::Inline;
using bp::doc::InlineKind;

namespace {

Inline text(const std::string& value) {
    return {InlineKind::text, value};
}

Block paragraph(doc::Inlines inlines) {
    Block block;
    block.kind = BlockKind::paragraph;
    block.inlines = std::move(inlines);
    return block;
}

Block heading(int level, const std::string& title, const std::string& anchor) {
    Block block;
    block.kind = BlockKind::heading;
    block.level = level;
    block.anchor = anchor;
    block.inlines = {text(title)};
    return block;
}

doc::TableCell cell(const std::string& value, doc::Rag rag = doc::Rag::none) {
    return {{text(value)}, rag};
}

std::string render(std::vector<Block> blocks) {
    doc::Document document;
    document.blocks = std::move(blocks);
    return site::render_document(document, {}).html;
}

data::ChartSpec sample_chart() {
    data::ChartSpec chart;
    chart.id = "vwi-monthly";
    chart.title = "Violence with injury, 2017/18 against 2016/17";
    chart.unit = "offences";
    chart.categories = {"Apr", "May", "Jun"};
    chart.series = {{"2016/17", {155, 162, 149}}, {"2017/18", {171, std::nullopt, 1785.5}}};
    chart.description = "Up 10% on last year in April.";
    return chart;
}

// A page's HTML holding the sample chart twice.
std::string page_of_two_charts() {
    doc::Document document;
    Block chart;
    chart.kind = BlockKind::chart;
    chart.chart_index = 0;
    document.blocks = {chart, chart};
    std::vector<data::ChartSpec> charts = {sample_chart()};
    return site::render_document(document, charts).html;
}

} // namespace

TEST_CASE("text from content is escaped, markup from the model is not") {
    std::string html = render({paragraph(
        {text("Fish & <chips> \"quoted\""), {InlineKind::strong, "", "", 0, {text("bold")}}})});
    CHECK(html == "<p>Fish &amp; &lt;chips&gt; &quot;quoted&quot;<strong>bold</strong></p>\n");
}

TEST_CASE("links keep safe URLs and drop script ones") {
    Inline good{InlineKind::link, "", "https://example.org/a?b=1&c=2", 0, {text("site")}};
    Inline bad{InlineKind::link, "", "javascript:alert(1)", 0, {text("click")}};
    std::string html = render({paragraph({good, text(" "), bad})});
    CHECK(html == "<p><a href=\"https://example.org/a?b=1&amp;c=2\">site</a> click</p>\n");
    CHECK(site::is_safe_url("../minutes.html#item-3"));
    CHECK(site::is_safe_url("mailto:clerk@example.org"));
    CHECK_FALSE(site::is_safe_url(" JavaScript:alert(1)"));
    CHECK_FALSE(site::is_safe_url("data:text/html,hi"));
}

TEST_CASE("body headings shift below the page's h1 and keep their ids") {
    doc::Document document;
    document.blocks = {heading(1, "Summary", "summary"), heading(2, "Detail", "detail")};
    auto rendered = site::render_document(document, {});
    CHECK(rendered.html == "<h2 id=\"summary\">Summary</h2>\n<h3 id=\"detail\">Detail</h3>\n");
    REQUIRE(rendered.headings.size() == 2);
    CHECK(rendered.headings[0].level == 2);
    CHECK(rendered.headings[1].text == "Detail");
}

TEST_CASE("tables have column headers with scope, alignment and a labelled region") {
    Block table;
    table.kind = BlockKind::table;
    table.header.cells = {cell("Indicator"), cell("Change")};
    table.alignments = {doc::Alignment::none, doc::Alignment::right};
    table.rows = {{{cell("Burglary"), cell("-4%")}}};
    table.caption = "Quarter 1";
    std::string html = render({table});
    CHECK(html.find("<caption>Quarter 1</caption>") != std::string::npos);
    CHECK(html.find("<th scope=\"col\">Indicator</th><th scope=\"col\" class=\"align-right\">"
                    "Change</th>") != std::string::npos);
    // A first column of labels names each row.
    CHECK(html.find("<th scope=\"row\">Burglary</th><td class=\"align-right\">-4%</td>") !=
          std::string::npos);
    CHECK(html.find("role=\"region\" tabindex=\"0\" aria-label=\"Quarter 1\"") !=
          std::string::npos);
}

TEST_CASE("a scorecard's indicator names link to the indicator pages") {
    Block table;
    table.kind = BlockKind::table;
    table.css_class = "scorecard";
    table.header.cells = {cell("Indicator"), cell("Year to date")};
    table.rows = {{{cell("Burglary"), cell("1,769")}}, {{cell("Arson"), cell("40")}}};
    doc::Document document;
    document.blocks = {table};
    site::RenderOptions options;
    options.indicator_links = {{"Burglary", "../indicators/burglary.html"}};
    std::string html = site::render_document(document, {}, options).html;
    CHECK(
        html.find("<th scope=\"row\"><a href=\"../indicators/burglary.html\">Burglary</a></th>") !=
        std::string::npos);
    // An indicator without a page keeps its plain label.
    CHECK(html.find("<th scope=\"row\">Arson</th>") != std::string::npos);
}

TEST_CASE("a first column of figures stays data cells") {
    Block table;
    table.kind = BlockKind::table;
    table.header.cells = {cell("Year"), cell("Offences")};
    table.rows = {{{cell("2017"), cell("1,769")}}, {{cell("\xE2\x80\x93"), cell("12")}}};
    std::string html = render({table});
    CHECK(html.find("<td>2017</td><td>1,769</td>") != std::string::npos);
    CHECK(html.find("scope=\"row\"") == std::string::npos);
}

TEST_CASE("RAG cells are coloured by class and labelled in words") {
    Block table;
    table.kind = BlockKind::table;
    table.header.cells = {cell("Measure"), cell("Status")};
    table.rows = {{{cell("Knife crime"), cell("R", doc::Rag::red)}},
                  {{cell("Burglary"), cell("+2.1%", doc::Rag::amber)}},
                  {{cell("Review"), cell("Green \xE2\x80\x93 complete", doc::Rag::green)}}};
    std::string html = render({table});
    CHECK(html.find("<td class=\"rag rag-red\"><span class=\"rag-badge\"><span "
                    "class=\"rag-swatch\" aria-hidden=\"true\"></span>Red</span></td>") !=
          std::string::npos);
    CHECK(html.find("<td class=\"rag rag-amber\"><span class=\"rag-badge\"><span "
                    "class=\"rag-swatch\" aria-hidden=\"true\"></span>Amber</span> <span "
                    "class=\"rag-value\">+2.1%</span></td>") != std::string::npos);
    // A cell that already names its status is not labelled twice.
    CHECK(html.find("<td class=\"rag rag-green\"><span class=\"rag-badge\"><span "
                    "class=\"rag-swatch\" aria-hidden=\"true\"></span>Green \xE2\x80\x93 "
                    "complete</span></td>") != std::string::npos);
}

TEST_CASE("footnotes link both ways and repeated references get their own ids") {
    doc::Document document;
    Inline ref{InlineKind::footnote_ref, "source", "", 1};
    document.blocks = {paragraph({text("Figures"), ref, text(" again"), ref})};
    document.footnotes = {{"source", 1, {paragraph({text("Police recorded crime.")})}}};
    std::string html = site::render_document(document, {}).html;
    CHECK(html.find("<a href=\"#fn-1\" id=\"fnref-1\"") != std::string::npos);
    CHECK(html.find("<a href=\"#fn-1\" id=\"fnref-1-2\"") != std::string::npos);
    CHECK(html.find("<li id=\"fn-1\" value=\"1\"><p>Police recorded crime. <a "
                    "href=\"#fnref-1\" class=\"footnote-back\" aria-label=\"Back to reference "
                    "1\">\xE2\x86\xA9</a></p>\n</li>") != std::string::npos);
    CHECK(html.find("<h2 id=\"footnotes-label\">Notes</h2>") != std::string::npos);
}

TEST_CASE("task lists say done or to do in words, not only with a tick") {
    Block done;
    done.kind = BlockKind::list_item;
    done.task = true;
    done.children = {paragraph({text("Circulate the strategy")})};
    Block open = done;
    open.task = false;
    open.children = {paragraph({text("Book the room")})};
    Block list;
    list.kind = BlockKind::bullet_list;
    list.children = {done, open};
    std::string html = render({list});
    CHECK(html.find("<ul class=\"task-list\">") != std::string::npos);
    // The item's content is one block beside the mark, however many lines it has.
    CHECK(html.find("Done: </span><div class=\"task-body\">Circulate the strategy\n</div></li>") !=
          std::string::npos);
    CHECK(html.find("To do: </span><div class=\"task-body\">Book the room\n</div></li>") !=
          std::string::npos);
    CHECK(html.find("<input") == std::string::npos);
}

TEST_CASE("a chart becomes a figure with caption, description, SVG and a data table") {
    std::string html = page_of_two_charts();
    CHECK(html.find("<figure class=\"chart\" id=\"chart-1\">") != std::string::npos);
    CHECK(html.find("<figure class=\"chart\" id=\"chart-2\">") != std::string::npos);
    CHECK(html.find("<span class=\"chart-title\" id=\"chart-1-title\">Violence with injury, "
                    "2017/18 against 2016/17</span>") != std::string::npos);
    CHECK(html.find("Up 10% on last year in April.") != std::string::npos);
    CHECK(html.find("<details class=\"chart-details\">") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("<?xml") == std::string::npos);
    // A gap shows as a dash, and figures are grouped.
    CHECK(html.find("<tr><th scope=\"row\">May</th><td class=\"align-right\">162</td><td "
                    "class=\"align-right\">\xE2\x80\x93</td></tr>") != std::string::npos);
    CHECK(html.find("<td class=\"align-right\">1,785.5</td>") != std::string::npos);
}

TEST_CASE("an inlined SVG is named by the page and keeps its drawing as it came") {
    std::string svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                      "role=\"img\" aria-labelledby=\"own-title\">"
                      "<clipPath id=\"chart-3-clip1\"/><g clip-path=\"url(#chart-3-clip1)\"><use "
                      "xlink:href=\"#chart-3-glyph0\"/></g></svg>\n \n";
    std::string html = site::inline_svg(svg, "chart-3-title", " data-min-text-size=\"12\"");
    CHECK(html == "<svg data-min-text-size=\"12\" role=\"img\" aria-labelledby=\"chart-3-title\" "
                  "focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">"
                  "<clipPath id=\"chart-3-clip1\"/><g clip-path=\"url(#chart-3-clip1)\"><use "
                  "xlink:href=\"#chart-3-glyph0\"/></g></svg>");
    CHECK(site::inline_svg("no drawing", "x").empty());
}

TEST_CASE("two charts on one page share no id") {
    std::string page = page_of_two_charts();
    std::set<std::string> ids;
    std::size_t count = 0;
    for (std::size_t at = page.find(" id=\""); at != std::string::npos;
         at = page.find(" id=\"", at + 1)) {
        std::size_t start = at + 5;
        ids.insert(page.substr(start, page.find('"', start) - start));
        ++count;
    }
    CHECK(count > 40);
    CHECK(ids.size() == count);
    for (std::size_t at = page.find("href=\"#"); at != std::string::npos;
         at = page.find("href=\"#", at + 1)) {
        std::size_t start = at + 7;
        CHECK(ids.count(page.substr(start, page.find('"', start) - start)) == 1);
    }
}
