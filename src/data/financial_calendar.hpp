#pragma once
// Months, financial years and quarters. A financial year starts in a configurable month
// (April in the UK) and is named for the calendar years it spans: "2017/18".
#include "core/date.hpp"

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::data {

struct YearMonth {
    int year = 0;
    int month = 0; // 1-12

    auto operator<=>(const YearMonth&) const = default;
    // Months since year 0, so that month arithmetic is plain integer arithmetic.
    int index() const { return year * 12 + (month - 1); }
    static YearMonth from_index(int index);
    YearMonth plus_months(int months) const { return from_index(index() + months); }
    std::string iso() const;         // "2017-04"
    std::string long_label() const;  // "April 2017"
    std::string short_label() const; // "Apr 2017"
    Date last_day() const;
};

YearMonth month_of(const Date& date);
// Accepts YYYY-MM only, with a month from 01 to 12.
std::optional<YearMonth> parse_year_month(std::string_view text);

// An inclusive run of months.
struct MonthRange {
    YearMonth first;
    YearMonth last;

    bool contains(YearMonth month) const { return first <= month && month <= last; }
    int months() const { return last.index() - first.index() + 1; }
    MonthRange shifted(int months) const {
        return {first.plus_months(months), last.plus_months(months)};
    }
    std::vector<YearMonth> each_month() const;
    // "April 2017 to January 2018", or "January 2018" for a single month.
    std::string label() const;
};

class FinancialCalendar {
  public:
    explicit FinancialCalendar(int start_month = 4);

    int start_month() const { return start_month_; }
    // A financial year is identified by the calendar year it starts in: 2017 for 2017/18.
    int year_of(YearMonth month) const;
    // "2017/18"; "2018" when the financial year is the calendar year.
    std::string year_label(int financial_year) const;
    MonthRange year(int financial_year) const;
    int year_of_date(const Date& date) const { return year_of(month_of(date)); }
    int quarter_of(YearMonth month) const; // 1-4
    int quarter_of_date(const Date& date) const { return quarter_of(month_of(date)); }
    MonthRange quarter(int financial_year, int quarter) const;
    // "April to June": the months of a quarter of any year.
    std::string quarter_months(int quarter) const;
    int position_in_year(YearMonth month) const; // 0 for the first month … 11
    // "Apr", "May", … in financial-year order.
    std::vector<std::string> month_abbreviations() const;

    // From the start of the financial year holding `as_at` up to and including it.
    MonthRange year_to_date(YearMonth as_at) const;
    static MonthRange same_period_last_year(MonthRange range) { return range.shifted(-12); }
    // The twelve months ending with `as_at`.
    static MonthRange rolling_twelve_months(YearMonth as_at) {
        return {as_at.plus_months(-11), as_at};
    }
    // Quarters of the year holding `as_at` that have ended by then (0-4 of them).
    int completed_quarters(YearMonth as_at) const;

  private:
    int start_month_;
};

} // namespace bp::data
