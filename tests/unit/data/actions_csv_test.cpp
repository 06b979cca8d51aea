#include "data/action_csv.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::data;

namespace {

std::string messages(const DiagnosticSink& sink) {
    std::string out;
    for (const auto& d : sink.sorted())
        out += format_diagnostic(d) + "\n";
    return out;
}

} // namespace

TEST_CASE("actions.csv rows become actions with their cells and locations") {
    DiagnosticSink sink;
    auto rows = parse_actions_csv(
        "id,raised,action,lead,others,start,due,status,update,completed\n"
        "2017-06-13/1,2017-06-13,Map the sub-groups,Ayo Bello,\"Sam Reid, Jo Kerr\","
        "2017-06-13,2017-09-30,in progress,Two groups met,\n"
        "2017-06-13/2,,\"Quote \"\"this\"\"\",Jo Kerr,,,2017-08-31,complete,,2017-08-20\n",
        "content/csp/actions.csv", sink);
    INFO(messages(sink));
    CHECK(sink.error_count() == 0);
    REQUIRE(rows.size() == 2);
    const Action& first = rows[0].action;
    CHECK(first.id == "2017-06-13/1");
    CHECK(first.raised == *parse_date("2017-06-13"));
    CHECK(first.sequence == 1);
    CHECK(first.text == "Map the sub-groups");
    CHECK(first.others == "Sam Reid, Jo Kerr");
    CHECK(first.status == ActionStatus::in_progress);
    CHECK(rows[0].has_status);
    REQUIRE(first.updates.size() == 1);
    CHECK(first.updates[0].text == "Two groups met");
    CHECK_FALSE(first.updates[0].date.has_value());
    CHECK(first.location.line == 2);
    const Action& second = rows[1].action;
    // The raising meeting comes from the id when the cell is empty.
    CHECK(second.raised == *parse_date("2017-06-13"));
    CHECK(second.text == "Quote \"this\"");
    CHECK(second.completed == parse_date("2017-08-20"));
    CHECK(second.location.line == 3);
}

TEST_CASE("dated lines in an update cell are separate updates") {
    auto updates =
        parse_action_updates("2017-09-01: Drafted.\n2017-11-20: Agreed\nby all.", {"a.csv", 4, 60});
    REQUIRE(updates.size() == 2);
    CHECK(updates[0].date == parse_date("2017-09-01"));
    CHECK(updates[0].text == "Drafted.");
    CHECK(updates[1].text == "Agreed by all.");
    CHECK(updates[1].location.line == 5);
}

TEST_CASE("bad cells in actions.csv are located errors") {
    DiagnosticSink sink;
    auto rows = parse_actions_csv("id,action,lead,due,status,colour\n"
                                  "A1,Text,Ayo Bello,2017-09-31,finished,\n"
                                  "A1,Again,Ayo Bello,2017-09-30,open,\n"
                                  ",No id,Ayo Bello,2017-09-30,open,\n",
                                  "actions.csv", sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 5);
    CHECK(format_diagnostic(diagnostics[0])
              .rfind("actions.csv:1:27: error: unknown column "
                     "'colour'",
                     0) == 0);
    CHECK(diagnostics[1].location.line == 2);
    CHECK(diagnostics[1].location.column == 19);
    CHECK(diagnostics[1].message.find("2017-09-31") != std::string::npos);
    CHECK(diagnostics[2].location.column == 30);
    CHECK(diagnostics[2].message.find("'finished'") != std::string::npos);
    CHECK(diagnostics[3].location.line == 3);
    CHECK(diagnostics[3].message.find("appears twice") != std::string::npos);
    CHECK(diagnostics[4].location.line == 4);
    CHECK(diagnostics[4].message.find("no id") != std::string::npos);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].has_errors);
}

TEST_CASE("an unclosed quote is reported once and its row is left out") {
    DiagnosticSink sink;
    auto rows = parse_actions_csv("id,action\nA1,\"never closed\n", "actions.csv", sink);
    REQUIRE(sink.error_count() == 1);
    CHECK(format_diagnostic(sink.sorted()[0])
              .starts_with("actions.csv:2:4: error: unclosed quote in CSV field"));
    CHECK(rows.empty());
}

TEST_CASE("a CSV row merged into a minutes action supplies status and updates") {
    Action action;
    action.id = "2017-06-13/1";
    action.text = "Map the sub-groups";
    action.lead = "Ayo Bello";
    action.due = parse_date("2017-09-30");
    ActionCsvRow row;
    row.action.id = action.id;
    row.action.status = ActionStatus::complete;
    row.has_status = true;
    row.action.completed = parse_date("2017-09-01");
    row.action.updates.push_back({std::nullopt, "Done", {}});
    merge_action_row(action, row);
    CHECK(action.text == "Map the sub-groups");
    CHECK(action.lead == "Ayo Bello");
    CHECK(action.status == ActionStatus::complete);
    CHECK(action.completed == parse_date("2017-09-01"));
    REQUIRE(action.updates.size() == 1);
}

TEST_CASE("validation names what a CSV-only action lacks") {
    Action action;
    action.id = "X";
    action.raised = *parse_date("2017-06-13");
    action.text = "Something";
    action.location = {"actions.csv", 7, 1};
    DiagnosticSink sink;
    validate_action(action, sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 2);
    // Sorted by message when they share a location.
    CHECK(diagnostics[0].message == "action 'X' has no due date");
    CHECK(diagnostics[1].message == "action 'X' has no lead");
    CHECK(diagnostics[0].location.line == 7);
}

TEST_CASE("odd CSV text never crashes and always reports") {
    const char* inputs[] = {"",
                            "\n\n",
                            "id\n",
                            "\xEF\xBB\xBFid,action\r\nA,\"x\"y\r\n",
                            "action,lead\nDo it,Jo\n",
                            "id,due\nA,\"",
                            "id,update\nA,\"2017-13-01: not a date\n2017-01-01:\"\n",
                            "id,id\n,,,,,\n"};
    for (const char* input : inputs) {
        DiagnosticSink sink;
        auto rows = parse_actions_csv(input, "a.csv", sink);
        for (const auto& row : rows)
            CHECK_FALSE(row.action.id.empty());
    }
    DiagnosticSink sink;
    auto rows = parse_actions_csv("\xEF\xBB\xBFid,action\r\nA,\"x\"y\r\nB,z\r\n", "a.csv", sink);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].action.id == "B");
    CHECK(format_diagnostic(sink.sorted().at(0))
              .starts_with("a.csv:2:6: error: unexpected text after the closing quote"));
    DiagnosticSink missing_id;
    parse_actions_csv("action,lead\nDo it,Jo\n", "a.csv", missing_id);
    CHECK(missing_id.sorted().at(0).message == "actions.csv has no 'id' column");
    // Rows are read as they come; a header with no rows under it is still checked, once.
    DiagnosticSink header_only;
    parse_actions_csv("action,lead,statu\n", "a.csv", header_only);
    std::string reported;
    for (const auto& found : header_only.sorted())
        reported += found.message + "\n";
    CHECK(reported == "actions.csv has no 'id' column\nunknown column 'statu' in actions.csv\n");
}
