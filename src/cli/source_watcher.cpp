#include "cli/source_watcher.hpp"

#include "core/save_burst.hpp"

#include <filesystem>
#include <map>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace bp::cli {

namespace {
constexpr uint32_t watched_events =
    IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY;

bool is_hidden_or_output(const fs::path& path) {
    std::string name = path.filename().string();
    return name.empty() || name[0] == '.' || name == "public" || name == "build" ||
           name == "node_modules";
}

// What the event says of the file it names. A new folder has no writes to wait for.
FileChange change_of(const inotify_event& event) {
    if (event.mask & IN_CLOSE_WRITE || event.mask & IN_MOVED_TO)
        return FileChange::written;
    if (event.mask & (IN_DELETE | IN_MOVED_FROM))
        return FileChange::removed;
    if (event.mask & IN_CREATE && event.mask & IN_ISDIR)
        return FileChange::written;
    return FileChange::writing;
}
} // namespace

SourceWatcher::SourceWatcher(const std::string& source_root) : root_(source_root) {
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0)
        return;
    watch(root_); // the root itself: only site.yaml matters, never the cache or output in it
    for (const char* part : {"content", "themes", "assets"}) {
        fs::path folder = fs::path(root_) / part;
        if (fs::is_directory(folder))
            watch_tree(folder.string());
    }
}

SourceWatcher::~SourceWatcher() {
    if (fd_ >= 0)
        ::close(fd_);
}

void SourceWatcher::watch(const std::string& folder) {
    int descriptor = inotify_add_watch(fd_, folder.c_str(), watched_events);
    if (descriptor < 0)
        return;
    std::string relative = fs::path(folder).lexically_relative(root_).generic_string();
    folders_[descriptor] = relative == "." ? "" : relative;
}

void SourceWatcher::watch_tree(const std::string& folder) {
    watch(folder);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec)
            break;
        if (!it->is_directory())
            continue;
        // Nothing under a hidden or output folder either: a build writes there, and a watch
        // on it would rebuild the site after every build.
        if (is_hidden_or_output(it->path()))
            it.disable_recursion_pending();
        else
            watch(it->path().string());
    }
}

std::vector<std::string> SourceWatcher::wait(int timeout_ms) {
    std::vector<std::string> changed;
    if (fd_ < 0)
        return changed;
    pollfd poller{fd_, POLLIN, 0};
    int wait_ms = timeout_ms;
    SaveBurst burst;
    bool new_folders = false;
    alignas(inotify_event) char buffer[8192];
    while (::poll(&poller, 1, wait_ms) > 0) {
        ssize_t length = ::read(fd_, buffer, sizeof buffer);
        for (ssize_t offset = 0; offset < length;) {
            auto* event = reinterpret_cast<inotify_event*>(buffer + offset);
            if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO)))
                new_folders = true;
            if (event->mask & IN_Q_OVERFLOW) {
                new_folders = true;
                changed.push_back("."); // events were dropped: anything may have changed
                burst.note(".", FileChange::writing); // nor is it known what is still open
            } else if (event->len > 0 && event->name[0] != '.') {
                auto folder = folders_.find(event->wd);
                std::string base = folder == folders_.end() ? "" : folder->second;
                changed.push_back(base.empty() ? event->name : base + "/" + event->name);
                burst.note(changed.back(), change_of(*event));
            }
            offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
        wait_ms = burst.pause_ms(); // gather the rest of the burst
    }
    if (new_folders) {
        // New folders (a new meeting) need watches of their own. Only then is the tree walked
        // again: a walk of a 6,400-paper archive's 840 folders delayed every edit's page.
        for (const char* part : {"content", "themes", "assets"}) {
            fs::path folder = fs::path(root_) / part;
            if (fs::is_directory(folder))
                watch_tree(folder.string());
        }
    }
    return changed;
}

} // namespace bp::cli
