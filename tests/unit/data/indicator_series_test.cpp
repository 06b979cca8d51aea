// Series kinds, time periods, figures by financial year and comparators, on small figures whose
// results are worked out by hand in the comments.
#include "core/filesystem.hpp"
#include "core/text.hpp"
#include "data/chart_builders.hpp"
#include "data/figure_format.hpp"
#include "data/indicator_calculations.hpp"
#include "indicator_fixtures.hpp"

#include <doctest/doctest.h>

using namespace bp::data;
using bp::Date;
using bp::DiagnosticSink;

namespace {

const std::string minus = [] {
    std::string one = bp::format_number(-1);
    return one.substr(0, one.size() - 1);
}();

Indicator parse_ok(const std::string& yaml, const std::string& csv) {
    DiagnosticSink sink;
    auto indicator =
        parse_indicator("x", yaml, "ind/x.yaml", csv, "ind/x.csv", FinancialCalendar(4), sink);
    for (const auto& d : sink.sorted())
        MESSAGE(bp::format_diagnostic(d));
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(indicator);
    return *indicator;
}

IndicatorFigures at(const Indicator& indicator, Date as_at) {
    DiagnosticSink sink;
    auto figures = figures_as_at(indicator, FinancialCalendar(4), as_at, {"p.md", 1, 1}, sink);
    REQUIRE(figures);
    return *figures;
}

std::string month_row(int year, int month, const std::string& rest) {
    return std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "," +
           rest + "\n";
}

// A year-to-date percentage reported afresh each month, April 2017 to January 2018. The mean of
// the ten rows is 174.0 ÷ 10 = 17.4; the year to date is January's 17.9.
const std::string marac_ytd_csv = "period,value\n"
                                  "2017-04,17.0\n2017-05,17.0\n2017-06,17.5\n2017-07,17.2\n"
                                  "2017-08,17.4\n2017-09,17.6\n2017-10,17.3\n2017-11,17.5\n"
                                  "2017-12,17.6\n2018-01,17.9\n";

} // namespace

TEST_CASE("series: a cumulative year-to-date series takes its latest row, not a mean") {
    const std::string yaml = "title: MARAC repeats\nunit: percentage\npolarity: target-band\n"
                             "target_band: [28, 40]\n";
    Indicator averaged = parse_ok(yaml, marac_ytd_csv);
    CHECK(*at(averaged, {2018, 1, 31}).year_to_date.value == doctest::Approx(17.4));
    Indicator cumulative = parse_ok(yaml + "series: cumulative\n", marac_ytd_csv);
    CHECK(cumulative.series == SeriesKind::cumulative);
    IndicatorFigures figures = at(cumulative, {2018, 1, 31});
    CHECK(*figures.year_to_date.value == doctest::Approx(17.9));
    CHECK(format_value(cumulative, *figures.year_to_date.value) == "17.9%");
    // A quarter of a cumulative series is the figure at its end: Q3 ends with December's 17.6.
    REQUIRE(figures.quarters[2]);
    CHECK(*figures.quarters[2]->value == doctest::Approx(17.6));
}

TEST_CASE("series: a cumulative count's year to date is its last row") {
    // Running totals of 10 a month: the year to date to January is 100, not 10+20+…+100 = 550.
    std::string csv = "period,value\n";
    int total = 0;
    for (int i = 0; i < 10; ++i) {
        total += 10;
        int month = (3 + i) % 12 + 1;
        csv += month_row(month >= 4 ? 2017 : 2018, month, std::to_string(total));
    }
    Indicator running = parse_ok("title: Referrals\nseries: cumulative\n", csv);
    CHECK(at(running, {2018, 1, 31}).year_to_date.value == 100);
}

TEST_CASE("series: a cumulative rate counts its last row's events, this year and last") {
    // Running totals of 5 a month from April 2016 to January 2018, per 1,000 of 10,000 people.
    // January 2018's row is 50 (ten months of 2017/18), so 50 ÷ 10,000 × 1,000 = 5.0; January
    // 2017's row is also 50.
    std::string csv = "period,value\n";
    for (int i = 0; i < 22; ++i) {
        YearMonth month = YearMonth{2016, 4}.plus_months(i);
        csv += month_row(month.year, month.month, std::to_string(5 * (i % 12 + 1)));
    }
    Indicator rate =
        parse_ok("title: Referrals\nunit: rate\nseries: cumulative\npopulation: 10000\n", csv);
    const Comparison ytd = at(rate, {2018, 1, 31}).year_to_date;
    CHECK(ytd.count == 50);
    CHECK(ytd.last_year_count == 50);
    CHECK(*ytd.value == doctest::Approx(5.0));
    CHECK(*ytd.last_year == doctest::Approx(5.0));
}

