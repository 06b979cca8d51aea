#pragma once
// The search index's postings while an archive is read. Each document's hits go, as they come,
// to a temporary file for their shard (a stem's first letter), and come back one shard at a
// time when the index is written: the index's memory follows its largest shard, not the
// archive. The files are in $TMPDIR (or /tmp), unlinked as soon as they are made, so they
// vanish with the process.
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace bp::site {

struct ShardPosting {
    std::uint32_t document = 0; // as numbered by the caller when it was added
    std::uint32_t weight = 0;
    std::vector<std::uint32_t> places; // offset, length pairs
};
// A shard's postings: stem → one posting per document that holds it, in the order added.
using ShardPostings = std::map<std::string, std::vector<ShardPosting>>;

class PostingSpill {
  public:
    PostingSpill();
    ~PostingSpill();
    PostingSpill(const PostingSpill&) = delete;
    PostingSpill& operator=(const PostingSpill&) = delete;

    // Not thread-safe: the index adds under its own lock. Throws when a temporary file cannot
    // be made or written (a full disk).
    void add(std::uint32_t document, const std::string& stem, std::uint32_t weight,
             const std::vector<std::uint32_t>& places);
    // The shards that have postings, in key order.
    std::vector<std::string> keys() const;
    // Reads one shard back; may be called again. Throws when its file cannot be read.
    ShardPostings shard(const std::string& key) const;

  private:
    struct File {
        std::FILE* handle = nullptr;
        ~File();
    };
    std::map<std::string, std::unique_ptr<File>> files_; // shard key → its file
};

} // namespace bp::site
