#include "site/feeds.hpp"
#include "site/site_paths.hpp"

#include <doctest/doctest.h>

using namespace bp;

TEST_CASE("iCalendar text is escaped and long lines fold at 75 octets") {
    CHECK(site::ics_escape("Room 2, Civic Centre; Quay St\\\nHB1") ==
          "Room 2\\, Civic Centre\\; Quay St\\\\\\nHB1");
    std::string line = "SUMMARY:" + std::string(100, 'x');
    std::string folded = site::ics_fold(line);
    CHECK(folded.substr(0, 75) == line.substr(0, 75));
    CHECK(folded.substr(75, 3) == "\r\n ");
    CHECK(folded.substr(78) == line.substr(75));
}

TEST_CASE("folding never splits a UTF-8 character") {
    // 73 ASCII octets, then a three-octet en dash that would straddle the limit.
    std::string line = std::string(73, 'a') + "\xE2\x80\x93" + "b";
    std::string folded = site::ics_fold(line);
    CHECK(folded == std::string(73, 'a') + "\r\n \xE2\x80\x93" + "b");
}

TEST_CASE("a calendar has CRLF lines, a fixed stamp and all-day events when no time is set") {
    site::CalendarEvent event;
    event.uid = "csp-2017-09-12@example";
    event.date = {2017, 9, 12};
    event.summary = "Board";
    std::string ics = site::ics_calendar("CSP", site::ics_timestamp(1500000000), {event});
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK(ics.find("DTSTAMP:20170714T024000Z\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;VALUE=DATE:20170912\r\nDTEND;VALUE=DATE:20170913\r\n") !=
          std::string::npos);
    CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
}

TEST_CASE("the Atom feed escapes text and takes its date from the newest entry") {
    site::FeedInfo info{"Papers & packs", "urn:x:feed", "https://e/", "https://e/feed.xml",
                        "Council"};
    std::string feed = site::atom_feed(
        info, {{"urn:x:1", "Old <one>", "https://e/1.html", "2017-06-01T00:00:00Z", "", ""},
               {"urn:x:2", "New", "https://e/2.html", "2017-09-01T00:00:00Z", "A & B", "Ann"}});
    CHECK(feed.find("<title>Papers &amp; packs</title>") != std::string::npos);
    CHECK(feed.find("<title>Old &lt;one&gt;</title>") != std::string::npos);
    CHECK(feed.find("  <updated>2017-09-01T00:00:00Z</updated>\n  <link") != std::string::npos);
    CHECK(feed.find("<summary>A &amp; B</summary>") != std::string::npos);
}

TEST_CASE("sizes and times read the way people write them") {
    CHECK(site::format_bytes(1234567) == "1.2 MB");
    CHECK(site::format_bytes(45000) == "45 KB");
    CHECK(site::format_bytes(900) == "900 bytes");
    CHECK(site::format_time_range(14 * 60, 16 * 60 + 30) == "2:00 pm to 4:30 pm");
    CHECK(site::format_time_range(-1, 60) == "");
    CHECK(site::root_prefix("csp/2017-09-12/index.html") == "../../");
    CHECK(site::root_prefix("index.html") == "");
}

TEST_CASE("Atom entries come newest first whatever order they are given in") {
    site::FeedInfo info{"Papers", "urn:x:feed", "https://e/", "https://e/feed.xml", "Council"};
    std::string feed = site::atom_feed(
        info, {{"urn:x:1", "Oldest", "https://e/1.html", "2017-06-01T00:00:00Z", "", ""},
               {"urn:x:3", "Newest", "https://e/3.html", "2018-03-01T00:00:00Z", "", ""},
               {"urn:x:2", "Middle", "https://e/2.html", "2017-09-01T00:00:00Z", "", ""}});
    auto newest = feed.find("<title>Newest</title>");
    auto middle = feed.find("<title>Middle</title>");
    auto oldest = feed.find("<title>Oldest</title>");
    CHECK(newest < middle);
    CHECK(middle < oldest);
    CHECK(oldest != std::string::npos);
}

