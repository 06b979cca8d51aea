#include "cli/quarter_packs.hpp"

#include "site/site_paths.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace bp::cli {

namespace {

using QuarterKey = std::pair<int, int>; // financial year start, quarter

std::optional<std::string> read_staged(const OutputTree& out, const std::string& path) {
    std::ifstream in(out.staging_path(path), std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::map<QuarterKey, std::vector<const content::Meeting*>>
meetings_by_quarter(const content::Board& board, const data::FinancialCalendar& calendar) {
    std::map<QuarterKey, std::vector<const content::Meeting*>> quarters;
    for (const auto& meeting : board.meetings) {
        if (meeting.status == content::MeetingStatus::cancelled)
            continue;
        QuarterKey key{calendar.year_of_date(meeting.date), calendar.quarter_of_date(meeting.date)};
        quarters[key].push_back(&meeting);
    }
    return quarters;
}

} // namespace

void write_quarter_packs(const content::Site& site, const pack::PackResources& fonts,
                         OutputTree& out, DiagnosticSink& sink, content::Audience audience) {
    data::FinancialCalendar calendar = site.config.calendar();
    for (const auto& board : site.boards) {
        for (const auto& [key, meetings] : meetings_by_quarter(board, calendar)) {
            std::vector<pack::ArchivedMeetingPack> packs;
            for (const auto* meeting : meetings) {
                auto bytes = read_staged(out, board.slug + "/" + meeting->slug + "/" +
                                                  pack::pack_file_name(audience));
                if (bytes)
                    packs.push_back({meeting, std::move(*bytes)});
            }
            if (packs.empty())
                continue;
            std::string label =
                "Quarter " + std::to_string(key.second) + ", " + calendar.year_label(key.first);
            std::string pdf = pack::build_quarter_pack(site, board, label, packs, fonts, sink);
            if (!pdf.empty())
                out.write(site::quarter_pack_path(board.slug, key.first, key.second, calendar),
                          pdf);
        }
    }
}

} // namespace bp::cli
