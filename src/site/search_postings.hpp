#pragma once
// The search index's postings while an archive is read. Each document's hits go, as they come,
// to a temporary file for their group of shards (the first letter or digit of the shard's key:
// "bu" and "bo" go to "b"), and come back a group at a time when the index is written: the
// index's memory follows its largest group, not the archive. A file a group, not a shard: an
// archive has hundreds of shards, and each file holds a descriptor and a buffer. The files are
// in $TMPDIR (or /tmp), unlinked as soon as they are made, so they vanish with the process.
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
// Postings by stem → one posting per document that holds it, in the order added.
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
    // The groups that have postings, in order.
    std::vector<std::string> groups() const;
    // Reads one group's postings back, its shards' stems together; may be called again. Throws
    // when its file cannot be read.
    ShardPostings group(const std::string& name) const;

  private:
    struct File {
        std::FILE* handle = nullptr;
        ~File();
    };
    std::map<std::string, std::unique_ptr<File>> files_; // group → its file
};

// The group a shard's postings are kept in while the archive is read: its key's first character.
std::string search_shard_group(const std::string& shard_key);

} // namespace bp::site
