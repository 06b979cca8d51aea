// Hatching drawn on an image: the lines lie where the rule says, as wide as it says, and
// nowhere else.
#include "chart/series_look.hpp"

#include <cairo.h>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <doctest/doctest.h>
#include <numbers>

using namespace bp;
using namespace bp::chart;

namespace {

constexpr double pixels_per_point = 20;
constexpr double spacing = 3.2; // hatch lines are this far apart along x (or y), in points

// A bar at (4, 3) points, 16 by 12, drawn black on white (hatch lines) over a white fill.
class HatchedBar {
  public:
    explicit HatchedBar(Hatch hatch, cairo_line_cap_t cap_before = CAIRO_LINE_CAP_BUTT)
        : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 24 * pixels_per_point,
                                              20 * pixels_per_point)) {
        cairo_t* cr = cairo_create(surface_);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, pixels_per_point, pixels_per_point);
        cairo_set_line_cap(cr, cap_before); // as a line series may leave it
        ChartStyle style;
        CairoPen pen(cr);
        Canvas canvas(cr, pen, style);
        SeriesLook look;
        look.colour = {0, 0, 0};
        look.fill = {1, 1, 1};
        look.hatch = hatch;
        draw_bar(canvas, bar, look);
        cairo_destroy(cr);
        cairo_surface_flush(surface_);
    }
    ~HatchedBar() { cairo_surface_destroy(surface_); }
    HatchedBar(const HatchedBar&) = delete;
    HatchedBar& operator=(const HatchedBar&) = delete;

    // The green channel at (x, y) points: 0 black, 255 white.
    int shade(double x, double y) const {
        const unsigned char* data = cairo_image_surface_get_data(surface_);
        int stride = cairo_image_surface_get_stride(surface_);
        auto px = static_cast<int>(std::floor(x * pixels_per_point));
        auto py = static_cast<int>(std::floor(y * pixels_per_point));
        std::uint32_t pixel;
        std::memcpy(&pixel, data + py * stride + px * 4, 4);
        return (pixel >> 8) & 0xff;
    }

    static constexpr Rect bar{4, 3, 16, 12};

  private:
    cairo_surface_t* surface_;
};

// Points half a point apart, well inside the bar (clear of its outline).
template <typename Check> void inside_bar(Check check) {
    for (double x = 5.5; x < 18.5; x += 0.5)
        for (double y = 4.5; y < 13.5; y += 0.5)
            check(x, y);
}

double offset_from_line(double position) {
    double rest = std::fmod(position, spacing);
    if (rest < 0)
        rest += spacing;
    return std::min(rest, spacing - rest); // distance along the axis to the nearest line
}

} // namespace

TEST_CASE("diagonal hatching lies on x + y = a multiple of 3.2 points, 0.7 points thick") {
    HatchedBar bar(Hatch::diagonal);
    int on = 0, off = 0;
    inside_bar([&](double x, double y) {
        // Perpendicular distance to the nearest line x + y = c is the offset over sqrt 2.
        double distance = offset_from_line(x + y) / std::numbers::sqrt2;
        if (distance < 0.2) {
            CHECK(bar.shade(x, y) < 60);
            ++on;
        } else if (distance > 0.55) {
            CHECK(bar.shade(x, y) > 200);
            ++off;
        }
    });
    CHECK(on > 20);
    CHECK(off > 100);
    CHECK(bar.shade(2, 2) == 255); // nothing outside the bar
    CHECK(bar.shade(21, 16) == 255);
}

TEST_CASE("cross hatching adds the lines x - y = a multiple of 3.2 points") {
    HatchedBar bar(Hatch::cross);
    inside_bar([&](double x, double y) {
        double down = offset_from_line(x + y) / std::numbers::sqrt2;
        double up = offset_from_line(x - y) / std::numbers::sqrt2;
        if (down < 0.2 || up < 0.2)
            CHECK(bar.shade(x, y) < 60);
        else if (down > 0.55 && up > 0.55)
            CHECK(bar.shade(x, y) > 200);
    });
}

TEST_CASE("horizontal hatching lies on y = a multiple of 3.2 points") {
    HatchedBar bar(Hatch::horizontal);
    inside_bar([&](double x, double y) {
        double distance = offset_from_line(y);
        if (distance < 0.2)
            CHECK(bar.shade(x, y) < 60);
        else if (distance > 0.55)
            CHECK(bar.shade(x, y) > 200);
    });
}

TEST_CASE("hatching keeps its square ends whatever line cap was set before") {
    HatchedBar bar(Hatch::diagonal, CAIRO_LINE_CAP_ROUND);
    inside_bar([&](double x, double y) {
        if (offset_from_line(x + y) / std::numbers::sqrt2 > 0.55)
            CHECK(bar.shade(x, y) > 200);
    });
}
