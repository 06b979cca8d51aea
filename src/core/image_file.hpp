#pragma once
// Image files named by papers: PNG and JPEG decoded to plain pixels, SVG checked and sized.
// Every failure comes back as a sentence for the person who wrote the paper, never as a
// library's error code, and nothing is decoded before its declared size has been checked.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

enum class ImageFormat { png, jpeg, svg };

struct ImageHeader {
    ImageFormat format = ImageFormat::png;
    double width = 0; // pixels (CSS pixels for SVG)
    double height = 0;
};

enum class PixelSpace { grey, rgb, cmyk };

// Eight bits per sample, rows top to bottom, no padding. CMYK samples are ink amounts
// (0 is no ink), whatever convention the file used.
struct DecodedImage {
    int width = 0;
    int height = 0;
    PixelSpace space = PixelSpace::rgb;
    std::vector<unsigned char> pixels;
    std::vector<unsigned char> alpha; // one sample a pixel; empty when the image is opaque
};

// Larger images are refused before decoding: they would take the build's memory.
constexpr int max_image_side = 16384;
constexpr double max_image_pixels = 40e6;

// Recognises the format from the bytes (not the file name) and reads the declared size.
// On failure returns nothing and sets `error` ("is not a PNG, JPEG or SVG image").
std::optional<ImageHeader> read_image_header(std::string_view bytes, std::string& error);

// Decodes a PNG or JPEG completely, so truncated and corrupt files are found.
std::optional<DecodedImage> decode_raster_image(std::string_view bytes, std::string& error);

// Parses an SVG document, so a broken one is reported where it is named.
bool check_svg_image(std::string_view bytes, std::string& error);

// A one-page PDF of the SVG drawn as vectors at `width` x `height` points; empty on failure.
std::string svg_as_pdf(std::string_view bytes, double width, double height);

// Reads, and for PNG and JPEG decodes, a whole image file: what `check` runs on every image.
std::optional<ImageHeader> verify_image(std::string_view bytes, std::string& error);

} // namespace bp
