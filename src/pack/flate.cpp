#include "pack/flate.hpp"

#include <libdeflate.h>
#include <memory>
#include <new>
#include <stdexcept>

namespace bp::pack {

namespace {

constexpr int flate_level = 1;

struct CompressorFree {
    void operator()(libdeflate_compressor* compressor) const {
        libdeflate_free_compressor(compressor);
    }
};

// A compressor holds a few hundred KB of tables: one per thread, made on first use.
libdeflate_compressor& thread_compressor() {
    thread_local std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(
        libdeflate_alloc_compressor(flate_level));
    if (!compressor)
        throw std::bad_alloc();
    return *compressor;
}

} // namespace

std::string flate_compress(std::string_view plain) {
    libdeflate_compressor& compressor = thread_compressor();
    std::string compressed(libdeflate_zlib_compress_bound(&compressor, plain.size()), '\0');
    std::size_t size = libdeflate_zlib_compress(&compressor, plain.data(), plain.size(),
                                                compressed.data(), compressed.size());
    if (size == 0) // cannot happen within the bound; never return a truncated stream
        throw std::runtime_error("deflate did not fit its bound");
    compressed.resize(size);
    return compressed;
}

} // namespace bp::pack
