#include "../busy_sink.hpp"
#include "core/filesystem.hpp"
#include "data/indicators.hpp"
#include "indicator_fixtures.hpp"

#include <doctest/doctest.h>

using namespace bp::data;
using bp::DiagnosticSink;

namespace {

std::string diagnostics_text(const DiagnosticSink& sink) {
    std::string out;
    for (const auto& d : sink.sorted())
        out += bp::format_diagnostic(d) + "\n";
    return out;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::optional<Indicator> parse(const std::string& yaml, const std::string& csv,
                               DiagnosticSink& sink, int start = 4) {
    return parse_indicator("x", yaml, "ind/x.yaml", csv, "ind/x.csv", FinancialCalendar(start),
                           sink);
}

} // namespace

TEST_CASE("indicators: load a board's definitions and figures") {
    bp::MemoryFileSystem files;
    files.add("content/csp/indicators/violence-with-injury.yaml", fixtures::violence_yaml);
    files.add("content/csp/indicators/violence-with-injury.csv", fixtures::violence_csv);
    files.add("content/csp/indicators/marac-repeats.yaml", fixtures::marac_yaml);
    files.add("content/csp/indicators/marac-repeats.csv", fixtures::marac_csv);
    DiagnosticSink sink;
    auto set = load_indicators(files, "content/csp", 4, sink);
    CHECK(diagnostics_text(sink) == "");
    REQUIRE(set);
    CHECK(set->ids() == std::vector<std::string>{"marac-repeats", "violence-with-injury"});
    const Indicator* vwi = set->find("violence-with-injury");
    REQUIRE(vwi);
    CHECK(vwi->title == "Violence with injury");
    CHECK(vwi->polarity == Polarity::lower_is_better);
    CHECK(vwi->tolerance == 2.5);
    CHECK(vwi->lead == "Detective Superintendent Ruth Adeyemi");
    CHECK(vwi->sub_group == "Violence and vulnerability");
    CHECK(vwi->unit_label() == "offences");
    CHECK(vwi->observations.size() == 22);
    REQUIRE(vwi->at({2017, 7}));
    CHECK(*vwi->at({2017, 7})->value == 178);
    CHECK(vwi->latest()->period == YearMonth{2018, 1});
    CHECK(vwi->figures_file == "content/csp/indicators/violence-with-injury.csv");
    const Indicator* marac = set->find("marac-repeats");
    REQUIRE(marac);
    CHECK(marac->target_low == 28);
    CHECK(marac->target_high == 40);
    REQUIRE(marac->at({2017, 5}));
    CHECK(*marac->at({2017, 5})->value == doctest::Approx(2.0 / 19 * 100));
    CHECK(set->find("knife-crime") == nullptr);
}

TEST_CASE("indicators: a board without an indicators folder has none") {
    bp::MemoryFileSystem files;
    files.add("content/csp/board.yaml", "name: x\n");
    DiagnosticSink sink;
    auto set = load_indicators(files, "content/csp", 4, sink);
    CHECK_FALSE(sink.has_errors());
    CHECK(set->indicators.empty());
}

TEST_CASE("indicators: definition without figures and figures without definition") {
    bp::MemoryFileSystem files;
    files.add("b/indicators/burglary.yaml", "title: Burglary\n");
    files.add("b/indicators/knife-crime.csv", "period,value\n2017-04,12\n");
    DiagnosticSink sink;
    auto set = load_indicators(files, "b", 4, sink);
    std::string text = diagnostics_text(sink);
    CHECK(has(text, "b/indicators/burglary.yaml:1:1: error: indicator 'burglary' has no figures"));
    CHECK(has(text, "hint: add burglary.csv beside it"));
    CHECK(has(text, "b/indicators/knife-crime.csv:1:1: error: figures for indicator "
                    "'knife-crime' have no definition"));
    CHECK(set->indicators.empty());
}

TEST_CASE("indicators: unknown keys and bad choices get did-you-mean hints") {
    DiagnosticSink sink;
    auto indicator =
        parse("title: T\npolarty: lower-is-better\nunit: rates\n", "period,value\n", sink);
    std::string text = diagnostics_text(sink);
    CHECK(has(text, "ind/x.yaml:2:1: error: unknown key 'polarty' in an indicator definition\n"
                    "  hint: did you mean 'polarity'?"));
    CHECK(has(text, "ind/x.yaml:3:7: error: 'rates' is not a valid unit\n"
                    "  hint: did you mean 'rate'?"));
    CHECK_FALSE(indicator.has_value());
}

TEST_CASE("indicators: target period") {
    DiagnosticSink sink;
    auto whole = parse("title: T\ntarget: 169\ntarget_period: year\n", "period,value\n", sink);
    REQUIRE(whole);
    CHECK(whole->target_for_whole_year);
    auto plain = parse("title: T\ntarget: 169\n", "period,value\n", sink);
    REQUIRE(plain);
    CHECK_FALSE(plain->target_for_whole_year);
    CHECK_FALSE(sink.has_errors());
    parse("title: T\ntarget_period: annual\n", "period,value\n", sink);
    CHECK(has(diagnostics_text(sink),
              "ind/x.yaml:2:16: error: 'annual' is not a valid target_period"));
}

TEST_CASE("indicators: required title, band shape and rate population") {
    DiagnosticSink sink;
    parse("unit: rate\npolarity: target-band\ntarget_band: [40, 28]\n", "period,value\n", sink);
    std::string text = diagnostics_text(sink);
    CHECK(has(text, "missing required key 'title'"));
    CHECK(has(text, "ind/x.yaml:3:14: error: 'target_band' has its low end above its high end"));
    CHECK(has(text, "ind/x.yaml:1:7: error: an indicator with unit: rate needs a population"));
}

TEST_CASE("indicators: bad figures are located in the CSV") {
    DiagnosticSink sink;
    auto indicator = parse("title: T\n",
                           "period,value\n"
                           "2017-04,12\n"
                           "2017-05,twelve\n"
                           "2017-13,4\n"
                           "2017-06,1,234\n"
                           "2017-04,15\n"
                           "2017-07,\n",
                           sink);
    std::string text = diagnostics_text(sink);
    CHECK(has(text, "ind/x.csv:3:9: error: 'twelve' in column 'value' is not a number\n"
                    "  hint: write figures as plain numbers"));
    CHECK(has(text, "ind/x.csv:4:1: error: '2017-13' is not a valid period\n"
                    "  hint: write periods as year and month, YYYY-MM"));
    CHECK(has(text, "ind/x.csv:5:11: error: row has 3 fields but the header has 2"));
    CHECK(has(text, "ind/x.csv:6:1: error: period 2017-04 appears twice\n"
                    "  hint: it was first given on line 2"));
    CHECK(sink.error_count() == 4);
    REQUIRE(indicator);
    REQUIRE(indicator->observations.size() == 2);
    CHECK(indicator->observations[0].value == 12);
    CHECK_FALSE(indicator->observations[1].value.has_value()); // 2017-07 is a gap
}

TEST_CASE("indicators: CSV columns are checked") {
    DiagnosticSink sink;
    parse("title: T\n", "period,valeu\n2017-04,1\n", sink);
    std::string text = diagnostics_text(sink);
    CHECK(has(text, "ind/x.csv:1:8: error: unknown column 'valeu' in indicator figures\n"
                    "  hint: did you mean 'value'?"));
    CHECK(has(text, "ind/x.csv:1:1: error: indicator figures have no 'value' column"));
}

TEST_CASE("indicators: quarterly periods must start a quarter") {
    DiagnosticSink sink;
    auto indicator = parse("title: T\nfrequency: quarterly\n",
                           "period,value\n2017-04,30\n2017-08,31\n2017-10,29\n", sink);
    CHECK(has(diagnostics_text(sink), "ind/x.csv:3:1: error: '2017-08' is not the first month of "
                                      "a quarter\n  hint: quarterly figures are dated by the "
                                      "quarter's first month: 2017-07"));
    REQUIRE(indicator);
    CHECK(indicator->observations.size() == 2);
}

TEST_CASE("indicators: a zero denominator is an error, not a division") {
    DiagnosticSink sink;
    parse("title: T\nunit: percentage\n", "period,numerator,denominator\n2017-04,0,0\n", sink);
    CHECK(has(diagnostics_text(sink),
              "ind/x.csv:2:11: error: a denominator of 0 cannot make a percentage"));
}

TEST_CASE("indicators: figures parse as plain decimals only") {
    CHECK(parse_figure("166") == 166);
    CHECK(parse_figure("-2.5") == -2.5);
    CHECK(parse_figure("+3") == 3);
    CHECK_FALSE(parse_figure("1,234").has_value());
    CHECK_FALSE(parse_figure("12%").has_value());
    CHECK_FALSE(parse_figure("").has_value());
    CHECK_FALSE(parse_figure("nan").has_value());
    CHECK_FALSE(parse_figure("1e400").has_value());
}

TEST_CASE("errors another board reports meanwhile do not fail an indicator's definition") {
    DiagnosticSink sink; // shared, as by boards read in parallel
    CHECK(bp::test_support::failures_while_others_report(sink, [&] {
              return parse_indicator_definition("asb",
                                                "title: Anti-social behaviour\nunit: count\n",
                                                "ind/asb.yaml", FinancialCalendar(4), sink)
                  .has_value();
          }) == 0);
}
