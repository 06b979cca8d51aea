// Pages painted for a pack after it was made (an archive's contents) are set in the pack's own
// fonts where those hold every character painted (pack_faces.hpp).
#include "pack/pack.hpp"
#include "pack/pack_faces.hpp"
#include "pack_fixture.hpp"

#include <doctest/doctest.h>
#include <qpdf/QPDFPageDocumentHelper.hh>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

namespace {

// The fixture's public pack, read back.
struct ReadPack {
    std::string bytes;
    QPDF pdf;
};

std::unique_ptr<ReadPack> read_pack(const std::string& name) {
    auto fixture = make_fixture(name);
    DiagnosticSink sink;
    auto read = std::make_unique<ReadPack>();
    read->bytes = public_pack(*fixture, sink).pack_pdf;
    REQUIRE_FALSE(sink.has_errors());
    read->pdf.processMemoryFile("pack.pdf", read->bytes.data(), read->bytes.size());
    return read;
}

UsedGlyphs named_glyphs() {
    UsedGlyphs glyphs;
    const char* names[] = {"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic",
                           "NotoSans-BoldItalic"};
    for (int style = 0; style < layout::font_style_count; ++style)
        glyphs.postscript_names[style] = names[style];
    return glyphs;
}

std::string face_on(QPDFObjectHandle font) {
    return font.isDictionary() ? font.getKey("/BaseFont").getName() : "";
}

} // namespace

TEST_CASE("a pack's font stands for a style when it has a width for each character painted") {
    auto pack = read_pack("faces-covered");
    UsedGlyphs glyphs = named_glyphs();
    glyphs.by_style[0] = {U'T', U'h', U'e'};
    glyphs.by_style[1] = {U'B', U'Ж'}; // no pack of this fixture paints Cyrillic
    auto faces = pack_faces_for(pack->pdf, glyphs);
    REQUIRE(faces);
    CHECK(faces->covers(0));
    CHECK(face_on(faces->fonts[0]).ends_with("+NotoSans-Regular"));
    CHECK_FALSE(faces->covers(1));
    CHECK_FALSE(faces->covers(2)); // nothing painted in it
    // The face's file as the pack embeds it: a TrueType file, version 1.0.
    REQUIRE(faces->files[0].size() > 1000);
    CHECK(faces->files[0].compare(0, 4, std::string("\0\1\0\0", 4)) == 0);

    glyphs.by_style[0].insert(U'Ж');
    CHECK_FALSE(pack_faces_for(pack->pdf, glyphs)); // no style left to the pack
}

TEST_CASE("text set in other installed fonts keeps a pack's fonts out of it") {
    auto pack = read_pack("faces-fallback");
    UsedGlyphs glyphs = named_glyphs();
    glyphs.by_style[0] = {U'T', U'h', U'e'};
    REQUIRE(pack_faces_for(pack->pdf, glyphs));
    glyphs.fallback_texts = {{FallbackText{}}};
    CHECK_FALSE(pack_faces_for(pack->pdf, glyphs));
}

TEST_CASE("fonts taken off pages leave their face's name and go from the document") {
    auto pack = read_pack("faces-taken");
    UsedGlyphs glyphs = named_glyphs();
    glyphs.by_style[0] = {U'T', U'h', U'e'};
    auto faces = pack_faces_for(pack->pdf, glyphs);
    REQUIRE(faces);
    auto pages = QPDFPageDocumentHelper(pack->pdf).getAllPages();
    auto fonts_of_first = [&] {
        QPDFObjectHandle page = pages.front().getObjectHandle();
        return page.getKey("/Resources").getKey("/Font");
    };
    QPDFObjGen regular;
    for (auto& [key, font] : fonts_of_first().ditems())
        if (face_on(font).ends_with("+NotoSans-Regular"))
            regular = font.getObjGen();
    REQUIRE(regular.isIndirect());

    // A face the glyphs do not name (the pack's bold, say) is refused, and nothing changes.
    UsedGlyphs regular_only = glyphs;
    for (int style = 1; style < layout::font_style_count; ++style)
        regular_only.postscript_names[style].clear();
    CHECK_FALSE(take_off_fonts(pack->pdf, pages, *faces, regular_only));
    for (auto& [key, font] : fonts_of_first().ditems())
        CHECK(font.isDictionary());

    REQUIRE(take_off_fonts(pack->pdf, pages, *faces, glyphs));
    int names = 0;
    for (auto& [key, font] : fonts_of_first().ditems()) {
        if (font.isString()) {
            CHECK(font.getStringValue() == "NotoSans-Regular");
            ++names;
        } else {
            CHECK_FALSE(face_on(font).ends_with("+NotoSans-Regular")); // the others stay
        }
    }
    CHECK(names == 1);
    CHECK(pack->pdf.getObjectByObjGen(regular).isNull());
}
