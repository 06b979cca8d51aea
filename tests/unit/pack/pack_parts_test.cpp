#include "layout/text_lines.hpp"
#include "layout/width_cache.hpp"
#include "pack/front_sheet.hpp"
#include "pack/haru_fonts.hpp"
#include "pack/pack_json.hpp"
#include "pack/post_pass.hpp"
#include "pack/sheet_writer.hpp"
#include "pack/text_measurer.hpp"
#include "pack/utf8.hpp"
#include "pack_fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace bp;
using namespace bp::pack;

TEST_CASE("the measurer uses the embedded faces") {
    auto measurer = HaruTextMeasurer::open(testing::resources().fonts);
    REQUIRE(measurer);
    double regular = measurer->width("Agenda", layout::FontStyle::regular, 10);
    double bold = measurer->width("Agenda", layout::FontStyle::bold, 10);
    CHECK(regular > 25);
    CHECK(regular < 40);
    CHECK(bold > regular);
    CHECK(measurer->width("Agenda", layout::FontStyle::regular, 20) ==
          doctest::Approx(2 * regular));
    // Non-ASCII text is measured per character, not per byte.
    CHECK(measurer->width("–", layout::FontStyle::regular, 10) <
          measurer->width("MMM", layout::FontStyle::regular, 10));
    CHECK(measurer->ascent(layout::FontStyle::regular) > 0.9);
    CHECK(measurer->descent(layout::FontStyle::regular) > 0.2);
    CHECK_FALSE(HaruTextMeasurer::open(bundled_font_files("/nonexistent")));
}

TEST_CASE("a width measured a character at a time is libharu's own measure of the whole text") {
    auto measurer = HaruTextMeasurer::open(testing::resources().fonts);
    REQUIRE(measurer);
    HaruDocument document;
    REQUIRE(document.load_fonts(testing::resources().fonts));
    const char* texts[] = {"Agenda",
                           "Café, naïve – ‘quoted’ £12.5m",
                           "minus \u2212 sign",
                           "tab\there",
                           "bad \xFF byte",
                           "beyond the plane \U0001F600",
                           ""};
    for (auto style : {layout::FontStyle::regular, layout::FontStyle::bold_italic}) {
        for (const char* text : texts) {
            CAPTURE(text);
            std::string printed = printable_text(text);
            HPDF_TextWidth whole = HPDF_Font_TextWidth(
                document.font(style), reinterpret_cast<const HPDF_BYTE*>(printed.data()),
                static_cast<HPDF_UINT>(printed.size()));
            CHECK(measurer->bundled_width(text, style, 10.5) == whole.width * 10.5 / 1000.0);
        }
    }
    // Measured twice, the same: the second time from what the first kept.
    CHECK(measurer->bundled_width("Café", layout::FontStyle::regular, 10) ==
          measurer->bundled_width("Café", layout::FontStyle::regular, 10));
}

TEST_CASE("the measurer, from the faces' definitions alone, measures every character as a font") {
    // It never makes libharu's fonts, whose maps for every code point cost more than a
    // one-paper rebuild's pack; its widths are still libharu's, character for character.
    auto measurer = HaruTextMeasurer::open(testing::resources().fonts);
    REQUIRE(measurer);
    HaruDocument document;
    REQUIRE(document.load_fonts(testing::resources().fonts));
    for (auto style : {layout::FontStyle::regular, layout::FontStyle::bold,
                       layout::FontStyle::italic, layout::FontStyle::bold_italic}) {
        CAPTURE(static_cast<int>(style));
        CHECK(measurer->ascent(style) == HPDF_Font_GetAscent(document.font(style)) / 1000.0);
        CHECK(measurer->descent(style) == -HPDF_Font_GetDescent(document.font(style)) / 1000.0);
        int differing = 0;
        int with_glyph = 0;
        const double missing_width = measurer->bundled_width("\uE000", style, 1000);
        for (char32_t c = 0x20; c <= 0xFFFF; ++c) {
            if (c >= 0xD800 && c <= 0xDFFF)
                continue; // not a character
            std::string text = printable_text(encode_utf8(std::u32string(1, c)));
            HPDF_TextWidth font_width = HPDF_Font_TextWidth(
                document.font(style), reinterpret_cast<const HPDF_BYTE*>(text.data()),
                static_cast<HPDF_UINT>(text.size()));
            double width = measurer->bundled_width(text, style, 1000);
            differing += width != font_width.width;
            with_glyph += width != missing_width;
        }
        CHECK(differing == 0);
        CHECK(with_glyph > 2000); // the face's own characters, Latin, Greek and Cyrillic
    }
}

