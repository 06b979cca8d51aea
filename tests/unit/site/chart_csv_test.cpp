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
    std::string html = bp::site::render_chart_figure(chart, "chart-1");
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
