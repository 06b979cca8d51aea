// An indicator's target is written by one pair of functions, for the site, the pack and prose.
#include "data/figure_format.hpp"

#include <doctest/doctest.h>

using namespace bp::data;

TEST_CASE("target: a whole-year count with its description") {
    Indicator arson;
    arson.unit = Unit::count;
    arson.target = 169;
    arson.target_for_whole_year = true;
    CHECK(target_figure(arson) == "169 for the year");
    CHECK(target_phrase(arson) == "169 for the year");
    arson.target_text = "Fewer deliberate fires";
    CHECK(target_phrase(arson) == "Fewer deliberate fires (169 for the year)");
}

TEST_CASE("target: a band, a description alone, and none") {
    Indicator marac;
    marac.unit = Unit::percentage;
    marac.target_low = 28;
    marac.target_high = 40;
    CHECK(target_figure(marac) == "28.0% to 40.0%");
    Indicator described;
    described.target_text = "Year-on-year reduction";
    CHECK(target_figure(described).empty());
    CHECK(target_phrase(described) == "Year-on-year reduction");
    CHECK(target_phrase(Indicator{}).empty());
}
