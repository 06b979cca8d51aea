#include "chart/svg_pen.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>

namespace bp::chart {

namespace {

constexpr int decimals = 2;
// A dash pattern repeats along the whole stroke, so an error in it grows with every repeat: a
// hatching stroke runs through a hundred of them.
constexpr int dash_decimals = 6;

void number(std::string& out, double value) {
    append_decimal(out, value, decimals);
}

void hex_colour(std::string& out, const Rgb& colour) {
    static const char* digits = "0123456789abcdef";
    out += '#';
    for (double channel : {colour.r, colour.g, colour.b}) {
        const double clamped = std::isfinite(channel) ? std::clamp(channel, 0.0, 1.0) : 0.0;
        const int byte = static_cast<int>(std::lround(clamped * 255));
        out += digits[byte >> 4];
        out += digits[byte & 15];
    }
}

// Path data for Cairo's path, in its user space.
std::string path_data(const cairo_path_t& path) {
    std::string out;
    for (int i = 0; i < path.num_data; i += path.data[i].header.length) {
        const cairo_path_data_t* data = &path.data[i];
        auto points = [&](int count) {
            for (int k = 1; k <= count; ++k) {
                out += ' ';
                number(out, data[k].point.x);
                out += ' ';
                number(out, data[k].point.y);
            }
        };
        switch (data->header.type) {
        case CAIRO_PATH_MOVE_TO:
            out += out.empty() ? "M" : " M";
            points(1);
            break;
        case CAIRO_PATH_LINE_TO:
            out += " L";
            points(1);
            break;
        case CAIRO_PATH_CURVE_TO:
            out += " C";
            points(3);
            break;
        case CAIRO_PATH_CLOSE_PATH:
            out += " Z";
            break;
        }
    }
    return out;
}

// A glyph's outline as path data, its origin on the baseline at (0, 0), taken once per
// thread for each face, size and glyph. Faces are held, so a key never names another face.
const std::string& glyph_outline(cairo_t* fonts, unsigned long glyph) {
    using Key = std::tuple<cairo_font_face_t*, double, unsigned long>;
    struct Outlines {
        std::map<Key, std::unique_ptr<std::string>> by_key;
        ~Outlines() {
            for (const auto& [key, outline] : by_key)
                cairo_font_face_destroy(std::get<0>(key));
        }
    };
    thread_local Outlines outlines;
    cairo_matrix_t font_matrix;
    cairo_get_font_matrix(fonts, &font_matrix);
    cairo_font_face_t* face = cairo_get_font_face(fonts);
    const Key key{face, font_matrix.xx, glyph};
    auto found = outlines.by_key.find(key);
    if (found != outlines.by_key.end())
        return *found->second;
    cairo_save(fonts);
    cairo_identity_matrix(fonts);
    cairo_new_path(fonts);
    const cairo_glyph_t at_origin{glyph, 0, 0};
    cairo_glyph_path(fonts, &at_origin, 1);
    cairo_path_t* path = cairo_copy_path(fonts);
    auto outline = std::make_unique<std::string>(
        path->status == CAIRO_STATUS_SUCCESS ? path_data(*path) : std::string());
    cairo_path_destroy(path);
    cairo_new_path(fonts);
    cairo_restore(fonts);
    cairo_font_face_reference(face);
    return *outlines.by_key.emplace(key, std::move(outline)).first->second;
}

// Ends an element's attributes with the path data and closes it: ` d="…"/>`.
void append_path_end(std::string& out, const std::string& path) {
    out += " d=\"";
    out += path;
    out += "\"/>\n";
}

} // namespace

SvgPen::SvgPen(cairo_t* fonts, double width, double height, std::string id_prefix)
    : fonts_(fonts), width_(width), height_(height), id_prefix_(std::move(id_prefix)) {}

void SvgPen::point(double x, double y) {
    number(path_, x);
    path_ += ' ';
    number(path_, y);
}

void SvgPen::move_to(double x, double y) {
    path_ += path_.empty() ? "M " : " M ";
    point(x, y);
}

void SvgPen::line_to(double x, double y) {
    if (path_.empty()) { // Cairo: a line from nowhere starts the path there
        move_to(x, y);
        return;
    }
    path_ += " L ";
    point(x, y);
}

void SvgPen::rectangle(double x, double y, double width, double height) {
    move_to(x, y);
    line_to(x + width, y);
    line_to(x + width, y + height);
    line_to(x, y + height);
    close_path();
}

void SvgPen::circle(double x, double y, double radius) {
    // Two half circles, clockwise on the page as Cairo's angles run, from the rightmost point.
    move_to(x + radius, y);
    for (double end_x : {x - radius, x + radius}) {
        path_ += " A ";
        point(radius, radius);
        path_ += " 0 0 1 ";
        point(end_x, y);
    }
}

void SvgPen::close_path() {
    if (!path_.empty())
        path_ += " Z";
}

void SvgPen::new_path() {
    path_.clear();
}

void SvgPen::fill(bool keep_path) {
    if (!path_.empty()) {
        body_ += "<path fill=\"";
        hex_colour(body_, state_.colour);
        body_ += '"';
        append_path_end(body_, path_);
    }
    if (!keep_path)
        path_.clear();
}

void SvgPen::stroke() {
    if (path_.empty())
        return;
    body_ += "<path fill=\"none\" stroke=\"";
    hex_colour(body_, state_.colour);
    body_ += "\" stroke-width=\"";
    number(body_, state_.line_width);
    body_ += '"';
    if (state_.cap == LineCap::round)
        body_ += " stroke-linecap=\"round\"";
    // Cairo mitres up to 10 times the line width; SVG's default is 4.
    body_ +=
        state_.join == LineJoin::round ? " stroke-linejoin=\"round\"" : " stroke-miterlimit=\"10\"";
    if (!state_.dash.empty()) {
        body_ += " stroke-dasharray=\"";
        for (std::size_t i = 0; i < state_.dash.size(); ++i) {
            if (i > 0)
                body_ += ' ';
            append_decimal(body_, state_.dash[i], dash_decimals);
        }
        body_ += '"';
        if (state_.dash_offset != 0) {
            body_ += " stroke-dashoffset=\"";
            append_decimal(body_, state_.dash_offset, dash_decimals);
            body_ += '"';
        }
    }
    append_path_end(body_, path_);
    path_.clear();
}

void SvgPen::clip() {
    const std::string id = id_prefix_ + "clip-" + std::to_string(++clips_);
    definitions_ += "<clipPath id=\"" + id + "\"><path d=\"" + path_ + "\"/></clipPath>\n";
    body_ += "<g clip-path=\"url(#" + id + ")\">\n";
    ++state_.clip_groups;
    path_.clear();
}

void SvgPen::save() {
    saved_.push_back(state_);
    state_.clip_groups = 0;
}

void SvgPen::restore() {
    for (; state_.clip_groups > 0; --state_.clip_groups)
        body_ += "</g>\n";
    if (saved_.empty())
        return;
    state_ = std::move(saved_.back());
    saved_.pop_back();
}

void SvgPen::set_colour(const Rgb& colour) {
    state_.colour = colour;
}

void SvgPen::set_line_width(double width) {
    state_.line_width = width;
}

void SvgPen::set_dash(const std::vector<double>& dashes, double offset) {
    state_.dash = dashes;
    state_.dash_offset = offset;
}

void SvgPen::set_line_cap(LineCap cap) {
    state_.cap = cap;
}

void SvgPen::set_line_join(LineJoin join) {
    state_.join = join;
}

int SvgPen::glyph_id(const std::string* outline) {
    auto [found, added] = glyph_ids_.try_emplace(outline, static_cast<int>(glyph_ids_.size()) + 1);
    if (added)
        definitions_ += "<symbol overflow=\"visible\" id=\"" + id_prefix_ + "glyph-" +
                        std::to_string(found->second) + "\"><path d=\"" + *outline +
                        "\"/></symbol>\n";
    return found->second;
}

double SvgPen::show_text(const std::string& text, double x, double y) {
    cairo_scaled_font_t* font = cairo_get_scaled_font(fonts_);
    cairo_glyph_t* glyphs = nullptr;
    int count = 0;
    if (text.empty() ||
        cairo_scaled_font_text_to_glyphs(font, x, y, text.data(), static_cast<int>(text.size()),
                                         &glyphs, &count, nullptr, nullptr,
                                         nullptr) != CAIRO_STATUS_SUCCESS ||
        count == 0) {
        cairo_glyph_free(glyphs);
        return x;
    }
    body_ += "<g fill=\"";
    hex_colour(body_, state_.colour);
    body_ += "\">\n";
    for (int i = 0; i < count; ++i) {
        const std::string& outline = glyph_outline(fonts_, glyphs[i].index);
        if (outline.empty()) // a space
            continue;
        body_ += "<use xlink:href=\"#";
        body_ += id_prefix_;
        body_ += "glyph-";
        body_ += std::to_string(glyph_id(&outline));
        body_ += "\" x=\"";
        number(body_, glyphs[i].x);
        body_ += "\" y=\"";
        number(body_, glyphs[i].y);
        body_ += "\"/>\n";
    }
    body_ += "</g>\n";
    // Where Cairo's show_text leaves the point: past the last glyph's advance.
    cairo_text_extents_t last;
    cairo_scaled_font_glyph_extents(font, &glyphs[count - 1], 1, &last);
    const double next_x = glyphs[count - 1].x + last.x_advance;
    cairo_glyph_free(glyphs);
    return next_x;
}

std::string SvgPen::document() const {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                      "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"";
    number(out, width_);
    out += "pt\" height=\"";
    number(out, height_);
    out += "pt\" viewBox=\"0 0 ";
    number(out, width_);
    out += ' ';
    number(out, height_);
    out += "\" version=\"1.1\">\n";
    out.reserve(out.size() + definitions_.size() + body_.size() + 64);
    if (!definitions_.empty()) {
        out += "<defs>\n";
        out += definitions_;
        out += "</defs>\n";
    }
    out += body_;
    // Clips a drawing left open (it always restores what it saved) are closed all the same.
    int open = state_.clip_groups;
    for (const State& state : saved_)
        open += state.clip_groups;
    for (; open > 0; --open)
        out += "</g>\n";
    out += "</svg>\n";
    return out;
}

} // namespace bp::chart
