#pragma once
// A progress line for long builds: shown only on a terminal, and only once a build has taken
// more than a second, so quick builds and logs stay quiet.
#include <chrono>
#include <mutex>
#include <string>

namespace bp::cli {

class Progress {
  public:
    explicit Progress(std::size_t total);
    void step(const std::string& what); // thread-safe
    void finish();

  private:
    std::size_t total_;
    std::size_t done_ = 0;
    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_;
    std::mutex mutex_;
};

} // namespace bp::cli
