#pragma once
// The one seam between a meeting's papers and its indicators' figures. Every directive and
// {{ value }} asks the book for an indicator and tells it which figures it resolved, so a
// meeting has one list of the figures it quoted (figures.json, and the publish record freezes
// it). For a published meeting the book answers with the figures as they were published.
#include "core/diagnostics.hpp"
#include "data/financial_calendar.hpp"
#include "data/indicator_calculations.hpp"
#include "data/indicators.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bp::content {

// One month's (or quarter's) figure behind a resolved value.
struct FigureInput {
    std::string period; // "2017-04"
    std::optional<double> value;
    std::optional<double> numerator;
    std::optional<double> denominator;
};

// One measure of one indicator as the papers quoted it: the comparison, the rule that rated
// it and the figures it was worked out from.
struct FigureEntry {
    std::string indicator; // "violence-with-injury"
    std::string title;
    std::string measure; // fytd | latest | q1 … q4 | rolling12
    std::string basis;   // "financial year to date against the same period last year"
    std::string unit;    // "count", "percentage", "rate"
    std::string period;  // "April 2017 to July 2017"
    std::string last_year_period;
    std::optional<double> value;
    std::optional<double> last_year;
    std::optional<double> change;
    std::optional<double> change_pct;
    std::string direction; // "up", "down", "no change", ""
    std::string rag;       // the year to date's rating ("Amber"); empty for other measures
    std::string rag_reason;
    std::vector<FigureInput> inputs;           // this period's figures
    std::vector<FigureInput> last_year_inputs; // the same period last year

    std::string key() const { return indicator + "." + measure; } // "burglary.fytd"
};

// Every measure of an indicator's figures, in the order fytd, latest, q1 … q4, rolling12.
std::vector<FigureEntry> figure_entries(const data::Indicator& indicator,
                                        const data::IndicatorFigures& figures,
                                        const data::FinancialCalendar& calendar);

// Observations of the indicators a published meeting used, by indicator id.
using FrozenSeries = std::map<std::string, std::vector<data::Observation>>;
// Their comparator figures (family group, London …), by indicator id, then comparator name.
using FrozenComparators =
    std::map<std::string, std::map<std::string, std::map<data::YearMonth, double>>>;
// Their definitions (targets, tolerance, populations, rating rules) as the YAML they were
// published with, by indicator id.
using FrozenDefinitions = std::map<std::string, std::string>;

// What a publish record froze for a meeting.
struct FrozenFigures {
    FrozenSeries series;
    FrozenComparators comparators;
    FrozenDefinitions definitions; // empty in records written before definitions were kept
    SourceLocation location;       // the record, for a definition that no longer reads
};

// One per meeting being built (not shared between threads).
class FigureBook {
  public:
    // From now on, `use` answers these indicators with these observations and comparator
    // figures (a comparator the record does not hold is left out: it was not published), rated
    // by the definitions recorded with them. A recorded definition that no longer reads is an
    // error at the record (the indicator keeps its definition as it is now, for the messages
    // that follow).
    void freeze(const FrozenFigures& frozen, const data::FinancialCalendar& calendar,
                DiagnosticSink& sink);
    // The indicator as this meeting sees it: the published figures when frozen, else `live`.
    const data::Indicator& use(const data::Indicator& live);
    // Notes the figures a paper resolved for an indicator `use` gave.
    void record(const data::Indicator& indicator, const data::IndicatorFigures& figures,
                const data::FinancialCalendar& calendar);

    // Every figure recorded, by indicator id then measure.
    std::vector<FigureEntry> entries() const;
    // Each recorded indicator's observations up to the month its figures are as at: what a
    // publish record keeps so the same figures can be worked out again.
    FrozenSeries series() const;
    // The same for their comparators' figures, and their definitions.
    FrozenComparators comparators() const { return comparators_; }
    FrozenDefinitions definitions() const { return definitions_; }
    bool frozen(const std::string& indicator) const { return frozen_.count(indicator) > 0; }

  private:
    FrozenSeries frozen_;
    FrozenComparators frozen_comparators_;
    std::map<std::string, data::Indicator> frozen_definitions_;
    std::map<std::string, data::Indicator> frozen_copies_; // map nodes keep their addresses
    std::map<std::string, std::vector<FigureEntry>> entries_;
    std::map<std::string, std::vector<data::Observation>> series_;
    FrozenComparators comparators_;
    FrozenDefinitions definitions_;
};

} // namespace bp::content
