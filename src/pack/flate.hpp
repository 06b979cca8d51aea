#pragma once
// Compresses the streams that leave libharu uncompressed (FlateDecode: deflate in zlib's
// wrapper); Cairo's charts come compressed, and qpdf compresses the object streams it makes
// itself. libdeflate at its fastest level, chosen by measurement on a 70-page pack's
// streams, uncompressed (1.2 MB): zlib at level 1 took 7.2 ms and gave 233 KB; libdeflate at
// level 1, 4.5 ms and 216 KB; at level 6, 9.2 ms and 189 KB (bench/README.md has what it
// changed for a whole pack). Fonts are most of a pack's bytes and each report PDF and archive
// pack copies them through, so they are compressed once, here, and never again.
#include <string>
#include <string_view>

namespace bp::pack {

// `plain` deflated into a zlib stream, as a PDF's /FlateDecode filter reads it. The same bytes
// give the same output on every run and thread.
std::string flate_compress(std::string_view plain);

} // namespace bp::pack
