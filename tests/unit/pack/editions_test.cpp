#include "content/audience.hpp"
#include "pack/pack.hpp"
#include "pack/post_pass.hpp"
#include "pack_fixture.hpp"
#include "pdf_probe.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <regex>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

namespace {

const content::PackItemPages& pages_of(const PackOutput& output, const std::string& number) {
    for (const auto& item : output.summary.items)
        if (item.number == number)
            return item;
    FAIL("no item " << number);
    throw 0;
}

// The fixture's meeting as the members see it: item 4 is exempt and has a paper of its own.
content::Meeting members_meeting(const Fixture& fixture) {
    content::Meeting members = fixture.meeting;
    for (auto& item : members.items)
        if (item.number == "4") {
            item.withheld = false;
            item.exempt.paragraph = 3;
            item.papers.push_back(markdown_paper("Problem profile", "profile", 5));
        }
    return members;
}

int count_of(const std::string& text, const std::string& what) {
    int count = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++count;
    return count;
}

} // namespace

TEST_CASE("the public pack keeps the members' page numbers, with one page for a withheld item") {
    auto fixture = make_fixture("editions");
    content::Meeting members = members_meeting(*fixture);
    content::Meeting shown = members;
    content::apply_audience(shown, content::Audience::public_audience);
    DiagnosticSink sink;
    PackOutput members_pack = build_meeting_pack(fixture->site, fixture->board, members,
                                                 content::Audience::members, resources(), sink);
    PackOutput public_pack =
        build_meeting_pack(fixture->site, fixture->board, shown, content::Audience::public_audience,
                           resources(), sink, &members);
    REQUIRE_FALSE(sink.has_errors());
    CHECK(members_pack.pack_file == "pack-members.pdf");
    CHECK(members_pack.agenda_file == "agenda-members.pdf");
    CHECK(public_pack.pack_file == "pack.pdf");
    // The same ranges, item for item, and the same page count.
    CHECK(public_pack.pack_json == members_pack.pack_json);

    const auto& profile = pages_of(members_pack, "4");
    REQUIRE(profile.last_page > profile.first_page);
    std::string members_path = save_pdf(fixture->folder, "pack-members.pdf", members_pack.pack_pdf);
    std::string public_path = save_pdf(fixture->folder, "pack.pdf", public_pack.pack_pdf);
    // Every page of the exempt item is marked in its header and footer.
    for (int page = profile.first_page; page <= profile.last_page; ++page) {
        std::string text = page_text(members_path, page);
        CAPTURE(page);
        CHECK(count_of(text, "NOT FOR PUBLICATION by virtue of paragraph 3") == 2);
        CHECK(text.find("Agenda Item 4") != std::string::npos);
    }
    CHECK(page_text(members_path, 1).find("MEMBERS\xE2\x80\x99 EDITION") != std::string::npos);
    CHECK(page_text(public_path, 1).find("MEMBERS") == std::string::npos);

    // The public pack prints one page in its place, then carries on at the members' numbers.
    const auto& withheld = pages_of(public_pack, "4");
    CHECK(withheld.first_page == profile.first_page);
    REQUIRE(withheld.first_sheet > 0);
    std::string placeholder = page_text(public_path, withheld.first_sheet);
    CHECK(placeholder.find("Agenda Item 4") != std::string::npos);
    CHECK(placeholder.find("not published") != std::string::npos);
    CHECK(placeholder.find("paragraph 3 of Part 1 of Schedule 12A") != std::string::npos);
    CHECK(placeholder.find("Problem profile") == std::string::npos); // the paper's title
    const auto& after = pages_of(public_pack, "5a");
    CHECK(after.first_page == pages_of(members_pack, "5a").first_page);
    CHECK(after.first_sheet < after.first_page);
    std::string text = page_text(public_path, after.first_sheet);
    CHECK(text.find("Agenda Item 5a") != std::string::npos);
    CHECK(std::regex_search(text, std::regex("\\b" + std::to_string(after.first_page) + "\\b")));
    // The page label viewers show for that PDF page is the printed number.
    auto labels = nlohmann::json::parse(
        run_command("qpdf --json --json-key=pagelabels '" + public_path + "'").output);
    int label = 0;
    for (const auto& range : labels["pagelabels"]) {
        int index = range["index"];
        if (index <= after.first_sheet - 1)
            label = range["label"].value("/St", 1) + (after.first_sheet - 1 - index);
    }
    CHECK(label == after.first_page);
}

TEST_CASE("page labels start a range wherever the printed numbers jump") {
    auto ranges = label_ranges({1, 2, 3, 4, 9, 10, 11});
    REQUIRE(ranges.size() == 2);
    CHECK(ranges[0].first_page == 0);
    CHECK(ranges[0].first_number == 1);
    CHECK(ranges[1].first_page == 4);
    CHECK(ranges[1].first_number == 9);
    CHECK(label_ranges({}).size() == 1);
}

TEST_CASE("every page of an item is stamped, and an appendix follows on with its title") {
    auto fixture = make_fixture("stamps");
    DiagnosticSink sink;
    PackOutput output = build_meeting_pack(fixture->site, fixture->board, fixture->meeting,
                                           content::Audience::members, resources(), sink);
    REQUIRE_FALSE(sink.has_errors());
    std::string path = save_pdf(fixture->folder, "pack-members.pdf", output.pack_pdf);
    const auto& performance = pages_of(output, "3");
    int appendix_pages = 0, first_appendix = 0;
    for (int page = performance.first_page; page <= performance.last_page; ++page) {
        std::string text = page_text(path, page);
        CAPTURE(page);
        CHECK(text.find("Agenda Item 3") != std::string::npos);
        CHECK(text.find("intentionally left blank") == std::string::npos);
        if (text.find("Appendix 1: Appendix: neighbourhood board minutes") != std::string::npos) {
            ++appendix_pages;
            first_appendix = first_appendix ? first_appendix : page;
        }
    }
    CHECK(appendix_pages == 3);
    // The report and its appendix are one item: the appendix follows on, on either hand.
    CHECK(first_appendix == performance.last_page - 2);
    std::string outline = run_command("qpdf --json --json-key=outlines '" + path + "'").output;
    CHECK(outline.find("Appendix 1: Appendix: neighbourhood board minutes") != std::string::npos);
    CHECK(page_text(path, 1).find("Appendix 1: Appendix: neighbourhood board minutes") !=
          std::string::npos);
}
