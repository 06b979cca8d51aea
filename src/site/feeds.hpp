#pragma once
// Machine-readable views of the site: an Atom feed of papers, iCalendar files of meetings and a
// sitemap. Each takes plain entries so it can be checked on its own.
#include "core/date.hpp"
#include "core/time_zone.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace bp::site {

struct FeedEntry {
    std::string id; // a stable IRI
    std::string title;
    std::string url;     // absolute when the site has a base URL, else relative to the feed
    std::string updated; // RFC 3339: "2017-09-01T00:00:00Z"
    std::string summary;
    std::string author;
};

struct FeedInfo {
    std::string title;
    std::string id;
    std::string site_url;
    std::string self_url;
    std::string author; // the organisation, for entries without their own author
};

// A feed is for what is new: it holds the newest entries only, so it stays small however long
// the archive grows (the archive pages list every paper; a feed of 12,800 papers ran to
// 5.7 MB, fetched again by every reader at every poll).
constexpr std::size_t feed_entry_limit = 200;

// Sorts entries newest first by <updated>, entries of the same date in the order given (agenda
// order), and keeps the newest feed_entry_limit and any more of the same date as the last of
// them, so one day's papers are never split. Entries added later and trimmed again give the
// same feed as trimming once: what is dropped is older than what is kept. `updated` gives an
// entry's date as text, so a feed's candidates can be trimmed before their entries are made.
template <typename Entry, typename Updated>
void keep_newest(std::vector<Entry>& entries, Updated updated) {
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const Entry& a, const Entry& b) { return updated(a) > updated(b); });
    if (entries.size() <= feed_entry_limit)
        return;
    const std::string last = updated(entries[feed_entry_limit - 1]);
    auto cut = std::find_if(entries.begin() + feed_entry_limit, entries.end(),
                            [&](const Entry& entry) { return updated(entry) != last; });
    entries.erase(cut, entries.end());
}
void keep_newest(std::vector<FeedEntry>& entries);

// The entries kept by keep_newest, newest first. The feed's <updated> is the latest entry's.
std::string atom_feed(const FeedInfo& feed, std::vector<FeedEntry> entries);

struct CalendarEvent {
    std::string uid;
    Date date;
    int start_minutes = -1; // -1: an all-day event
    int end_minutes = -1;
    std::string summary;
    std::string location;
    std::string description;
    std::string url;
    bool cancelled = false;
    bool tentative = false; // a meeting the forward plan expects, not yet on the calendar
};

// RFC 5545: CRLF line ends, lines folded at 75 octets, text escaped. `dtstamp` is
// "YYYYMMDDTHHMMSSZ"; times carry TZID=`time_zone` (site.yaml's `timezone`, one that
// core/time_zone knows) and the calendar holds its VTIMEZONE.
std::string ics_calendar(const std::string& name, const std::string& dtstamp,
                         const std::vector<CalendarEvent>& events,
                         const std::string& time_zone = default_time_zone);
std::string ics_escape(const std::string& text);
// Folds one content line (without its CRLF) into lines of at most 75 octets, never inside a
// UTF-8 sequence.
std::string ics_fold(const std::string& line);
// "20170912T000000Z" from seconds since 1970.
std::string ics_timestamp(long long seconds);

// <urlset> of base_url + each path.
std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& paths);

// Escapes text for XML content and attributes.
std::string xml_escape(const std::string& text);

} // namespace bp::site
