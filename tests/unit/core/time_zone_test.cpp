#include "core/time_zone.hpp"

#include <doctest/doctest.h>

using namespace bp;

TEST_CASE("Europe/London is GMT, and BST from the last Sunday of March to that of October") {
    std::vector<std::string> expected = {"BEGIN:VTIMEZONE",
                                         "TZID:Europe/London",
                                         "BEGIN:DAYLIGHT",
                                         "TZOFFSETFROM:+0000",
                                         "TZOFFSETTO:+0100",
                                         "TZNAME:BST",
                                         "DTSTART:19810329T010000",
                                         "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                                         "END:DAYLIGHT",
                                         "BEGIN:STANDARD",
                                         "TZOFFSETFROM:+0100",
                                         "TZOFFSETTO:+0000",
                                         "TZNAME:GMT",
                                         "DTSTART:19961027T020000",
                                         "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                                         "END:STANDARD",
                                         "END:VTIMEZONE"};
    CHECK(vtimezone_lines("Europe/London") == expected);
    CHECK(std::string(default_time_zone) == "Europe/London");
}

TEST_CASE("central European zones change at the same instant, an hour later by the clock") {
    auto lines = vtimezone_lines("Europe/Berlin");
    REQUIRE(lines.size() == 17);
    CHECK(lines[1] == "TZID:Europe/Berlin");
    CHECK(lines[4] == "TZOFFSETTO:+0200");
    CHECK(lines[6] == "DTSTART:19810329T020000");
    CHECK(lines[13] == "DTSTART:19961027T030000");
}

TEST_CASE("UTC has one offset and no summer time") {
    auto lines = vtimezone_lines("UTC");
    CHECK(lines == std::vector<std::string>{"BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD",
                                            "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "TZNAME:UTC",
                                            "DTSTART:19700101T000000", "END:STANDARD",
                                            "END:VTIMEZONE"});
}

TEST_CASE("a zone whose rules are not written out is not known") {
    CHECK(vtimezone_lines("America/New_York").empty());
    CHECK(vtimezone_lines("europe/london").empty());
    CHECK_FALSE(is_known_time_zone("Mars/Olympus"));
    CHECK(is_known_time_zone("Europe/Dublin"));
    CHECK(known_time_zones().find("Europe/London, Europe/Dublin") == 0);
}
