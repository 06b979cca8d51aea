// Characters a chart would draw that no installed font has are found, so the pack can warn.
#include "chart/render.hpp"
#include "sample_specs.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::chart;

TEST_CASE("a chart in plain ASCII has no character without a font") {
    CHECK(characters_without_font(samples::monthly()).empty());
}

TEST_CASE("characters an installed font has are not reported") {
    data::ChartSpec spec = samples::monthly();
    spec.unit = "offences \xE2\x89\xA5 85% \xE2\x86\x92 \xE2\x9C\x93"; // ≥ → ✓
    spec.series[0].name = "2016/17 \xC5\xB5yl";                        // ŵ (Welsh)
    CHECK(characters_without_font(spec).empty());
}

TEST_CASE("a private-use character in an axis unit or a category or a series name is reported") {
    data::ChartSpec spec = samples::monthly();
    spec.unit = "offences \xEE\x80\x80";          // U+E000
    spec.categories[2] = "Jun \xEE\x80\x81";      // U+E001
    spec.series[1].name = "2017/18 \xEE\x80\x82"; // U+E002
    CHECK(characters_without_font(spec) == std::set<char32_t>{0xE000, 0xE001, 0xE002});
}

TEST_CASE("a title the chart does not draw is not reported") {
    data::ChartSpec spec = samples::monthly();
    spec.title = "Offences \xEE\x80\x80";
    spec.show_title = false;
    CHECK(characters_without_font(spec).empty());
    spec.show_title = true;
    CHECK(characters_without_font(spec) == std::set<char32_t>{0xE000});
}
