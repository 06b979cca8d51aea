#include "data/financial_calendar.hpp"

#include <doctest/doctest.h>

using namespace bp::data;

TEST_CASE("calendar: April start labels, quarters and year to date") {
    FinancialCalendar calendar(4);
    YearMonth january{2018, 1};
    CHECK(calendar.year_of(january) == 2017);
    CHECK(calendar.year_of({2017, 4}) == 2017);
    CHECK(calendar.year_of({2017, 3}) == 2016);
    CHECK(calendar.year_label(2017) == "2017/18");
    CHECK(calendar.year_label(1999) == "1999/00");
    CHECK(calendar.quarter_of({2017, 4}) == 1);
    CHECK(calendar.quarter_of({2017, 9}) == 2);
    CHECK(calendar.quarter_of({2017, 12}) == 3);
    CHECK(calendar.quarter_of(january) == 4);
    MonthRange q3 = calendar.quarter(2017, 3);
    CHECK(q3.first == YearMonth{2017, 10});
    CHECK(q3.last == YearMonth{2017, 12});
    MonthRange ytd = calendar.year_to_date(january);
    CHECK(ytd.first == YearMonth{2017, 4});
    CHECK(ytd.last == january);
    CHECK(ytd.months() == 10);
    CHECK(ytd.label() == "April 2017 to January 2018");
    MonthRange last = FinancialCalendar::same_period_last_year(ytd);
    CHECK(last.first == YearMonth{2016, 4});
    CHECK(last.last == YearMonth{2017, 1});
    MonthRange rolling = FinancialCalendar::rolling_twelve_months(january);
    CHECK(rolling.first == YearMonth{2017, 2});
    CHECK(rolling.months() == 12);
    CHECK(calendar.completed_quarters(january) == 3);
    CHECK(calendar.completed_quarters({2017, 4}) == 0);
    CHECK(calendar.completed_quarters({2018, 3}) == 4);
    CHECK(calendar.month_abbreviations().front() == "Apr");
    CHECK(calendar.month_abbreviations().back() == "Mar");
}

TEST_CASE("calendar: January start is the calendar year") {
    FinancialCalendar calendar(1);
    CHECK(calendar.year_of({2018, 1}) == 2018);
    CHECK(calendar.year_of({2018, 12}) == 2018);
    CHECK(calendar.year_label(2018) == "2018");
    CHECK(calendar.quarter_of({2018, 3}) == 1);
    CHECK(calendar.quarter_of({2018, 4}) == 2);
    CHECK(calendar.quarter_of({2018, 12}) == 4);
    MonthRange ytd = calendar.year_to_date({2018, 5});
    CHECK(ytd.first == YearMonth{2018, 1});
    CHECK(ytd.months() == 5);
    CHECK(calendar.year(2018).last == YearMonth{2018, 12});
    CHECK(calendar.month_abbreviations().front() == "Jan");
}

TEST_CASE("calendar: an invalid start month falls back to April") {
    CHECK(FinancialCalendar(13).start_month() == 4);
    CHECK(FinancialCalendar(0).start_month() == 4);
}

TEST_CASE("calendar: periods") {
    CHECK(parse_year_month("2017-04") == YearMonth{2017, 4});
    CHECK_FALSE(parse_year_month("2017-13").has_value());
    CHECK_FALSE(parse_year_month("2017-4").has_value());
    CHECK_FALSE(parse_year_month("2017/04").has_value());
    CHECK_FALSE(parse_year_month("2017-04-01").has_value());
    CHECK(YearMonth{2017, 11}.plus_months(3) == YearMonth{2018, 2});
    CHECK(YearMonth{2018, 2}.plus_months(-14) == YearMonth{2016, 12});
    CHECK(YearMonth{2017, 4}.iso() == "2017-04");
    CHECK(YearMonth{2018, 1}.long_label() == "January 2018");
    CHECK(YearMonth{2016, 2}.last_day() == bp::Date{2016, 2, 29});
    CHECK(month_of(bp::Date{2018, 1, 31}) == YearMonth{2018, 1});
}

TEST_CASE("calendar: dates fall in the financial year and quarter of their month") {
    FinancialCalendar april(4);
    CHECK(april.year_of_date(bp::Date{2018, 3, 31}) == 2017);
    CHECK(april.year_of_date(bp::Date{2018, 4, 1}) == 2018);
    CHECK(april.quarter_of_date(bp::Date{2017, 9, 12}) == 2);
    CHECK(april.quarter_of_date(bp::Date{2018, 1, 9}) == 4);
    CHECK(april.quarter_months(1) == "April to June");
    CHECK(april.quarter_months(4) == "January to March");
    FinancialCalendar october(10);
    CHECK(october.quarter_months(2) == "January to March");
    CHECK(october.quarter_months(4) == "July to September");
}
