// The painter writes a run's text into the page itself, without libharu measuring it first
// (haru_text.cpp): the bytes must be those libharu's HPDF_Page_TextOut writes.
#include "pack/font_faces.hpp"
#include "pack/haru_fonts.hpp"
#include "pack/haru_text.hpp"
#include "pack/utf8.hpp"
#include "pack_fixture.hpp"

#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <string_view>
#include <vector>

using namespace bp;
using namespace bp::pack;
using namespace std::string_view_literals;

namespace {

struct SampleRun {
    layout::FontStyle style;
    double size;
    double x, y;
    std::string_view text;
};

// Runs as a page of a paper has them: faces and sizes changing, places to two decimals and
// beyond, characters of one, two and three bytes, and a line set again at its own start.
const std::vector<SampleRun> sample_runs = {
    {layout::FontStyle::bold, 14, 56.69, 785.2, "Community Safety Partnership"},
    {layout::FontStyle::regular, 9.5, 56.69, 760.433, "Minutes £40 – agreed, naïve café"},
    {layout::FontStyle::regular, 9.5, 171.3371, 760.433, "(continued)"},
    {layout::FontStyle::italic, 9.5, 56.69, 748.1, "Ω ≤ 5 % “quoted”"},
    {layout::FontStyle::bold_italic, 8, 300.25, 100.004, "Page 3 of 12"},
    {layout::FontStyle::regular, 9.5, 56.69, 760.433, "Minutes"},
};

std::set<char32_t> characters_of_runs() {
    std::set<char32_t> characters;
    for (const auto& run : sample_runs)
        for (char32_t c : decode_utf8(std::string(run.text)))
            characters.insert(c);
    return characters;
}

// A page with the sample runs on it, each shown by `show`, and the page's content stream.
template <typename Show> std::string page_contents(Show show) {
    std::set<char32_t> characters = characters_of_runs();
    UsedGlyphs glyphs;
    for (auto& style : glyphs.by_style)
        style = characters;
    auto faces = FontFaces::open(testing::resources().fonts);
    REQUIRE(faces);
    std::string error;
    SubsetFonts subsets = faces->write_subsets(glyphs, error);
    REQUIRE(subsets.written());
    HaruDocument document;
    REQUIRE(
        document.load_fonts(subsets.files(), glyphs.by_style, HaruDocument::Embedding::as_files));
    HPDF_Page page = HPDF_AddPage(document.get());
    HPDF_Page_BeginText(page);
    for (const auto& run : sample_runs) {
        HPDF_Font font = document.font(run.style);
        CHECK(document.embedded_as_file(font));
        HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(run.size));
        show(page, static_cast<HPDF_REAL>(run.x), static_cast<HPDF_REAL>(run.y), run.text);
    }
    HPDF_Page_EndText(page);
    std::string bytes = document.save();
    REQUIRE_FALSE(bytes.empty());
    QPDF pdf;
    pdf.processMemoryFile("page.pdf", bytes.data(), bytes.size());
    auto contents =
        QPDFPageDocumentHelper(pdf).getAllPages().at(0).getObjectHandle().getKey("/Contents");
    auto data = contents.getStreamData(qpdf_dl_all);
    return {reinterpret_cast<const char*>(data->getBuffer()), data->getSize()};
}

} // namespace

TEST_CASE("text written without libharu measuring it is the text libharu writes") {
    std::string by_libharu =
        page_contents([](HPDF_Page page, HPDF_REAL x, HPDF_REAL y, std::string_view text) {
            HPDF_Page_TextOut(page, x, y, std::string(text).c_str());
        });
    std::string by_painter =
        page_contents([](HPDF_Page page, HPDF_REAL x, HPDF_REAL y, std::string_view text) {
            CHECK(show_text_at(page, x, y, text));
        });
    CHECK(by_painter == by_libharu);
    // Every run is in it, each a move from the line before and UTF-16 units: "£" is 00A3.
    CHECK(by_painter.find(" Td\n<004D0069006E0075007400650073002000A3") != std::string::npos);
    CHECK(by_painter.find("> Tj\n") != std::string::npos);
}

TEST_CASE("characters are encoded as libharu's UTF-8 encoder encodes them") {
    CHECK(utf16_hex_as_libharu_encodes("Ab") == "00410062");
    CHECK(utf16_hex_as_libharu_encodes("£–") == "00A32013");
    CHECK(utf16_hex_as_libharu_encodes("") == "");
    // Beyond U+FFFF: a space, as libharu writes it.
    CHECK(utf16_hex_as_libharu_encodes("a\U0001F600b") == "006100200062");
    // A byte that cannot start a character is passed over; one cut short is left out.
    CHECK(utf16_hex_as_libharu_encodes("a\x80z") == "0061007A");
    CHECK(utf16_hex_as_libharu_encodes("z\xE2\x80") == "007A");
}

TEST_CASE("text shown outside a text object is refused, as libharu refuses it") {
    HaruDocument document;
    HPDF_Page page = HPDF_AddPage(document.get());
    CHECK(HPDF_Page_TextOut(page, 10, 10, "Minutes") != HPDF_OK);
    CHECK_FALSE(show_text_at(page, 10, 10, "Minutes"));
}
