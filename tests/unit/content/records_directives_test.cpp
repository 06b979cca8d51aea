#include "content/records_blocks.hpp"
#include "core/text.hpp"
#include "records_fixture.hpp"

#include <doctest/doctest.h>

using namespace records_fixture;

namespace {

struct Run {
    Fixture& fixture;
    Paper paper;

    std::vector<doc::Block> directive(const std::string& name, const std::string& yaml,
                                      int meeting_index) {
        Meeting& meeting = fixture.board.meetings[static_cast<std::size_t>(meeting_index)];
        return directive_at(name, yaml, meeting);
    }

    std::vector<doc::Block> directive_at(const std::string& name, const std::string& yaml,
                                         const Meeting& meeting) {
        doc::Block block;
        block.kind = doc::BlockKind::directive;
        block.name = name;
        block.text = yaml;
        block.location = {"paper.md", 5, 1};
        block.body_location = {"paper.md", 6, 1};
        YAML::Node body = yaml.empty() ? YAML::Node() : YAML::Load(yaml);
        DirectiveContext context{fixture.site, fixture.board, meeting, paper, fixture.sink};
        for (auto& [known, handler] : records_directives().directives)
            if (known == name)
                return handler(block, body, block.body_location, context);
        FAIL("no directive " << name);
        return {};
    }

    std::optional<std::string> value(const std::string& path, int meeting_index) {
        DirectiveContext context{fixture.site, fixture.board,
                                 fixture.board.meetings[static_cast<std::size_t>(meeting_index)],
                                 paper, fixture.sink};
        auto module = records_directives();
        std::vector<std::string> parts = split(path, '.');
        if (!module.owns_value(parts, context))
            return std::nullopt;
        return module.resolve_value(parts, {"paper.md", 9, 3}, context);
    }
};

std::string cell(const doc::Block& table, std::size_t row, std::size_t column) {
    return doc::plain_text(table.rows.at(row).cells.at(column).content);
}

std::vector<std::string> column(const doc::Block& table, std::size_t index) {
    std::vector<std::string> out;
    for (std::size_t row = 0; row < table.rows.size(); ++row)
        out.push_back(cell(table, row, index));
    return out;
}

} // namespace

TEST_CASE("an action raised in the minutes appears in the next meeting's plan") {
    Fixture fixture;
    fixture.build_log();
    Run run{fixture, {}};
    auto blocks = run.directive("actions", "", 1);
    REQUIRE(blocks.size() == 1);
    const doc::Block& table = blocks[0];
    CHECK(table.kind == doc::BlockKind::table);
    CHECK(table.css_class == "action-plan");
    CHECK(table.caption == "Action plan as at 12 September 2017");
    REQUIRE(table.header.cells.size() == 8);
    CHECK(doc::plain_text(table.header.cells[5].content) == "Target date");
    // Open, plus those closed since June (the tick in the minutes and the CSV's completion);
    // the March action closed before June and September's own action is not yet recorded.
    CHECK(column(table, 0) ==
          std::vector<std::string>{"2017-06-13/1", "2017-06-13/2", "2017-06-13/3"});
    CHECK(cell(table, 0, 1) == "Map the membership of every sub-group.");
    CHECK(cell(table, 0, 2) == "Ayo Bello");
    CHECK(cell(table, 0, 5) == "31 Oct 2017");
    CHECK(cell(table, 0, 6) == "Amber \xE2\x80\x93 open"); // no update yet
    CHECK(table.rows[0].cells[6].rag == doc::Rag::amber);
    CHECK(cell(table, 1, 3) == "Jo Kerr, Ayo Bello");
    CHECK(cell(table, 1, 6) == "Green \xE2\x80\x93 complete");
    CHECK(table.rows[1].cells[6].rag == doc::Rag::green);
    CHECK(cell(table, 1, 7) == "1 Sep 2017: Letter sent; the fire service joins each group.");
    CHECK(cell(table, 2, 6) == "Green \xE2\x80\x93 complete");
}

