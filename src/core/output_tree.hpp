#pragma once
// Writes a build into a staging folder beside the destination and swaps it in only when the
// whole build succeeded, so a failed build never leaves a half-written output folder.
//
// A build that takes most of its files from the build cache may start from the previous build
// instead of an empty folder: the folder the swap takes out of service is kept beside the
// output (".public.previous") and becomes the next build's staging folder (after a build into a
// new folder, which swaps nothing out, a copy of it made of hard links). A file the build
// takes from the cache that is already there, linked to the same cached file, stays as it is;
// every file written is written afresh; whatever the previous build left there that this
// build does not write is removed before the swap. Linking and removing tens of thousands of
// unchanged files would otherwise cost a one-paper rebuild more than the paper.
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace bp {

class OpenFolder;

// Which file a path names: two paths with the same identity are one file.
struct FileIdentity {
    unsigned long long device = 0;
    unsigned long long inode = 0;
    bool operator==(const FileIdentity&) const = default;
};

// A file's size and modification time, as a build left it.
struct FileStamp {
    long long size = 0;
    long long modified_ns = 0; // since the epoch
};

// What becomes of the previous build the swap takes out of service.
enum class PreviousBuild {
    leave,  // removed; one kept by an earlier build is left alone (a preview's overlay)
    reuse,  // kept beside the destination, and this build starts from the one kept before
    remove, // removed, with one kept by an earlier build (a build without the cache)
};

class OutputTree {
  public:
    // Written into every output folder: a later build replaces only a folder that holds it.
    static const char* const marker_name;
    // Throws when the staging folder cannot be created. Removes staging folders that killed
    // builds left beside the destination.
    explicit OutputTree(std::string destination, PreviousBuild previous = PreviousBuild::leave);
    // Removes the staging folder unless commit() succeeded; one that started from a kept
    // previous build is kept again instead, for the next build.
    ~OutputTree();
    OutputTree(const OutputTree&) = delete;
    OutputTree& operator=(const OutputTree&) = delete;

    // Path is relative to the output root; parent folders are created. Thread-safe. Throws when
    // a byte cannot be written (full disk, I/O error).
    void write(const std::string& path, std::string_view bytes);
    void copy_file(const std::string& path, const std::string& source_native_path);
    // Puts `source_native_path` at `path` as a hard link, so nothing is copied (nothing at all
    // when the previous build left that very link there); false when the file system will not
    // (another device, say) and the caller must write the bytes. The source must never be
    // written in place while it is linked: a later write or copy to the same path replaces the
    // link rather than writing through it. `source` is the source's identity when the caller
    // has just looked it up.
    bool link_file(const std::string& path, const std::string& source_native_path,
                   std::optional<FileIdentity> source = std::nullopt);
    // A regular file the previous build left at `path` in a reused staging folder, as lstat()
    // finds it: a caller that knows which file belongs there (the build cache, by identity,
    // size and time) keeps it with keep_left() at the cost of this one look-up. None when
    // nothing is there or the staging folder started empty.
    struct LeftFile {
        FileIdentity identity;
        long long size = 0;
        long long modified_seconds = 0;
        long modified_nanoseconds = 0;
    };
    std::optional<LeftFile> left_file(const std::string& path) const;
    // left_file() for each of `paths`: the files of one folder, next to each other in the list,
    // are looked up from that folder, opened once, instead of each along its whole path (a
    // rebuild looks up every file of every unchanged meeting, and the walk down the path was
    // most of each look-up's cost). The last few folders opened stay open for the next call:
    // a kept meeting's pages and its packs are two calls on one folder, and every archive
    // pack is looked up in one.
    std::vector<std::optional<LeftFile>>
    left_files(const std::vector<std::string_view>& paths) const;
    // Counts the file left at `path` (as left_file() found it) as written by this build.
    void keep_left(const std::string& path, const LeftFile& left);
    // The reverse: links the file written at `path` to `target_native_path` (a new name), so
    // another store keeps it without a copy; false when it cannot, or when the file is not
    // `expected_size` bytes long (written since by another part). From then on the file is
    // treated as linked: a later write to `path` replaces it.
    bool share_file(const std::string& path, const std::string& target_native_path,
                    std::size_t expected_size);
    // The staging folder's real path, for tools that write files themselves.
    std::string staging_path(const std::string& path = {}) const;
    // Every path written so far that ends with `suffix` (all when empty), sorted.
    std::vector<std::string> written(std::string_view suffix = {}) const;
    // After commit(): calls `each(path, stamp)` once for every file the output folder holds,
    // the marker included, with its size and time as last written, so that a record of the
    // output needs no walk. In no particular order: sorting an archive's paths as a walk meets
    // them cost a rebuild more than the rest of its record. A file this build put there other
    // than through this tree is missing.
    void for_each_file_as_written(
        const std::function<void(std::string_view, const FileStamp&)>& each) const;

    // Keeps a copy of every file the current thread writes into `tree` while it lives, so a
    // part of the build (one meeting's pages) can be stored whole and written again later.
    class Capture {
      public:
        explicit Capture(OutputTree& tree);
        ~Capture();
        Capture(const Capture&) = delete;
        Capture& operator=(const Capture&) = delete;
        // Path in the output and bytes, in the order written.
        std::vector<std::pair<std::string, std::string>> take() { return std::move(files_); }

      private:
        friend class OutputTree;
        OutputTree& tree_;
        Capture* outer_;
        std::vector<std::pair<std::string, std::string>> files_;
    };
    // A file written in pieces, for one too large to build in memory first (an archive's
    // search shards): the bytes go out as the buffer fills. close() finishes the file and
    // lists it as written, as write() does; a stream left unclosed (an exception on the way)
    // leaves its file unlisted. Throws, like write(), when a byte cannot be written. One thread.
    class Stream {
      public:
        Stream(OutputTree& tree, std::string path);
        ~Stream();
        Stream(const Stream&) = delete;
        Stream& operator=(const Stream&) = delete;
        void append(std::string_view bytes);
        void close();

      private:
        static constexpr std::size_t flush_at = 256 * 1024;
        void flush();
        OutputTree& tree_;
        std::string path_;
        std::string native_;
        bool captured_; // a capture of the tree was open when the stream began: keep the bytes
        int fd_;
        std::string buffer_;
        std::string kept_;
    };
    // Swaps the staging folder in for the destination in one atomic exchange, after removing
    // what a reused previous build held and this build did not write. Returns false with a
    // message on failure, the destination untouched.
    bool commit(std::string& error);
    // The folder a previous build is kept in beside `destination`.
    static std::string previous_path(const std::string& destination);

  private:
    // Takes the kept previous build as the staging folder; false when there is none or it
    // holds anything but plain files and folders (then nothing is reused).
    bool claim_previous();
    // Whether `folder` of the staging folder holds only plain files and folders, all the way
    // down (a link could lead a later write out of the staging folder); what it holds is
    // listed in left_ on the way.
    bool list_left_entries(const std::string& folder);
    // The stamp of the file at `path` when the staging folder holds there, from the previous
    // build, a link to the source itself (`source` when the caller has its identity).
    std::optional<FileStamp> left_linked(const std::string& path,
                                         const std::string& source_native_path,
                                         std::optional<FileIdentity> source) const;
    void make_folder(const std::string& folder);
    // The staging folder's `folder`, held open: one of the few opened last, or opened now.
    // A folder removed since it was opened holds nothing, so a look-up in it finds nothing
    // left and the file is written again: never a file kept that is not there.
    std::shared_ptr<const OpenFolder> left_folder(std::string_view folder) const;
    // Removes from a reused staging folder every file the previous build left (left_) that
    // this build did not write, and the folders that leaves empty.
    void remove_unwritten();
    // The previous build, out of service after the swap (or this one, never swapped in): kept
    // for the next build when reusing, removed otherwise.
    void retire(const std::string& folder);
    // A build into a new folder swaps no previous build out: a copy of `built` made of hard
    // links is kept in its stead, so the next build starts from it rather than from nothing.
    // Best effort: when a link cannot be made, nothing is kept.
    void keep_linked_copy(const std::string& built);
    bool captured() const; // whether the current thread captures what it writes here
    void keep_for_capture(const std::string& path, std::string_view bytes);
    // The staging path for `path`, its folder made.
    std::string prepare(const std::string& path);
    void note_written(const std::string& path, const FileStamp& stamp);
    // Calls `each(path, stamp)` for every path written, in the order written.
    template <typename Each> void for_each_written(Each each) const;
    static thread_local Capture* capture_;
    std::string destination_;
    std::string staging_;
    std::string previous_;
    PreviousBuild previous_mode_;
    bool committed_ = false;
    bool reused_ = false; // the staging folder is a kept previous build
    // What the reused staging folder held when claimed, folder before contents, names in byte
    // order: each path ended by a NUL and preceded by 'd' (a folder) or 'f'. The one walk of
    // the previous build: a later look at what it left needs none.
    std::string left_;
    mutable std::mutex mutex_;
    // Every path written, each ended by a NUL and followed by its FileStamp's bytes: an archive
    // writes hundreds of thousands of files, and one string apiece would cost half as much
    // again.
    std::string written_;
    FileStamp marker_stamp_;
    // Folders made in the staging folder: a build writes thousands of files into a few hundred
    // folders, and making a folder that exists costs a look-up per path part.
    std::unordered_set<std::string> folders_;
    static constexpr std::size_t recent_folders_kept = 8;
    mutable std::mutex recent_mutex_;
    mutable std::vector<std::pair<std::string, std::shared_ptr<const OpenFolder>>>
        recent_folders_; // the most recent first
};

} // namespace bp
