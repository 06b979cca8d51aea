#include "core/text.hpp"

#include <charconv>
#include <cmath>
#include <doctest/doctest.h>
#include <random>
#include <string>
#include <vector>

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
    // At either end, side by side, or not at all.
    CHECK(bp::html_escape("<<x>>") == "&lt;&lt;x&gt;&gt;");
    CHECK(bp::html_escape("&") == "&amp;");
    CHECK(bp::html_escape("Ward 7 – £40") == "Ward 7 – £40");
    CHECK(bp::html_escape("").empty());
}

TEST_CASE("invalid UTF-8 is replaced, valid UTF-8 kept") {
    CHECK(bp::sanitize_utf8("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(bp::sanitize_utf8("bad\xFF"
                            "byte") == "bad\xEF\xBF\xBD"
                                       "byte");
    CHECK(bp::sanitize_utf8(std::string("nul\0x", 5)) == "nul\xEF\xBF\xBD"
                                                         "x");
    // At either end, side by side, and a sequence cut short by the end of the text.
    CHECK(bp::sanitize_utf8("\xFF\xFEok\xC3") == "\xEF\xBF\xBD\xEF\xBF\xBDok\xEF\xBF\xBD");
    CHECK(bp::sanitize_utf8("\xE2\x80x") == "\xEF\xBF\xBD\xEF\xBF\xBDx");
    CHECK(bp::sanitize_utf8("plain text") == "plain text");
    CHECK(bp::sanitize_utf8("").empty());
    CHECK(bp::utf8_length("£5 – “ok”") == 9);
}

