#pragma once
// Work spread over a fixed number of threads: the meetings of a build, the meetings of a site's
// index as it is read, the site-wide pages.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

namespace bp {

// The threads to use: `requested`, or one per hardware thread when 0.
unsigned job_count(unsigned requested);

// Jobs taken in turn by a fixed number of threads until none is left. A running job may add
// more: one added at the front runs next, so work that a finished job made possible (a
// quarter's archive pack once its last meeting is built) starts at once, while the other
// thread goes on with the meetings. Both threads stay busy to the end, and no more jobs are
// in flight than there are threads. Jobs must not throw.
class WorkQueue {
  public:
    explicit WorkQueue(unsigned threads) : threads_(threads > 0 ? threads : 1) {}
    void push_back(std::function<void()> job);
    void push_front(std::function<void()> job);
    // Runs every job, those added meanwhile included; returns when all have finished.
    void run();

  private:
    void work();
    unsigned threads_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::function<void()>> jobs_;
    unsigned running_ = 0;
};

// Calls `job(i)` for every i below `count` on `threads` threads, and returns when all are done.
// A job that throws does not stop the others; the exception of the lowest i that threw is
// rethrown afterwards, so what the caller sees does not depend on thread timing.
void for_each_index(std::size_t count, unsigned threads,
                    const std::function<void(std::size_t)>& job);

} // namespace bp
