#include "pack/haru_fonts.hpp"

#include "pack/haru_font_maps.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>
#include <mutex>
#include <new>
#include <vector>

// libharu copies and clears memory with loops of its own, a byte at a time (every content
// stream it writes, every encoder table it clears: 6 % of a whole build's CPU). It calls them
// through its exported symbols, so these definitions take their place, with libharu's meaning
// (each returns the end of what it wrote) and the C library's speed. memmove, not memcpy: a
// byte loop copies correctly where the two ranges overlap forwards, and so must this.
extern "C" HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in, HPDF_UINT n) {
    if (n > 0)
        std::memmove(out, in, n);
    return out + n;
}

extern "C" void* HPDF_MemSet(void* s, HPDF_BYTE c, HPDF_UINT n) {
    if (n > 0)
        std::memset(s, c, n);
    return static_cast<HPDF_BYTE*>(s) + n;
}

namespace bp::pack {

namespace {

// The font definitions of faces embedded as their files are (HaruDocument::Embedding).
std::mutex embedded_as_files_mutex;
std::vector<const void*> embedded_as_files;

bool is_embedded_as_file(const void* definition) {
    std::lock_guard lock(embedded_as_files_mutex);
    return std::find(embedded_as_files.begin(), embedded_as_files.end(), definition) !=
           embedded_as_files.end();
}

// Copies the face's whole file, as libharu opened it, into the font's stream.
HPDF_STATUS write_face_file(HPDF_FontDef definition, HPDF_Stream out) {
    auto* face = static_cast<HPDF_TTFontDefAttr>(definition->attr);
    HPDF_UINT32 size = HPDF_Stream_Size(face->stream);
    HPDF_STATUS status = HPDF_Stream_Seek(face->stream, 0, HPDF_SEEK_SET);
    std::vector<HPDF_BYTE> buffer(65536);
    for (HPDF_UINT32 done = 0; status == HPDF_OK && done < size;) {
        HPDF_UINT piece = std::min<HPDF_UINT>(static_cast<HPDF_UINT>(buffer.size()), size - done);
        status = HPDF_Stream_Read(face->stream, buffer.data(), &piece);
        if (status == HPDF_OK)
            status = HPDF_Stream_Write(out, buffer.data(), piece);
        done += piece;
    }
    face->length1 = size;
    return status;
}

} // namespace

} // namespace bp::pack

// libharu embeds a TrueType face by rebuilding it, table by table and a glyph at a time, from
// the file it loaded (4 % of a whole build's CPU). The faces a pack embeds are files HarfBuzz
// has already cut down to the characters painted, holding the tables libharu would write: they
// go in as they are. Other faces are left to libharu, whose definition this one takes the place
// of as HPDF_MemCpy's does (it is called through its exported symbol).
extern "C" HPDF_STATUS HPDF_TTFontDef_SaveFontData(HPDF_FontDef definition, HPDF_Stream out) {
    if (bp::pack::is_embedded_as_file(definition))
        return bp::pack::write_face_file(definition, out);
    using Save = HPDF_STATUS (*)(HPDF_FontDef, HPDF_Stream);
    static const auto libharus = reinterpret_cast<Save>(dlsym(RTLD_NEXT, __func__));
    return libharus ? libharus(definition, out) : HPDF_INVALID_OPERATION;
}

