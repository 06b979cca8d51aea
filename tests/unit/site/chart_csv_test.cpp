#include "site/chart_figure.hpp"

#include <doctest/doctest.h>

TEST_CASE("a chart's figures download as CSV, with gaps left empty") {
    bp::data::ChartSpec chart;
    chart.id = "burglary-monthly";
    chart.title = "Burglary, by month";
    chart.categories = {"Apr", "May"};
    chart.series = {{"2016/17", {107.0, 91.0}}, {"2017/18", {120.0, std::nullopt}}};
    CHECK(bp::site::render_chart_csv(chart) ==
          "Period,2016/17,2017/18\r\nApr,107,120\r\nMay,91,\r\n");
    std::string html = bp::site::render_chart_figure(chart, "chart-1", {});
    CHECK(html.find(
              "href=\"data:text/csv;charset=utf-8,Period%2C2016%2F17%2C2017%2F18%0D%0AApr%2C107") !=
          std::string::npos);
    CHECK(html.find("download=\"burglary-monthly.csv\"") != std::string::npos);
}

TEST_CASE("CSV cells with commas or quotes are quoted") {
    bp::data::ChartSpec chart;
    chart.categories = {"Theft, other"};
    chart.series = {{"The \"old\" count", {1.5}}};
    CHECK(bp::site::render_chart_csv(chart) ==
          "Period,\"The \"\"old\"\" count\"\r\n\"Theft, other\",1.5\r\n");
}

TEST_CASE("a chart on a page draws its text in the family the site's pages are set in") {
    bp::data::ChartSpec chart;
    chart.id = "burglary-monthly";
    chart.title = "Burglary, by month";
    chart.categories = {"Apr", "May"};
    chart.series = {{"2016/17", {107.0, 91.0}}, {"2017/18", {120.0, 99.0}}};
    std::string font_dir = bp::chart::bundled_font_dir(BOARDPACK_SOURCE_ROOT);
    bp::chart::FamilyChoice serif = bp::chart::choose_family("Noto Serif", font_dir);
    REQUIRE(serif.installed);
    std::string bundled_html =
        bp::site::render_chart_figure(chart, "chart-1", bp::chart::bundled_font_files(font_dir));
    std::string serif_html = bp::site::render_chart_figure(chart, "chart-1", serif.files);
    // Cairo draws each glyph as an outline: other letterforms, other outlines, the same figure.
    CHECK(serif_html != bundled_html);
    CHECK(bp::site::render_chart_figure(chart, "chart-1", {}) == bundled_html);
    auto table = [](const std::string& html) { return html.substr(html.find("<details")); };
    CHECK(table(serif_html) == table(bundled_html));
}
