#include "pack/haru_fonts.hpp"
#include "pack_fixture.hpp"

#include <doctest/doctest.h>
#include <map>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

using namespace bp;
using namespace bp::pack;

namespace {

using layout::FontStyle;
const char* const sample = "Agenda £12 – ‘done’";

// What a saved document says about one of its fonts.
struct FontMaps {
    std::string cid_to_gid;    // the CIDToGIDMap's bytes, two a code
    std::map<int, int> widths; // the W array, by code
};

std::uint16_t glyph_of(const FontMaps& maps, char32_t code) {
    std::size_t at = 2 * static_cast<std::size_t>(code);
    if (at + 1 >= maps.cid_to_gid.size())
        return 0;
    return static_cast<std::uint16_t>(static_cast<unsigned char>(maps.cid_to_gid[at]) << 8 |
                                      static_cast<unsigned char>(maps.cid_to_gid[at + 1]));
}

std::map<int, int> widths_of(QPDFObjectHandle w) {
    std::map<int, int> widths;
    for (int i = 0; i + 1 < w.getArrayNItems(); i += 2) {
        int first = w.getArrayItem(i).getIntValueAsInt();
        QPDFObjectHandle run = w.getArrayItem(i + 1);
        for (int k = 0; k < run.getArrayNItems(); ++k)
            widths[first + k] = run.getArrayItem(k).getIntValueAsInt();
    }
    return widths;
}

// libharu names a font "HPDFAA+NotoSans-Bold,Bold": a tag, the face, a style.
bool names_face(const std::string& base_font, const std::string& face) {
    std::size_t at = base_font.find("+" + face);
    if (at == std::string::npos)
        return false;
    std::size_t end = at + 1 + face.size();
    return end == base_font.size() || base_font[end] == ',';
}

// The maps of the font of `face`, e.g. "NotoSans-Regular".
FontMaps maps_of(QPDF& pdf, const std::string& face) {
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isDictionary() || !object.getKey("/Subtype").isNameAndEquals("/Type0") ||
            !names_face(object.getKey("/BaseFont").getName(), face))
            continue;
        QPDFObjectHandle descendant = object.getKey("/DescendantFonts").getArrayItem(0);
        auto data = descendant.getKey("/CIDToGIDMap").getStreamData(qpdf_dl_all);
        return {std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()),
                widths_of(descendant.getKey("/W"))};
    }
    FAIL("no font " << face);
    return {};
}

// A page with `sample` in the regular face, saved; the text's width as libharu measures it.
std::string one_page(HaruDocument& document, double& measured) {
    HPDF_Page page = HPDF_AddPage(document.get());
    HPDF_Font regular = document.font(FontStyle::regular);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, regular, 12);
    HPDF_Page_TextOut(page, 72, 720, sample);
    HPDF_Page_EndText(page);
    measured = HPDF_Page_TextWidth(page, sample);
    return document.save();
}

std::string contents_of(QPDF& pdf) {
    auto page = QPDFPageDocumentHelper(pdf).getAllPages().at(0);
    auto data = page.getObjectHandle().getKey("/Contents").getStreamData(qpdf_dl_all);
    return {reinterpret_cast<const char*>(data->getBuffer()), data->getSize()};
}

} // namespace

TEST_CASE("a font made for known characters maps them as one made for any text does") {
    FontFiles files = testing::resources().fonts;
    HaruDocument any_text;
    REQUIRE(any_text.load_fonts(files));
    std::set<char32_t> known[layout::font_style_count];
    for (char32_t c : std::u32string(U"Agenda £12 – ‘done’"))
        known[static_cast<int>(FontStyle::regular)].insert(c);
    known[static_cast<int>(FontStyle::bold)] = {U'B'};
    known[static_cast<int>(FontStyle::bold_italic)] = {U'x', U'\U0001F600'};
    HaruDocument known_text;
    REQUIRE(known_text.load_fonts(files, known));

    double width_any = 0, width_known = 0;
    std::string any_bytes = one_page(any_text, width_any);
    std::string known_bytes = one_page(known_text, width_known);
    REQUIRE_FALSE(any_bytes.empty());
    REQUIRE_FALSE(known_bytes.empty());
    QPDF any_pdf, known_pdf;
    any_pdf.processMemoryFile("any.pdf", any_bytes.data(), any_bytes.size());
    known_pdf.processMemoryFile("known.pdf", known_bytes.data(), known_bytes.size());

    // Text is still encoded and measured through the UTF-8 encoder, as before.
    CHECK(width_known == width_any);
    CHECK(width_known > 50);
    CHECK(contents_of(known_pdf) == contents_of(any_pdf));

    FontMaps any = maps_of(any_pdf, "NotoSans-Regular");
    FontMaps regular = maps_of(known_pdf, "NotoSans-Regular");
    // The map ends after the last character, U+2019, and holds the known characters alone.
    CHECK(regular.cid_to_gid.size() == 2 * (0x2019 + 1));
    for (char32_t c = 1; c <= 0x2019; ++c) {
        bool is_known = known[0].count(c) > 0;
        CAPTURE(static_cast<unsigned>(c));
        if (is_known) {
            CHECK(glyph_of(regular, c) != 0);
            CHECK(glyph_of(regular, c) == glyph_of(any, c));
        } else {
            CHECK(glyph_of(regular, c) == 0);
        }
    }
    for (auto [code, width] : regular.widths) {
        CAPTURE(code);
        CHECK(known[0].count(static_cast<char32_t>(code)) == 1);
        CHECK(any.widths.at(code) == width);
    }
    CHECK(regular.widths.size() >= 10);

    // An unused face still makes a font; one with a character beyond 16 bits is made for
    // every code point.
    CHECK(maps_of(known_pdf, "NotoSans-Italic").cid_to_gid.size() == 2);
    CHECK(maps_of(known_pdf, "NotoSans-BoldItalic").cid_to_gid.size() == 2 * 0xFFFF);
    FontMaps bold = maps_of(known_pdf, "NotoSans-Bold");
    CHECK(bold.cid_to_gid.size() == 2 * ('B' + 1));
    CHECK(glyph_of(bold, 'B') == glyph_of(maps_of(any_pdf, "NotoSans-Bold"), 'B'));
}