TEST_CASE("a word of printable ASCII is summed at once, to the bit of the measured width") {
    auto measurer = HaruTextMeasurer::open(testing::resources().fonts);
    REQUIRE(measurer);
    for (auto style : {layout::FontStyle::regular, layout::FontStyle::italic}) {
        for (const char* text : {"Agenda", "£12.5m", "(7) 'quoted'", "a~z", "W"}) {
            CAPTURE(text);
            for (double size : {9.0, 10.5, 13.333}) {
                auto quick = measurer->quick_width(text, style, size);
                if (std::string_view(text).starts_with("\xC2")) {
                    CHECK_FALSE(quick); // "£": not ASCII, left to width()
                    continue;
                }
                REQUIRE(quick);
                CHECK(*quick == measurer->width(text, style, size));
            }
        }
    }
    // A control character is measured as the space it is painted as: left to width().
    CHECK_FALSE(measurer->quick_width("tab\there", layout::FontStyle::regular, 10));
    CHECK_FALSE(measurer->quick_width("del\x7F", layout::FontStyle::regular, 10));
    // Through the cache, the same widths as before: summed words are not kept, others are.
    layout::WidthCache widths(*measurer);
    CHECK(widths.width("Agenda", layout::FontStyle::bold, 11) ==
          measurer->width("Agenda", layout::FontStyle::bold, 11));
    CHECK(widths.width("Café", layout::FontStyle::bold, 11) ==
          measurer->width("Café", layout::FontStyle::bold, 11));
    CHECK(widths.width("Café", layout::FontStyle::bold, 11) ==
          widths.width("Café", layout::FontStyle::bold, 11));
}

TEST_CASE("the pack's own pages break lines as the papers do: at spaces, then with hyphens") {
    using layout::wrap_text;
    auto measurer = HaruTextMeasurer::open(testing::resources().fonts);
    REQUIRE(measurer);
    auto lines = wrap_text(*measurer, "one two three four", layout::FontStyle::regular, 10,
                           measurer->width("three four", layout::FontStyle::regular, 10) + 1);
    CHECK(lines == std::vector<std::string>{"one two", "three four"});
    auto pieces = wrap_text(*measurer, "safeguarding", layout::FontStyle::regular, 10,
                            measurer->width("safeguard-", layout::FontStyle::regular, 10) + 0.5);
    CHECK(pieces == std::vector<std::string>{"safeguard-", "ing"});
    CHECK(wrap_text(*measurer, "   ", layout::FontStyle::regular, 10, 100).empty());
}

TEST_CASE("ToUnicode maps list each painted character once, in blocks of at most 100") {
    std::set<char32_t> used{U'A', U'’', U'–'};
    std::string cmap = to_unicode_cmap(used);
    CHECK(cmap.find("3 beginbfchar\n<0041> <0041>\n<2013> <2013>\n<2019> <2019>\nendbfchar") !=
          std::string::npos);
    CHECK(cmap.find("begincidrange") == std::string::npos);
    std::set<char32_t> many;
    for (char32_t c = 0x20; c < 0x20 + 150; ++c)
        many.insert(c);
    std::string big = to_unicode_cmap(many);
    CHECK(big.find("100 beginbfchar") != std::string::npos);
    CHECK(big.find("50 beginbfchar") != std::string::npos);
}

