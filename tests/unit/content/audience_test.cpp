// The audience gate: what the public edition keeps of restricted material.
#include "content/audience.hpp"
#include "content/load.hpp"
#include "data/actions.hpp"
#include "data/forward_plan.hpp"
#include "site_fixture.hpp"

#include <doctest/doctest.h>

namespace {

const bp::content::Meeting& september(const bp::content::Site& site) {
    return site.boards.at(0).meetings.at(1);
}

bp::MemoryFileSystem site_with_restricted_record() {
    auto files = small_site();
    files.add("content/csp/2017-09-12/meeting.yaml",
              "date: 2017-09-12\nstatus: held\nitems:\n"
              "  - number: \"1\"\n    title: Minutes\n    papers: [01-minutes.md, 01-closed.md]\n"
              "  - number: \"2\"\n    title: Closed item\n    presenter: Secret Presenter\n"
              "    description: Secret description.\n    restricted: true\n"
              "    items:\n      - number: 2a\n        title: Secret sub-item\n"
              "        paper: 02a-sub.md\n"
              "  - number: \"3\"\n    title: Case\n    paper: 03-case.md\n"
              "    description: Case description.\n    presenter: Case Presenter\n"
              "    items:\n      - number: 3a\n        title: Secret case sub-item\n"
              "        paper: 03a-sub.md\n");
    std::string minutes_front = "---\ntitle: Minutes\nkind: minutes\nrecords: 2017-06-13\n";
    files.add("content/csp/2017-09-12/01-minutes.md",
              minutes_front +
                  "---\n- [ ] Public action. {lead: Ann Lee, due: 2017-12-01, id: P1}\n");
    files.add("content/csp/2017-09-12/01-closed.md",
              minutes_front + "security: restricted\n---\n- [ ] Secret action. {lead: Ann Lee, "
                              "due: 2017-12-01, id: R1}\n");
    files.add("content/csp/2017-09-12/02a-sub.md",
              minutes_front +
                  "---\n- [ ] Secret sub action. {lead: Ann Lee, due: 2017-12-01, id: R2}\n");
    files.add("content/csp/2017-09-12/03a-sub.md",
              minutes_front +
                  "---\n- [ ] Case sub action. {lead: Ann Lee, due: 2017-12-01, id: R3}\n");
    files.add("content/csp/2017-09-12/03-case.md",
              "---\ntitle: Case\nsecurity: restricted\n---\nSecret case.\n");
    return files;
}

} // namespace

TEST_CASE("the public edition drops restricted papers, sub-items and actions, members keep all") {
    auto files = site_with_restricted_record();
    bp::DiagnosticSink sink;
    auto members = bp::content::load_site_index(files, sink);
    std::string reported;
    for (const auto& found : sink.sorted())
        reported += bp::format_diagnostic(found) + "\n";
    INFO(reported);
    REQUIRE_FALSE(sink.has_errors());
    auto public_site = members;
    bp::content::apply_audience(public_site, bp::content::Audience::public_audience);
    bp::content::apply_audience(members, bp::content::Audience::members);

    CHECK(members.boards[0].actions->actions.size() == 4);
    const auto& actions = public_site.boards[0].actions->actions;
    REQUIRE(actions.size() == 1);
    CHECK(actions[0].id == "P1");

    const auto& items = september(public_site).items;
    CHECK(items[0].papers.size() == 1); // the restricted minutes are gone
    CHECK(items[1].withheld);
    CHECK(items[1].title == "Closed item");
    CHECK(items[1].presenter.empty());
    CHECK(items[1].description.empty());
    CHECK(items[1].sub_items.empty());
    CHECK(items[2].withheld); // its only paper is restricted
    CHECK(items[2].papers.empty());
    CHECK(items[2].description.empty());
    // Withheld because its only paper is restricted: its sub-items go with it, and so do the
    // actions their minutes raise.
    CHECK(items[2].presenter.empty());
    CHECK(items[2].sub_items.empty());

    CHECK(september(members).items[1].sub_items.size() == 1);
    CHECK_FALSE(september(members).items[2].withheld);
    CHECK(september(members).items[2].sub_items.size() == 1);
}

