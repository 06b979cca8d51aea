#include "content/attendance.hpp"
#include "content/decisions.hpp"
#include "content/load.hpp"
#include "content/minutes_record_blocks.hpp"
#include "markdown/parse.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::content;

namespace {

Person person(std::string name, std::string role = {}, std::string post = {}) {
    Person p;
    p.name = std::move(name);
    p.role = std::move(role);
    p.post = std::move(post);
    return p;
}

Board partnership() {
    Board board;
    board.members = {person("Cllr Hamid Butt", "Chair"), person("Tim Rowe"),
                     person("Jane Scotland", "Vice-chair"), person("Ann Scotland"),
                     person("Steve Thorne MBE")};
    board.advisers = {person("Dr Lola Price", "", "Public Health Registrar")};
    board.contact.name = "Angela Stevens";
    return board;
}

std::string matched(std::string_view written, const std::vector<Person>& people) {
    NameMatch match = match_person(written, people);
    return match.person ? match.person->name : "";
}

doc::Document parse(const std::string& markdown) {
    DiagnosticSink sink;
    return markdown::parse(markdown, {"m.md", 1, 1}, sink);
}

std::string messages(const DiagnosticSink& sink) {
    std::string out;
    for (const auto& d : sink.sorted())
        out += format_diagnostic(d) + "\n";
    return out;
}

} // namespace

TEST_CASE("names match through ranks, titles, honorifics and post-nominals") {
    auto people = board_people(partnership());
    CHECK(matched("Inspector Tim Rowe", people) == "Tim Rowe");
    CHECK(matched("Detective Superintendent Tim Rowe", people) == "Tim Rowe");
    CHECK(matched("Borough Commander Tim Rowe", people) == "Tim Rowe");
    CHECK(matched("Councillor Hamid Butt (Chair)", people) == "Cllr Hamid Butt");
    CHECK(matched("Steve Thorne", people) == "Steve Thorne MBE");
    CHECK(matched("Lola Price", people) == "Dr Lola Price");
    CHECK(matched("Angela Stevens", people) == "Angela Stevens"); // the contact officer
    CHECK(comparable_name("Cllr Margaret O’Neill (Chair)") == "margaret o'neill");
}

TEST_CASE("a surname alone, or with an initial, matches when only one person has it") {
    auto people = board_people(partnership());
    CHECK(matched("Councillor Butt", people) == "Cllr Hamid Butt");
    CHECK(matched("Inspector Rowe", people) == "Tim Rowe");
    CHECK(matched("J. Scotland", people) == "Jane Scotland");
    NameMatch ambiguous = match_person("Ms Scotland", people);
    CHECK(ambiguous.person == nullptr);
    REQUIRE(ambiguous.candidates.size() == 2);
    CHECK(ambiguous.candidates[0]->name == "Jane Scotland");
    CHECK(ambiguous.candidates[1]->name == "Ann Scotland");
    CHECK(matched("Tom Rowe", people).empty()); // a different first name is someone else
}

TEST_CASE("attendance lists the Chair first, gives roles and posts, and finds the absent") {
    Board board = partnership();
    YAML::Node front = YAML::Load("present: [Tim Rowe, Councillor Butt, Jane Scotland]\n"
                                  "apologies: [Steve Thorne]\n"
                                  "in_attendance: [Lola Price, Sam Quill (Home Office)]\n"
                                  "minutes_by: Angela Stevens\n");
    DiagnosticSink sink;
    Attendance attendance = read_attendance(front, {"m.md", 2, 1}, board, sink);
    INFO(messages(sink));
    CHECK(sink.warning_count() == 0);
    CHECK(attendee_names(attendance.present) ==
          "Cllr Hamid Butt (Chair), Jane Scotland (Vice-chair), Tim Rowe");
    CHECK(attendee_names(attendance.apologies) == "Steve Thorne MBE");
    CHECK(attendee_names(attendance.absent) == "Ann Scotland");
    CHECK(attendee_names(attendance.in_attendance) ==
          "Dr Lola Price (Public Health Registrar), Sam Quill (Home Office)");
    CHECK(attendance.in_attendance[1].person.empty()); // a guest
    CHECK(attendance.minutes_by == "Angela Stevens");
}

