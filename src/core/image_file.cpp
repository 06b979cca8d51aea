#include "core/image_file.hpp"

#include "core/svg_library.hpp"

#include <cairo-pdf.h>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <jpeglib.h>
// after jpeglib.h, which it needs
#include <jerror.h>
#include <png.h>

namespace bp {

namespace {

bool is_png(std::string_view bytes) {
    return bytes.size() >= 8 && std::memcmp(bytes.data(), "\x89PNG\r\n\x1a\n", 8) == 0;
}

bool is_jpeg(std::string_view bytes) {
    return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
           static_cast<unsigned char>(bytes[1]) == 0xD8 &&
           static_cast<unsigned char>(bytes[2]) == 0xFF;
}

// An SVG file starts, after an optional byte-order mark, XML declaration, comments or
// doctype, with an <svg element; looking at the first few kilobytes is enough.
bool is_svg(std::string_view bytes) {
    std::string_view start = bytes.substr(0, 4096);
    return start.find("<svg") != std::string_view::npos;
}

std::string size_error(double width, double height) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "is %.0f x %.0f pixels, more than the %d pixels a side and %.0f million "
                  "pixels an image may have",
                  width, height, max_image_side, max_image_pixels / 1e6);
    return text;
}

bool size_is_allowed(double width, double height, std::string& error) {
    if (width < 1 || height < 1) {
        error = "has no pixels (its declared size is empty)";
        return false;
    }
    if (width > max_image_side || height > max_image_side || width * height > max_image_pixels) {
        error = size_error(width, height);
        return false;
    }
    return true;
}

// ---- PNG, through libpng's simplified API (it recovers from libpng's own errors) ----

struct PngReader {
    png_image image{};
    PngReader() { image.version = PNG_IMAGE_VERSION; }
    ~PngReader() { png_image_free(&image); }
};

std::string png_failure(const png_image& image) {
    std::string reason = image.message;
    if (reason.find("IHDR") != std::string::npos || reason.find("signature") != std::string::npos)
        return "has a damaged PNG header";
    if (reason.find("end") != std::string::npos || reason.find("EOF") != std::string::npos ||
        reason.find("Read Error") != std::string::npos)
        return "is a truncated PNG file (it ends before its last picture row)";
    return "is a damaged PNG file (" + reason + ")";
}

std::optional<ImageHeader> png_header(std::string_view bytes, std::string& error) {
    PngReader reader;
    if (!png_image_begin_read_from_memory(&reader.image, bytes.data(), bytes.size())) {
        error = png_failure(reader.image);
        return std::nullopt;
    }
    return ImageHeader{ImageFormat::png, static_cast<double>(reader.image.width),
                       static_cast<double>(reader.image.height)};
}

