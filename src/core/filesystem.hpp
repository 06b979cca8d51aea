#pragma once
// The file-system seam: every stage reads through this, so tests can run entirely in memory.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unordered_map>
#include <vector>

namespace bp {

class FileSystem {
  public:
    virtual ~FileSystem() = default;
    // Paths are relative to the file system's root, with '/' separators.
    virtual std::optional<std::string> read(const std::string& path) const = 0;
    virtual bool is_file(const std::string& path) const = 0;
    virtual bool is_directory(const std::string& path) const = 0;
    // Immediate children's names, sorted, without hidden entries.
    virtual std::vector<std::string> list(const std::string& directory) const = 0;
    // A real path for libraries that only open files by name (fonts, PDF appendices).
    virtual std::optional<std::string> native_path(const std::string& path) const = 0;
    // True when `path` leaves the root: absolute, climbing out with "..", or (on disk) through a
    // symlink to a file elsewhere. Such paths read as absent; callers say why with this.
    virtual bool outside(const std::string& path) const;
};

// The hint for a file that lies outside the site folder, shared by every reader.
extern const char* const outside_site_hint;

enum class HeldEntry; // below, with the listings a build holds

class DiskFileSystem final : public FileSystem {
  public:
    explicit DiskFileSystem(std::string root);
    std::optional<std::string> read(const std::string& path) const override;
    bool is_file(const std::string& path) const override;
    bool is_directory(const std::string& path) const override;
    std::vector<std::string> list(const std::string& directory) const override;
    std::optional<std::string> native_path(const std::string& path) const override;
    bool outside(const std::string& path) const override;
    const std::string& root() const { return root_; }

  private:
    // The path under the root, or nothing when it leaves the root.
    std::optional<std::string> resolve(const std::string& path) const;
    // A folder's real path, worked out once per folder: a build asks of thousands of files in
    // a few hundred folders, and each answer from scratch costs a readlink per path part.
    std::optional<std::filesystem::path> real_folder(const std::string& path) const;
    // What the build's held listing of `path`'s folder says of it (a file, a folder or
    // nothing there); none when no listing is held or it names a link, which the disk answers.
    std::optional<HeldEntry> listed(const std::string& path) const;
    // Whether the entry at `path` is not a link (or names nothing), from the build's held
    // listing of its folder when there is one, else from an lstat.
    bool plain_entry(const std::string& path) const;
    // Whether `path` is a `kind` (a file or a folder) inside the root, from the build's held
    // listing of its folder; nothing when no listing is held or it names a link, which the
    // disk answers.
    std::optional<bool> held_as(const std::string& path, HeldEntry kind) const;
    std::string root_;
    std::filesystem::path real_root_;
    mutable std::mutex folders_mutex_;
    mutable std::unordered_map<std::string, std::optional<std::filesystem::path>> real_folders_;
};

class MemoryFileSystem final : public FileSystem {
  public:
    void add(const std::string& path, std::string contents);
    std::optional<std::string> read(const std::string& path) const override;
    bool is_file(const std::string& path) const override;
    bool is_directory(const std::string& path) const override;
    std::vector<std::string> list(const std::string& directory) const override;
    std::optional<std::string> native_path(const std::string&) const override {
        return std::nullopt;
    }

  private:
    std::map<std::string, std::string> files_;
};

// The bytes of a regular file named by its real path; nothing when it is missing, not a regular
// file, or cannot be read whole. The one reader of whole files: sources, cache entries, copies.
std::optional<std::string> read_regular_file(const std::string& native_path);

// `bytes` bytes of the open file `fd` from `offset`; nothing when they cannot all be read.
std::optional<std::string> read_at(int fd, std::uint64_t offset, std::size_t bytes);
// Up to `bytes` bytes of `fd` from `offset`, in one read: fewer only when a regular file ends
// first, so that a short answer gives its size without a stat. Nothing on a read error.
std::optional<std::string> read_up_to(int fd, std::uint64_t offset, std::size_t bytes);

// A folder's entry and what it is, as the folder listing says (one lstat() only where the file
// system does not): walks of output folders see hundreds of thousands of entries.
struct FolderEntry {
    enum class Kind { file, folder, other }; // other: a link, a device, anything else
    std::string name;
    Kind kind;
};
// The entries of the folder at `native_path`, "." and ".." left out, sorted by name; nothing
// when it cannot be read.
std::optional<std::vector<FolderEntry>> folder_entries(const std::string& native_path);
// A folder held open, so that what it holds is looked up from it, one name each, instead of
// along the whole path from the root: an output path is several folders deep, and a walk of
// the output or a rebuild looks up tens of thousands of them.
class OpenFolder {
  public:
    OpenFolder() = default;
    explicit OpenFolder(const std::string& native_path);
    ~OpenFolder();
    OpenFolder(OpenFolder&& other) noexcept;
    OpenFolder& operator=(OpenFolder&& other) noexcept;
    bool is_open() const { return fd_ >= 0; }
    // lstat() of `name` in the folder: false when it is not there or the folder is not open.
    bool look_up(const std::string& name, struct stat& status) const;
    // The same, following a link to what it names, as stat() does.
    bool look_through(const std::string& name, struct stat& status) const;
    // openat() of `relative`, a path below the folder, with open()'s `flags`: the walk starts
    // here rather than at the root. -1 when it cannot be opened or the folder is not open.
    int open_below(const std::string& relative, int flags) const;

  private:
    int fd_ = -1;
};
// As folder_entries, but while a SourceListingsHeldForBuild lives a folder is listed once,
// whoever asks: a build lists each source folder for its own record, the index memo's keys
// and its meeting's key. For the site's sources only, never the output, which the build
// changes as it goes.
std::optional<std::vector<FolderEntry>> source_folder_entries(const std::string& native_path);
// What the listing held for this build of the folder at `native_path` says of `name`, without
// a look at the disk: whether a meeting has a published.yaml, whether a paper's folder is
// there, asked of names the build's walk has listed already. not_held when no listing of that
// folder is held (or `name` is "", "." or ".."): the caller looks for itself.
enum class HeldEntry { not_held, absent, file, folder, other };
HeldEntry held_entry(const std::string& native_path, std::string_view name);
class SourceListingsHeldForBuild {
  public:
    SourceListingsHeldForBuild();
    ~SourceListingsHeldForBuild();
    SourceListingsHeldForBuild(const SourceListingsHeldForBuild&) = delete;
    SourceListingsHeldForBuild& operator=(const SourceListingsHeldForBuild&) = delete;
};
// "content/x" for "./content/x" (and "././content/x"): one folder or file, spelled as a build
// from "." walks it and as a reader names it.
std::string_view without_leading_dot_slash(std::string_view path);

// Calls `use` with the path, relative to `root`, of every file under `folder` (relative to
// `root`), as the build cache sees a folder: hidden names left out, links followed to files but
// never into folders, and folders for which `skip` (given their path relative to `root`) says
// so left out with all they hold. Folder by folder, in name order; a folder that cannot be read
// holds nothing. One listing a folder and a stat() only for links: a rebuild walks the whole
// site this way before it knows what changed.
void for_each_file_under(const std::string& root, const std::string& folder,
                         const std::function<bool(const std::string&)>& skip,
                         const std::function<void(const std::string&)>& use);

// Joins path parts with '/', ignoring empty parts.
std::string join_path(const std::string& a, const std::string& b);
std::string parent_path(const std::string& path);
std::string file_name(const std::string& path);
std::string file_stem(const std::string& path);
std::string file_extension(const std::string& path); // ".md", or "" when there is none

} // namespace bp
