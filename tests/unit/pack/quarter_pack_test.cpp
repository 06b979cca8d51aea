#include "pack/pack.hpp"
#include "pack_fixture.hpp"
#include "pdf_probe.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

TEST_CASE("a quarterly pack is a contents page followed by each meeting's pack") {
    auto fixture = make_fixture("quarter");
    DiagnosticSink sink;
    PackOutput september = public_pack(*fixture, sink);
    content::Meeting july = fixture->meeting;
    july.date = Date{2017, 7, 11};
    july.items.resize(3); // verbal welcome, minutes, performance report
    PackOutput earlier = build_meeting_pack(fixture->site, fixture->board, july,
                                            content::Audience::public_audience, resources(), sink);
    REQUIRE_FALSE(sink.has_errors());

    std::string archive = build_quarter_pack(
        fixture->site, fixture->board, "Quarter 2, 2017/18",
        {{&july, earlier.pack_pdf}, {&fixture->meeting, september.pack_pdf}}, resources(), sink);
    REQUIRE_FALSE(sink.has_errors());
    std::string path = save_pdf(fixture->folder, "quarter.pdf", archive);
    // The first meeting's pack is kept byte for byte; the rest is written after it.
    CHECK(archive.starts_with(earlier.pack_pdf));

    // Contents, a blank back, then each pack padded to an even length.
    int july_pages = earlier.summary.pages + earlier.summary.pages % 2;
    int september_pages = september.summary.pages + september.summary.pages % 2;
    std::string info = run_command("pdfinfo '" + path + "'").output;
    CHECK(info.find("Pages:           " + std::to_string(2 + july_pages + september_pages)) !=
          std::string::npos);

    CHECK(page_text(path, 2).find("This page is intentionally left blank") != std::string::npos);
    std::string contents = page_text(path, 1);
    CHECK(contents.find("Meeting packs, Quarter 2, 2017/18") != std::string::npos);
    CHECK(contents.find("Tuesday 11 July 2017") != std::string::npos);
    CHECK(contents.find("Pages 3 – " + std::to_string(2 + earlier.summary.pages)) !=
          std::string::npos);
    int september_first = 3 + july_pages;
    CHECK(contents.find("Pages " + std::to_string(september_first) + " – ") != std::string::npos);
    // The September pack's front sheet follows, with its own page number 1.
    CHECK(page_text(path, september_first).find("Tuesday 12 September 2017") != std::string::npos);

    CommandResult check = run_command("qpdf --check '" + path + "'");
    CHECK(check.status == 0);
    CHECK(run_command("pdftotext '" + path + "' /dev/null").output.empty());
    // The contents' regular text is set in the July pack's own font: each pack brings its
    // regular face, and the contents no third copy of it.
    std::istringstream fonts(run_command("pdffonts '" + path + "'").output);
    int regular_faces = 0;
    for (std::string line; std::getline(fonts, line);)
        regular_faces += line.find("+NotoSans-Regular ") != std::string::npos &&
                         line.find("CID TrueType") != std::string::npos;
    CHECK(regular_faces == 2);
    std::string outline = run_command("qpdf --json --json-key=outlines '" + path + "'").output;
    CHECK(outline.find("12 September 2017 meeting") != std::string::npos);
    CHECK(outline.find("3. Performance report") != std::string::npos);

    std::string again = build_quarter_pack(
        fixture->site, fixture->board, "Quarter 2, 2017/18",
        {{&july, earlier.pack_pdf}, {&fixture->meeting, september.pack_pdf}}, resources(), sink);
    CHECK(again == archive);
}

TEST_CASE("a quarterly pack with nothing to archive reports it") {
    auto fixture = make_fixture("quarter-empty");
    DiagnosticSink sink;
    std::string archive = build_quarter_pack(fixture->site, fixture->board, "Quarter 3, 2017/18",
                                             {}, resources(), sink);
    CHECK(archive.empty());
    CHECK(sink.error_count() == 1);
}
