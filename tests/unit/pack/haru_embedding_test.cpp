// A pack's faces, already cut down by HarfBuzz, go into the PDF as their files are; libharu
// rebuilds any other face it embeds, as before (haru_fonts.cpp).
#include "pack/font_faces.hpp"
#include "pack/haru_fonts.hpp"
#include "pack_fixture.hpp"

#include <dlfcn.h>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

using namespace bp;
using namespace bp::pack;

namespace {

const char* const sample = "Minutes £40 – agreed";

// A page with `sample` in the regular face, loaded from `faces` (files or bytes) as
// `embedding` says.
template <class Faces>
std::string page_with_sample(const Faces& faces, const UsedGlyphs& glyphs,
                             HaruDocument::Embedding embedding) {
    HaruDocument document;
    REQUIRE(document.load_fonts(faces, glyphs.by_style, embedding));
    HPDF_Page page = HPDF_AddPage(document.get());
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, document.font(layout::FontStyle::regular), 12);
    HPDF_Page_TextOut(page, 72, 720, sample);
    HPDF_Page_EndText(page);
    return document.save();
}

struct EmbeddedFace {
    std::string bytes; // the FontFile2 stream, decoded
    long long length1 = 0;
};

// The face embedded for the regular style's font.
EmbeddedFace regular_face(const std::string& pdf_bytes) {
    QPDF pdf;
    pdf.processMemoryFile("face.pdf", pdf_bytes.data(), pdf_bytes.size());
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isDictionary() || !object.getKey("/Subtype").isNameAndEquals("/Type0") ||
            object.getKey("/BaseFont").getName().find("NotoSans-Regular") == std::string::npos)
            continue;
        QPDFObjectHandle file = object.getKey("/DescendantFonts")
                                    .getArrayItem(0)
                                    .getKey("/FontDescriptor")
                                    .getKey("/FontFile2");
        REQUIRE(file.isStream());
        auto data = file.getStreamData(qpdf_dl_all);
        return {std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()),
                file.getDict().getKey("/Length1").getIntValue()};
    }
    FAIL("no regular font");
    return {};
}

UsedGlyphs sample_glyphs() {
    UsedGlyphs glyphs;
    for (char32_t c : std::u32string(U"Minutes £40 – agreed"))
        glyphs.by_style[static_cast<int>(layout::FontStyle::regular)].insert(c);
    return glyphs;
}

// The test faces cut down to `glyphs`, as a pack's are.
SubsetFonts cut_faces(const UsedGlyphs& glyphs) {
    auto faces = FontFaces::open(testing::resources().fonts);
    REQUIRE(faces);
    std::string error;
    SubsetFonts subsets = faces->write_subsets(glyphs, error);
    REQUIRE(subsets.written());
    return subsets;
}

} // namespace

TEST_CASE("a face cut down to the characters painted is embedded as its file is") {
    UsedGlyphs glyphs = sample_glyphs();
    SubsetFonts subsets = cut_faces(glyphs);
    const std::string cut = *subsets.faces()[static_cast<int>(layout::FontStyle::regular)];
    REQUIRE(cut.size() > 1000);

    EmbeddedFace as_file =
        regular_face(page_with_sample(subsets.faces(), glyphs, HaruDocument::Embedding::as_files));
    CHECK(as_file.bytes == cut);
    CHECK(as_file.length1 == static_cast<long long>(cut.size()));

    // Loaded the other way, the same file is rebuilt by libharu: other bytes, and no sign of
    // the first document's choice, which went with it.
    EmbeddedFace rebuilt =
        regular_face(page_with_sample(subsets.faces(), glyphs, HaruDocument::Embedding::rebuilt));
    CHECK(rebuilt.bytes != cut);
    CHECK(rebuilt.length1 == static_cast<long long>(rebuilt.bytes.size()));
}

