#include "core/time_zone.hpp"

namespace bp {
namespace {

// A zone that follows the European Union's rule (in force since 1996): summer time from 01:00
// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. The DTSTARTs are
// those instants in local time before each change. A zone without `summer_name` keeps one offset.
struct ZoneRules {
    const char* name;
    const char* winter_name;
    const char* winter_offset;
    const char* summer_name = nullptr;
    const char* summer_offset = nullptr;
    const char* summer_starts = nullptr;
    const char* winter_starts = nullptr;
};

constexpr ZoneRules zones[] = {
    {"Europe/London", "GMT", "+0000", "BST", "+0100", "19810329T010000", "19961027T020000"},
    {"Europe/Dublin", "GMT", "+0000", "IST", "+0100", "19810329T010000", "19961027T020000"},
    {"Europe/Lisbon", "WET", "+0000", "WEST", "+0100", "19810329T010000", "19961027T020000"},
    {"Europe/Paris", "CET", "+0100", "CEST", "+0200", "19810329T020000", "19961027T030000"},
    {"Europe/Brussels", "CET", "+0100", "CEST", "+0200", "19810329T020000", "19961027T030000"},
    {"Europe/Amsterdam", "CET", "+0100", "CEST", "+0200", "19810329T020000", "19961027T030000"},
    {"Europe/Berlin", "CET", "+0100", "CEST", "+0200", "19810329T020000", "19961027T030000"},
    {"UTC", "UTC", "+0000"},
};

const ZoneRules* find_zone(std::string_view name) {
    for (const auto& zone : zones)
        if (name == zone.name)
            return &zone;
    return nullptr;
}

} // namespace

std::vector<std::string> vtimezone_lines(std::string_view name) {
    const ZoneRules* zone = find_zone(name);
    if (!zone)
        return {};
    std::vector<std::string> lines = {"BEGIN:VTIMEZONE", std::string("TZID:") + zone->name};
    if (!zone->summer_name) {
        lines.insert(lines.end(),
                     {"BEGIN:STANDARD", "TZOFFSETFROM:" + std::string(zone->winter_offset),
                      "TZOFFSETTO:" + std::string(zone->winter_offset),
                      "TZNAME:" + std::string(zone->winter_name), "DTSTART:19700101T000000",
                      "END:STANDARD", "END:VTIMEZONE"});
        return lines;
    }
    lines.insert(
        lines.end(),
        {"BEGIN:DAYLIGHT", "TZOFFSETFROM:" + std::string(zone->winter_offset),
         "TZOFFSETTO:" + std::string(zone->summer_offset),
         "TZNAME:" + std::string(zone->summer_name), "DTSTART:" + std::string(zone->summer_starts),
         "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD",
         "TZOFFSETFROM:" + std::string(zone->summer_offset),
         "TZOFFSETTO:" + std::string(zone->winter_offset),
         "TZNAME:" + std::string(zone->winter_name), "DTSTART:" + std::string(zone->winter_starts),
         "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"});
    return lines;
}

bool is_known_time_zone(std::string_view zone) {
    return find_zone(zone) != nullptr;
}

std::string known_time_zones() {
    std::string names;
    for (const auto& zone : zones)
        names += (names.empty() ? "" : ", ") + std::string(zone.name);
    return names;
}

} // namespace bp
