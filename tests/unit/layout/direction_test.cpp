// Right-to-left paragraphs: told by their first letter, set flush right.
#include "layout/direction.hpp"
#include "layout_test_support.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::layout;
using namespace bp::layout::testing;

TEST_CASE("a paragraph reads right to left when its first letter is of a right-to-left script") {
    CHECK(reads_right_to_left("اردو: بورڈ نے"));
    CHECK(reads_right_to_left("שלום"));
    // Digits, punctuation and symbols before the first letter do not decide.
    CHECK(reads_right_to_left("2025 — «بورڈ»"));
    CHECK_FALSE(reads_right_to_left("Urdu: بورڈ نے"));
    CHECK_FALSE(reads_right_to_left("Cytunodd y bwrdd i adolygu'r cynllun"));
    CHECK_FALSE(reads_right_to_left("Zarząd zgodził się"));
    CHECK_FALSE(reads_right_to_left("বাংলা: বোর্ড"));
    CHECK_FALSE(reads_right_to_left("中文：委员会"));
    CHECK_FALSE(reads_right_to_left("≥ 85% ✓"));
    CHECK_FALSE(reads_right_to_left(""));
    CHECK_FALSE(reads_right_to_left("\xD8")); // a sequence cut short is not a letter
}

TEST_CASE("a right-to-left paragraph is set flush right, a left-to-right one flush left") {
    doc::Document document;
    document.blocks.push_back(paragraph("بورڈ نے"));
    document.blocks.push_back(paragraph("Board"));
    auto pages = lay(document, small_page());
    REQUIRE(pages.size() == 1);
    const TextRun* urdu = find_text(pages[0], "بورڈ نے");
    const TextRun* english = find_text(pages[0], "Board");
    REQUIRE(urdu != nullptr);
    REQUIRE(english != nullptr);
    // The text block runs from 60 to 260 on a right-hand page.
    CHECK(urdu->x + urdu->width == doctest::Approx(260));
    CHECK(urdu->x > 60);
    CHECK(english->x == doctest::Approx(60));
}
