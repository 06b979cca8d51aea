#pragma once
// Runs one job per meeting on a fixed number of threads. Each job loads, builds and releases
// its own meeting, so memory is bounded by the largest meeting rather than the archive.
#include "content/model.hpp"

#include <functional>
#include <vector>

namespace bp::cli {

struct MeetingRef {
    const content::Board* board;
    const content::Meeting* meeting;
};

std::vector<MeetingRef> all_meetings(const content::Site& site);
unsigned job_count(unsigned requested);
void run_meeting_jobs(const std::vector<MeetingRef>& meetings, unsigned jobs,
                      const std::function<void(const MeetingRef&)>& job);

} // namespace bp::cli
