#include "../image_samples.hpp"
#include "core/image_file.hpp"

#include <doctest/doctest.h>
#include <memory>
#include <zlib.h>

using namespace bp;

namespace {

// The sample images are red on the left, blue on the right.
void check_red_then_blue(const DecodedImage& image) {
    REQUIRE(image.space == PixelSpace::rgb);
    REQUIRE(image.pixels.size() == static_cast<std::size_t>(image.width * image.height * 3));
    const unsigned char* left = &image.pixels[0];
    const unsigned char* right = &image.pixels[(image.width - 1) * 3];
    CHECK(left[0] > 200);
    CHECK(left[2] < 60);
    CHECK(right[0] < 60);
    CHECK(right[2] > 200);
}

} // namespace

TEST_CASE("every kind of PNG decodes to the same eight-bit picture") {
    std::string error;
    SUBCASE("RGB, interlaced") {
        auto image =
            decode_raster_image(samples::png_bytes(40, 20, PNG_COLOR_TYPE_RGB, 8, true), error);
        REQUIRE(image);
        check_red_then_blue(*image);
        CHECK(image->alpha.empty());
    }
    SUBCASE("RGB, sixteen bits a sample") {
        auto image = decode_raster_image(samples::png_bytes(40, 20, PNG_COLOR_TYPE_RGB, 16), error);
        REQUIRE(image);
        CHECK(image->width == 40);
        check_red_then_blue(*image);
    }
    SUBCASE("palette") {
        auto image =
            decode_raster_image(samples::png_bytes(40, 20, PNG_COLOR_TYPE_PALETTE, 1), error);
        REQUIRE(image);
        check_red_then_blue(*image);
    }
    SUBCASE("grey, sixteen bits, interlaced") {
        auto image =
            decode_raster_image(samples::png_bytes(40, 20, PNG_COLOR_TYPE_GRAY, 16, true), error);
        REQUIRE(image);
        CHECK(image->space == PixelSpace::grey);
        CHECK(image->pixels.size() == 800);
        CHECK(image->pixels[0] == 0);
        CHECK(image->pixels[39] == 255);
    }
    SUBCASE("RGB with alpha keeps its transparency apart") {
        auto image =
            decode_raster_image(samples::png_bytes(40, 20, PNG_COLOR_TYPE_RGB_ALPHA, 8), error);
        REQUIRE(image);
        check_red_then_blue(*image);
        REQUIRE(image->alpha.size() == 800);
        CHECK(image->alpha[0] == 255);
        CHECK(image->alpha[799] == 0);
    }
    SUBCASE("grey with alpha") {
        auto image =
            decode_raster_image(samples::png_bytes(40, 20, PNG_COLOR_TYPE_GRAY_ALPHA, 8), error);
        REQUIRE(image);
        CHECK(image->space == PixelSpace::grey);
        CHECK(image->alpha.size() == 800);
    }
    CHECK(error.empty());
}

TEST_CASE("every kind of JPEG decodes, CMYK as ink amounts") {
    std::string error;
    auto rgb = decode_raster_image(samples::jpeg_bytes(32, 16, JCS_RGB), error);
    REQUIRE(rgb);
    check_red_then_blue(*rgb);
    auto progressive = decode_raster_image(samples::jpeg_bytes(32, 16, JCS_RGB, true), error);
    REQUIRE(progressive);
    check_red_then_blue(*progressive);
    auto grey = decode_raster_image(samples::jpeg_bytes(32, 16, JCS_GRAYSCALE), error);
    REQUIRE(grey);
    CHECK(grey->space == PixelSpace::grey);
    CHECK(grey->pixels[0] < 80);
    CHECK(grey->pixels[31] > 180);
    auto cmyk = decode_raster_image(samples::jpeg_bytes(32, 16, JCS_CMYK), error);
    REQUIRE(cmyk);
    CHECK(cmyk->space == PixelSpace::cmyk);
    CHECK(cmyk->pixels[0] > 200); // cyan ink on the left
    CHECK(cmyk->pixels[2] < 60);
    CHECK(error.empty());
}

TEST_CASE("damaged images are refused with a sentence, not a library code") {
    std::string png = samples::png_bytes(64, 64, PNG_COLOR_TYPE_RGB, 8);
    std::string jpeg = samples::jpeg_bytes(400, 300, JCS_RGB); // half of it is picture data
    std::string error;
    CHECK_FALSE(decode_raster_image(png.substr(0, png.size() / 2), error));
    CHECK(error.find("truncated PNG") != std::string::npos);
    CHECK_FALSE(verify_image(jpeg.substr(0, jpeg.size() / 2), error));
    CHECK(error.find("truncated JPEG") != std::string::npos);
    std::string bad_header = png;
    bad_header[20] = '\x7f'; // the width, without fixing the chunk's checksum
    CHECK_FALSE(verify_image(bad_header, error));
    CHECK(error.find("PNG header") != std::string::npos);
    CHECK_FALSE(verify_image("", error));
    CHECK(error == "is an empty file");
    CHECK_FALSE(verify_image("GIF89a\x01\x00\x01\x00", error));
    CHECK(error == "is not a PNG, JPEG or SVG image");
    CHECK_FALSE(verify_image("<svg xmlns='http://www.w3.org/2000/svg'><rect", error));
    CHECK(error.find("SVG") != std::string::npos);
    CHECK(error.find("0x") == std::string::npos);
}

TEST_CASE("a huge declared size is refused before any pixel is decoded") {
    // 30000 x 30000 pixels declared in a valid header; the file itself is tiny.
    std::string png = samples::png_bytes(1, 1, PNG_COLOR_TYPE_RGB, 8);
    REQUIRE(verify_image(png, *std::make_unique<std::string>()));
    std::string huge = png;
    const unsigned char side[4] = {0, 0, 0x75, 0x30};
    huge.replace(16, 4, reinterpret_cast<const char*>(side), 4);
    huge.replace(20, 4, reinterpret_cast<const char*>(side), 4);
    unsigned long crc = crc32(0, reinterpret_cast<const unsigned char*>(huge.data() + 12), 17);
    for (int i = 0; i < 4; ++i)
        huge[29 + i] = static_cast<char>((crc >> (24 - 8 * i)) & 0xFF);
    std::string error;
    CHECK_FALSE(read_image_header(huge, error));
    CHECK(error.find("30000 x 30000 pixels") != std::string::npos);
    CHECK_FALSE(verify_image(huge, error));
    CHECK_FALSE(decode_raster_image(huge, error));
}

TEST_CASE("an SVG is sized and drawn as a one-page PDF") {
    std::string error;
    auto header = verify_image(samples::svg_bytes(), error);
    REQUIRE(header);
    CHECK(header->format == ImageFormat::svg);
    CHECK(header->width == 200);
    std::string pdf = svg_as_pdf(samples::svg_bytes(), 150, 75);
    CHECK(pdf.starts_with("%PDF-"));
    CHECK(pdf.find("/MediaBox [ 0 0 150 75 ]") != std::string::npos);
}
