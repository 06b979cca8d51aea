#pragma once
// "Browse meetings": a month-by-month calendar of every board's meetings, newest month first,
// with the forward plan's later meetings marked provisional.
#include "site/page_frame.hpp"

namespace bp::site {

inline constexpr const char* meetings_calendar_path = "calendar/index.html";

void write_meetings_calendar(const SiteContext& context, OutputTree& output);

} // namespace bp::site