TEST_CASE("text the fonts cannot encode is replaced rather than passed through") {
    CHECK(printable_text("Caf\xC3\xA9") == "Café");
    CHECK(printable_text("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
    CHECK(printable_text("emoji \xF0\x9F\x98\x80") == "emoji \xEF\xBF\xBD");
    CHECK(printable_text("tab\there") == "tab here");
    CHECK(printable_text("cut \xE2\x80") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("the characters of printed texts are gathered once each, in order") {
    CodePoints points;
    points.add(printable_text("Café – 50 €"));
    points.add("");
    points.add(printable_text("aaa \xF0\x9F\x98\x80")); // an emoji becomes U+FFFD
    points.add(printable_text("Łódź"));
    std::set<char32_t> expected = {U' ',      U'0',      U'5',      U'C',      U'a',
                                   U'f',      U'd',      U'\u00E9', U'\u00F3', U'\u0141',
                                   U'\u017A', U'\u2013', U'\u20AC', U'\uFFFD'};
    CHECK(points.in_order() == expected);
    CHECK(CodePoints().in_order().empty());
    CodePoints controls; // read as decode_utf8 reads them, whatever the caller passed
    controls.add("a\tb");
    controls.add("\x01\xC3\xA9");
    CHECK(controls.in_order() == std::set<char32_t>{U' ', U'a', U'b', U'\u00E9'});
}

TEST_CASE("pack.json escapes titles and keeps its key order") {
    content::AgendaItem item;
    item.number = "7";
    item.title = "The \"hub\" \\ review";
    PackPlan plan;
    plan.items.push_back({&item, 0, -1, {}, 11, 46});
    std::string text = pack_json(plan, 50);
    CHECK(text.starts_with("{\n  \"pages\": 50,\n  \"items\": [\n"));
    CHECK(text.find("\"title\": \"The \\\"hub\\\" \\\\ review\"") != std::string::npos);
    auto manifest = nlohmann::json::parse(text);
    CHECK(manifest["pages"] == 50);
    const auto& row = manifest["items"].at(0);
    CHECK(row["number"] == "7");
    CHECK(row["title"] == item.title);
    CHECK(row["first_page"] == 11);
    CHECK(row["last_page"] == 46);
    CHECK(row["restricted"] == false);
    CHECK(row["verbal"] == false);
}

TEST_CASE("pack.json keeps characters beyond the Basic Multilingual Plane") {
    content::AgendaItem item;
    item.number = "1";
    // U+1F389 PARTY POPPER and U+20BB7, a CJK ideograph of the supplementary plane.
    item.title = "Welcome \xF0\x9F\x8E\x89 and apologies \xF0\xA0\xAE\xB7";
    content::AgendaItem broken;
    broken.number = "2";
    broken.title = "cut \xF0\x9F";
    PackPlan plan;
    plan.items.push_back({&item, 0, -1, {}, 3, 4});
    plan.items.push_back({&broken, 0, -1, {}, 5, 5});
    std::string text = pack_json(plan, 5);
    CHECK(text.find("Welcome \xF0\x9F\x8E\x89 and apologies \xF0\xA0\xAE\xB7") !=
          std::string::npos);
    auto manifest = nlohmann::json::parse(text);
    CHECK(manifest["items"][0]["title"] == item.title);
    // Invalid UTF-8 becomes U+FFFD rather than making the file unreadable.
    CHECK(manifest["items"][1]["title"] == "cut \xEF\xBF\xBD");
}

TEST_CASE("agenda page ranges read as a person would write them") {
    content::AgendaItem item;
    ItemPlan row{&item, 0, -1, {}, 11, 46};
    CHECK(page_range_text(row) == "Pages 11 – 46");
    row.last_page = 11;
    CHECK(page_range_text(row) == "Page 11");
    row.first_page = row.last_page = 0;
    item.verbal = true;
    CHECK(page_range_text(row) == "Verbal");
    item.withheld = true;
    CHECK(page_range_text(row) == "Not for publication");
    CHECK(time_span(14 * 60, 16 * 60 + 30) == "2:00 pm – 4:30 pm");
    CHECK(time_span(-1, -1).empty());
}
