#include "layout/image_size.hpp"

#include <array>
#include <fstream>

namespace bp::layout {

namespace {

int big_endian(const unsigned char* bytes, int count) {
    int value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8) | bytes[i];
    return value;
}

std::optional<ImageInfo> png_info(std::ifstream& file) {
    // Signature (8), IHDR length (4) and type (4), then width and height.
    std::array<unsigned char, 24> header{};
    file.seekg(0);
    if (!file.read(reinterpret_cast<char*>(header.data()), header.size()))
        return std::nullopt;
    if (header[12] != 'I' || header[13] != 'H' || header[14] != 'D' || header[15] != 'R')
        return std::nullopt;
    ImageInfo info{ImageFormat::png, big_endian(&header[16], 4), big_endian(&header[20], 4)};
    if (info.width <= 0 || info.height <= 0)
        return std::nullopt;
    return info;
}

bool is_start_of_frame(int marker) {
    // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

std::optional<ImageInfo> jpeg_info(std::ifstream& file) {
    file.seekg(2);
    // Segments are bounded by the file length, so a corrupt file ends the loop at EOF.
    for (int segments = 0; segments < 10000; ++segments) {
        std::array<unsigned char, 4> marker{};
        if (!file.read(reinterpret_cast<char*>(marker.data()), 2))
            return std::nullopt;
        if (marker[0] != 0xFF)
            return std::nullopt;
        int type = marker[1];
        if (type == 0xFF) { // fill byte
            file.seekg(-1, std::ios::cur);
            continue;
        }
        if (type == 0xD8 || type == 0x01 || (type >= 0xD0 && type <= 0xD7))
            continue; // markers without a length
        if (!file.read(reinterpret_cast<char*>(marker.data()), 2))
            return std::nullopt;
        int length = big_endian(marker.data(), 2);
        if (length < 2)
            return std::nullopt;
        if (is_start_of_frame(type)) {
            std::array<unsigned char, 5> frame{};
            if (!file.read(reinterpret_cast<char*>(frame.data()), frame.size()))
                return std::nullopt;
            ImageInfo info{ImageFormat::jpeg, big_endian(&frame[3], 2), big_endian(&frame[1], 2)};
            if (info.width <= 0 || info.height <= 0)
                return std::nullopt;
            return info;
        }
        file.seekg(length - 2, std::ios::cur);
    }
    return std::nullopt;
}

} // namespace

std::optional<ImageInfo> read_image_info(const std::string& native_path) {
    std::ifstream file(native_path, std::ios::binary);
    if (!file)
        return std::nullopt;
    std::array<unsigned char, 8> magic{};
    if (!file.read(reinterpret_cast<char*>(magic.data()), magic.size()))
        return std::nullopt;
    if (magic[0] == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G')
        return png_info(file);
    if (magic[0] == 0xFF && magic[1] == 0xD8)
        return jpeg_info(file);
    return std::nullopt;
}

} // namespace bp::layout
