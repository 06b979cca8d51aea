#include "cli/progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace bp::cli {

Progress::Progress(std::size_t total)
    : total_(total), enabled_(::isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()) {}

void Progress::step(const std::string& what) {
    std::lock_guard lock(mutex_);
    ++done_;
    if (!enabled_)
        return;
    if (std::chrono::steady_clock::now() - start_ < std::chrono::seconds(1))
        return;
    std::fprintf(stderr, "\r\033[K[%zu/%zu] %s", done_, total_, what.c_str());
    std::fflush(stderr);
    shown_ = true;
}

void Progress::finish() {
    std::lock_guard lock(mutex_);
    if (shown_)
        std::fprintf(stderr, "\r\033[K");
}

} // namespace bp::cli
