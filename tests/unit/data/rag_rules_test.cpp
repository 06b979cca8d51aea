// Ordered RAG thresholds, their basis and rounding, on figures whose changes were worked out by
// hand (the arithmetic is in the comments), not by the code under test.
#include "core/text.hpp"
#include "data/indicator_yaml.hpp"
#include "data/rag.hpp"
#include "indicator_fixtures.hpp"

#include <doctest/doctest.h>

using namespace bp::data;
using bp::DiagnosticSink;
using bp::Rag;

namespace {

const std::string minus = [] {
    std::string one = bp::format_number(-1);
    return one.substr(0, one.size() - 1);
}();

// The partnership's rule: Green at or below −5% on the same period last year, Amber above −5%
// up to 0%, Red above 0%.
const std::string partnership_rule = R"(title: Burglary
rag:
  basis: fytd_vs_last_year
  rules:
    - green: change_pct <= -5
    - amber: change_pct <= 0
    - otherwise: red
)";

Indicator parse_ok(const std::string& yaml, const std::string& csv = fixtures::violence_csv) {
    DiagnosticSink sink;
    auto indicator =
        parse_indicator("x", yaml, "ind/x.yaml", csv, "ind/x.csv", FinancialCalendar(4), sink);
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(indicator);
    return *indicator;
}

std::string errors_of(const std::string& yaml, const std::string& csv = "period,value\n") {
    DiagnosticSink sink;
    auto indicator =
        parse_indicator("x", yaml, "ind/x.yaml", csv, "ind/x.csv", FinancialCalendar(4), sink);
    CHECK_FALSE(indicator.has_value());
    std::string out;
    for (const auto& d : sink.sorted())
        out += bp::format_diagnostic(d) + "\n";
    return out;
}

