#include "site/site_paths.hpp"

#include "content/audience.hpp"
#include "core/text.hpp"

#include <cstdio>

namespace bp::site {

std::string board_dir(const content::Board& board) {
    return board.slug;
}

std::string meeting_dir(const content::Board& board, const content::Meeting& meeting) {
    return board.slug + "/" + meeting.slug;
}

std::string paper_file(const content::AgendaItem& item, const content::Paper& paper) {
    std::string slug = paper.slug.empty() ? slugify(paper.title) : paper.slug;
    if (slug.empty())
        slug = "paper";
    return slugify(item.number) + "-" + slug + (paper.is_pdf ? ".pdf" : ".html");
}

std::string board_feed_path(const content::Board& board) {
    return board_dir(board) + "/feed.xml";
}

std::string site_root_path(const std::string& base_url) {
    auto scheme = base_url.find("://");
    std::string rest = scheme == std::string::npos ? base_url : base_url.substr(scheme + 3);
    auto slash = rest.find('/');
    std::string path = slash == std::string::npos ? "/" : rest.substr(slash);
    auto query = path.find_first_of("?#");
    if (query != std::string::npos)
        path.erase(query);
    if (path.empty() || path.back() != '/')
        path += '/';
    if (path.front() != '/')
        path.insert(path.begin(), '/');
    return path;
}

std::string root_prefix(const std::string& page_path) {
    std::string prefix;
    for (char c : page_path)
        if (c == '/')
            prefix += "../";
    return prefix;
}

bool item_withheld(const content::AgendaItem& item, content::Audience audience) {
    return content::withheld_from(item, audience);
}

std::vector<const content::Paper*> visible_papers(const content::AgendaItem& item,
                                                  content::Audience audience) {
    std::vector<const content::Paper*> papers;
    if (item_withheld(item, audience))
        return papers;
    for (const auto& paper : item.papers) {
        if (audience == content::Audience::public_audience && content::paper_members_only(paper))
            continue;
        papers.push_back(&paper);
    }
    return papers;
}

std::vector<const content::AgendaItem*>
flatten_items(const std::vector<content::AgendaItem>& items) {
    std::vector<const content::AgendaItem*> out;
    for (const auto& item : items) {
        out.push_back(&item);
        auto children = flatten_items(item.sub_items);
        out.insert(out.end(), children.begin(), children.end());
    }
    return out;
}

std::string format_bytes(std::size_t bytes) {
    char buffer[32];
    if (bytes >= 1000 * 1000) {
        std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / 1e6);
    } else if (bytes >= 1000) {
        std::snprintf(buffer, sizeof buffer, "%.0f KB", static_cast<double>(bytes) / 1e3);
    } else {
        std::snprintf(buffer, sizeof buffer, "%zu bytes", bytes);
    }
    return buffer;
}

std::string format_time_range(int start_minutes, int end_minutes) {
    if (start_minutes < 0)
        return {};
    std::string out = format_time_12h(start_minutes);
    if (end_minutes > start_minutes)
        out += " to " + format_time_12h(end_minutes);
    return out;
}

std::string status_label(content::MeetingStatus status) {
    switch (status) {
    case content::MeetingStatus::held:
        return "Held";
    case content::MeetingStatus::cancelled:
        return "Cancelled";
    default:
        return "Scheduled";
    }
}

std::string security_label(content::Security security) {
    return security == content::Security::restricted ? "Restricted" : "Unprotected";
}

std::string quarter_pack_path(const std::string& board_slug, int financial_year, int quarter,
                              const data::FinancialCalendar& calendar, content::Audience audience) {
    std::string year = calendar.year_label(financial_year);
    for (char& c : year)
        if (c == '/')
            c = '-';
    return "archive/" + board_slug + "-" + year + "-q" + std::to_string(quarter) +
           (audience == content::Audience::members ? "-members" : "") + ".pdf";
}

} // namespace bp::site
