#include "../data/indicator_fixtures.hpp"
#include "content/directives.hpp"
#include "core/filesystem.hpp"
#include "core/text.hpp"
#include "data/figure_format.hpp"
#include "data/indicators.hpp"
#include "markdown/parse.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::content;

namespace {

// The sign the core number formatting writes before negative figures.
const std::string minus = [] {
    std::string one = bp::format_number(-1);
    return one.substr(0, one.size() - 1);
}();

struct Fixture {
    Site site;
    Board board;
    Meeting meeting;
    Paper paper;
    DiagnosticSink sink;

    explicit Fixture(const std::string& markdown, Date data_date = {2018, 1, 31}) {
        MemoryFileSystem files;
        files.add("content/csp/indicators/violence-with-injury.yaml", fixtures::violence_yaml);
        files.add("content/csp/indicators/violence-with-injury.csv", fixtures::violence_csv);
        files.add("content/csp/indicators/marac-repeats.yaml", fixtures::marac_yaml);
        files.add("content/csp/indicators/marac-repeats.csv", fixtures::marac_csv);
        board.folder = "content/csp";
        board.indicators = data::load_indicators(files, "content/csp", 4, sink);
        REQUIRE_FALSE(sink.has_errors());
        meeting.date = {2018, 3, 28};
        meeting.data_date = data_date;
        paper.source_path = "content/csp/2018-03-28/07-performance.md";
        paper.body =
            markdown::parse(markdown, {paper.source_path, 5, 1}, sink, directive_parse_options());
        paper.body_loaded = true;
        DirectiveContext context{site, board, meeting, paper, sink};
        expand_directives(context);
    }

    std::string diagnostics() const {
        std::string out;
        for (const auto& d : sink.sorted())
            out += format_diagnostic(d) + "\n";
        return out;
    }
};

std::string first_paragraph(const Fixture& fixture) {
    for (const auto& block : fixture.paper.body.blocks)
        if (block.kind == doc::BlockKind::paragraph)
            return doc::plain_text(block.inlines);
    return "";
}

const doc::Block* find_block(const std::vector<doc::Block>& blocks, const std::string& css_class,
                             int skip = 0) {
    for (const auto& block : blocks)
        if (block.css_class == css_class && skip-- == 0)
            return &block;
    return nullptr;
}

std::string cell_text(const doc::TableRow& row, std::size_t column) {
    return doc::plain_text(row.cells.at(column).content);
}

} // namespace

TEST_CASE("performance values: figures in prose come from the data") {
    Fixture f(
        "Violence with injury: {{ violence-with-injury.fytd.value }} against "
        "{{ violence-with-injury.fytd.last_year }} ({{ violence-with-injury.fytd.change_pct }}, "
        "{{ violence-with-injury.fytd.change }}), {{ violence-with-injury.fytd.direction }}; "
        "rated {{ violence-with-injury.rag }}; Q1 {{ violence-with-injury.q1.value }}; "
        "{{ violence-with-injury.latest.period }} {{ violence-with-injury.latest.value }}; "
        "{{ violence-with-injury.fy }} to {{ violence-with-injury.as_at }}.\n");
    CHECK(f.diagnostics() == "");
    CHECK(first_paragraph(f) ==
          "Violence with injury: 1,769 against 1,812 (" + minus + "2.4%, " + minus +
              "43), down; rated Amber; Q1 554; January 2018 142; 2017/18 to January 2018.");
}

TEST_CASE("performance values: unknown indicators and fields get located did-you-mean hints") {
    Fixture f(
        "A {{ violense-with-injury.fytd.value }} b\n\nc {{ violence-with-injury.fytd.valu }}\n\n"
        "d {{ violence-with-injury.ytd.value }}\n\ne {{ violence-with-injury.q4.previous }}\n");
    std::string text = f.diagnostics();
    CHECK(text.find("07-performance.md:5:3: error: unknown indicator 'violense-with-injury'\n"
                    "  hint: did you mean 'violence-with-injury'?") != std::string::npos);
    CHECK(text.find("07-performance.md:7:3: error: unknown field 'valu' in an indicator value\n"
                    "  hint: did you mean 'value'?") != std::string::npos);
    CHECK(text.find("07-performance.md:9:3: error: unknown measure 'ytd' in an indicator value\n"
                    "  hint: did you mean 'fytd'?") != std::string::npos);
    // Q4 is under way in January: part of a quarter has no previous quarter to compare with.
    CHECK(text.find("07-performance.md:11:3: error: '{{ violence-with-injury.q4.previous }}' has "
                    "no figure: only ended quarters have a previous quarter to compare with") !=
          std::string::npos);
}

