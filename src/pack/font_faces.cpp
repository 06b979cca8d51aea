#include "pack/font_faces.hpp"

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

namespace bp::pack {

namespace fs = std::filesystem;

namespace {

// Tables libharu neither reads nor embeds: dropping them keeps subsetting quick and stops
// layout closure from pulling in glyphs nobody paints.
constexpr hb_tag_t unused_tables[] = {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
                                      HB_TAG('G', 'D', 'E', 'F'), HB_TAG('D', 'S', 'I', 'G')};

// Folder names only need to be unique among the packs this process builds at once; the
// bytes written never depend on them.
std::string make_private_folder(std::string& error) {
    static std::atomic<unsigned> counter{0};
    std::error_code failure;
    fs::path base = fs::temp_directory_path(failure);
    if (failure)
        base = "/tmp";
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path folder = base / ("boardpack-fonts-" + std::to_string(getpid()) + "-" +
                                  std::to_string(counter++));
        if (mkdir(folder.c_str(), 0700) == 0)
            return folder.string();
        if (errno != EEXIST)
            break;
    }
    error = "cannot make a folder for the font subsets in " + base.string();
    return {};
}

bool write_blob(const std::string& path, hb_blob_t* blob) {
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    std::ofstream out(path, std::ios::binary);
    out.write(data, length);
    return static_cast<bool>(out);
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

SubsetFontFolder::~SubsetFontFolder() {
    if (!path_.empty()) {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
}

SubsetFontFolder::SubsetFontFolder(SubsetFontFolder&& other) noexcept
    : path_(std::move(other.path_)), files_(std::move(other.files_)) {
    other.path_.clear();
}

SubsetFontFolder& SubsetFontFolder::operator=(SubsetFontFolder&& other) noexcept {
    std::swap(path_, other.path_);
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

SubsetFontFolder FontFaces::write_subsets(const UsedGlyphs& glyphs, std::string& error) const {
    SubsetFontFolder folder;
    folder.path_ = make_private_folder(error);
    if (folder.path_.empty())
        return folder;
    folder.files_.family = files_.family;
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
        std::string path = folder.path_ + "/face-" + std::to_string(style) + ".ttf";
        if (!write_subset(style, glyphs, path, error))
            return SubsetFontFolder{};
        folder.files_.paths[style] = path;
    }
    for (int style = 0; style < 4; ++style) {
        const std::string& own = folder.files_.paths[first_style_of_file(style)];
        folder.files_.paths[style] = own.empty() ? folder.files_.paths[stand_in] : own;
    }
    return folder;
}

bool FontFaces::file_in_use(int first_style, const UsedGlyphs& glyphs) const {
    for (int style = 0; style < 4; ++style)
        if (first_style_of_file(style) == first_style && !glyphs.by_style[style].empty())
            return true;
    return false;
}

bool FontFaces::write_subset(int style, const UsedGlyphs& glyphs, const std::string& path,
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
    hb_subset_input_destroy(input);
    const std::string& name = faces_[style]->postscript_name;
    if (!subset) {
        error = "cannot subset " + name;
        return false;
    }
    hb_blob_t* bytes = hb_face_reference_blob(subset);
    bool written = write_blob(path, bytes);
    hb_blob_destroy(bytes);
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
