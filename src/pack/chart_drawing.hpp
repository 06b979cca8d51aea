#pragma once
// A chart painted on the pack's page itself (the painter's paint_page), its words set in the pack's
// own faces. The chart is drawn once, through the chart's Pen, into PDF operators in its own space
// (y down, as Cairo's), its text left without a font until the page it is painted on names one.
// Drawn by Cairo instead, into a PDF of the pack's charts that qpdf reads back and copies in as
// forms, a chart cost a twentieth of a whole build, most of it Cairo cutting down and writing its
// own copy of the faces the pack has already embedded.
//
// A chart whose words need a face the pack does not embed (another script, a symbol) is not
// drawn here: make_chart_drawing says so, and the post-pass places it as Cairo draws it.
#include "chart/style.hpp"
#include "data/chart_spec.hpp"
#include "layout/page.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bp::pack {

struct ChartDrawing {
    double width = 0; // the chart's own size, which its placement scales
    double height = 0;
    // The operators in order. A piece with a style sets that face at `size` before its own
    // operators; the face's resource name is the page's.
    struct Piece {
        std::string operators;
        std::optional<layout::FontStyle> style;
        double size = 0;
    };
    std::vector<Piece> pieces;
    std::string text_in[layout::font_style_count]; // every word set in each face (printable)
};

// The chart drawn with `style`, or none when a word of it needs a face other than the
// style's regular and bold ones.
std::optional<ChartDrawing> make_chart_drawing(const data::ChartSpec& spec,
                                               const chart::ChartStyle& style);

} // namespace bp::pack