Comparison against_last_year(double value, double last_year) {
    Comparison out;
    out.period = {{2017, 4}, {2018, 1}};
    out.value = value;
    out.last_year = last_year;
    return out;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("rag rules: the partnership's asymmetric rule at its boundaries, as published") {
    Indicator burglary = parse_ok(partnership_rule);
    REQUIRE(burglary.rag.thresholds.size() == 2);
    CHECK(burglary.rag.otherwise == Rag::red);
    struct Case {
        double value, last_year;
        Rag expected;
        const char* shown;
    } cases[] = {
        {95, 100, Rag::green, "5.0%"},     // (95 − 100) ÷ 100 = −5.0%: at the green boundary
        {95.04, 100, Rag::green, "5.0%"},  // −4.96%, published as −5.0%, so green
        {95.06, 100, Rag::amber, "4.9%"},  // −4.94% → −4.9%: above −5%
        {100, 100, Rag::amber, "0.0%"},    // no change: 0.0% is at or below 0
        {99.96, 100, Rag::amber, "0.0%"},  // −0.04% → −0.0%, still at or below 0
        {100.04, 100, Rag::amber, "0.0%"}, // +0.04% is published as 0.0%
        {100.06, 100, Rag::red, "+0.1%"},  // +0.06% → +0.1%
        {103, 100, Rag::red, "+3.0%"},     // (103 − 100) ÷ 100 = +3.0%
    };
    for (const auto& c : cases) {
        CAPTURE(c.value);
        RagRating rating = rate(burglary, against_last_year(c.value, c.last_year));
        CHECK(rating.status == c.expected);
        CHECK(has(rating.reason, c.shown));
        CHECK(has(rating.reason, "(as published, to 1 decimal)"));
        REQUIRE(rating.measure);
        CHECK(*rating.measure == RagMeasure::change_pct);
    }
    CHECK(rate(burglary, against_last_year(95.04, 100)).reason ==
          minus + "5.0% on the same period last year (as published, to 1 decimal) is at or below " +
              minus + "5%: green");
    CHECK(rate(burglary, against_last_year(103, 100)).reason ==
          "+3.0% on the same period last year (as published, to 1 decimal) is above " + minus +
              "5% and above 0%: red");
    RagRating shown_rounded = rate(burglary, against_last_year(95.04, 100));
    CHECK(*shown_rounded.exact == doctest::Approx(-4.96));
    CHECK(*shown_rounded.rated == doctest::Approx(-5.0));
    CHECK(shown_rounded.basis == RagBasis::fytd_vs_last_year);
    CHECK(shown_rounded.figures.last_year == 100);
}

TEST_CASE("rag rules: rounding: exact rates the unrounded change and says so") {
    Indicator burglary = parse_ok(partnership_rule + "  rounding: exact\n");
    CHECK_FALSE(burglary.rag.as_published);
    RagRating rating = rate(burglary, against_last_year(95.04, 100)); // −4.96%
    CHECK(rating.status == Rag::amber);
    CHECK(rating.reason == minus + "4.96% on the same period last year (exact) is above " + minus +
                               "5% and at or below 0%: amber");
    CHECK(rate(burglary, against_last_year(95, 100)).status == Rag::green); // −5% exactly
}

TEST_CASE(
    "rag rules: the old symmetric tolerance disagrees with the partnership on −5.0% and +3.0%") {
    Indicator symmetric = parse_ok("title: Burglary\ntolerance: 5\n");
    CHECK(rate(symmetric, against_last_year(95, 100)).status == Rag::amber); // within ±5%
    CHECK(rate(symmetric, against_last_year(103, 100)).status == Rag::amber);
    Indicator partnership = parse_ok(partnership_rule);
    CHECK(rate(partnership, against_last_year(95, 100)).status == Rag::green);
    CHECK(rate(partnership, against_last_year(103, 100)).status == Rag::red);
}

TEST_CASE("rag rules: thresholds on the value and on the change") {
    // A percentage rated on its value: green inside 28–40%, amber from 20%, else red.
    Indicator marac = parse_ok(R"(title: MARAC repeats
unit: percentage
polarity: higher-is-better
rag:
  rules:
    - green: value >= 28
    - amber: value >= 20
    - otherwise: red
)",
                               fixtures::marac_csv);
    Comparison at_boundary = against_last_year(27.96, 30); // published as 28.0%
    CHECK(rate(marac, at_boundary).status == Rag::green);
    CHECK(rate(marac, at_boundary).reason ==
          "28.0% (as published, to 1 decimal) is at or above 28%: green");
    CHECK(rate(marac, against_last_year(27.94, 30)).status == Rag::amber); // 27.9%
    CHECK(rate(marac, against_last_year(19.94, 30)).status == Rag::red);   // 19.9%

    // A count rated on the change in offences: 20 fewer or better is green.
    Indicator counts = parse_ok(R"(title: Knife crime
rag:
  rules:
    - green: change <= -20
    - amber: change < 0
    - otherwise: red
)");
    CHECK(rate(counts, against_last_year(80, 100)).status == Rag::green); // −20
    CHECK(rate(counts, against_last_year(81, 100)).status == Rag::amber); // −19
    CHECK(rate(counts, against_last_year(100, 100)).status == Rag::red);  // 0 is not < 0
    CHECK(rate(counts, against_last_year(80, 100)).reason ==
          minus +
              "20 on the same period last year (as published, to a whole number) is at or "
              "below " +
              minus + "20: green");
}

TEST_CASE("rag rules: the basis picks the figures rated") {
    // Violence with injury as at January 2018 (fixture figures):
    // year to date 1,769 against 1,812: −43 ÷ 1,812 = −2.37% → −2.4%: amber;
    // January 142 against 154: −12 ÷ 154 = −7.79% → −7.8%: green;
    // Q3 (Oct–Dec) 191+160+193 = 544 against 158+174+163 = 495: +49 ÷ 495 = +9.9%: red.
    std::string rule_tail = R"(  rules:
    - green: change_pct <= -5
    - amber: change_pct <= 0
    - otherwise: red
)";
    auto rated = [&](const std::string& basis) {
        Indicator vwi = parse_ok("title: VWI\nrag:\n  basis: " + basis + "\n" + rule_tail);
        DiagnosticSink sink;
        auto figures =
            figures_as_at(vwi, FinancialCalendar(4), {2018, 1, 31}, {"p.md", 1, 1}, sink);
        REQUIRE(figures);
        return rate(vwi, *figures);
    };
    CHECK(rated("fytd_vs_last_year").status == Rag::amber);
    CHECK(rated("fytd_vs_last_year").reason ==
          minus + "2.4% on the same period last year (as published, to 1 decimal) is above " +
              minus + "5% and at or below 0%: amber");
    RagRating latest = rated("latest_period");
    CHECK(latest.status == Rag::green);
    CHECK(latest.reason == "latest month (January 2018): " + minus +
                               "7.8% on the same period last year (as published, to 1 decimal) "
                               "is at or below " +
                               minus + "5%: green");
    RagRating quarter = rated("latest_quarter");
    CHECK(quarter.status == Rag::red);
    CHECK(quarter.figures.value == 544);
    CHECK(quarter.figures.last_year == 495);
    CHECK(has(quarter.reason, "latest quarter (October 2017 to December 2017): +9.9%"));
    // The fixture starts in April 2016, so there are no twelve months before February 2017.
    CHECK(rated("rolling_12_months").status == Rag::none);
}

