#pragma once
// Pixel sizes of PNG and JPEG files, read from their headers so no image library is needed.
#include <optional>
#include <string>

namespace bp::layout {

enum class ImageFormat { png, jpeg };

struct ImageInfo {
    ImageFormat format = ImageFormat::png;
    int width = 0; // pixels
    int height = 0;
};

// Nothing when the file cannot be read or is neither PNG nor JPEG.
std::optional<ImageInfo> read_image_info(const std::string& native_path);

} // namespace bp::layout
