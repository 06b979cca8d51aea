#include "core/digest.hpp"

#include "core/filesystem.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <mutex>
#include <openssl/evp.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unordered_map>
#include <vector>
#include <xxhash.h>

namespace bp {

namespace {

// OpenSSL 3 looks the algorithm EVP_sha256() names up again each time a digest starts (a lock
// and a query of its providers' cache, 0.8 % of a one-paper rebuild, which starts thousands of
// small digests for its keys); fetched once, it is looked up once a process. Never freed: it
// lives as long as the process.
const EVP_MD* sha256_algorithm() {
    static const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
}

// OpenSSL's SHA-256 (libcrypto is linked already through qpdf): it uses the processor's SHA
// instructions, and the build cache digests every byte it takes back.
struct Sha256 {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    Sha256() {
        if (!context || EVP_DigestInit_ex(context, sha256_algorithm(), nullptr) != 1)
            throw std::runtime_error("cannot start a SHA-256 digest");
    }
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    ~Sha256() { EVP_MD_CTX_free(context); }
    void update(std::string_view bytes) { EVP_DigestUpdate(context, bytes.data(), bytes.size()); }
    // The digest in lower-case hex; `context` may go on being updated.
    std::string hex() const {
        EVP_MD_CTX* copy = EVP_MD_CTX_new();
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        bool done = copy && EVP_MD_CTX_copy_ex(copy, context) == 1 &&
                    EVP_DigestFinal_ex(copy, digest, &length) == 1;
        EVP_MD_CTX_free(copy);
        if (!done)
            throw std::runtime_error("cannot finish a SHA-256 digest");
        static const char digits[] = "0123456789abcdef";
        std::string text;
        for (unsigned int i = 0; i < length; ++i) {
            text += digits[digest[i] >> 4];
            text += digits[digest[i] & 15];
        }
        return text;
    }
};

} // namespace

struct Digest::State : Sha256 {};

Digest::Digest() : state_(std::make_unique<State>()) {}
Digest::~Digest() = default;

Digest& Digest::add(std::string_view part) {
    std::string length = std::to_string(part.size()) + ":";
    state_->update(length);
    state_->update(part);
    return *this;
}

std::string Digest::hex() const {
    return state_->hex();
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 state;
    state.update(bytes);
    return state.hex();
}

namespace {

std::string canonical_hex(XXH128_hash_t hash) {
    XXH128_canonical_t canonical; // big-endian: the same digits on any machine
    XXH128_canonicalFromHash(&canonical, hash);
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * sizeof canonical.digest);
    for (unsigned char byte : canonical.digest) {
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
    }
    return hex;
}

// Hands the file's bytes to `take` a piece at a time; false when it cannot be read.
template <typename Take> bool read_in_pieces(const std::filesystem::path& path, Take take) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    char buffer[1 << 16];
    while (in) {
        in.read(buffer, sizeof buffer);
        take(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
    }
    return !in.bad();
}

} // namespace

void UnorderedSum::add_member(std::string_view member, std::uint64_t seed) {
    XXH128_hash_t hash = XXH3_128bits_withSeed(member.data(), member.size(), seed);
    add(hash.low64, hash.high64);
}

std::string UnorderedSum::hex() const {
    char digits[33];
    std::snprintf(digits, sizeof digits, "%016llx%016llx", static_cast<unsigned long long>(high),
                  static_cast<unsigned long long>(low));
    return digits;
}

std::string damage_check_hex(std::string_view bytes) {
    return canonical_hex(XXH3_128bits(bytes.data(), bytes.size()));
}

std::optional<std::string> file_damage_check_hex(const std::filesystem::path& path) {
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(),
                                                                   &XXH3_freeState);
    if (!state || XXH3_128bits_reset(state.get()) != XXH_OK)
        return std::nullopt;
    if (!read_in_pieces(path, [&](std::string_view piece) {
            XXH3_128bits_update(state.get(), piece.data(), piece.size());
        }))
        return std::nullopt;
    return canonical_hex(XXH3_128bits_digest(state.get()));
}

