#include "cli/quarter_packs.hpp"

#include "core/filesystem.hpp"
#include "site/site_paths.hpp"

#include <optional>

namespace bp::cli {

namespace {

std::optional<std::string> read_staged(const OutputTree& out, const std::string& path) {
    return read_regular_file(out.staging_path(path));
}

} // namespace

std::vector<QuarterPackJob> quarter_pack_jobs(const content::Site& site) {
    data::FinancialCalendar calendar = site.config.calendar();
    std::vector<QuarterPackJob> jobs;
    for (const auto& board : site.boards) {
        std::map<std::pair<int, int>, QuarterPackJob> quarters; // (year, quarter), in order
        for (const auto& meeting : board.meetings) {
            if (meeting.status == content::MeetingStatus::cancelled)
                continue;
            int year = calendar.year_of_date(meeting.date);
            int quarter = calendar.quarter_of_date(meeting.date);
            QuarterPackJob& job = quarters[{year, quarter}];
            job.board = &board;
            job.year = year;
            job.quarter = quarter;
            job.meetings.push_back(&meeting);
        }
        for (auto& [key, job] : quarters)
            jobs.push_back(std::move(job));
    }
    return jobs;
}

std::optional<std::pair<std::string, std::string>>
quarter_pack_file(const content::Site& site, const QuarterPackJob& job,
                  const pack::PackResources& fonts, const OutputTree& out, DiagnosticSink& sink,
                  content::Audience audience) {
    data::FinancialCalendar calendar = site.config.calendar();
    std::vector<pack::ArchivedMeetingPack> packs;
    for (const auto* meeting : job.meetings) {
        auto bytes = read_staged(out, job.board->slug + "/" + meeting->slug + "/" +
                                          pack::pack_file_name(audience));
        if (bytes)
            packs.push_back({meeting, std::move(*bytes)});
    }
    if (packs.empty())
        return std::nullopt;
    std::string label =
        "Quarter " + std::to_string(job.quarter) + ", " + calendar.year_label(job.year);
    std::string pdf = pack::build_quarter_pack(site, *job.board, label, packs, fonts, sink);
    if (pdf.empty())
        return std::nullopt;
    return std::pair{
        site::quarter_pack_path(job.board->slug, job.year, job.quarter, calendar, audience),
        std::move(pdf)};
}

QuarterCountdown::QuarterCountdown(const content::Site& site) : jobs_(quarter_pack_jobs(site)) {
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
        outstanding_.push_back(jobs_[i].meetings.size());
        for (const auto* meeting : jobs_[i].meetings)
            quarter_of_[meeting] = i;
    }
}

const QuarterPackJob* QuarterCountdown::meeting_done(const content::Meeting* meeting) {
    auto found = quarter_of_.find(meeting);
    if (found == quarter_of_.end())
        return nullptr;
    std::lock_guard lock(mutex_);
    return --outstanding_[found->second] == 0 ? &jobs_[found->second] : nullptr;
}

} // namespace bp::cli
