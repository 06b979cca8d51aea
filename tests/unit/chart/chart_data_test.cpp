#include "chart/chart_data.hpp"
#include "chart/numbers.hpp"
#include "chart/target.hpp"
#include "core/text.hpp"
#include "sample_specs.hpp"

#include <doctest/doctest.h>
#include <limits>

using namespace bp;
using chart::samples::gap;
using chart::samples::values;

TEST_CASE("NaN, infinities and absurd magnitudes become gaps") {
    data::ChartSpec spec;
    spec.categories = {"a", "b", "c", "d", "e"};
    spec.series = {{"s", values({1, gap, std::numeric_limits<double>::infinity(), 1e300, 7})}};
    const auto clean = chart::clean_chart_data(spec);
    REQUIRE(clean.series.size() == 1);
    const auto& v = clean.series[0].values;
    CHECK(v[0] == 1.0);
    CHECK_FALSE(v[1].has_value());
    CHECK_FALSE(v[2].has_value());
    CHECK_FALSE(v[3].has_value());
    CHECK(v[4] == 7.0);
    CHECK(clean.min_value == 1);
    CHECK(clean.max_value == 7);
}

TEST_CASE("every series gets one slot per category, short series padded with gaps") {
    data::ChartSpec spec;
    spec.categories = {"Q1", "Q2", "Q3", "Q4"};
    spec.series = {{"2016/17", values({1, 2, 3, 4})}, {"2017/18", values({5})}};
    const auto clean = chart::clean_chart_data(spec);
    CHECK(clean.series[1].values.size() == 4);
    CHECK_FALSE(clean.series[1].values[3].has_value());
}

TEST_CASE("values without category names still get slots") {
    data::ChartSpec spec;
    spec.series = {{"s", values({3, 4, 5})}};
    const auto clean = chart::clean_chart_data(spec);
    CHECK(clean.categories.size() == 3);
    CHECK(clean.categories[2].empty());
}

TEST_CASE("a spec with only gaps has no values") {
    data::ChartSpec spec;
    spec.categories = {"Apr", "May"};
    spec.series = {{"s", values({gap, gap})}};
    CHECK_FALSE(chart::clean_chart_data(spec).has_values);
}

TEST_CASE("decimals_needed finds the fewest decimals that print exactly") {
    CHECK(chart::decimals_needed({166, 202}) == 0);
    CHECK(chart::decimals_needed({1, 2.5}) == 1);
    CHECK(chart::decimals_needed({12.25}) == 2);
    CHECK(chart::decimals_needed({}) == 0);
    CHECK(chart::clean_chart_data(chart::samples::monthly()).whole_numbers);
}

TEST_CASE("targets: one end makes a line, reversed ends are ordered, junk is ignored") {
    data::ChartSpec spec;
    CHECK_FALSE(chart::target_of(spec).has_value());
    spec.target_high = 50;
    auto line = chart::target_of(spec);
    REQUIRE(line);
    CHECK(line->is_line());
    CHECK(chart::target_label(*line, 0) == "Target 50");
    spec.target_low = 60;
    auto band = chart::target_of(spec);
    REQUIRE(band);
    CHECK(band->low == 50);
    CHECK(band->high == 60);
    CHECK(chart::target_label(*band, 0) == "Target 50\u201360");
    spec.target_low = std::numeric_limits<double>::quiet_NaN();
    CHECK(chart::target_of(spec)->is_line());
}

TEST_CASE("data labels take the indicator's decimal places when the spec gives them") {
    data::ChartSpec spec;
    spec.categories = {"Q1", "Q2"};
    spec.series = {{"2017/18", values({24.14, 19.5})}};
    CHECK(chart::clean_chart_data(spec).decimals == 2); // worked out from the figures
    spec.decimals = 1;
    CHECK(chart::clean_chart_data(spec).decimals == 1);
    spec.decimals = 0;
    CHECK(chart::clean_chart_data(spec).decimals == 0);
    CHECK(format_number(24.14, 1) == "24.1");
}
