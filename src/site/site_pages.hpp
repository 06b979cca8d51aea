#pragma once
// The pages and files written once per site, after every meeting, and once per board.
#include "core/filesystem.hpp"
#include "site/page_frame.hpp"

namespace bp::site {

void write_home_page(const SiteContext& context, OutputTree& output);
void write_archive_page(const SiteContext& context, OutputTree& output);
void write_search_page(const SiteContext& context, OutputTree& output);
void write_not_found_page(const SiteContext& context, OutputTree& output);
// The newest papers of every board (feed.xml).
void write_site_feed(const SiteContext& context, OutputTree& output);

// A board's own page, its papers' feed and its meetings' calendar: made from the board, its
// meetings and the site's settings, and (the calendar's time stamp) build_timestamp().
void write_board_page(const SiteContext& context, const content::Board& board, OutputTree& output);
void write_board_feed(const SiteContext& context, const content::Board& board, OutputTree& output);
void write_board_calendar(const SiteContext& context, const content::Board& board,
                          OutputTree& output);
// Lists every HTML page written so far, so it must run last.
void write_sitemap(const SiteContext& context, OutputTree& output);

// The "now" that output may depend on: SOURCE_DATE_EPOCH, else the latest meeting date in the
// site, so that two builds of the same input agree.
long long build_timestamp(const content::Site& site);

} // namespace bp::site
