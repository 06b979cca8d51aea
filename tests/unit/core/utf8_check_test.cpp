#include "core/diagnostics.hpp"
#include "core/text.hpp"

#include <doctest/doctest.h>

TEST_CASE("the first invalid UTF-8 byte is found") {
    CHECK_FALSE(bp::invalid_utf8_offset("plain ASCII"));
    CHECK_FALSE(bp::invalid_utf8_offset("caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80"));
    CHECK(bp::invalid_utf8_offset("ab\xFF") == 2u);
    CHECK(bp::invalid_utf8_offset("ab\xC3") == 2u); // truncated sequence
    CHECK(bp::invalid_utf8_offset(std::string_view("a\0b", 3)) == 1u);
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
