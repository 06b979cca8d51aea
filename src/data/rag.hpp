#pragma once
// Red/amber/green ratings (core/rag.hpp) from an indicator's polarity, target and tolerance.
#include "core/rag.hpp"
#include "data/indicator_calculations.hpp"
#include "data/indicators.hpp"

#include <string>

namespace bp::data {

struct RagRating {
    Rag status = Rag::none;
    std::string reason; // a short explanation: "down 2.4% on last year, within the 2.5% tolerance"
};

// An indicator's rating in words: rag_word, except "Monitoring" for grey (an indicator watched
// without a target) and "Not rated" for none.
const char* rag_label(Rag status);

// Rates a value (normally the year to date) by the indicator's rule:
// - monitoring: grey;
// - target-band: green inside [low, high], amber when outside by no more than `tolerance`% of
//   the nearer end, red otherwise;
// - a target with lower/higher-is-better: green when it is met, amber when missed by no more than
//   `tolerance`% of the target, red otherwise; a whole-year count target (target_period: year)
//   is first pro-rated to the months the figures cover;
// - no target: against the same period last year: green when better by more than `tolerance`%,
//   amber within ±`tolerance`% (or unchanged), red when worse by more.
// Not rated when the figures the rule needs are missing.
RagRating rate(const Indicator& indicator, const Comparison& figures);

// "better", "worse", "no change" or "" (unknown or monitoring), by the indicator's polarity.
std::string performance_word(const Indicator& indicator, Direction direction);

} // namespace bp::data
