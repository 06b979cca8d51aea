#include "core/output_tree.hpp"

#include "core/filesystem.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

// "public/" names the folder "public", whose siblings the staging and kept folders are.
std::string without_trailing_slashes(std::string path) {
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    return path;
}

// A previous build kept beside an output: a real folder holding the marker every build writes.
bool is_kept_build(const std::string& path) {
    std::error_code ec;
    return fs::is_directory(fs::symlink_status(path, ec)) &&
           fs::is_regular_file(fs::symlink_status(fs::path(path) / OutputTree::marker_name, ec));
}

// Puts a hard link at `to` to every file under `from`, in the same folders; false at the first
// that cannot be made, or at anything but a plain file or folder.
bool link_tree(const std::string& from, const std::string& to) {
    auto entries = folder_entries(from);
    if (!entries || ::mkdir(to.c_str(), 0755) != 0)
        return false;
    for (const auto& entry : *entries) {
        std::string source = join_path(from, entry.name);
        std::string target = join_path(to, entry.name);
        bool linked = entry.kind == FolderEntry::Kind::folder
                          ? link_tree(source, target)
                          : entry.kind == FolderEntry::Kind::file &&
                                ::link(source.c_str(), target.c_str()) == 0;
        if (!linked)
            return false;
    }
    return true;
}

// A new file at `path`, replacing whatever was there: never opened in place, since a file
// there may be a hard link to a cached file (or, in a reused staging folder, a folder).
int create_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST) {
        std::error_code ec;
        fs::remove_all(path, ec);
        fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    }
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

