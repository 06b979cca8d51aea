#include "content/attendance.hpp"
#include "content/minutes.hpp"
#include "markdown/parse.hpp"
#include "records_fixture.hpp"

#include <doctest/doctest.h>

using namespace records_fixture;

namespace {

std::string messages(const DiagnosticSink& sink) {
    std::string out;
    for (const auto& d : sink.sorted())
        out += format_diagnostic(d) + "\n";
    return out;
}

std::vector<data::Action> actions_in(const std::string& markdown, DiagnosticSink& sink) {
    DiagnosticSink parse_sink;
    doc::Document body = markdown::parse(markdown, {"m.md", 10, 1}, parse_sink);
    return read_minutes_actions(body, day("2017-06-13"), sink);
}

} // namespace

TEST_CASE("minutes actions join the CSV log under the meeting they record") {
    Fixture fixture;
    fixture.build_log();
    const data::ActionLog& log = *fixture.board.actions;
    REQUIRE(log.actions.size() == 5);
    CHECK(log.actions[0].id == "2017-03-14/1"); // CSV only
    CHECK(log.actions[1].id == "2017-06-13/1");
    CHECK(log.actions[2].id == "2017-06-13/2");
    CHECK(log.actions[3].id == "2017-06-13/3");
    CHECK(log.actions[4].id == "2017-09-12/1");

    const data::Action& first = log.actions[1];
    CHECK(first.text == "Map the membership of every sub-group.");
    CHECK(first.lead == "Ayo Bello");
    CHECK(first.due == day("2017-10-31"));
    CHECK(first.raised == day("2017-06-13"));
    CHECK(first.status == data::ActionStatus::open);
    CHECK(first.location.file == "content/csp/2017-09-12/02-minutes.md");
    CHECK(first.location.line == 14);

    // The comma inside 'others' does not end the value; the CSV row completes the action.
    const data::Action& second = log.actions[2];
    CHECK(second.others == "Jo Kerr, Ayo Bello");
    CHECK(second.lead == "Sam Reid");
    CHECK(second.status == data::ActionStatus::complete);
    CHECK(second.completed == day("2017-09-01"));
    REQUIRE(second.updates.size() == 1);
    CHECK(second.updates[0].text == "Letter sent; the fire service joins each group.");

    // Ticked in the minutes: done at the meeting.
    CHECK(log.actions[3].status == data::ActionStatus::complete);
    CHECK(log.actions[3].completed == day("2017-06-13"));

    const data::Action& later = log.actions[4];
    CHECK(later.start == day("2017-09-12"));
    CHECK(later.raised == day("2017-09-12"));

    // The only problem in the fixture: an apology from someone not on the board.
    CHECK(fixture.sink.error_count() == 0);
    CHECK(fixture.sink.warning_count() == 1);
}

TEST_CASE("an unknown attendee is a located warning with a suggestion") {
    Fixture fixture;
    fixture.build_log();
    auto diagnostics = fixture.sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::warning);
    CHECK(diagnostics[0].location.file == "content/csp/2017-09-12/02-minutes.md");
    CHECK(diagnostics[0].location.line == 8);
    CHECK(diagnostics[0].location.column == 5);
    CHECK(diagnostics[0].message ==
          "'Sam Reed' in 'apologies' is not a member, adviser or observer of the board");
    CHECK(diagnostics[0].hint == "did you mean 'Sam Reid'?");
}

TEST_CASE("attendance names match despite honorifics, notes and apostrophes") {
    Fixture fixture;
    YAML::Node front = YAML::Load("present: [\"Margaret O'Neill\", \"Councillor Margaret "
                                  "O’Neill (Chair)\", \"Dr Ayo Bello MBE\", \"jo kerr\"]\n"
                                  "in_attendance: [Pat Quinlan]");
    DiagnosticSink sink;
    (void)read_attendance(front, {"m.md", 2, 1}, fixture.board, sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 2);
    // Both spellings of the Chair's name match her, so she is listed twice.
    CHECK(diagnostics[0].message ==
          "'Councillor Margaret O’Neill (Chair)' is listed twice in 'present'");
    CHECK(diagnostics[1].message.find("'Pat Quinlan' in 'in_attendance'") == 0);
    CHECK(diagnostics[1].hint.find("add them to board.yaml") == 0);
}

