#include "data/chart_builders.hpp"

#include "core/text.hpp"
#include "data/figure_format.hpp"
#include "data/indicator_calculations.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace bp::data {

namespace {

struct Peak {
    std::string label;
    double value = 0;
    bool found = false;
};

// The highest value of a series; the earliest wins a tie so the sentence is stable.
Peak highest(const std::vector<std::string>& labels, const ChartSeries& series) {
    Peak peak;
    for (std::size_t i = 0; i < series.values.size() && i < labels.size(); ++i) {
        if (!series.values[i])
            continue;
        if (!peak.found || *series.values[i] > peak.value)
            peak = {labels[i], *series.values[i], true};
    }
    return peak;
}

ChartSpec base_spec(const Indicator& indicator, ChartKind kind, const std::string& suffix) {
    ChartSpec spec;
    spec.kind = kind;
    spec.id = indicator.id + "-" + suffix;
    spec.unit = indicator.unit_label();
    // The y-axis always says what it counts: a count with no `measure` is a plain number.
    if (spec.unit.empty())
        spec.unit = "Number";
    spec.decimals = indicator.display_decimals();
    spec.sources.push_back(indicator.location);
    return spec;
}

std::string with_peak(std::string sentence, const Indicator& indicator, const Peak& peak,
                      const char* noun) {
    if (peak.found)
        sentence += "; highest " + std::string(noun) + " was " + peak.label + " (" +
                    format_value(indicator, peak.value) + ")";
    return sentence + ".";
}

std::optional<double> value_for(const Indicator& indicator, YearMonth month) {
    const Observation* observation = indicator.at(month);
    return observation ? value_in_unit(indicator, *observation) : std::nullopt;
}

void set_target(ChartSpec& spec, const Indicator& indicator) {
    if (indicator.target_low && indicator.target_high) {
        spec.target_low = indicator.target_low;
        spec.target_high = indicator.target_high;
    } else if (indicator.target) {
        spec.target_low = spec.target_high = indicator.target;
    }
}

// One comparator series per comparator, over the given periods (later ones are gaps).
void add_comparators(ChartSpec& spec, const Indicator& indicator,
                     const std::vector<std::optional<MonthRange>>& periods) {
    for (const auto& comparator : indicator.comparators) {
        ChartSeries series{comparator.name, {}, true};
        bool any = false;
        for (const auto& period : periods) {
            series.values.push_back(period ? comparator_over(indicator, comparator, *period)
                                           : std::nullopt);
            any = any || series.values.back().has_value();
        }
        if (any)
            spec.series.push_back(std::move(series));
    }
}

std::string lowercase_first(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

} // namespace

ChartSpec monthly_comparison_chart(const Indicator& indicator, const FinancialCalendar& calendar,
                                   YearMonth data_month) {
    if (indicator.frequency == Frequency::quarterly)
        return quarter_totals_chart(indicator, calendar, data_month);
    int year = calendar.year_of(data_month);
    ChartSpec spec = base_spec(indicator, ChartKind::monthly_comparison, "monthly");
    spec.title = indicator.title + ", by month, " + calendar.year_label(year) + " against " +
                 calendar.year_label(year - 1);
    spec.categories = calendar.month_abbreviations();
    ChartSeries last{calendar.year_label(year - 1), {}};
    ChartSeries current{calendar.year_label(year), {}};
    std::vector<std::string> month_names;
    for (YearMonth month : calendar.year(year).each_month()) {
        last.values.push_back(value_for(indicator, month.plus_months(-12)));
        current.values.push_back(month <= data_month ? value_for(indicator, month) : std::nullopt);
        month_names.push_back(month_name(month.month));
    }
    Comparison ytd = compare(indicator, calendar.year_to_date(data_month));
    spec.description = with_peak(describe_change(indicator, ytd), indicator,
                                 highest(month_names, current), "month");
    spec.series = {std::move(last), std::move(current)};
    std::vector<std::optional<MonthRange>> months;
    for (YearMonth month : calendar.year(year).each_month())
        months.push_back(month <= data_month ? std::optional<MonthRange>({month, month})
                                             : std::nullopt);
    add_comparators(spec, indicator, months);
    // A rate or percentage rated against a band is judged month by month, so the band belongs
    // on the chart; a count's target is for the year and would mislead beside monthly bars.
    if (indicator.unit != Unit::count && indicator.target_low && indicator.target_high)
        set_target(spec, indicator);
    return spec;
}

ChartSpec quarter_totals_chart(const Indicator& indicator, const FinancialCalendar& calendar,
                               YearMonth data_month) {
    int year = calendar.year_of(data_month);
    ChartSpec spec = base_spec(indicator, ChartKind::quarter_totals, "quarters");
    spec.title = indicator.title + ", by quarter, " + calendar.year_label(year) + " against " +
                 calendar.year_label(year - 1);
    spec.categories = {"Q1", "Q2", "Q3", "Q4"};
    ChartSeries last{calendar.year_label(year - 1), {}};
    ChartSeries current{calendar.year_label(year), {}};
    int completed = calendar.completed_quarters(data_month);
    Comparison completed_quarters;
    for (int quarter = 1; quarter <= 4; ++quarter) {
        MonthRange range = calendar.quarter(year, quarter);
        last.values.push_back(aggregate(indicator, range.shifted(-12)));
        current.values.push_back(quarter <= completed ? aggregate(indicator, range) : std::nullopt);
    }
    std::string sentence;
    if (completed > 0) {
        MonthRange covered{calendar.quarter(year, 1).first, calendar.quarter(year, completed).last};
        sentence = std::string("Q1") + (completed > 1 ? "–Q" + std::to_string(completed) : "") +
                   ": " + lowercase_first(describe_change(indicator, compare(indicator, covered)));
    } else {
        sentence = "No quarter of " + calendar.year_label(year) + " has ended yet";
    }
    spec.description = with_peak(sentence, indicator, highest(spec.categories, current), "quarter");
    spec.series = {std::move(last), std::move(current)};
    std::vector<std::optional<MonthRange>> quarters;
    for (int quarter = 1; quarter <= 4; ++quarter)
        quarters.push_back(quarter <= completed
                               ? std::optional<MonthRange>(calendar.quarter(year, quarter))
                               : std::nullopt);
    add_comparators(spec, indicator, quarters);
    return spec;
}

ChartSpec trend_chart(const Indicator& indicator, YearMonth data_month) {
    ChartSpec spec = base_spec(indicator, ChartKind::trend, "trend");
    spec.title = indicator.title + ", trend";
    set_target(spec, indicator);
    ChartSeries series{indicator.title, {}};
    std::vector<std::string> long_labels;
    std::vector<std::optional<MonthRange>> periods;
    if (!indicator.observations.empty()) {
        int step = indicator.frequency == Frequency::quarterly ? 3 : 1;
        for (YearMonth month = indicator.observations.front().period; month <= data_month;
             month = month.plus_months(step)) {
            spec.categories.push_back(month.short_label());
            long_labels.push_back(month.long_label());
            series.values.push_back(value_for(indicator, month));
            periods.push_back(MonthRange{month, month});
        }
    }
    Peak peak = highest(long_labels, series);
    if (!peak.found) {
        spec.description = "No figures up to " + data_month.long_label() + ".";
    } else {
        std::string sentence = "From " + long_labels.front() + " to " + long_labels.back();
        if (series.values.back())
            sentence += "; latest " + format_value(indicator, *series.values.back());
        sentence +=
            "; highest was " + peak.label + " (" + format_value(indicator, peak.value) + ")";
        if (spec.target_low && series.values.back()) {
            double latest = *series.values.back();
            bool inside = latest >= *spec.target_low && latest <= *spec.target_high;
            bool line = *spec.target_low == *spec.target_high;
            if (!line)
                sentence += std::string("; the latest figure is ") +
                            (inside ? "inside" : "outside") + " the target band of " +
                            format_value(indicator, *spec.target_low) + " to " +
                            format_value(indicator, *spec.target_high);
        }
        spec.description = sentence + ".";
    }
    spec.series = {std::move(series)};
    add_comparators(spec, indicator, periods);
    return spec;
}

ChartSpec category_chart(const std::vector<const Indicator*>& indicators,
                         const FinancialCalendar& calendar, YearMonth data_month,
                         const std::string& id) {
    ChartSpec spec;
    spec.kind = ChartKind::category_comparison;
    spec.id = id;
    int year = calendar.year_of(data_month);
    MonthRange ytd = calendar.year_to_date(data_month);
    spec.title =
        "Year to date, " + calendar.year_label(year) + " against " + calendar.year_label(year - 1);
    ChartSeries last{calendar.year_label(year - 1), {}};
    ChartSeries current{calendar.year_label(year), {}};
    const Indicator* biggest = nullptr;
    Comparison biggest_change;
    for (const Indicator* indicator : indicators) {
        if (!indicator)
            continue;
        if (spec.unit.empty())
            spec.unit = indicator->unit_label();
        spec.sources.push_back(indicator->location);
        Comparison comparison = compare(*indicator, ytd);
        spec.categories.push_back(indicator->title);
        last.values.push_back(comparison.last_year);
        current.values.push_back(comparison.value);
        auto change = comparison.change();
        auto best = biggest_change.change();
        if (change && (!best || std::fabs(*change) > std::fabs(*best))) {
            biggest = indicator;
            biggest_change = comparison;
        }
    }
    std::string sentence = "Year to date " + ytd.label() + " against the same period last year";
    if (biggest) {
        sentence += "; the largest change was " + biggest->title + ": " +
                    lowercase_first(describe_change(*biggest, biggest_change));
    }
    spec.description = sentence + ".";
    spec.series = {std::move(last), std::move(current)};
    return spec;
}

ChartSpec sparkline_chart(const Indicator& indicator, YearMonth data_month, int months) {
    ChartSpec spec = base_spec(indicator, ChartKind::sparkline, "sparkline");
    spec.title = indicator.title;
    spec.width_pt = 60;
    spec.height_pt = 16;
    int step = indicator.frequency == Frequency::quarterly ? 3 : 1;
    ChartSeries series{indicator.title, {}};
    MonthRange range{data_month.plus_months(-(std::max(months, step) - step)), data_month};
    std::vector<std::string> long_labels;
    for (YearMonth month = range.first; month <= range.last; month = month.plus_months(step)) {
        spec.categories.push_back(month.short_label());
        long_labels.push_back(month.long_label());
        series.values.push_back(value_for(indicator, month));
    }
    std::string sentence =
        indicator.title + " from " + range.first.long_label() + " to " + range.last.long_label();
    if (series.values.back())
        sentence += "; latest " + format_value(indicator, *series.values.back());
    Peak peak = highest(long_labels, series);
    if (peak.found)
        sentence += "; highest " + peak.label + " (" + format_value(indicator, peak.value) + ")";
    spec.description = sentence + ".";
    spec.series = {std::move(series)};
    return spec;
}

} // namespace bp::data
