#include "core/output_tree.hpp"

#include "core/filesystem.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <iterator>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace bp {

namespace {

std::string system_error_text(int error) {
    return std::strerror(error);
}

bool process_alive(long pid) {
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// ".public.staging-1234" and ".public.old-1234" beside `target`, left by builds that were killed
// (kill -9, power loss) before they could tidy up. Folders of a build still running are kept.
void remove_stale_siblings(const fs::path& target) {
    std::error_code ec;
    std::string name = target.filename().string();
    for (const char* kind : {".staging-", ".old-"}) {
        std::string prefix = "." + name + kind;
        for (const auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
            std::string sibling = entry.path().filename().string();
            if (sibling.compare(0, prefix.size(), prefix) != 0)
                continue;
            std::string digits = sibling.substr(prefix.size());
            if (digits.empty() || !std::all_of(digits.begin(), digits.end(), ::isdigit))
                continue;
            if (!process_alive(std::atol(digits.c_str())))
                fs::remove_all(entry.path(), ec);
        }
    }
}

// A previous build kept beside an output: a real folder holding the marker every build writes.
bool is_kept_build(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(fs::symlink_status(path, ec)) &&
           fs::is_regular_file(fs::symlink_status(fs::path(path) / OutputTree::marker_name, ec));
}

int create_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error("cannot create " + path.string() + ": " +
                                 system_error_text(errno));
    return fd;
}

// Writes every byte or throws (closing `fd`): a full disk or an I/O error must never leave a
// short file that a build then publishes.
void write_all(int fd, const fs::path& path, std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0) {
            int error = wrote < 0 ? errno : EIO;
            ::close(fd);
            throw std::runtime_error("cannot write " + path.string() + ": " +
                                     system_error_text(error));
        }
        done += static_cast<std::size_t>(wrote);
    }
}

void close_file(int fd, const fs::path& path) {
    if (::close(fd) != 0)
        throw std::runtime_error("cannot write " + path.string() + ": " + system_error_text(errno));
}

void write_whole_file(const fs::path& path, std::string_view bytes) {
    int fd = create_file(path);
    write_all(fd, path, bytes);
    close_file(fd, path);
}

std::string read_whole_file(const std::string& path) {
    auto bytes = read_regular_file(path);
    if (!bytes)
        throw std::runtime_error("cannot read " + path);
    return std::move(*bytes);
}

} // namespace

const char* const OutputTree::marker_name = ".boardpack-output";

OutputTree::OutputTree(std::string destination, PreviousBuild previous)
    : destination_(std::move(destination)), previous_mode_(previous) {
    while (destination_.size() > 1 && destination_.back() == '/')
        destination_.pop_back();
    fs::path target = fs::absolute(destination_);
    remove_stale_siblings(target);
    staging_ = (target.parent_path() /
                ("." + target.filename().string() + ".staging-" + std::to_string(::getpid())))
                   .string();
    previous_ = previous_path(destination_);
    std::error_code ec;
    fs::remove_all(staging_, ec);
    if (previous == PreviousBuild::remove && is_kept_build(previous_))
        fs::remove_all(previous_, ec);
    if (previous != PreviousBuild::reuse || !claim_previous())
        fs::create_directories(staging_, ec);
    if (ec)
        throw std::runtime_error("cannot create " + staging_ + ": " + ec.message());
    fs::path marker = fs::path(staging_) / marker_name;
    ::unlink(marker.c_str());
    write_whole_file(marker,
                     "This folder was written by boardpack; the next build replaces it whole.\n");
}

OutputTree::~OutputTree() {
    if (!committed_)
        retire(staging_);
}

std::string OutputTree::previous_path(const std::string& destination) {
    std::string trimmed = destination;
    while (trimmed.size() > 1 && trimmed.back() == '/')
        trimmed.pop_back();
    fs::path target = fs::absolute(trimmed);
    return (target.parent_path() / ("." + target.filename().string() + ".previous")).string();
}

bool OutputTree::claim_previous() {
    if (!is_kept_build(previous_))
        return false;
    // A rename claims it: of two builds started at once, one reuses it and one starts empty.
    if (::rename(previous_.c_str(), staging_.c_str()) != 0)
        return false;
    if (!list_leftovers("")) {
        leftovers_.clear();
        std::error_code ec;
        fs::remove_all(staging_, ec);
        return false;
    }
    std::sort(leftovers_.begin(), leftovers_.end(),
              [](const Leftover& a, const Leftover& b) { return a.path < b.path; });
    return true;
}

