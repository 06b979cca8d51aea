#include "core/filesystem.hpp"
#include "data/forward_plan.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::data;

TEST_CASE("a forward plan lists meetings by date with their reports") {
    DiagnosticSink sink;
    auto plan =
        parse_forward_plan("meetings:\n"
                           "  - date: 2018-03-13\n"
                           "    reports:\n"
                           "      - { title: Chair's report, lead: Chair, standing: true }\n"
                           "  - date: 2017-12-12\n"
                           "    reports:\n"
                           "      - title: Annual strategic assessment\n"
                           "        purpose: decision\n"
                           "        lead: Dana Whitfield\n"
                           "        notes: Draft first\n",
                           "content/csp/forward-plan.yaml", sink);
    CHECK(sink.error_count() == 0);
    REQUIRE(plan.meetings.size() == 2);
    CHECK(plan.meetings[0].date == *parse_date("2017-12-12"));
    REQUIRE(plan.meetings[0].reports.size() == 1);
    const PlannedReport& report = plan.meetings[0].reports[0];
    CHECK(report.title == "Annual strategic assessment");
    CHECK(report.purpose == "decision");
    CHECK(report.lead == "Dana Whitfield");
    CHECK(report.notes == "Draft first");
    CHECK_FALSE(report.standing);
    CHECK(report.location.line == 7);
    CHECK(plan.meetings[1].reports[0].standing);
    CHECK(plan.after(*parse_date("2017-12-12")).size() == 1);
    CHECK(plan.on(*parse_date("2018-03-13")) == &plan.meetings[1]);
}

TEST_CASE("a restricted planned report says so in its printed notes") {
    DiagnosticSink sink;
    auto plan = parse_forward_plan("meetings:\n"
                                   "  - date: 2018-03-13\n"
                                   "    reports:\n"
                                   "      - { title: Tenancy case, notes: Two households, "
                                   "restricted: true }\n"
                                   "      - { title: Exempt contract, restricted: true }\n"
                                   "      - { title: Chair's report, notes: Verbal }\n",
                                   "content/csp/forward-plan.yaml", sink);
    CHECK(sink.error_count() == 0);
    REQUIRE(plan.meetings.size() == 1);
    const auto& reports = plan.meetings[0].reports;
    REQUIRE(reports.size() == 3);
    CHECK(reports[0].restricted);
    CHECK(printed_notes(reports[0]) == "Not for publication. Two households");
    CHECK(printed_notes(reports[1]) == "Not for publication.");
    CHECK_FALSE(reports[2].restricted);
    CHECK(printed_notes(reports[2]) == "Verbal");
}

TEST_CASE("forward plan mistakes are located") {
    DiagnosticSink sink;
    auto plan = parse_forward_plan("meetings:\n"
                                   "  - date: 2017-12-32\n"
                                   "  - date: 2018-03-13\n"
                                   "    reports:\n"
                                   "      - { title: Budget, purpose: decison, leed: X }\n"
                                   "      - { lead: Nobody }\n",
                                   "fp.yaml", sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 4);
    CHECK(diagnostics[0].location.line == 2);
    CHECK(diagnostics[0].message.find("2017-12-32") != std::string::npos);
    CHECK(diagnostics[1].location.line == 5);
    CHECK(diagnostics[1].hint == "did you mean 'decision'?");
    CHECK(diagnostics[2].location.line == 5);
    CHECK(diagnostics[2].hint == "did you mean 'lead'?");
    CHECK(diagnostics[3].location.line == 6);
    CHECK(diagnostics[3].message == "missing required key 'title'");
    REQUIRE(plan.meetings.size() == 1);
    CHECK(plan.meetings[0].reports.size() == 1);
}

TEST_CASE("a board without a forward plan has an empty one") {
    MemoryFileSystem files;
    DiagnosticSink sink;
    auto plan = load_forward_plan(files, "content/csp/forward-plan.yaml", sink);
    REQUIRE(plan);
    CHECK(plan->meetings.empty());
    CHECK(sink.error_count() + sink.warning_count() == 0);
}
