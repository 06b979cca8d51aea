// The painter writes a run's text into the page itself, without libharu measuring it first
// (haru_text.cpp): the operators and codes must be those libharu's HPDF_Page_TextOut writes,
// the codes as a literal string where libharu writes them in hex.
#include "pack/font_faces.hpp"
#include "pack/haru_fonts.hpp"
#include "pack/haru_text.hpp"
#include "pack/utf8.hpp"
#include "pack_fixture.hpp"

#include <doctest/doctest.h>
#include <memory>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <string_view>
#include <utility>
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
    REQUIRE(document.load_fonts(subsets.faces(), glyphs.by_style));
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

// The tokens of a content stream as a reader sees them: a string is its bytes, whether it was
// written in hex or as a literal.
std::vector<std::pair<QPDFTokenizer::token_type_e, std::string>>
tokens_of(const std::string& content) {
    auto input = std::make_shared<BufferInputSource>("content", content);
    QPDFTokenizer tokenizer;
    std::vector<std::pair<QPDFTokenizer::token_type_e, std::string>> tokens;
    for (;;) {
        auto token = tokenizer.readToken(input, "content", true);
        if (token.getType() == QPDFTokenizer::tt_eof || token.getType() == QPDFTokenizer::tt_bad)
            break;
        bool valued = token.getType() == QPDFTokenizer::tt_string ||
                      token.getType() == QPDFTokenizer::tt_name;
        tokens.emplace_back(token.getType(), valued ? token.getValue() : token.getRawValue());
    }
    return tokens;
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
    CHECK(tokens_of(by_painter) == tokens_of(by_libharu));
    CHECK(tokens_of(by_painter).size() > 6 * 4);
    // Every run is in it, each a move from the line before and UTF-16 units: "£" is 00A3; the
    // parentheses of "(continued)" are escaped.
    CHECK(by_painter.find(" Td\n(\0M\0i\0n\0u\0t\0e\0s\0 \0\xA3"sv) != std::string::npos);
    CHECK(by_painter.find("(\0\\(\0c\0o\0n\0t\0i\0n\0u\0e\0d\0\\)) Tj\n"sv) != std::string::npos);
    // A third less than libharu's hex, which takes four digits a character.
    CHECK(by_painter.size() < by_libharu.size() * 3 / 4);
}

TEST_CASE("characters are encoded as libharu's UTF-8 encoder encodes them") {
    CHECK(utf16_as_libharu_encodes("Ab") == "\0A\0b"sv);
    CHECK(utf16_as_libharu_encodes("£–") == "\0\xA3\x20\x13"sv);
    CHECK(utf16_as_libharu_encodes("") == "");
    // Beyond U+FFFF: a space, as libharu writes it.
    CHECK(utf16_as_libharu_encodes("a\U0001F600b") == "\0a\0 \0b"sv);
    // A byte that cannot start a character is passed over; one cut short is left out.
    CHECK(utf16_as_libharu_encodes("a\x80z") == "\0a\0z"sv);
    CHECK(utf16_as_libharu_encodes("z\xE2\x80") == "\0z"sv);
}

TEST_CASE("text is shown as the literal string of libharu's codes, ASCII or not") {
    for (std::string_view text :
         {""sv, "Minutes"sv, "a(b)c\\d \r end"sv, "(continued)"sv, "£4,500 – (net)"sv,
          "a\U0001F600b"sv, "a\x80z"sv, "z\xE2\x80"sv, "tab\there\x7F"sv}) {
        std::string shown = "Td ";
        append_shown_text(shown, text);
        CHECK(shown == "Td " + pdf_literal_string(utf16_as_libharu_encodes(text)));
    }
    std::string escaped;
    append_shown_text(escaped, "(\\)");
    CHECK(escaped == "(\0\\(\0\\\\\0\\))"sv);
}

TEST_CASE("a literal string escapes what a reader would read otherwise, and nothing else") {
    CHECK(pdf_literal_string("") == "()");
    CHECK(pdf_literal_string("a(b)c\\d") == "(a\\(b\\)c\\\\d)");
    CHECK(pdf_literal_string("\r\n\0"sv) == "(\\r\n\0)"sv);
    // Every byte value reads back as itself, in any order, unbalanced parentheses included.
    std::string every_byte;
    for (int byte = 255; byte >= 0; --byte)
        every_byte += static_cast<char>(byte);
    every_byte += "\r\n))(";
    auto tokens = tokens_of(pdf_literal_string(every_byte) + " Tj");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].first == QPDFTokenizer::tt_string);
    CHECK(tokens[0].second == every_byte);
}

TEST_CASE("text shown outside a text object is refused, as libharu refuses it") {
    HaruDocument document;
    HPDF_Page page = HPDF_AddPage(document.get());
    CHECK(HPDF_Page_TextOut(page, 10, 10, "Minutes") != HPDF_OK);
    CHECK_FALSE(show_text_at(page, 10, 10, "Minutes"));
}
