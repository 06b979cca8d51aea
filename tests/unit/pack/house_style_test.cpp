#include "../house_style_yaml.hpp"
#include "pack/font_family.hpp"
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
    PackOutput output = public_pack(*fixture, sink);
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
        chart::ChartStyle style = print_chart_style(scale, {});
        CHECK(style.label_size * scale >= doctest::Approx(9));
        CHECK(style.value_size * scale >= doctest::Approx(9));
        CHECK(style.title_size * scale >= 9);
    }
    CHECK(print_chart_style(1.0, {}).label_size == 9);
}

namespace {

content::SiteConfig config_with_body_font(const std::string& family, DiagnosticSink& sink) {
    MemoryFileSystem files;
    files.add("site.yaml", "title: Papers\norganisation: Council\nstyle:\n  body_size: 11\n"
                           "  body_font: \"" +
                               family + "\"\n");
    return content::load_site_config(files, sink);
}

std::string bundled_dir() {
    return std::string(BOARDPACK_SOURCE_ROOT) + "/assets/fonts";
}

} // namespace

TEST_CASE("site.yaml's body font is found among the installed fonts and embedded in the pack") {
    DiagnosticSink sink;
    content::SiteConfig config = config_with_body_font("Noto Serif", sink);
    FontFiles fonts = body_font_files(config.type, bundled_dir(), sink);
    REQUIRE(sink.sorted().empty());
    CHECK(fonts.family == "Noto Serif");
    CHECK(fonts.paths[0].find("NotoSerif-Regular.ttf") != std::string::npos);
    CHECK(fonts.paths[1].find("NotoSerif-Bold.ttf") != std::string::npos);
    CHECK(fonts.paths[2].find("NotoSerif-Italic.ttf") != std::string::npos);
    CHECK(fonts.paths[3].find("NotoSerif-BoldItalic.ttf") != std::string::npos);

    auto fixture = make_fixture("house-style-serif");
    fixture->site.config.type = config.type;
    PackOutput output = build_meeting_pack(fixture->site, fixture->board, fixture->meeting,
                                           content::Audience::public_audience, {fonts}, sink);
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(output.summary.built);
    std::string path = save_pdf(fixture->folder, "pack.pdf", output.pack_pdf);
    CommandResult listed = run_command("pdffonts '" + path + "' 2>&1");
    REQUIRE(listed.status == 0);
    // Subsets of the serif faces, with the text they paint still extractable.
    CHECK(std::regex_search(listed.output,
                            std::regex(R"([A-Z]{6}\+NotoSerif-Regular\S*\s+CID TrueType\s+)"
                                       R"(Identity-H\s+yes\s+yes\s+yes)")));
    CHECK(std::regex_search(listed.output, std::regex(R"([A-Z]{6}\+NotoSerif-Bold)")));
    // Nothing the pack sets is in the bundled face, its chart included, which is set in the
    // pack's own faces rather than a second copy of them (Cairo would embed a chart's face as
    // a simple TrueType font). Only the fixture's PDF appendix brings a Noto Sans.
    CHECK_FALSE(std::regex_search(listed.output, std::regex(R"(NotoSans-\S+\s+CID TrueType)")));
    CHECK_FALSE(std::regex_search(listed.output, std::regex(R"(NotoSerif-\S+\s+TrueType)")));
    CHECK_FALSE(std::regex_search(listed.output, std::regex(R"([A-Z]{6}\+NotoSans-Regular)")));
    CHECK(listed.output.find("Syntax Error") == std::string::npos);
    CommandResult text = run_command("pdftotext '" + path + "' - 2>&1");
    CHECK(text.output.find("Any other business") != std::string::npos);
    CHECK(text.output.find("ffences") != std::string::npos); // the chart's unit
    CHECK(text.output.find("Invalid") == std::string::npos); // the ToUnicode maps were rewritten
}

TEST_CASE("a body font that is not installed is a located warning, and the bundled font prints") {
    DiagnosticSink sink;
    content::SiteConfig config = config_with_body_font("Quill Roman Nonexistent", sink);
    REQUIRE(sink.sorted().empty());
    FontFiles fonts = body_font_files(config.type, bundled_dir(), sink);
    CHECK(fonts.key() == bundled_font_files(bundled_dir()).key());
    std::vector<Diagnostic> diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    const Diagnostic& warning = diagnostics.front();
    CHECK(warning.severity == Severity::warning);
    CHECK(format_diagnostic(warning).find("site.yaml:5:14: warning: font family 'Quill Roman "
                                          "Nonexistent' is not installed") != std::string::npos);
    // The hint names families that are installed, so one can be copied into site.yaml.
    // (Which families depends on the machine: the chart module's tests check the list.)
    std::string alternatives = chart::installed_alternatives("Quill Roman Nonexistent");
    REQUIRE_FALSE(alternatives.empty());
    CHECK(warning.hint.find("installed families include " + alternatives + " (") !=
          std::string::npos);
    CHECK(warning.hint.find("fc-list") != std::string::npos);
}

TEST_CASE("the bundled Noto Sans stays the default, also when named") {
    DiagnosticSink sink;
    std::string bundled = bundled_font_files(bundled_dir()).key();
    CHECK(body_font_files(content::Typography{}, bundled_dir(), sink).key() == bundled);
    content::SiteConfig config = config_with_body_font("noto sans", sink);
    CHECK(body_font_files(config.type, bundled_dir(), sink).key() == bundled);
    CHECK(sink.sorted().empty());
}

TEST_CASE("a family missing a style sets it in the nearest face of the family") {
    // Families without italics are common; fontconfig then offers the upright face again. A
    // face repeated for two styles is embedded once and still paints both styles' text.
    FontFiles bundled = bundled_font_files(bundled_dir());
    FontFiles repeated = bundled;
    repeated.family = "Noto Sans (upright only)";
    repeated.paths[2] = bundled.paths[0];
    repeated.paths[3] = bundled.paths[1];
    auto fixture = make_fixture("house-style-upright");
    doc::Block emphasis = paragraph("Plain words");
    doc::Inline slanted;
    slanted.kind = doc::InlineKind::emphasis;
    slanted.children.push_back(text(" slanted words"));
    emphasis.inlines.push_back(slanted);
    fixture->meeting.items[2].papers[0].body.blocks.push_back(emphasis);
    DiagnosticSink sink;
    PackOutput output = build_meeting_pack(fixture->site, fixture->board, fixture->meeting,
                                           content::Audience::public_audience, {repeated}, sink);
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(output.summary.built);
    std::string path = save_pdf(fixture->folder, "pack.pdf", output.pack_pdf);
    CommandResult listed = run_command("pdffonts '" + path + "' 2>&1");
    // libharu embeds the upright face once; only a chart's own text could bring the italic.
    CHECK_FALSE(
        std::regex_search(listed.output, std::regex(R"(NotoSans-Italic\S*\s+CID TrueType)")));
    CHECK(std::regex_search(listed.output, std::regex(R"(NotoSans-Regular\S*\s+CID TrueType)")));
    CommandResult text = run_command("pdftotext '" + path + "' - 2>&1");
    CHECK(text.output.find("slanted words") != std::string::npos);
}
