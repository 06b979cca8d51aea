#pragma once
// The time zones a calendar can describe. Meeting times are local times; a calendar names their
// zone and carries its rules (a VTIMEZONE), or Outlook and Google move every meeting by the
// reader's offset. Only zones whose rules are written out here may be named in site.yaml.
#include <string>
#include <string_view>
#include <vector>

namespace bp {

// UK boards meet on UK time.
inline constexpr const char* default_time_zone = "Europe/London";

// The RFC 5545 lines from BEGIN:VTIMEZONE to END:VTIMEZONE for `zone`; empty when the zone's
// rules are not known.
std::vector<std::string> vtimezone_lines(std::string_view zone);
bool is_known_time_zone(std::string_view zone);
// "Europe/London, Europe/Dublin, …": the zones that may be named, for hints.
std::string known_time_zones();

} // namespace bp