namespace bp::pack {

namespace {

constexpr int style_count = layout::font_style_count;

// Which style's face each style is set in (first_style_alike), for every style.
template <class Same> std::array<int, style_count> shared_faces(Same same) {
    std::array<int, style_count> shared{};
    for (int style = 0; style < style_count; ++style)
        shared[style] = first_style_alike(style, same);
    return shared;
}

// What a face draws: the characters of every style set in it.
std::set<char32_t> characters_of(const std::array<int, style_count>& shared, int face,
                                 const std::set<char32_t>* by_style) {
    std::set<char32_t> characters;
    for (int style = 0; style < style_count; ++style)
        if (shared[style] == face)
            characters.insert(by_style[style].begin(), by_style[style].end());
    return characters;
}

// The next of the six capitals that tag a subset face's name (HPDFAA, HPDFAB, ...).
void next_subset_tag(HPDF_BYTE (&tag)[6]) {
    if (tag[0] == 0) {
        std::memcpy(tag, "HPDFAA", 6);
        return;
    }
    for (int i = 5; i >= 0; --i) {
        if (++tag[i] <= 'Z')
            return;
        tag[i] = 'A';
    }
}

// libharu 2.3 loads a TrueType face only from a path. This does what HPDF_LoadTTFontFromFile
// does once the file is open (LoadTTFontFromStream in its hpdf_doc.c) with a memory stream
// instead: no file, and none of the C library's seeks and reads, table by table, that
// loading a pack's subsets from their files took (2 % of a whole build's CPU).
const char* load_face_from_memory(HPDF_Doc doc, const std::string& bytes) {
    HPDF_Stream stream = HPDF_MemStream_New(doc->mmgr, static_cast<HPDF_UINT>(bytes.size()));
    if (!stream)
        return nullptr;
    if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                          static_cast<HPDF_UINT>(bytes.size())) != HPDF_OK) {
        HPDF_Stream_Free(stream);
        return nullptr;
    }
    // The definition owns the stream from here, and frees it with itself.
    HPDF_FontDef definition = HPDF_TTFontDef_Load(doc->mmgr, stream, HPDF_TRUE);
    if (!definition)
        return nullptr;
    if (HPDF_FontDef loaded = HPDF_Doc_FindFontDef(doc, definition->base_font)) {
        HPDF_FontDef_Free(definition);
        return loaded->base_font;
    }
    if (HPDF_List_Add(doc->fontdef_list, definition) != HPDF_OK) {
        HPDF_FontDef_Free(definition);
        return nullptr;
    }
    next_subset_tag(doc->ttfont_tag);
    HPDF_TTFontDef_SetTagName(definition, reinterpret_cast<char*>(doc->ttfont_tag));
    return definition->base_font;
}

} // namespace

HaruDocument::HaruDocument() {
    doc_ = HPDF_New(&HaruDocument::on_error, this);
    if (doc_) {
        HPDF_UseUTFEncodings(doc_);
        HPDF_SetCurrentEncoder(doc_, "UTF-8");
        // Streams leave libharu plain: the post-pass compresses each once, faster than the
        // zlib default libharu would use (compress_plain_streams in post_pass.hpp).
        HPDF_SetCompressionMode(doc_, HPDF_COMP_NONE);
    }
}

HaruDocument::~HaruDocument() {
    if (!embedded_as_files_.empty()) {
        std::lock_guard lock(embedded_as_files_mutex);
        std::erase_if(embedded_as_files, [&](const void* definition) {
            return std::find(embedded_as_files_.begin(), embedded_as_files_.end(), definition) !=
                   embedded_as_files_.end();
        });
    }
    if (doc_)
        HPDF_Free(doc_);
}

void HaruDocument::embed_as_file(const void* definition) {
    if (!definition)
        return;
    embedded_as_files_.push_back(definition);
    std::lock_guard lock(embedded_as_files_mutex);
    embedded_as_files.push_back(definition);
}

void HaruDocument::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
    auto* document = static_cast<HaruDocument*>(self);
    if (document->error_ == 0) {
        document->error_ = error;
        document->detail_ = detail;
    }
}

std::string HaruDocument::error_text() const {
    char text[80];
    std::snprintf(text, sizeof text, "libharu error 0x%04X (detail %u)",
                  static_cast<unsigned>(error_), static_cast<unsigned>(detail_));
    return text;
}

namespace {
std::array<int, style_count> shared_files(const FontFiles& files) {
    return shared_faces([&](int a, int b) { return files.paths[a] == files.paths[b]; });
}
} // namespace

template <class Load> bool HaruDocument::load_definitions(const SharedFaces& shared, Load load) {
    if (!doc_)
        return false;
    for (int style = 0; style < style_count; ++style) {
        const char* name = shared[style] == style ? load(style) : face_names_[shared[style]];
        if (!name)
            return false;
        face_names_[style] = name;
        definitions_[style] = HPDF_GetFontDef(doc_, name);
        if (!definitions_[style])
            return false;
    }
    return !failed();
}

