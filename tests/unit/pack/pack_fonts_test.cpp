#include "pack/font_faces.hpp"
#include "pack/missing_glyphs.hpp"
#include "pack/pack.hpp"
#include "pack_fixture.hpp"
#include "pdf_probe.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <hb.h>
#include <qpdf/QPDF.hh>
#include <regex>
#include <set>
#include <unistd.h>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

namespace {

// A meeting with one short paper, written to disk so diagnostics can point into it.
std::unique_ptr<Fixture> one_paper_meeting(const std::string& name, const std::string& body) {
    auto fixture = make_fixture(name);
    fixture->board.members.clear();
    fixture->board.advisers.clear();
    content::AgendaItem item;
    item.number = "1";
    item.title = "Chair’s report";
    content::Paper paper = markdown_paper("Chair’s report", "chairs-report", 0);
    paper.location = {paper.source_path, 1, 1};
    std::string text = "---\ntitle: Chair’s report\n---\n" + body + "\n";
    std::filesystem::path file = fixture->folder / paper.source_path;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    paper.body.blocks.push_back(paragraph(body));
    item.papers.push_back(paper);
    fixture->meeting.items = {item};
    return fixture;
}

// The bytes of `face`'s table `tag`; empty when it has none.
std::string table_of(hb_face_t* face, hb_tag_t tag) {
    hb_blob_t* blob = hb_face_reference_table(face, tag);
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    std::string bytes(data ? data : "", data ? length : 0);
    hb_blob_destroy(blob);
    return bytes;
}

unsigned big_endian(const std::string& bytes, std::size_t at, int width) {
    unsigned value = 0;
    for (int i = 0; i < width; ++i)
        value = value << 8 | static_cast<unsigned char>(bytes.at(at + i));
    return value;
}

// The number of bytes of TrueType instructions the glyphs of a face carry, summed over its
// simple glyphs (composite ones are only their parts here).
std::size_t glyph_instruction_bytes(hb_face_t* face) {
    std::string head = table_of(face, HB_TAG('h', 'e', 'a', 'd'));
    std::string loca = table_of(face, HB_TAG('l', 'o', 'c', 'a'));
    std::string glyf = table_of(face, HB_TAG('g', 'l', 'y', 'f'));
    bool long_offsets = big_endian(head, 50, 2) == 1;
    int width = long_offsets ? 4 : 2;
    std::size_t glyphs = loca.size() / width - 1;
    std::size_t bytes = 0;
    for (std::size_t glyph = 0; glyph < glyphs; ++glyph) {
        std::size_t start = big_endian(loca, glyph * width, width) * (long_offsets ? 1 : 2);
        std::size_t end = big_endian(loca, (glyph + 1) * width, width) * (long_offsets ? 1 : 2);
        if (end <= start)
            continue; // no outline, as for the space
        auto contours = static_cast<std::int16_t>(big_endian(glyf, start, 2));
        if (contours < 0)
            continue;
        bytes += big_endian(glyf, start + 10 + 2 * static_cast<std::size_t>(contours), 2);
    }
    return bytes;
}

std::vector<Diagnostic> warnings_naming(const DiagnosticSink& sink, const std::string& text) {
    std::vector<Diagnostic> found;
    for (const auto& diagnostic : sink.sorted())
        if (diagnostic.severity == Severity::warning &&
            diagnostic.message.find(text) != std::string::npos)
            found.push_back(diagnostic);
    return found;
}

} // namespace

