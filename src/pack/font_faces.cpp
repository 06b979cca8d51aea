#include "pack/font_faces.hpp"

#include "pack/haru_fonts.hpp"

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>
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
    : path_(std::move(other.path_)) {
    other.path_.clear();
}

SubsetFontFolder& SubsetFontFolder::operator=(SubsetFontFolder&& other) noexcept {
    std::swap(path_, other.path_);
    return *this;
}

FontFaces::~FontFaces() = default;

std::unique_ptr<FontFaces> FontFaces::open(const std::string& font_dir) {
    auto faces = std::unique_ptr<FontFaces>(new FontFaces());
    faces->font_dir_ = font_dir;
    for (int style = 0; style < 4; ++style) {
        std::string path = font_dir + "/" + font_file_name(static_cast<layout::FontStyle>(style));
        hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
        if (!blob)
            return nullptr;
        auto face = std::make_unique<Face>();
        face->face = hb_face_create(blob, 0);
        hb_blob_destroy(blob);
        face->coverage = hb_set_create();
        hb_face_collect_unicodes(face->face, face->coverage);
        if (hb_set_is_empty(face->coverage))
            return nullptr;
        faces->faces_[style] = std::move(face);
    }
    return faces;
}

const FontFaces* FontFaces::for_this_thread(const std::string& font_dir) {
    thread_local std::map<std::string, std::unique_ptr<FontFaces>> loaded;
    auto& faces = loaded[font_dir];
    if (!faces)
        faces = open(font_dir);
    return faces.get();
}

bool FontFaces::can_draw(layout::FontStyle style, char32_t c) const {
    return hb_set_has(faces_[static_cast<int>(style)]->coverage, c);
}

SubsetFontFolder FontFaces::write_subsets(const UsedGlyphs& glyphs, std::string& error) const {
    SubsetFontFolder folder;
    folder.path_ = make_private_folder(error);
    if (folder.path_.empty())
        return folder;
    for (int style = 0; style < 4; ++style) {
        hb_subset_input_t* input = hb_subset_input_create_or_fail();
        if (!input) {
            error = "out of memory while subsetting the fonts";
            return SubsetFontFolder{};
        }
        hb_set_t* unicodes = hb_subset_input_unicode_set(input);
        // The space is always kept: libharu measures and pads with it.
        hb_set_add(unicodes, U' ');
        for (char32_t c : glyphs.by_style[style])
            hb_set_add(unicodes, c);
        hb_set_t* dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (hb_tag_t tag : unused_tables)
            hb_set_add(dropped, tag);
        hb_face_t* subset = hb_subset_or_fail(faces_[style]->face, input);
        hb_subset_input_destroy(input);
        auto name = font_file_name(static_cast<layout::FontStyle>(style));
        if (!subset) {
            error = std::string("cannot subset ") + name;
            return SubsetFontFolder{};
        }
        hb_blob_t* bytes = hb_face_reference_blob(subset);
        bool written = write_blob(folder.path_ + "/" + name, bytes);
        hb_blob_destroy(bytes);
        hb_face_destroy(subset);
        if (!written) {
            error = std::string("cannot write the subset of ") + name;
            return SubsetFontFolder{};
        }
    }
    return folder;
}

} // namespace bp::pack
