#include "pack/haru_images.hpp"

#include "core/filesystem.hpp"

namespace bp::pack {

namespace {

HPDF_ColorSpace colour_space(PixelSpace space) {
    switch (space) {
    case PixelSpace::grey:
        return HPDF_CS_DEVICE_GRAY;
    case PixelSpace::cmyk:
        return HPDF_CS_DEVICE_CMYK;
    default:
        return HPDF_CS_DEVICE_RGB;
    }
}

} // namespace

HPDF_Image embed_decoded_image(HaruDocument& document, const DecodedImage& image) {
    HPDF_Image embedded = HPDF_LoadRawImageFromMem(
        document.get(), image.pixels.data(), static_cast<HPDF_UINT>(image.width),
        static_cast<HPDF_UINT>(image.height), colour_space(image.space), 8);
    if (!embedded || image.alpha.empty())
        return embedded;
    HPDF_Image mask = HPDF_LoadRawImageFromMem(
        document.get(), image.alpha.data(), static_cast<HPDF_UINT>(image.width),
        static_cast<HPDF_UINT>(image.height), HPDF_CS_DEVICE_GRAY, 8);
    if (mask)
        HPDF_Image_AddSMask(embedded, mask);
    return embedded;
}

HPDF_Image embed_image_file(HaruDocument& document, const std::string& native_path) {
    auto cached = document.images.find(native_path);
    if (cached != document.images.end())
        return cached->second;
    std::string error;
    HPDF_Image image = nullptr;
    if (auto decoded = decode_raster_image(read_regular_file(native_path).value_or(""), error))
        image = embed_decoded_image(document, *decoded);
    document.images.emplace(native_path, image);
    return image;
}

} // namespace bp::pack
