#include "core/digest.hpp"

#include <fstream>
#include <openssl/evp.h>
#include <stdexcept>

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

} // namespace bp
