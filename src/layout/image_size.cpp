#include "layout/image_size.hpp"

#include <fstream>
#include <sstream>

namespace bp::layout {

std::optional<ImageInfo> read_image_info(const std::string& native_path) {
    std::ifstream file(native_path, std::ios::binary);
    if (!file)
        return std::nullopt;
    std::ostringstream bytes;
    bytes << file.rdbuf();
    std::string error;
    auto header = read_image_header(bytes.str(), error);
    if (!header)
        return std::nullopt;
    return ImageInfo{header->format, header->width, header->height};
}

} // namespace bp::layout