TEST_CASE("the embedded faces are subsets holding only what the pack paints") {
    auto fixture = one_paper_meeting("font-subsets", "The board noted the report.");
    DiagnosticSink sink;
    PackOutput output = public_pack(*fixture, sink);
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(output.summary.built);
    // Whole faces are about 500 KB each; the four subsets of a short pack fit in a few dozen.
    CHECK(output.pack_pdf.size() < 60 * 1024);
    CHECK(output.agenda_pdf.size() < 60 * 1024);
    std::string path = save_pdf(fixture->folder, "pack.pdf", output.pack_pdf);

    CommandResult fonts = run_command("pdffonts '" + path + "'");
    REQUIRE(fonts.status == 0);
    std::regex subset_line(
        R"(^[A-Z]{6}\+NotoSans-(Regular|Bold|Italic|BoldItalic)\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes)");
    int subsets = 0;
    std::istringstream lines(fonts.output);
    for (std::string line; std::getline(lines, line);)
        if (std::regex_search(line, subset_line))
            ++subsets;
    CHECK(subsets >= 2); // regular and bold at least: the front sheet uses both
    CHECK(fonts.output.find(" no ") == std::string::npos);

    CommandResult check = run_command("qpdf --check '" + path + "'");
    CHECK(check.status == 0);
    CommandResult text = run_command("pdftotext '" + path + "' -");
    CHECK(text.status == 0);
    CHECK(text.output.find("Syntax") == std::string::npos);
    CHECK(text.output.find("The board noted the report.") != std::string::npos);

    // The subsets live in memory: this process made no folder for them in the temporary
    // directory (the name earlier versions gave theirs).
    std::string prefix = "boardpack-fonts-" + std::to_string(getpid()) + "-";
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
        CHECK_FALSE(entry.path().filename().string().starts_with(prefix));
}

TEST_CASE("a face nothing is painted in is neither cut nor loaded") {
    auto faces = FontFaces::open(resources().fonts);
    REQUIRE(faces);
    UsedGlyphs glyphs;
    glyphs.by_style[0] = {U'A', U'b'};
    glyphs.by_style[1] = {U'C'};
    std::string error;
    SubsetFonts subsets = faces->write_subsets(glyphs, error);
    REQUIRE(error.empty());
    REQUIRE(subsets.written());
    FacesInMemory cut = subsets.faces();
    CHECK(cut[0] != cut[1]);
    CHECK(cut[2] == cut[0]); // italic and bold italic: nothing set in them
    CHECK(cut[3] == cut[0]);
    for (const std::string* face : {cut[0], cut[1]}) {
        // A whole face is about 500 KB; a subset of three letters is a few KB.
        CHECK(face->size() > 0);
        CHECK(face->size() < 20 * 1024);
    }

    UsedGlyphs italic_only;
    italic_only.by_style[2] = {U'x'};
    SubsetFonts italic = faces->write_subsets(italic_only, error);
    REQUIRE(error.empty());
    for (int style = 0; style < 4; ++style)
        CHECK(italic.faces()[style] == italic.faces()[2]);
}

TEST_CASE("the subsets carry outlines without hinting programs") {
    auto faces = FontFaces::open(resources().fonts);
    REQUIRE(faces);
    UsedGlyphs glyphs;
    glyphs.by_style[0] = {U'B', U'o', U'a', U'r', U'd', U'1', U'7'};
    std::string error;
    SubsetFonts subsets = faces->write_subsets(glyphs, error);
    REQUIRE(error.empty());
    const std::string& bytes = *subsets.faces()[0];
    hb_blob_t* blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    for (hb_tag_t tag :
         {HB_TAG('f', 'p', 'g', 'm'), HB_TAG('p', 'r', 'e', 'p'), HB_TAG('c', 'v', 't', ' ')})
        CHECK(table_of(face, tag).empty());
    CHECK(table_of(face, HB_TAG('g', 'l', 'y', 'f')).size() > 0);
    CHECK(hb_face_get_glyph_count(face) >= 8); // .notdef, the space and the seven painted
    CHECK(glyph_instruction_bytes(face) == 0);
    hb_face_destroy(face);
}

TEST_CASE("the faces report which characters they cannot draw") {
    auto faces = FontFaces::open(resources().fonts);
    REQUIRE(faces);
    CHECK(faces->can_draw(layout::FontStyle::regular, U'a'));
    CHECK(faces->can_draw(layout::FontStyle::bold_italic, U'–'));
    CHECK_FALSE(faces->can_draw(layout::FontStyle::regular, U'→'));
    CHECK_FALSE(faces->can_draw(layout::FontStyle::regular, U'−'));
}

