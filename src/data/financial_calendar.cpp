#include "data/financial_calendar.hpp"

#include <cstdio>

namespace bp::data {

YearMonth YearMonth::from_index(int index) {
    int year = index >= 0 ? index / 12 : -((-index + 11) / 12);
    return {year, index - year * 12 + 1};
}

std::string YearMonth::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return buffer;
}

std::string YearMonth::long_label() const {
    return std::string(month_name(month)) + " " + std::to_string(year);
}

std::string YearMonth::short_label() const {
    return std::string(month_abbreviation(month)) + " " + std::to_string(year);
}

Date YearMonth::last_day() const {
    return {year, month, days_in_month(year, month)};
}

YearMonth month_of(const Date& date) {
    return {date.year, date.month};
}

std::optional<YearMonth> parse_year_month(std::string_view text) {
    if (text.size() != 7 || text[4] != '-')
        return std::nullopt;
    int year = 0;
    int month = 0;
    for (int i = 0; i < 7; ++i) {
        if (i == 4)
            continue;
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        int digit = text[i] - '0';
        if (i < 4)
            year = year * 10 + digit;
        else
            month = month * 10 + digit;
    }
    if (month < 1 || month > 12 || year < 1)
        return std::nullopt;
    return YearMonth{year, month};
}

std::vector<YearMonth> MonthRange::each_month() const {
    std::vector<YearMonth> out;
    for (int i = first.index(); i <= last.index(); ++i)
        out.push_back(YearMonth::from_index(i));
    return out;
}

std::string MonthRange::label() const {
    if (first == last)
        return first.long_label();
    return first.long_label() + " to " + last.long_label();
}

FinancialCalendar::FinancialCalendar(int start_month)
    : start_month_(start_month >= 1 && start_month <= 12 ? start_month : 4) {}

int FinancialCalendar::year_of(YearMonth month) const {
    return month.month >= start_month_ ? month.year : month.year - 1;
}

std::string FinancialCalendar::year_label(int financial_year) const {
    if (start_month_ == 1)
        return std::to_string(financial_year);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%d/%02d", financial_year, (financial_year + 1) % 100);
    return buffer;
}

MonthRange FinancialCalendar::year(int financial_year) const {
    YearMonth first{financial_year, start_month_};
    return {first, first.plus_months(11)};
}

int FinancialCalendar::position_in_year(YearMonth month) const {
    return (month.month - start_month_ + 12) % 12;
}

int FinancialCalendar::quarter_of(YearMonth month) const {
    return position_in_year(month) / 3 + 1;
}

MonthRange FinancialCalendar::quarter(int financial_year, int quarter) const {
    YearMonth first = YearMonth{financial_year, start_month_}.plus_months((quarter - 1) * 3);
    return {first, first.plus_months(2)};
}

std::string FinancialCalendar::quarter_months(int quarter) const {
    MonthRange months = this->quarter(0, quarter);
    return std::string(month_name(months.first.month)) + " to " + month_name(months.last.month);
}

std::vector<std::string> FinancialCalendar::month_abbreviations() const {
    std::vector<std::string> out;
    for (int i = 0; i < 12; ++i)
        out.push_back(month_abbreviation((start_month_ - 1 + i) % 12 + 1));
    return out;
}

MonthRange FinancialCalendar::year_to_date(YearMonth as_at) const {
    return {YearMonth{year_of(as_at), start_month_}, as_at};
}

int FinancialCalendar::completed_quarters(YearMonth as_at) const {
    return (position_in_year(as_at) + 1) / 3;
}

} // namespace bp::data
