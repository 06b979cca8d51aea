#include "site/feeds.hpp"

#include "core/build_clock.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cstdio>

namespace bp::site {

std::string xml_escape(const std::string& text) {
    return html_escape(sanitize_utf8(text));
}

void keep_newest(std::vector<FeedEntry>& entries) {
    keep_newest(entries,
                [](const FeedEntry& entry) -> const std::string& { return entry.updated; });
}

std::string atom_feed(const FeedInfo& feed, std::vector<FeedEntry> entries) {
    keep_newest(entries);
    std::string updated = "1970-01-01T00:00:00Z";
    for (const auto& entry : entries)
        updated = std::max(updated, entry.updated);
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    out += "  <title>" + xml_escape(feed.title) + "</title>\n";
    out += "  <id>" + xml_escape(feed.id) + "</id>\n";
    out += "  <updated>" + updated + "</updated>\n";
    out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(feed.site_url) +
           "\"/>\n";
    out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
           xml_escape(feed.self_url) + "\"/>\n";
    out += "  <author><name>" + xml_escape(feed.author) + "</name></author>\n";
    out += "  <generator>boardpack</generator>\n";
    for (const auto& entry : entries) {
        out += "  <entry>\n";
        out += "    <title>" + xml_escape(entry.title) + "</title>\n";
        out += "    <id>" + xml_escape(entry.id) + "</id>\n";
        out += "    <updated>" + entry.updated + "</updated>\n";
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(entry.url) +
               "\"/>\n";
        if (!entry.author.empty())
            out += "    <author><name>" + xml_escape(entry.author) + "</name></author>\n";
        if (!entry.summary.empty())
            out += "    <summary>" + xml_escape(entry.summary) + "</summary>\n";
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    return out;
}

std::string ics_escape(const std::string& text) {
    std::string out;
    for (char c : sanitize_utf8(text)) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string ics_fold(const std::string& line) {
    if (line.size() <= 75) // most lines: a calendar of an archive has tens of thousands
        return line;
    std::string out;
    std::size_t width = 0; // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        unsigned char lead = static_cast<unsigned char>(line[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
        length = std::min(length, line.size() - i);
        if (width + length > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line, i, length);
        width += length;
        i += length;
    }
    return out;
}

std::string ics_timestamp(long long seconds) {
    std::string iso = iso_timestamp(seconds); // 2017-09-12T00:00:00Z
    std::string out;
    for (char c : iso)
        if (c != '-' && c != ':')
            out += c;
    return out;
}

namespace {

std::string ics_date(const Date& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d", date.year, date.month, date.day);
    return buffer;
}

std::string ics_local_time(const Date& date, int minutes) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sT%02d%02d00", ics_date(date).c_str(), minutes / 60,
                  minutes % 60);
    return buffer;
}

void add_line(std::string& out, const std::string& line) {
    out += ics_fold(line) + "\r\n";
}

void add_event(std::string& out, const CalendarEvent& event, const std::string& dtstamp,
               const std::string& time_zone) {
    add_line(out, "BEGIN:VEVENT");
    add_line(out, "UID:" + event.uid);
    add_line(out, "DTSTAMP:" + dtstamp);
    if (event.start_minutes >= 0) {
        std::string zone = ";TZID=" + time_zone + ":";
        add_line(out, "DTSTART" + zone + ics_local_time(event.date, event.start_minutes));
        int end =
            event.end_minutes > event.start_minutes ? event.end_minutes : event.start_minutes + 120;
        add_line(out, "DTEND" + zone + ics_local_time(event.date, std::min(end, 23 * 60 + 59)));
    } else {
        add_line(out, "DTSTART;VALUE=DATE:" + ics_date(event.date));
        add_line(out, "DTEND;VALUE=DATE:" + ics_date(event.date.plus_days(1)));
    }
    add_line(out, "SUMMARY:" + ics_escape(event.summary));
    if (!event.location.empty())
        add_line(out, "LOCATION:" + ics_escape(event.location));
    if (!event.description.empty())
        add_line(out, "DESCRIPTION:" + ics_escape(event.description));
    if (!event.url.empty())
        add_line(out, "URL:" + ics_escape(event.url));
    add_line(out, std::string("STATUS:") + (event.cancelled   ? "CANCELLED"
                                            : event.tentative ? "TENTATIVE"
                                                              : "CONFIRMED"));
    add_line(out, "END:VEVENT");
}

} // namespace

std::string ics_calendar(const std::string& name, const std::string& dtstamp,
                         const std::vector<CalendarEvent>& events, const std::string& time_zone) {
    std::string out;
    add_line(out, "BEGIN:VCALENDAR");
    add_line(out, "VERSION:2.0");
    add_line(out, "PRODID:-//boardpack//boardpack//EN");
    add_line(out, "CALSCALE:GREGORIAN");
    add_line(out, "METHOD:PUBLISH");
    add_line(out, "X-WR-CALNAME:" + ics_escape(name));
    add_line(out, "X-WR-TIMEZONE:" + time_zone);
    for (const auto& line : vtimezone_lines(time_zone))
        add_line(out, line);
    for (const auto& event : events)
        add_event(out, event, dtstamp, time_zone);
    add_line(out, "END:VCALENDAR");
    return out;
}

std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& paths) {
    std::string base = base_url;
    if (!base.empty() && base.back() != '/')
        base += '/';
    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    // An archive's sitemap runs to a megabyte: sized once, not grown by copying.
    std::size_t bytes = out.size();
    for (const auto& path : paths)
        bytes += base.size() + path.size() + 30;
    out.reserve(bytes);
    for (const auto& path : paths)
        out.append("  <url><loc>").append(xml_escape(base + path)).append("</loc></url>\n");
    out += "</urlset>\n";
    return out;
}

} // namespace bp::site
