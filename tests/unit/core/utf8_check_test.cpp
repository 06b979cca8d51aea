#include "core/diagnostics.hpp"
#include "core/text.hpp"

#include <doctest/doctest.h>
#include <optional>
#include <string>
#include <string_view>

TEST_CASE("the first invalid UTF-8 byte is found") {
    CHECK_FALSE(bp::invalid_utf8_offset("plain ASCII"));
    CHECK_FALSE(bp::invalid_utf8_offset("caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80"));
    CHECK(bp::invalid_utf8_offset("ab\xFF") == 2u);
    CHECK(bp::invalid_utf8_offset("ab\xC3") == 2u); // truncated sequence
    CHECK(bp::invalid_utf8_offset(std::string_view("a\0b", 3)) == 1u);
}

TEST_CASE("the first invalid byte is found at any place among runs of ASCII") {
    // The rule a byte at a time: a lead byte, its continuation bytes, and no NUL.
    auto first_bad = [](std::string_view text) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < text.size();) {
            unsigned char c = static_cast<unsigned char>(text[i]);
            std::size_t length = c < 0x80           ? 1
                                 : (c >> 5) == 0x6  ? 2
                                 : (c >> 4) == 0xE  ? 3
                                 : (c >> 3) == 0x1E ? 4
                                                    : 0;
            if (length == 0 || c == 0 || i + length > text.size())
                return i;
            for (std::size_t k = 1; k < length; ++k)
                if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
                    return i;
            i += length;
        }
        return std::nullopt;
    };
    std::string mixed = "Recorded crime fell \xE2\x80\x93 by \xC2\xA3"
                        "5k overall\x7F\x01 in the third quarter";
    mixed += std::string(1, '\0') + "after a NUL, twelve" + "\xF0\x9F\x99\x82" +
             "then a stray \x80 and a cut \xE2\x80";
    for (std::size_t from = 0; from < 9; ++from)
        for (std::size_t length = 0; from + length <= mixed.size(); ++length) {
            std::string_view text = std::string_view(mixed).substr(from, length);
            REQUIRE(bp::invalid_utf8_offset(text) == first_bad(text));
        }
    CHECK(bp::invalid_utf8_offset(std::string(1000, 'a') + "\xFF") == 1000u);
}

TEST_CASE("strict UTF-8 refuses overlong forms, surrogates and code points past U+10FFFF") {
    CHECK(bp::is_strict_utf8("caf\xC3\xA9 \xE2\x80\x93 \xEF\xBF\xBD \xF4\x8F\xBF\xBF"));
    CHECK(bp::is_strict_utf8(std::string("nul ") + '\0' + " is a character"));
    CHECK_FALSE(bp::is_strict_utf8("\xC0\x80"));         // overlong NUL
    CHECK_FALSE(bp::is_strict_utf8("\xE0\x9F\xBF"));     // overlong three bytes
    CHECK_FALSE(bp::is_strict_utf8("\xED\xA0\x80"));     // a surrogate
    CHECK_FALSE(bp::is_strict_utf8("\xF4\x90\x80\x80")); // past U+10FFFF
    CHECK_FALSE(bp::is_strict_utf8("\xF0\x8F\xBF\xBF")); // overlong four bytes
    CHECK_FALSE(bp::is_strict_utf8(std::string(20, 'a') + "\xE2\x80"));
    CHECK_FALSE(bp::is_strict_utf8("eight b\x80"));
}

TEST_CASE("invalid UTF-8 is a located error") {
    bp::DiagnosticSink sink;
    CHECK_FALSE(bp::check_utf8("first line\nsecond \xC3\xA9 \xFF here", {"paper.md", 5, 1}, sink));
    auto found_all = sink.sorted();
    REQUIRE(found_all.size() == 1);
    const auto& found = found_all[0];
    CHECK(found.location.file == "paper.md");
    CHECK(found.location.line == 6);
    CHECK(found.location.column == 10);
    CHECK(found.message.find("0xFF") != std::string::npos);
    CHECK(bp::check_utf8("fine", {"paper.md", 1, 1}, sink));
}