TEST_CASE("an unknown or ambiguous attendee is a located warning naming the candidates") {
    Board board = partnership();
    YAML::Node front = YAML::Load("present:\n  - Ms Scotland\n  - Tim Roe\n");
    DiagnosticSink sink;
    Attendance attendance = read_attendance(front, {"m.md", 2, 1}, board, sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].location.line == 3);
    CHECK(diagnostics[0].location.column == 5);
    CHECK(diagnostics[0].message ==
          "'Ms Scotland' in 'present' could be any of: Jane Scotland, Ann Scotland");
    CHECK(diagnostics[1].location.line == 4);
    CHECK(diagnostics[1].hint == "did you mean 'Tim Rowe'?");
    // Unmatched names are still printed as written: nothing silently disappears.
    CHECK(attendee_names(attendance.present) == "Ms Scotland, Tim Roe");
}

TEST_CASE("minute headings give the item number and title") {
    CHECK(minute_heading("5. Terms of reference")->number == "5");
    CHECK(minute_heading("5a) Safer Streets")->number == "5a");
    CHECK(minute_heading("Item 12: Date of next meeting")->title == "Date of next meeting");
    CHECK(minute_heading("11 – Any other business")->title == "Any other business");
    CHECK_FALSE(minute_heading("2017/18 budget"));
    CHECK_FALSE(minute_heading("Apologies"));
}

TEST_CASE("resolutions are captured under their minute with their points, not their actions") {
    doc::Document body = parse("## 3. Minutes\n\nIt was agreed that the minutes be approved.\n\n"
                               "## 5. Terms of reference\n\nDiscussion.\n\n"
                               "It was agreed that:\n\n- the terms be adopted;\n"
                               "- the chairs be confirmed.\n"
                               "- [ ] Send the template. {lead: Tim Rowe, due: 2017-07-14}\n\n"
                               "#### Resolved:\n\nAll to contact the Chair with queries.\n");
    Meeting recorded;
    recorded.date = {2017, 6, 13};
    recorded.items.resize(2);
    recorded.items[0].number = "3";
    recorded.items[1].number = "5";
    DiagnosticSink sink;
    auto decisions = read_decisions(body, &recorded, sink);
    CHECK(sink.warning_count() == 0);
    REQUIRE(decisions.size() == 3);
    CHECK(decisions[0].item == "3");
    CHECK(decisions[0].text == "It was agreed that the minutes be approved.");
    CHECK(decisions[0].anchor == "3-minutes");
    CHECK(decisions[1].item == "5");
    CHECK(decisions[1].item_title == "Terms of reference");
    REQUIRE(decisions[1].points.size() == 2);
    CHECK(decisions[1].points[1] == "the chairs be confirmed.");
    CHECK(decisions[2].points ==
          std::vector<std::string>{"All to contact the Chair with queries."});
}

TEST_CASE("a resolution under no minute, or a minute for no item, is a located warning") {
    doc::Document body =
        parse("Resolved: that the board meet monthly.\n\n"
              "## 9. Any other business\n\nResolved: that the board thank staff.\n");
    Meeting recorded;
    recorded.date = {2017, 6, 13};
    DiagnosticSink sink;
    auto decisions = read_decisions(body, &recorded, sink);
    CHECK(decisions.size() == 1);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].location.line == 1);
    CHECK(diagnostics[0].message == "this resolution is under no numbered minute");
    CHECK(diagnostics[1].location.line == 3);
    CHECK(diagnostics[1].message ==
          "minute 9 has a resolution, but the agenda of 13 June 2017 has no item 9");
}

