#pragma once
// SHA-256 digests, written as 64 lower-case hex digits: the identity of a file's bytes, used to
// key the build cache and to check its entries before they are used.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace bp {

std::string sha256_hex(std::string_view bytes);
// A check that bytes are still those that were written, 32 lower-case hex digits (XXH3's
// 128-bit hash): it finds a damaged or altered copy at a tenth of SHA-256's cost, which matters
// where a rebuild reads back hundreds of kilobytes it wrote itself, but it is no defence
// against bytes made to match it. A PDF's ID is made with it too (pack/post_pass.hpp).
std::string damage_check_hex(std::string_view bytes);
// The damage check of a file's bytes, read in pieces; nothing when it cannot be read.
std::optional<std::string> file_damage_check_hex(const std::filesystem::path& path);
// A digest of a set that needs no order: the sum, modulo 2^128, of a 128-bit hash (XXH3) of
// each member. Members added in any order give the same sum; a member changed, added or taken
// away changes it. Like damage_check_hex, it finds changes, not bytes made to match it: a
// search shard's postings, the files of an output folder.
struct UnorderedSum {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    void add(std::uint64_t add_low, std::uint64_t add_high) {
        low += add_low;
        high += add_high + (low < add_low ? 1 : 0); // the carry
    }
    void add(const UnorderedSum& other) { add(other.low, other.high); }
    // Adds the hash of `member`'s bytes, seeded with `seed`.
    void add_member(std::string_view member, std::uint64_t seed = 0);
    std::string hex() const; // 32 lower-case hex digits, the high half first
    bool operator==(const UnorderedSum&) const = default;
};
// The digest of a file's bytes, read in pieces; nothing when it cannot be read.
std::optional<std::string> file_sha256_hex(const std::filesystem::path& path);
// As file_sha256_hex, but a regular file digested before by this process and not changed
// since (the same device, inode, size, modification and change times) is not read again: a
// build digests each source for its own record and again for the meeting or board that reads
// it. A file changed in the last two seconds is read every time, as its times could repeat
// within the clock's tick after another change. Thread-safe. The path is taken as a string:
// a build asks for tens of thousands, and a std::filesystem::path splits each into its parts.
std::optional<std::string> remembered_file_sha256_hex(const std::string& path);
// While one lives, remembered_file_sha256_hex gives a path the digest it gave the first time,
// without looking at the file again: a build asks for each source's digest four or five times
// (its own record, the index memo, its meeting's and its board's keys), and a stat() each time
// was a tenth of a rebuild after one edit. A file changed meanwhile keeps its first digest, so
// the build's keys agree with one another; the build is then recorded as made from the older
// bytes, and the next build reads the file again. One build at a time in a process.
class DigestsHeldForBuild {
  public:
    DigestsHeldForBuild();
    ~DigestsHeldForBuild();
    DigestsHeldForBuild(const DigestsHeldForBuild&) = delete;
    DigestsHeldForBuild& operator=(const DigestsHeldForBuild&) = delete;
};
// The digests remembered that this process asked for, as text for a later process: a build
// keeps them in its cache, so that its sources are read again only when their times say they
// changed (as git's index does). Files changed in the two seconds before they were digested are
// never remembered, so a change within the clock's tick cannot hide behind equal times.
std::string remembered_digests_text();
// Remembers the digests a previous process handed on (remembered_digests_text()); false, and
// nothing remembered, when the text is not whole.
bool recall_remembered_digests(std::string_view text);

// A digest built from many parts. Each part is length-prefixed, so ("ab", "c") and ("a", "bc")
// give different digests.
class Digest {
  public:
    Digest();
    ~Digest();
    Digest(const Digest&) = delete;
    Digest& operator=(const Digest&) = delete;

    Digest& add(std::string_view part);
    std::string hex() const; // the digest so far; more parts may follow

  private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace bp
