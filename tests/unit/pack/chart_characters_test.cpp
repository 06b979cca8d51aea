// A chart's character that no installed font has is a warning at the place it was written.
#include "pack/missing_glyphs.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace bp;

namespace {

struct SourceFolder {
    std::filesystem::path root =
        std::filesystem::temp_directory_path() / ("bp-chart-chars-" + std::to_string(getpid()));
    SourceFolder() { std::filesystem::create_directories(root / "board" / "indicators"); }
    ~SourceFolder() { std::filesystem::remove_all(root); }
    void write(const std::string& path, const std::string& text) const {
        std::ofstream(root / path, std::ios::binary) << text;
    }
};

data::ChartSpec journeys_chart() {
    data::ChartSpec spec;
    spec.kind = data::ChartKind::monthly_comparison;
    spec.id = "night-bus-journeys-monthly";
    spec.unit = "journeys \xEE\x80\x80";
    spec.categories = {"Apr", "May", "Jun"};
    spec.series = {{"2023/24", {410.0, 395.0, 430.0}}};
    spec.sources = {{"board/2024-09-10/02-paper.md", 4, 1},
                    {"board/indicators/night-bus-journeys.yaml", 1, 1}};
    return spec;
}

} // namespace

TEST_CASE("a chart's unfound character is warned at its first use in the indicator definition") {
    SourceFolder folder;
    std::filesystem::create_directories(folder.root / "board" / "2024-09-10");
    folder.write("board/2024-09-10/02-paper.md",
                 "---\ntitle: Paper\n---\n```chart\nindicator: night-bus-journeys\n```\n");
    folder.write("board/indicators/night-bus-journeys.yaml",
                 "title: Night bus journeys\nunit: count\nmeasure: journeys \xEE\x80\x80\n");
    DiagnosticSink sink;
    pack::report_chart_characters(journeys_chart(), pack::FontFiles{}, folder.root.string(), sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    const Diagnostic& warning = diagnostics[0];
    CHECK(warning.severity == Severity::warning);
    CHECK(warning.location.file == "board/indicators/night-bus-journeys.yaml");
    CHECK(warning.location.line == 3);
    CHECK(warning.location.column == 19);
    CHECK(warning.message == "no installed font has U+E000 (\xEE\x80\x80), so the chart "
                             "'night-bus-journeys-monthly' shows nothing in its place");
    CHECK(warning.hint.find("fonts-noto-core") != std::string::npos);
}

TEST_CASE("a chart's unfound character written in its directive is warned there") {
    SourceFolder folder;
    std::filesystem::create_directories(folder.root / "board" / "2024-09-10");
    // The same character earlier in the paper is not the chart's: the search starts at the
    // directive's line.
    folder.write("board/2024-09-10/02-paper.md",
                 "---\ntitle: \xEE\x80\x80\n---\n```chart\nindicator: x\ntitle: Trips "
                 "\xEE\x80\x80\n```\n");
    folder.write("board/indicators/night-bus-journeys.yaml", "measure: journeys\n");
    data::ChartSpec spec = journeys_chart();
    spec.sources[0].line = 4;
    DiagnosticSink sink;
    pack::report_chart_characters(spec, pack::FontFiles{}, folder.root.string(), sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].location.file == "board/2024-09-10/02-paper.md");
    CHECK(diagnostics[0].location.line == 6);
    CHECK(diagnostics[0].location.column == 14);
}

TEST_CASE("each unfound character of a chart is warned once and a chart with none is silent") {
    SourceFolder folder;
    data::ChartSpec spec = journeys_chart();
    spec.categories = {"Apr \xEE\x80\x80", "May \xEE\x80\x81", "Jun \xEE\x80\x80"};
    DiagnosticSink sink;
    pack::report_chart_characters(spec, pack::FontFiles{}, folder.root.string(), sink);
    // U+E000 (unit and two categories) once, U+E001 once; unreadable sources: the directive.
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].location.file == "board/2024-09-10/02-paper.md");
    CHECK(diagnostics[0].location.line == 4);
    DiagnosticSink quiet;
    spec.unit = "journeys";
    spec.categories = {"Apr", "May", "Jun"};
    pack::report_chart_characters(spec, pack::FontFiles{}, folder.root.string(), quiet);
    CHECK(quiet.warning_count() == 0);
}
