#pragma once
// A meeting's page (agenda, downloads) and the pages of its papers.
#include "core/filesystem.hpp"
#include "site/page_frame.hpp"

namespace bp::site {

void write_meeting_pages(const SiteContext& context, const FileSystem& source_files,
                         const content::Board& board, const content::Meeting& meeting,
                         const content::PackSummary& pack, OutputTree& output);

// "Community Safety Partnership Board, 12 September 2017" when the meeting has no title.
std::string meeting_title(const content::Board& board, const content::Meeting& meeting);

// "PDF, 1.2 MB, 46 pages"
std::string download_detail(std::size_t bytes, int pages);

} // namespace bp::site
