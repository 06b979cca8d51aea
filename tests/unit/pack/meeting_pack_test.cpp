#include "pack/pack.hpp"
#include "pack_fixture.hpp"
#include "pdf_probe.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <regex>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

namespace {

int pdf_pages(const std::string& path) {
    std::string info = run_command("pdfinfo '" + path + "'").output;
    std::smatch match;
    REQUIRE(std::regex_search(info, match, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(match[1]);
}

} // namespace

TEST_CASE("a meeting pack numbers its items and starts each on a right-hand page") {
    auto built = build_pack("numbering");
    REQUIRE_FALSE(built->sink.has_errors());
    const PackOutput& output = built->output;
    REQUIRE(output.summary.built);

    CHECK(pdf_pages(built->pack_path) == output.summary.pages);
    auto manifest = nlohmann::json::parse(output.pack_json);
    CHECK(manifest["pages"] == output.summary.pages);
    CHECK(manifest["items"].at(0)["number"] == "1");

    for (const char* number : {"2", "3", "5a", "5b"}) {
        const auto& item = item_pages(output, number);
        CAPTURE(number);
        REQUIRE(item.first_page > 0);
        CHECK(item.first_page % 2 == 1);
        CHECK(item.last_page >= item.first_page);
        CHECK(page_text(built->pack_path, item.first_page)
                  .find(std::string("Agenda Item ") + number) != std::string::npos);
    }
    // Item 3 is a report and a three-page appendix, which follows on within the item.
    const auto& performance = item_pages(output, "3");
    CHECK(performance.last_page - performance.first_page + 1 >= 4);
    std::string last = page_text(built->pack_path, performance.last_page);
    CHECK(last.find("Neighbourhood board minutes, sheet 3") != std::string::npos);
    CHECK(last.find("Agenda Item 3") != std::string::npos);
    // The parent of sub-items spans them.
    CHECK(item_pages(output, "5").first_page == item_pages(output, "5a").first_page);
    CHECK(item_pages(output, "5").last_page == item_pages(output, "5b").last_page);
}

TEST_CASE("the front sheet shows the computed ranges, verbal and restricted items") {
    auto built = build_pack("front-sheet");
    const PackOutput& output = built->output;
    std::string front = page_text(built->pack_path, 1);
    CHECK(front.find("Harbourside Community Safety Partnership") != std::string::npos);
    CHECK(front.find("Tuesday 12 September 2017, 2:00 pm – 4:00 pm") != std::string::npos);
    CHECK(front.find("Verbal") != std::string::npos);
    CHECK(front.find("Not for publication") != std::string::npos);
    for (const char* number : {"2", "3", "5b"}) {
        const auto& item = item_pages(output, number);
        std::string range = item.last_page > item.first_page
                                ? "Pages " + std::to_string(item.first_page) + " – " +
                                      std::to_string(item.last_page)
                                : "Page " + std::to_string(item.first_page);
        CAPTURE(range);
        CHECK(front.find(range) != std::string::npos);
    }
    // The agenda-only PDF is the front sheet alone.
    CHECK(pdf_pages(built->agenda_path) == output.summary.agenda_pages);
    CHECK(page_text(built->agenda_path, 1).find("Not for publication") != std::string::npos);
    CHECK(page_text(built->pack_path, 2).find("Membership") != std::string::npos);
    CHECK(page_text(built->pack_path, 2).find("Cllr Margaret O’Neill (Chair)") !=
          std::string::npos);
}

TEST_CASE("a withheld item has no pages and none of its papers") {
    auto built = build_pack("withheld");
    const auto& item = item_pages(built->output, "4");
    CHECK(item.first_page == 0);
    CHECK(item.last_page == 0);
    auto manifest = nlohmann::json::parse(built->output.pack_json);
    auto row = std::find_if(manifest["items"].begin(), manifest["items"].end(),
                            [](const auto& entry) { return entry["number"] == "4"; });
    REQUIRE(row != manifest["items"].end());
    CHECK((*row)["title"] == "Serious violence problem profile");
    CHECK((*row)["first_page"] == 0);
    CHECK((*row)["last_page"] == 0);
    CHECK((*row)["restricted"] == true);
    CHECK((*row)["verbal"] == false);
    std::string all = run_command("pdftotext '" + built->pack_path + "' -").output;
    CHECK(all.find("Agenda Item 4") == std::string::npos);
}

TEST_CASE("left-hand pages before an item carry the blank-page sentence") {
    auto built = build_pack("blank-pages");
    const PackOutput& output = built->output;
    int blank_pages = 0;
    int previous_last = output.summary.items.empty() ? 0 : 0;
    for (const auto& item : output.summary.items) {
        if (item.first_page == 0 || item.number == "5")
            continue;
        if (previous_last > 0 && item.first_page == previous_last + 2) {
            std::string text = page_text(built->pack_path, previous_last + 1);
            CHECK(text.find("This page is intentionally left blank") != std::string::npos);
            ++blank_pages;
        }
        previous_last = item.last_page;
    }
    CHECK(blank_pages > 0);
}

TEST_CASE("the pack is a clean, linearised PDF with embedded fonts, bookmarks and metadata") {
    auto built = build_pack("clean", content::Audience::public_audience, 0);
    const std::string& path = built->pack_path;
    CommandResult check = run_command("qpdf --check '" + path + "'");
    CHECK(check.status == 0);
    CHECK(check.output.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(check.output.find("File is linearized") != std::string::npos);

    std::string fonts = run_command("pdffonts '" + path + "'").output;
    CHECK(fonts.find("NotoSans-Regular") != std::string::npos);
    CHECK(fonts.find("NotoSans-Bold") != std::string::npos);
    std::regex not_embedded(
        R"(\n\S+\s+(Type 1|TrueType|CID TrueType|Type 3).*\bno\s+(yes|no)\s+(yes|no)\s+\d+)");
    CHECK_FALSE(std::regex_search(fonts, not_embedded));

    CommandResult text = run_command("pdftotext '" + path + "' /dev/null");
    CHECK(text.output.empty()); // no ToUnicode warnings

    std::string info = run_command("pdfinfo '" + path + "'").output;
    CHECK(info.find("Harbourside Community Safety Partnership Board – 12 September 2017 – "
                    "meeting pack") != std::string::npos);
    CHECK(info.find("Harbourside Borough Council") != std::string::npos);
    CHECK(info.find("2017") != std::string::npos);

    std::string outline = run_command("qpdf --json --json-key=outlines '" + path + "'").output;
    for (const char* title : {"Agenda", "Membership",
                              "2. Minutes of the meeting held on 13 June "
                              "2017",
                              "3. Performance report", "5. Sub-group reports",
                              "5a. Safer neighbourhoods", "Section 2 of performance"}) {
        CAPTURE(title);
        CHECK(outline.find(title) != std::string::npos);
    }
    CHECK(outline.find("Serious violence") == std::string::npos);
}

TEST_CASE("a paper's protective marking is printed and landscape papers get landscape pages") {
    auto built = build_pack("marking");
    const auto& performance = item_pages(built->output, "3");
    CHECK(page_text(built->pack_path, performance.first_page).find("OFFICIAL") !=
          std::string::npos);
    const auto& minutes = item_pages(built->output, "2");
    CHECK(page_text(built->pack_path, minutes.first_page).find("OFFICIAL") == std::string::npos);
    const auto& plan = item_pages(built->output, "5b");
    std::string info = run_command("pdfinfo -f " + std::to_string(plan.first_page) + " -l " +
                                   std::to_string(plan.first_page) + " '" + built->pack_path + "'")
                           .output;
    CHECK(info.find("841.89 x 595.276") != std::string::npos);
}

TEST_CASE("the same meeting gives the same bytes twice") {
    auto first = build_pack("deterministic-1");
    auto second = build_pack("deterministic-2");
    REQUIRE_FALSE(first->output.pack_pdf.empty());
    CHECK(first->output.pack_pdf == second->output.pack_pdf);
    CHECK(first->output.agenda_pdf == second->output.agenda_pdf);
    CHECK(first->output.pack_json == second->output.pack_json);
}

TEST_CASE("a missing font folder is a located error, not a crash") {
    auto fixture = make_fixture("no-fonts");
    DiagnosticSink sink;
    PackOutput output =
        build_meeting_pack(fixture->site, fixture->board, fixture->meeting,
                           content::Audience::members, {"/nonexistent/fonts"}, sink);
    CHECK(output.pack_pdf.empty());
    CHECK_FALSE(output.summary.built);
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.sorted().front().location.file == "content/csp/2017-09-12/meeting.yaml");
}

TEST_CASE("an unreadable PDF appendix is reported against the paper") {
    auto fixture = make_fixture("bad-appendix");
    auto& appendix = fixture->meeting.items[2].papers[1];
    appendix.native_path = (fixture->folder / "broken.pdf").string();
    save_pdf(fixture->folder, "broken.pdf", "%PDF-1.4 not really");
    appendix.location = {"content/csp/2017-09-12/meeting.yaml", 24, 9};
    DiagnosticSink sink;
    PackOutput output = build_meeting_pack(fixture->site, fixture->board, fixture->meeting,
                                           content::Audience::members, resources(), sink);
    REQUIRE(sink.error_count() == 1);
    CHECK(sink.sorted().front().location.line == 24);
    CHECK(output.summary.built); // the rest of the pack is still built
}

TEST_CASE("each item with papers gets its pages from the pack as a PDF of its own") {
    auto built = build_pack("reports");
    REQUIRE_FALSE(built->sink.has_errors());
    const PackOutput& output = built->output;
    REQUIRE_FALSE(output.report_pdfs.empty());
    for (const auto& [file, pdf] : output.report_pdfs) {
        CAPTURE(file);
        const content::PackItemPages* pages = nullptr;
        for (const auto& item : output.summary.items)
            if (item.report_file == file)
                pages = &item;
        REQUIRE(pages != nullptr);
        CHECK(file == "pack-item-" + pages->number + ".pdf");
        CHECK(pages->report_bytes == pdf.size());
        std::string path = save_pdf(built->fixture->folder, file, pdf);
        int count = pages->last_page - pages->first_page + 1;
        CHECK(pdf_pages(path) == count);
        CHECK(run_command("qpdf --check '" + path + "'").status == 0);
        // The same pages as in the pack: stamps and pack page numbers included.
        for (int page = 1; page <= count; ++page)
            CHECK(page_text(path, page) ==
                  page_text(built->pack_path, pages->first_page + page - 1));
        CHECK(page_text(path, 1).find("Agenda Item " + pages->number) != std::string::npos);
    }
    // Items without pages of their own (verbal ones) get none.
    for (const auto& item : output.summary.items)
        if (item.first_page == 0)
            CHECK(item.report_file.empty());
}
