#include "core/text.hpp"

#include <doctest/doctest.h>

TEST_CASE("slugs are lower-case ASCII words joined by dashes") {
    CHECK(bp::slugify("Chair's Report – Q2") == "chairs-report-q2");
    CHECK(bp::slugify("  Violence with Injury  ") == "violence-with-injury");
    CHECK(bp::slugify("O’Neill") == "oneill");
    CHECK(bp::slugify("***") == "");
}

TEST_CASE("numbers are grouped in thousands with an en dash for minus") {
    CHECK(bp::format_number(1769) == "1,769");
    CHECK(bp::format_number(-43) == "\xE2\x80\x93"
                                    "43");
    CHECK(bp::format_number(-2.37, 1) == "\xE2\x80\x93"
                                         "2.4");
    CHECK(bp::format_number(1234567.891, 2) == "1,234,567.89");
    CHECK(bp::format_number(-0.01, 1) == "0.0");
}

TEST_CASE("HTML escaping covers text and attributes") {
    CHECK(bp::html_escape("<a href=\"x\">Tom & Jerry's</a>") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST_CASE("invalid UTF-8 is replaced, valid UTF-8 kept") {
    CHECK(bp::sanitize_utf8("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(bp::sanitize_utf8("bad\xFF"
                            "byte") == "bad\xEF\xBF\xBD"
                                       "byte");
    CHECK(bp::sanitize_utf8(std::string("nul\0x", 5)) == "nul\xEF\xBF\xBD"
                                                         "x");
    CHECK(bp::utf8_length("£5 – “ok”") == 9);
}

TEST_CASE("characters are read one at a time, bad bytes as U+FFFD") {
    std::string text = "a\xC3\xA9\xE2\x89\xA5\xF0\x9F\x99\x82\xFF\xE2\x89";
    std::size_t at = 0;
    std::vector<char32_t> read;
    while (at < text.size())
        read.push_back(bp::next_code_point(text, at));
    // a, é, ≥, the emoji beyond the first plane, a stray byte, a sequence cut short.
    CHECK(read == std::vector<char32_t>{U'a', 0xE9, 0x2265, 0x1F642, 0xFFFD, 0xFFFD, 0xFFFD});
    CHECK(at == text.size());
}

TEST_CASE("split and trim") {
    CHECK(bp::split("a.b..c", '.') == std::vector<std::string>{"a", "b", "", "c"});
    CHECK(bp::trim("  \tx y\n") == "x y");
}
