#include "chart/pen.hpp"

#include <numbers>

namespace bp::chart {

void CairoPen::move_to(double x, double y) {
    cairo_move_to(cr_, x, y);
}

void CairoPen::line_to(double x, double y) {
    cairo_line_to(cr_, x, y);
}

void CairoPen::rectangle(double x, double y, double width, double height) {
    cairo_rectangle(cr_, x, y, width, height);
}

void CairoPen::circle(double x, double y, double radius) {
    cairo_new_sub_path(cr_);
    cairo_arc(cr_, x, y, radius, 0, 2 * std::numbers::pi);
}

void CairoPen::close_path() {
    cairo_close_path(cr_);
}

void CairoPen::new_path() {
    cairo_new_path(cr_);
}

void CairoPen::fill(bool keep_path) {
    if (keep_path) {
        cairo_fill_preserve(cr_);
    } else {
        cairo_fill(cr_);
    }
}

void CairoPen::stroke() {
    cairo_stroke(cr_);
}

void CairoPen::clip() {
    cairo_clip(cr_);
}

void CairoPen::save() {
    cairo_save(cr_);
}

void CairoPen::restore() {
    cairo_restore(cr_);
}

void CairoPen::set_colour(const Rgb& colour) {
    cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
}

void CairoPen::set_line_width(double width) {
    cairo_set_line_width(cr_, width);
}

void CairoPen::set_dash(const std::vector<double>& dashes, double offset) {
    cairo_set_dash(cr_, dashes.data(), static_cast<int>(dashes.size()), offset);
}

void CairoPen::set_line_cap(LineCap cap) {
    cairo_set_line_cap(cr_, cap == LineCap::round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
}

void CairoPen::set_line_join(LineJoin join) {
    cairo_set_line_join(cr_,
                        join == LineJoin::round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
}

double CairoPen::show_text(const std::string& text, double x, double y) {
    cairo_move_to(cr_, x, y);
    cairo_show_text(cr_, text.c_str()); // moves the point on by the text's advance
    double next_x = x;
    double next_y = y;
    cairo_get_current_point(cr_, &next_x, &next_y);
    cairo_new_path(cr_);
    return next_x;
}

} // namespace bp::chart
