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

namespace bp::data {

enum class Direction { unknown, up, down, same };

const char* direction_word(Direction direction); // "up", "down", "no change", ""

// A value over a run of months against the same months a year earlier. Last year counts only
// the months that have figures this year; when last year lacks any of those, there is no
// last-year figure (rather than a misleading part-year one).
struct Comparison {
    MonthRange period;
    MonthRange last_year_period;
    std::optional<double> value;
    std::optional<double> last_year;
    std::optional<double> count; // unit: rate only: the events behind the rate
    std::optional<double> last_year_count;

    std::optional<double> change() const;     // value − last_year
    std::optional<double> change_pct() const; // change as a % of last_year
    Direction direction() const;
};

// The right aggregate of an indicator over a run of months: the total for counts; for
// percentages Σnumerator ÷ Σdenominator when every figure has them, else the mean; for rates
// the total count per `rate_per` of the population. Gaps are left out; nothing when the run
// holds no figures at all.
std::optional<double> aggregate(const Indicator& indicator, const MonthRange& range);
// The total of the raw values over the run (the counts behind a rate).
std::optional<double> total(const Indicator& indicator, const MonthRange& range);
// One observation's value in the indicator's unit (a rate for unit: rate).
std::optional<double> value_in_unit(const Indicator& indicator, const Observation& observation);

Comparison compare(const Indicator& indicator, const MonthRange& range);

struct IndicatorFigures {
    YearMonth data_month;   // the last month covered: the as-at month, or for quarterly
                            // figures the end of the last quarter completed by then
    int financial_year = 0; // the year holding data_month
    Comparison latest;      // the latest month (or quarter)
    Comparison year_to_date;
    std::array<std::optional<Comparison>, 4> quarters; // only those completed by data_month
    Comparison rolling_twelve_months;
};

// Computes the figures as at `as_at`. When the indicator has no figure for the period holding
// the as-at date, reports an error at `where` (the directive or value asking) and returns
// nothing.
std::optional<IndicatorFigures> figures_as_at(const Indicator& indicator,
                                              const FinancialCalendar& calendar, Date as_at,
                                              const SourceLocation& where, DiagnosticSink& sink);

} // namespace bp::data
