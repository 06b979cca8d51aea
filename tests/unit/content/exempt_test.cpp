#include "content/audience.hpp"
#include "content/exempt.hpp"
#include "content/load.hpp"
#include "site_fixture.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::content;

namespace {
std::string all_messages(const DiagnosticSink& sink) {
    std::string out;
    for (const auto& d : sink.sorted())
        out += format_diagnostic(d) + "\n";
    return out;
}

const char* const exempt_meeting =
    "date: 2017-09-12\nstatus: held\nitems:\n"
    "  - number: \"1\"\n    title: Welcome\n    verbal: true\n"
    "  - number: \"2\"\n    title: Report\n    paper: 02-report.md\n"
    "  - number: \"3\"\n    title: Problem profile\n    exempt: { paragraph: 7 }\n"
    "    paper: 03-profile.md\n"
    "  - number: \"4\"\n    title: Sub-groups\n    items:\n"
    "      - number: 4a\n        title: Youth\n        paper: 04a-youth.md\n";
} // namespace

TEST_CASE("each paragraph of Schedule 12A has its description, and the statement quotes it") {
    CHECK(exempt_statement({3, ""}) ==
          "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local "
          "Government Act 1972 (information relating to the financial or business affairs of "
          "any particular person)");
    for (int paragraph = 1; paragraph <= schedule_12a_paragraphs; ++paragraph)
        CHECK(std::string(schedule_12a_description(paragraph)).rfind("information", 0) == 0);
    CHECK(std::string(schedule_12a_description(8)).empty());
    CHECK(exempt_statement({0, "Commercial negotiations are under way"}) ==
          "Not for publication: Commercial negotiations are under way");
    CHECK(exempt_statement({}) == "Not for publication");
    CHECK(not_for_publication_line({7, ""}) ==
          "NOT FOR PUBLICATION by virtue of paragraph 7 of Part 1 of Schedule 12A to the Local "
          "Government Act 1972");
}

TEST_CASE("an exempt item is restricted, and the public are told its ground") {
    auto files = small_site();
    files.add("content/csp/2017-09-12/meeting.yaml", exempt_meeting);
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    REQUIRE_MESSAGE(!sink.has_errors(), all_messages(sink));
    Meeting meeting = site.boards[0].meetings[1];
    const AgendaItem& profile = meeting.items[2];
    CHECK(profile.restricted);
    CHECK(profile.exempt.paragraph == 7);
    apply_audience(meeting, Audience::public_audience);
    CHECK(meeting.items[2].withheld);
    CHECK(meeting.items[2].papers.empty());
    CHECK(item_ground(meeting.items[2]).paragraph == 7);
}

TEST_CASE("a Schedule 12A paragraph outside 1-7 is a located error") {
    auto files = small_site();
    std::string meeting = exempt_meeting;
    meeting.replace(meeting.find("paragraph: 7"), 12, "paragraph: 9");
    files.add("content/csp/2017-09-12/meeting.yaml", meeting);
    DiagnosticSink sink;
    load_site_index(files, sink);
    std::string messages = all_messages(sink);
    CHECK(messages.find("content/csp/2017-09-12/meeting.yaml:12:") != std::string::npos);
    CHECK(messages.find("Schedule 12A has no paragraph 9 in Part 1") != std::string::npos);
    CHECK(messages.find("hint: Part 1 of Schedule 12A") != std::string::npos);
}

TEST_CASE("a paper's marking decides whether the public see it, unknown markings are errors") {
    auto files = small_site();
    files.add("content/csp/2017-09-12/04a-youth.md",
              "---\ntitle: Youth report\nmarking: OFFICIAL-SENSITIVE\n---\nBody.\n");
    files.add("content/csp/2017-09-12/02-report.md",
              "---\ntitle: The report\nmarking: OFFICIAL\n---\nText.\n");
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    REQUIRE_MESSAGE(!sink.has_errors(), all_messages(sink));
    Meeting meeting = site.boards[0].meetings[1];
    const Paper& youth = meeting.items[3].sub_items[0].papers[0];
    CHECK(youth.marking == "OFFICIAL-SENSITIVE");
    CHECK_FALSE(youth.marking_public);
    CHECK(paper_members_only(youth));
    CHECK_FALSE(paper_members_only(meeting.items[1].papers[0])); // marked OFFICIAL: public
    apply_audience(meeting, Audience::public_audience);
    CHECK(meeting.items[3].sub_items[0].withheld);
    CHECK(item_ground(meeting.items[3].sub_items[0]).reason == "marked OFFICIAL-SENSITIVE");

    files.add("content/csp/2017-09-12/04a-youth.md",
              "---\ntitle: Youth report\nmarking: OFFICIAL-SENSITVE\n---\nBody.\n");
    DiagnosticSink typo;
    load_site_index(files, typo);
    std::string messages = all_messages(typo);
    CHECK(messages.find("content/csp/2017-09-12/04a-youth.md:3:10: error: marking "
                        "'OFFICIAL-SENSITVE' is not one of the site's markings") !=
          std::string::npos);
    CHECK(messages.find("did you mean 'OFFICIAL-SENSITIVE'?") != std::string::npos);
}

TEST_CASE("security: protected is refused with a hint to give a marking") {
    auto files = small_site();
    files.add("content/csp/2017-09-12/04a-youth.md",
              "---\ntitle: Youth report\nsecurity: protected\n---\nBody.\n");
    DiagnosticSink sink;
    load_site_index(files, sink);
    std::string messages = all_messages(sink);
    CHECK(messages.find("'security: protected' is no longer a marking") != std::string::npos);
    CHECK(messages.find("marking: OFFICIAL-SENSITIVE") != std::string::npos);
}

TEST_CASE("part_two moves exempt items to the end, in order, for both audiences") {
    auto files = small_site();
    std::string meeting = exempt_meeting;
    meeting.replace(meeting.find("status: held\n"), 13, "status: held\npart_two: true\n");
    files.add("content/csp/2017-09-12/meeting.yaml", meeting);
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    REQUIRE_MESSAGE(!sink.has_errors(), all_messages(sink));
    const auto& items = site.boards[0].meetings[1].items;
    REQUIRE(items.size() == 4);
    CHECK(items[2].number == "4");
    CHECK(items[3].number == "3");
    CHECK(items[3].part_two);
    CHECK_FALSE(items[2].part_two);
    // Without the key the agenda keeps its order.
    CHECK(site.boards[0].meetings[0].items.size() == 1);
}
