#include "pack/font_faces.hpp"

#include "pack/compact_cmap.hpp"

#include <cerrno>
#include <cstring>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <map>
#include <sys/mman.h>
#include <unistd.h>

namespace bp::pack {

namespace {

// Tables libharu neither reads nor embeds: dropping them keeps subsetting quick and stops
// layout closure from pulling in glyphs nobody paints.
constexpr hb_tag_t unused_tables[] = {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
                                      HB_TAG('G', 'D', 'E', 'F'), HB_TAG('D', 'S', 'I', 'G')};

// An anonymous in-memory file for one subset face.
int make_memory_file(std::string& error) {
    int descriptor = memfd_create("boardpack-font-subset", MFD_CLOEXEC);
    if (descriptor < 0)
        error = std::string("cannot make an in-memory file for the font subsets: ") +
                std::strerror(errno);
    return descriptor;
}

// libharu loads faces only from a path; this one names the in-memory file.
std::string descriptor_path(int descriptor) {
    return "/proc/self/fd/" + std::to_string(descriptor);
}

bool write_blob(int descriptor, hb_blob_t* blob) {
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    while (length > 0) {
        ssize_t written = ::write(descriptor, data, length);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        length -= static_cast<unsigned>(written);
    }
    return true;
}

} // namespace

struct FontFaces::Face {
    hb_face_t* face = nullptr;
    hb_set_t* coverage = nullptr;
    std::string postscript_name;
    ~Face() {
        hb_set_destroy(coverage);
        hb_face_destroy(face);
    }
};

SubsetFonts::~SubsetFonts() {
    for (int descriptor : descriptors_)
        ::close(descriptor);
}

SubsetFonts::SubsetFonts(SubsetFonts&& other) noexcept
    : descriptors_(std::move(other.descriptors_)), files_(std::move(other.files_)) {
    other.descriptors_.clear();
}

SubsetFonts& SubsetFonts::operator=(SubsetFonts&& other) noexcept {
    std::swap(descriptors_, other.descriptors_);
    std::swap(files_, other.files_);
    return *this;
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
    return hb_set_has(faces_[static_cast<int>(style)]->coverage, c);
}

SubsetFonts FontFaces::write_subsets(const UsedGlyphs& glyphs, std::string& error) const {
    SubsetFonts subsets;
    subsets.files_.family = files_.family;
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
        // of every style it stands for, as libharu loads each file once.
        if (first_style_of_file(style) != style ||
            (style != stand_in && !file_in_use(style, glyphs)))
            continue;
        int descriptor = make_memory_file(error);
        if (descriptor < 0)
            return SubsetFonts{};
        subsets.descriptors_.push_back(descriptor);
        std::string path = descriptor_path(descriptor);
        if (!write_subset(style, glyphs, descriptor, error))
            return SubsetFonts{};
        if (::access(path.c_str(), R_OK) != 0) {
            error = "cannot read the font subsets back through " + path + " (is /proc mounted?)";
            return SubsetFonts{};
        }
        subsets.files_.paths[style] = path;
    }
    for (int style = 0; style < 4; ++style) {
        const std::string& own = subsets.files_.paths[first_style_of_file(style)];
        subsets.files_.paths[style] = own.empty() ? subsets.files_.paths[stand_in] : own;
    }
    return subsets;
}

bool FontFaces::file_in_use(int first_style, const UsedGlyphs& glyphs) const {
    for (int style = 0; style < 4; ++style)
        if (first_style_of_file(style) == first_style && !glyphs.by_style[style].empty())
            return true;
    return false;
}

bool FontFaces::write_subset(int style, const UsedGlyphs& glyphs, int descriptor,
                             std::string& error) const {
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) {
        error = "out of memory while subsetting the fonts";
        return false;
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
    hb_face_t* subset = hb_subset_or_fail(faces_[style]->face, input);
    const std::string& name = faces_[style]->postscript_name;
    if (!subset) {
        hb_subset_input_destroy(input);
        error = "cannot subset " + name;
        return false;
    }
    hb_face_t* compact = with_compact_cmap(subset, unicodes);
    hb_subset_input_destroy(input);
    hb_blob_t* bytes = hb_face_reference_blob(compact);
    bool written = write_blob(descriptor, bytes);
    hb_blob_destroy(bytes);
    hb_face_destroy(compact);
    hb_face_destroy(subset);
    if (!written)
        error = "cannot write the subset of " + name;
    return written;
}

int FontFaces::first_style_of_file(int style) const {
    for (int earlier = 0; earlier < style; ++earlier)
        if (files_.paths[earlier] == files_.paths[style])
            return earlier;
    return style;
}

} // namespace bp::pack
