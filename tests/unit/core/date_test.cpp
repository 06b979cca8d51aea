#include "core/date.hpp"

#include <doctest/doctest.h>

using bp::Date;
using bp::parse_date;

TEST_CASE("dates parse only in YYYY-MM-DD form and only when they exist") {
    CHECK(parse_date("2017-09-12") == Date{2017, 9, 12});
    CHECK(parse_date("2016-02-29") == Date{2016, 2, 29});
    CHECK_FALSE(parse_date("2017-02-29"));
    CHECK_FALSE(parse_date("2017-13-01"));
    CHECK_FALSE(parse_date("12/09/2017"));
    CHECK_FALSE(parse_date("2017-9-12"));
    CHECK_FALSE(parse_date(""));
}

TEST_CASE("dates know their weekday and long form") {
    Date meeting{2017, 9, 12};
    CHECK(meeting.weekday() == 1); // Tuesday
    CHECK(meeting.long_form() == "Tuesday 12 September 2017");
    CHECK(meeting.short_form() == "12 Sep 2017");
    CHECK(meeting.iso() == "2017-09-12");
}

TEST_CASE("an ISO date has four digits of year and two of month and day, whatever the date") {
    CHECK(Date{5, 1, 2}.iso() == "0005-01-02");
    CHECK(Date{999, 10, 31}.iso() == "0999-10-31");
    CHECK(Date{9999, 12, 9}.iso() == "9999-12-09");
    CHECK(Date{0, 0, 0}.iso() == "0000-00-00");
    // Beyond what a date can hold, as printf would write it.
    CHECK(Date{12345, 1, 1}.iso() == "12345-01-01");
    CHECK(Date{-1, 1, 1}.iso() == "-001-01-01");
}

TEST_CASE("day arithmetic round-trips across months, years and leap days") {
    Date start{2016, 2, 28};
    CHECK(start.plus_days(1) == Date{2016, 2, 29});
    CHECK(start.plus_days(2) == Date{2016, 3, 1});
    CHECK(Date{2017, 12, 31}.plus_days(1) == Date{2018, 1, 1});
    CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
    CHECK(Date{2018, 3, 13}.days_since_epoch() - Date{2017, 6, 13}.days_since_epoch() == 273);
}

TEST_CASE("times of day parse on the 24-hour clock and print on the 12-hour clock") {
    CHECK(bp::parse_time_minutes("14:00") == 840);
    CHECK_FALSE(bp::parse_time_minutes("24:00"));
    CHECK_FALSE(bp::parse_time_minutes("2pm"));
    CHECK(bp::format_time_12h(840) == "2:00 pm");
    CHECK(bp::format_time_12h(0) == "12:00 am");
    CHECK(bp::format_time_12h(12 * 60 + 30) == "12:30 pm");
}
