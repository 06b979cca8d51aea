#include "core/text.hpp"
#include "data/figure_format.hpp"
#include "data/indicator_calculations.hpp"
#include "indicator_fixtures.hpp"

#include <doctest/doctest.h>

using namespace bp::data;
using bp::Date;
using bp::DiagnosticSink;

namespace {

// The sign the core number formatting writes before negative figures.
const std::string minus = [] {
    std::string one = bp::format_number(-1);
    return one.substr(0, one.size() - 1);
}();

Indicator load(const std::string& yaml, const std::string& csv, int start = 4) {
    DiagnosticSink sink;
    auto indicator =
        parse_indicator("violence-with-injury", yaml, "i/violence-with-injury.yaml", csv,
                        "i/violence-with-injury.csv", FinancialCalendar(start), sink);
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(indicator);
    return *indicator;
}

IndicatorFigures figures_at(const Indicator& indicator, Date as_at, int start = 4) {
    DiagnosticSink sink;
    auto figures = figures_as_at(indicator, FinancialCalendar(start), as_at, {"p.md", 3, 1}, sink);
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(figures);
    return *figures;
}

} // namespace

TEST_CASE("calculations: violence with injury to January 2018 from the seed's monthly table") {
    Indicator vwi = load(fixtures::violence_yaml, fixtures::violence_csv);
    IndicatorFigures figures = figures_at(vwi, {2018, 1, 31});
    CHECK(figures.data_month == YearMonth{2018, 1});
    CHECK(figures.financial_year == 2017);

    // 166+206+182+178+168+183+191+160+193+142 and 166+202+195+214+190+196+158+174+163+154
    const Comparison& ytd = figures.year_to_date;
    CHECK(ytd.period.label() == "April 2017 to January 2018");
    CHECK(ytd.value == 1769);
    CHECK(ytd.last_year == 1812);
    CHECK(ytd.change() == -43);
    CHECK(*ytd.change_pct() == doctest::Approx(-2.3731).epsilon(1e-4));
    CHECK(ytd.direction() == Direction::down);
    CHECK(format_value(vwi, *ytd.value) == "1,769");
    CHECK(format_change(vwi, *ytd.change()) == minus + "43");
    CHECK(format_change_pct(*ytd.change_pct()) == minus + "2.4%");

    REQUIRE(figures.quarters[0]);
    REQUIRE(figures.quarters[1]);
    REQUIRE(figures.quarters[2]);
    // Q4 is under way: January 2018 alone, 142 against 154.
    REQUIRE(figures.quarters[3]);
    CHECK(figures.partial_quarter == 4);
    CHECK(figures.quarters[3]->value == 142);
    CHECK(figures.quarters[0]->value == 554);
    CHECK(figures.quarters[1]->value == 529);
    CHECK(figures.quarters[2]->value == 544);
    CHECK(figures.quarters[0]->last_year == 563);
    CHECK(figures.quarters[1]->last_year == 600);
    CHECK(figures.quarters[2]->last_year == 495);
    CHECK(figures.quarters[2]->direction() == Direction::up);

    CHECK(figures.latest.value == 142);
    CHECK(figures.latest.last_year == 154);
    CHECK(format_change_pct(*figures.latest.change_pct()) == minus + "7.8%");
    // February 2017 to January 2018: 153 + 188 + the year to date; the figures start in April
    // 2016, so there is no whole twelve months before it to compare with.
    CHECK(figures.rolling_twelve_months.value == 2110);
    CHECK_FALSE(figures.rolling_twelve_months.last_year.has_value());
}

TEST_CASE("calculations: a full year and an as-at date inside a quarter") {
    Indicator vwi = load(fixtures::violence_yaml, fixtures::violence_csv);
    IndicatorFigures march = figures_at(vwi, {2017, 3, 31});
    CHECK(march.financial_year == 2016);
    CHECK(march.year_to_date.value == 2153); // 1812 + 153 + 188
    CHECK_FALSE(march.year_to_date.last_year.has_value());
    CHECK(march.year_to_date.direction() == Direction::unknown);
    REQUIRE(march.quarters[3]);
    CHECK(march.quarters[3]->value == 495);
    IndicatorFigures may = figures_at(vwi, {2017, 5, 15});
    CHECK(may.year_to_date.value == 372);
    CHECK(may.year_to_date.last_year == 368);
    // Q1 is under way: April and May only.
    CHECK(may.partial_quarter == 1);
    CHECK(may.quarters[0]->period.months() == 2);
    CHECK_FALSE(may.quarters[1].has_value());
}

TEST_CASE("calculations: no figure at the as-at date is a located error with a hint") {
    Indicator vwi = load(fixtures::violence_yaml, fixtures::violence_csv);
    DiagnosticSink sink;
    auto figures = figures_as_at(vwi, FinancialCalendar(4), {2018, 2, 28}, {"p.md", 7, 3}, sink);
    CHECK_FALSE(figures.has_value());
    auto all = sink.sorted();
    REQUIRE(all.size() == 1);
    CHECK(bp::format_diagnostic(all[0]) ==
          "p.md:7:3: error: indicator 'violence-with-injury' has no figure for February 2018, the "
          "latest period as at 28 February 2018\n"
          "  hint: add a row '2018-02,<value>' to i/violence-with-injury.csv (its latest figure "
          "is for January 2018), or set an earlier data_date in the meeting's meeting.yaml");
}

