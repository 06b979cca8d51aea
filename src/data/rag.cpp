#include "data/rag.hpp"

#include "core/text.hpp"
#include "data/figure_format.hpp"

#include <algorithm>
#include <cmath>

namespace bp::data {

namespace {

std::string percent_text(double value) {
    return format_number(value, 1) + "%";
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
double effective_target(const Indicator& indicator, const Comparison& figures) {
    double target = *indicator.target;
    if (!indicator.target_for_whole_year || indicator.unit != Unit::count)
        return target;
    return target * std::min(figures.period.months(), 12) / 12.0;
}

RagRating rate_target(const Indicator& indicator, const Comparison& figures) {
    double value = *figures.value;
    double target = effective_target(indicator, figures);
    bool lower_better = indicator.polarity == Polarity::lower_is_better;
    bool met = lower_better ? value <= target : value >= target;
    std::string target_text = format_value(indicator, target);
    if (target != *indicator.target)
        target_text = format_number(target, 1) + " (" + format_value(indicator, *indicator.target) +
                      " for the year, pro rata)";
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
    if (indicator.polarity == Polarity::monitoring)
        return {Rag::grey, "for monitoring only"};
    if (!figures.value)
        return {Rag::none, "no figures for the period"};
    if (indicator.polarity == Polarity::target_band) {
        if (!indicator.target_low || !indicator.target_high)
            return {Rag::none, "no target band"};
        return rate_band(indicator, *figures.value);
    }
    if (indicator.target)
        return rate_target(indicator, figures);
    return rate_against_last_year(indicator, figures);
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