TEST_CASE("a feed holds the newest papers only, never splitting a day's") {
    site::FeedInfo info{"Papers", "urn:x:feed", "https://e/", "https://e/feed.xml", "Council"};
    std::vector<site::FeedEntry> entries;
    // 30 meetings of 10 papers, the 1st to the 30th of June: 300 entries, oldest first.
    for (int day = 1; day <= 30; ++day)
        for (int paper = 0; paper < 10; ++paper) {
            std::string date = "2017-06-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
            std::string id = date + "-" + std::to_string(paper);
            entries.push_back({"urn:x:" + id, "Paper " + id, "https://e/" + id + ".html",
                               date + "T00:00:00Z", "", ""});
        }
    // A 31st paper on the day where the limit falls: the newest 200 end mid-way through the
    // 11th; the 11th's papers all stay, the 10th's go.
    entries.push_back({"urn:x:extra", "Extra", "https://e/x.html", "2017-06-11T00:00:00Z", "", ""});
    // Trimmed part-way, as the site's pages do while they list the papers, the feed is the same.
    std::vector<site::FeedEntry> trimmed(entries.begin(), entries.begin() + 250);
    site::keep_newest(trimmed);
    trimmed.insert(trimmed.end(), entries.begin() + 250, entries.end());
    CHECK(site::atom_feed(info, trimmed) == site::atom_feed(info, entries));
    std::string feed = site::atom_feed(info, entries);
    std::size_t count = 0;
    for (auto at = feed.find("<entry>"); at != std::string::npos; at = feed.find("<entry>", at + 1))
        ++count;
    CHECK(count == 201);
    CHECK(site::feed_entry_limit == 200);
    CHECK(feed.find("urn:x:2017-06-30-0") != std::string::npos);
    CHECK(feed.find("urn:x:2017-06-11-9") != std::string::npos);
    CHECK(feed.find("urn:x:extra") != std::string::npos);
    CHECK(feed.find("urn:x:2017-06-10-") == std::string::npos);
    CHECK(feed.find("  <updated>2017-06-30T00:00:00Z</updated>") != std::string::npos);
}

TEST_CASE("a calendar in another zone names it and carries that zone's rules") {
    site::CalendarEvent held;
    held.uid = "held@example";
    held.date = {2017, 6, 13};
    held.start_minutes = 10 * 60;
    held.summary = "Board";
    std::string ics =
        site::ics_calendar("CSP", site::ics_timestamp(1500000000), {held}, "Europe/Paris");
    CHECK(ics.find("X-WR-TIMEZONE:Europe/Paris\r\n") != std::string::npos);
    CHECK(ics.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n") != std::string::npos);
    CHECK(ics.find("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n") !=
          std::string::npos);
    CHECK(ics.find("DTSTART;TZID=Europe/Paris:20170613T100000\r\n") != std::string::npos);
    CHECK(ics.find("Europe/London") == std::string::npos);
}

TEST_CASE("calendar times carry Europe/London with its VTIMEZONE, planned meetings are tentative") {
    site::CalendarEvent held;
    held.uid = "held@example";
    held.date = {2017, 6, 13};
    held.start_minutes = 14 * 60;
    held.end_minutes = 16 * 60;
    held.summary = "Board";
    held.description = "Agenda:\n1. Welcome";
    site::CalendarEvent planned = held;
    planned.uid = "planned@example";
    planned.date = {2018, 12, 11};
    planned.tentative = true;
    std::string ics = site::ics_calendar("CSP", site::ics_timestamp(1500000000), {held, planned});
    CHECK(ics.find("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n") != std::string::npos);
    CHECK(ics.find("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n") != std::string::npos);
    CHECK(ics.find("TZOFFSETTO:+0100\r\nTZNAME:BST") != std::string::npos);
    CHECK(ics.find("DTSTART;TZID=Europe/London:20170613T140000\r\n") != std::string::npos);
    CHECK(ics.find("DESCRIPTION:Agenda:\\n1. Welcome\r\n") != std::string::npos);
    CHECK(ics.find("UID:planned@example") < ics.find("STATUS:TENTATIVE"));
    CHECK(ics.find("STATUS:TENTATIVE") != std::string::npos);
    // The zone is declared before any event uses it.
    CHECK(ics.find("END:VTIMEZONE") < ics.find("BEGIN:VEVENT"));
}
