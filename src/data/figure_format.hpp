#pragma once
// Figures written for prose and tables: "1,769", "17.9%", "+273", and negatives with the sign
// core::format_number writes.
#include "data/indicator_calculations.hpp"
#include "data/indicators.hpp"

#include <optional>
#include <string>

namespace bp::data {

// A value in the indicator's unit: "1,769"; "17.9%"; "6.2" (a rate).
std::string format_value(const Indicator& indicator, double value);
// A signed difference: "+273", "0", or negative; for percentages in points: "+0.8 points".
std::string format_change(const Indicator& indicator, double change);
// A signed percentage change with one decimal place: "+26.1%", "0.0%", or negative.
std::string format_change_pct(double change_pct);
// The indicator's target as a figure: "169 for the year", "28.0% to 40.0%", "90.0%"; empty
// when it has no numeric target. With a financial year, that year's target (`targets`).
std::string target_figure(const Indicator& indicator,
                          std::optional<int> financial_year = std::nullopt);
// The change on last year in words, unsigned: "a fall of 8.1%", "a rise of 27.7%", "a rise of
// 1.2 percentage points" (percentages), "a fall of 12" (when last year was 0), "no change".
// Empty when there is no last-year figure.
std::string change_words(const Indicator& indicator, const Comparison& comparison);
// The target as every output shows it: the description with its figure in brackets
// ("Reduce arson (169 for the year)"), whichever of the two exists, or empty.
std::string target_phrase(const Indicator& indicator,
                          std::optional<int> financial_year = std::nullopt);
// "Down 2.4% on the same period last year (1,769 against 1,812)", or the nearest sentence the
// figures allow. No full stop.
std::string describe_change(const Indicator& indicator, const Comparison& comparison);

} // namespace bp::data
