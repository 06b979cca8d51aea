#include "core/digest.hpp"

#include <fstream>
#include <glib.h>

namespace bp {

namespace {

// GLib's checksum (linked already through librsvg) rather than a copied SHA-256.
struct Sha256 {
    GChecksum* checksum = g_checksum_new(G_CHECKSUM_SHA256);
    Sha256() = default;
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    ~Sha256() { g_checksum_free(checksum); }
    void update(std::string_view bytes) {
        g_checksum_update(checksum, reinterpret_cast<const guchar*>(bytes.data()),
                          static_cast<gssize>(bytes.size()));
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
    GChecksum* copy = g_checksum_copy(state_->checksum);
    std::string text = g_checksum_get_string(copy);
    g_checksum_free(copy);
    return text;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 state;
    state.update(bytes);
    return g_checksum_get_string(state.checksum);
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
    return std::string(g_checksum_get_string(state.checksum));
}

} // namespace bp