TEST_CASE("the faces' answers for ASCII characters are their character maps'") {
    auto faces = FontFaces::open(resources().fonts);
    REQUIRE(faces);
    for (int style = 0; style < 4; ++style) {
        hb_blob_t* blob = hb_blob_create_from_file_or_fail(resources().fonts.paths[style].c_str());
        REQUIRE(blob);
        hb_face_t* face = hb_face_create(blob, 0);
        hb_set_t* coverage = hb_set_create();
        hb_face_collect_unicodes(face, coverage);
        int drawn = 0;
        for (char32_t c = 0; c < 128; ++c) {
            bool has = hb_set_has(coverage, c);
            CHECK(faces->can_draw(static_cast<layout::FontStyle>(style), c) == has);
            drawn += has;
        }
        CHECK(drawn >= 95); // the printable ASCII characters, at least
        hb_set_destroy(coverage);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
}

TEST_CASE("characters missing from a page are found in ASCII and other runs alike") {
    auto faces = FontFaces::open(resources().fonts);
    REQUIRE(faces);
    layout::Page page;
    auto run = [&](std::string text, layout::FontStyle style) {
        layout::TextRun added;
        added.text = std::move(text);
        added.style = style;
        page.texts.push_back(added);
    };
    run("Plain text\twith a tab and a \x7F delete", layout::FontStyle::regular);
    run("Caf\u00e9 \u2013 \u0378 unassigned", layout::FontStyle::bold);
    run("\u0378 again, and \u0379", layout::FontStyle::italic);
    std::set<char32_t> missing = missing_characters({&page}, *faces);
    CHECK(missing == std::set<char32_t>{0x0378, 0x0379});
}

TEST_CASE("a character no installed font has is reported where it was written") {
    // U+0378 is unassigned: no font draws it.
    auto fixture = one_paper_meeting(
        "missing-glyphs", "Arrests rose \u0378 12 this quarter.\nThe balance stands at −4,500.");
    DiagnosticSink sink;
    PackOutput output = public_pack(*fixture, sink);
    REQUIRE(output.summary.built);

    auto unassigned = warnings_naming(sink, "U+0378");
    REQUIRE(unassigned.size() == 1);
    CHECK(unassigned[0].location.file == "content/csp/2017-09-12/chairs-report.md");
    CHECK(unassigned[0].location.line == 4);
    CHECK(unassigned[0].location.column == 14);
    CHECK(unassigned[0].message.find("no installed font") != std::string::npos);

    // The minus sign is set in an installed font that has it, so nothing is reported and
    // the reader's text extraction shows the real character.
    CHECK(warnings_naming(sink, "U+2212").empty());
    std::string path = save_pdf(fixture->folder, "pack.pdf", output.pack_pdf);
    std::string text = run_command("pdftotext '" + path + "' -").output;
    CHECK(text.find("−4,500") != std::string::npos);
}

TEST_CASE("characters of other scripts and symbols are set in installed fonts") {
    const std::string line =
        "Target ≥ 85% ≤ 90% → ✓ ✗ ★ 🙂 done. Dydd da, zażółć gęślą. "
        "اردو زبان میں خلاصہ. 董事会 会议 记录. সভার কার্যবিবরণী.";
    auto fixture = one_paper_meeting("fallback-fonts", line);
    DiagnosticSink sink;
    PackOutput output = public_pack(*fixture, sink);
    REQUIRE(output.summary.built);
    for (const auto& diagnostic : sink.sorted())
        CHECK_MESSAGE(diagnostic.message.find("font") == std::string::npos, diagnostic.message);
    std::string path = save_pdf(fixture->folder, "pack.pdf", output.pack_pdf);
    CHECK(run_command("qpdf --check '" + path + "'").status == 0);

    std::string fonts = run_command("pdffonts '" + path + "'").output;
    CHECK(fonts.find("NotoSansArabic") != std::string::npos);
    CHECK(fonts.find("NotoSansBengali") != std::string::npos);
    CHECK(fonts.find("CJK") != std::string::npos);
    CHECK(fonts.find(" no  ") == std::string::npos); // every font embedded

    std::string text = run_command("pdftotext '" + path + "' -").output;
    for (const char* piece : {"≥ 85%", "≤ 90%", "→", "✓", "✗", "★", "🙂", "Dydd da",
                              "zażółć gęślą", "董事会", "记录", "সভার", "কার্যবিবরণী"})
        CHECK_MESSAGE(text.find(piece) != std::string::npos, piece);
    // Right-to-left words come out in reading order, letter by letter.
    CHECK_MESSAGE(
        (text.find("اردو") != std::string::npos || text.find("خلاصہ") != std::string::npos), text);
}

TEST_CASE("a paper's contents entries show the pack page of each heading") {
    auto fixture = make_fixture("contents-numbers");
    content::Paper& paper = fixture->meeting.items[2].papers[0]; // three sections, a chart
    doc::Block contents;
    contents.kind = doc::BlockKind::bullet_list;
    contents.css_class = "contents";
    for (int s = 1; s <= 3; ++s) {
        doc::Inline link;
        link.kind = doc::InlineKind::link;
        link.url = "#performance-section-" + std::to_string(s);
        link.children.push_back(text("Section " + std::to_string(s)));
        doc::Block line;
        line.inlines.push_back(link);
        doc::Block item;
        item.kind = doc::BlockKind::list_item;
        item.children.push_back(line);
        contents.children.push_back(item);
    }
    paper.body.blocks.insert(paper.body.blocks.begin(), contents);
    DiagnosticSink sink;
    PackOutput output = public_pack(*fixture, sink);
    REQUIRE(output.summary.built);
    std::string path = save_pdf(fixture->folder, "pack.pdf", output.pack_pdf);

    int first = 0;
    for (const auto& item : output.summary.items)
        if (item.number == "3")
            first = item.first_page;
    REQUIRE(first > 0);
    std::string contents_page = page_text(path, first);
    for (int s = 1; s <= 3; ++s) {
        // The heading's own page, found by reading the pack.
        int landed = 0;
        for (int page = first; page <= output.summary.pages && landed == 0; ++page) {
            std::string heading = "Section " + std::to_string(s) + " of performance";
            if (page_text(path, page).find(heading) != std::string::npos)
                landed = page;
        }
        REQUIRE(landed >= first);
        std::regex entry("Section " + std::to_string(s) + R"( \.{5,} )" + std::to_string(landed) +
                         R"(\s*\n)");
        CHECK_MESSAGE(std::regex_search(contents_page, entry), contents_page);
    }
}

TEST_CASE("each face's CIDToGIDMap ends at the last character painted in it") {
    auto fixture = one_paper_meeting("font-maps", "Savings of €5 were noted, and approved.");
    DiagnosticSink sink;
    PackOutput output = public_pack(*fixture, sink);
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(output.summary.built);

    QPDF pdf;
    pdf.processMemoryFile("pack.pdf", output.pack_pdf.data(), output.pack_pdf.size());
    std::vector<std::string> maps;
    for (QPDFObjectHandle object : pdf.getAllObjects())
        if (object.isDictionary() && object.getKey("/Subtype").isNameAndEquals("/CIDFontType2") &&
            object.getKey("/CIDToGIDMap").isStream()) {
            auto data = object.getKey("/CIDToGIDMap").getStreamData(qpdf_dl_all);
            maps.emplace_back(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        }
    REQUIRE_FALSE(maps.empty());
    auto glyph_of = [](const std::string& map, char32_t c) {
        return (static_cast<unsigned char>(map[2 * c]) << 8) |
               static_cast<unsigned char>(map[2 * c + 1]);
    };
    const std::string* regular = nullptr; // the face the paragraph is set in: € is its last
    for (const std::string& map : maps) {
        CHECK(map.size() % 2 == 0);
        CHECK(map.size() < 2 * 0xFFFF); // libharu's own map covers every 16-bit code point
        if (map.size() == 2 * (0x20AC + 1))
            regular = &map;
    }
    REQUIRE(regular != nullptr);
    CHECK(glyph_of(*regular, U'€') != 0);
    CHECK(glyph_of(*regular, U'S') != 0);
    CHECK(glyph_of(*regular, U'S') != glyph_of(*regular, U'a'));

    std::string path = save_pdf(fixture->folder, "pack.pdf", output.pack_pdf);
    CHECK(run_command("qpdf --check '" + path + "'").status == 0);
    CommandResult text = run_command("pdftotext '" + path + "' -");
    CHECK(text.output.find("Savings of €5 were noted, and approved.") != std::string::npos);
}
