#pragma once
// Red/amber/green ratings (core/rag.hpp) from an indicator's rule: its polarity, target and
// tolerance, or the ordered thresholds of its `rag:` block, on the basis that block names.
#include "core/rag.hpp"
#include "data/indicator_calculations.hpp"
#include "data/indicators.hpp"

#include <optional>
#include <string>

namespace bp::data {

struct RagRating {
    Rag status = Rag::none;
    std::string reason; // a short explanation: "down 2.4% on the same period last year, within
                        // the 2.5% tolerance"
    // What was rated, kept as figures so that a record of the pack can show its working.
    RagBasis basis = RagBasis::fytd_vs_last_year;
    Comparison figures;                // the period rated, its value and last year's
    std::optional<double> target;      // the target held to (pro-rated where it is)
    std::optional<RagMeasure> measure; // the quantity a threshold rule tested
    std::optional<double> exact;       // that quantity unrounded
    std::optional<double> rated;       // the quantity the thresholds were applied to
};

// An indicator's rating in words: rag_word, except "Monitoring" for grey (an indicator watched
// without a target) and "Not rated" for none.
const char* rag_label(Rag status);

// Rates the figures the indicator's basis names (the year to date unless its `rag:` says
// otherwise):
// - monitoring: grey;
// - ordered thresholds (`rag: rules:`): the first rule whose condition holds gives the rating,
//   else `otherwise`. A condition tests change_pct (the change as a % of last year's figure,
//   or of the target for basis against_target), change, or value. By default the quantity is
//   first rounded as it is published — change_pct to 1 decimal, change and value to the
//   indicator's decimals — so that a table showing −5.0% is rated as −5.0%; `rounding: exact`
//   rates the unrounded figure. The reason says which.
// - target-band: green inside [low, high], amber when outside by no more than `tolerance`% of
//   the nearer end, red otherwise;
// - a target (the year's from `targets`, else `target`) with lower/higher-is-better: green when
//   it is met, amber when missed by no more than `tolerance`% of the target, red otherwise; a
//   whole-year count target (target_period: year) is first pro-rated to the months covered;
// - no target: against the same period last year: green when better by more than `tolerance`%,
//   amber within ±`tolerance`% (or unchanged), red when worse by more.
// Not rated when the figures the rule needs are missing.
RagRating rate(const Indicator& indicator, const IndicatorFigures& figures);

// Rates one comparison by the indicator's rule as though it were the basis's figures.
RagRating rate(const Indicator& indicator, const Comparison& figures);

// The figures the indicator's basis rates; nothing when they do not exist (a latest quarter
// before any figures).
std::optional<Comparison> basis_figures(const Indicator& indicator,
                                        const IndicatorFigures& figures);

// "year to date", "latest month", "rolling 12 months", "latest quarter", "year to date against
// target".
std::string basis_words(const Indicator& indicator);

// The indicator's `rag:` rule in words, or "" when it has none: "latest month: green when
// change_pct <= –5; amber when change_pct <= 0; otherwise red (rated as published)", or
// "rated on the latest month" for a basis alone.
std::string rule_words(const Indicator& indicator);

// "better", "worse", "no change" or "" (unknown or monitoring), by the indicator's polarity.
std::string performance_word(const Indicator& indicator, Direction direction);

} // namespace bp::data
