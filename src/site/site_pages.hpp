#pragma once
// The pages and files written once per site, after every meeting.
#include "core/filesystem.hpp"
#include "site/page_frame.hpp"

namespace bp::site {

void write_home_page(const SiteContext& context, OutputTree& output);
void write_board_pages(const SiteContext& context, OutputTree& output);
void write_archive_page(const SiteContext& context, OutputTree& output);
void write_search_page(const SiteContext& context, OutputTree& output);
void write_not_found_page(const SiteContext& context, OutputTree& output);
void write_feed(const SiteContext& context, OutputTree& output);
void write_calendars(const SiteContext& context, OutputTree& output);
// Lists every HTML page written so far, so it must run last.
void write_sitemap(const SiteContext& context, OutputTree& output);

// The "now" that output may depend on: SOURCE_DATE_EPOCH, else the latest meeting date in the
// site, so that two builds of the same input agree.
long long build_timestamp(const content::Site& site);

} // namespace bp::site
