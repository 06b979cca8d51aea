#include "data/indicator_calculations.hpp"

#include "core/text.hpp"

#include <cmath>

namespace bp::data {

namespace {

// An indicator's own observations, or last year's matched to them (like_for_like_last_year):
// the sums below take either, and the indicator for its unit and populations.
using Observations = std::vector<Observation>;

template <typename Visit>
void for_each_figure(const Observations& observations, const MonthRange& range, Visit visit) {
    for (const auto& observation : observations)
        if (range.contains(observation.period) && observation.value)
            visit(observation);
}

std::optional<double> percentage_over(const Observations& observations, const MonthRange& range) {
    double numerator = 0, denominator = 0, sum = 0;
    int figures = 0;
    bool all_have_ratio = true;
    for_each_figure(observations, range, [&](const Observation& o) {
        ++figures;
        sum += *o.value;
        if (o.numerator && o.denominator) {
            numerator += *o.numerator;
            denominator += *o.denominator;
        } else {
            all_have_ratio = false;
        }
    });
    if (figures == 0)
        return std::nullopt;
    if (all_have_ratio && denominator != 0)
        return numerator / denominator * 100;
    return sum / figures;
}

// The population a rate over months ending with `last` is of: that financial year's.
std::optional<double> population_at(const Indicator& indicator, YearMonth last) {
    return indicator.population_for(FinancialCalendar(indicator.fy_start_month).year_of(last));
}

std::optional<double> as_rate(const Indicator& indicator, std::optional<double> count,
                              YearMonth last) {
    auto population = population_at(indicator, last);
    if (!count || !population || *population <= 0)
        return std::nullopt;
    return *count / *population * indicator.rate_per;
}

// A cumulative series' figure for a run: its last row, which already covers the year so far.
const Observation* last_figure(const Observations& observations, const MonthRange& range) {
    const Observation* found = nullptr;
    for_each_figure(observations, range, [&](const Observation& o) { found = &o; });
    return found;
}

std::optional<double> total_of(const Observations& observations, const MonthRange& range) {
    double sum = 0;
    bool any = false;
    for_each_figure(observations, range, [&](const Observation& o) {
        sum += *o.value;
        any = true;
    });
    if (!any)
        return std::nullopt;
    return sum;
}

std::optional<double> aggregate_of(const Indicator& indicator, const Observations& observations,
                                   const MonthRange& range) {
    if (indicator.series == SeriesKind::cumulative) {
        const Observation* last = last_figure(observations, range);
        return last ? value_in_unit(indicator, *last) : std::nullopt;
    }
    switch (indicator.unit) {
    case Unit::count:
        return total_of(observations, range);
    case Unit::percentage:
        return percentage_over(observations, range);
    case Unit::rate:
        return as_rate(indicator, total_of(observations, range), range.last);
    }
    return std::nullopt;
}

// The last month covered by figures as at `month`: quarterly figures count only once their
// quarter has ended.
YearMonth data_month_for(const Indicator& indicator, const FinancialCalendar& calendar,
                         YearMonth month) {
    if (indicator.frequency == Frequency::monthly)
        return month;
    int ended_within = (calendar.position_in_year(month) + 1) % 3;
    return month.plus_months(-ended_within);
}

MonthRange latest_period(const Indicator& indicator, YearMonth data_month) {
    if (indicator.frequency == Frequency::monthly)
        return {data_month, data_month};
    return {data_month.plus_months(-2), data_month};
}

void report_missing(const Indicator& indicator, YearMonth period, Date as_at,
                    const SourceLocation& where, DiagnosticSink& sink) {
    std::string what = indicator.frequency == Frequency::quarterly
                           ? "the quarter starting " + period.long_label()
                           : period.long_label();
    const Observation* latest = indicator.latest();
    std::string hint = "add a row '" + period.iso() + ",<value>' to " + indicator.figures_file;
    if (latest)
        hint += " (its latest figure is for " + latest->period.long_label() + ")";
    hint += ", or set an earlier data_date in the meeting's meeting.yaml";
    sink.error(where,
               "indicator '" + indicator.id + "' has no figure for " + what +
                   ", the latest period as at " + as_at.medium_form(),
               hint);
}

// Last year's figures for exactly the periods that have figures this year, so that a gap is
// left out of both years; nothing when last year lacks any of them, so that a part-year is
// never set against a whole one.
std::optional<Observations> like_for_like_last_year(const Indicator& indicator,
                                                    const MonthRange& range) {
    Observations matched;
    for (const auto& observation : indicator.observations) {
        if (!range.contains(observation.period) || !observation.value)
            continue;
        const Observation* before = indicator.at(observation.period.plus_months(-12));
        if (!before || !before->value)
            return std::nullopt;
        matched.push_back(*before);
    }
    return matched;
}

// The events behind a rate over a run: their total, or for a cumulative series the last row.
std::optional<double> events_over(const Indicator& indicator, const Observations& observations,
                                  const MonthRange& range) {
    if (indicator.series != SeriesKind::cumulative)
        return total_of(observations, range);
    const Observation* last = last_figure(observations, range);
    return last ? last->value : std::nullopt;
}

} // namespace

const char* direction_word(Direction direction) {
    switch (direction) {
    case Direction::up:
        return "up";
    case Direction::down:
        return "down";
    case Direction::same:
        return "no change";
    case Direction::unknown:
        return "";
    }
    return "";
}

std::optional<double> Comparison::change() const {
    if (!value || !last_year)
        return std::nullopt;
    return *value - *last_year;
}

std::optional<double> Comparison::change_pct() const {
    auto difference = change();
    if (!difference || *last_year == 0)
        return std::nullopt;
    return *difference / std::fabs(*last_year) * 100;
}

Direction Comparison::previous_direction() const {
    if (!value || !previous)
        return Direction::unknown;
    double difference = *value - *previous;
    if (std::fabs(difference) < 1e-9)
        return Direction::same;
    return difference > 0 ? Direction::up : Direction::down;
}

Direction Comparison::direction() const {
    auto difference = change();
    if (!difference)
        return Direction::unknown;
    // Differences smaller than rounding noise in the source figures are no change.
    if (std::fabs(*difference) < 1e-9)
        return Direction::same;
    return *difference > 0 ? Direction::up : Direction::down;
}

std::optional<double> total(const Indicator& indicator, const MonthRange& range) {
    return total_of(indicator.observations, range);
}

std::optional<double> aggregate(const Indicator& indicator, const MonthRange& range) {
    return aggregate_of(indicator, indicator.observations, range);
}

std::optional<double> value_in_unit(const Indicator& indicator, const Observation& observation) {
    if (indicator.unit == Unit::rate)
        return as_rate(indicator, observation.value, observation.period);
    return observation.value;
}

std::optional<double> comparator_over(const Indicator& indicator, const Comparator& comparator,
                                      const MonthRange& range) {
    double sum = 0;
    int figures = 0;
    std::optional<double> last;
    bool complete = true;
    for_each_figure(indicator.observations, range, [&](const Observation& o) {
        auto found = comparator.values.find(o.period);
        if (found == comparator.values.end()) {
            complete = false;
            return;
        }
        sum += found->second;
        last = found->second;
        ++figures;
    });
    if (!complete || figures == 0)
        return std::nullopt;
    if (indicator.series == SeriesKind::cumulative)
        return last;
    if (indicator.unit == Unit::percentage)
        return sum / figures;
    return sum;
}

Comparison compare(const Indicator& indicator, const MonthRange& range) {
    Comparison comparison;
    comparison.period = range;
    comparison.last_year_period = FinancialCalendar::same_period_last_year(range);
    comparison.value = aggregate(indicator, range);
    auto last_year = like_for_like_last_year(indicator, range);
    if (last_year)
        comparison.last_year = aggregate_of(indicator, *last_year, comparison.last_year_period);
    if (indicator.unit == Unit::rate) {
        comparison.count = events_over(indicator, indicator.observations, range);
        comparison.population = population_at(indicator, range.last);
        if (last_year) {
            comparison.last_year_count =
                events_over(indicator, *last_year, comparison.last_year_period);
            comparison.last_year_population =
                population_at(indicator, comparison.last_year_period.last);
        }
    }
    for (const auto& comparator : indicator.comparators)
        comparison.comparators.push_back(
            {comparator.name, comparator_over(indicator, comparator, range)});
    return comparison;
}

Comparison compare_with_previous(const Indicator& indicator, const MonthRange& range) {
    Comparison comparison = compare(indicator, range);
    MonthRange before = range.shifted(-range.months());
    comparison.previous_period = before;
    comparison.previous = aggregate(indicator, before);
    return comparison;
}

std::string quarter_name(const IndicatorFigures& figures, int quarter) {
    std::string name = "Q" + std::to_string(quarter);
    if (figures.partial_quarter != quarter || !figures.quarters[quarter - 1])
        return name;
    const MonthRange& run = figures.quarters[quarter - 1]->period;
    std::string months = month_abbreviation(run.first.month);
    if (run.months() > 1)
        months += std::string("\xE2\x80\x93") + month_abbreviation(run.last.month);
    return name + " to date (" + months + ")";
}

std::optional<IndicatorFigures> figures_as_at(const Indicator& indicator,
                                              const FinancialCalendar& calendar, Date as_at,
                                              const SourceLocation& where, DiagnosticSink& sink) {
    IndicatorFigures figures;
    figures.data_month = data_month_for(indicator, calendar, month_of(as_at));
    MonthRange latest = latest_period(indicator, figures.data_month);
    const Observation* observation = indicator.at(latest.first);
    if (!observation || !observation->value) {
        report_missing(indicator, latest.first, as_at, where, sink);
        return std::nullopt;
    }
    figures.financial_year = calendar.year_of(figures.data_month);
    figures.latest = compare(indicator, latest);
    figures.year_to_date = compare(indicator, calendar.year_to_date(figures.data_month));
    int completed = calendar.completed_quarters(figures.data_month);
    for (int quarter = 1; quarter <= completed; ++quarter)
        figures.quarters[quarter - 1] =
            compare_with_previous(indicator, calendar.quarter(figures.financial_year, quarter));
    if (completed < 4) {
        // The quarter under way, to the data month, against the same months last year. It has
        // no "previous": part of a quarter set against a whole one would mislead.
        MonthRange whole = calendar.quarter(figures.financial_year, completed + 1);
        if (whole.first <= figures.data_month) {
            figures.quarters[completed] = compare(indicator, {whole.first, figures.data_month});
            figures.partial_quarter = completed + 1;
        }
    }
    // The last quarter ended: this year's, or the last of the year before.
    YearMonth last_quarter_end = calendar.quarter(figures.financial_year, 1).first.plus_months(-1);
    if (completed > 0)
        last_quarter_end = calendar.quarter(figures.financial_year, completed).last;
    figures.latest_quarter =
        compare_with_previous(indicator, {last_quarter_end.plus_months(-2), last_quarter_end});
    figures.rolling_twelve_months =
        compare(indicator, FinancialCalendar::rolling_twelve_months(figures.data_month));
    return figures;
}

} // namespace bp::data
