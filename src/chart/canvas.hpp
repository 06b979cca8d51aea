#pragma once
// A Pen with the chart's fonts and colours at hand, and the text helpers every chart kind uses.
// Text is measured and shaped on a Cairo context with hinting off, so measurements agree across
// SVG, PDF and PNG.
#include "chart/pen.hpp"
#include "chart/style.hpp"

#include <cairo.h>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace bp::chart {

enum class Weight { regular, bold };
enum class HAlign { left, centre, right };
// Where the given y sits on the text: on the baseline, at the cap height, or half-way between.
enum class VAlign { baseline, cap_top, middle };

struct Rect {
    double x = 0, y = 0, width = 0, height = 0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
};

class Canvas {
  public:
    // `fonts` is the context text is measured on: the one `pen` draws on when it draws with
    // Cairo.
    Canvas(cairo_t* fonts, Pen& pen, const ChartStyle& style);

    Pen& pen() const { return pen_; }
    const ChartStyle& style() const { return style_; }

    void set_colour(const Rgb& colour) const;
    void set_font(Weight weight, double size) const;
    double text_width(const std::string& text) const;
    // The current font's size, for spacing lines of text.
    double font_size() const { return font_size_; }
    void draw_text(const std::string& text, double x, double y, HAlign h = HAlign::left,
                   VAlign v = VAlign::baseline) const;
    // `text` shortened with an ellipsis so it is no wider than `width`.
    std::string fit_text(const std::string& text, double width) const;

    // From now on, each character drawn or measured that neither the face nor any installed
    // font has (so it shows as nothing) is added to `missing`; nullptr stops collecting.
    void collect_missing(std::set<char32_t>* missing) { missing_ = missing; }

    void fill_rect(const Rect& rect, const Rgb& colour) const;
    void line(double x0, double y0, double x1, double y1, const Rgb& colour, double width) const;

  private:
    // A stretch of text in one face: the current one, or an installed font for characters
    // the bundled face lacks (symbols, other scripts).
    struct FaceRun {
        std::string text;
        cairo_font_face_t* face = nullptr;
    };
    std::vector<FaceRun> face_runs(const std::string& clean) const;
    void use_face(cairo_font_face_t* face) const;

    cairo_t* cr_;
    Pen& pen_;
    const ChartStyle& style_;
    cairo_font_face_t* regular_;
    cairo_font_face_t* bold_;
    mutable double font_size_ = 8;
    mutable cairo_font_face_t* current_ = nullptr; // the face set_font chose
    std::set<char32_t>* missing_ = nullptr;
    // Widths of ASCII texts, by face, size and text: a label is measured to space the labels,
    // to fit it, then to place it, and Cairo's measurement is the same each time.
    mutable std::unordered_map<std::string, double> ascii_widths_;
};

} // namespace bp::chart
