// The SVG a chart is written as draws what Cairo draws: each sample chart's SVG, rasterised by
// librsvg, is compared pixel by pixel with the same chart drawn by Cairo onto an image.
#include "chart/render.hpp"
#include "chart/svg_pen.hpp"
#include "sample_specs.hpp"

#include <algorithm>
#include <cairo.h>
#include <cstdint>
#include <cstring>
#include <doctest/doctest.h>
#include <librsvg/rsvg.h>
#include <string>
#include <utility>

using namespace bp;

namespace {

constexpr double scale = 2; // pixels per point

struct Image {
    cairo_surface_t* surface = nullptr;
    explicit Image(cairo_surface_t* s) : surface(s) {}
    ~Image() {
        if (surface)
            cairo_surface_destroy(surface);
    }
    Image(Image&& other) noexcept : surface(std::exchange(other.surface, nullptr)) {}
    Image(const Image&) = delete;
    Image& operator=(const Image&) = delete;
    int width() const { return cairo_image_surface_get_width(surface); }
    int height() const { return cairo_image_surface_get_height(surface); }
    // The darkest channel of the pixel, 0 black to 255 white (the charts are drawn on white).
    int shade(int x, int y) const {
        const unsigned char* data = cairo_image_surface_get_data(surface);
        std::uint32_t pixel;
        std::memcpy(&pixel, data + y * cairo_image_surface_get_stride(surface) + x * 4, 4);
        return std::min({(pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff});
    }
};

cairo_status_t read_from_string(void* closure, unsigned char* data, unsigned int length) {
    auto* rest = static_cast<std::string_view*>(closure);
    if (rest->size() < length)
        return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, rest->data(), length);
    rest->remove_prefix(length);
    return CAIRO_STATUS_SUCCESS;
}

Image drawn_by_cairo(const data::ChartSpec& spec) {
    const std::string png = chart::render_png(spec, scale);
    std::string_view rest = png;
    return Image(cairo_image_surface_create_from_png_stream(read_from_string, &rest));
}

Image drawn_from_svg(const std::string& svg, int width, int height) {
    Image image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    cairo_t* cr = cairo_create(image.surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    RsvgHandle* handle =
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), nullptr);
    REQUIRE(handle != nullptr);
    const RsvgRectangle viewport{0, 0, static_cast<double>(width), static_cast<double>(height)};
    CHECK(rsvg_handle_render_document(handle, cr, &viewport, nullptr));
    g_object_unref(handle);
    cairo_destroy(cr);
    cairo_surface_flush(image.surface);
    return image;
}

// The share of pixels whose shade differs by more than a quarter of the range: edges drawn
// by two rasterisers differ by a little, a shape drawn in one and not the other by a lot.
double share_different(const Image& a, const Image& b) {
    REQUIRE(a.width() == b.width());
    REQUIRE(a.height() == b.height());
    int different = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            different += std::abs(a.shade(x, y) - b.shade(x, y)) > 64;
    return static_cast<double>(different) / (a.width() * a.height());
}

double svg_against_cairo(const data::ChartSpec& svg_spec, const data::ChartSpec& cairo_spec) {
    const Image cairo = drawn_by_cairo(cairo_spec);
    const Image svg = drawn_from_svg(chart::render_svg(svg_spec), cairo.width(), cairo.height());
    return share_different(svg, cairo);
}

} // namespace

TEST_CASE("each chart kind's SVG draws what Cairo draws") {
    for (const auto& spec :
         {chart::samples::monthly(), chart::samples::quarters(), chart::samples::trend(),
          chart::samples::categories(), chart::samples::sparkline()}) {
        CAPTURE(spec.id);
        // librsvg and Cairo antialias glyph edges a little differently: up to 0.5 % of pixels
        // differ on these charts when Cairo's own SVG surface wrote them.
        CHECK(svg_against_cairo(spec, spec) < 0.008);
    }
}

TEST_CASE("the comparison sees a chart whose figures differ") {
    data::ChartSpec changed = chart::samples::quarters();
    for (auto& series : changed.series)
        for (auto& value : series.values)
            if (value)
                *value *= 0.8;
    // Bars a fifth shorter: 2.3 % of pixels.
    CHECK(svg_against_cairo(changed, chart::samples::quarters()) > 0.015);
}

TEST_CASE("a hatched bar is clipped to the bar and its clip closed with it") {
    chart::SvgPen pen(nullptr, 40, 30); // draws no text
    pen.save();
    pen.rectangle(4, 3, 16, 12);
    pen.clip();
    pen.set_dash({0.7, 2.5}, 0.35);
    pen.move_to(0, 0);
    pen.line_to(30, 30);
    pen.stroke();
    pen.restore();
    pen.rectangle(25, 3, 5, 5);
    pen.fill();
    const std::string svg = pen.document();
    CHECK(svg.find("<clipPath id=\"clip-1\"><path d=\"M 4 3 L 20 3 L 20 15 L 4 15 Z\"/>"
                   "</clipPath>") != std::string::npos);
    const std::size_t clipped = svg.find("<g clip-path=\"url(#clip-1)\">");
    const std::size_t stripes = svg.find("stroke-dasharray=\"0.7 2.5\" stroke-dashoffset=\"0.35\"");
    const std::size_t closed = svg.find("</g>", clipped);
    const std::size_t square = svg.find("d=\"M 25 3 L 30 3 L 30 8 L 25 8 Z\"");
    CHECK(clipped < stripes);
    CHECK(stripes < closed);
    CHECK(closed < square);
    CHECK(square != std::string::npos);
}

TEST_CASE("a pen's ids and the references to them begin with its prefix") {
    chart::SvgPen pen(nullptr, 10, 10, "chart-1-narrow-chart-x-"); // draws no text
    pen.rectangle(0, 0, 5, 5);
    pen.clip();
    pen.rectangle(1, 1, 2, 2);
    pen.clip();
    const std::string svg = pen.document();
    CHECK(svg.find("<clipPath id=\"chart-1-narrow-chart-x-clip-1\">") != std::string::npos);
    CHECK(svg.find("<g clip-path=\"url(#chart-1-narrow-chart-x-clip-2)\">") != std::string::npos);
    CHECK(svg.find("\"clip-") == std::string::npos);
    CHECK(svg.find("#clip-") == std::string::npos);
}

TEST_CASE("a drawing left with a clip open is still a closed document") {
    chart::SvgPen pen(nullptr, 10, 10); // draws no text
    pen.save();
    pen.rectangle(0, 0, 5, 5);
    pen.clip();
    const std::string svg = pen.document();
    CHECK(svg.find("<g clip-path") < svg.find("</g>\n</svg>"));
}