TEST_CASE("performance values: a part-year is not compared with a whole one") {
    Fixture f("{{ violence-with-injury.rolling12.value }}\n\n{{ "
              "violence-with-injury.rolling12.change_pct }}\n");
    CHECK(first_paragraph(f) == "2,110");
    CHECK(f.diagnostics() ==
          "content/csp/2018-03-28/07-performance.md:7:1: error: '{{ "
          "violence-with-injury.rolling12.change_pct }}' has no figure: last year's figures do "
          "not cover February 2016 to January 2017 month for month\n"
          "  hint: add the missing months of February 2016 to January 2017 to "
          "content/csp/indicators/violence-with-injury.csv\n");
}

TEST_CASE("performance values: no data at the data date") {
    Fixture f("{{ violence-with-injury.fytd.value }}\n", {2018, 2, 28});
    CHECK(f.diagnostics().find("07-performance.md:5:1: error: indicator 'violence-with-injury' has "
                               "no figure for February 2018") != std::string::npos);
}

TEST_CASE("chart directive: adds a chart spec and places it") {
    Fixture f(
        "```chart\nindicator: violence-with-injury\nkind: quarters\ncaption: By quarter\n```\n"
        "\n```chart\nindicator: marac-repeats\nkind: trend\n```\n");
    CHECK(f.diagnostics() == "");
    REQUIRE(f.paper.charts.size() == 2);
    CHECK(f.paper.charts[0].kind == data::ChartKind::quarter_totals);
    CHECK(f.paper.charts[0].series[1].values[2] == 544);
    CHECK(f.paper.charts[1].kind == data::ChartKind::trend);
    CHECK(f.paper.charts[1].target_low == 28);
    REQUIRE(f.paper.body.blocks.size() == 2);
    CHECK(f.paper.body.blocks[0].kind == doc::BlockKind::chart);
    CHECK(f.paper.body.blocks[0].chart_index == 0);
    CHECK(f.paper.body.blocks[0].caption == "By quarter");
    CHECK(f.paper.body.blocks[1].chart_index == 1);
}

TEST_CASE("chart directive: errors point into the block") {
    Fixture f("```chart\nindicator: violence-with-injury\nkind: quarterly\nlabel: x\n```\n");
    std::string text = f.diagnostics();
    CHECK(text.find("07-performance.md:8:1: error: unknown key 'label' in a ```chart block") !=
          std::string::npos);
    CHECK(f.paper.charts.empty());
    Fixture g("```chart\nindicator: violence-with-injury\nkind: quarterly\n```\n");
    CHECK(g.diagnostics().find("07-performance.md:7:7: error: 'quarterly' is not a valid kind\n"
                               "  hint: did you mean 'quarters'?") != std::string::npos);
}

TEST_CASE("scorecard directive: one table per sub-group with RAG cells") {
    Fixture f("```scorecard\nindicators: [violence-with-injury]\n```\n");
    CHECK(f.diagnostics() == "");
    const doc::Block* table = find_block(f.paper.body.blocks, "scorecard");
    REQUIRE(table);
    CHECK(table->caption == "Violence and vulnerability");
    CHECK(doc::plain_text(table->header.cells[1].content) == "2017/18 to date");
    REQUIRE(table->rows.size() == 1);
    const doc::TableRow& row = table->rows[0];
    CHECK(cell_text(row, 0) == "Violence with injury");
    CHECK(cell_text(row, 1) == "1,769");
    CHECK(cell_text(row, 2) == "1,812");
    CHECK(cell_text(row, 3) == minus + "2.4% (" + minus + "43)");
    CHECK(cell_text(row, 4) == "Amber");
    CHECK(row.cells[4].rag == doc::Rag::amber);
    CHECK(cell_text(row, 5) == "down (better)");
}