TEST_CASE("a resolution in a paper that is not minutes is a warning with a hint") {
    DiagnosticSink sink;
    warn_resolutions_outside_minutes(
        parse("It was agreed at the workshop that we consult.\n\nResolved: that we spend it.\n"),
        sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].location.line == 3);
    CHECK(diagnostics[0].hint.find("kind: minutes") != std::string::npos);
}

TEST_CASE("attendance and declarations become blocks of the minutes") {
    doc::Document body = parse("Held in Room 1.\n\n## 2. Declarations of interest\n\nNoted.\n\n"
                               "## 6. Fund\n\nDiscussed.\n");
    Attendance attendance;
    attendance.present = {{"Cllr Hamid Butt", "Chair", "Cllr Hamid Butt", {}},
                          {"Tim Rowe", "", "Tim Rowe", {}}};
    attendance.minutes_by = "Angela Stevens";
    present_declarations(body, {{"Tim Rowe", "6", "Trustee of a bidder.", {}}});
    present_attendance(body, attendance);
    std::vector<std::string> texts;
    for (const auto& block : body.blocks)
        texts.push_back(block.kind == doc::BlockKind::bullet_list
                            ? "list: " + doc::plain_text(block.children[0].children[0].inlines)
                            : doc::plain_text(block.inlines));
    std::vector<std::string> expected = {"Held in Room 1.",
                                         "Present: Cllr Hamid Butt (Chair), Tim Rowe.",
                                         "Minutes taken by: Angela Stevens.",
                                         "2. Declarations of interest",
                                         "list: Tim Rowe (item 6): Trustee of a bidder.",
                                         "Noted.",
                                         "6. Fund",
                                         "Declaration of interest: Tim Rowe: Trustee of a bidder.",
                                         "Discussed."};
    CHECK(texts == expected);
}

TEST_CASE("a list running on from resolution points into actions is split in two") {
    doc::Document body = parse("- the terms be adopted;\n- the chairs be confirmed.\n"
                               "- [ ] Send the template. {lead: Tim Rowe, due: 2017-07-14}\n");
    REQUIRE(body.blocks.size() == 1);
    separate_actions_from_points(body.blocks);
    REQUIRE(body.blocks.size() == 2);
    CHECK(body.blocks[0].children.size() == 2);
    CHECK_FALSE(body.blocks[0].children[0].task);
    REQUIRE(body.blocks[1].children.size() == 1);
    CHECK(body.blocks[1].children[0].task);
}

namespace {

// Three meetings: the minutes of each are put to the next, so June's are approved by the
// minutes of September (held in December's folder) and September's are still a draft.
MemoryFileSystem three_meetings() {
    MemoryFileSystem files;
    files.add("site.yaml", "title: Papers\norganisation: Council\n");
    files.add("content/b/board.yaml",
              "name: Board\nvenue: Room 1\nstart: \"14:00\"\nend: \"16:00\"\n"
              "members:\n  - { name: Cllr Hamid Butt, role: Chair }\n  - { name: Tim Rowe }\n");
    files.add("content/b/2017-06-13/meeting.yaml",
              "date: 2017-06-13\nstatus: held\n"
              "declarations:\n  - { name: Tim Rowe, item: \"4\", interest: Trustee }\n"
              "items:\n  - { number: \"4\", title: Fund, presenters: [Tim Rowe, Cllr Hamid "
              "Butt], kind: presentation }\n"
              "  - { number: \"5\", title: Date of next meeting, kind: next-meeting }\n");
    const char* minutes = "---\ntitle: Minutes\nkind: minutes\npresent: [Councillor Butt]\n"
                          "---\n## 4. Fund\n\nResolved: that the fund open.\n";
    files.add("content/b/2017-09-12/meeting.yaml",
              "date: 2017-09-12\nstatus: held\nvenue: Room 2\nitems:\n"
              "  - { number: \"2\", title: Minutes, paper: 02-minutes.md }\n");
    files.add("content/b/2017-09-12/02-minutes.md", minutes);
    files.add("content/b/2017-12-12/meeting.yaml",
              "date: 2017-12-12\nstatus: held\nitems:\n"
              "  - { number: \"2\", title: Minutes, paper: 02-minutes.md }\n");
    files.add("content/b/2017-12-12/02-minutes.md",
              "---\ntitle: Minutes\nkind: minutes\npresent: [Tim Rowe]\n---\n"
              "## 2. Minutes\n\nIt was agreed that the minutes be approved.\n");
    return files;
}

} // namespace

