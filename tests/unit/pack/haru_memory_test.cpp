// libharu's byte-at-a-time memory helpers are replaced by the C library's (haru_fonts.cpp):
// the replacements keep libharu's meaning, and they are the ones libharu calls.
#include "pack/haru_fonts.hpp"

#include <dlfcn.h>
#include <doctest/doctest.h>
#include <string>

extern "C" HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in, HPDF_UINT n);
extern "C" void* HPDF_MemSet(void* s, HPDF_BYTE c, HPDF_UINT n);

TEST_CASE("libharu's memory helpers return the end of what they wrote") {
    HPDF_BYTE bytes[8] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'};
    CHECK(HPDF_MemSet(bytes, 'x', 3) == bytes + 3);
    CHECK(std::string(bytes, bytes + 8) == "xxxdefgh");
    const HPDF_BYTE from[3] = {'1', '2', '3'};
    CHECK(HPDF_MemCpy(bytes + 5, from, 3) == bytes + 8);
    CHECK(std::string(bytes, bytes + 8) == "xxxde123");
    CHECK(HPDF_MemCpy(bytes, from, 0) == bytes);
    CHECK(HPDF_MemSet(bytes, 'y', 0) == bytes);
}

TEST_CASE("a copy between overlapping ranges comes out as a byte loop makes it") {
    HPDF_BYTE bytes[8] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'};
    HPDF_MemCpy(bytes, bytes + 2, 6); // forwards, as libharu shifts a buffer's rest down
    CHECK(std::string(bytes, bytes + 8) == "cdefghgh");
}

TEST_CASE("the replacements are the definitions libharu's calls bind to") {
    // libharu calls its helpers through the dynamic symbol table: the first definition there
    // is the one every call reaches, and it must not be libharu's own.
    for (const char* name : {"HPDF_MemCpy", "HPDF_MemSet"}) {
        CAPTURE(name);
        Dl_info found{};
        REQUIRE(dladdr(dlsym(RTLD_DEFAULT, name), &found) != 0);
        CHECK(std::string(found.dli_fname).find("libhpdf") == std::string::npos);
    }
    // And a document with a page of drawing comes out whole through them.
    bp::pack::HaruDocument document;
    REQUIRE(document.get() != nullptr);
    HPDF_Page page = HPDF_AddPage(document.get());
    HPDF_Page_Rectangle(page, 10, 10, 100, 50);
    HPDF_Page_Fill(page);
    const std::string pdf = document.save();
    CHECK(pdf.starts_with("%PDF-"));
    CHECK(pdf.find("10 10 100 50 re") != std::string::npos);
    CHECK(pdf.find("%%EOF") != std::string::npos);
}
