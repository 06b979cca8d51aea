#pragma once
// The search index's postings while an archive is read. Each document's hits go, as they come,
// to a temporary file for their group of shards (the first letter or digit of the shard's key:
// "bu" and "bo" go to "b"), and come back when the index is written, as many shards or parts
// of a large shard as the caller asks for in one pass through the group's file: the index's
// memory follows the vocabulary, not the archive. A file a group, not a shard: an archive has
// hundreds of shards, and each file holds a descriptor and a buffer. The files are in $TMPDIR (or
// /tmp), unlinked as soon as they are made, so they vanish with the process.
#include "core/digest.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bp::site {

// One document's hits on one stem. Its places live in the shard's pool: a shard of a word found
// in every paper holds one posting per paper, and a vector each would triple its size.
struct ShardPosting {
    std::uint32_t document = 0; // as numbered by the caller when it was added
    std::uint32_t weight = 0;
    std::uint32_t first_place = 0; // where its places start in ShardPostings::places
    std::uint32_t place_count = 0;
};

// A shard's postings: by stem, one posting per document that holds it, in the order added.
struct ShardPostings {
    std::map<std::string, std::vector<ShardPosting>> by_stem;
    std::vector<std::uint32_t> places; // every posting's offset, length pairs

    std::span<const std::uint32_t> places_of(const ShardPosting& posting) const {
        return {places.data() + posting.first_place, posting.place_count};
    }
};

// What holding a stem's postings costs: how many there are, and their places.
struct StemTally {
    std::size_t postings = 0;
    std::size_t places = 0;
};

// What a shard's postings hold, whatever order they were added in: the sum, modulo 2^128, of a
// 128-bit hash of each posting, its document named by an identity the caller gives (the index
// hashes its address) rather than by its number. A meeting indexed afresh or taken from the
// build cache, in any order, adds the same; a posting changed, added or taken away changes the
// sum of its shard and of no other. The build cache keeps a shard under its sum (with the list
// of documents that numbers the postings), so an edit rewrites only the shards it touches.
using ShardSum = UnorderedSum;

// What one record (append_posting_record) adds to its shard's sum: an XXH3-128 of the record
// but its document's number, seeded with the document's identity.
ShardSum posting_sum(std::string_view record, std::uint64_t identity);

// A document's identity in the sums: a hash of its address, which names it in every build.
std::uint64_t document_identity(std::string_view url);

// A part of a shard: its stems from `first` to `last`, both included, in byte order. A shard
// too big to hold at once is read back a part at a time.
struct StemRange {
    std::string shard_key;
    std::string first;
    std::string last;
};

class PostingSpill {
  public:
    PostingSpill();
    ~PostingSpill();
    PostingSpill(const PostingSpill&) = delete;
    PostingSpill& operator=(const PostingSpill&) = delete;

