#pragma once
// Figures computed from an indicator's observations as at a date: the latest period, the
// financial year to date, quarters and rolling twelve months, each against the same period a
// year earlier.
#include "core/diagnostics.hpp"
#include "data/financial_calendar.hpp"
#include "data/indicators.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace bp::data {

enum class Direction { unknown, up, down, same };

const char* direction_word(Direction direction); // "up", "down", "no change", ""

// A value over a run of months against the same months a year earlier. Last year counts only
// the months that have figures this year; when last year lacks any of those, there is no
// last-year figure (rather than a misleading part-year one).
struct ComparatorFigure {
    std::string name;            // "London"
    std::optional<double> value; // over the same months, in the indicator's unit
};

struct Comparison {
    MonthRange period;
    MonthRange last_year_period;
    std::optional<double> value;
    std::optional<double> last_year;
    std::optional<double> count; // unit: rate only: the events behind the rate
    std::optional<double> last_year_count;
    std::optional<double> population; // unit: rate only: the population the rate is of
    std::optional<double> last_year_population;
    // The run of months just before `period` (the previous quarter for a quarter), when asked.
    std::optional<MonthRange> previous_period;
    std::optional<double> previous;
    std::vector<ComparatorFigure> comparators; // one per comparator of the indicator

    std::optional<double> change() const;     // value − last_year
    std::optional<double> change_pct() const; // change as a % of last_year
    Direction direction() const;
    // The direction from the previous period to this one.
    Direction previous_direction() const;
};

// The right aggregate of an indicator over a run of months: the total for counts; for
// percentages Σnumerator ÷ Σdenominator when every figure has them, else the mean; for rates
// the total count per `rate_per` of the population of the financial year the run ends in; for
// a cumulative series the last figure in the run (it already covers the year to date). Gaps
// are left out; nothing when the run holds no figures at all.
std::optional<double> aggregate(const Indicator& indicator, const MonthRange& range);
// The total of the raw values over the run (the counts behind a rate).
std::optional<double> total(const Indicator& indicator, const MonthRange& range);
// One observation's value in the indicator's unit (a rate for unit: rate).
std::optional<double> value_in_unit(const Indicator& indicator, const Observation& observation);

Comparison compare(const Indicator& indicator, const MonthRange& range);
// As compare, with the figure for the run of the same length just before it.
Comparison compare_with_previous(const Indicator& indicator, const MonthRange& range);
// A comparator's figure over a run: totalled for counts and rates (monthly rates of one
// population add up), the mean for percentages, the last figure for a cumulative series;
// nothing unless it has a figure for every period the indicator has one in the run.
std::optional<double> comparator_over(const Indicator& indicator, const Comparator& comparator,
                                      const MonthRange& range);

struct IndicatorFigures {
    YearMonth data_month;   // the last month covered: the as-at month, or for quarterly
                            // figures the end of the last quarter completed by then
    int financial_year = 0; // the year holding data_month
    Comparison latest;      // the latest month (or quarter)
    Comparison year_to_date;
    // The quarters ended by data_month, each with the quarter before it as `previous`, and the
    // quarter under way to data_month (a partial quarter: "Q4 to date (Jan)").
    std::array<std::optional<Comparison>, 4> quarters;
    int partial_quarter = 0; // 1-4 when quarters[partial_quarter − 1] is under way; else 0
    // The last quarter ended by data_month (perhaps in the previous financial year), with the
    // quarter before it: the direction of travel on the previous quarter.
    std::optional<Comparison> latest_quarter;
    Comparison rolling_twelve_months;
};

// "Q4", or "Q4 to date (Jan)" for a quarter under way; "Q4 to date (Jan–Feb)".
std::string quarter_name(const IndicatorFigures& figures, int quarter);

// Computes the figures as at `as_at`. When the indicator has no figure for the period holding
// the as-at date, reports an error at `where` (the directive or value asking) and returns
// nothing.
std::optional<IndicatorFigures> figures_as_at(const Indicator& indicator,
                                              const FinancialCalendar& calendar, Date as_at,
                                              const SourceLocation& where, DiagnosticSink& sink);

} // namespace bp::data
