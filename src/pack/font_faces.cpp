#include "pack/font_faces.hpp"

#include "pack/compact_cmap.hpp"

#include <array>
#include <cstdint>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <map>

namespace bp::pack {

namespace {

// Tables libharu neither reads nor embeds: dropping them keeps subsetting quick and stops
// layout closure from pulling in glyphs nobody paints.
constexpr hb_tag_t unused_tables[] = {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
                                      HB_TAG('G', 'D', 'E', 'F'), HB_TAG('D', 'S', 'I', 'G')};

} // namespace

struct FontFaces::Face {
    hb_face_t* face = nullptr;
    hb_set_t* coverage = nullptr;
    // `coverage` for the ASCII characters, a bit each: most of what a pack prints, asked of
    // for every character before it is painted.
    std::array<std::uint64_t, 2> ascii{};
    std::string postscript_name;
    ~Face() {
        hb_set_destroy(coverage);
        hb_face_destroy(face);
    }
};

FacesInMemory SubsetFonts::faces() const {
    FacesInMemory faces{};
    for (int style = 0; style < layout::font_style_count; ++style)
        faces[style] = &bytes_[face_of_[style]];
    return faces;
}

FontFaces::~FontFaces() = default;

std::unique_ptr<FontFaces> FontFaces::open(const FontFiles& files) {
    auto faces = std::unique_ptr<FontFaces>(new FontFaces());
    faces->files_ = files;
    for (int style = 0; style < 4; ++style) {
        hb_blob_t* blob = hb_blob_create_from_file_or_fail(files.paths[style].c_str());
        if (!blob)
            return nullptr;
        auto face = std::make_unique<Face>();
        face->face = hb_face_create(blob, 0);
        hb_blob_destroy(blob);
        face->coverage = hb_set_create();
        hb_face_collect_unicodes(face->face, face->coverage);
        if (hb_set_is_empty(face->coverage))
            return nullptr;
        for (char32_t c = 0; c < 128; ++c)
            if (hb_set_has(face->coverage, c))
                face->ascii[c >> 6] |= std::uint64_t{1} << (c & 63);
        char name[128] = {};
        unsigned name_length = sizeof name;
        hb_ot_name_get_utf8(face->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID,
                            &name_length, name);
        face->postscript_name = name;
        faces->faces_[style] = std::move(face);
    }
    return faces;
}

const FontFaces* FontFaces::for_this_thread(const FontFiles& files) {
    thread_local std::map<std::string, std::unique_ptr<FontFaces>> loaded;
    auto& faces = loaded[files.key()];
    if (!faces)
        faces = open(files);
    return faces.get();
}

const std::string& FontFaces::postscript_name(layout::FontStyle style) const {
    return faces_[static_cast<int>(style)]->postscript_name;
}

bool FontFaces::can_draw(layout::FontStyle style, char32_t c) const {
    const Face& face = *faces_[static_cast<int>(style)];
    if (c < 128)
        return (face.ascii[c >> 6] >> (c & 63)) & 1;
    return hb_set_has(face.coverage, c);
}

SubsetFonts FontFaces::write_subsets(const UsedGlyphs& glyphs, std::string& error) const {
    SubsetFonts subsets;
    // A face nothing is set in is neither cut nor loaded: its style borrows the subset of the
    // first face in use, which the painter never draws with. Cutting a face and loading it
    // into libharu (a look-up of every code point) is the same work for one word as for a
    // whole pack.
    int stand_in = 0; // the regular face when nothing is painted at all
    for (int style = 0; style < 4; ++style)
        if (file_in_use(first_style_of_file(style), glyphs)) {
            stand_in = first_style_of_file(style);
            break;
        }
    for (int style = 0; style < 4; ++style) {
        // A family without some style repeats a face: the face is cut once, to the characters
        // of every style it stands for, as libharu loads each face once.
        int first = first_style_of_file(style);
        if (first != style || (style != stand_in && !file_in_use(style, glyphs))) {
            subsets.face_of_[style] =
                first == style || subsets.bytes_[first].empty() ? stand_in : first;
            continue;
        }
        subsets.bytes_[style] = cut_subset(style, glyphs, error);
        if (subsets.bytes_[style].empty())
            return SubsetFonts{};
    }
    subsets.written_ = true;
    return subsets;
}

bool FontFaces::file_in_use(int first_style, const UsedGlyphs& glyphs) const {
    for (int style = 0; style < 4; ++style)
        if (first_style_of_file(style) == first_style && !glyphs.by_style[style].empty())
            return true;
    return false;
}

std::string FontFaces::cut_subset(int style, const UsedGlyphs& glyphs, std::string& error) const {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) {
        error = "out of memory while subsetting the fonts";
        return {};
    }
    hb_set_t* unicodes = hb_subset_input_unicode_set(input);
    // The space is always kept: libharu measures and pads with it.
    hb_set_add(unicodes, U' ');
    for (int other = style; other < 4; ++other)
        if (first_style_of_file(other) == style)
            for (char32_t c : glyphs.by_style[other])
                hb_set_add(unicodes, c);
    hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t tag : unused_tables)
        hb_set_add(dropped, tag);
    // Without the hinting programs and each glyph's instructions: a page is printed, and read
    // in viewers that draw outlines unhinted (poppler's pixels are the same either way), and
    // they were half of a subset's bytes, copied into the pack and into every extract of it.
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t* subset = hb_subset_or_fail(faces_[style]->face, input);
    const std::string& name = faces_[style]->postscript_name;
    if (!subset) {
        hb_subset_input_destroy(input);
        error = "cannot subset " + name;
        return {};
    }
    hb_face_t* compact = with_compact_cmap(subset, unicodes);
    hb_subset_input_destroy(input);
    hb_blob_t* blob = hb_face_reference_blob(compact);
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    std::string bytes(data ? data : "", data ? length : 0);
    hb_blob_destroy(blob);
    hb_face_destroy(compact);
    hb_face_destroy(subset);
    if (bytes.empty())
        error = "the subset of " + name + " came out empty";
    return bytes;
}

int FontFaces::first_style_of_file(int style) const {
    return first_style_alike(style,
                             [&](int a, int b) { return files_.paths[a] == files_.paths[b]; });
}

} // namespace bp::pack