TEST_CASE("indicator directive: a one-page summary") {
    Fixture f("```indicator\nid: violence-with-injury\noverview: |\n  Fewer offences than last "
              "year: **{{ violence-with-injury.fytd.change_pct }}**.\nactions: |\n  - Daily "
              "review meetings.\n```\n");
    CHECK(f.diagnostics() == "");
    const auto& blocks = f.paper.body.blocks;
    REQUIRE(blocks.size() >= 9);
    CHECK(blocks[0].kind == doc::BlockKind::page_break); // a page of its own in the pack
    CHECK(blocks[1].kind == doc::BlockKind::heading);
    CHECK(doc::plain_text(blocks[1].inlines) == "Violence with injury");
    const doc::Block* definition = find_block(blocks, "indicator-definition");
    REQUIRE(definition);
    CHECK(cell_text(definition->rows[0], 0) == "Source");
    CHECK(cell_text(definition->rows[0], 1) == "Police recorded crime");
    const doc::Block* status = find_block(blocks, "indicator-status");
    REQUIRE(status);
    CHECK(status->rows[0].cells[0].rag == doc::Rag::amber);
    CHECK(cell_text(status->rows[0], 0) == "Amber");
    REQUIRE(f.paper.charts.size() == 2); // the months, then the quarters
    CHECK(f.paper.charts[0].id == "violence-with-injury-monthly");
    CHECK(f.paper.charts[1].id == "violence-with-injury-quarters");
    CHECK(f.paper.charts[0].height_pt < 150);
    CHECK(f.paper.charts[1].height_pt < 150);
    const doc::Block* figures = find_block(blocks, "indicator-figures");
    REQUIRE(figures);
    CHECK(cell_text(figures->rows[0], 0) == "Year to date (April 2017 to January 2018)");
    CHECK(cell_text(figures->rows[0], 1) == "1,812");
    CHECK(cell_text(figures->rows[0], 2) == "1,769");
    // The ended quarters are on the quarterly chart; the table adds the quarter under way,
    // which in January is the latest month: January 2018's 142 against January 2017's 154.
    CHECK(f.paper.charts[1].series[1].values[2] == 544); // Q3: 191 + 160 + 193
    CHECK(cell_text(figures->rows[1], 0) == "Latest month (January 2018), Q4 to date (Jan)");
    CHECK(cell_text(figures->rows[1], 1) == "154");
    CHECK(cell_text(figures->rows[1], 2) == "142");
    CHECK(cell_text(figures->rows[2], 0) == "Rolling 12 months");
    bool found_overview = false;
    for (const auto& block : blocks)
        if (block.kind == doc::BlockKind::paragraph &&
            doc::plain_text(block.inlines) == "Fewer offences than last year: " + minus + "2.4%.")
            found_overview = true;
    CHECK(found_overview);
    CHECK(blocks.back().kind == doc::BlockKind::bullet_list);
}

TEST_CASE("indicator directive: the summary states a numeric target as the site does") {
    Fixture f("```indicator\nid: marac-repeats\n```\n");
    CHECK(f.diagnostics() == "");
    // The year's target figure is in the status table; without target_text the definition
    // table does not repeat it.
    const doc::Block* status = find_block(f.paper.body.blocks, "indicator-status");
    REQUIRE(status);
    CHECK(doc::plain_text(status->header.cells[3].content) == "Target");
    CHECK(cell_text(status->rows[0], 3) == "28.0% to 40.0%");
    CHECK(cell_text(status->rows[0], 3) ==
          data::target_phrase(*f.board.indicators->find("marac-repeats")));
    // The fixture's definition has no texts, so there is no definition table at all.
    CHECK(find_block(f.paper.body.blocks, "indicator-definition") == nullptr);
}