TEST_CASE("characters are counted as a byte-by-byte count would, eight bytes at a time") {
    auto by_bytes = [](std::string_view text) {
        int count = 0;
        for (unsigned char c : text)
            count += (c & 0xC0) != 0x80;
        return count;
    };
    // Every start within a word and every length, over multi-byte characters, bad bytes and
    // every byte value, so that each falls at each place in a word.
    std::string mixed = "Arrests \xE2\x80\x93 \xC2\xA3"
                        "5 \xF0\x9F\x99\x82\xFF\x80\xBF\x7F\xC0 ok";
    for (int byte = 0; byte < 256; ++byte)
        mixed += static_cast<char>(byte);
    for (std::size_t from = 0; from < 9; ++from)
        for (std::size_t length = 0; from + length <= mixed.size(); ++length) {
            std::string_view text = std::string_view(mixed).substr(from, length);
            REQUIRE(bp::utf8_length(text) == by_bytes(text));
        }
    CHECK(bp::utf8_length(std::string(1000, 'a')) == 1000);
    CHECK(bp::utf8_length(std::string(300, '\x80')) == 0);
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

TEST_CASE("replace_all replaces every match in one pass, never what it put in") {
    CHECK(bp::replace_all("<use xlink:href=\"#glyph0-1\"/><use xlink:href=\"#glyph0-2\"/>",
                          "href=\"#", "href=\"#chart-a-") ==
          "<use xlink:href=\"#chart-a-glyph0-1\"/><use xlink:href=\"#chart-a-glyph0-2\"/>");
    // The replacement holds the pattern: it is not found again, so this ends.
    CHECK(bp::replace_all("id=\"x\" id=\"y\"", "id=\"", "id=\"id=\"") ==
          "id=\"id=\"x\" id=\"id=\"y\"");
    CHECK(bp::replace_all("aaaa", "aa", "b") == "bb"); // left to right, without overlaps
    CHECK(bp::replace_all("a–b–c", "–", "--") == "a--b--c");
    CHECK(bp::replace_all("no match here", "xyz", "!") == "no match here");
    CHECK(bp::replace_all("", "a", "b").empty());
    CHECK(bp::replace_all("text", "", "!") == "text");
    CHECK(bp::replace_all("abc", "abc", "") == "");
}

// Replacing in place moved the rest of the text at every match: 150,000 matches in 3.5 MB took
// 3.4 s. One pass takes milliseconds.
TEST_CASE("replace_all stays linear on a large drawing with many matches" * doctest::timeout(1)) {
    std::string svg;
    for (int i = 0; i < 150000; ++i)
        svg += "<path id=\"glyph" + std::to_string(i) + "\"/>";
    std::string out = bp::replace_all(svg, " id=\"", " id=\"p-");
    CHECK(out.size() == svg.size() + 150000 * 2);
    CHECK(out.find("<path id=\"p-glyph149999\"/>") != std::string::npos);
}

TEST_CASE("lines are taken one at a time, and a count is digits alone") {
    std::string_view rest = "key abc\nfiles 2\nno end";
    CHECK(bp::take_line(rest) == std::optional<std::string_view>("key abc"));
    CHECK(bp::take_line(rest) == std::optional<std::string_view>("files 2"));
    CHECK_FALSE(bp::take_line(rest)); // cut short: no line break
    CHECK(rest == "no end");
    std::string_view blank = "\n";
    CHECK(bp::take_line(blank) == std::optional<std::string_view>(""));
    CHECK(blank.empty());
    CHECK(bp::parse_count("0") == std::optional<std::size_t>(0));
    CHECK(bp::parse_count("52458") == std::optional<std::size_t>(52458));
    CHECK_FALSE(bp::parse_count(""));
    CHECK_FALSE(bp::parse_count("12 "));
    CHECK_FALSE(bp::parse_count("-3"));
    CHECK_FALSE(bp::parse_count("99999999999999999999999"));
}

TEST_CASE("short_decimal: at most the decimals asked, no trailing zeros, never -0 or nan") {
    CHECK(bp::short_decimal(12.5, 2) == "12.5");
    CHECK(bp::short_decimal(3, 2) == "3");
    CHECK(bp::short_decimal(10, 0) == "10");
    CHECK(bp::short_decimal(-0.25, 2) == "-0.25");
    CHECK(bp::short_decimal(6.863281, 2) == "6.86");
    CHECK(bp::short_decimal(0.015625, 6) == "0.015625");
    CHECK(bp::short_decimal(-0.001, 2) == "0");
    CHECK(bp::short_decimal(std::nan(""), 2) == "0");
    CHECK(bp::short_decimal(-INFINITY, 2) == "0");
    CHECK(bp::short_decimal(1e300, 1).size() == 301);
    std::string out = "M ";
    bp::append_decimal(out, 1.239, 2);
    CHECK(out == "M 1.24");
}

namespace {

// What short_decimal() must give, worked out the long way: the exactly rounded digits of
// std::to_chars' fixed form, trailing zeros and a bare point dropped, "0" for zero and "-0".
std::string exactly_rounded(double value, int decimals) {
    char buffer[400];
    auto written =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    std::string digits(buffer, written.ptr);
    if (digits.find('.') != std::string::npos) {
        while (digits.back() == '0')
            digits.pop_back();
        if (digits.back() == '.')
            digits.pop_back();
    }
    return digits.empty() || digits == "-0" ? "0" : digits;
}

} // namespace

TEST_CASE("short_decimal rounds as the exact decimal expansion does, halves and their "
          "neighbours included") {
    std::vector<double> values = {0.0,         -0.0,      0.5,     1.5,        2.5,     -2.5,
                                  0.125,       0.0005,    1.0005,  2.675,      1.005,   -1.005,
                                  999999999,   1e9,       -1e9,    0.1,        0.7,     -0.3,
                                  123.4565,    -123.4565, 4.35,    1e-7,       -1e-7,   5e-7,
                                  0.999999949, 0.9999995, 99.9995, 1234.56789, 6.863281};
    std::mt19937_64 random(20261207);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> exponent(-9, 10);
    for (int i = 0; i < 40000; ++i) {
        double value = unit(random) * std::pow(10.0, exponent(random));
        values.push_back(i % 2 ? -value : value);
    }
    // Halves of every number of places, and the doubles either side of them.
    for (int places = 0; places <= 6; ++places)
        for (int i = 0; i < 4000; ++i) {
            double half = (static_cast<double>(i * 7919 % 2000003) + 0.5) / std::pow(10.0, places);
            for (double value : {half, std::nextafter(half, 0.0), std::nextafter(half, 1e300)})
                values.insert(values.end(), {value, -value});
        }
    int mismatches = 0;
    for (double value : values)
        for (int places = 0; places <= 7; ++places)
            if (bp::short_decimal(value, places) != exactly_rounded(value, places) &&
                ++mismatches <= 5)
                FAIL_CHECK(value << " to " << places
                                 << " places: " << bp::short_decimal(value, places) << ", not "
                                 << exactly_rounded(value, places));
    CHECK(mismatches == 0);
}
