#pragma once
// A page per performance indicator (its definition, charts over all its figures, the RAG it had
// at each meeting) with its figures as CSV, and an index of the board's indicators.
#include "data/financial_calendar.hpp"
#include "data/indicators.hpp"
#include "data/rag.hpp"
#include "site/page_frame.hpp"

#include <optional>
#include <string>

namespace bp::site {

// The indicator's figures as CSV: period, value, numerator, denominator, and for rates the rate
// itself. Gaps are empty cells; numbers are plain ("1769", "17.9"), never grouped.
std::string indicator_csv(const data::Indicator& indicator);

// The month of the indicator's last figure: the month itself, or for quarterly figures the last
// month of the quarter. Nothing when the indicator has no figures.
std::optional<data::YearMonth> last_covered_month(const data::Indicator& indicator);

// The year-to-date rating as at `as_at`; not rated when there are no figures for it.
data::RagRating indicator_rag_as_at(const data::Indicator& indicator,
                                    const data::FinancialCalendar& calendar, Date as_at);

// <board>/indicators/index.html, <board>/indicators/<id>.html and <id>.csv.
void write_indicator_pages(const SiteContext& context, const content::Board& board,
                           OutputTree& output);

} // namespace bp::site