TEST_CASE("rag rules: against a target for the year") {
    // 169 fires for 2017/18, pro-rated to ten months: 169 × 10 ÷ 12 = 140.83.
    std::string csv = "period,value\n";
    for (int month = 4; month <= 12; ++month)
        csv += "2017-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + ",14\n";
    csv += "2018-01,14\n"; // 10 × 14 = 140
    Indicator arson = parse_ok(R"(title: Arson
target_period: year
targets: {2016/17: 180, 2017/18: 169}
rag:
  basis: against_target
  rules:
    - green: change_pct <= 0
    - amber: change_pct <= 5
    - otherwise: red
)",
                               csv);
    DiagnosticSink sink;
    auto figures = figures_as_at(arson, FinancialCalendar(4), {2018, 1, 31}, {"p.md", 1, 1}, sink);
    REQUIRE(figures);
    RagRating rating = rate(arson, *figures);
    // (140 − 140.83) ÷ 140.83 = −0.59% → −0.6%: green.
    CHECK(rating.status == Rag::green);
    REQUIRE(rating.target);
    CHECK(*rating.target == doctest::Approx(140.8333).epsilon(1e-4));
    CHECK(rating.reason == minus + "0.6% against the target of 140.8 (169 for the year, pro "
                                   "rata) (as published, to 1 decimal) is at or below 0%: green");
}

TEST_CASE("rag rules: written wrongly, they are located errors with hints") {
    std::string bad_rating = errors_of("title: X\nrag:\n  rules:\n    - grean: change_pct <= -5\n"
                                       "    - otherwise: red\n");
    CHECK(has(bad_rating, "ind/x.yaml:4:7: error: unknown rating 'grean' in a RAG rule"));
    CHECK(has(bad_rating, "did you mean 'green'?"));
    std::string bad_condition =
        errors_of("title: X\nrag:\n  rules:\n    - green: change_pc <= -5\n    - otherwise: red\n");
    CHECK(has(bad_condition, "ind/x.yaml:4:14: error: 'change_pc <= -5' is not a condition"));
    CHECK(has(bad_condition, "hint:"));
    std::string no_otherwise = errors_of("title: X\nrag:\n  rules:\n    - green: value <= 1\n");
    CHECK(has(no_otherwise, "ind/x.yaml:4:5: error: the RAG rules have no 'otherwise'"));
    std::string after_otherwise =
        errors_of("title: X\nrag:\n  rules:\n    - otherwise: red\n    - green: value <= 1\n");
    CHECK(has(after_otherwise, "ind/x.yaml:5:7: error: a RAG rule comes after 'otherwise'"));
    std::string bad_basis = errors_of("title: X\nrag:\n  basis: fytd\n");
    CHECK(has(bad_basis, "ind/x.yaml:3:10: error:"));
    std::string no_target = errors_of("title: X\nrag:\n  basis: against_target\n");
    CHECK(has(no_target, "basis: against_target needs a target"));
}

TEST_CASE("rag rules: conditions are read with either minus sign and an optional %") {
    auto condition = parse_condition("change_pct <= \xE2\x88\x92"
                                     "5%");
    REQUIRE(condition);
    CHECK(condition->threshold == -5);
    CHECK(condition->op == ThresholdOp::at_most);
    auto value = parse_condition("value>28.5");
    REQUIRE(value);
    CHECK(value->measure == RagMeasure::value);
    CHECK(value->op == ThresholdOp::above);
    CHECK(value->threshold == 28.5);
    CHECK_FALSE(parse_condition("value => 3"));
    CHECK_FALSE(parse_condition("value <= many"));
    CHECK_FALSE(parse_condition("change_pct 5"));
}

TEST_CASE("rag rules: the rule in words, for the indicator's page") {
    CHECK(rule_words(parse_ok(partnership_rule)) ==
          "year to date: green when change_pct <= " + minus +
              "5; amber when change_pct <= 0; "
              "otherwise red (rated as published)");
    CHECK(rule_words(parse_ok("title: X\nrag:\n  basis: latest_period\n")) ==
          "rated on the latest month");
    CHECK(rule_words(parse_ok("title: X\ntolerance: 5\n")) == "");
}
