#include "data/rag.hpp"

#include "core/text.hpp"
#include "data/figure_format.hpp"
#include "data/indicator_yaml.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bp::data {

namespace {

std::string percent_text(double value) {
    return format_number(value, 1) + "%";
}

int year_of(const Indicator& indicator, const Comparison& figures) {
    return FinancialCalendar(indicator.fy_start_month).year_of(figures.period.last);
}

bool has_target(const Indicator& indicator) {
    return indicator.target || !indicator.targets.empty();
}

// A figure as the tables print it, read back: rating it rates exactly what readers see.
double as_published(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return std::strtod(buffer, nullptr);
}

// The fewest decimals (up to four) that show `value` exactly: 0 for −5, 2 for −4.96.
int shortest_decimals(double value) {
    for (int decimals = 0; decimals < 4; ++decimals)
        if (std::fabs(as_published(value, decimals) - value) < 1e-9)
            return decimals;
    return 4;
}

// A threshold as the analyst wrote it: "−5", "0", "28.5".
std::string threshold_text(double value) {
    return format_number(value, shortest_decimals(value));
}

const char* op_words(ThresholdOp op, bool negated) {
    switch (op) {
    case ThresholdOp::at_most:
        return negated ? "above" : "at or below";
    case ThresholdOp::below:
        return negated ? "at or above" : "below";
    case ThresholdOp::at_least:
        return negated ? "below" : "at or above";
    case ThresholdOp::above:
        return negated ? "at or below" : "above";
    }
    return "";
}

bool holds(ThresholdOp op, double quantity, double threshold) {
    switch (op) {
    case ThresholdOp::at_most:
        return quantity <= threshold;
    case ThresholdOp::below:
        return quantity < threshold;
    case ThresholdOp::at_least:
        return quantity >= threshold;
    case ThresholdOp::above:
        return quantity > threshold;
    }
    return false;
}

RagRating rate_band(const Indicator& indicator, double value) {
    double low = *indicator.target_low;
    double high = *indicator.target_high;
    std::string band = format_value(indicator, low) + " to " + format_value(indicator, high);
    if (value >= low && value <= high)
        return {Rag::green, "within the target band " + band};
    double edge = value < low ? low : high;
    double off_pct = edge == 0 ? INFINITY : std::fabs(value - edge) / std::fabs(edge) * 100;
    Rag status = off_pct <= indicator.tolerance ? Rag::amber : Rag::red;
    return {status, std::string(value < low ? "below" : "above") + " the target band " + band};
}

// The target the value is held to: a whole-year count target is pro-rated to the months the
// value covers, so that 145 fires in ten months is judged against 140.8, not 169.
// The year's target (from `targets`, else `target`), pro-rated for a whole-year count.
std::optional<double> effective_target(const Indicator& indicator, const Comparison& figures) {
    auto target = indicator.target_for(year_of(indicator, figures));
    if (!target || !indicator.target_for_whole_year || indicator.unit != Unit::count)
        return target;
    return *target * std::min(figures.period.months(), 12) / 12.0;
}

std::string target_words(const Indicator& indicator, const Comparison& figures, double target) {
    double year_target = *indicator.target_for(year_of(indicator, figures));
    if (target == year_target)
        return format_value(indicator, target);
    return format_number(target, 1) + " (" + format_value(indicator, year_target) +
           " for the year, pro rata)";
}

RagRating no_target(const Indicator& indicator, const Comparison& figures) {
    return {
        Rag::none,
        "no target for " +
            FinancialCalendar(indicator.fy_start_month).year_label(year_of(indicator, figures))};
}

RagRating rate_target(const Indicator& indicator, const Comparison& figures) {
    auto year_target = effective_target(indicator, figures);
    if (!year_target)
        return no_target(indicator, figures);
    double value = *figures.value;
    double target = *year_target;
    bool lower_better = indicator.polarity == Polarity::lower_is_better;
    bool met = lower_better ? value <= target : value >= target;
    std::string target_text = target_words(indicator, figures, target);
    if (met)
        return {Rag::green, "meets the target of " + target_text};
    double miss_pct = target == 0 ? INFINITY : std::fabs(value - target) / std::fabs(target) * 100;
    Rag status = miss_pct <= indicator.tolerance ? Rag::amber : Rag::red;
    return {status, "misses the target of " + target_text + " by " + percent_text(miss_pct)};
}

RagRating rate_against_last_year(const Indicator& indicator, const Comparison& figures) {
    auto change_pct = figures.change_pct();
    if (!change_pct) {
        if (figures.direction() == Direction::same)
            return {Rag::amber, "no change on the same period last year"};
        return {Rag::none, "no figures for the same period last year"};
    }
    if (figures.direction() == Direction::same)
        return {Rag::amber, "no change on the same period last year"};
    double improvement =
        indicator.polarity == Polarity::lower_is_better ? -*change_pct : *change_pct;
    std::string movement = std::string(direction_word(figures.direction())) + " " +
                           percent_text(std::fabs(*change_pct)) + " on the same period last year";
    if (std::fabs(*change_pct) <= indicator.tolerance)
        return {Rag::amber,
                movement + (indicator.tolerance > 0
                                ? ", within the " + percent_text(indicator.tolerance) + " tolerance"
                                : "")};
    return {improvement > 0 ? Rag::green : Rag::red, movement};
}

struct Quantity {
    double exact = 0;
    double rated = 0;
    std::string shown;    // the rated figure as published: "−5.0%"
    std::string rounding; // "as published, to 1 decimal" or "exact"
};

std::string decimals_words(int decimals) {
    if (decimals == 0)
        return "to a whole number";
    return "to " + std::to_string(decimals) + (decimals == 1 ? " decimal" : " decimals");
}

std::string signed_text(double value, int decimals) {
    std::string digits = format_number(value, decimals);
    bool zero = digits.find_first_not_of("0.,") == std::string::npos;
    return value > 0 && !zero ? "+" + digits : digits;
}

Quantity quantity_of(const Indicator& indicator, RagMeasure measure, double exact,
                     bool as_published_figure) {
    int decimals = measure == RagMeasure::change_pct ? 1 : indicator.display_decimals();
    Quantity out;
    out.exact = exact;
    out.rated = as_published_figure ? as_published(exact, decimals) : exact;
    // An exact figure is shown with the decimals it needs (up to four), enough to see why it
    // was rated so.
    int shown_decimals = as_published_figure ? decimals : shortest_decimals(out.rated);
    out.rounding = as_published_figure ? "as published, " + decimals_words(decimals) : "exact";
    switch (measure) {
    case RagMeasure::change_pct:
        out.shown = signed_text(out.rated, shown_decimals) + "%";
        break;
    case RagMeasure::change:
        out.shown = signed_text(out.rated, shown_decimals) +
                    (indicator.unit == Unit::percentage ? " points" : "");
        break;
    case RagMeasure::value:
        out.shown = format_number(out.rated, shown_decimals) +
                    (indicator.unit == Unit::percentage ? "%" : "");
        break;
    }
    return out;
}

std::string threshold_words(const Indicator& indicator, const RagThreshold& rule, bool negated) {
    std::string figure = threshold_text(rule.threshold);
    if (rule.measure == RagMeasure::change_pct ||
        (rule.measure == RagMeasure::value && indicator.unit == Unit::percentage))
        figure += "%";
    else if (rule.measure == RagMeasure::change && indicator.unit == Unit::percentage)
        figure += " points";
    return std::string(op_words(rule.op, negated)) + " " + figure;
}

// The figure the change is measured from: last year's, or the target for against_target.
std::optional<double> reference_of(const Indicator& indicator, const Comparison& figures) {
    if (indicator.rag.basis == RagBasis::against_target)
        return effective_target(indicator, figures);
    return figures.last_year;
}

std::string reference_words(const Indicator& indicator, const Comparison& figures,
                            double reference) {
    if (indicator.rag.basis == RagBasis::against_target)
        return " against the target of " + target_words(indicator, figures, reference);
    return " on the same period last year";
}

RagRating rate_thresholds(const Indicator& indicator, const Comparison& figures) {
    const RagRules& rules = indicator.rag;
    bool needs_reference = false;
    for (const auto& rule : rules.thresholds)
        needs_reference = needs_reference || rule.measure != RagMeasure::value;
    auto reference = reference_of(indicator, figures);
    if (needs_reference && !reference) {
        if (rules.basis == RagBasis::against_target)
            return no_target(indicator, figures);
        return {Rag::none, "no figures for the same period last year"};
    }
    double value = *figures.value;
    std::vector<std::pair<RagMeasure, std::string>> failed; // rules passed over, negated
    for (const auto& rule : rules.thresholds) {
        double exact = value;
        std::string context;
        if (rule.measure != RagMeasure::value) {
            exact = value - *reference;
            context = reference_words(indicator, figures, *reference);
        }
        if (rule.measure == RagMeasure::change_pct) {
            if (*reference == 0)
                return {Rag::none, std::string(rules.basis == RagBasis::against_target
                                                   ? "the target is 0"
                                                   : "last year's figure was 0") +
                                       ", so there is no percentage change to rate"};
            exact = exact / std::fabs(*reference) * 100;
        }
        Quantity quantity = quantity_of(indicator, rule.measure, exact, rules.as_published);
        std::string stated = quantity.shown + context + " (" + quantity.rounding + ") is ";
        if (holds(rule.op, quantity.rated, rule.threshold)) {
            // The rules passed over are part of the reason: "above −5% and at or below 0%".
            std::string all;
            for (const auto& [measure, words] : failed)
                if (measure == rule.measure)
                    all += words + " and ";
            RagRating rating{rule.status, stated + all + threshold_words(indicator, rule, false) +
                                              ": " + to_lower_ascii(rag_word(rule.status))};
            rating.measure = rule.measure;
            rating.exact = quantity.exact;
            rating.rated = quantity.rated;
            return rating;
        }
        failed.emplace_back(rule.measure, threshold_words(indicator, rule, true));
        // The last rule's figure explains the "otherwise" rating.
        if (&rule == &rules.thresholds.back()) {
            std::string all;
            for (const auto& [measure, words] : failed)
                if (measure == rule.measure)
                    all += (all.empty() ? "" : " and ") + words;
            RagRating rating{rules.otherwise,
                             stated + all + ": " + to_lower_ascii(rag_word(rules.otherwise))};
            rating.measure = rule.measure;
            rating.exact = quantity.exact;
            rating.rated = quantity.rated;
            return rating;
        }
    }
    return {rules.otherwise, ""};
}

RagRating rate_by_rule(const Indicator& indicator, const Comparison& figures) {
    if (indicator.polarity == Polarity::monitoring)
        return {Rag::grey, "for monitoring only"};
    if (!figures.value)
        return {Rag::none, "no figures for the period"};
    if (!indicator.rag.thresholds.empty())
        return rate_thresholds(indicator, figures);
    if (indicator.polarity == Polarity::target_band) {
        if (!indicator.target_low || !indicator.target_high)
            return {Rag::none, "no target band"};
        return rate_band(indicator, *figures.value);
    }
    if (has_target(indicator))
        return rate_target(indicator, figures);
    return rate_against_last_year(indicator, figures);
}

std::string period_prefix(const Indicator& indicator, const Comparison& figures) {
    switch (indicator.rag.basis) {
    case RagBasis::fytd_vs_last_year:
    case RagBasis::against_target:
        return "";
    default:
        return basis_words(indicator) + " (" + figures.period.label() + "): ";
    }
}

} // namespace

