#include "cli/meeting_jobs.hpp"

#include <atomic>
#include <thread>

namespace bp::cli {

std::vector<MeetingRef> all_meetings(const content::Site& site) {
    std::vector<MeetingRef> meetings;
    for (const auto& board : site.boards)
        for (const auto& meeting : board.meetings)
            meetings.push_back({&board, &meeting});
    return meetings;
}

unsigned job_count(unsigned requested) {
    if (requested > 0)
        return requested;
    unsigned cores = std::thread::hardware_concurrency();
    return cores > 0 ? cores : 1;
}

void run_meeting_jobs(const std::vector<MeetingRef>& meetings, unsigned jobs,
                      const std::function<void(const MeetingRef&)>& job) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < meetings.size(); i = next++)
            job(meetings[i]);
    };
    unsigned threads = std::min<unsigned>(jobs, static_cast<unsigned>(meetings.size()));
    if (threads <= 1) {
        worker();
        return;
    }
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back(worker);
    for (auto& thread : pool)
        thread.join();
}

} // namespace bp::cli