std::optional<std::string> file_sha256_hex(const std::filesystem::path& path) {
    Sha256 state;
    if (!read_in_pieces(path, [&](std::string_view piece) { state.update(piece); }))
        return std::nullopt;
    return state.hex();
}

namespace {

struct FileStamp {
    off_t size;
    std::timespec modified;
    std::timespec changed;

    bool operator==(const FileStamp& other) const {
        auto same = [](const std::timespec& a, const std::timespec& b) {
            return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
        };
        return size == other.size && same(modified, other.modified) && same(changed, other.changed);
    }
};

struct RememberedDigest {
    FileStamp stamp;
    std::array<char, 64> hex;
    bool used = false; // asked for by this process: only these are handed on
};

using FileKey = std::pair<dev_t, ino_t>;
struct FileKeyHash {
    std::size_t operator()(const FileKey& key) const {
        return static_cast<std::size_t>(key.second) ^
               (static_cast<std::size_t>(key.first) * 0x9E3779B97F4A7C15ULL);
    }
};

// A path held by its XXH3-128 hash rather than its text, and a digest as its 64 digits: an
// archive holds some 60,000 sources for the whole build, and as strings they took 7 MiB more
// of a 50,000-paper build's peak. Two sharing a hash is a chance of about one in 10^29.
struct PathKey {
    std::uint64_t low = 0, high = 0;
    bool operator==(const PathKey&) const = default;
};
struct PathKeyHash {
    std::size_t operator()(const PathKey& key) const { return static_cast<std::size_t>(key.low); }
};
PathKey path_key(std::string_view path) {
    XXH128_hash_t hash = XXH3_128bits(path.data(), path.size());
    return {hash.low64, hash.high64};
}
struct HeldDigest {
    std::array<char, 64> hex{};
    bool found = false; // a regular file that could be read
    HeldDigest() = default;
    explicit HeldDigest(const std::optional<std::string>& digest) : found(digest.has_value()) {
        if (digest && digest->size() == hex.size())
            std::copy(digest->begin(), digest->end(), hex.begin());
        found = found && digest->size() == hex.size();
    }
    std::optional<std::string> digest() const {
        return found ? std::optional<std::string>(std::string(hex.data(), hex.size()))
                     : std::nullopt;
    }
};

struct Remembered {
    std::mutex mutex;
    // Hashed: a build looks up every source, and recalls as many; handed on in order.
    std::unordered_map<FileKey, RememberedDigest, FileKeyHash> digests;
    bool held = false; // a DigestsHeldForBuild lives: by_path answers
    std::unordered_map<PathKey, HeldDigest, PathKeyHash> by_path;
};

Remembered& remembered() {
    static Remembered memory;
    return memory;
}

// Changed long enough ago that a later change must show in its times.
bool settled(const struct stat& status) {
    std::time_t recent = std::time(nullptr) - 2;
    return status.st_mtim.tv_sec < recent && status.st_ctim.tv_sec < recent;
}

bool is_hex_digest(std::string_view text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::optional<std::string> digest_by_stamp(const std::string& path);

} // namespace

std::optional<std::string> remembered_file_sha256_hex(const std::string& path) {
    // "./content/x.md" and "content/x.md" name one file: a site built from "." is walked with
    // one spelling and read with the other.
    std::string_view spelling = without_leading_dot_slash(path);
    Remembered& memory = remembered();
    bool held = false;
    {
        std::lock_guard lock(memory.mutex);
        held = memory.held;
        auto found = held ? memory.by_path.find(path_key(spelling)) : memory.by_path.end();
        if (found != memory.by_path.end())
            return found->second.digest();
    }
    std::optional<std::string> hex = digest_by_stamp(path);
    if (!held)
        return hex;
    std::lock_guard lock(memory.mutex);
    return memory.by_path.emplace(path_key(spelling), HeldDigest(hex)).first->second.digest();
}

DigestsHeldForBuild::DigestsHeldForBuild() {
    std::lock_guard lock(remembered().mutex);
    remembered().held = true;
}

DigestsHeldForBuild::~DigestsHeldForBuild() {
    std::lock_guard lock(remembered().mutex);
    remembered().held = false;
    remembered().by_path.clear();
}

namespace {

// The digest of the file at `path`, not read again when its device, inode, size and times are
// those of a file digested before.
std::optional<std::string> digest_by_stamp(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode))
        return file_sha256_hex(path);
    FileKey file{status.st_dev, status.st_ino};
    FileStamp stamp{status.st_size, status.st_mtim, status.st_ctim};
    Remembered& memory = remembered();
    {
        std::lock_guard lock(memory.mutex);
        auto found = memory.digests.find(file);
        if (found != memory.digests.end() && found->second.stamp == stamp) {
            found->second.used = true;
            return std::string(found->second.hex.data(), found->second.hex.size());
        }
    }
    std::optional<std::string> hex = file_sha256_hex(path);
    if (hex && hex->size() == 64 && settled(status)) {
        RememberedDigest digest{stamp, {}, true};
        std::copy(hex->begin(), hex->end(), digest.hex.begin());
        std::lock_guard lock(memory.mutex);
        memory.digests[file] = digest;
    }
    return hex;
}

} // namespace