TEST_CASE("calculations: a gap at the as-at month is missing data too") {
    Indicator gap = load("title: G\n", "period,value\n2017-04,5\n2017-05,\n");
    DiagnosticSink sink;
    CHECK_FALSE(figures_as_at(gap, FinancialCalendar(4), {2017, 5, 31}, {"p.md", 1, 1}, sink));
    CHECK(sink.error_count() == 1);
    // Gaps inside a run are left out of totals.
    Indicator holes = load("title: G\n", "period,value\n2017-04,5\n2017-05,\n2017-06,7\n");
    CHECK(figures_at(holes, {2017, 6, 30}).year_to_date.value == 12);
    // A gap this year leaves the same month out of last year's figure too.
    Indicator matched = load("title: G\n", "period,value\n2016-04,4\n2016-05,9\n2016-06,6\n"
                                           "2017-04,5\n2017-05,\n2017-06,7\n");
    Comparison ytd = figures_at(matched, {2017, 6, 30}).year_to_date;
    CHECK(ytd.value == 12);
    CHECK(ytd.last_year == 10);
}

TEST_CASE("calculations: percentages aggregate numerators over denominators") {
    Indicator marac = load(fixtures::marac_yaml, fixtures::marac_csv);
    IndicatorFigures figures = figures_at(marac, {2017, 6, 30});
    // (5 + 2 + 3) / (22 + 19 + 18) = 10 / 59
    CHECK(*figures.year_to_date.value == doctest::Approx(16.9492).epsilon(1e-4));
    CHECK(format_value(marac, *figures.year_to_date.value) == "16.9%");
    // Without numerators the year to date is the mean of the monthly percentages.
    Indicator plain =
        load("title: P\nunit: percentage\n", "period,value\n2017-04,20\n2017-05,30\n");
    CHECK(figures_at(plain, {2017, 5, 31}).year_to_date.value == 25);
    Indicator plain_ly =
        load("title: P\nunit: percentage\n", "period,value\n2016-04,24\n2017-04,20\n");
    Comparison april = figures_at(plain_ly, {2017, 4, 30}).latest;
    CHECK(format_change(plain_ly, *april.change()) == minus + "4.0 points");
}

TEST_CASE("calculations: rates per population") {
    Indicator rate =
        load("title: R\nunit: rate\npopulation: 200000\nrate_per: 1000\n",
             "period,value\n2016-04,80\n2016-05,120\n2016-06,100\n2017-04,100\n2017-05,150\n"
             "2017-06,250\n");
    IndicatorFigures figures = figures_at(rate, {2017, 6, 30});
    CHECK(*figures.year_to_date.value == doctest::Approx(2.5)); // 500 / 200,000 × 1,000
    CHECK(figures.year_to_date.count == 500);
    CHECK(*figures.year_to_date.last_year == doctest::Approx(1.5)); // 300 / 200,000 × 1,000
    CHECK(figures.year_to_date.last_year_count == 300);
    CHECK(*figures.latest.value == doctest::Approx(1.25));
    CHECK(rate.unit_label() == "per 1,000 population");
    CHECK(format_value(rate, 2.5) == "2.5");
}

TEST_CASE("calculations: quarterly figures count once their quarter has ended") {
    Indicator quarterly = load("title: Q\nfrequency: quarterly\n",
                               "period,value\n2016-10,25\n2017-04,30\n2017-07,31\n2017-10,29\n");
    IndicatorFigures january = figures_at(quarterly, {2018, 1, 31});
    CHECK(january.data_month == YearMonth{2017, 12});
    CHECK(january.latest.value == 29);
    CHECK(january.latest.last_year == 25);
    CHECK(january.year_to_date.value == 90);
    IndicatorFigures november = figures_at(quarterly, {2017, 11, 30});
    CHECK(november.latest.value == 31);
    CHECK(november.year_to_date.value == 61);
}

TEST_CASE("calculations: a January financial year") {
    Indicator vwi = load(fixtures::violence_yaml, fixtures::violence_csv, 1);
    IndicatorFigures figures = figures_at(vwi, {2017, 12, 31}, 1);
    CHECK(figures.financial_year == 2017);
    // January 2017 (154) to December 2017; last year's months before April 2016 are absent.
    CHECK(figures.year_to_date.value == 154 + 153 + 188 + 1627);
    CHECK(figures.year_to_date.period.label() == "January 2017 to December 2017");
    CHECK_FALSE(figures.year_to_date.last_year.has_value());
    CHECK(figures.quarters[2]->last_year == 214 + 190 + 196);
    REQUIRE(figures.quarters[0]);
    CHECK(figures.quarters[0]->value == 154 + 153 + 188);
    CHECK(figures.quarters[1]->value == 166 + 206 + 182);
}

TEST_CASE("calculations: describing a change") {
    Indicator vwi = load(fixtures::violence_yaml, fixtures::violence_csv);
    IndicatorFigures figures = figures_at(vwi, {2018, 1, 31});
    CHECK(describe_change(vwi, figures.year_to_date) ==
          "Down 2.4% on the same period last year (1,769 against 1,812)");
    CHECK(describe_change(vwi, *figures.quarters[2]) ==
          "Up 9.9% on the same period last year (544 against 495)");
    CHECK(format_change_pct(0) == "0.0%");
    CHECK(format_change_pct(26.1) == "+26.1%");
    CHECK(format_change(vwi, 273) == "+273");
    CHECK(direction_word(Direction::same) == std::string("no change"));
}
