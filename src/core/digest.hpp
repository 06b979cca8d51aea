#pragma once
// SHA-256 digests of file contents, written as lower-case hex. Publish records and build
// caches compare inputs by these.
#include <string>
#include <string_view>

namespace bp {

// "e3b0c442…" (64 hex digits) for the bytes given.
std::string sha256_hex(std::string_view bytes);

} // namespace bp
