#include "data/chart_builders.hpp"
#include "indicator_fixtures.hpp"

#include <doctest/doctest.h>

using namespace bp::data;
using bp::DiagnosticSink;

namespace {

Indicator load(const std::string& id, const std::string& yaml, const std::string& csv) {
    DiagnosticSink sink;
    auto indicator =
        parse_indicator(id, yaml, id + ".yaml", csv, id + ".csv", FinancialCalendar(4), sink);
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(indicator);
    return *indicator;
}

std::vector<std::optional<double>> values(std::initializer_list<std::optional<double>> list) {
    return list;
}

} // namespace

TEST_CASE("charts: monthly comparison, this year against last, April to March") {
    Indicator vwi = load("violence-with-injury", fixtures::violence_yaml, fixtures::violence_csv);
    ChartSpec spec = monthly_comparison_chart(vwi, FinancialCalendar(4), {2018, 1});
    CHECK(spec.kind == ChartKind::monthly_comparison);
    CHECK(spec.id == "violence-with-injury-monthly");
    CHECK(spec.title == "Violence with injury, by month, 2017/18 against 2016/17");
    CHECK(spec.unit == "offences");
    REQUIRE(spec.categories.size() == 12);
    CHECK(spec.categories[0] == "Apr");
    CHECK(spec.categories[11] == "Mar");
    REQUIRE(spec.series.size() == 2);
    CHECK(spec.series[0].name == "2016/17");
    CHECK(spec.series[1].name == "2017/18");
    CHECK(spec.series[0].values ==
          values({166, 202, 195, 214, 190, 196, 158, 174, 163, 154, 153, 188}));
    CHECK(spec.series[1].values ==
          values({166, 206, 182, 178, 168, 183, 191, 160, 193, 142, std::nullopt, std::nullopt}));
    CHECK(spec.description == "Down 2.4% on the same period last year (1,769 against 1,812); "
                              "highest month was May (206).");
}

TEST_CASE("charts: quarter totals") {
    Indicator vwi = load("violence-with-injury", fixtures::violence_yaml, fixtures::violence_csv);
    ChartSpec spec = quarter_totals_chart(vwi, FinancialCalendar(4), {2018, 1});
    CHECK(spec.kind == ChartKind::quarter_totals);
    CHECK(spec.categories == std::vector<std::string>{"Q1", "Q2", "Q3", "Q4"});
    REQUIRE(spec.series.size() == 2);
    CHECK(spec.series[0].values == values({563, 600, 495, 495}));
    CHECK(spec.series[1].values == values({554, 529, 544, std::nullopt}));
    // Q1–Q3: 1,627 against 1,658 is −1.87%.
    CHECK(spec.description == "Q1\xE2\x80\x93Q3: down 1.9% on the same period last year (1,627 "
                              "against 1,658); highest quarter was Q1 (554).");
}

TEST_CASE("charts: trend with a target band") {
    Indicator marac = load("marac", fixtures::marac_yaml, fixtures::marac_csv);
    ChartSpec spec = trend_chart(marac, {2017, 6});
    CHECK(spec.kind == ChartKind::trend);
    CHECK(spec.target_low == 28);
    CHECK(spec.target_high == 40);
    CHECK(spec.categories == std::vector<std::string>{"Apr 2017", "May 2017", "Jun 2017"});
    REQUIRE(spec.series.size() == 1);
    REQUIRE(spec.series[0].values[0]);
    CHECK(*spec.series[0].values[0] == doctest::Approx(22.727).epsilon(1e-4));
    CHECK(spec.description == "From April 2017 to June 2017; latest 16.7%; highest was April "
                              "2017 (22.7%); the latest figure is outside the target band of "
                              "28.0% to 40.0%.");
}

TEST_CASE("charts: trend of all data stops at the data month") {
    Indicator vwi = load("violence-with-injury", fixtures::violence_yaml, fixtures::violence_csv);
    ChartSpec spec = trend_chart(vwi, {2017, 12});
    CHECK(spec.categories.size() == 21);
    CHECK(spec.categories.front() == "Apr 2016");
    CHECK(spec.categories.back() == "Dec 2017");
    CHECK_FALSE(spec.target_low.has_value());
    CHECK(spec.description == "From April 2016 to December 2017; latest 193; highest was July "
                              "2016 (214).");
}

TEST_CASE("charts: category comparison of several indicators") {
    Indicator vwi = load("violence-with-injury", fixtures::violence_yaml, fixtures::violence_csv);
    Indicator knife =
        load("knife-crime", "title: Knife crime\n", "period,value\n2016-04,20\n2017-04,35\n");
    ChartSpec spec = category_chart({&vwi, &knife}, FinancialCalendar(4), {2017, 4}, "violence");
    CHECK(spec.kind == ChartKind::category_comparison);
    CHECK(spec.id == "violence");
    CHECK(spec.categories == std::vector<std::string>{"Violence with injury", "Knife crime"});
    CHECK(spec.series[0].values == values({166, 20}));
    CHECK(spec.series[1].values == values({166, 35}));
    CHECK(spec.description == "Year to date April 2017 against the same period last year; the "
                              "largest change was Knife crime: up 75.0% on the same period last "
                              "year (35 against 20).");
}

TEST_CASE("charts: sparkline of the last twelve months") {
    Indicator vwi = load("violence-with-injury", fixtures::violence_yaml, fixtures::violence_csv);
    ChartSpec spec = sparkline_chart(vwi, {2018, 1});
    CHECK(spec.kind == ChartKind::sparkline);
    CHECK(spec.categories.size() == 12);
    CHECK(spec.categories.front() == "Feb 2017");
    CHECK(spec.series[0].values.back() == 142);
    CHECK(spec.width_pt < 100);
    CHECK(spec.description == "Violence with injury from February 2017 to January 2018; latest "
                              "142; highest May 2017 (206).");
}

TEST_CASE("charts: a band-rated percentage shows its band by month, a count does not") {
    Indicator marac = load("marac", fixtures::marac_yaml, fixtures::marac_csv);
    ChartSpec spec = monthly_comparison_chart(marac, FinancialCalendar(4), {2018, 1});
    REQUIRE(spec.target_low);
    REQUIRE(spec.target_high);
    CHECK(*spec.target_low == 28);
    CHECK(*spec.target_high == 40);
    CHECK(spec.decimals == marac.display_decimals());
    Indicator vwi = load("violence-with-injury", fixtures::violence_yaml, fixtures::violence_csv);
    ChartSpec counts = monthly_comparison_chart(vwi, FinancialCalendar(4), {2018, 1});
    CHECK_FALSE(counts.target_low);
    CHECK(counts.decimals == 0);
    CHECK(counts.unit == "offences");
    CHECK(spec.unit == "%");
}

TEST_CASE("charts: a count with no measure says 'Number' on its axis") {
    Indicator calls = load("calls", "title: Calls\nunit: count\npolarity: lower-is-better\n",
                           "period,value\n2017-04,12\n2017-05,15\n");
    CHECK(monthly_comparison_chart(calls, FinancialCalendar(4), {2017, 5}).unit == "Number");
}
