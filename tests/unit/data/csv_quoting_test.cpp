// One set of quoting cases run through every CSV input the project reads (indicator figures
// and actions.csv), so that both follow the same rules and give the same messages.
#include "data/action_csv.hpp"
#include "data/indicators.hpp"
#include "indicator_fixtures.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace bp;
using namespace bp::data;

namespace {

struct QuotingCase {
    const char* name;
    std::string row;                      // line 3 of the file, after a header and a good row
    bool kept;                            // whether the row is read
    std::vector<std::string> diagnostics; // "line:col: message", in order
};

const std::vector<QuotingCase>& quoting_cases() {
    static const std::vector<QuotingCase> cases = {
        {"a quoted cell", "2017-05,\"155\"", true, {}},
        {"a quoted cell after a CRLF line end", "2017-05,\"155\"\r", true, {}},
        {"text after the closing quote",
         "2017-05,\"15\" 5",
         false,
         {"3:13: unexpected text after the closing quote of a CSV field"}},
        {"an unclosed quote", "2017-05,\"155", false, {"3:9: unclosed quote in CSV field"}},
        {"an unclosed quote with rows after it",
         "2017-05,\"155\n2017-06,170\n2017-07,180",
         false,
         {"3:9: unclosed quote in CSV field"}},
        {"a row with a field too many",
         "2017-05,155,9",
         false,
         {"3:13: row has 3 fields but the header has 2"}},
    };
    return cases;
}

std::vector<std::string> located_messages(const DiagnosticSink& sink) {
    std::vector<std::string> out;
    for (const auto& d : sink.sorted())
        out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) +
                      ": " + d.message);
    return out;
}

} // namespace

TEST_CASE("csv quoting: indicator figures follow the shared cases") {
    for (const auto& c : quoting_cases()) {
        INFO(c.name);
        DiagnosticSink sink;
        auto indicator = parse_indicator("x", fixtures::violence_yaml, "x.yaml",
                                         "period,value\n2017-04,166\n" + c.row + "\n", "x.csv",
                                         FinancialCalendar(4), sink);
        CHECK(located_messages(sink) == c.diagnostics);
        REQUIRE(indicator);
        bool kept = std::any_of(indicator->observations.begin(), indicator->observations.end(),
                                [](const Observation& o) { return o.period.iso() == "2017-05"; });
        CHECK(kept == c.kept);
    }
}

TEST_CASE("csv quoting: actions.csv follows the shared cases") {
    for (const auto& c : quoting_cases()) {
        INFO(c.name);
        DiagnosticSink sink;
        auto rows =
            parse_actions_csv("id,action\n2017-04,166\n" + c.row + "\n", "actions.csv", sink);
        CHECK(located_messages(sink) == c.diagnostics);
        bool kept = std::any_of(rows.begin(), rows.end(),
                                [](const ActionCsvRow& r) { return r.action.id == "2017-05"; });
        CHECK(kept == c.kept);
        if (kept)
            CHECK(rows.back().action.text == "155");
    }
}