TEST_CASE("performance values: unsigned changes and the change in words") {
    // Year to date 1,769 against 1,812: −43, −2.37% → 2.4%. January 142 against 154: −7.8%.
    // Q3 544 against Q2 529: up on the quarter before.
    Fixture f("Offences fell by {{ violence-with-injury.fytd.abs_change }} "
              "({{ violence-with-injury.fytd.abs_change_pct }}), "
              "{{ violence-with-injury.latest.change_words }} in January; "
              "{{ violence-with-injury.q4.label }}: {{ violence-with-injury.q4.value }} against "
              "{{ violence-with-injury.q4.last_year }}; the latest quarter was "
              "{{ violence-with-injury.latest_quarter.previous_direction }} on "
              "{{ violence-with-injury.latest_quarter.previous }} "
              "({{ violence-with-injury.quarter_direction }}); rated on the "
              "{{ violence-with-injury.basis }}.\n");
    CHECK(f.diagnostics() == "");
    CHECK(first_paragraph(f) ==
          "Offences fell by 43 (2.4%), a fall of 7.8% in January; Q4 to date (Jan): 142 against "
          "154; the latest quarter was up on 529 (up); rated on the year to date.");
}

TEST_CASE("performance values: a broken definition is not also an unknown indicator") {
    MemoryFileSystem files;
    files.add("content/csp/indicators/burglary.yaml",
              "title: Burglary\nrag:\n  rules:\n    - grean: change_pct <= -5\n"
              "    - otherwise: red\n");
    files.add("content/csp/indicators/burglary.csv", "period,value\n2018-01,12\n");
    Site site;
    Board board;
    Meeting meeting;
    Paper paper;
    DiagnosticSink sink;
    board.folder = "content/csp";
    board.indicators = data::load_indicators(files, "content/csp", 4, sink);
    meeting.data_date = {2018, 1, 31};
    paper.source_path = "content/csp/2018-03-28/07-performance.md";
    paper.body = markdown::parse("{{ burglary.fytd.value }}\n\n```indicator\nid: burglary\n```\n",
                                 {paper.source_path, 1, 1}, sink, directive_parse_options());
    paper.body_loaded = true;
    DirectiveContext context{site, board, meeting, paper, sink};
    expand_directives(context);
    std::string text;
    for (const auto& d : sink.sorted())
        text += format_diagnostic(d) + "\n";
    CHECK(text.find("content/csp/indicators/burglary.yaml:4:7: error: unknown rating 'grean'") !=
          std::string::npos);
    CHECK(text.find("unknown indicator") == std::string::npos);
    CHECK(sink.error_count() == 1);
}

TEST_CASE("scorecard and summary: comparators are columns") {
    MemoryFileSystem files;
    files.add("content/csp/indicators/marac.yaml",
              fixtures::marac_yaml + "comparators:\n  - name: National\n    column: national\n");
    std::string csv = "period,value,numerator,denominator,national\n";
    for (const auto& line : split(fixtures::marac_csv, '\n'))
        if (!line.empty() && line[0] == '2')
            csv += line + (line.rfind("2017-04", 0) == 0 ? ",27.0\n" : ",29.0\n");
    files.add("content/csp/indicators/marac.csv", csv);
    Site site;
    Board board;
    Meeting meeting;
    Paper paper;
    DiagnosticSink sink;
    board.folder = "content/csp";
    board.indicators = data::load_indicators(files, "content/csp", 4, sink);
    REQUIRE_FALSE(sink.has_errors());
    meeting.data_date = {2018, 1, 31};
    paper.source_path = "p.md";
    paper.body =
        markdown::parse("```scorecard\nindicators: [marac]\ncomparators: [National]\n```\n",
                        {"p.md", 1, 1}, sink, directive_parse_options());
    paper.body_loaded = true;
    DirectiveContext context{site, board, meeting, paper, sink};
    expand_directives(context);
    REQUIRE_FALSE(sink.has_errors());
    const doc::Block* table = find_block(paper.body.blocks, "scorecard");
    REQUIRE(table);
    CHECK(doc::plain_text(table->header.cells[4].content) == "National");
    // April 27.0 and May to January 29.0: (27.0 + 9 × 29.0) ÷ 10 = 28.8%.
    CHECK(cell_text(table->rows[0], 4) == "28.8%");
    CHECK(doc::plain_text(table->header.cells[5].content) == "RAG");
}

TEST_CASE("scorecard: a comparator no listed indicator has is a located error") {
    Fixture f("```scorecard\nindicators: [violence-with-injury]\ncomparators: [London]\n```\n");
    CHECK(f.diagnostics().find("07-performance.md:7:15: error: no indicator in the scorecard has a "
                               "comparator 'London'") != std::string::npos);
}