TEST_CASE("a name both present and sending apologies is a warning") {
    Fixture fixture;
    YAML::Node front = YAML::Load("present:\n  - Ayo Bello\napologies:\n  - Dr Ayo Bello\n");
    DiagnosticSink sink;
    (void)read_attendance(front, {"m.md", 2, 1}, fixture.board, sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].location.line == 5);
    CHECK(diagnostics[0].message == "'Dr Ayo Bello' is listed in both 'present' and 'apologies'");
}

TEST_CASE("an action with no lead or a bad date is a located error") {
    DiagnosticSink sink;
    auto actions = actions_in("- [ ] Review the budget. {due: 2017-13-01}\n", sink);
    REQUIRE(actions.size() == 1);
    auto diagnostics = sink.sorted();
    INFO(messages(sink));
    REQUIRE(diagnostics.size() == 2);
    for (const auto& d : diagnostics) {
        CHECK(d.severity == Severity::error);
        CHECK(d.location.file == "m.md");
        CHECK(d.location.line == 10);
        CHECK(d.location.column == 26); // the '{'
    }
    CHECK(diagnostics[0].message == "'2017-13-01' is not a valid date for 'due'");
    CHECK(diagnostics[1].message == "the action 'Review the budget.' has no lead");
}

TEST_CASE("an action without braces, or with an unknown key, is an error") {
    DiagnosticSink sink;
    auto actions = actions_in("- [ ] Tidy up.\n"
                              "- [ ] Book a room. {lead: Jo Kerr, due: 2017-07-01, owner: Ayo}\n"
                              "- [ ] Chase replies. {lead: Jo Kerr, lead: Ayo Bello, due: "
                              "2017-07-01}\n",
                              sink);
    REQUIRE(actions.size() == 3);
    auto diagnostics = sink.sorted();
    INFO(messages(sink));
    REQUIRE(diagnostics.size() == 3);
    CHECK(diagnostics[0].location.line == 10);
    CHECK(diagnostics[0].message == "the action 'Tidy up.' has no lead or due date");
    CHECK(diagnostics[1].location.line == 11);
    CHECK(diagnostics[1].message == "unknown key 'owner' in an action");
    CHECK(diagnostics[2].location.line == 12);
    CHECK(diagnostics[2].message == "'lead' is given twice in an action");
    // Known keys still apply, and numbering counts every task item.
    CHECK(actions[1].lead == "Jo Kerr");
    CHECK(actions[1].id == "2017-06-13/2");
    CHECK(actions[2].lead == "Jo Kerr");
}

TEST_CASE("explicit ids are kept and a repeated id is a located error") {
    Fixture fixture;
    fixture.files.add("content/csp/2017-12-12/02-minutes.md",
                      "---\ntitle: Minutes\nkind: minutes\n---\n"
                      "- [ ] One. {id: CSP-7, lead: Jo Kerr, due: 2018-01-31}\n"
                      "- [ ] Two. {id: CSP-7, lead: Jo Kerr, due: 2018-01-31}\n");
    fixture.build_log();
    const data::Action* kept = fixture.board.actions->find("CSP-7");
    REQUIRE(kept);
    CHECK(kept->text == "One.");
    CHECK(kept->raised == day("2017-09-12")); // the previous meeting
    bool found = false;
    for (const auto& d : fixture.sink.sorted()) {
        if (d.message != "action id 'CSP-7' is already used")
            continue;
        found = true;
        CHECK(d.location.line == 6);
        CHECK(d.hint.find("content/csp/2017-12-12/02-minutes.md:5") != std::string::npos);
    }
    CHECK(found);
}