// Lists `folder` (relative to the staging folder) and everything below it by the types its
// folder entries give, with no look-up per file: the walk is paid on every build.
bool OutputTree::list_leftovers(const std::string& folder) {
    std::string native = folder.empty() ? staging_ : staging_ + "/" + folder;
    DIR* listing = ::opendir(native.c_str());
    if (!listing)
        return false;
    bool plain = true;
    std::vector<std::string> folders;
    while (dirent* entry = ::readdir(listing)) {
        std::string_view name = entry->d_name;
        if (name == "." || name == ".." || (folder.empty() && name == marker_name))
            continue;
        std::string path = folder.empty() ? std::string(name) : folder + "/" + std::string(name);
        unsigned char type = entry->d_type;
        if (type == DT_UNKNOWN) {
            struct stat status {};
            std::string full = staging_ + "/" + path;
            type = ::lstat(full.c_str(), &status) != 0 ? DT_UNKNOWN
                   : S_ISDIR(status.st_mode)           ? DT_DIR
                   : S_ISREG(status.st_mode)           ? DT_REG
                                                       : DT_UNKNOWN;
        }
        // A link could lead a later write out of the folder: nothing odd is ever reused.
        if (type != DT_DIR && type != DT_REG) {
            plain = false;
            break;
        }
        if (type == DT_DIR)
            folders.push_back(path);
        leftovers_.push_back({std::move(path), type == DT_DIR});
    }
    ::closedir(listing);
    for (const auto& inner : folders)
        if (plain && !list_leftovers(inner))
            plain = false;
    return plain;
}

OutputTree::Leftover* OutputTree::leftover(const std::string& path) {
    auto found = std::lower_bound(
        leftovers_.begin(), leftovers_.end(), path,
        [](const Leftover& entry, const std::string& wanted) { return entry.path < wanted; });
    if (found == leftovers_.end() || found->path != path || found->taken)
        return nullptr;
    return &*found;
}

bool OutputTree::left_linked(const std::string& path, const std::string& source_native_path,
                             std::optional<FileIdentity> source) {
    std::lock_guard lock(mutex_);
    Leftover* left = leftovers_.empty() ? nullptr : leftover(path);
    if (!left || left->folder)
        return false;
    struct stat status {};
    if (!source) {
        if (::stat(source_native_path.c_str(), &status) != 0)
            return false;
        source = FileIdentity{status.st_dev, status.st_ino};
    }
    std::string full = (fs::path(staging_) / path).string();
    if (::lstat(full.c_str(), &status) != 0 ||
        FileIdentity{status.st_dev, status.st_ino} != *source)
        return false;
    left->taken = true;
    return true;
}

// A file the previous build left where this build needs a folder is removed first.
void OutputTree::make_folder(const std::string& folder) {
    fs::path full = fs::path(staging_) / folder;
    std::error_code ec;
    fs::create_directories(full, ec);
    if (!ec)
        return;
    fs::path part = staging_;
    for (const auto& name : fs::path(folder)) {
        part /= name;
        if (!leftovers_.empty() && !fs::is_directory(fs::symlink_status(part, ec)))
            ::unlink(part.c_str());
    }
    fs::create_directories(full);
}

void OutputTree::remove_untaken_leftovers() {
    for (const Leftover& left : leftovers_)
        if (!left.taken && !left.folder)
            ::unlink((fs::path(staging_) / left.path).c_str());
    // Deepest first; a folder that still holds anything stays.
    for (auto left = leftovers_.rbegin(); left != leftovers_.rend(); ++left)
        if (left->folder)
            ::rmdir((fs::path(staging_) / left->path).c_str());
    leftovers_.clear();
}

void OutputTree::retire(const std::string& folder) {
    std::error_code ec;
    if (previous_mode_ == PreviousBuild::reuse) {
        // A folder of that name that a build did not keep is the user's: it stays.
        if (is_kept_build(previous_))
            fs::remove_all(previous_, ec);
        if (!fs::exists(fs::symlink_status(previous_, ec)) &&
            ::rename(folder.c_str(), previous_.c_str()) == 0)
            return;
    }
    fs::remove_all(folder, ec);
}

std::string OutputTree::staging_path(const std::string& path) const {
    return path.empty() ? staging_ : (fs::path(staging_) / path).string();
}

thread_local OutputTree::Capture* OutputTree::capture_ = nullptr;

OutputTree::Capture::Capture(OutputTree& tree) : tree_(tree), outer_(capture_) {
    capture_ = this;
}

OutputTree::Capture::~Capture() {
    capture_ = outer_;
}

bool OutputTree::captured() const {
    for (Capture* capture = capture_; capture; capture = capture->outer_)
        if (&capture->tree_ == this)
            return true;
    return false;
}

void OutputTree::keep_for_capture(const std::string& path, std::string_view bytes) {
    for (Capture* capture = capture_; capture; capture = capture->outer_)
        if (&capture->tree_ == this)
            capture->files_.emplace_back(path, std::string(bytes));
}

std::string OutputTree::prepare(const std::string& path) {
    fs::path full = fs::path(staging_) / path;
    std::string folder = parent_path(path);
    bool folder_made = false;
    bool was_linked = false;
    Leftover left;
    {
        std::lock_guard lock(mutex_);
        folder_made = folders_.contains(folder);
        was_linked = linked_.erase(path) > 0;
        if (Leftover* found = leftovers_.empty() ? nullptr : leftover(path)) {
            found->taken = true;
            left = *found;
        }
    }
    if (!folder_made) {
        make_folder(folder);
        std::lock_guard lock(mutex_);
        folders_.insert(folder);
    }
    if (left.folder) { // the previous build had a folder where this one writes a file
        std::error_code ec;
        fs::remove_all(full, ec);
    } else if (was_linked || !left.path.empty()) {
        // Writing through it would change the linked file itself (a cached file, perhaps)
        ::unlink(full.c_str());
    }
    return full.string();
}

