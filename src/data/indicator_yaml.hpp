#pragma once
// The parts of an indicator definition that are more than one scalar: the RAG rule (basis,
// ordered thresholds, rounding), figures that change by financial year (targets, populations)
// and comparator series. Each reports located errors with a hint and leaves the indicator's
// defaults in place when a part is wrong.
#include "core/diagnostics.hpp"
#include "data/financial_calendar.hpp"
#include "data/indicators.hpp"

#include <map>
#include <optional>
#include <string_view>
#include <yaml-cpp/yaml.h>

namespace bp::data {

// `rag:` — a map with `basis`, `rounding` and `rules`.
void read_rag_rules(const YAML::Node& map, Indicator& indicator, const SourceLocation& origin,
                    DiagnosticSink& sink);

// `targets:` or `populations:` — a map of financial year labels to numbers.
std::map<int, double> read_yearly_figures(const YAML::Node& map, const std::string& key,
                                          const FinancialCalendar& calendar,
                                          const SourceLocation& origin, DiagnosticSink& sink);

// `comparators:` — a list of {name, column | file}.
std::vector<Comparator> read_comparators(const YAML::Node& map, const SourceLocation& origin,
                                         DiagnosticSink& sink);

// One threshold's condition, "change_pct <= -5": nothing when it is not of that form.
struct ParsedCondition {
    RagMeasure measure;
    ThresholdOp op;
    double threshold;
};
std::optional<ParsedCondition> parse_condition(std::string_view text);

// "<=" for at_most, …
const char* to_symbol(ThresholdOp op);

} // namespace bp::data