TEST_CASE("minutes with no earlier meeting and no 'records' key are an error") {
    Fixture fixture;
    fixture.board.meetings[1].items.clear();
    fixture.board.meetings[2].items.clear();
    AgendaItem early = item("2", "Minutes");
    early.papers.push_back(minutes_paper("content/csp/2017-06-13/02-minutes.md", "Minutes"));
    fixture.board.meetings[0].items.push_back(early);
    fixture.files.add("content/csp/2017-06-13/02-minutes.md",
                      "---\ntitle: Minutes\nkind: minutes\n---\n- [ ] A. {lead: Jo Kerr, due: "
                      "2017-07-01}\n");
    fixture.files.add("content/csp/actions.csv", "id,action\n");
    fixture.build_log();
    CHECK(fixture.sink.error_count() == 1);
    CHECK(fixture.sink.sorted()[0].message == "cannot tell which meeting these minutes record");
    CHECK(fixture.sink.sorted()[0].location.line == 2);
    CHECK(fixture.board.actions->actions.empty());
}

TEST_CASE("a CSV row for an action no minutes raised must define it fully") {
    Fixture fixture;
    fixture.board.meetings[1].items.clear(); // the June minutes are gone
    fixture.build_log();
    std::vector<std::string> problems;
    for (const auto& d : fixture.sink.sorted())
        if (d.location.file == "content/csp/actions.csv")
            problems.push_back(d.message);
    REQUIRE(problems.size() == 3);
    CHECK(problems[0] == "action '2017-06-13/2' has no due date");
    CHECK(problems[1] == "action '2017-06-13/2' has no lead");
    CHECK(problems[2] == "action '2017-06-13/2' has no text");
}

TEST_CASE("a CSV-only action without a lead is reported at its row") {
    Fixture fixture;
    fixture.files.add("content/csp/actions.csv",
                      "id,raised,action,lead,due,status\n"
                      "2017-03-14/1,2017-03-14,Agree the protocol,,2017-05-31,open\n");
    fixture.build_log();
    bool found = false;
    for (const auto& d : fixture.sink.sorted())
        if (d.message == "action '2017-03-14/1' has no lead") {
            found = true;
            CHECK(d.location.file == "content/csp/actions.csv");
            CHECK(d.location.line == 2);
        }
    CHECK(found);
}

TEST_CASE("odd brace groups are errors, not crashes") {
    const char* items[] = {"- [ ] A. {}\n",
                           "- [ ] A. {:}\n",
                           "- [ ] A. }\n",
                           "- [ ] {lead: X, due: 2017-01-01}\n",
                           "- [ ] A. {lead: X, due: 2017-01-01, id: }\n",
                           "- [x] \n",
                           "- [ ] A. {lead, due}\n",
                           "> - [ ] Quoted. {lead: X, due: 2017-01-01}\n"};
    for (const char* markdown : items) {
        DiagnosticSink sink;
        auto actions = actions_in(markdown, sink);
        INFO(markdown);
        for (const auto& action : actions)
            CHECK_FALSE(action.id.empty());
    }
    DiagnosticSink sink;
    auto quoted = actions_in("- Item 5:\n  - [ ] Nested. {lead: X, due: 2017-01-01}\n", sink);
    REQUIRE(quoted.size() == 1);
    CHECK(quoted[0].lead == "X");
    CHECK(sink.error_count() == 0);
    auto untexted = actions_in("- [ ] {lead: X, due: 2017-01-01}\n", sink);
    CHECK(sink.sorted().at(0).message == "an action has no text");
}

TEST_CASE("an explicit id keeps its number's place in the order") {
    DiagnosticSink sink;
    auto actions =
        actions_in("- [ ] A. {lead: X, due: 2017-07-01, id: 2017-06-13/5}\n"
                   "- [ ] B. {lead: X, due: 2017-07-01, others: \"Jo Kerr, Sam Reid\"}\n",
                   sink);
    REQUIRE(actions.size() == 2);
    CHECK(actions[0].sequence == 5);
    CHECK(actions[1].sequence == 2);
    CHECK(actions[1].others == "Jo Kerr, Sam Reid"); // quotes, straight or curled, are dropped
}