bool HaruDocument::load_fonts(const FontFiles& files) {
    return load_definitions(files) && load_faces(shared_files(files), nullptr, Embedding::rebuilt);
}

bool HaruDocument::load_fonts(const FontFiles& files,
                              const std::set<char32_t> (&characters)[layout::font_style_count],
                              Embedding embedding) {
    return load_definitions(files) && load_faces(shared_files(files), characters, embedding);
}

bool HaruDocument::load_fonts(const FacesInMemory& faces,
                              const std::set<char32_t> (&characters)[layout::font_style_count],
                              Embedding embedding) {
    if (!doc_ || std::find(faces.begin(), faces.end(), nullptr) != faces.end()) {
        error_ = error_ ? error_ : HPDF_INVALID_PARAMETER; // every style needs a face
        return false;
    }
    SharedFaces shared = shared_faces([&](int a, int b) { return faces[a] == faces[b]; });
    auto load = [&](int style) -> const char* {
        const char* name = load_face_from_memory(doc_, *faces[style]);
        if (!name) { // recorded as libharu's own loader records it, or as a face it cannot read
            HPDF_CheckError(&doc_->error);
            if (!failed())
                error_ = HPDF_INVALID_FONTDEF_DATA;
        }
        return name;
    };
    return load_definitions(shared, load) && load_faces(shared, characters, embedding);
}

bool HaruDocument::load_definitions(const FontFiles& files) {
    return load_definitions(shared_files(files), [&](int style) -> const char* {
        const std::string& path = files.paths[style];
        if (std::FILE* probe = std::fopen(path.c_str(), "rb")) {
            std::fclose(probe);
        } else {
            error_ = HPDF_FILE_OPEN_ERROR;
            return nullptr;
        }
        return HPDF_LoadTTFontFromFile(doc_, path.c_str(), HPDF_TRUE);
    });
}

bool HaruDocument::load_faces(const SharedFaces& shared, const std::set<char32_t>* characters,
                              Embedding embedding) {
    for (int style = 0; style < style_count; ++style) {
        int face = shared[style];
        if (face == style) { // one font a face, as one definition
            if (embedding == Embedding::as_files)
                embed_as_file(definitions_[style]);
            const char* name = face_names_[style];
            fonts_[style] =
                characters
                    ? font_for_characters(doc_, name, characters_of(shared, face, characters))
                    : HPDF_GetFont(doc_, name, "UTF-8");
        } else {
            fonts_[style] = fonts_[face];
        }
        if (!fonts_[style])
            return false;
    }
    return !failed();
}

bool HaruDocument::embedded_as_file(HPDF_Font font) const {
    if (!font || !font->attr)
        return false;
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    return attr->type == HPDF_FONT_TYPE0_TT && attr->encoder &&
           std::strcmp(attr->encoder->name, "UTF-8") == 0 &&
           std::find(embedded_as_files_.begin(), embedded_as_files_.end(), attr->fontdef) !=
               embedded_as_files_.end();
}

namespace {
// libharu's output written straight into a string (the stream's data).
HPDF_STATUS append_to_string(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
    try { // nothing may be thrown through libharu's C
        static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
        return HPDF_OK;
    } catch (const std::bad_alloc&) {
        return HPDF_FAILD_TO_ALLOC_MEM;
    }
}
} // namespace

std::string HaruDocument::save() const {
    if (!doc_ || failed())
        return {};
    // HPDF_SaveToStream writes into the document's stream, a chain of 4 KB blocks unless the
    // document has one already: given a stream that appends to the string, the file is
    // copied once, not into those blocks (each a fresh page) and out of them again.
    std::string bytes;
    bytes.reserve(64 * 1024);
    if (doc_->stream)
        HPDF_Stream_Free(doc_->stream);
    doc_->stream = HPDF_CallbackWriter_New(doc_->mmgr, &append_to_string, &bytes);
    bool saved = doc_->stream && HPDF_SaveToStream(doc_) == HPDF_OK;
    HPDF_Stream_Free(doc_->stream); // it points at `bytes`, which go with this call
    doc_->stream = nullptr;
    if (!saved)
        return {};
    return bytes;
}

} // namespace bp::pack
