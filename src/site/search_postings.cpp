#include "site/search_postings.hpp"

#include "site/search_terms.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <tuple>
#include <unistd.h>
#include <xxhash.h>

namespace bp::site {
namespace {

// A record: document, stem length, stem, weight, place count, places; numbers as 32-bit words
// in the machine's order (a file never outlives the process that wrote it; the build cache, which
// keeps a meeting's records for later builds, notes the order beside them).
void append_number(std::string& out, std::uint32_t value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

std::uint32_t number_at(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    std::memcpy(&value, bytes.data() + at, sizeof value);
    return value;
}

// Calls `each(record, document, stem)` for each record of `records`, in order; false, at the
// first record that is cut short, when they are not whole.
template <typename Each> bool for_each_record(std::string_view records, Each each) {
    constexpr std::size_t word = sizeof(std::uint32_t);
    while (!records.empty()) {
        if (records.size() < 2 * word)
            return false;
        std::size_t stem_length = number_at(records, word);
        if (records.size() - 2 * word < stem_length + 2 * word)
            return false;
        std::size_t count = number_at(records, 2 * word + stem_length + word);
        std::size_t length = 4 * word + stem_length;
        if ((records.size() - length) / word < count)
            return false;
        length += count * word;
        each(records.substr(0, length), number_at(records, 0),
             records.substr(2 * word, stem_length));
        records.remove_prefix(length);
    }
    return true;
}

// A shard's key is one or two bytes (search_shard_key): its block, and its place in the block,
// number them all apart.
unsigned char block_of(std::string_view key) {
    return static_cast<unsigned char>(key[0]);
}

unsigned char place_in_block(std::string_view key) {
    return key.size() > 1 ? static_cast<unsigned char>(key[1]) : 0;
}

// Records wait in memory until a group has this many bytes of them: a group's file is written
// in a few large pieces, not a call into stdio for each posting.
constexpr std::size_t pending_bytes = 64u << 10;

std::runtime_error file_error(const std::string& what) {
    return std::runtime_error(what + " the search index's temporary file: " + std::strerror(errno));
}

// A file in $TMPDIR (or /tmp) that has no name from the start: it goes when the process ends,
// however it ends. tmpfile() would ignore $TMPDIR, which is where a user points spills away
// from a small /tmp.
std::FILE* anonymous_file() {
    const char* set = std::getenv("TMPDIR");
    std::string folder = set && *set ? set : "/tmp";
    std::string pattern = folder + "/boardpack-XXXXXX";
    int fd = ::mkstemp(pattern.data());
    std::FILE* file = fd < 0 ? nullptr : ::fdopen(fd, "w+b");
    if (!file) {
        std::string reason = std::strerror(errno);
        if (fd >= 0) {
            ::close(fd);
            ::unlink(pattern.c_str());
        }
        throw std::runtime_error("cannot make a temporary file for the search index in " + folder +
                                 ": " + reason +
                                 " (TMPDIR names the folder; it must exist and be writable)");
    }
    ::unlink(pattern.c_str());
    return file;
}

// Reads a group's file from its start, a record at a time, through a buffer of its own (a call
// into stdio for each number cost more than all the rest of the reading); no copy of the whole
// file is held.
class RecordStream {
  public:
    RecordStream(std::FILE* handle, std::size_t size)
        : handle_(handle), left_(size), unread_(size) {}
    // False at the end of the file. Throws on a record cut short.
    bool next(std::string& stem, ShardPosting& posting, std::vector<std::uint32_t>& places) {
        if (left_ == 0)
            return false;
        posting.document = number();
        stem.resize(number());
        read(stem.data(), stem.size());
        posting.weight = number();
        std::uint32_t count = number();
        need(std::size_t{count} * sizeof(std::uint32_t));
        places.resize(count);
        read(places.data(), places.size() * sizeof(std::uint32_t));
        posting.place_count = count;
        return true;
    }

  private:
    static constexpr std::size_t chunk = 256u << 10;

    std::uint32_t number() {
        std::uint32_t value = 0;
        read(&value, sizeof value);
        return value;
    }
    void read(void* into, std::size_t length) {
        need(length);
        auto* out = static_cast<char*>(into);
        while (length > 0) {
            if (at_ == buffer_.size())
                refill();
            std::size_t take = std::min(length, buffer_.size() - at_);
            std::memcpy(out, buffer_.data() + at_, take);
            at_ += take;
            out += take;
            length -= take;
            left_ -= take;
        }
    }
    void refill() {
        buffer_.resize(std::min(unread_, chunk));
        if (std::fread(buffer_.data(), 1, buffer_.size(), handle_) != buffer_.size())
            throw file_error("cannot read");
        unread_ -= buffer_.size();
        at_ = 0;
    }
    void need(std::size_t length) const {
        if (left_ < length)
            throw std::runtime_error("the search index's temporary file ends mid-record");
    }
    std::FILE* handle_;
    std::size_t left_;   // bytes of records not yet read
    std::size_t unread_; // bytes of the file not yet in the buffer
    std::vector<char> buffer_;
    std::size_t at_ = 0; // the next byte of the buffer to read
};

} // namespace

PostingSpill::File::~File() {
    if (handle)
        std::fclose(handle);
}

void PostingSpill::File::write_pending() {
    if (!pending.empty() &&
        std::fwrite(pending.data(), 1, pending.size(), handle) != pending.size())
        throw file_error("cannot write");
    written += pending.size();
    pending.clear();
}

PostingSpill::PostingSpill() = default;
PostingSpill::~PostingSpill() = default;

PostingSpill::File& PostingSpill::file_of(const std::string& group) {
    auto found = files_.find(group);
    if (found == files_.end()) {
        // Made before it is listed: a group whose file could not be made has no entry.
        auto file = std::make_unique<File>();
        file->handle = anonymous_file();
        found = files_.emplace(group, std::move(file)).first;
    }
    return *found->second;
}

void PostingSpill::add(std::uint32_t document, const std::string& stem, std::uint32_t weight,
                       const std::vector<std::uint32_t>& places, std::uint64_t identity) {
    std::string key = search_shard_key(stem);
    Shard& shard = shard_of(key);
    File& file = *shard.file;
    std::size_t at = file.pending.size();
    append_posting_record(file.pending, document, stem, weight, places);
    added(file, shard, at, std::move(key), identity);
}

void PostingSpill::add_records(std::uint32_t first_document, std::string_view records,
                               std::span<const std::uint64_t> identities, Sums sums) {
    bool whole = for_each_record(
        records, [&](std::string_view record, std::uint32_t document, std::string_view stem) {
            if (document >= identities.size())
                throw std::runtime_error(
                    "a meeting's postings, as the build cache kept them, name a document it "
                    "does not list");
            std::string key = search_shard_key(stem);
            Shard& shard = shard_of(key);
            File& file = *shard.file;
            std::size_t at = file.pending.size();
            file.pending += record;
            std::uint32_t numbered = first_document + document;
            std::memcpy(file.pending.data() + at, &numbered, sizeof numbered);
            if (sums == Sums::add)
                added(file, shard, at, std::move(key), identities[document]);
            else
                added(file, shard, std::move(key));
        });
    if (!whole)
        throw std::runtime_error(
            "a meeting's postings, as the build cache kept them, are cut short");
}

PostingSpill::Shard& PostingSpill::shard_of(std::string_view key) {
    auto& block = shards_[block_of(key)];
    if (!block)
        block = std::make_unique<ShardBlock>();
    Shard& shard = (*block)[place_in_block(key)];
    if (!shard.file)
        shard.file = &file_of(search_shard_group(std::string(key)));
    return shard;
}

void PostingSpill::added(File& file, Shard& shard, std::size_t at, std::string key,
                         std::uint64_t identity) {
    shard.sum.add(posting_sum(std::string_view(file.pending).substr(at), identity));
    added(file, shard, std::move(key));
}

void PostingSpill::added(File& file, Shard& shard, std::string key) {
    // Written in large pieces; the file stands at its end (read_group leaves it there).
    if (file.pending.size() >= pending_bytes)
        file.write_pending();
    list_once(shard, std::move(key));
}

void PostingSpill::add_sum(std::string_view shard_key, const ShardSum& sum) {
    // Once for every shard of every meeting an archive holds: no string is made for a shard
    // already listed.
    Shard& shard = shard_of(shard_key);
    shard.sum.add(sum);
    if (!shard.listed)
        list_once(shard, std::string(shard_key));
}

void PostingSpill::list_once(Shard& shard, std::string key) {
    if (!shard.listed) {
        shard.listed = true;
        shard.file->keys.insert(std::move(key));
    }
}

ShardSum PostingSpill::sum_of(const std::string& shard_key) const {
    if (shard_key.empty() || !shards_[block_of(shard_key)])
        return {};
    return (*shards_[block_of(shard_key)])[place_in_block(shard_key)].sum;
}

std::vector<std::string> PostingSpill::groups() const {
    std::vector<std::string> names;
    for (const auto& [name, file] : files_)
        names.push_back(name);
    return names;
}

void PostingSpill::read_group(
    const std::string& group,
    const std::function<void(const std::string&, const ShardPosting&,
                             const std::vector<std::uint32_t>&)>& each) const {
    auto found = files_.find(group);
    if (found == files_.end())
        return;
    found->second->write_pending();
    std::FILE* handle = found->second->handle;
    if (std::fflush(handle) != 0 || std::fseek(handle, 0, SEEK_END) != 0)
        throw file_error("cannot read");
    long size = std::ftell(handle);
    if (size < 0)
        throw file_error("cannot read");
    std::rewind(handle);
    RecordStream records(handle, static_cast<std::size_t>(size));
    std::string stem;
    ShardPosting posting;
    std::vector<std::uint32_t> places;
    while (records.next(stem, posting, places))
        each(stem, posting, places);
    // Back to the end, where the next record goes (and a read must be followed by a seek
    // before a stream is written again).
    if (std::fseek(handle, 0, SEEK_END) != 0)
        throw file_error("cannot read");
}

std::size_t PostingSpill::group_bytes(const std::string& group) const {
    auto found = files_.find(group);
    return found == files_.end() ? 0 : found->second->written + found->second->pending.size();
}

std::map<std::string, StemTally> PostingSpill::stems(const std::string& group) const {
    std::map<std::string, StemTally> tallies;
    read_group(group, [&](const std::string& stem, const ShardPosting& posting,
                          const std::vector<std::uint32_t>&) {
        StemTally& tally = tallies[stem];
        ++tally.postings;
        tally.places += posting.place_count;
    });
    return tallies;
}

std::set<std::string> PostingSpill::shard_keys(const std::string& group) const {
    auto found = files_.find(group);
    return found == files_.end() ? std::set<std::string>() : found->second->keys;
}

std::vector<ShardPostings> PostingSpill::parts(const std::string& group,
                                               const std::vector<StemRange>& ranges) const {
    // The ranges by shard and first stem: a record's part is found by a binary search.
    std::vector<std::size_t> order(ranges.size());
    for (std::size_t n = 0; n < order.size(); ++n)
        order[n] = n;
    auto starts_before = [&](std::size_t a, std::size_t b) {
        return std::tie(ranges[a].shard_key, ranges[a].first) <
               std::tie(ranges[b].shard_key, ranges[b].first);
    };
    std::sort(order.begin(), order.end(), starts_before);
    std::vector<ShardPostings> found(ranges.size());
    std::string key;
    read_group(group, [&](const std::string& stem, const ShardPosting& posting,
                          const std::vector<std::uint32_t>& places) {
        key = search_shard_key(stem);
        auto after = std::partition_point(order.begin(), order.end(), [&](std::size_t n) {
            return std::tie(ranges[n].shard_key, ranges[n].first) <= std::tie(key, stem);
        });
        if (after == order.begin())
            return;
        std::size_t part = *(after - 1);
        if (ranges[part].shard_key != key || ranges[part].last < stem)
            return;
        ShardPostings& postings = found[part];
        ShardPosting kept = posting;
        kept.first_place = static_cast<std::uint32_t>(postings.places.size());
        postings.places.insert(postings.places.end(), places.begin(), places.end());
        postings.by_stem[stem].push_back(kept);
    });
    return found;
}

ShardPostings PostingSpill::shard(const std::string& shard_key) const {
    // No UTF-8 stem sorts after a lone 0xFF byte.
    return std::move(parts(search_shard_group(shard_key), {{shard_key, "", "\xFF"}}).front());
}

ShardSum posting_sum(std::string_view record, std::uint64_t identity) {
    // The record but its document's number, which depends on the order meetings came in.
    record.remove_prefix(std::min(record.size(), sizeof(std::uint32_t)));
    ShardSum sum;
    sum.add_member(record, identity);
    return sum;
}

std::uint64_t document_identity(std::string_view url) {
    return XXH3_64bits(url.data(), url.size());
}

std::string search_shard_group(const std::string& shard_key) {
    return shard_key.substr(0, 1);
}

void append_posting_record(std::string& records, std::uint32_t document, std::string_view stem,
                           std::uint32_t weight, std::span<const std::uint32_t> places) {
    append_number(records, document);
    append_number(records, static_cast<std::uint32_t>(stem.size()));
    records += stem;
    append_number(records, weight);
    append_number(records, static_cast<std::uint32_t>(places.size()));
    for (std::uint32_t place : places)
        append_number(records, place);
}

bool for_each_posting_record(
    std::string_view records,
    const std::function<void(std::string_view, std::uint32_t, std::string_view)>& each) {
    return for_each_record(records, each);
}

bool whole_posting_records(std::string_view records, std::uint32_t documents) {
    bool numbered = true;
    bool whole =
        for_each_record(records, [&](std::string_view, std::uint32_t document, std::string_view) {
            numbered = numbered && document < documents;
        });
    return whole && numbered;
}

} // namespace bp::site