TEST_CASE("time: rolling twelve months against the twelve before") {
    // February 2016 to January 2017: 10 a month = 120; February 2017 to January 2018: 11 a month
    // = 132. (132 − 120) ÷ 120 = +10.0%.
    std::string csv = "period,value\n";
    for (int i = 0; i < 24; ++i) {
        bp::data::YearMonth month = YearMonth{2016, 2}.plus_months(i);
        csv += month_row(month.year, month.month, i < 12 ? "10" : "11");
    }
    Indicator counts = parse_ok("title: Calls\n", csv);
    const Comparison& rolling = at(counts, {2018, 1, 31}).rolling_twelve_months;
    CHECK(rolling.period.label() == "February 2017 to January 2018");
    CHECK(rolling.value == 132);
    CHECK(rolling.last_year == 120);
    CHECK(format_change_pct(*rolling.change_pct()) == "+10.0%");
}

TEST_CASE("time: the quarter under way is a partial quarter with last year's months") {
    Indicator vwi = parse_ok(fixtures::violence_yaml, fixtures::violence_csv);
    IndicatorFigures january = at(vwi, {2018, 1, 31});
    CHECK(january.partial_quarter == 4);
    REQUIRE(january.quarters[3]);
    // Q4 to date is January alone: 142 against January 2017's 154.
    CHECK(january.quarters[3]->value == 142);
    CHECK(january.quarters[3]->last_year == 154);
    CHECK(quarter_name(january, 4) == "Q4 to date (Jan)");
    CHECK(quarter_name(january, 3) == "Q3");
    CHECK_FALSE(january.quarters[3]->previous_period.has_value());
    // As at May 2017, Q1 to date is April and May: 166 + 206 = 372 against 166 + 202 = 368.
    IndicatorFigures may = at(vwi, {2017, 5, 31});
    CHECK(may.partial_quarter == 1);
    CHECK(may.quarters[0]->value == 372);
    CHECK(may.quarters[0]->last_year == 368);
    CHECK(quarter_name(may, 1) == "Q1 to date (Apr\xE2\x80\x93May)");
    // At a quarter's end nothing is under way.
    CHECK(at(vwi, {2017, 12, 31}).partial_quarter == 0);
}

TEST_CASE("time: direction of travel on the previous quarter") {
    Indicator vwi = parse_ok(fixtures::violence_yaml, fixtures::violence_csv);
    IndicatorFigures january = at(vwi, {2018, 1, 31});
    REQUIRE(january.latest_quarter);
    // Q3 2017/18: 191 + 160 + 193 = 544; Q2: 178 + 168 + 183 = 529: up on the quarter before.
    CHECK(january.latest_quarter->value == 544);
    CHECK(january.latest_quarter->previous == 529);
    CHECK(january.latest_quarter->previous_direction() == Direction::up);
    REQUIRE(january.quarters[1]);
    // Q2 529 against Q1 166 + 206 + 182 = 554: down.
    CHECK(january.quarters[1]->previous == 554);
    CHECK(january.quarters[1]->previous_direction() == Direction::down);
    // As at May 2017 the last quarter ended is Q4 2016/17: 154 + 153 + 188 = 495, against Q3
    // 2016/17: 158 + 174 + 163 = 495: no change.
    IndicatorFigures may = at(vwi, {2017, 5, 31});
    REQUIRE(may.latest_quarter);
    CHECK(may.latest_quarter->period.label() == "January 2017 to March 2017");
    CHECK(may.latest_quarter->previous_direction() == Direction::same);
}

