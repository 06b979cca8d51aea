#include "content/load.hpp"
#include "content/loader_parts.hpp"
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
} // namespace

TEST_CASE("the site index holds boards, meetings in date order, items and paper headers") {
    auto files = small_site();
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    CHECK_MESSAGE(!sink.has_errors(), all_messages(sink));
    REQUIRE(site.boards.size() == 1);
    const Board& board = site.boards[0];
    CHECK(board.slug == "csp");
    CHECK(board.members.at(0).role == "Chair");
    REQUIRE(board.meetings.size() == 2);
    CHECK(board.meetings[0].slug == "2017-06-13");
    CHECK(board.meetings[0].venue == "Room 9");
    const Meeting& meeting = board.meetings[1];
    CHECK(meeting.venue == "Room 1");
    CHECK(meeting.start_minutes == 14 * 60);
    CHECK(meeting.data_date == Date{2017, 7, 31});
    CHECK(meeting.status == MeetingStatus::held);
    REQUIRE(meeting.items.size() == 4);
    CHECK(meeting.items[0].verbal);
    CHECK(meeting.items[1].purpose == Purpose::decision);
    REQUIRE(meeting.items[1].papers.size() == 1);
    const Paper& paper = meeting.items[1].papers[0];
    CHECK(paper.title == "The report");
    CHECK(paper.slug == "report");
    CHECK(paper.security == Security::unprotected);
    CHECK(paper.marking.empty());
    CHECK_FALSE(paper.body_loaded);
    CHECK(meeting.items[3].sub_items.at(0).papers.at(0).slug == "youth");
}

TEST_CASE("a paper keeps the title its meeting gives it once its body is loaded") {
    auto files = small_site();
    files.add("content/csp/2017-09-12/meeting.yaml",
              "date: 2017-09-12\nitems:\n"
              "  - number: \"2\"\n    title: Report\n"
              "    papers:\n      - {file: 02-report.md, title: Report to the board}\n"
              "      - 04a-youth.md\n");
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    Board& board = site.boards.at(0);
    Meeting& meeting = board.meetings.at(1);
    load_meeting_papers(files, site, board, meeting, sink);
    CHECK_MESSAGE(!sink.has_errors(), all_messages(sink));
    const auto& papers = meeting.items.at(0).papers;
    REQUIRE(papers.size() == 2);
    CHECK(papers[0].body_loaded);
    CHECK(papers[0].title == "Report to the board");
    CHECK(papers[0].author == "Ann Lee");
    CHECK(papers[0].body.blocks.size() == 2); // the heading and the paragraph after the fence
    CHECK(papers[1].title == "Youth report");
}

TEST_CASE("site.yaml's timezone names the zone of meeting times, Europe/London by default") {
    auto files = small_site();
    DiagnosticSink sink;
    CHECK(load_site_index(files, sink).config.time_zone == "Europe/London");
    files.add("site.yaml",
              "title: Test Papers\norganisation: Test Council\ntimezone: Europe/Dublin\n");
    DiagnosticSink dublin_sink;
    Site dublin = load_site_index(files, dublin_sink);
    CHECK_MESSAGE(!dublin_sink.has_errors(), all_messages(dublin_sink));
    CHECK(dublin.config.time_zone == "Europe/Dublin");
}

TEST_CASE("the public audience sees a restricted item's title and nothing else") {
    auto files = small_site();
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    Meeting meeting = site.boards[0].meetings[1];
    apply_audience(meeting, Audience::public_audience);
    CHECK(meeting.items[2].withheld);
    CHECK(meeting.items[2].title == "Problem profile");
    CHECK(meeting.items[2].papers.empty());
    CHECK_FALSE(meeting.items[1].withheld);

    Meeting members = site.boards[0].meetings[1];
    apply_audience(members, Audience::members);
    CHECK_FALSE(members.items[2].withheld);
    CHECK(members.items[2].papers.size() == 1);
}

TEST_CASE("a restricted paper under an open item is withheld from the public") {
    auto files = small_site();
    files.add("content/csp/2017-09-12/04a-youth.md",
              "---\ntitle: Youth report\nsecurity: restricted\n---\nBody.\n");
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    Meeting meeting = site.boards[0].meetings[1];
    apply_audience(meeting, Audience::public_audience);
    CHECK(meeting.items[3].sub_items[0].withheld);
    CHECK(meeting.items[3].sub_items[0].papers.empty());
}

