#include "site/json_string.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace {

// The JSON library's own writing of `text`, the bytes append_json_string must match.
std::string library_json(const std::string& text) {
    return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written(const std::string& text) {
    std::string out = "prefix:";
    bp::site::append_json_string(out, text);
    return out.substr(7);
}

} // namespace

TEST_CASE("a JSON string is written as the JSON library writes it") {
    CHECK(written("Recorded crime fell by 4%") == "\"Recorded crime fell by 4%\"");
    CHECK(written("a \"quoted\" word\\path\n\ttab") ==
          "\"a \\\"quoted\\\" word\\\\path\\n\\ttab\"");
    CHECK(written(std::string("nul\0bell\x07", 9)) == "\"nul\\u0000bell\\u0007\"");
    CHECK(written("\xC2\xA3"
                  "5k \xE2\x80\x93 \xF0\x9F\x99\x82") == "\"\xC2\xA3"
                                                         "5k \xE2\x80\x93 \xF0\x9F\x99\x82\"");
    CHECK(written("") == "\"\"");
}

TEST_CASE("every one- and two-byte string, and three-byte leads, match the library") {
    for (int first = 0; first < 256; ++first) {
        std::string one(1, static_cast<char>(first));
        REQUIRE(written(one) == library_json(one));
        for (int second = 0; second < 256; ++second) {
            std::string two = one + static_cast<char>(second);
            REQUIRE(written(two) == library_json(two));
        }
    }
    // Each lead byte from C0 with each second byte, a continuation after them and text around:
    // overlong forms, surrogates and code points past U+10FFFF go to the library, which
    // writes U+FFFD for them; the well-formed ones are copied.
    for (int lead = 0xC0; lead < 0x100; ++lead)
        for (int second = 0x70; second < 0xD0; ++second) {
            std::string text = std::string("ab\"c ") + static_cast<char>(lead) +
                               static_cast<char>(second) + "\x80\x80 tail\n";
            REQUIRE(written(text) == library_json(text));
        }
}
