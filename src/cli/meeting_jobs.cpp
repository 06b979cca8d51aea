#include "cli/meeting_jobs.hpp"

#include <algorithm>
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

void WorkQueue::push_back(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    changed_.notify_one();
}

void WorkQueue::push_front(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_front(std::move(job));
    }
    changed_.notify_one();
}

void WorkQueue::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            // An idle thread waits while another job runs: that job may still add work.
            changed_.wait(lock, [&] { return !jobs_.empty() || running_ == 0; });
            if (jobs_.empty()) {
                changed_.notify_all(); // nothing queued and nothing running: all done
                return;
            }
            job = std::move(jobs_.front());
            jobs_.pop_front();
            ++running_;
        }
        job();
        {
            std::lock_guard lock(mutex_);
            --running_;
        }
        changed_.notify_all();
    }
}

void WorkQueue::run() {
    if (threads_ == 1) {
        work();
        return;
    }
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads_; ++t)
        pool.emplace_back([this] { work(); });
    for (auto& thread : pool)
        thread.join();
}

} // namespace bp::cli