std::string remembered_digests_text() {
    Remembered& memory = remembered();
    std::lock_guard lock(memory.mutex);
    // In the files' order, so that the same digests give the same text, which is not stored
    // again.
    std::vector<const std::pair<const FileKey, RememberedDigest>*> used;
    for (const auto& entry : memory.digests)
        if (entry.second.used)
            used.push_back(&entry);
    std::sort(used.begin(), used.end(),
              [](const auto* a, const auto* b) { return a->first < b->first; });
    std::string text;
    for (const auto* entry : used) {
        const FileKey& file = entry->first;
        const RememberedDigest& digest = entry->second;
        const FileStamp& stamp = digest.stamp;
        for (long long number :
             {static_cast<long long>(file.first), static_cast<long long>(file.second),
              static_cast<long long>(stamp.size), static_cast<long long>(stamp.modified.tv_sec),
              static_cast<long long>(stamp.modified.tv_nsec),
              static_cast<long long>(stamp.changed.tv_sec),
              static_cast<long long>(stamp.changed.tv_nsec)})
            text += std::to_string(number) + ' ';
        text.append(digest.hex.data(), digest.hex.size());
        text += '\n';
    }
    return text;
}

bool recall_remembered_digests(std::string_view text) {
    std::vector<std::pair<FileKey, RememberedDigest>> recalled;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        if (end == std::string_view::npos)
            return false;
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end + 1);
        long long numbers[7];
        for (long long& number : numbers) {
            auto [after, error] = std::from_chars(line.data(), line.data() + line.size(), number);
            if (error != std::errc() || after == line.data() + line.size() || *after != ' ')
                return false;
            line.remove_prefix(static_cast<std::size_t>(after - line.data()) + 1);
        }
        if (!is_hex_digest(line))
            return false;
        RememberedDigest digest{
            {static_cast<off_t>(numbers[2]),
             {static_cast<std::time_t>(numbers[3]), static_cast<long>(numbers[4])},
             {static_cast<std::time_t>(numbers[5]), static_cast<long>(numbers[6])}},
            {},
            false};
        std::copy(line.begin(), line.end(), digest.hex.begin());
        recalled.emplace_back(
            FileKey{static_cast<dev_t>(numbers[0]), static_cast<ino_t>(numbers[1])}, digest);
    }
    Remembered& memory = remembered();
    std::lock_guard lock(memory.mutex);
    memory.digests.reserve(memory.digests.size() + recalled.size());
    if (memory.held) // the build will ask for about as many paths
        memory.by_path.reserve(recalled.size());
    for (auto& [file, digest] : recalled)
        memory.digests.try_emplace(file, digest); // what this process found itself stands
    return true;
}

} // namespace bp
