#include "layout/break_points.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>

using namespace bp::layout;

namespace {

std::vector<std::size_t> offsets(const std::vector<BreakPoint>& points, bool hyphen) {
    std::vector<std::size_t> found;
    for (const auto& point : points)
        if (point.hyphen == hyphen)
            found.push_back(point.offset);
    return found;
}

} // namespace

TEST_CASE("long words hyphenate at the en-GB pattern points") {
    auto points = word_break_points("safeguarding");
    CHECK(offsets(points, true) == std::vector<std::size_t>{4, 9}); // safe-guard-ing
    CHECK(offsets(points, false).empty());
    // Capitals hyphenate as their lower case does; at least three letters follow a hyphen.
    CHECK(offsets(word_break_points("Partnership"), true) == std::vector<std::size_t>{4, 7});
    CHECK(word_break_points("ring").empty());
    CHECK(word_break_points("").empty());
}

TEST_CASE("compounds break after their own hyphen without another being added") {
    auto points = word_break_points("partnership-wide");
    CHECK(offsets(points, false) == std::vector<std::size_t>{12});
    CHECK(offsets(points, true) == std::vector<std::size_t>{4, 7});
}

TEST_CASE("web addresses and paths break after separators and are never hyphenated") {
    auto points = word_break_points("https://data.example/registers/safeguarding/item-02");
    CHECK(offsets(points, true).empty());
    auto plain = offsets(points, false);
    REQUIRE(!plain.empty());
    CHECK(plain.front() == 8); // after "https://", never between its separators
    CHECK(std::find(plain.begin(), plain.end(), 13) != plain.end()); // after "data."
    for (std::size_t offset : plain) {
        char before =
            std::string_view("https://data.example/registers/safeguarding/item-02").at(offset - 1);
        CHECK((before == '/' || before == '-' || before == '.'));
    }
}

TEST_CASE("dates, figures and short words give no break points") {
    CHECK(word_break_points("2025-03-15").empty());
    CHECK(word_break_points("85%").empty());
    CHECK(word_break_points("the").empty());
}

TEST_CASE("accented names hyphenate on whole characters") {
    for (const auto& point : word_break_points("Súilleabháin")) {
        CHECK(point.offset > 0);
        unsigned char next = static_cast<unsigned char>(std::string("Súilleabháin")[point.offset]);
        CHECK((next & 0xC0) != 0x80); // never inside a character
    }
}