TEST_CASE("minutes attach to the meeting they record and are approved by the next minutes") {
    auto files = three_meetings();
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    INFO(messages(sink));
    CHECK(sink.error_count() == 0);
    CHECK(sink.warning_count() == 0);
    const auto& meetings = site.boards.at(0).meetings;
    REQUIRE(meetings.size() == 3);
    REQUIRE(meetings[0].minutes);
    CHECK(meetings[0].minutes->holder == "2017-09-12");
    CHECK(meetings[0].minutes->holder_item == "2");
    CHECK(meetings[0].minutes->approved_at == "2017-09-12");
    CHECK(attendee_names(meetings[0].minutes->attendance.present) == "Cllr Hamid Butt (Chair)");
    REQUIRE(meetings[0].minutes->decisions.size() == 1);
    CHECK(meetings[0].minutes->decisions[0].item_title == "Fund");
    REQUIRE(meetings[1].minutes);
    CHECK(meetings[1].minutes->approved_at.empty()); // December's minutes are not written yet
    CHECK_FALSE(meetings[2].minutes);
}

TEST_CASE("an item takes several presenters, a kind, and the next meeting's details") {
    auto files = three_meetings();
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    const auto& items = site.boards.at(0).meetings.at(0).items;
    REQUIRE(items.size() == 2);
    CHECK(items[0].presenters.size() == 2);
    CHECK(items[0].presenter == "Tim Rowe and Cllr Hamid Butt");
    CHECK(items[0].kind == ItemKind::presentation);
    CHECK(items[0].verbal); // nothing to print: the agenda says "Presentation"
    CHECK(std::string(kind_label(items[0].kind)) == "Presentation");
    CHECK(items[1].description == "Tuesday 12 September 2017, 2:00 pm to 4:00 pm, Room 2");
}

TEST_CASE("a declaration naming an item not on the agenda is a located error") {
    auto files = three_meetings();
    files.add("content/b/2017-06-13/meeting.yaml",
              "date: 2017-06-13\nstatus: held\n"
              "declarations:\n  - { name: Tim Rowe, item: \"7\", interest: Trustee }\n"
              "items:\n  - { number: \"4\", title: Fund, kind: verbal }\n");
    DiagnosticSink sink;
    load_site_index(files, sink);
    auto diagnostics = sink.sorted();
    REQUIRE(sink.error_count() == 1);
    CHECK(diagnostics[0].location.file == "content/b/2017-06-13/meeting.yaml");
    CHECK(diagnostics[0].location.line == 4);
    CHECK(diagnostics[0].message ==
          "the declaration by Tim Rowe names item 7, which is not on the agenda");
}

TEST_CASE("membership groups are named and ordered by the board") {
    auto files = three_meetings();
    files.add("content/b/board.yaml", "name: Board\nmembership:\n"
                                      "  - group: LBBD advisers and observers\n    role: advisers\n"
                                      "    people: [{ name: Tim Rowe }]\n"
                                      "  - group: Statutory partners\n"
                                      "    people: [{ name: Cllr Hamid Butt, role: Chair }]\n");
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    INFO(messages(sink));
    CHECK(sink.error_count() == 0);
    const Board& board = site.boards.at(0);
    auto groups = membership_groups(board);
    REQUIRE(groups.size() == 2);
    CHECK(groups[0].name == "LBBD advisers and observers");
    CHECK(groups[1].name == "Statutory partners");
    // The groups' roles decide who is a member: June's minutes list no Tim Rowe, who advises.
    REQUIRE(board.members.size() == 1);
    CHECK(board.members[0].name == "Cllr Hamid Butt");
    REQUIRE(board.advisers.size() == 1);
    CHECK(board.meetings.at(0).minutes->attendance.absent.empty());
}