std::optional<DecodedImage> decode_png(std::string_view bytes, std::string& error) {
    PngReader reader;
    if (!png_image_begin_read_from_memory(&reader.image, bytes.data(), bytes.size())) {
        error = png_failure(reader.image);
        return std::nullopt;
    }
    if (!size_is_allowed(reader.image.width, reader.image.height, error))
        return std::nullopt;
    bool colour = reader.image.format & PNG_FORMAT_FLAG_COLOR;
    bool has_alpha = reader.image.format & PNG_FORMAT_FLAG_ALPHA;
    // Eight-bit sRGB samples whatever the file holds: palette, grey, 16-bit and interlaced
    // files all arrive alike.
    reader.image.format =
        (colour ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (has_alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
    std::vector<unsigned char> samples(PNG_IMAGE_SIZE(reader.image));
    if (!png_image_finish_read(&reader.image, nullptr, samples.data(), 0, nullptr)) {
        error = png_failure(reader.image);
        return std::nullopt;
    }
    DecodedImage decoded;
    decoded.width = static_cast<int>(reader.image.width);
    decoded.height = static_cast<int>(reader.image.height);
    decoded.space = colour ? PixelSpace::rgb : PixelSpace::grey;
    if (!has_alpha) {
        decoded.pixels = std::move(samples);
        return decoded;
    }
    int channels = colour ? 3 : 1;
    std::size_t count = static_cast<std::size_t>(decoded.width) * decoded.height;
    decoded.pixels.resize(count * channels);
    decoded.alpha.resize(count);
    bool opaque = true;
    for (std::size_t i = 0; i < count; ++i) {
        std::memcpy(&decoded.pixels[i * channels], &samples[i * (channels + 1)], channels);
        decoded.alpha[i] = samples[i * (channels + 1) + channels];
        opaque = opaque && decoded.alpha[i] == 255;
    }
    if (opaque)
        decoded.alpha.clear();
    return decoded;
}

// ---- JPEG, through libjpeg with an error handler that returns instead of exiting ----

struct JpegErrors {
    jpeg_error_mgr manager{};
    std::jmp_buf escape;
    char message[JMSG_LENGTH_MAX] = {};
    bool damaged = false; // libjpeg warns, and carries on with grey, on corrupt data
};

void jpeg_fail(j_common_ptr info) {
    auto* errors = reinterpret_cast<JpegErrors*>(info->err);
    info->err->format_message(info, errors->message);
    std::longjmp(errors->escape, 1);
}

// Only running out of data counts: cameras often leave harmless stray bytes that libjpeg
// also warns about.
void jpeg_note(j_common_ptr info, int level) {
    auto* errors = reinterpret_cast<JpegErrors*>(info->err);
    if (level < 0 && info->err->msg_code == JWRN_JPEG_EOF && !errors->damaged) {
        errors->damaged = true;
        info->err->format_message(info, errors->message);
    }
}

std::string jpeg_failure(const char* message) {
    std::string reason = message;
    if (reason.find("Premature end") != std::string::npos ||
        reason.find("empty") != std::string::npos)
        return "is a truncated JPEG file (it ends before its last picture row)";
    return "is a damaged JPEG file (" + reason + ")";
}

// Decodes when `pixels` is given; otherwise only reads the header.
bool read_jpeg(std::string_view bytes, ImageHeader& header, DecodedImage* pixels,
               std::string& error) {
    jpeg_decompress_struct info{};
    JpegErrors errors;
    info.err = jpeg_std_error(&errors.manager);
    errors.manager.error_exit = jpeg_fail;
    errors.manager.emit_message = jpeg_note;
    // Everything touched after setjmp lives outside this frame or is set before it.
    std::vector<unsigned char>* samples = pixels ? &pixels->pixels : nullptr;
    if (setjmp(errors.escape)) {
        jpeg_destroy_decompress(&info);
        error = jpeg_failure(errors.message);
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_save_markers(&info, JPEG_APP0 + 14, 0xFFFF); // the Adobe marker says how CMYK is stored
    jpeg_read_header(&info, TRUE);
    header = {ImageFormat::jpeg, static_cast<double>(info.image_width),
              static_cast<double>(info.image_height)};
    if (!pixels || !size_is_allowed(header.width, header.height, error)) {
        jpeg_destroy_decompress(&info);
        return pixels == nullptr;
    }
    bool cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
    bool grey = info.jpeg_color_space == JCS_GRAYSCALE;
    info.out_color_space = cmyk ? JCS_CMYK : grey ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_start_decompress(&info);
    std::size_t row_bytes = static_cast<std::size_t>(info.output_width) * info.output_components;
    samples->resize(row_bytes * info.output_height);
    while (info.output_scanline < info.output_height) {
        unsigned char* row = samples->data() + row_bytes * info.output_scanline;
        jpeg_read_scanlines(&info, &row, 1);
    }
    bool adobe_inverted = cmyk && info.saw_Adobe_marker;
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    if (errors.damaged) {
        error = jpeg_failure(errors.message);
        return false;
    }
    // Photoshop writes CMYK JPEGs with inverted samples and says so in its Adobe marker.
    if (adobe_inverted)
        for (auto& sample : *samples)
            sample = static_cast<unsigned char>(255 - sample);
    pixels->width = static_cast<int>(header.width);
    pixels->height = static_cast<int>(header.height);
    pixels->space = cmyk ? PixelSpace::cmyk : grey ? PixelSpace::grey : PixelSpace::rgb;
    return true;
}

// ---- SVG, through librsvg ----

struct SvgHandle {
    const SvgLibrary* library = nullptr;
    RsvgHandle* handle = nullptr;
    ~SvgHandle() {
        if (handle)
            library->object_unref(handle);
    }
};

bool open_svg(std::string_view bytes, SvgHandle& svg, std::string& error) {
    std::string why;
    svg.library = svg_library(why);
    if (!svg.library) {
        error = "cannot be read: " + why;
        return false;
    }
    GError* failure = nullptr;
    // No base file: an SVG may not pull other files in behind the paper's back.
    svg.handle = svg.library->handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()),
                                                   bytes.size(), &failure);
    if (!svg.handle) {
        error = std::string("is not a readable SVG document (") +
                (failure ? failure->message : "unknown fault") + ")";
        if (failure)
            svg.library->error_free(failure);
        return false;
    }
    return true;
}

ImageHeader svg_size(const SvgHandle& svg) {
    double width = 0, height = 0;
    if (svg.library->get_intrinsic_size_in_pixels(svg.handle, &width, &height) && width > 0 &&
        height > 0)
        return {ImageFormat::svg, width, height};
    gboolean has_width, has_height, has_view_box;
    RsvgLength length_w, length_h;
    RsvgRectangle view_box{};
    svg.library->get_intrinsic_dimensions(svg.handle, &has_width, &length_w, &has_height, &length_h,
                                          &has_view_box, &view_box);
    if (has_view_box && view_box.width > 0 && view_box.height > 0) {
        // Percent sizes leave the size to the page: fit the view box to a column.
        double scale = 480 / view_box.width;
        return {ImageFormat::svg, 480, view_box.height * scale};
    }
    return {ImageFormat::svg, 300, 150}; // the CSS default for replaced elements
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

std::optional<ImageHeader> read_image_header(std::string_view bytes, std::string& error) {
    if (bytes.empty()) {
        error = "is an empty file";
        return std::nullopt;
    }
    std::optional<ImageHeader> header;
    if (is_png(bytes)) {
        header = png_header(bytes, error);
    } else if (is_jpeg(bytes)) {
        ImageHeader read;
        if (read_jpeg(bytes, read, nullptr, error))
            header = read;
    } else if (is_svg(bytes)) {
        SvgHandle svg;
        if (open_svg(bytes, svg, error))
            header = svg_size(svg);
    } else {
        error = "is not a PNG, JPEG or SVG image";
        return std::nullopt;
    }
    if (header && header->format != ImageFormat::svg &&
        !size_is_allowed(header->width, header->height, error))
        return std::nullopt;
    return header;
}

std::optional<DecodedImage> decode_raster_image(std::string_view bytes, std::string& error) {
    if (is_png(bytes))
        return decode_png(bytes, error);
    if (is_jpeg(bytes)) {
        ImageHeader header;
        DecodedImage decoded;
        if (read_jpeg(bytes, header, &decoded, error))
            return decoded;
        return std::nullopt;
    }
    error = bytes.empty() ? "is an empty file" : "is not a PNG or JPEG image";
    return std::nullopt;
}

bool check_svg_image(std::string_view bytes, std::string& error) {
    SvgHandle svg;
    return open_svg(bytes, svg, error);
}

std::string svg_as_pdf(std::string_view bytes, double width, double height) {
    SvgHandle svg;
    std::string error;
    if (!open_svg(bytes, svg, error))
        return {};
    std::string pdf;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append_bytes, &pdf, width, height);
    cairo_t* cr = cairo_create(surface);
    RsvgRectangle viewport{0, 0, width, height};
    bool drawn = svg.library->render_document(svg.handle, cr, &viewport, nullptr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    bool ok = drawn && cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    return ok ? pdf : std::string();
}

std::optional<ImageHeader> verify_image(std::string_view bytes, std::string& error) {
    auto header = read_image_header(bytes, error);
    if (!header)
        return std::nullopt;
    if (header->format == ImageFormat::svg)
        return header;
    if (!decode_raster_image(bytes, error))
        return std::nullopt;
    return header;
}

} // namespace bp
