#pragma once
// Watches a site's source folders with inotify and reports when something changed.
#include <map>
#include <string>
#include <vector>

namespace bp::cli {

class SourceWatcher {
  public:
    explicit SourceWatcher(const std::string& source_root);
    ~SourceWatcher();
    SourceWatcher(const SourceWatcher&) = delete;
    SourceWatcher& operator=(const SourceWatcher&) = delete;

    bool ok() const { return fd_ >= 0; }
    // Waits up to `timeout_ms` for a change; after one, drains the burst of events an editor
    // makes when saving (until the pause core/save_burst.hpp gives), so one save gives one
    // rebuild. Returns the changed paths, relative to the source root
    // ("content/csp/2017-09-12/07-performance.md"), or "." when the kernel dropped events (its
    // queue overflowed during a long build) and anything may have changed.
    std::vector<std::string> wait(int timeout_ms);

  private:
    void watch_tree(const std::string& folder);
    void watch(const std::string& folder);
    int fd_ = -1;
    std::map<int, std::string> folders_; // watch descriptor -> folder relative to the root
    std::string root_;
};

} // namespace bp::cli
