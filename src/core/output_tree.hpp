#pragma once
// Writes a build into a staging folder beside the destination and swaps it in only when the
// whole build succeeded, so a failed build never leaves a half-written output folder.
#include <mutex>
#include <string>
#include <string_view>
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
    // The staging folder's real path, for tools that write files themselves.
    std::string staging_path(const std::string& path = {}) const;
    std::vector<std::string> written() const;
    // Swaps the staging folder in for the destination in one atomic exchange. Returns false
    // with a message on failure, the destination untouched.
    bool commit(std::string& error);

  private:
    std::string destination_;
    std::string staging_;
    bool committed_ = false;
    mutable std::mutex mutex_;
    std::vector<std::string> written_;
};

} // namespace bp