TEST_CASE("minutes under a withheld item keep their status but not what they record") {
    auto files = site_with_restricted_record();
    files.add("content/csp/2017-03-14/meeting.yaml",
              "date: 2017-03-14\nstatus: held\nitems:\n"
              "  - number: \"1\"\n    title: Budget\n    verbal: true\n");
    // Item 2 at 2017-09-12 is restricted; its meeting.yaml lists 02a-sub.md only, so the
    // record of March is a paper of sub-item 2a.
    files.add("content/csp/2017-09-12/02a-sub.md",
              "---\ntitle: Minutes\nkind: minutes\nrecords: 2017-03-14\n"
              "present: [Ann Lee]\n---\n## 1. Budget\n\nResolved: that the secret "
              "contract be ended.\n");
    bp::DiagnosticSink sink;
    auto members = bp::content::load_site_index(files, sink);
    REQUIRE_FALSE(sink.has_errors());
    auto public_site = members;
    bp::content::apply_audience(public_site, bp::content::Audience::public_audience);
    bp::content::apply_audience(members, bp::content::Audience::members);

    const auto& kept = members.boards[0].meetings.at(0);
    REQUIRE(kept.slug == "2017-03-14");
    REQUIRE(kept.minutes);
    REQUIRE(kept.minutes->decisions.size() == 1);
    CHECK(kept.minutes->attendance.present.size() == 1);
    const auto& shown = public_site.boards[0].meetings.at(0);
    REQUIRE(shown.minutes);
    CHECK(shown.minutes->holder == "2017-09-12");
    CHECK(shown.minutes->decisions.empty());
    CHECK(shown.minutes->attendance.empty());
}

TEST_CASE("the public edition keeps a restricted planned report's title only") {
    auto files = site_with_restricted_record();
    files.add("content/csp/forward-plan.yaml",
              "meetings:\n  - date: 2017-12-12\n    reports:\n"
              "      - { title: Exempt contract, lead: Secret Lead, notes: Secret notes, "
              "restricted: true }\n"
              "      - { title: Chair's report, lead: Chair, notes: Verbal }\n");
    bp::DiagnosticSink sink;
    auto members = bp::content::load_site_index(files, sink);
    REQUIRE_FALSE(sink.has_errors());
    auto public_site = members;
    bp::content::apply_audience(public_site, bp::content::Audience::public_audience);
    bp::content::apply_audience(members, bp::content::Audience::members);

    const auto& shown = public_site.boards[0].forward_plan->meetings.at(0).reports;
    REQUIRE(shown.size() == 2);
    CHECK(shown[0].title == "Exempt contract");
    CHECK(shown[0].lead.empty());
    CHECK(shown[0].notes.empty());
    CHECK(bp::data::printed_notes(shown[0]) == "Not for publication.");
    CHECK(shown[1].lead == "Chair");
    CHECK(shown[1].notes == "Verbal");
    const auto& kept = members.boards[0].forward_plan->meetings.at(0).reports;
    CHECK(kept[0].lead == "Secret Lead");
    CHECK(kept[0].notes == "Secret notes");
}

TEST_CASE("the audience rule answers the same before and after it is applied") {
    auto files = site_with_restricted_record();
    bp::DiagnosticSink sink;
    auto site = bp::content::load_site_index(files, sink);
    const auto& before = september(site).items;
    using bp::content::Audience;
    CHECK(bp::content::withheld_from(before[1], Audience::public_audience));
    CHECK(bp::content::withheld_from(before[2], Audience::public_audience));
    CHECK_FALSE(bp::content::withheld_from(before[0], Audience::public_audience));
    CHECK_FALSE(bp::content::withheld_from(before[1], Audience::members));
    bp::content::apply_audience(site, Audience::public_audience);
    const auto& after = september(site).items;
    CHECK(bp::content::withheld_from(after[1], Audience::public_audience));
    CHECK(bp::content::withheld_from(after[2], Audience::public_audience));
    CHECK_FALSE(bp::content::withheld_from(after[0], Audience::public_audience));
}
