#pragma once
// Chart specifications built from indicator figures, each with a sentence describing what it
// shows, generated from the same figures (for screen readers and for readers in print).
#include "data/chart_spec.hpp"
#include "data/financial_calendar.hpp"
#include "data/indicators.hpp"

#include <string>
#include <vector>

namespace bp::data {

// This financial year against last, month by month in financial-year order (Apr–Mar);
// months after `data_month` are gaps. Quarterly indicators get quarter_totals_chart instead.
ChartSpec monthly_comparison_chart(const Indicator& indicator, const FinancialCalendar& calendar,
                                   YearMonth data_month);
// Q1–Q4: last year's four quarters against this year's quarters completed by `data_month`.
ChartSpec quarter_totals_chart(const Indicator& indicator, const FinancialCalendar& calendar,
                               YearMonth data_month);
// Every period up to `data_month`, with the target band (or target line) when there is one.
ChartSpec trend_chart(const Indicator& indicator, YearMonth data_month);
// Each indicator is a category: its year to date against the same period last year.
ChartSpec category_chart(const std::vector<const Indicator*>& indicators,
                         const FinancialCalendar& calendar, YearMonth data_month,
                         const std::string& id);
// The last `months` months (or 4·months/12 quarters) up to `data_month`, one series.
ChartSpec sparkline_chart(const Indicator& indicator, YearMonth data_month, int months = 12);

} // namespace bp::data
