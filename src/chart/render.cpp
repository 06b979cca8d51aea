#include "chart/render.hpp"

#include "chart/svg_accessibility.hpp"
#include "chart/svg_pen.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cairo-pdf.h>
#include <cmath>

namespace bp::chart {

namespace {

// Charts carry no clock: the pack places the page as a form, and its own dates rule.
constexpr const char* fixed_pdf_date = "2000-01-01T00:00:00Z";
constexpr double largest_png_side = 8192; // pixels

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Any positive size is honoured, as the layout honours it; PDF pages cannot exceed 14,400 pt.
double sane_dimension(double value, double fallback) {
    if (!std::isfinite(value) || value <= 0) {
        return fallback;
    }
    return std::clamp(value, 1.0, 14400.0);
}

// A PDF surface writing into `out`, its first page `size`, with fixed dates so the bytes repeat.
cairo_surface_t* pdf_surface(std::string& out, const ChartSize& size) {
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append_to_string, &out, size.width, size.height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, fixed_pdf_date);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, fixed_pdf_date);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "boardpack");
    return surface;
}

// Draws onto a vector surface with `draw_on`, finishes it and returns what it wrote into
// `out`, or "" on failure.
template <typename DrawOn>
std::string finish(cairo_surface_t* surface, std::string& out, DrawOn&& draw_on) {
    cairo_t* cr = cairo_create(surface);
    draw_on(cr);
    const bool drawn = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const bool written = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    return drawn && written ? out : std::string();
}

// Every face has the ASCII letters, and only characters past them ever fall back (Canvas), so a
// chart whose words are all ASCII cannot miss one and need not be drawn to find out.
bool has_only_ascii_words(const data::ChartSpec& spec) {
    if ((spec.show_title && !is_ascii(spec.title)) || !is_ascii(spec.unit)) {
        return false;
    }
    for (const auto& category : spec.categories) {
        if (!is_ascii(category)) {
            return false;
        }
    }
    for (const auto& series : spec.series) {
        if (!is_ascii(series.name)) {
            return false;
        }
    }
    return true;
}

} // namespace

ChartSize chart_size(const data::ChartSpec& spec) {
    const ChartSize defaults;
    return {sane_dimension(spec.width_pt, defaults.width),
            sane_dimension(spec.height_pt, defaults.height)};
}

std::string render_svg(const data::ChartSpec& spec, const ChartStyle& style,
                       const std::string& page_prefix) {
    const ChartSize size = chart_size(spec);
    // Text is measured and shaped on a context that keeps nothing drawn on it.
    cairo_surface_t* nowhere = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
    cairo_t* fonts = cairo_create(nowhere);
    const std::string id_prefix = page_prefix + svg_id_prefix(spec.id);
    SvgPen pen(fonts, size.width, size.height, id_prefix);
    draw_with(pen, fonts, spec, style);
    const bool drawn = cairo_status(fonts) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(fonts);
    cairo_surface_destroy(nowhere);
    if (!drawn) {
        return {};
    }
    return make_svg_accessible(pen.document(), id_prefix, spec.title, spec.description);
}

std::string render_pdf(const data::ChartSpec& spec, const ChartStyle& style) {
    const ChartSize size = chart_size(spec);
    std::string out;
    cairo_surface_t* surface = pdf_surface(out, size);
    if (!spec.title.empty()) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, spec.title.c_str());
    }
    return finish(surface, out, [&](cairo_t* cr) { draw(cr, spec, style); });
}

std::string render_pdf_pages(const std::vector<PdfChart>& charts) {
    if (charts.empty()) {
        return {};
    }
    std::string out;
    cairo_surface_t* surface = pdf_surface(out, chart_size(*charts.front().spec));
    return finish(surface, out, [&](cairo_t* cr) {
        for (const PdfChart& chart : charts) {
            const ChartSize size = chart_size(*chart.spec);
            cairo_pdf_surface_set_size(surface, size.width, size.height);
            draw(cr, *chart.spec, chart.style);
            cairo_show_page(cr);
        }
    });
}

std::string render_png(const data::ChartSpec& spec, double scale, const ChartStyle& style) {
    const ChartSize size = chart_size(spec);
    if (!std::isfinite(scale) || scale <= 0) {
        scale = 1;
    }
    scale = std::min(scale, largest_png_side / std::max(size.width, size.height));
    const int width = std::max(1, static_cast<int>(std::ceil(size.width * scale)));
    const int height = std::max(1, static_cast<int>(std::ceil(size.height * scale)));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    draw(cr, spec, style);
    const bool drawn = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    std::string out;
    const bool written = drawn && cairo_surface_write_to_png_stream(surface, append_to_string,
                                                                    &out) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    return written ? out : std::string();
}

std::set<char32_t> characters_without_font(const data::ChartSpec& spec, const ChartStyle& style) {
    std::set<char32_t> missing;
    if (has_only_ascii_words(spec)) {
        return missing;
    }
    // Drawn once where nothing is kept, so the answer is what the chart really draws.
    cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
    cairo_t* cr = cairo_create(surface);
    draw(cr, spec, style, &missing);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return missing;
}

} // namespace bp::chart
