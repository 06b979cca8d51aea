#pragma once
// What a chart is drawn with: the path and paint operations its kinds use, with Cairo's
// meaning (a path is built, then filled, stroked or clipped, which clears it; save and restore
// bracket the colour, line settings and clip). CairoPen draws on a Cairo context (PDF, PNG);
// SvgPen (svg_pen.hpp) writes SVG elements itself. Text is set in the font current on the
// Cairo context the Canvas measures with: CairoPen's own, or the one SvgPen is given.
#include "chart/style.hpp"

#include <cairo.h>
#include <string>
#include <vector>

namespace bp::chart {

enum class LineCap { butt, round };
enum class LineJoin { miter, round };

class Pen {
  public:
    virtual ~Pen() = default;

    virtual void move_to(double x, double y) = 0;
    virtual void line_to(double x, double y) = 0;
    virtual void rectangle(double x, double y, double width, double height) = 0;
    // A whole circle, as a new piece of the path.
    virtual void circle(double x, double y, double radius) = 0;
    virtual void close_path() = 0;
    virtual void new_path() = 0;

    // Fills the path; `keep_path` leaves it for a stroke to follow.
    virtual void fill(bool keep_path = false) = 0;
    virtual void stroke() = 0;
    // Nothing is drawn outside the path from now until the matching restore.
    virtual void clip() = 0;
    virtual void save() = 0;
    virtual void restore() = 0;

    virtual void set_colour(const Rgb& colour) = 0;
    virtual void set_line_width(double width) = 0;
    // Empty `dashes` for a solid line.
    virtual void set_dash(const std::vector<double>& dashes, double offset = 0) = 0;
    virtual void set_line_cap(LineCap cap) = 0;
    virtual void set_line_join(LineJoin join) = 0;

    // Sets `text` (valid UTF-8) in the current font, its baseline starting at (x, y); returns
    // where the next glyph would start.
    virtual double show_text(const std::string& text, double x, double y) = 0;
};

class CairoPen final : public Pen {
  public:
    explicit CairoPen(cairo_t* cr) : cr_(cr) {}

    void move_to(double x, double y) override;
    void line_to(double x, double y) override;
    void rectangle(double x, double y, double width, double height) override;
    void circle(double x, double y, double radius) override;
    void close_path() override;
    void new_path() override;
    void fill(bool keep_path = false) override;
    void stroke() override;
    void clip() override;
    void save() override;
    void restore() override;
    void set_colour(const Rgb& colour) override;
    void set_line_width(double width) override;
    void set_dash(const std::vector<double>& dashes, double offset = 0) override;
    void set_line_cap(LineCap cap) override;
    void set_line_join(LineJoin join) override;
    double show_text(const std::string& text, double x, double y) override;

  private:
    cairo_t* cr_;
};

} // namespace bp::chart