TEST_CASE("targets and populations change by financial year") {
    // 50 events a month, April 2016 to January 2018; 200,000 residents in 2016/17 and 250,000
    // in 2017/18. Year to date to January 2018: 500 ÷ 250,000 × 1,000 = 2.0 per 1,000; the same
    // months of 2016/17: 500 ÷ 200,000 × 1,000 = 2.5. (2.0 − 2.5) ÷ 2.5 = −20.0%.
    std::string csv = "period,value\n";
    for (int i = 0; i < 22; ++i) {
        YearMonth month = YearMonth{2016, 4}.plus_months(i);
        csv += month_row(month.year, month.month, "50");
    }
    Indicator rate = parse_ok(R"(title: First-time entrants
unit: rate
rate_per: 1000
populations: {2016/17: 200000, 2017/18: 250000}
targets:
  2016/17: 3.1
  2017/18: 2.9
)",
                              csv);
    CHECK(rate.population_for(2016) == 200000);
    CHECK(rate.population_for(2017) == 250000);
    CHECK(rate.population_for(2018) == 250000); // the latest year given carries on
    CHECK(rate.population_for(2015) == 200000); // before the first: the first
    CHECK(rate.target_for(2017) == 2.9);
    CHECK(rate.target_for(2016) == 3.1);
    CHECK_FALSE(rate.target_for(2018).has_value());
    const Comparison ytd = at(rate, {2018, 1, 31}).year_to_date;
    CHECK(*ytd.value == doctest::Approx(2.0));
    CHECK(*ytd.last_year == doctest::Approx(2.5));
    CHECK(format_change_pct(*ytd.change_pct()) == minus + "20.0%");
    CHECK(ytd.population == 250000);
    CHECK(ytd.last_year_population == 200000);
    CHECK(target_figure(rate, 2017) == "2.9");
    CHECK(target_figure(rate, 2016) == "3.1");
}

TEST_CASE("targets by year: a financial year label that does not parse is a located error") {
    DiagnosticSink sink;
    auto indicator =
        parse_indicator("x", "title: X\ntargets:\n  2017/19: 3\n  2018/19: many\n", "ind/x.yaml",
                        "period,value\n", "ind/x.csv", FinancialCalendar(4), sink);
    CHECK_FALSE(indicator);
    auto all = sink.sorted();
    REQUIRE(all.size() == 2);
    CHECK(bp::format_diagnostic(all[0]).rfind(
              "ind/x.yaml:3:3: error: '2017/19' in 'targets' is not a financial year", 0) == 0);
    CHECK(bp::format_diagnostic(all[1]).rfind("ind/x.yaml:4:12: error:", 0) == 0);
    CHECK(parse_financial_year("2017/18", FinancialCalendar(4)) == 2017);
    CHECK(parse_financial_year("1999/00", FinancialCalendar(4)) == 1999);
    CHECK(parse_financial_year("2018", FinancialCalendar(1)) == 2018);
    CHECK_FALSE(parse_financial_year("2018", FinancialCalendar(4)));
}

TEST_CASE("comparators from a column and from a file") {
    // The indicator's own figures are percentages: April 2017 to January 2018 at 20.0%, and the
    // family group's column at 18.0% for April to December and 21.0% in January. Its year to
    // date is the mean of the ten months: (9 × 18.0 + 21.0) ÷ 10 = 18.3%.
    std::string csv = "period,value,family_group\n";
    for (int i = 0; i < 10; ++i) {
        YearMonth month = YearMonth{2017, 4}.plus_months(i);
        csv += month_row(month.year, month.month, i < 9 ? "20.0,18.0" : "20.0,21.0");
    }
    bp::MemoryFileSystem files;
    files.add("c/csp/indicators/satisfaction.yaml", R"(title: Satisfaction
unit: percentage
polarity: higher-is-better
comparators:
  - name: Family group
    column: family_group
  - name: London
    file: london-satisfaction.csv
)");
    files.add("c/csp/indicators/satisfaction.csv", csv);
    // London in a file of its own, with 16.0 in every month: a year-to-date mean of 16.0%.
    std::string london = "period,value\n";
    for (int i = 0; i < 10; ++i) {
        YearMonth month = YearMonth{2017, 4}.plus_months(i);
        london += month_row(month.year, month.month, "16.0");
    }
    files.add("c/csp/indicators/london-satisfaction.csv", london);
    DiagnosticSink sink;
    auto set = load_indicators(files, "c/csp", 4, sink);
    for (const auto& d : sink.sorted())
        MESSAGE(bp::format_diagnostic(d));
    REQUIRE_FALSE(sink.has_errors());
    const Indicator* satisfaction = set->find("satisfaction");
    REQUIRE(satisfaction);
    REQUIRE(satisfaction->comparators.size() == 2);
    IndicatorFigures figures = at(*satisfaction, {2018, 1, 31});
    REQUIRE(figures.year_to_date.comparators.size() == 2);
    CHECK(figures.year_to_date.comparators[0].name == "Family group");
    CHECK(*figures.year_to_date.comparators[0].value == doctest::Approx(18.3));
    CHECK(*figures.year_to_date.comparators[1].value == doctest::Approx(16.0));
    // January alone: the family group's 21.0%.
    CHECK(*figures.latest.comparators[0].value == doctest::Approx(21.0));

    // Drawn on the monthly chart as comparator series after this year and last.
    ChartSpec chart = monthly_comparison_chart(*satisfaction, FinancialCalendar(4), {2018, 1});
    REQUIRE(chart.series.size() == 4);
    CHECK(chart.series[2].comparator);
    CHECK(chart.series[2].name == "Family group");
    CHECK(chart.series[2].values[0] == 18.0);            // April
    CHECK(chart.series[2].values[9] == 21.0);            // January
    CHECK_FALSE(chart.series[2].values[10].has_value()); // February: after the data month
    CHECK(chart.series[3].name == "London");
}

