#pragma once
// Sizes of the images a paper places, read from their headers (see core/image_file.hpp).
#include "core/image_file.hpp"

#include <optional>
#include <string>

namespace bp::layout {

using ImageFormat = bp::ImageFormat;

struct ImageInfo {
    ImageFormat format = ImageFormat::png;
    double width = 0; // pixels
    double height = 0;
};

// Nothing when the file cannot be read or is not a PNG, JPEG or SVG image of a size the
// pack can hold.
std::optional<ImageInfo> read_image_info(const std::string& native_path);

} // namespace bp::layout
