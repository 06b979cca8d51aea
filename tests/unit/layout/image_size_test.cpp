#include "layout/image_size.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>

using namespace bp::layout;

namespace {

std::string write_file(const std::string& name, const std::string& bytes) {
    auto folder = std::filesystem::temp_directory_path() / "bp-layout-image-size";
    std::filesystem::create_directories(folder);
    auto path = (folder / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

} // namespace

TEST_CASE("PNG sizes come from the IHDR chunk") {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\x2c\0\0\0\x64\x08\x02\0\0\0", 29);
    auto info = read_image_info(write_file("a.png", png));
    REQUIRE(info);
    CHECK(info->format == ImageFormat::png);
    CHECK(info->width == 300);
    CHECK(info->height == 100);
}

TEST_CASE("JPEG sizes come from the first start-of-frame segment, after skipped segments") {
    std::string jpeg("\xFF\xD8"
                     "\xFF\xE1\0\x08"
                     "Exif\0\0" // an APP1 segment of 8 bytes, length included
                     "\xFF\xC2\0\x0b\x08\x02\x58\x03\x20\x01\x01\x11\0",
                     25);
    auto info = read_image_info(write_file("a.jpg", jpeg));
    REQUIRE(info);
    CHECK(info->format == ImageFormat::jpeg);
    CHECK(info->width == 800);
    CHECK(info->height == 600);
}

TEST_CASE("broken, truncated or foreign files give no size rather than a hang") {
    CHECK_FALSE(read_image_info(write_file("empty.png", "")));
    CHECK_FALSE(read_image_info(write_file("short.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10))));
    CHECK_FALSE(read_image_info(write_file("gif.gif", "GIF89a\x01\x00\x01\x00")));
    CHECK_FALSE(read_image_info(write_file("zero.jpg", std::string("\xFF\xD8\xFF\xE0\0\0", 6))));
    CHECK_FALSE(read_image_info(write_file("loop.jpg", std::string("\xFF\xD8\xFF\xE0\0\x02", 6) +
                                                           std::string(100, '\xFF'))));
    CHECK_FALSE(read_image_info("/nonexistent/folder/image.png"));
    std::filesystem::remove_all(std::filesystem::temp_directory_path() / "bp-layout-image-size");
}
