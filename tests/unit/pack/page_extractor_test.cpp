#include "pack/pack.hpp"
#include "pack/page_extractor.hpp"
#include "pack/post_pass.hpp"
#include "pack_fixture.hpp"
#include "pdf_probe.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

namespace {

// Linearised, however small, as a large pack would be.
std::unique_ptr<BuiltPack> members_pack(const std::string& name) {
    auto built = build_pack(name, content::Audience::members, 0);
    REQUIRE_FALSE(built->sink.has_errors());
    return built;
}

// The performance report, with its chart.
const content::PackItemPages& item_with_chart(const PackOutput& output) {
    return item_pages(output, "3");
}

std::string extract(PageExtractor& extractor, int first, int last) {
    std::string error;
    std::string pdf = extractor.extract(first, last, {{"Extract", 0, 0, {}}}, {}, error);
    CHECK(error.empty());
    return pdf;
}

} // namespace

TEST_CASE("an extract holds its own pages and their objects, none of the rest of the pack") {
    auto pack = members_pack("extract-pages");
    REQUIRE(linearised(pack->output.pack_pdf));
    const auto& item = item_with_chart(pack->output);
    PageExtractor extractor(pack->output.pack_pdf);
    CHECK(extractor.page_count() == pack->output.summary.pages);

    std::string report = extract(extractor, item.first_page, item.last_page);
    std::string path = save_pdf(pack->fixture->folder, "item-3.pdf", report);
    CHECK(run_command("qpdf --check '" + path + "'").status == 0);
    int count = item.last_page - item.first_page + 1;
    for (int page = 1; page <= count; ++page)
        CHECK(page_text(path, page) == page_text(pack->pack_path, item.first_page + page - 1));
    CHECK(page_text(path, count + 1).find("Wrong page range") != std::string::npos);
    CHECK(run_command("pdfinfo '" + path + "'")
              .output.find("Pages:           " + std::to_string(count)) != std::string::npos);

    // The agenda's pages set no chart and no appendix: their fonts stay out of its file.
    std::string agenda = extract(extractor, 1, 2);
    std::string agenda_path = save_pdf(pack->fixture->folder, "agenda.pdf", agenda);
    std::string pack_fonts = run_command("pdffonts '" + pack->pack_path + "'").output;
    std::string agenda_fonts = run_command("pdffonts '" + agenda_path + "'").output;
    CHECK(pack_fonts.find("WinAnsi") != std::string::npos);
    CHECK(agenda_fonts.find("NotoSans-Regular") != std::string::npos);
    CHECK(agenda_fonts.find("WinAnsi") == std::string::npos);
    CHECK(agenda.size() < pack->output.pack_pdf.size() / 2);

    std::string outline =
        run_command("qpdf --json --json-key=outlines --json-key=pagelabels '" + path + "'").output;
    CHECK(outline.find("\"title\": \"Extract\"") != std::string::npos);
    CHECK(outline.find("\"/St\": " + std::to_string(item.first_page)) != std::string::npos);
}

TEST_CASE("extracts are the same bytes whatever was cut before them, and leave the pack as read") {
    auto pack = members_pack("extract-order");
    const auto& item = item_with_chart(pack->output);
    PageExtractor first(pack->output.pack_pdf);
    std::string report = extract(first, item.first_page, item.last_page);
    std::string agenda = extract(first, 1, 2);
    std::string again = extract(first, item.first_page, item.last_page);
    CHECK(again == report);

    PageExtractor reversed(pack->output.pack_pdf);
    CHECK(extract(reversed, 1, 2) == agenda);
    CHECK(extract(reversed, item.first_page, item.last_page) == report);
    // The whole pack, cut after the others, still has every page.
    std::string whole = extract(reversed, 1, reversed.page_count());
    std::string path = save_pdf(pack->fixture->folder, "whole.pdf", whole);
    CHECK(run_command("pdfinfo '" + path + "'")
              .output.find("Pages:           " + std::to_string(pack->output.summary.pages)) !=
          std::string::npos);
}

TEST_CASE("an extract is linearised when the pack is and it is larger than the limit") {
    auto pack = members_pack("extract-linearised");
    const auto& item = item_with_chart(pack->output);
    PageExtractor small_files_plain(pack->output.pack_pdf);
    std::string plain = extract(small_files_plain, item.first_page, item.last_page);
    CHECK(plain.size() < fast_web_view_bytes);
    CHECK_FALSE(linearised(plain));

    PageExtractor every_file_linearised(pack->output.pack_pdf, 0);
    std::string fast = extract(every_file_linearised, item.first_page, item.last_page);
    REQUIRE(linearised(fast));
    std::string path = save_pdf(pack->fixture->folder, "fast.pdf", fast);
    CHECK(run_command("qpdf --check-linearization '" + path + "'")
              .output.find("no linearization errors") != std::string::npos);
    std::string plain_path = save_pdf(pack->fixture->folder, "plain.pdf", plain);
    CHECK(run_command("pdftotext '" + path + "' -").output ==
          run_command("pdftotext '" + plain_path + "' -").output);

    // A pack written plain gives plain extracts, however large.
    PageExtractor from_plain(plain, 0);
    CHECK_FALSE(linearised(extract(from_plain, 1, 1)));
}

TEST_CASE("a page range outside the pack is an error, not an extract") {
    auto pack = members_pack("extract-range");
    PageExtractor extractor(pack->output.pack_pdf);
    std::string error;
    CHECK(extractor.extract(0, 1, {}, {}, error).empty());
    CHECK(error == "pages 0-1 are outside the pack's " +
                       std::to_string(pack->output.summary.pages) + " pages");
    error.clear();
    CHECK(extractor.extract(2, extractor.page_count() + 1, {}, {}, error).empty());
    CHECK_FALSE(error.empty());
    // The extractor is still whole afterwards.
    CHECK(linearised(pack->output.pack_pdf));
    CHECK_FALSE(extract(extractor, 1, 1).empty());
}

TEST_CASE("extracts cut from a pack in hand leave it to be written as it was") {
    auto pack = members_pack("extract-in-hand");
    const auto& item = item_with_chart(pack->output);
    auto read = [&](QPDF& pdf) {
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("pack.pdf", pack->output.pack_pdf.data(),
                              pack->output.pack_pdf.size());
    };
    QPDF untouched;
    read(untouched);
    QPDF in_hand;
    read(in_hand);
    PageExtractor from_bytes(pack->output.pack_pdf);
    {
        PageExtractor from_pack(in_hand, true);
        CHECK(extract(from_pack, 1, 2) == extract(from_bytes, 1, 2));
        CHECK(extract(from_pack, item.first_page, item.last_page) ==
              extract(from_bytes, item.first_page, item.last_page));
    }
    // Links, page tree, catalog and metadata are all back: the pack writes the same bytes.
    std::string written = write_pdf(in_hand, true);
    CHECK(written == write_pdf(untouched, true));
    std::string path = save_pdf(pack->fixture->folder, "written.pdf", written);
    std::string objects = run_command("qpdf --json '" + path + "'").output;
    CHECK(objects.find("\"/Annots\": [") != std::string::npos); // the agenda's links
}
