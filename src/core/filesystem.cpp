#include "core/filesystem.hpp"

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace fs = std::filesystem;

namespace bp {

namespace {

FolderEntry::Kind entry_kind(int folder, const char* name, unsigned char type) {
    if (type == DT_UNKNOWN) { // the file system does not say: ask
        struct stat status {};
        type = ::fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) != 0 ? DT_UNKNOWN
               : S_ISDIR(status.st_mode)                                  ? DT_DIR
               : S_ISREG(status.st_mode)                                  ? DT_REG
                                                                          : DT_UNKNOWN;
    }
    return type == DT_DIR   ? FolderEntry::Kind::folder
           : type == DT_REG ? FolderEntry::Kind::file
                            : FolderEntry::Kind::other;
}

} // namespace

std::optional<std::vector<FolderEntry>> folder_entries(const std::string& native_path) {
    // open() and getdents64() rather than opendir(), which also stats the folder to size its
    // buffer: a rebuild lists thousands of folders, and each call costs.
    int folder = ::open(native_path.c_str(), O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
    if (folder < 0)
        return std::nullopt;
    std::vector<FolderEntry> entries;
    alignas(dirent64) char buffer[32 * 1024];
    for (;;) {
        ssize_t read = ::getdents64(folder, buffer, sizeof buffer);
        if (read < 0 && errno == EINTR)
            continue;
        if (read < 0) {
            ::close(folder);
            return std::nullopt;
        }
        if (read == 0)
            break;
        for (ssize_t at = 0; at < read;) {
            const auto* entry = reinterpret_cast<const dirent64*>(buffer + at);
            at += entry->d_reclen;
            std::string_view name = entry->d_name;
            if (name == "." || name == "..")
                continue;
            entries.push_back(
                {std::string(name), entry_kind(folder, entry->d_name, entry->d_type)});
        }
    }
    ::close(folder);
    std::sort(entries.begin(), entries.end(),
              [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
    return entries;
}

OpenFolder::OpenFolder(const std::string& native_path)
    : fd_(::open(native_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {}

OpenFolder::~OpenFolder() {
    if (fd_ >= 0)
        ::close(fd_);
}

OpenFolder::OpenFolder(OpenFolder&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

OpenFolder& OpenFolder::operator=(OpenFolder&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

bool OpenFolder::look_up(const std::string& name, struct stat& status) const {
    return fd_ >= 0 && !name.empty() &&
           ::fstatat(fd_, name.c_str(), &status, AT_SYMLINK_NOFOLLOW) == 0;
}

bool OpenFolder::look_through(const std::string& name, struct stat& status) const {
    return fd_ >= 0 && !name.empty() && ::fstatat(fd_, name.c_str(), &status, 0) == 0;
}

int OpenFolder::open_below(const std::string& relative, int flags) const {
    return fd_ >= 0 && !relative.empty() ? ::openat(fd_, relative.c_str(), flags) : -1;
}

namespace {

struct HeldListings {
    std::mutex mutex;
    bool held = false;
    std::unordered_map<std::string, std::optional<std::vector<FolderEntry>>> by_path;
};

HeldListings& held_listings() {
    static HeldListings listings;
    return listings;
}

} // namespace

std::string_view without_leading_dot_slash(std::string_view path) {
    while (path.starts_with("./"))
        path.remove_prefix(2);
    return path;
}

std::optional<std::vector<FolderEntry>> source_folder_entries(const std::string& native_path) {
    HeldListings& listings = held_listings();
    std::string key(without_leading_dot_slash(native_path));
    bool held = false;
    {
        std::lock_guard lock(listings.mutex);
        held = listings.held;
        auto found = held ? listings.by_path.find(key) : listings.by_path.end();
        if (found != listings.by_path.end())
            return found->second;
    }
    auto entries = folder_entries(native_path);
    if (!held)
        return entries;
    std::lock_guard lock(listings.mutex);
    return listings.by_path.emplace(std::move(key), std::move(entries)).first->second;
}

HeldEntry held_entry(const std::string& native_path, std::string_view name) {
    if (name.empty() || name == "." || name == "..")
        return HeldEntry::not_held;
    HeldListings& listings = held_listings();
    std::lock_guard lock(listings.mutex);
    if (!listings.held)
        return HeldEntry::not_held;
    auto found = listings.by_path.find(std::string(without_leading_dot_slash(native_path)));
    if (found == listings.by_path.end() || !found->second)
        return HeldEntry::not_held;
    const std::vector<FolderEntry>& entries = *found->second;
    auto at = std::lower_bound(
        entries.begin(), entries.end(), name,
        [](const FolderEntry& entry, std::string_view wanted) { return entry.name < wanted; });
    if (at == entries.end() || at->name != name)
        return HeldEntry::absent;
    switch (at->kind) {
    case FolderEntry::Kind::file:
        return HeldEntry::file;
    case FolderEntry::Kind::folder:
        return HeldEntry::folder;
    case FolderEntry::Kind::other:
        break;
    }
    return HeldEntry::other;
}

SourceListingsHeldForBuild::SourceListingsHeldForBuild() {
    std::lock_guard lock(held_listings().mutex);
    held_listings().held = true;
}

SourceListingsHeldForBuild::~SourceListingsHeldForBuild() {
    std::lock_guard lock(held_listings().mutex);
    held_listings().held = false;
    held_listings().by_path.clear();
}

void for_each_file_under(const std::string& root, const std::string& folder,
                         const std::function<bool(const std::string&)>& skip,
                         const std::function<void(const std::string&)>& use) {
    auto entries = source_folder_entries(join_path(root, folder));
    if (!entries)
        return;
    for (const auto& entry : *entries) {
        if (entry.name.starts_with('.'))
            continue;
        std::string path = join_path(folder, entry.name);
        struct stat status {};
        if (entry.kind == FolderEntry::Kind::folder) {
            if (!skip(path))
                for_each_file_under(root, path, skip, use);
        } else if (entry.kind == FolderEntry::Kind::file ||
                   (::stat(join_path(root, path).c_str(), &status) == 0 &&
                    S_ISREG(status.st_mode))) {
            use(path);
        }
    }
}

std::string join_path(const std::string& a, const std::string& b) {
    if (a.empty() || a == ".")
        return b;
    if (b.empty())
        return a;
    if (a.back() == '/')
        return a + b;
    return a + "/" + b;
}

std::string parent_path(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string file_name(const std::string& path) {
    auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string file_extension(const std::string& path) {
    std::string name = file_name(path);
    auto dot = name.find_last_of('.');
    return dot == std::string::npos || dot == 0 ? std::string() : name.substr(dot);
}

std::string file_stem(const std::string& path) {
    std::string name = file_name(path);
    return name.substr(0, name.size() - file_extension(name).size());
}

const char* const outside_site_hint =
    "every file the content names must lie inside the site folder (symlinks are followed); "
    "copy the file into the site";

namespace {

bool climbs_out(const std::string& path) {
    if (!path.empty() && path[0] == '/')
        return true;
    int depth = 0;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        std::string_view part(path.data() + start, end - start);
        if (part == "..") {
            if (--depth < 0)
                return true;
        } else if (!part.empty() && part != ".") {
            ++depth;
        }
        start = end + 1;
    }
    return false;
}

bool within(const fs::path& outer, const fs::path& inner) {
    auto [mismatch, _] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
    return mismatch == outer.end();
}

} // namespace

bool FileSystem::outside(const std::string& path) const {
    return climbs_out(path);
}

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {
    std::error_code ec;
    real_root_ = fs::weakly_canonical(fs::absolute(root_.empty() ? "." : root_), ec);
}

std::optional<fs::path> DiskFileSystem::real_folder(const std::string& path) const {
    {
        std::lock_guard lock(folders_mutex_);
        if (auto found = real_folders_.find(path); found != real_folders_.end())
            return found->second;
    }
    std::string full = join_path(root_, path);
    std::string name = file_name(path);
    std::optional<fs::path> answer;
    auto plain_folder = [&] {
        if (auto listed_as = listed(path))
            return *listed_as == HeldEntry::folder;
        struct stat status {};
        return ::lstat(full.c_str(), &status) == 0 && S_ISDIR(status.st_mode);
    };
    if (!name.empty() && name != "." && name != ".." && plain_folder()) {
        // A folder that is not a link lies in its parent's real folder: one lstat, not a
        // readlink for every part of the path.
        if (auto parent = real_folder(parent_path(path)))
            answer = *parent / name;
    } else {
        std::error_code ec;
        fs::path absolute = fs::absolute(full.empty() ? "." : full, ec);
        fs::path real = ec ? fs::path() : fs::weakly_canonical(absolute, ec);
        answer = ec ? std::nullopt : std::optional<fs::path>(real);
    }
    std::lock_guard lock(folders_mutex_);
    return real_folders_.emplace(path, std::move(answer)).first->second;
}

bool DiskFileSystem::outside(const std::string& path) const {
    if (climbs_out(path))
        return true;
    // A named entry that is not itself a symlink lies where its folder really is; so does a
    // name that names nothing (a missing published.yaml, say), which reads as absent anyway.
    std::string name = file_name(path);
    if (!name.empty() && name != "." && name != ".." && plain_entry(path)) {
        auto folder = real_folder(parent_path(path));
        return !folder || !within(real_root_, *folder);
    }
    std::error_code ec;
    fs::path real = fs::weakly_canonical(fs::absolute(join_path(root_, path)), ec);
    return ec || !within(real_root_, real);
}

std::optional<HeldEntry> DiskFileSystem::listed(const std::string& path) const {
    HeldEntry held = held_entry(join_path(root_, parent_path(path)), file_name(path));
    if (held == HeldEntry::not_held || held == HeldEntry::other) // a link, say: followed
        return std::nullopt;
    return held;
}

bool DiskFileSystem::plain_entry(const std::string& path) const {
    if (listed(path))
        return true; // a file, a folder, or nothing at all
    struct stat status {};
    bool found = ::lstat(join_path(root_, path).c_str(), &status) == 0;
    return (found && !S_ISLNK(status.st_mode)) || (!found && errno == ENOENT);
}

std::optional<std::string> DiskFileSystem::resolve(const std::string& path) const {
    if (outside(path))
        return std::nullopt;
    return join_path(root_, path);
}

std::optional<std::string> read_regular_file(const std::string& native_path) {
    int fd = ::open(native_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    struct stat status {};
    std::optional<std::string> bytes;
    if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
        bytes.emplace();
        bytes->resize(static_cast<std::size_t>(status.st_size));
        std::size_t done = 0;
        while (bytes) {
            // Read until end of file: a file that grew since fstat is read whole all the same.
            // The size fstat gave is probed with a small read first, not by growing the string,
            // which would clear and copy every file once more.
            char probe[512];
            bool full = done == bytes->size();
            ssize_t got = full ? ::read(fd, probe, sizeof probe)
                               : ::read(fd, bytes->data() + done, bytes->size() - done);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                bytes.reset();
            else if (got == 0)
                break;
            else if (full) {
                bytes->append(probe, static_cast<std::size_t>(got));
                done = bytes->size();
            } else {
                done += static_cast<std::size_t>(got);
            }
        }
        if (bytes)
            bytes->resize(done);
    }
    ::close(fd);
    return bytes;
}

std::optional<std::string> read_up_to(int fd, std::uint64_t offset, std::size_t bytes) {
    // Read into the thread's buffer and copied at the size read: most answers are far shorter
    // than the question (a rebuild asks 16 KB of each of thousands of cache entries, most under
    // 2 KB), and a string of the size asked was zeroed, paged in and kept at that size.
    constexpr std::size_t buffer_limit = 64 * 1024;
    thread_local std::vector<char> buffer;
    const bool in_buffer = bytes <= buffer_limit;
    std::string larger;
    if (in_buffer && buffer.size() < bytes)
        buffer.resize(bytes);
    else if (!in_buffer)
        larger.resize(bytes);
    char* into = in_buffer ? buffer.data() : larger.data();
    ssize_t got;
    do // a regular file answers short only at its end: asking again would hear nothing
        got = ::pread(fd, into, bytes, static_cast<off_t>(offset));
    while (got < 0 && errno == EINTR);
    if (got < 0)
        return std::nullopt;
    if (in_buffer)
        return std::string(into, static_cast<std::size_t>(got));
    larger.resize(static_cast<std::size_t>(got));
    return larger;
}

std::optional<std::string> read_at(int fd, std::uint64_t offset, std::size_t bytes) {
    std::string text(bytes, '\0');
    std::size_t done = 0;
    while (done < bytes) {
        ssize_t got =
            ::pread(fd, text.data() + done, bytes - done, static_cast<off_t>(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return std::nullopt;
        done += static_cast<std::size_t>(got);
    }
    return text;
}

std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
    auto full = resolve(path);
    return full ? read_regular_file(*full) : std::nullopt;
}

std::optional<bool> DiskFileSystem::held_as(const std::string& path, HeldEntry kind) const {
    auto listed_as = listed(path);
    if (!listed_as)
        return std::nullopt;
    return *listed_as == kind && !outside(path);
}

bool DiskFileSystem::is_file(const std::string& path) const {
    if (auto held = held_as(path, HeldEntry::file))
        return *held;
    auto full = resolve(path);
    std::error_code ec;
    return full && fs::is_regular_file(*full, ec);
}

bool DiskFileSystem::is_directory(const std::string& path) const {
    if (auto held = held_as(path, HeldEntry::folder))
        return *held;
    auto full = resolve(path.empty() ? "." : path);
    std::error_code ec;
    return full && fs::is_directory(*full, ec);
}

std::vector<std::string> DiskFileSystem::list(const std::string& directory) const {
    std::vector<std::string> names;
    auto full = resolve(directory.empty() ? "." : directory);
    if (!full)
        return names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(*full, ec)) {
        std::string name = entry.path().filename().string();
        if (!name.empty() && name[0] != '.')
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<std::string> DiskFileSystem::native_path(const std::string& path) const {
    if (!is_file(path))
        return std::nullopt;
    return resolve(path);
}

void MemoryFileSystem::add(const std::string& path, std::string contents) {
    files_[path] = std::move(contents);
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
    auto it = files_.find(path);
    if (it == files_.end())
        return std::nullopt;
    return it->second;
}

bool MemoryFileSystem::is_file(const std::string& path) const {
    return files_.count(path) > 0;
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
    if (path.empty() || path == ".")
        return true;
    std::string prefix = path + "/";
    auto it = files_.lower_bound(prefix);
    return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> MemoryFileSystem::list(const std::string& directory) const {
    std::string prefix = (directory.empty() || directory == ".") ? "" : directory + "/";
    std::set<std::string> names;
    for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
        if (it->first.compare(0, prefix.size(), prefix) != 0)
            break;
        std::string rest = it->first.substr(prefix.size());
        std::string name = rest.substr(0, rest.find('/'));
        if (!name.empty() && name[0] != '.')
            names.insert(name);
    }
    return {names.begin(), names.end()};
}

} // namespace bp
