#pragma once
// Writes a build into a staging folder beside the destination and swaps it in only when the
// whole build succeeded, so a failed build never leaves a half-written output folder.
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace bp {

class OutputTree {
  public:
    // Written into every output folder: a later build replaces only a folder that holds it.
    static const char* const marker_name;
    // Throws when the staging folder cannot be created. Removes staging folders that killed
    // builds left beside the destination.
    explicit OutputTree(std::string destination);
    ~OutputTree(); // removes the staging folder unless commit() succeeded
    OutputTree(const OutputTree&) = delete;
    OutputTree& operator=(const OutputTree&) = delete;

    // Path is relative to the output root; parent folders are created. Thread-safe. Throws when
    // a byte cannot be written (full disk, I/O error).
    void write(const std::string& path, std::string_view bytes);
    void copy_file(const std::string& path, const std::string& source_native_path);
    // Puts `source_native_path` at `path` as a hard link, so nothing is copied; false when the
    // file system will not (another device, say) and the caller must write the bytes. The
    // source must never be written in place while it is linked: a later write or copy to the
    // same path replaces the link rather than writing through it.
    bool link_file(const std::string& path, const std::string& source_native_path);
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
    // Swaps the staging folder in for the destination in one atomic exchange. Returns false
    // with a message on failure, the destination untouched.
    bool commit(std::string& error);

  private:
    bool captured() const; // whether the current thread captures what it writes here
    void keep_for_capture(const std::string& path, std::string_view bytes);
    // The staging path for `path`, its folder made and any link there removed.
    std::string prepare(const std::string& path);
    void note_written(const std::string& path, bool linked);
    static thread_local Capture* capture_;
    std::string destination_;
    std::string staging_;
    bool committed_ = false;
    mutable std::mutex mutex_;
    // Every path written, each ended by a NUL: an archive writes hundreds of thousands of
    // files, and one string apiece would cost half as much again.
    std::string written_;
    std::set<std::string> linked_;
    // Folders made in the staging folder: a build writes thousands of files into a few hundred
    // folders, and making a folder that exists costs a look-up per path part.
    std::unordered_set<std::string> folders_;
};

} // namespace bp