FileStamp stamp_of(const struct stat& status) {
    return {static_cast<long long>(status.st_size),
            status.st_mtim.tv_sec * 1'000'000'000LL + status.st_mtim.tv_nsec};
}

// The stamp of the file `fd` has open, as written.
FileStamp stamp_of_open(int fd, const fs::path& path) {
    struct stat status {};
    if (::fstat(fd, &status) != 0) {
        int error = errno;
        ::close(fd);
        throw std::runtime_error("cannot write " + path.string() + ": " + system_error_text(error));
    }
    return stamp_of(status);
}

// The stamp of the file at `path`; zeros (which no file has) when it cannot be looked up, so
// a record made from it never matches the folder and the next build does its work.
FileStamp stamp_at(const fs::path& path) {
    struct stat status {};
    return ::lstat(path.c_str(), &status) == 0 ? stamp_of(status) : FileStamp{};
}

void close_file(int fd, const fs::path& path) {
    if (::close(fd) != 0)
        throw std::runtime_error("cannot write " + path.string() + ": " + system_error_text(errno));
}

FileStamp write_whole_file(const fs::path& path, std::string_view bytes) {
    int fd = create_file(path);
    write_all(fd, path, bytes);
    FileStamp stamp = stamp_of_open(fd, path);
    close_file(fd, path);
    return stamp;
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
    : destination_(without_trailing_slashes(std::move(destination))), previous_mode_(previous) {
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
    marker_stamp_ = write_whole_file(
        fs::path(staging_) / marker_name,
        "This folder was written by boardpack; the next build replaces it whole.\n");
}

OutputTree::~OutputTree() {
    if (!committed_)
        retire(staging_);
}

std::string OutputTree::previous_path(const std::string& destination) {
    fs::path target = fs::absolute(without_trailing_slashes(destination));
    return (target.parent_path() / ("." + target.filename().string() + ".previous")).string();
}

bool OutputTree::claim_previous() {
    if (!is_kept_build(previous_))
        return false;
    // A rename claims it: of two builds started at once, one reuses it and one starts empty.
    if (::rename(previous_.c_str(), staging_.c_str()) != 0)
        return false;
    if (!list_left_entries("")) {
        std::string().swap(left_);
        std::error_code ec;
        fs::remove_all(staging_, ec);
        return false;
    }
    reused_ = true;
    // This build will write about as many files as the last: its record of them, grown a
    // file at a time, was copied over and over as it doubled.
    written_.reserve(left_.size() + left_.size() / 2);
    return true;
}

bool OutputTree::list_left_entries(const std::string& folder) {
    auto entries = folder_entries(join_path(staging_, folder));
    if (!entries)
        return false;
    for (const auto& entry : *entries) {
        if (entry.kind == FolderEntry::Kind::other)
            return false;
        std::string path = join_path(folder, entry.name);
        left_ += entry.kind == FolderEntry::Kind::folder ? 'd' : 'f';
        left_ += path;
        left_ += '\0';
        if (entry.kind == FolderEntry::Kind::folder && !list_left_entries(path))
            return false;
    }
    return true;
}

std::optional<FileStamp> OutputTree::left_linked(const std::string& path,
                                                 const std::string& source_native_path,
                                                 std::optional<FileIdentity> source) const {
    if (!reused_)
        return std::nullopt;
    struct stat status {};
    if (!source) {
        if (::stat(source_native_path.c_str(), &status) != 0)
            return std::nullopt;
        source = FileIdentity{status.st_dev, status.st_ino};
    }
    std::string full = join_path(staging_, path);
    if (::lstat(full.c_str(), &status) != 0 || !S_ISREG(status.st_mode) ||
        FileIdentity{status.st_dev, status.st_ino} != *source)
        return std::nullopt;
    return stamp_of(status);
}

// In a reused staging folder, a file the previous build left where this build needs a
// folder is removed first.
void OutputTree::make_folder(const std::string& folder) {
    fs::path full = fs::path(staging_) / folder;
    std::error_code ec;
    fs::create_directories(full, ec);
    if (!ec || !reused_) {
        if (ec)
            throw fs::filesystem_error("cannot create folder", full, ec);
        return;
    }
    fs::path part = staging_;
    for (const auto& name : fs::path(folder)) {
        part /= name;
        if (!fs::is_directory(fs::symlink_status(part, ec)))
            ::unlink(part.c_str());
    }
    fs::create_directories(full);
}

namespace {

// Whether a path in `written` (sorted) lies in `folder`: a folder a build wrote into is left
// alone, not asked to go (a kept archive has nearly a thousand folders, all holding files).
bool holds_written(const std::vector<std::string_view>& written, std::string_view folder) {
    std::string prefix = std::string(folder) + '/';
    auto first = std::lower_bound(written.begin(), written.end(), std::string_view(prefix));
    return first != written.end() && first->starts_with(prefix);
}

} // namespace

void OutputTree::remove_unwritten() {
    std::vector<std::string_view> written;
    for_each_written([&](std::string_view path, const FileStamp&) { written.push_back(path); });
    std::sort(written.begin(), written.end());
    // Backwards, so that a folder's files go before the folder itself.
    std::vector<std::string_view> left;
    for (std::size_t at = 0; at < left_.size();) {
        std::size_t end = left_.find('\0', at);
        left.push_back(std::string_view(left_).substr(at, end - at));
        at = end + 1;
    }
    for (auto entry = left.rbegin(); entry != left.rend(); ++entry) {
        std::string_view path = entry->substr(1);
        std::string full = join_path(staging_, std::string(path));
        if (entry->front() == 'd') {
            if (!holds_written(written, path))
                ::rmdir(full.c_str()); // stays unless emptied
        } else if (path != marker_name && !std::binary_search(written.begin(), written.end(), path))
            ::unlink(full.c_str()); // a folder written there since stays: unlink leaves folders
    }
    std::string().swap(left_);
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

void OutputTree::keep_linked_copy(const std::string& built) {
    // Made under the staging folder's name, free again after the swap: a build killed while
    // making it leaves a folder the next build sweeps away.
    if (link_tree(built, staging_)) {
        retire(staging_);
        return;
    }
    std::error_code ec;
    fs::remove_all(staging_, ec);
}

std::string OutputTree::staging_path(const std::string& path) const {
    return path.empty() ? staging_ : join_path(staging_, path);
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
    std::string full = join_path(staging_, path);
    std::string folder = parent_path(path);
    bool folder_made = false;
    {
        std::lock_guard lock(mutex_);
        folder_made = folders_.contains(folder);
    }
    if (!folder_made) {
        make_folder(folder);
        std::lock_guard lock(mutex_);
        folders_.insert(folder);
    }
    return full;
}

void OutputTree::note_written(const std::string& path, const FileStamp& stamp) {
    // Listed as the folder walk before the swap names it, or a reused folder would lose it.
    bool plain = path.find("//") == std::string::npos && !path.starts_with("./") &&
                 path.find("/./") == std::string::npos && path.find("..") == std::string::npos;
    std::string normal = plain ? path : fs::path(path).lexically_normal().generic_string();
    std::lock_guard lock(mutex_);
    written_.append(normal).push_back('\0');
    written_.append(reinterpret_cast<const char*>(&stamp), sizeof stamp);
}

template <typename Each> void OutputTree::for_each_written(Each each) const {
    for (std::string_view rest = written_; !rest.empty();) {
        std::string_view path = rest.substr(0, rest.find('\0'));
        FileStamp stamp;
        std::memcpy(&stamp, rest.data() + path.size() + 1, sizeof stamp);
        rest.remove_prefix(path.size() + 1 + sizeof stamp);
        each(path, stamp);
    }
}

void OutputTree::write(const std::string& path, std::string_view bytes) {
    FileStamp stamp = write_whole_file(prepare(path), bytes);
    keep_for_capture(path, bytes);
    note_written(path, stamp);
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
    int fd = std::exchange(fd_, -1);
    FileStamp stamp = stamp_of_open(fd, native_); // closes it when it throws
    close_file(fd, native_);
    if (captured_)
        tree_.keep_for_capture(path_, kept_);
    tree_.note_written(path_, stamp);
}

void OutputTree::copy_file(const std::string& path, const std::string& source_native_path) {
    if (capture_) { // the capture keeps the bytes, so they are read once and written
        write(path, read_whole_file(source_native_path));
        return;
    }
    // Whatever is there goes first: copying over a hard link would write through it.
    std::string full = prepare(path);
    std::error_code ec;
    fs::remove_all(full, ec);
    fs::copy_file(source_native_path, full);
    note_written(path, stamp_at(full));
}

bool OutputTree::link_file(const std::string& path, const std::string& source_native_path,
                           std::optional<FileIdentity> source) {
    if (capture_) // a capture keeps bytes, which a link does not give
        return false;
    if (auto stamp = left_linked(path, source_native_path, source)) {
        note_written(path, *stamp);
        return true;
    }
    std::string full = prepare(path);
    if (::link(source_native_path.c_str(), full.c_str()) != 0) {
        // A file written there before is replaced, as write would replace it.
        std::error_code ec;
        if (errno != EEXIST || fs::remove_all(full, ec) == 0 || ec ||
            ::link(source_native_path.c_str(), full.c_str()) != 0)
            return false;
    }
    note_written(path, stamp_at(full));
    return true;
}

std::optional<OutputTree::LeftFile> OutputTree::left_file(const std::string& path) const {
    return left_files({path}).front();
}

std::shared_ptr<const OpenFolder> OutputTree::left_folder(std::string_view folder) const {
    auto held = [&] {
        auto found = std::find_if(recent_folders_.begin(), recent_folders_.end(),
                                  [&](const auto& recent) { return recent.first == folder; });
        if (found == recent_folders_.end())
            return std::shared_ptr<const OpenFolder>();
        std::rotate(recent_folders_.begin(), found, found + 1);
        return recent_folders_.front().second;
    };
    {
        std::lock_guard lock(recent_mutex_);
        if (auto found = held())
            return found;
    }
    // Opened without the lock, so that the other threads' look-ups need not wait for it.
    auto opened = std::make_shared<const OpenFolder>(join_path(staging_, std::string(folder)));
    if (!opened->is_open())
        return opened; // not kept: the build may make the folder later
    std::lock_guard lock(recent_mutex_);
    if (auto found = held()) // another thread opened it meanwhile
        return found;
    if (recent_folders_.size() == recent_folders_kept)
        recent_folders_.pop_back();
    recent_folders_.emplace(recent_folders_.begin(), std::string(folder), opened);
    return opened;
}

std::vector<std::optional<OutputTree::LeftFile>>
OutputTree::left_files(const std::vector<std::string_view>& paths) const {
    std::vector<std::optional<LeftFile>> found(paths.size());
    if (!reused_)
        return found;
    std::shared_ptr<const OpenFolder> folder;
    std::optional<std::string_view> folder_path; // the one open
    std::string name;
    for (std::size_t n = 0; n < paths.size(); ++n) {
        std::size_t slash = paths[n].rfind('/');
        std::string_view parent = slash == std::string_view::npos ? "" : paths[n].substr(0, slash);
        if (parent != folder_path) {
            folder = left_folder(parent);
            folder_path = parent;
        }
        name = paths[n].substr(slash == std::string_view::npos ? 0 : slash + 1);
        struct stat status {};
        if (!folder->look_up(name, status) || !S_ISREG(status.st_mode))
            continue;
        found[n] = LeftFile{{status.st_dev, status.st_ino},
                            status.st_size,
                            status.st_mtim.tv_sec,
                            status.st_mtim.tv_nsec};
    }
    return found;
}

void OutputTree::keep_left(const std::string& path, const LeftFile& left) {
    note_written(path,
                 {left.size, left.modified_seconds * 1'000'000'000LL + left.modified_nanoseconds});
}

bool OutputTree::share_file(const std::string& path, const std::string& target_native_path,
                            std::size_t expected_size) {
    std::string full = join_path(staging_, path);
    std::lock_guard lock(mutex_);
    std::error_code ec;
    if (fs::file_size(full, ec) != expected_size || ec ||
        ::link(full.c_str(), target_native_path.c_str()) != 0)
        return false;
    return true;
}

std::vector<std::string> OutputTree::written(std::string_view suffix) const {
    std::vector<std::string> paths;
    std::lock_guard lock(mutex_);
    for_each_written([&](std::string_view path, const FileStamp&) {
        if (path.ends_with(suffix))
            paths.emplace_back(path);
    });
    std::sort(paths.begin(), paths.end());
    return paths;
}

void OutputTree::for_each_file_as_written(
    const std::function<void(std::string_view, const FileStamp&)>& each) const {
    std::lock_guard lock(mutex_);
    // Where each record starts in written_, in the order written: four bytes a file, where a
    // copy of the paths would be tens of bytes (an archive's output holds 136,000 files).
    std::vector<std::uint32_t> starts;
    for_each_written([&](std::string_view path, const FileStamp&) {
        starts.push_back(static_cast<std::uint32_t>(path.data() - written_.data()));
    });
    each(marker_name, marker_stamp_); // no written file, but the folder holds it
    // A path written twice holds what was written last: taken from the last write backwards,
    // each path the first time it is met.
    std::unordered_set<std::string_view> met;
    met.reserve(starts.size());
    for (auto start = starts.rbegin(); start != starts.rend(); ++start) {
        std::string_view path(written_.data() + *start);
        if (!met.insert(path).second)
            continue;
        FileStamp stamp;
        std::memcpy(&stamp, written_.data() + *start + path.size() + 1, sizeof stamp);
        each(path, stamp);
    }
}

bool OutputTree::commit(std::string& error) {
    {
        std::lock_guard lock(recent_mutex_);
        recent_folders_.clear(); // closed before the folder they are in moves
    }
    if (reused_)
        remove_unwritten();
    std::error_code ec;
    fs::path target = fs::absolute(destination_);
    if (!fs::exists(fs::symlink_status(target))) {
        fs::rename(staging_, target, ec);
        if (ec) {
            error = "cannot move the new build into " + target.string() + ": " + ec.message();
            return false;
        }
        committed_ = true;
        if (previous_mode_ == PreviousBuild::reuse)
            keep_linked_copy(target.string());
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