    // Not thread-safe: the index adds under its own lock. Throws when a temporary file cannot
    // be made or written (a full disk).
    // `identity` names the document in the shard's sum (document_identity).
    void add(std::uint32_t document, const std::string& stem, std::uint32_t weight,
             const std::vector<std::uint32_t>& places, std::uint64_t identity);
    // The same for records made by append_posting_record, as they are but for their documents,
    // each moved on by `first_document`: a meeting the build cache kept joins the index without
    // its postings being taken apart and made again. `identities` names each of the records'
    // documents, by their number in `records`. Throws when `records` is not whole
    // (whole_posting_records) or numbers a document it has no identity for, as add() does.
    // `sums` says whether the records are added to their shards' sums, or were counted in
    // them already (add_sum).
    enum class Sums { add, counted };
    void add_records(std::uint32_t first_document, std::string_view records,
                     std::span<const std::uint64_t> identities, Sums sums = Sums::add);
    // Adds to a shard's sum postings whose records are not (yet) added: a meeting the build
    // cache kept, whose records are read only for the shards that are written again. The
    // shard is listed (shard_keys) from then on.
    void add_sum(std::string_view shard_key, const ShardSum& sum);
    // The sum of a shard's postings (zero for a shard with none).
    ShardSum sum_of(const std::string& shard_key) const;
    // The groups that have postings, in order.
    std::vector<std::string> groups() const;
    // The keys of the shards that have postings in a group, in order.
    std::set<std::string> shard_keys(const std::string& group) const;
    // The bytes of a group's records, which hold every posting's stem and places: what reading
    // them all back takes in memory is a small multiple of this.
    std::size_t group_bytes(const std::string& group) const;
    // Every stem with postings in a group, tallied, in order.
    std::map<std::string, StemTally> stems(const std::string& group) const;
    // Reads the postings of parts of one group's shards back from its file, in one pass: one
    // ShardPostings per range, in the order given. A group holds a few dozen shards, and
    // reading its file once for each was most of the time the index took to write. May be
    // called again; throws when the file cannot be read.
    std::vector<ShardPostings> parts(const std::string& group,
                                     const std::vector<StemRange>& ranges) const;
    // One shard's postings, whole.
    ShardPostings shard(const std::string& shard_key) const;

  private:
    // A group's file, with the records not yet written to it and the keys of its shards.
    struct File {
        std::FILE* handle = nullptr;
        std::size_t written = 0; // bytes in the file, the pending ones apart
        std::string pending;
        std::set<std::string> keys;
        ~File();
        void write_pending();
    };
    // A shard's file and sum, found at every posting by the slot its key's one or two bytes
    // give it: looking its key up in a set, or its group's name in a map, was most of the time
    // taken to add a posting.
    struct Shard {
        File* file = nullptr;
        ShardSum sum;
        bool listed = false; // in its file's keys
    };
    File& file_of(const std::string& group);
    Shard& shard_of(std::string_view key); // its file made when it has none
    // Keeps note of the record `file`'s pending bytes end with, from `at`, for `shard` (`key`),
    // its document named by `identity`.
    void added(File& file, Shard& shard, std::size_t at, std::string key, std::uint64_t identity);
    // The same for a record counted in its shard's sum already.
    void added(File& file, Shard& shard, std::string key);
    // Lists the shard (`key`) in its file's keys, the first time only.
    static void list_once(Shard& shard, std::string key);
    // Calls `each(stem, posting, places)` for every record of a group's file, in the order
    // written; `places` holds the record's places only until the next call.
    void read_group(const std::string& group,
                    const std::function<void(const std::string&, const ShardPosting&,
                                             const std::vector<std::uint32_t>&)>& each) const;
    std::map<std::string, std::unique_ptr<File>> files_; // group → its file
    // By a key's first byte, then its second (0 for a one-byte key), each block of 256 made
    // when its first key comes: keys start with a few dozen bytes, so a rebuild that reads the
    // kept sums of every shard makes a few dozen blocks of 8 KB. (One table for every slot was
    // 2 MB, made and paged in whole by every build.)
    using ShardBlock = std::array<Shard, 256>;
    std::array<std::unique_ptr<ShardBlock>, 256> shards_;
};

// The group a shard's postings are kept in while the archive is read: its key's first character.
std::string search_shard_group(const std::string& shard_key);

// Appends a posting as the temporary files hold it: document, stem length, stem, weight, place
// count and places, the numbers as 32-bit words in the machine's order.
void append_posting_record(std::string& records, std::uint32_t document, std::string_view stem,
                           std::uint32_t weight, std::span<const std::uint32_t> places);
// Calls `each(record, document, stem)` for each of `records`, in order; false, at the first
// record cut short, when they are not whole.
bool for_each_posting_record(
    std::string_view records,
    const std::function<void(std::string_view, std::uint32_t, std::string_view)>& each);
// Whether `records` are whole records end to end, each of a document below `documents`.
bool whole_posting_records(std::string_view records, std::uint32_t documents);

} // namespace bp::site
