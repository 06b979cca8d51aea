#include "data/figure_format.hpp"

#include "core/text.hpp"

#include <cmath>

namespace bp::data {

namespace {

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 32);
    return text;
}

std::string signed_number(double value, int decimals) {
    std::string digits = format_number(value, decimals);
    bool zero = digits.find_first_not_of("0.,") == std::string::npos;
    return value > 0 && !zero ? "+" + digits : digits;
}

} // namespace

std::string format_value(const Indicator& indicator, double value) {
    std::string text = format_number(value, indicator.display_decimals());
    return indicator.unit == Unit::percentage ? text + "%" : text;
}

std::string format_change(const Indicator& indicator, double change) {
    std::string text = signed_number(change, indicator.display_decimals());
    return indicator.unit == Unit::percentage ? text + " points" : text;
}

std::string format_change_pct(double change_pct) {
    return signed_number(change_pct, 1) + "%";
}

std::string describe_change(const Indicator& indicator, const Comparison& comparison) {
    if (!comparison.value)
        return "No figures for " + comparison.period.label();
    std::string now = format_value(indicator, *comparison.value);
    if (!comparison.last_year)
        return now + " in " + comparison.period.label() +
               "; no figures for the same period last year";
    std::string then = format_value(indicator, *comparison.last_year);
    Direction direction = comparison.direction();
    if (direction == Direction::same)
        return "No change on the same period last year (" + now + " both years)";
    std::string size;
    if (indicator.unit == Unit::percentage)
        size = format_number(std::fabs(*comparison.change()), indicator.display_decimals()) +
               " percentage points";
    else if (auto pct = comparison.change_pct())
        size = format_number(std::fabs(*pct), 1) + "%";
    else
        size = format_number(std::fabs(*comparison.change()), indicator.display_decimals());
    return capitalised(direction_word(direction)) + " " + size + " on the same period last year (" +
           now + " against " + then + ")";
}

std::string target_figure(const Indicator& indicator, std::optional<int> financial_year) {
    if (indicator.target_low && indicator.target_high)
        return format_value(indicator, *indicator.target_low) + " to " +
               format_value(indicator, *indicator.target_high);
    std::optional<double> target =
        financial_year ? indicator.target_for(*financial_year) : indicator.target;
    if (!target && !financial_year && !indicator.targets.empty())
        target = indicator.targets.rbegin()->second;
    if (target)
        return format_value(indicator, *target) +
               (indicator.target_for_whole_year ? " for the year" : "");
    return {};
}

std::string change_words(const Indicator& indicator, const Comparison& comparison) {
    auto change = comparison.change();
    if (!change)
        return {};
    Direction direction = comparison.direction();
    if (direction == Direction::same)
        return "no change";
    std::string size;
    if (indicator.unit == Unit::percentage)
        size =
            format_number(std::fabs(*change), indicator.display_decimals()) + " percentage points";
    else if (auto pct = comparison.change_pct())
        size = format_number(std::fabs(*pct), 1) + "%";
    else
        size = format_number(std::fabs(*change), indicator.display_decimals());
    return std::string(direction == Direction::up ? "a rise of " : "a fall of ") + size;
}

std::string target_phrase(const Indicator& indicator, std::optional<int> financial_year) {
    std::string figure = target_figure(indicator, financial_year);
    if (indicator.target_text.empty())
        return figure;
    return figure.empty() ? indicator.target_text : indicator.target_text + " (" + figure + ")";
}

} // namespace bp::data