TEST_CASE("an unmet action turns red at a later meeting and closed ones drop off the plan") {
    Fixture fixture;
    fixture.build_log();
    Run run{fixture, {}};
    auto blocks = run.directive("actions", "", 2);
    REQUIRE(blocks.size() == 1);
    const doc::Block& table = blocks[0];
    CHECK(column(table, 0) == std::vector<std::string>{"2017-06-13/1", "2017-09-12/1"});
    CHECK(cell(table, 0, 6) == "Red \xE2\x80\x93 overdue");
    CHECK(table.rows[0].cells[6].rag == doc::Rag::red);
    CHECK(cell(table, 1, 4) == "12 Sep 2017");
    CHECK(table.rows[1].cells[6].rag == doc::Rag::amber);

    // The tracker still lists every action raised before the meeting.
    auto all = run.directive("actions", "status: all\ntitle: Action tracker", 2);
    REQUIRE(all.size() == 1);
    CHECK(all[0].caption == "Action tracker");
    CHECK(column(all[0], 0) == std::vector<std::string>{"2017-03-14/1", "2017-06-13/1",
                                                        "2017-06-13/2", "2017-06-13/3",
                                                        "2017-09-12/1"});
    CHECK(cell(all[0], 2, 6) == "Green \xE2\x80\x93 complete");

    auto open_only = run.directive("actions", "include_closed_since_last: false", 1);
    CHECK(column(open_only[0], 0) == std::vector<std::string>{"2017-06-13/1"});
    CHECK(fixture.sink.error_count() == 0);
}

TEST_CASE("a plan with nothing open says so, and bad keys are located") {
    Fixture fixture;
    fixture.build_log();
    Run run{fixture, {}};
    // Before the first meeting in the archive, the log still knows of March's meeting: the
    // action it raised, closed in May, was closed since then.
    auto first = run.directive("actions", "", 0);
    REQUIRE(first.size() == 1);
    CHECK(column(first[0], 0) == std::vector<std::string>{"2017-03-14/1"});
    auto blocks = run.directive("actions", "include_closed_since_last: false", 0);
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].kind == doc::BlockKind::paragraph);
    CHECK(doc::plain_text(blocks[0].inlines) == "There are no open actions.");
    run.directive("actions", "status: closed\nshow: all", 1);
    auto diagnostics = fixture.sink.sorted();
    std::vector<std::string> located;
    for (const auto& d : diagnostics)
        if (d.location.file == "paper.md")
            located.push_back(std::to_string(d.location.line) + ":" + d.message);
    CHECK(located == std::vector<std::string>{"6:'closed' is not a valid status",
                                              "7:unknown key 'show' in a ```actions block"});
}

TEST_CASE("action counts are values as at the meeting") {
    Fixture fixture;
    fixture.build_log();
    Run run{fixture, {}};
    CHECK(run.value("actions.open_count", 1) == "1");
    CHECK(run.value("actions.closed_count", 1) == "2");
    CHECK(run.value("actions.overdue_count", 1) == "0");
    CHECK(run.value("actions.open_count", 2) == "2");
    CHECK(run.value("actions.overdue_count", 2) == "1");
    CHECK(run.value("actions.closed_count", 2) == "0");
    CHECK(run.value("actions.total_count", 2) == "5");
    CHECK(run.value("actions.in_progress_count", 2) == "0");
    CHECK(run.value("violence.fytd.value", 2) == std::nullopt);
    CHECK(fixture.sink.error_count() == 0);
    CHECK(run.value("actions.overdue_cont", 2) == std::nullopt);
    REQUIRE(fixture.sink.error_count() == 1);
    auto error = fixture.sink.sorted().back();
    CHECK(error.location.line == 9);
    CHECK(error.hint == "did you mean 'actions.overdue_count'?");
}

