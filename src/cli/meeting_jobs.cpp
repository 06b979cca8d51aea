#include "cli/meeting_jobs.hpp"

namespace bp::cli {

std::vector<MeetingRef> all_meetings(const content::Site& site) {
    std::vector<MeetingRef> meetings;
    for (const auto& board : site.boards)
        for (const auto& meeting : board.meetings)
            meetings.push_back({&board, &meeting});
    return meetings;
}

} // namespace bp::cli
