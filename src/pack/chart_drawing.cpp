#include "pack/chart_drawing.hpp"

#include "chart/font.hpp"
#include "chart/pen.hpp"
#include "chart/render.hpp"
#include "core/text.hpp"
#include "pack/haru_text.hpp"
#include "pack/utf8.hpp"

#include <algorithm>
#include <cairo.h>

namespace bp::pack {

namespace {

// A circle's quarter as a cubic Bézier curve: the control points' distance, in radii.
constexpr double quarter_circle = 0.5522847498;

// The chart's Pen writing PDF operators in the chart's own space: Cairo's meaning, a path
// kept until it is filled, stroked or clipped (a colour cannot be set inside a PDF path, and
// Cairo fills and then strokes one path with a colour set between), the text's face and size
// read from the context the chart measures its text on.
class PdfOperatorPen final : public chart::Pen {
  public:
    PdfOperatorPen(cairo_t* fonts, const chart::ChartStyle& style, ChartDrawing& drawing)
        : fonts_(fonts), regular_(chart::font_face_for_file(style.regular_font)),
          bold_(chart::font_face_for_file(style.bold_font)), drawing_(drawing) {
        // Cairo's state at the start, whatever the page set before: black, 2 pt lines, butt
        // caps, mitred joins, solid.
        drawing_.pieces.push_back({"0 g 0 G 2 w 0 J 0 j [] 0 d 10 M\n", std::nullopt, 0});
    }

    void move_to(double x, double y) override { point(x, y, "m\n"); }
    void line_to(double x, double y) override { point(x, y, "l\n"); }
    void rectangle(double x, double y, double width, double height) override {
        append_operand(path_, x);
        append_operand(path_, y);
        append_operand(path_, width);
        append_operand(path_, height);
        path_ += "re\n";
    }
    void circle(double x, double y, double radius) override {
        double k = radius * quarter_circle;
        point(x + radius, y, "m\n");
        curve(x + radius, y + k, x + k, y + radius, x, y + radius);
        curve(x - k, y + radius, x - radius, y + k, x - radius, y);
        curve(x - radius, y - k, x - k, y - radius, x, y - radius);
        curve(x + k, y - radius, x + radius, y - k, x + radius, y);
        path_ += "h\n";
    }
    void close_path() override { path_ += "h\n"; }
    void new_path() override { path_.clear(); }

    void fill(bool keep_path) override {
        paint("f\n");
        if (!keep_path)
            path_.clear();
    }
    void stroke() override {
        paint("S\n");
        path_.clear();
    }
    void clip() override {
        paint("W n\n");
        path_.clear();
    }
    void save() override {
        out() += "q\n";
        ++depth_;
    }
    void restore() override {
        if (depth_ == 0)
            return;
        out() += "Q\n";
        --depth_;
    }

    void set_colour(const chart::Rgb& colour) override {
        std::string& to = out();
        for (const char* op : {"rg\n", "RG\n"}) {
            append_operand(to, colour.r);
            append_operand(to, colour.g);
            append_operand(to, colour.b);
            to += op;
        }
    }
    void set_line_width(double width) override {
        append_operand(out(), width);
        out() += "w\n";
    }
    void set_dash(const std::vector<double>& dashes, double offset) override {
        std::string& to = out();
        // Hatching is one wide line dashed along its length: an error in the dashes adds up
        // along it, so they keep Cairo's six decimals.
        to += '[';
        for (double dash : dashes) {
            append_decimal(to, dash, 6);
            to += ' ';
        }
        to += "] ";
        append_decimal(to, offset, 6);
        to += ' ';
        to += "d\n";
    }
    void set_line_cap(chart::LineCap cap) override {
        out() += cap == chart::LineCap::round ? "1 J\n" : "0 J\n";
    }
    void set_line_join(chart::LineJoin join) override {
        out() += join == chart::LineJoin::round ? "1 j\n" : "0 j\n";
    }

    double show_text(const std::string& text, double x, double y) override {
        cairo_text_extents_t extents;
        cairo_text_extents(fonts_, text.c_str(), &extents);
        cairo_font_face_t* face = cairo_get_font_face(fonts_);
        std::optional<layout::FontStyle> style;
        if (face == regular_)
            style = layout::FontStyle::regular;
        else if (face == bold_)
            style = layout::FontStyle::bold;
        if (!style) {
            needs_other_faces_ = true;
            return x + extents.x_advance;
        }
        std::string printable = printable_text(text);
        if (!printable.empty()) {
            cairo_matrix_t matrix;
            cairo_get_font_matrix(fonts_, &matrix);
            drawing_.pieces.push_back({"", style, matrix.xx});
            drawing_.text_in[static_cast<int>(*style)] += printable;
            std::string& to = out();
            to += "BT 1 0 0 -1 ";
            append_operand(to, x);
            append_operand(to, y);
            to += "Tm ";
            append_shown_text(to, printable);
            to += " Tj ET\n";
        }
        return x + extents.x_advance;
    }

    // Whether every word was set in the style's own faces.
    bool drawn_in_own_faces() const { return !needs_other_faces_; }
    // Restores what the chart left saved, so the drawing leaves the page as it found it.
    void finish() {
        for (; depth_ > 0; --depth_)
            out() += "Q\n";
    }

  private:
    std::string& out() { return drawing_.pieces.back().operators; }
    void point(double x, double y, const char* op) {
        append_operand(path_, x);
        append_operand(path_, y);
        path_ += op;
    }
    void curve(double x1, double y1, double x2, double y2, double x3, double y3) {
        for (double value : {x1, y1, x2, y2, x3, y3})
            append_operand(path_, value);
        path_ += "c\n";
    }
    void paint(const char* op) {
        if (path_.empty())
            return;
        out() += path_;
        out() += op;
    }

    cairo_t* fonts_;
    cairo_font_face_t* regular_;
    cairo_font_face_t* bold_;
    ChartDrawing& drawing_;
    std::string path_;
    int depth_ = 0;
    bool needs_other_faces_ = false;
};

} // namespace

std::optional<ChartDrawing> make_chart_drawing(const data::ChartSpec& spec,
                                               const chart::ChartStyle& style) {
    chart::ChartSize size = chart::chart_size(spec);
    ChartDrawing drawing;
    drawing.width = size.width;
    drawing.height = size.height;
    // Text is measured on a context that keeps nothing drawn on it, as for the site's SVG.
    cairo_surface_t* nowhere = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
    cairo_t* fonts = cairo_create(nowhere);
    PdfOperatorPen pen(fonts, style, drawing);
    chart::draw_with(pen, fonts, spec, style);
    pen.finish();
    bool drawn = cairo_status(fonts) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(fonts);
    cairo_surface_destroy(nowhere);
    if (!drawn || !pen.drawn_in_own_faces())
        return std::nullopt;
    return drawing;
}

} // namespace bp::pack
