#include "../house_style_yaml.hpp"
#include "pack/house_style.hpp"
#include "pack/pack.hpp"
#include "pack/pack_plan.hpp"
#include "pack_fixture.hpp"
#include "pdf_probe.hpp"

#include <doctest/doctest.h>
#include <regex>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

TEST_CASE("site.yaml's RAG colours and type sizes reach the pack's layout") {
    DiagnosticSink sink;
    content::SiteConfig config = house_style_sample::load_config(sink);
    REQUIRE_FALSE(sink.has_errors());
    layout::TextStyle style = pack_geometry(config).text;
    CHECK(style.rag.red.r == doctest::Approx(0x12 / 255.0));
    CHECK(style.rag.red.g == doctest::Approx(0x34 / 255.0));
    CHECK(style.rag.red.b == doctest::Approx(0x56 / 255.0));
    CHECK(style.rag.amber.r == doctest::Approx(0xfe / 255.0));
    CHECK(style.rag.green.g == doctest::Approx(0x70 / 255.0)); // the default stays
    CHECK(style.body_size == 12);
    CHECK(style.leading == 1.5);
    CHECK(style.heading_sizes[3] == 12.5);
    CHECK(style.heading_sizes[5] == 12);
}

TEST_CASE("bad house style values are located errors") {
    MemoryFileSystem files;
    files.add("site.yaml", "title: Papers\norganisation: Council\n"
                           "style:\n  body_size: 7\n  leadin: 1.4\n");
    DiagnosticSink sink;
    content::load_site_config(files, sink);
    std::string messages;
    for (const auto& d : sink.sorted())
        messages += format_diagnostic(d) + "\n";
    CHECK(messages.find("site.yaml:4:14: error: style 'body_size' must be a number from 9 to 16") !=
          std::string::npos);
    CHECK(messages.find("leadin") != std::string::npos);
}

TEST_CASE("a RAG cell prints in site.yaml's colour, its text readable on it") {
    auto fixture = make_fixture("house-style-rag");
    DiagnosticSink load_sink;
    fixture->site.config.rag = house_style_sample::load_config(load_sink).rag;
    doc::Block table;
    table.kind = doc::BlockKind::table;
    table.header.cells = {{{text("Measure")}}, {{text("Status")}}};
    doc::TableRow row;
    row.cells = {{{text("Repeat calls")}}, {{text("Red")}, doc::Rag::red}};
    doc::TableRow amber;
    amber.cells = {{{text("Response times")}}, {{text("Amber")}, doc::Rag::amber}};
    table.rows = {row, amber};
    content::Paper& paper = fixture->meeting.items[2].papers[0];
    paper.body.blocks.insert(paper.body.blocks.begin(), table);
    DiagnosticSink sink;
    PackOutput output = build_meeting_pack(fixture->site, fixture->board, fixture->meeting,
                                           content::Audience::public_audience, resources(), sink);
    REQUIRE(output.summary.built);
    std::string path = save_pdf(fixture->folder, "pack.pdf", output.pack_pdf);
    std::string plain = fixture->folder.string() + "/plain.pdf";
    REQUIRE(
        run_command("qpdf --qdf --object-streams=disable '" + path + "' '" + plain + "'").status ==
        0);
    std::string content = run_command("cat '" + plain + "'").output;
    // #123456 as libharu writes it: 0.0706 0.2039 0.3373
    CHECK(std::regex_search(content, std::regex(R"(0\.07\d* 0\.20\d* 0\.33\d* rg)")));
    // Near-black text on the light amber #fedcba, white on the dark red.
    CHECK(std::regex_search(content, std::regex(R"(0\.99\d* 0\.86\d* 0\.72\d* rg)")));
    CHECK(std::regex_search(content, std::regex(R"(0\.043\d* 0\.047\d* 0\.047\d* rg)")));
}

TEST_CASE("chart text prints at 9 pt or more once the chart is scaled into its box") {
    for (double scale : {1.0, 0.94, 0.5}) {
        chart::ChartStyle style = print_chart_style(scale);
        CHECK(style.label_size * scale >= doctest::Approx(9));
        CHECK(style.value_size * scale >= doctest::Approx(9));
        CHECK(style.title_size * scale >= 9);
    }
    CHECK(print_chart_style(1.0).label_size == 9);
}
