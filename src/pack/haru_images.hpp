#pragma once
// PNG and JPEG images embedded in a libharu document from pixels decoded by core, never by
// libharu's own readers (they abort the process on a damaged PNG and mishandle 16-bit and
// interlaced ones).
#include "core/image_file.hpp"
#include "pack/haru_fonts.hpp"

#include <string>

namespace bp::pack {

// An image XObject for `image`, with a soft mask when it has transparency; null on failure.
HPDF_Image embed_decoded_image(HaruDocument& document, const DecodedImage& image);

// Decodes and embeds the file once per document; null for SVG (placed as vectors by the
// post-pass) and for files that cannot be decoded (already reported when the site loaded).
HPDF_Image embed_image_file(HaruDocument& document, const std::string& native_path);

} // namespace bp::pack