const char* rag_label(Rag status) {
    switch (status) {
    case Rag::grey:
        return "Monitoring";
    case Rag::none:
        return "Not rated";
    default:
        return rag_word(status);
    }
}

RagRating rate(const Indicator& indicator, const Comparison& figures) {
    RagRating rating = rate_by_rule(indicator, figures);
    rating.basis = indicator.rag.basis;
    rating.figures = figures;
    if (figures.value && indicator.polarity != Polarity::monitoring &&
        (indicator.rag.basis == RagBasis::against_target ||
         (indicator.rag.thresholds.empty() && has_target(indicator) &&
          indicator.polarity != Polarity::target_band)))
        rating.target = effective_target(indicator, figures);
    return rating;
}

std::optional<Comparison> basis_figures(const Indicator& indicator,
                                        const IndicatorFigures& figures) {
    switch (indicator.rag.basis) {
    case RagBasis::fytd_vs_last_year:
    case RagBasis::against_target:
        return figures.year_to_date;
    case RagBasis::latest_period:
        return figures.latest;
    case RagBasis::rolling_12_months:
        return figures.rolling_twelve_months;
    case RagBasis::latest_quarter:
        return figures.latest_quarter;
    }
    return figures.year_to_date;
}

RagRating rate(const Indicator& indicator, const IndicatorFigures& figures) {
    auto rated = basis_figures(indicator, figures);
    if (!rated) {
        RagRating none{Rag::none, "no quarter has ended"};
        none.basis = indicator.rag.basis;
        return none;
    }
    RagRating rating = rate(indicator, *rated);
    if (rating.status != Rag::grey)
        rating.reason = period_prefix(indicator, *rated) + rating.reason;
    return rating;
}

