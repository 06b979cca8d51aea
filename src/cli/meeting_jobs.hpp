#pragma once
// The meetings a build works through, one job each (core/work_queue.hpp runs them). Each job
// loads, builds and releases its own meeting, so memory is bounded by the largest meeting
// rather than the archive.
#include "content/model.hpp"
#include "core/work_queue.hpp"

#include <vector>

namespace bp::cli {

struct MeetingRef {
    const content::Board* board;
    const content::Meeting* meeting;
};

std::vector<MeetingRef> all_meetings(const content::Site& site);

} // namespace bp::cli