TEST_CASE("membership lists members, advisers and the meeting's declarations") {
    Fixture fixture;
    fixture.board.meetings[1].declarations.push_back(
        {"Ayo Bello", "6", "Trustee of a charity bidding for the contract", {}});
    Run run{fixture, {}};
    auto blocks = run.directive("membership", "", 1);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].caption == "Members");
    CHECK(column(blocks[0], 0) ==
          std::vector<std::string>{"Cllr Margaret O’Neill (Chair)", "Ayo Bello", "Sam Reid"});
    CHECK(cell(blocks[0], 2, 1) == "Borough Commander");
    CHECK(cell(blocks[0], 2, 2) == "Harbourside Borough Council");
    CHECK(blocks[1].caption == "Advisers");
    CHECK(blocks[2].caption == "Declarations of interest");
    CHECK(cell(blocks[2], 0, 1) == "6");
    auto members_only = run.directive("membership", "include: [members, observers]", 1);
    REQUIRE(members_only.size() == 1); // the board has no observers
    CHECK(members_only[0].caption == "Members");
}

TEST_CASE("the forward plan shows later meetings and warns about a missing planned paper") {
    Fixture fixture;
    DiagnosticSink plan_sink;
    fixture.board.forward_plan = std::make_shared<data::ForwardPlan>(data::parse_forward_plan(
        "meetings:\n"
        "  - date: 2017-12-12\n"
        "    reports:\n"
        "      - { title: Performance report, purpose: decision, lead: Jo Kerr }\n"
        "      - { title: Annual strategic assessment, purpose: discussion }\n"
        "  - date: 2018-03-13\n"
        "    reports:\n"
        "      - { title: Chair's report, lead: Chair, standing: true, notes: Short }\n",
        "content/csp/forward-plan.yaml", plan_sink));
    REQUIRE(plan_sink.error_count() == 0);
    Run run{fixture, {}};
    auto blocks = run.directive("forward-plan", "", 1);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].caption == "12 December 2017");
    CHECK(column(blocks[0], 0) ==
          std::vector<std::string>{"Performance report", "Annual strategic assessment"});
    CHECK(cell(blocks[0], 0, 1) == "For decision");
    CHECK(cell(blocks[0], 0, 2) == "Jo Kerr");
    CHECK(cell(blocks[1], 0, 3) == "Standing item. Short");
    auto diagnostics = fixture.sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::warning);
    CHECK(diagnostics[0].location.file == "content/csp/forward-plan.yaml");
    CHECK(diagnostics[0].location.line == 5);
    CHECK(diagnostics[0].message == "'Annual strategic assessment' is planned for 12 December "
                                    "2017 but that meeting has no paper or agenda item of that "
                                    "title");

    auto limited = run.directive("forward-plan", "meetings: 1", 0);
    REQUIRE(limited.size() == 1);
    CHECK(limited[0].caption == "12 December 2017");
    auto last = run.directive("forward-plan", "", 2);
    REQUIRE(last.size() == 1);
    CHECK(last[0].caption == "13 March 2018");
    CHECK(fixture.sink.warning_count() == 1); // checked once, from the meeting before
}

TEST_CASE("without a forward plan the directive says nothing is planned") {
    Fixture fixture;
    Run run{fixture, {}};
    auto blocks = run.directive("forward-plan", "", 1);
    REQUIRE(blocks.size() == 1);
    CHECK(doc::plain_text(blocks[0].inlines) == "No reports are planned for future meetings yet.");
}

