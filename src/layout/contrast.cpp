#include "layout/contrast.hpp"

#include <algorithm>
#include <cmath>

namespace bp::layout {

namespace {
double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}
} // namespace

double relative_luminance(const Colour& colour) {
    return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b);
}

double contrast_ratio(const Colour& a, const Colour& b) {
    double la = relative_luminance(a);
    double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Colour text_colour_on(const Colour& fill) {
    const Colour white{1, 1, 1};
    const Colour ink{0.043, 0.047, 0.047}; // #0b0c0c
    return contrast_ratio(white, fill) >= contrast_ratio(ink, fill) ? white : ink;
}

} // namespace bp::layout
