#include "../image_samples.hpp"
#include "layout/image_size.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace bp::layout;

namespace {

// ctest runs each case as its own process, in parallel: each gets a folder of its own,
// removed when the process ends, whichever cases it ran.
struct ScratchFolder {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("bp-layout-image-size-" + std::to_string(getpid()));
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

const std::filesystem::path& scratch_folder() {
    static const ScratchFolder folder;
    return folder.path;
}

std::string write_file(const std::string& name, const std::string& bytes) {
    auto folder = scratch_folder();
    std::filesystem::create_directories(folder);
    auto path = (folder / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

} // namespace

TEST_CASE("PNG sizes come from the image header") {
    auto info = read_image_info(write_file("a.png", bp::samples::png_bytes(300, 100, 2, 8)));
    REQUIRE(info);
    CHECK(info->format == ImageFormat::png);
    CHECK(info->width == 300);
    CHECK(info->height == 100);
}

TEST_CASE("JPEG sizes come from the start-of-frame segment, progressive ones included") {
    auto info =
        read_image_info(write_file("a.jpg", bp::samples::jpeg_bytes(800, 600, JCS_RGB, true)));
    REQUIRE(info);
    CHECK(info->format == ImageFormat::jpeg);
    CHECK(info->width == 800);
    CHECK(info->height == 600);
}

TEST_CASE("SVG sizes come from the width and height attributes") {
    auto info = read_image_info(write_file("a.svg", bp::samples::svg_bytes()));
    REQUIRE(info);
    CHECK(info->format == ImageFormat::svg);
    CHECK(info->width == 200);
    CHECK(info->height == 100);
}

TEST_CASE("broken, truncated or foreign files give no size rather than a hang") {
    CHECK_FALSE(read_image_info(write_file("empty.png", "")));
    CHECK_FALSE(read_image_info(write_file("short.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10))));
    CHECK_FALSE(read_image_info(write_file("gif.gif", "GIF89a\x01\x00\x01\x00")));
    CHECK_FALSE(read_image_info(write_file("zero.jpg", std::string("\xFF\xD8\xFF\xE0\0\0", 6))));
    CHECK_FALSE(read_image_info(write_file("loop.jpg", std::string("\xFF\xD8\xFF\xE0\0\x02", 6) +
                                                           std::string(100, '\xFF'))));
    CHECK_FALSE(read_image_info("/nonexistent/folder/image.png"));
}
