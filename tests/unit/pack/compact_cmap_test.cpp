// The compact character map maps exactly the characters it was given, in few segments, as
// libharu's look-up and the format's own rule both read it.
#include "pack/compact_cmap.hpp"
#include "pack/font_faces.hpp"
#include "pack_fixture.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace bp;
using namespace bp::pack;

namespace {

unsigned read16(const std::string& bytes, std::size_t at) {
    return (static_cast<unsigned char>(bytes[at]) << 8) | static_cast<unsigned char>(bytes[at + 1]);
}

// The (3, 1) format 4 subtable of a 'cmap' table, as arrays.
struct Format4 {
    std::vector<unsigned> end, start, delta, range_offset, glyph_ids;

    explicit Format4(const std::string& cmap) {
        REQUIRE(read16(cmap, 2) == 1);
        REQUIRE(read16(cmap, 4) == 3);
        REQUIRE(read16(cmap, 6) == 1);
        std::size_t at = (read16(cmap, 8) << 16) | read16(cmap, 10);
        REQUIRE(read16(cmap, at) == 4);
        std::size_t length = read16(cmap, at + 2);
        REQUIRE(at + length == cmap.size());
        std::size_t count = read16(cmap, at + 6) / 2;
        std::size_t arrays = at + 14;
        for (std::size_t i = 0; i < count; ++i) {
            end.push_back(read16(cmap, arrays + 2 * i));
            start.push_back(read16(cmap, arrays + 2 * (count + 1 + i)));
            delta.push_back(read16(cmap, arrays + 2 * (2 * count + 1 + i)));
            range_offset.push_back(read16(cmap, arrays + 2 * (3 * count + 1 + i)));
        }
        for (std::size_t p = arrays + 2 * (4 * count + 1); p < at + length; p += 2)
            glyph_ids.push_back(read16(cmap, p));
    }

    // The format's rule: the first segment ending at or after `c`, then its delta or its
    // entry in the glyph array (found from the segment's own offset entry).
    unsigned glyph(unsigned c) const {
        std::size_t i = 0;
        while (end[i] < c)
            ++i;
        if (start[i] > c)
            return 0;
        if (range_offset[i] == 0)
            return (c + delta[i]) & 0xffff;
        std::size_t index = range_offset[i] / 2 + (c - start[i]) - (end.size() - i);
        unsigned id = glyph_ids.at(index);
        return id == 0 ? 0 : (id + delta[i]) & 0xffff;
    }
};

} // namespace

TEST_CASE("a compact character map maps its characters and nothing else, in few segments") {
    std::map<char32_t, std::uint16_t> glyphs = {
        {U' ', 3},  {U'A', 10}, {U'B', 11}, {U'Z', 40},  {U'a', 50},  {U'z', 75},
        {U'£', 80}, {U'é', 81}, {U'’', 99}, {U'“', 101}, {U'€', 100}, {U'\uFB01', 7}};
    auto cmap = compact_cmap(glyphs);
    REQUIRE(cmap);
    Format4 table(*cmap);
    // ' ' to '£' (gaps under 64); 'é' (70 past '£'); '’' and '“'; '€' (144 further); the fi
    // ligature; and the closing segment.
    CHECK(table.end.size() == 6);
    CHECK(table.end.back() == 0xffff);
    for (unsigned c = 0; c < 0xffff; ++c) {
        auto found = glyphs.find(c);
        CAPTURE(c);
        CHECK(table.glyph(c) == (found == glyphs.end() ? 0u : found->second));
    }
    CHECK(table.glyph(0xffff) == 0);
}

TEST_CASE("a character map format 4 cannot hold is left as the subsetter wrote it") {
    CHECK_FALSE(compact_cmap({{U'a', 1}, {U'\U0001F600', 2}}));
    std::map<char32_t, std::uint16_t> spread; // one segment of 65,000 entries: too long
    for (char32_t c = 32; c < 0xfff0; c += 60)
        spread[c] = 1;
    CHECK_FALSE(compact_cmap(spread));
    CHECK(compact_cmap(spread, 59)); // a segment each
    CHECK(compact_cmap({}));
}

TEST_CASE("a pack's subset faces carry the compact map of the characters painted") {
    auto faces = FontFaces::open(testing::resources().fonts);
    REQUIRE(faces);
    UsedGlyphs glyphs;
    glyphs.by_style[0] = {U'A', U'b', U'z', U'£', U'’', U'–'};
    std::string error;
    SubsetFonts subsets = faces->write_subsets(glyphs, error);
    REQUIRE(subsets.written());
    const std::string& font = *subsets.faces()[0];
    std::string cmap;
    for (std::size_t table = 0; table < read16(font, 4); ++table) {
        std::size_t record = 12 + 16 * table;
        if (font.compare(record, 4, "cmap") == 0)
            cmap = font.substr((read16(font, record + 8) << 16) | read16(font, record + 10),
                               (read16(font, record + 12) << 16) | read16(font, record + 14));
    }
    Format4 table(cmap);
    CHECK(table.end.size() == 3); // ' '..'£', '–'..'’', and the closing segment
    std::set<unsigned> mapped;
    for (unsigned c = 0; c < 0xffff; ++c)
        if (table.glyph(c) != 0)
            mapped.insert(c);
    CHECK(mapped == std::set<unsigned>{U' ', U'A', U'b', U'z', U'£', U'’', U'–'});
}
