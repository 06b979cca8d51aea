#include "pack/compact_cmap.hpp"

#include <hb.h>
#include <vector>

namespace bp::pack {

namespace {

void put16(std::string& out, unsigned value) {
    out.push_back(static_cast<char>((value >> 8) & 0xff));
    out.push_back(static_cast<char>(value & 0xff));
}

void put32(std::string& out, std::uint32_t value) {
    put16(out, value >> 16);
    put16(out, value & 0xffff);
}

// Characters from `first` to `last`, their glyphs in glyphIdArray from `array_start`.
struct Segment {
    char32_t first;
    char32_t last;
    std::size_t array_start;
};

} // namespace

std::optional<std::string> compact_cmap(const std::map<char32_t, std::uint16_t>& glyphs,
                                        char32_t max_gap) {
    std::vector<Segment> segments;
    std::vector<std::uint16_t> glyph_ids;
    for (const auto& [character, glyph] : glyphs) {
        if (character >= 0xffff)
            return std::nullopt; // 0xFFFF ends the map; beyond it format 4 cannot go
        if (segments.empty() || character - segments.back().last > max_gap)
            segments.push_back({character, character, glyph_ids.size()});
        else // the characters in between map to no glyph
            glyph_ids.resize(glyph_ids.size() + (character - segments.back().last - 1), 0);
        segments.back().last = character;
        glyph_ids.push_back(glyph);
    }
    const std::size_t count = segments.size() + 1; // and the closing 0xFFFF segment
    const std::size_t length = 16 + 8 * count + 2 * glyph_ids.size();
    if (length > 0xffff)
        return std::nullopt;
    unsigned search_range = 2;
    unsigned entry_selector = 0;
    while (search_range * 2 <= 2 * count) {
        search_range *= 2;
        ++entry_selector;
    }
    std::string table;
    put16(table, 0);  // version
    put16(table, 1);  // one subtable:
    put16(table, 3);  // Windows
    put16(table, 1);  // Unicode BMP
    put32(table, 12); // right after this record
    put16(table, 4);  // format
    put16(table, static_cast<unsigned>(length));
    put16(table, 0); // language
    put16(table, static_cast<unsigned>(2 * count));
    put16(table, search_range);
    put16(table, entry_selector);
    put16(table, static_cast<unsigned>(2 * count - search_range));
    for (const auto& segment : segments)
        put16(table, segment.last);
    put16(table, 0xffff);
    put16(table, 0); // reserved
    for (const auto& segment : segments)
        put16(table, segment.first);
    put16(table, 0xffff);
    for (std::size_t i = 0; i < segments.size(); ++i)
        put16(table, 0); // glyphs come from the array, as given
    put16(table, 1);     // 0xFFFF + 1: no glyph
    // Each segment's offset, in bytes from its own entry, to its first glyph in the array.
    for (std::size_t i = 0; i < segments.size(); ++i)
        put16(table, static_cast<unsigned>(2 * (count - i) + 2 * segments[i].array_start));
    put16(table, 0);
    for (std::uint16_t glyph : glyph_ids)
        put16(table, glyph);
    return table;
}

hb_face_t* with_compact_cmap(hb_face_t* subset, const hb_set_t* characters) {
    std::map<char32_t, std::uint16_t> glyphs;
    hb_font_t* font = hb_font_create(subset);
    hb_codepoint_t character = HB_SET_VALUE_INVALID;
    while (hb_set_next(characters, &character)) {
        hb_codepoint_t glyph = 0;
        if (hb_font_get_nominal_glyph(font, character, &glyph) && glyph <= 0xffff)
            glyphs[character] = static_cast<std::uint16_t>(glyph);
    }
    hb_font_destroy(font);
    auto cmap = compact_cmap(glyphs);
    if (!cmap)
        return hb_face_reference(subset);
    // The subsetter's face is a builder's, which lists no tables: its bytes, read as a face,
    // do.
    hb_blob_t* bytes = hb_face_reference_blob(subset);
    hb_face_t* written = hb_face_create(bytes, 0);
    hb_blob_destroy(bytes);
    hb_face_t* builder = hb_face_builder_create();
    hb_tag_t tags[64];
    unsigned start = 0;
    for (;;) {
        unsigned count = 64;
        hb_face_get_table_tags(written, start, &count, tags);
        for (unsigned i = 0; i < count; ++i) {
            hb_blob_t* table =
                tags[i] == HB_TAG('c', 'm', 'a', 'p')
                    ? hb_blob_create(cmap->data(), static_cast<unsigned>(cmap->size()),
                                     HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr)
                    : hb_face_reference_table(written, tags[i]);
            hb_face_builder_add_table(builder, tags[i], table);
            hb_blob_destroy(table);
        }
        if (count < 64)
            break;
        start += count;
    }
    hb_face_destroy(written);
    return builder;
}

} // namespace bp::pack
