// A chart drawn for the pack's own page, in the pack's faces, or left to Cairo.
#include "pack/chart_drawing.hpp"
#include "pack/house_style.hpp"
#include "pack_fixture.hpp"
#include "pdf_probe.hpp"

#include <doctest/doctest.h>
#include <regex>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

namespace {

data::ChartSpec violence_chart() {
    data::ChartSpec chart;
    chart.id = "violence-monthly";
    chart.kind = data::ChartKind::monthly_comparison;
    chart.title = "Violence with injury, monthly";
    chart.unit = "offences";
    chart.categories = {"Apr", "May", "Jun"};
    chart.series = {{"2016/17", {150.0, 162.0, 171.0}}, {"2017/18", {158.0, 149.0, 180.0}}};
    return chart;
}

chart::ChartStyle pack_style() {
    return print_chart_style(1, resources().fonts);
}

std::string all_operators(const ChartDrawing& drawing) {
    std::string all;
    for (const auto& piece : drawing.pieces)
        all += piece.operators;
    return all;
}

} // namespace

TEST_CASE("a chart is drawn as operators, its words kept for the faces' subsets") {
    auto drawing = make_chart_drawing(violence_chart(), pack_style());
    REQUIRE(drawing.has_value());
    CHECK(drawing->width == 480);
    CHECK(drawing->height == 220);
    const std::string& regular = drawing->text_in[static_cast<int>(layout::FontStyle::regular)];
    for (const char* word : {"Apr", "May", "Jun", "2016/17", "2017/18"})
        CHECK(regular.find(word) != std::string::npos);
    CHECK(drawing->text_in[static_cast<int>(layout::FontStyle::italic)].empty());
    // Each run of text names its face and size; the bars are filled rectangles.
    int texts = 0;
    for (const auto& piece : drawing->pieces)
        if (piece.style) {
            ++texts;
            CHECK(piece.size >= 9); // print_chart_style's smallest size at this scale
            CHECK(piece.operators.starts_with("BT 1 0 0 -1 "));
        }
    CHECK(texts >= 8);
    std::string operators = all_operators(*drawing);
    CHECK(operators.find(" re\nf\n") != std::string::npos);
    // What the chart saved it restored.
    std::size_t saves = 0, restores = 0;
    for (std::size_t at = operators.find("q\n"); at != std::string::npos;
         at = operators.find("q\n", at + 1))
        saves += at == 0 || operators[at - 1] == '\n';
    for (std::size_t at = operators.find("Q\n"); at != std::string::npos;
         at = operators.find("Q\n", at + 1))
        restores += at == 0 || operators[at - 1] == '\n';
    CHECK(saves == restores);
}

TEST_CASE("the same chart is drawn to the same operators") {
    auto first = make_chart_drawing(violence_chart(), pack_style());
    auto second = make_chart_drawing(violence_chart(), pack_style());
    REQUIRE(first.has_value());
    REQUIRE(second.has_value());
    CHECK(all_operators(*first) == all_operators(*second));
}

TEST_CASE("a chart whose words need another installed font is left to Cairo") {
    data::ChartSpec chart = violence_chart();
    chart.unit = "offences \xE2\x9C\x93"; // a check mark, which Noto Sans lacks
    CHECK_FALSE(make_chart_drawing(chart, pack_style()).has_value());
}

TEST_CASE("a pack's chart is set in the pack's own faces, on its page") {
    auto pack = build_pack("chart-drawing");
    REQUIRE_FALSE(pack->sink.has_errors());
    std::string path = save_pdf(pack->fixture->folder, "pack.pdf", pack->output.pack_pdf);
    int chart_page = 0;
    for (int page = 1; page <= pack->output.summary.pages && chart_page == 0; ++page)
        if (page_text(path, page).find("ffences") != std::string::npos) // the chart's unit
            chart_page = page;
    REQUIRE(chart_page > 0);
    std::string on_page = std::to_string(chart_page);
    CommandResult fonts =
        run_command("pdffonts -f " + on_page + " -l " + on_page + " '" + path + "' 2>&1");
    REQUIRE(fonts.status == 0);
    // The page's faces are the pack's, as subsets of characters: no simple TrueType copy of
    // them for the chart (Cairo would embed one).
    CHECK(std::regex_search(fonts.output, std::regex(R"(NotoSans-Regular\S*\s+CID TrueType)")));
    CHECK_FALSE(std::regex_search(fonts.output, std::regex(R"(\s+TrueType\s+WinAnsi)")));
    CHECK(run_command("qpdf --check '" + path + "' 2>&1").status == 0);
}