TEST_CASE("contents lists the paper's level-2 headings as links") {
    Fixture fixture;
    Run run{fixture, {}};
    auto heading = [](int level, std::string text, std::string anchor) {
        doc::Block block;
        block.kind = doc::BlockKind::heading;
        block.level = level;
        block.anchor = std::move(anchor);
        block.inlines.push_back(records::text_inline(std::move(text), {}));
        return block;
    };
    run.paper.body.blocks = {heading(1, "Chair's report", "chairs-report"),
                             heading(2, "Domestic homicide review", "domestic-homicide-review"),
                             heading(3, "Detail", "detail"),
                             heading(2, "Key events", "key-events")};
    auto blocks = run.directive("contents", "", 1);
    REQUIRE(blocks.size() == 1);
    const doc::Block& list = blocks[0];
    CHECK(list.kind == doc::BlockKind::bullet_list);
    REQUIRE(list.children.size() == 2);
    const doc::Inline& link = list.children[1].children.at(0).inlines.at(0);
    CHECK(link.kind == doc::InlineKind::link);
    CHECK(link.url == "#key-events");
    CHECK(doc::plain_text(link.children) == "Key events");
    CHECK(run.directive("contents", "level: 3", 1)[0].children.size() == 1);
    CHECK(run.directive("contents", "level: 4", 1).empty());
    CHECK(fixture.sink.warning_count() == 1);
}

TEST_CASE("events become a two-column table of dates and events") {
    Fixture fixture;
    Run run{fixture, {}};
    auto blocks = run.directive(
        "events",
        "title: Autumn events\n"
        "events:\n"
        "  - { date: 2017-10-10, title: World Mental Health Day, description: Stalls at the "
        "*library* }\n"
        "  - { date: 2017-11-13, end: 2017-11-19, title: Alcohol Awareness Week }\n"
        "  - { date: 2017-10-30, end: 2017-11-05, title: Operation Bonfire }\n"
        "  - { when: December 2017, title: Drink-drive campaign }\n"
        "  - { date: 2017-12-01 }\n",
        1);
    REQUIRE(blocks.size() == 1);
    const doc::Block& table = blocks[0];
    CHECK(table.caption == "Autumn events");
    CHECK(column(table, 0) == std::vector<std::string>{"10 October 2017",
                                                       "13\xE2\x80\x93"
                                                       "19 November 2017",
                                                       "30 October \xE2\x80\x93 5 November 2017",
                                                       "December 2017"});
    CHECK(cell(table, 0, 1) == "World Mental Health Day Stalls at the library");
    CHECK(table.rows[0].cells[1].content[0].kind == doc::InlineKind::strong);
    REQUIRE(fixture.sink.error_count() == 1);
    CHECK(fixture.sink.sorted()[0].message == "missing required key 'title'");
    CHECK(fixture.sink.sorted()[0].location.line == 12);
}

TEST_CASE("a delivery plan becomes a summary and an area table") {
    Fixture fixture;
    Run run{fixture, {}};
    auto blocks = run.directive("delivery-plan",
                                "title: Managing offenders\n"
                                "vision: Fewer people reoffend.\n"
                                "commitments: [Share information, Oversee sub-groups]\n"
                                "areas:\n"
                                "  - area: 1.1 Substance misuse\n"
                                "    delivery: [Run a drug intervention programme, More DRRs]\n"
                                "    success_measures: Less substance-related offending\n"
                                "  - area: 1.2 Fire\n"
                                "    delivery: Work with young fire-setters\n",
                                1);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].css_class == "delivery-plan-summary");
    CHECK(cell(blocks[0], 0, 0) == "Vision");
    CHECK(cell(blocks[0], 0, 1) == "Fewer people reoffend.");
    CHECK(cell(blocks[0], 1, 0) == "What the board will do");
    CHECK(cell(blocks[0], 1, 1) == "1. Share information 2. Oversee sub-groups");
    const doc::Block& areas = blocks[1];
    CHECK(areas.caption == "Managing offenders");
    CHECK(doc::plain_text(areas.header.cells[2].content) == "Success measures");
    CHECK(column(areas, 0) == std::vector<std::string>{"1.1 Substance misuse", "1.2 Fire"});
    CHECK(cell(areas, 0, 1) == "Run a drug intervention programme More DRRs");
    CHECK(areas.rows[0].cells[1].content.size() == 3); // text, line break, text
    CHECK(cell(areas, 1, 2) == "");
    CHECK(fixture.sink.error_count() == 0);
}
