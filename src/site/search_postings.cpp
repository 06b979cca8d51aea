#include "site/search_postings.hpp"

#include "site/search_terms.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <unistd.h>

namespace bp::site {
namespace {

// A record: document, stem length, stem, weight, place count, places; numbers as 32-bit words
// in the machine's order (the file never outlives the process that wrote it).
void append_number(std::string& out, std::uint32_t value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

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

class RecordReader {
  public:
    explicit RecordReader(const std::string& bytes) : bytes_(bytes) {}
    bool done() const { return at_ == bytes_.size(); }
    std::uint32_t number() {
        std::uint32_t value = 0;
        need(sizeof value);
        std::memcpy(&value, bytes_.data() + at_, sizeof value);
        at_ += sizeof value;
        return value;
    }
    std::string text(std::size_t length) {
        need(length);
        std::string value = bytes_.substr(at_, length);
        at_ += length;
        return value;
    }

  private:
    void need(std::size_t length) const {
        if (bytes_.size() - at_ < length)
            throw std::runtime_error("the search index's temporary file ends mid-record");
    }
    const std::string& bytes_;
    std::size_t at_ = 0;
};

} // namespace

PostingSpill::File::~File() {
    if (handle)
        std::fclose(handle);
}

PostingSpill::PostingSpill() = default;
PostingSpill::~PostingSpill() = default;

void PostingSpill::add(std::uint32_t document, const std::string& stem, std::uint32_t weight,
                       const std::vector<std::uint32_t>& places) {
    std::string name = search_shard_group(search_shard_key(stem));
    auto found = files_.find(name);
    if (found == files_.end()) {
        // Made before it is listed: a group whose file could not be made has no entry.
        auto file = std::make_unique<File>();
        file->handle = anonymous_file();
        std::setvbuf(file->handle, nullptr, _IOFBF, 1 << 16); // few, large writes
        found = files_.emplace(name, std::move(file)).first;
    }
    const auto& file = found->second;
    std::string record;
    append_number(record, document);
    append_number(record, static_cast<std::uint32_t>(stem.size()));
    record += stem;
    append_number(record, weight);
    append_number(record, static_cast<std::uint32_t>(places.size()));
    for (std::uint32_t place : places)
        append_number(record, place);
    // The file stands at its end: group() leaves it there after reading.
    if (std::fwrite(record.data(), 1, record.size(), file->handle) != record.size())
        throw file_error("cannot write");
}

std::vector<std::string> PostingSpill::groups() const {
    std::vector<std::string> names;
    for (const auto& [name, file] : files_)
        names.push_back(name);
    return names;
}

ShardPostings PostingSpill::group(const std::string& name) const {
    ShardPostings postings;
    auto found = files_.find(name);
    if (found == files_.end())
        return postings;
    std::FILE* handle = found->second->handle;
    if (std::fflush(handle) != 0 || std::fseek(handle, 0, SEEK_END) != 0)
        throw file_error("cannot read");
    long size = std::ftell(handle);
    std::string bytes(size < 0 ? 0 : static_cast<std::size_t>(size), '\0');
    std::rewind(handle);
    // Back to the end afterwards, where the next record goes (and a read must be followed by a
    // seek before a stream is written again).
    if (size < 0 || std::fread(bytes.data(), 1, bytes.size(), handle) != bytes.size() ||
        std::fseek(handle, 0, SEEK_END) != 0)
        throw file_error("cannot read");
    RecordReader records(bytes);
    while (!records.done()) {
        ShardPosting posting;
        posting.document = records.number();
        std::string stem = records.text(records.number());
        posting.weight = records.number();
        std::uint32_t count = records.number();
        for (std::uint32_t n = 0; n < count; ++n)
            posting.places.push_back(records.number());
        postings[std::move(stem)].push_back(std::move(posting));
    }
    return postings;
}

std::string search_shard_group(const std::string& shard_key) {
    return shard_key.substr(0, 1);
}

} // namespace bp::site
