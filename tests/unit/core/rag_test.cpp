#include "core/rag.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace bp;

namespace {
struct Names {
    std::string red, amber, green, grey, blue;
};
} // namespace

TEST_CASE("rag: one word and one key per rating") {
    CHECK(std::string(rag_word(Rag::red)) == "Red");
    CHECK(std::string(rag_word(Rag::grey)) == "Grey");
    CHECK(std::string(rag_word(Rag::none)).empty());
    CHECK(std::string(rag_key(Rag::amber)) == "amber");
    CHECK(std::string(rag_key(Rag::blue)) == "blue");
    CHECK(std::string(rag_key(Rag::none)).empty());
    for (Rag rag : coloured_rags) {
        std::string word = rag_word(rag);
        std::string key = rag_key(rag);
        REQUIRE_FALSE(key.empty());
        // The key is the word in lower case, so a class name and its label never disagree.
        CHECK(word.size() == key.size());
        CHECK(static_cast<char>(word[0] - 'A' + 'a') == key[0]);
        CHECK(word.substr(1) == key.substr(1));
    }
}

TEST_CASE("rag: ratings as people write them") {
    CHECK(parse_rag("red") == Rag::red);
    CHECK(parse_rag(" Amber ") == Rag::amber);
    CHECK(parse_rag("G") == Rag::green);
    CHECK(parse_rag("r") == Rag::red);
    CHECK(parse_rag("gray") == Rag::grey);
    CHECK(parse_rag("GREY") == Rag::grey);
    CHECK_FALSE(parse_rag("blue").has_value());
    CHECK_FALSE(parse_rag("none").has_value());
    CHECK_FALSE(parse_rag("").has_value());
    CHECK_FALSE(parse_rag("rd").has_value());
}

TEST_CASE("rag: a palette's colour for each rating") {
    Names names{"r", "a", "g", "x", "b"};
    CHECK(*rag_colour(names, Rag::red) == "r");
    CHECK(*rag_colour(names, Rag::grey) == "x");
    CHECK(*rag_colour(names, Rag::blue) == "b");
    CHECK(rag_colour(names, Rag::none) == nullptr);
    *rag_colour(names, Rag::amber) = "changed";
    CHECK(names.amber == "changed");
    const Names& fixed = names;
    CHECK(*rag_colour(fixed, Rag::green) == "g");
}
