#include "layout/contrast.hpp"
#include "layout/layout.hpp"

#include <doctest/doctest.h>

using namespace bp::layout;

TEST_CASE("RAG cell text meets 4.5:1 contrast on its status colour") {
    RagPalette palette;
    for (const auto& fill : {palette.red, palette.amber, palette.green, palette.grey, palette.blue})
        CHECK(contrast_ratio(text_colour_on(fill), fill) >= 4.5);
    // White on GOV.UK amber is too faint; near-black is chosen.
    CHECK(contrast_ratio({1, 1, 1}, palette.amber) < 3);
    CHECK(text_colour_on(palette.amber).r < 0.1);
    CHECK(text_colour_on(palette.red).r == 1);
    CHECK(contrast_ratio({0, 0, 0}, {1, 1, 1}) == doctest::Approx(21));
}
