#pragma once
// Calendar dates without time zones: meetings, due dates and data periods are all whole days.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace bp {

struct Date {
    int year = 0;
    int month = 0; // 1-12
    int day = 0;   // 1-31

    auto operator<=>(const Date&) const = default;
    bool valid() const;
    // Days since 1970-01-01; lets callers subtract dates and add days.
    long days_since_epoch() const;
    static Date from_days_since_epoch(long days);
    Date plus_days(long days) const { return from_days_since_epoch(days_since_epoch() + days); }
    int weekday() const; // 0 = Monday … 6 = Sunday

    std::string iso() const;         // 2017-09-12
    std::string long_form() const;   // Tuesday 12 September 2017
    std::string medium_form() const; // 12 September 2017
    std::string short_form() const;  // 12 Sep 2017
};

// Accepts YYYY-MM-DD only; returns nothing for anything else, including 2017-02-30.
std::optional<Date> parse_date(std::string_view text);
bool is_leap_year(int year);
int days_in_month(int year, int month);
const char* month_name(int month);         // "September"
const char* month_abbreviation(int month); // "Sep"
const char* weekday_name(int weekday);     // "Tuesday"

// Times of day as "HH:MM" (24-hour); formats as "2:00 pm".
std::optional<int> parse_time_minutes(std::string_view text);
std::string format_time_12h(int minutes_since_midnight);

} // namespace bp