void OutputTree::note_written(const std::string& path, bool linked) {
    std::lock_guard lock(mutex_);
    written_.append(path).push_back('\0');
    if (linked)
        linked_.insert(path);
}

void OutputTree::write(const std::string& path, std::string_view bytes) {
    write_whole_file(prepare(path), bytes);
    keep_for_capture(path, bytes);
    note_written(path, false);
}

OutputTree::Stream::Stream(OutputTree& tree, std::string path)
    : tree_(tree), path_(std::move(path)), native_(tree.prepare(path_)), captured_(tree.captured()),
      fd_(create_file(native_)) {}

OutputTree::Stream::~Stream() {
    if (fd_ >= 0)
        ::close(fd_); // unfinished: the file stays out of the list of files written
}

void OutputTree::Stream::append(std::string_view bytes) {
    if (fd_ < 0)
        throw std::logic_error("append to " + path_ + " after it was closed");
    buffer_.append(bytes);
    if (buffer_.size() >= flush_at)
        flush();
}

void OutputTree::Stream::flush() {
    int fd = std::exchange(fd_, -1); // write_all closes it when it throws
    write_all(fd, native_, buffer_);
    fd_ = fd;
    if (captured_)
        kept_.append(buffer_);
    buffer_.clear();
}

void OutputTree::Stream::close() {
    flush();
    close_file(std::exchange(fd_, -1), native_);
    if (captured_)
        tree_.keep_for_capture(path_, kept_);
    tree_.note_written(path_, false);
}

void OutputTree::copy_file(const std::string& path, const std::string& source_native_path) {
    if (capture_) { // the capture keeps the bytes, so they are read once and written
        write(path, read_whole_file(source_native_path));
        return;
    }
    fs::copy_file(source_native_path, prepare(path), fs::copy_options::overwrite_existing);
    note_written(path, false);
}

bool OutputTree::link_file(const std::string& path, const std::string& source_native_path,
                           std::optional<FileIdentity> source) {
    if (capture_) // a capture keeps bytes, which a link does not give
        return false;
    if (left_linked(path, source_native_path, source)) {
        note_written(path, true);
        return true;
    }
    std::string full = prepare(path);
    if (::link(source_native_path.c_str(), full.c_str()) != 0) {
        // A file written there before is replaced, as write would replace it.
        if (errno != EEXIST || ::unlink(full.c_str()) != 0 ||
            ::link(source_native_path.c_str(), full.c_str()) != 0)
            return false;
    }
    note_written(path, true);
    return true;
}

bool OutputTree::share_file(const std::string& path, const std::string& target_native_path,
                            std::size_t expected_size) {
    std::string full = (fs::path(staging_) / path).string();
    std::lock_guard lock(mutex_);
    std::error_code ec;
    if (fs::file_size(full, ec) != expected_size || ec ||
        ::link(full.c_str(), target_native_path.c_str()) != 0)
        return false;
    linked_.insert(path);
    return true;
}

std::vector<std::string> OutputTree::written(std::string_view suffix) const {
    std::vector<std::string> paths;
    std::lock_guard lock(mutex_);
    std::string_view rest = written_;
    while (!rest.empty()) {
        std::string_view path = rest.substr(0, rest.find('\0'));
        rest.remove_prefix(path.size() + 1);
        if (path.ends_with(suffix))
            paths.emplace_back(path);
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

bool OutputTree::commit(std::string& error) {
    remove_untaken_leftovers();
    std::error_code ec;
    fs::path target = fs::absolute(destination_);
    if (!fs::exists(fs::symlink_status(target))) {
        fs::rename(staging_, target, ec);
        if (ec) {
            error = "cannot move the new build into " + target.string() + ": " + ec.message();
            return false;
        }
        committed_ = true;
        return true;
    }
    // One atomic exchange: at every instant the destination holds either the whole previous
    // build or the whole new one, even if the process is killed in between.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        committed_ = true;
        retire(staging_); // now the previous build
        return true;
    }
    if (errno != EINVAL && errno != ENOSYS) {
        error = "cannot replace " + target.string() + ": " + system_error_text(errno);
        return false;
    }
    // File systems without RENAME_EXCHANGE: move the previous build aside, then the new one in.
    fs::path old = target.parent_path() /
                   ("." + target.filename().string() + ".old-" + std::to_string(::getpid()));
    fs::remove_all(old, ec);
    fs::rename(target, old, ec);
    if (ec) {
        error = "cannot move the previous " + target.string() + " aside: " + ec.message();
        return false;
    }
    fs::rename(staging_, target, ec);
    if (ec) {
        error = "cannot move the new build into " + target.string() + ": " + ec.message();
        fs::rename(old, target, ec);
        return false;
    }
    committed_ = true;
    retire(old.string());
    return true;
}

} // namespace bp