std::string basis_words(const Indicator& indicator) {
    switch (indicator.rag.basis) {
    case RagBasis::fytd_vs_last_year:
        return "year to date";
    case RagBasis::latest_period:
        return indicator.frequency == Frequency::quarterly ? "latest quarter" : "latest month";
    case RagBasis::rolling_12_months:
        return "rolling 12 months";
    case RagBasis::latest_quarter:
        return "latest quarter";
    case RagBasis::against_target:
        return "year to date against target";
    }
    return "year to date";
}

std::string rule_words(const Indicator& indicator) {
    const RagRules& rules = indicator.rag;
    if (indicator.polarity == Polarity::monitoring ||
        (rules.thresholds.empty() && rules.basis == RagBasis::fytd_vs_last_year))
        return "";
    std::string out = basis_words(indicator);
    if (rules.thresholds.empty())
        return "rated on the " + out;
    out += ": ";
    for (const auto& rule : rules.thresholds)
        out += to_lower_ascii(rag_word(rule.status)) + " when " + to_string(rule.measure) + " " +
               to_symbol(rule.op) + " " + threshold_text(rule.threshold) + "; ";
    return out + "otherwise " + to_lower_ascii(rag_word(rules.otherwise)) +
           (rules.as_published ? " (rated as published)" : " (rated on exact figures)");
}

std::string performance_word(const Indicator& indicator, Direction direction) {
    if (direction == Direction::unknown)
        return "";
    if (direction == Direction::same)
        return "no change";
    if (indicator.polarity == Polarity::lower_is_better)
        return direction == Direction::down ? "better" : "worse";
    if (indicator.polarity == Polarity::higher_is_better)
        return direction == Direction::up ? "better" : "worse";
    return "";
}

} // namespace bp::data