TEST_CASE("comparators: a column the CSV lacks and an unknown column are errors") {
    DiagnosticSink sink;
    auto indicator = parse_indicator(
        "x", "title: X\ncomparators:\n  - name: London\n    column: london\n", "ind/x.yaml",
        "period,value,londn\n2017-04,3,4\n", "ind/x.csv", FinancialCalendar(4), sink);
    std::string text;
    for (const auto& d : sink.sorted())
        text += bp::format_diagnostic(d) + "\n";
    CHECK(text.find("ind/x.csv:1:14: error: unknown column 'londn'") != std::string::npos);
    CHECK(text.find("did you mean 'london'?") != std::string::npos);
    CHECK(text.find("comparator column 'london' is not in ind/x.csv") != std::string::npos);
}

TEST_CASE("errors: a broken definition is reported at its own place and its CSV still checked") {
    bp::MemoryFileSystem files;
    files.add("c/csp/indicators/burglary.yaml", "title: Burglary\npolarity: lower-is-beter\n");
    files.add("c/csp/indicators/burglary.csv", "period,value\n2017-04,n/a\n");
    DiagnosticSink sink;
    auto set = load_indicators(files, "c/csp", 4, sink);
    auto all = sink.sorted();
    REQUIRE(all.size() == 2);
    CHECK(bp::format_diagnostic(all[0]).rfind("c/csp/indicators/burglary.csv:2:9: error: 'n/a'",
                                              0) == 0);
    CHECK(bp::format_diagnostic(all[1]).rfind("c/csp/indicators/burglary.yaml:2:11: error:", 0) ==
          0);
    CHECK(set->find("burglary") == nullptr);
    CHECK(set->broken.count("burglary") == 1);
}

TEST_CASE("inline formatting: the change in words, unsigned") {
    Indicator vwi = parse_ok(fixtures::violence_yaml, fixtures::violence_csv);
    IndicatorFigures january = at(vwi, {2018, 1, 31});
    // January: 142 against 154, −12 ÷ 154 = −7.8%.
    CHECK(change_words(vwi, january.latest) == "a fall of 7.8%");
    // Q3: 544 against 495, +49 ÷ 495 = +9.9%.
    CHECK(change_words(vwi, *january.quarters[2]) == "a rise of 9.9%");
    Comparison same;
    same.value = 10;
    same.last_year = 10;
    CHECK(change_words(vwi, same) == "no change");
    Comparison from_zero;
    from_zero.value = 1234;
    from_zero.last_year = 0;
    CHECK(change_words(vwi, from_zero) == "a rise of 1,234");
    Indicator marac = parse_ok(fixtures::marac_yaml, fixtures::marac_csv);
    Comparison points;
    points.value = 17.9;
    points.last_year = 26.0;
    CHECK(change_words(marac, points) == "a fall of 8.1 percentage points");
}
