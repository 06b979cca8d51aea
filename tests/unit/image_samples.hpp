#pragma once
// Small images of every kind a paper may hold, written with libpng and libjpeg so tests
// need no image files and cover each storage variant.
#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
#include <png.h>
#include <string>
#include <vector>

namespace bp::samples {

// A PNG of `width` x `height` pixels whose left half is red and right half blue (grey for
// grey types), stored with the given libpng colour type, bit depth and interlacing.
inline std::string png_bytes(int width, int height, int colour_type, int bit_depth,
                             bool interlaced = false) {
    std::string out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return {};
    }
    png_set_write_fn(
        png, &out,
        [](png_structp p, png_bytep data, png_size_t length) {
            static_cast<std::string*>(png_get_io_ptr(p))
                ->append(reinterpret_cast<const char*>(data), length);
        },
        nullptr);
    png_set_IHDR(png, info, width, height, bit_depth, colour_type,
                 interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (colour_type == PNG_COLOR_TYPE_PALETTE) {
        png_color palette[2] = {{255, 0, 0}, {0, 0, 255}};
        png_set_PLTE(png, info, palette, 2);
    }
    png_write_info(png, info);
    int channels = colour_type == PNG_COLOR_TYPE_RGB          ? 3
                   : colour_type == PNG_COLOR_TYPE_RGB_ALPHA  ? 4
                   : colour_type == PNG_COLOR_TYPE_GRAY_ALPHA ? 2
                                                              : 1;
    int bytes_per_sample = bit_depth == 16 ? 2 : 1;
    std::vector<unsigned char> row((width * channels * bytes_per_sample * 8 + 7) / 8 + 8);
    auto put = [&](int x, int channel, int value8) {
        if (bit_depth == 16) {
            row[(x * channels + channel) * 2] = static_cast<unsigned char>(value8);
            row[(x * channels + channel) * 2 + 1] = static_cast<unsigned char>(value8);
        } else if (bit_depth == 8) {
            row[x * channels + channel] = static_cast<unsigned char>(value8);
        } else { // palette or grey below eight bits: index 0/1 packed from the left
            int bit = x * bit_depth;
            if (value8)
                row[bit / 8] |=
                    static_cast<unsigned char>(((1 << bit_depth) - 1) << (8 - bit_depth - bit % 8));
        }
    };
    int passes = png_set_interlace_handling(png);
    for (int pass = 0; pass < passes; ++pass) {
        for (int y = 0; y < height; ++y) {
            std::fill(row.begin(), row.end(), 0);
            for (int x = 0; x < width; ++x) {
                bool left = x < width / 2;
                switch (colour_type) {
                case PNG_COLOR_TYPE_RGB:
                case PNG_COLOR_TYPE_RGB_ALPHA:
                    put(x, 0, left ? 255 : 0);
                    put(x, 1, 0);
                    put(x, 2, left ? 0 : 255);
                    if (channels == 4)
                        put(x, 3, y < height / 2 ? 255 : 0);
                    break;
                case PNG_COLOR_TYPE_GRAY_ALPHA:
                    put(x, 0, left ? 0 : 255);
                    put(x, 1, y < height / 2 ? 255 : 0);
                    break;
                case PNG_COLOR_TYPE_PALETTE:
                    put(x, 0, left ? 0 : 1);
                    break;
                default:
                    put(x, 0, left ? 0 : 255);
                }
            }
            png_write_row(png, row.data());
        }
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

// A JPEG of `width` x `height`: left half red, right half blue (dark and light for grey;
// cyan and yellow ink for CMYK), optionally progressive.
inline std::string jpeg_bytes(int width, int height, J_COLOR_SPACE space,
                              bool progressive = false) {
    jpeg_compress_struct info{};
    jpeg_error_mgr errors{};
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&info, &buffer, &size);
    info.image_width = width;
    info.image_height = height;
    info.input_components = space == JCS_GRAYSCALE ? 1 : space == JCS_CMYK ? 4 : 3;
    info.in_color_space = space;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, 95, TRUE);
    if (progressive)
        jpeg_simple_progression(&info);
    jpeg_start_compress(&info, TRUE);
    std::vector<unsigned char> row(width * info.input_components);
    while (info.next_scanline < info.image_height) {
        for (int x = 0; x < width; ++x) {
            bool left = x < width / 2;
            unsigned char* pixel = &row[x * info.input_components];
            if (space == JCS_GRAYSCALE) {
                pixel[0] = left ? 40 : 220;
            } else if (space == JCS_CMYK) {
                // libjpeg writes an Adobe marker, so the samples are stored inverted as
                // Photoshop stores them: 0 is full ink.
                pixel[0] = left ? 0 : 255;
                pixel[1] = 255;
                pixel[2] = left ? 255 : 0;
                pixel[3] = 255;
            } else {
                pixel[0] = left ? 255 : 0;
                pixel[1] = 0;
                pixel[2] = left ? 0 : 255;
            }
        }
        unsigned char* rows[1] = {row.data()};
        jpeg_write_scanlines(&info, rows, 1);
    }
    jpeg_finish_compress(&info);
    std::string out(reinterpret_cast<char*>(buffer), size);
    jpeg_destroy_compress(&info);
    std::free(buffer);
    return out;
}

inline const char* svg_bytes() {
    return "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100' "
           "viewBox='0 0 200 100'><rect width='100' height='100' fill='#c00'/>"
           "<circle cx='150' cy='50' r='40' fill='#00c'/></svg>";
}

} // namespace bp::samples
