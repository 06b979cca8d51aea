#include "core/work_queue.hpp"

#include <exception>
#include <thread>
#include <vector>

namespace bp {

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

void for_each_index(std::size_t count, unsigned threads,
                    const std::function<void(std::size_t)>& job) {
    std::vector<std::exception_ptr> failures(count);
    WorkQueue queue(threads);
    for (std::size_t i = 0; i < count; ++i)
        queue.push_back([&, i] {
            try {
                job(i);
            } catch (...) {
                failures[i] = std::current_exception();
            }
        });
    queue.run();
    for (const auto& failure : failures)
        if (failure)
            std::rethrow_exception(failure);
}

} // namespace bp
