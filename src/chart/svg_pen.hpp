#pragma once
// A Pen that writes the chart as SVG elements: paths with their fill or stroke, clips as
// <clipPath>, and text as glyph outlines (one <symbol> per glyph, a <use> per character), so
// the drawing looks the same in any browser whatever fonts it has, as Cairo's SVG surface
// drew it. Coordinates are written with two decimals (a hundredth of a CSS pixel at natural
// size). Each glyph's outline is taken from its font once per thread and size, not once per
// chart: most of the cost of a chart's SVG was writing the same outlines again.
#include "chart/pen.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace bp::chart {

class SvgPen final : public Pen {
  public:
    // `fonts` is the context the Canvas measures on: text is shaped in its current font. Every
    // id the drawing gives an element (its glyphs, its clips) begins with `id_prefix`, and so
    // does every reference to one: a page with several drawings needs them all distinct, and
    // writing them so at once saves rewriting the whole drawing for each prefix.
    SvgPen(cairo_t* fonts, double width, double height, std::string id_prefix = {});

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

    // The whole document: the root element with the drawing's size, the glyphs and clips it
    // uses, and what was drawn.
    std::string document() const;

  private:
    struct State {
        Rgb colour;
        double line_width = 2; // Cairo's defaults
        std::vector<double> dash;
        double dash_offset = 0;
        LineCap cap = LineCap::butt;
        LineJoin join = LineJoin::miter;
        int clip_groups = 0; // <g clip-path> elements opened since the matching save
    };
    void point(double x, double y);
    // The document's id for an outline, its <symbol> written the first time.
    int glyph_id(const std::string* outline);

    cairo_t* fonts_;
    double width_;
    double height_;
    std::string id_prefix_;
    std::string path_;
    State state_;
    std::vector<State> saved_;
    std::string definitions_;
    std::string body_;
    std::unordered_map<const std::string*, int> glyph_ids_;
    int clips_ = 0;
};

} // namespace bp::chart
