#include "chart/axis_scale.hpp"

#include <doctest/doctest.h>

using bp::chart::nice_scale;

TEST_CASE("nice_scale rounds out to steps of 1, 2 or 5 times a power of ten") {
    const auto scale = nice_scale(0, 214, 6, true);
    CHECK(scale.low == 0);
    CHECK(scale.step == 50);
    CHECK(scale.high == 250);
    CHECK(scale.ticks == std::vector<double>{0, 50, 100, 150, 200, 250});
    CHECK(scale.decimals == 0);
}

TEST_CASE("nice_scale picks 2 and 5 multiples") {
    CHECK(nice_scale(0, 9, 5, true).step == 2);
    CHECK(nice_scale(0, 2400000, 6, true).step == 500000);
    CHECK(nice_scale(0, 0.9, 5, false).step == doctest::Approx(0.2));
    CHECK(nice_scale(0, 0.9, 5, false).decimals == 1);
    CHECK(nice_scale(0, 0.09, 5, false).decimals == 2);
}

TEST_CASE("nice_scale covers negative values symmetrically around zero") {
    const auto scale = nice_scale(-20, 30, 5, false);
    CHECK(scale.low == -20);
    CHECK(scale.high == 30);
    CHECK(scale.step == 10);
    CHECK(scale.ticks.size() == 6);
    CHECK(scale.ticks[2] == 0);
}

TEST_CASE("whole-number data never gets fractional steps") {
    const auto scale = nice_scale(0, 3, 8, true);
    CHECK(scale.step == 1);
    CHECK(scale.ticks == std::vector<double>{0, 1, 2, 3});
}

TEST_CASE("a zero-width range is widened rather than divided by zero") {
    const auto zeros = nice_scale(0, 0, 5, true);
    CHECK(zeros.low == 0);
    CHECK(zeros.high == 5);
    const auto flat = nice_scale(40, 40, 5, false);
    CHECK(flat.low < 40);
    CHECK(flat.high > 40);
    CHECK(flat.ticks.size() >= 2);
}

TEST_CASE("fraction maps the ends of the scale to 0 and 1") {
    const auto scale = nice_scale(0, 200, 4, true);
    CHECK(scale.fraction(0) == 0);
    CHECK(scale.fraction(scale.high) == 1);
    CHECK(scale.fraction(100) == doctest::Approx(0.5));
}

TEST_CASE("a hair-thin range of huge values still ends with a handful of ticks") {
    const auto scale = nice_scale(1e15, 1e15 + 0.25, 6, false);
    CHECK(scale.ticks.size() >= 2);
    CHECK(scale.ticks.size() <= 1001);
    CHECK(scale.low <= 1e15);
    CHECK(scale.high >= 1e15 + 0.25);
}
