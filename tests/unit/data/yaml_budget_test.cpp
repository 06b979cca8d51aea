#include "data/yaml_budget.hpp"
#include "data/yaml_source.hpp"

#include <doctest/doctest.h>

namespace {

std::string first_message(const bp::DiagnosticSink& sink) {
    auto found = sink.sorted();
    return found.empty() ? std::string() : found[0].message;
}

} // namespace

TEST_CASE("an alias inside the node it names is a located error, not endless recursion") {
    bp::DiagnosticSink sink;
    auto node =
        bp::data::parse_yaml("date: 2024-05-14\nitems: &x\n  - title: Loop\n    items: *x\n",
                             {"meeting.yaml", 1, 1}, sink);
    CHECK_FALSE(node);
    auto found = sink.sorted();
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.line == 4);
    CHECK(found[0].location.column == 12);
    CHECK(found[0].message == "an alias refers to the node that contains it");
}

TEST_CASE("aliases that expand exponentially are refused") {
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int level = 1; level <= 7; ++level) {
        std::string previous = "*a" + std::to_string(level - 1);
        text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
        for (int i = 0; i < 10; ++i)
            text += (i ? ", " : "") + previous;
        text += "]\n";
    }
    bp::DiagnosticSink sink;
    CHECK_FALSE(bp::data::parse_yaml(text, {"board.yaml", 1, 1}, sink));
    CHECK(first_message(sink).find("aliases expand the file") != std::string::npos);
}

TEST_CASE("too many aliases are refused") {
    std::string text = "a: &a x\nlist:\n";
    for (int i = 0; i < 20; ++i)
        text += "  - *a\n";
    bp::DiagnosticSink sink;
    bp::data::YamlBudget budget;
    budget.max_aliases = 10;
    CHECK_FALSE(bp::data::check_yaml_aliases(text, {"f.yaml", 1, 1}, sink, budget));
    CHECK(first_message(sink).find("more than 10 aliases") != std::string::npos);
}

TEST_CASE("ordinary aliases still load") {
    bp::DiagnosticSink sink;
    auto node =
        bp::data::parse_yaml("base: &b {venue: Room 1}\nother: *b\n", {"f.yaml", 1, 1}, sink);
    REQUIRE(node);
    CHECK((*node)["other"]["venue"].as<std::string>() == "Room 1");
    CHECK_FALSE(sink.has_errors());
}

TEST_CASE("invalid UTF-8 in YAML is a located error") {
    bp::DiagnosticSink sink;
    CHECK_FALSE(bp::data::parse_yaml("title: ok\nname: caf\xE9\n", {"board.yaml", 1, 1}, sink));
    auto found = sink.sorted();
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.line == 2);
    CHECK(found[0].location.column == 10);
}

TEST_CASE("a stray comma before an alias is a located error, not documents without end") {
    // yaml-cpp finds a new empty document after a top-level comma for ever, consuming nothing;
    // found by fuzzing (a 42-byte forward-plan.yaml that hung every command).
    bp::DiagnosticSink sink;
    auto node = bp::data::parse_yaml("# plan\n\n  ,,,,*,,,e\n", {"forward-plan.yaml", 1, 1}, sink);
    CHECK_FALSE(node);
    auto found = sink.sorted();
    REQUIRE(found.size() == 1);
    CHECK(bp::format_diagnostic(found[0]).find("forward-plan.yaml:3:3: error: malformed YAML: a "
                                               "document cannot start with ','") !=
          std::string::npos);
    bp::DiagnosticSink budget_sink;
    CHECK(bp::data::check_yaml_aliases(",*", {"x.yaml", 1, 1}, budget_sink));
}

TEST_CASE("comments, blank lines and an empty document are still an empty document") {
    bp::DiagnosticSink sink;
    auto node = bp::data::parse_yaml("# nothing yet\n---\n\n", {"forward-plan.yaml", 1, 1}, sink);
    REQUIRE(node);
    CHECK(node->IsNull());
    CHECK_FALSE(sink.has_errors());
}