TEST_CASE("board.yaml takes membership groups or the three lists, not both") {
    auto files = three_meetings();
    files.add("content/b/board.yaml", "name: Board\nmembers: [{ name: Tim Rowe }]\n"
                                      "membership:\n  - { group: Partners, people: [] }\n");
    DiagnosticSink sink;
    load_site_index(files, sink);
    REQUIRE(sink.error_count() == 1);
    for (const auto& diagnostic : sink.sorted())
        if (diagnostic.severity == Severity::error) {
            CHECK(diagnostic.location.file == "content/b/board.yaml");
            CHECK(diagnostic.location.line == 4);
            CHECK(diagnostic.message.find("not both") != std::string::npos);
        }
}

TEST_CASE("without groups, the membership is Members, Advisers and Observers") {
    Board board = partnership();
    auto groups = membership_groups(board);
    REQUIRE(groups.size() == 2); // nobody observes
    CHECK(groups[0].name == "Members");
    CHECK(groups[0].people.size() == 5);
    CHECK(groups[1].name == "Advisers");
    CHECK(groups[1].role == "advisers");
}

namespace {

std::string body_text(const std::vector<doc::Block>& blocks) {
    std::string text;
    for (const auto& block : blocks)
        text += doc::plain_text(block.inlines) + "\n" + body_text(block.children);
    return text;
}

} // namespace

TEST_CASE("the minutes print attendance and declarations, but not one about a restricted item") {
    auto files = three_meetings();
    files.add("content/b/2017-06-13/meeting.yaml",
              "date: 2017-06-13\nstatus: held\n"
              "declarations:\n  - { name: Tim Rowe, item: \"4\", interest: Trustee of a bidder }\n"
              "  - { name: Cllr Hamid Butt, item: \"6\", interest: Lives on the estate }\n"
              "items:\n  - { number: \"4\", title: Fund, kind: verbal }\n"
              "  - { number: \"6\", title: Estate review, kind: verbal, restricted: true }\n");
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    Board& board = site.boards.at(0);
    Meeting& september = board.meetings.at(1);
    load_meeting_papers(files, site, board, september, sink);
    INFO(messages(sink));
    std::string text = body_text(september.items.at(0).papers.at(0).body.blocks);
    CHECK(text.find("Present: Cllr Hamid Butt (Chair).") != std::string::npos);
    CHECK(text.find("Absent: Tim Rowe.") != std::string::npos);
    CHECK(text.find("Declaration of interest: Tim Rowe: Trustee of a bidder.") !=
          std::string::npos);
    CHECK(text.find("Lives on the estate") == std::string::npos);
}

TEST_CASE("minutes without a declarations minute list the declarations at their head") {
    doc::Document body = parse("## 1. Welcome\n\nHello.\n");
    present_declarations(body, {{"Tim Rowe", "", "Trustee of a bidder", {}}});
    REQUIRE(body.blocks.size() == 4);
    CHECK(doc::plain_text(body.blocks[0].inlines) == "Declarations of interest:");
    CHECK(body.blocks[0].inlines.size() == 1);
    REQUIRE(body.blocks[1].kind == doc::BlockKind::bullet_list);
    CHECK(doc::plain_text(body.blocks[1].children[0].children[0].inlines) ==
          "Tim Rowe: Trustee of a bidder");
    CHECK(doc::plain_text(body.blocks[2].inlines) == "1. Welcome");
}
