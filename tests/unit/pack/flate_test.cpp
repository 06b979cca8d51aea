#include "pack/flate.hpp"

#include <doctest/doctest.h>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <random>
#include <string>

using bp::pack::flate_compress;

namespace {

// What a PDF reader does with a /FlateDecode stream: qpdf's own inflater, not ours.
std::string inflate(const std::string& compressed) {
    Pl_Buffer plain("plain");
    Pl_Flate inflater("inflate", &plain, Pl_Flate::a_inflate);
    inflater.write(reinterpret_cast<const unsigned char*>(compressed.data()), compressed.size());
    inflater.finish();
    auto buffer = plain.getBufferSharedPointer();
    return {reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()};
}

std::string page_text(int lines) {
    std::string text;
    for (int i = 0; i < lines; ++i)
        text +=
            "BT /F1 10 Tf 72 " + std::to_string(700 - i * 12) + " Td <0041004200430044> Tj ET\n";
    return text;
}

} // namespace

TEST_CASE("a flate stream inflates back to the bytes given, in zlib's wrapper") {
    std::string text = page_text(400);
    std::string compressed = flate_compress(text);
    CHECK(compressed.size() < text.size() / 5); // repetitive page text shrinks
    REQUIRE(compressed.size() > 2);
    CHECK(static_cast<unsigned char>(compressed[0]) == 0x78); // zlib header: deflate, 32K window
    CHECK(inflate(compressed) == text);
}

TEST_CASE("bytes that do not compress, and no bytes at all, come back whole") {
    std::mt19937 random(20261204);
    std::string noise(70000, '\0');
    for (char& byte : noise)
        byte = static_cast<char>(random() & 0xFF);
    std::string compressed = flate_compress(noise);
    CHECK(compressed.size() < noise.size() + 64); // stored blocks cost a few bytes each
    CHECK(inflate(compressed) == noise);

    std::string empty = flate_compress("");
    CHECK_FALSE(empty.empty());
    CHECK(inflate(empty).empty());

    std::string zeros(5, '\0'); // embedded NULs are bytes like any other
    CHECK(inflate(flate_compress(zeros)) == zeros);
}

TEST_CASE("the same bytes compress to the same stream every time") {
    std::string text = page_text(50);
    std::string first = flate_compress(text);
    for (int i = 0; i < 3; ++i)
        CHECK(flate_compress(text) == first);
}
