#pragma once
// Runs the build's jobs on a fixed number of threads. Each meeting job loads, builds and
// releases its own meeting, so memory is bounded by the largest meeting rather than the archive.
#include "content/model.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace bp::cli {

struct MeetingRef {
    const content::Board* board;
    const content::Meeting* meeting;
};

std::vector<MeetingRef> all_meetings(const content::Site& site);
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

} // namespace bp::cli
