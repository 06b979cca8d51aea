#include "core/date.hpp"

#include <array>
#include <cstdio>

namespace bp {

namespace {
constexpr std::array<const char*, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> weekday_names = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                      "Friday", "Saturday", "Sunday"};

bool all_digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return !text.empty();
}

int to_int(std::string_view text) {
    int value = 0;
    for (char c : text)
        value = value * 10 + (c - '0');
    return value;
}
} // namespace

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

bool Date::valid() const {
    return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

// Howard Hinnant's days-from-civil algorithm.
long Date::days_since_epoch() const {
    int y = year - (month <= 2 ? 1 : 0);
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = static_cast<unsigned>(y - era * 400);
    unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
    unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days_since_epoch(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = static_cast<unsigned>(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = static_cast<long>(yoe) + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int Date::weekday() const {
    long days = days_since_epoch(); // 1970-01-01 was a Thursday (3)
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string Date::iso() const {
    // Asked for every entry of every feed, page and index: digits put in place, not formatted.
    if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
        return buffer;
    }
    auto digit = [](int value) { return static_cast<char>('0' + value % 10); };
    return {digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            '-',
            digit(month / 10),
            digit(month),
            '-',
            digit(day / 10),
            digit(day)};
}

std::string Date::medium_form() const {
    return std::to_string(day) + " " + month_name(month) + " " + std::to_string(year);
}

std::string Date::long_form() const {
    return std::string(weekday_name(weekday())) + " " + medium_form();
}

std::string Date::short_form() const {
    return std::to_string(day) + " " + month_abbreviation(month) + " " + std::to_string(year);
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d))
        return std::nullopt;
    Date date{to_int(y), to_int(m), to_int(d)};
    if (!date.valid())
        return std::nullopt;
    return date;
}

const char* month_name(int month) {
    return month >= 1 && month <= 12 ? month_names[month - 1] : "";
}

const char* month_abbreviation(int month) {
    static constexpr std::array<const char*, 12> abbreviations = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return month >= 1 && month <= 12 ? abbreviations[month - 1] : "";
}

const char* weekday_name(int weekday) {
    return weekday >= 0 && weekday <= 6 ? weekday_names[weekday] : "";
}

std::optional<int> parse_time_minutes(std::string_view text) {
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    auto h = text.substr(0, 2), m = text.substr(3, 2);
    if (!all_digits(h) || !all_digits(m))
        return std::nullopt;
    int hours = to_int(h), minutes = to_int(m);
    if (hours > 23 || minutes > 59)
        return std::nullopt;
    return hours * 60 + minutes;
}

std::string format_time_12h(int minutes_since_midnight) {
    int hours = minutes_since_midnight / 60, minutes = minutes_since_midnight % 60;
    int display = hours % 12 == 0 ? 12 : hours % 12;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%d:%02d %s", display, minutes, hours < 12 ? "am" : "pm");
    return buffer;
}

} // namespace bp
