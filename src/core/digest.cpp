#include "core/digest.hpp"

#include <array>
#include <ctime>
#include <fstream>
#include <map>
#include <mutex>
#include <openssl/evp.h>
#include <stdexcept>
#include <sys/stat.h>

namespace bp {

namespace {

// OpenSSL's SHA-256 (libcrypto is linked already through qpdf): it uses the processor's SHA
// instructions, and the build cache digests every byte it takes back.
struct Sha256 {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    Sha256() {
        if (!context || EVP_DigestInit_ex(context, EVP_sha256(), nullptr) != 1)
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

std::optional<std::string> file_sha256_hex(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    Sha256 state;
    char buffer[1 << 16];
    while (in) {
        in.read(buffer, sizeof buffer);
        state.update(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
    }
    if (in.bad())
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
};

// Changed long enough ago that a later change must show in its times.
bool settled(const struct stat& status) {
    std::time_t recent = std::time(nullptr) - 2;
    return status.st_mtim.tv_sec < recent && status.st_ctim.tv_sec < recent;
}

} // namespace

std::optional<std::string> remembered_file_sha256_hex(const std::filesystem::path& path) {
    static std::mutex mutex;
    static std::map<std::pair<dev_t, ino_t>, RememberedDigest> remembered;
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode))
        return file_sha256_hex(path);
    std::pair<dev_t, ino_t> file{status.st_dev, status.st_ino};
    FileStamp stamp{status.st_size, status.st_mtim, status.st_ctim};
    {
        std::lock_guard lock(mutex);
        auto found = remembered.find(file);
        if (found != remembered.end() && found->second.stamp == stamp)
            return std::string(found->second.hex.data(), found->second.hex.size());
    }
    std::optional<std::string> hex = file_sha256_hex(path);
    if (hex && hex->size() == 64 && settled(status)) {
        RememberedDigest digest{stamp, {}};
        std::copy(hex->begin(), hex->end(), digest.hex.begin());
        std::lock_guard lock(mutex);
        remembered[file] = digest;
    }
    return hex;
}

} // namespace bp
