#include "core/digest.hpp"

#include <nettle/sha2.h>

namespace bp {

std::string sha256_hex(std::string_view bytes) {
    sha256_ctx context;
    sha256_init(&context);
    sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&context, SHA256_DIGEST_SIZE, digest);
    static const char* const hex = "0123456789abcdef";
    std::string text;
    text.reserve(2 * SHA256_DIGEST_SIZE);
    for (std::uint8_t byte : digest) {
        text += hex[byte >> 4];
        text += hex[byte & 0x0f];
    }
    return text;
}

} // namespace bp
