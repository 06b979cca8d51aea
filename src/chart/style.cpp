#include "chart/style.hpp"

#include "core/data_dir.hpp"

#include <cctype>

namespace bp::chart {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower >= 'a' && lower <= 'f') {
        return lower - 'a' + 10;
    }
    return -1;
}

} // namespace

Rgb rgb_from_hex(const std::string& hex) {
    if (hex.size() != 7 || hex[0] != '#') {
        return {};
    }
    double channels[3];
    for (int i = 0; i < 3; ++i) {
        const int high = hex_digit(hex[1 + 2 * i]);
        const int low = hex_digit(hex[2 + 2 * i]);
        if (high < 0 || low < 0) {
            return {};
        }
        channels[i] = (high * 16 + low) / 255.0;
    }
    return {channels[0], channels[1], channels[2]};
}

std::string bundled_font_path(const std::string& file_name) {
    return bundled_font_dir(data_dir()) + "/" + file_name;
}

void draw_text_in(ChartStyle& style, const FontFiles& fonts) {
    if (!fonts.path(FaceStyle::regular).empty())
        style.regular_font = fonts.path(FaceStyle::regular);
    if (!fonts.path(FaceStyle::bold).empty())
        style.bold_font = fonts.path(FaceStyle::bold);
}

} // namespace bp::chart