TEST_CASE("a face embedded as its file is draws the same page as one libharu rebuilt") {
    UsedGlyphs glyphs = sample_glyphs();
    SubsetFonts subsets = cut_faces(glyphs);
    auto contents = [](const std::string& bytes) {
        QPDF pdf;
        pdf.processMemoryFile("page.pdf", bytes.data(), bytes.size());
        auto page = QPDFPageDocumentHelper(pdf).getAllPages().at(0);
        auto data = page.getObjectHandle().getKey("/Contents").getStreamData(qpdf_dl_all);
        return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    };
    // The same glyph numbers are shown: the face's file and libharu's rebuild of it agree.
    CHECK(contents(page_with_sample(subsets.faces(), glyphs, HaruDocument::Embedding::as_files)) ==
          contents(page_with_sample(subsets.faces(), glyphs, HaruDocument::Embedding::rebuilt)));
}

TEST_CASE("faces loaded from memory make the document their files make") {
    UsedGlyphs glyphs = sample_glyphs();
    glyphs.by_style[static_cast<int>(layout::FontStyle::bold)] = {U'M', U'i'};
    SubsetFonts subsets = cut_faces(glyphs);
    FacesInMemory faces = subsets.faces();
    // The same cuts written to files, styles that share a face sharing its file.
    std::filesystem::path folder =
        std::filesystem::temp_directory_path() / "boardpack-pack-tests" / "faces-in-memory";
    std::filesystem::create_directories(folder);
    FontFiles files;
    for (int style = 0; style < layout::font_style_count; ++style) {
        files.paths[style] =
            (folder / ("face-" + std::to_string(faces[style] - faces[0]))).string();
        std::ofstream(files.paths[style], std::ios::binary) << *faces[style];
    }
    REQUIRE(files.paths[2] == files.paths[0]); // nothing italic: it borrows the regular cut
    for (auto embedding : {HaruDocument::Embedding::as_files, HaruDocument::Embedding::rebuilt}) {
        std::string from_memory = page_with_sample(faces, glyphs, embedding);
        REQUIRE(from_memory.size() > 1000);
        CHECK(from_memory == page_with_sample(files, glyphs, embedding));
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("libharu's calls to embed a face reach the definition that chooses how") {
    Dl_info found{};
    REQUIRE(dladdr(dlsym(RTLD_DEFAULT, "HPDF_TTFontDef_SaveFontData"), &found) != 0);
    CHECK(std::string(found.dli_fname).find("libhpdf") == std::string::npos);
}

TEST_CASE("bytes that are no face are refused from memory with libharu's reason") {
    UsedGlyphs glyphs = sample_glyphs();
    for (const std::string& bytes :
         {std::string(), std::string("not a font at all", 17), std::string(4096, '\0')}) {
        FacesInMemory faces{&bytes, &bytes, &bytes, &bytes};
        HaruDocument document;
        CHECK_FALSE(document.load_fonts(faces, glyphs.by_style));
        CHECK(document.failed());
        CHECK(document.error_text().find("0x0000") == std::string::npos);
    }
    SubsetFonts subsets = cut_faces(glyphs);
    FacesInMemory one_missing = subsets.faces();
    one_missing[3] = nullptr;
    HaruDocument document;
    CHECK_FALSE(document.load_fonts(one_missing, glyphs.by_style));
    CHECK(document.failed());
}

TEST_CASE("a document saved into a string is what libharu's own memory stream holds") {
    UsedGlyphs glyphs = sample_glyphs();
    SubsetFonts subsets = cut_faces(glyphs);
    auto make = [&](HaruDocument& document) {
        REQUIRE(document.load_fonts(subsets.faces(), glyphs.by_style));
        HPDF_Page page = HPDF_AddPage(document.get());
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, document.font(layout::FontStyle::regular), 12);
        HPDF_Page_TextOut(page, 72, 720, sample);
        HPDF_Page_EndText(page);
    };
    HaruDocument ours;
    make(ours);
    std::string saved = ours.save();
    REQUIRE(saved.size() > 1000);
    CHECK(ours.save() == saved); // saved again, the same

    HaruDocument libharus;
    make(libharus);
    REQUIRE(HPDF_SaveToStream(libharus.get()) == HPDF_OK);
    std::string held(HPDF_GetStreamSize(libharus.get()), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(held.size());
    HPDF_ReadFromStream(libharus.get(), reinterpret_cast<HPDF_BYTE*>(held.data()), &size);
    held.resize(size);
    CHECK(held == saved);
}