TEST_CASE("paper slugs drop the agenda number prefix") {
    CHECK(paper_slug("content/x/07-performance-report.md") == "performance-report");
    CHECK(paper_slug("05a-youth.md") == "youth");
    CHECK(paper_slug("minutes.md") == "minutes");
    CHECK(paper_slug("2017-plan.md") == "plan");
}

TEST_CASE("loader errors are located and carry hints") {
    SUBCASE("unknown key") {
        auto files = small_site();
        files.add("content/csp/board.yaml", "name: Board\nmembrs: []\n");
        DiagnosticSink sink;
        load_site_index(files, sink);
        CHECK(all_messages(sink).find("content/csp/board.yaml:2:1: error: unknown key 'membrs' in "
                                      "board.yaml\n  hint: did you mean 'members'?") !=
              std::string::npos);
    }
    SUBCASE("bad date") {
        auto files = small_site();
        files.add("content/csp/2017-06-13/meeting.yaml",
                  "date: 2017-06-31\nitems:\n  - number: \"1\"\n    title: Welcome\n");
        DiagnosticSink sink;
        load_site_index(files, sink);
        CHECK(
            all_messages(sink).find("content/csp/2017-06-13/meeting.yaml:1:7: error: '2017-06-31' "
                                    "is not a valid date for 'date'") != std::string::npos);
    }
    SUBCASE("missing paper, with the closest file suggested") {
        auto files = small_site();
        files.add("content/csp/2017-06-13/meeting.yaml",
                  "date: 2017-06-13\nitems:\n  - number: \"1\"\n    title: Report\n"
                  "    paper: 01-reprot.md\n");
        files.add("content/csp/2017-06-13/01-report.md", "---\ntitle: R\n---\n");
        DiagnosticSink sink;
        load_site_index(files, sink);
        std::string messages = all_messages(sink);
        CHECK(messages.find("meeting.yaml:5:12: error: paper '01-reprot.md' not found") !=
              std::string::npos);
        CHECK(messages.find("did you mean '01-report.md'?") != std::string::npos);
    }
    SUBCASE("malformed YAML") {
        auto files = small_site();
        files.add("site.yaml", "title: [unclosed\norganisation: x\n");
        DiagnosticSink sink;
        load_site_index(files, sink);
        CHECK(all_messages(sink).find("site.yaml:") == 0);
        CHECK(all_messages(sink).find("error: malformed YAML") != std::string::npos);
    }
    SUBCASE("a time zone whose rules calendars cannot carry") {
        auto files = small_site();
        files.add("site.yaml", "title: Test Papers\norganisation: Test Council\n"
                               "timezone: America/New_York\n");
        DiagnosticSink sink;
        Site site = load_site_index(files, sink);
        std::string messages = all_messages(sink);
        CHECK(messages.find("site.yaml:3:11: error: timezone 'America/New_York' is not one whose "
                            "rules boardpack can write in calendars") == 0);
        CHECK(messages.find("hint: name one of Europe/London, Europe/Dublin") != std::string::npos);
        CHECK(site.config.time_zone == "Europe/London");
    }
    SUBCASE("duplicate item numbers and a folder that does not match the date") {
        auto files = small_site();
        files.add("content/csp/2017-06-13/meeting.yaml",
                  "date: 2017-06-14\nitems:\n  - number: \"1\"\n    title: A\n"
                  "  - number: \"1\"\n    title: B\n");
        DiagnosticSink sink;
        load_site_index(files, sink);
        std::string messages = all_messages(sink);
        CHECK(messages.find("does not match the folder name '2017-06-13'") != std::string::npos);
        CHECK(messages.find("agenda item number 1 is used twice") != std::string::npos);
    }
    SUBCASE("paper without front matter") {
        auto files = small_site();
        files.add("content/csp/2017-09-12/04a-youth.md", "# Just a heading\n");
        DiagnosticSink sink;
        load_site_index(files, sink);
        CHECK(all_messages(sink).find("04a-youth.md:1:1: error: the paper has no front matter") !=
              std::string::npos);
    }
}
