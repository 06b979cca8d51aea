#include "layout/image_size.hpp"

#include "core/filesystem.hpp"

namespace bp::layout {

std::optional<ImageInfo> read_image_info(const std::string& native_path) {
    auto bytes = read_regular_file(native_path);
    if (!bytes)
        return std::nullopt;
    std::string error;
    auto header = read_image_header(*bytes, error);
    if (!header)
        return std::nullopt;
    return ImageInfo{header->format, header->width, header->height};
}

} // namespace bp::layout
