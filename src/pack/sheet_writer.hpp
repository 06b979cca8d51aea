#pragma once
// Writes the pack's own pages (front sheet, membership, contents, title blocks): paragraphs
// and ruled tables that continue on new pages with their header repeated. Lines are broken by
// the layout stage's line breaker (layout/text_lines.hpp), as in the papers.
#include "layout/page.hpp"
#include "layout/width_cache.hpp"

#include <string>
#include <vector>

namespace bp::pack {

struct SheetStyle {
    layout::Colour text{0.1, 0.1, 0.1};
    layout::Colour muted{0.36, 0.36, 0.38};
    layout::Colour accent{0.05, 0.23, 0.42}; // headings and rules
    layout::Colour shade{0.92, 0.94, 0.96};  // table header fill
    layout::Colour rule{0.72, 0.75, 0.78};
};

struct Margins {
    double top = 72, bottom = 72;
    double inner = 72; // binding side: left on right-hand pages, right on left-hand pages
    double outer = 56;
};

// Left and right margins of a page with the given 1-based pack page number.
double left_margin(const Margins& margins, int page_number);
double right_margin(const Margins& margins, int page_number);

// A paragraph within a table cell or on the page.
struct TextSpec {
    std::string text;
    layout::FontStyle style = layout::FontStyle::regular;
    double size = 10;
    layout::Colour colour{0.1, 0.1, 0.1};
    double indent = 0;
    bool align_right = false;
    double space_before = 0;
    bool unbroken = false; // never wrapped: its column is at least as wide (page ranges)
};

// A run of text in one style, size and colour, indented by `indent` points.
inline TextSpec text_spec(std::string text, layout::FontStyle style, double size,
                          layout::Colour colour, double indent = 0) {
    TextSpec spec;
    spec.text = std::move(text);
    spec.style = style;
    spec.size = size;
    spec.colour = colour;
    spec.indent = indent;
    return spec;
}

using CellSpec = std::vector<TextSpec>;

struct RowSpec {
    std::vector<CellSpec> cells;
    bool keep_with_next = false; // a heading row: never the last row on a page
};

// Where a table row ended up (for links to it).
struct PlacedRow {
    int page = 0; // index into SheetWriter::pages
    double y = 0, height = 0;
};

class SheetWriter {
  public:
    SheetWriter(const layout::TextMeasurer& measurer, double page_width, double page_height,
                Margins margins, int first_page_number);

    std::vector<layout::Page> pages;

    void new_page();
    void space(double points);
    double left() const;
    double content_width() const;
    double cursor() const { return y_; }
    // Starts a new page unless `points` still fit on this one.
    void keep(double points);
    void paragraph(const TextSpec& spec);
    void rule(double line_width, layout::Colour colour);
    // A label in a fixed-width column and its value beside it.
    void label_value(const std::string& label, const std::string& value, double label_width,
                     double size);
    // Columns are sized from their content by the layout stage's rule for tables, as in the
    // papers. `continued` (when given) is written above the repeated header on each new page.
    std::vector<PlacedRow> table(const RowSpec& header, const std::vector<RowSpec>& rows,
                                 const SheetStyle& style, const TextSpec* continued = nullptr);
    double line_height(double size) const { return size * 1.32; }

  private:
    std::vector<double> column_widths(const RowSpec& header,
                                      const std::vector<RowSpec>& rows) const;
    double cell_height(const CellSpec& cell, double width) const;
    void draw_cell(const CellSpec& cell, double x, double y, double width);
    double draw_row(const std::vector<double>& widths, const RowSpec& row, bool header,
                    const SheetStyle& style);
    const layout::TextMeasurer& measurer_;
    layout::WidthCache& widths_; // line breaking measures the same words again and again
    double page_width_, page_height_;
    Margins margins_;
    int first_page_number_;
    double y_ = 0;
};

// A text run at a position, measured.
layout::TextRun make_run(const layout::TextMeasurer& measurer, double x, double baseline,
                         const std::string& text, layout::FontStyle style, double size,
                         layout::Colour colour);

} // namespace bp::pack
