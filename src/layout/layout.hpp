#pragma once
// Document model -> pages of positioned boxes.
#include "data/chart_spec.hpp"
#include "layout/page.hpp"
#include "layout/width_cache.hpp"
#include "markdown/document.hpp"

#include <string>
#include <vector>

namespace bp::layout {

struct PageGeometry {
    double width = 595.276; // A4
    double height = 841.89;
    double margin_top = 72;
    double margin_bottom = 72;
    double margin_inner = 72; // the binding side: wide enough for hole-punching
    double margin_outer = 56;
    bool landscape = false; // width and height are swapped by the caller when true
};

struct RagPalette {
    Colour red{0.831, 0.208, 0.110};
    Colour amber{0.957, 0.467, 0.220};
    Colour green{0.0, 0.439, 0.235};
    Colour grey{0.314, 0.353, 0.373};
    Colour blue{0.114, 0.439, 0.722};
};

struct TextStyle {
    double body_size = 11;
    double leading = 1.35; // line height as a multiple of the size
    double heading_sizes[6] = {18, 14, 12, 11.5, 11, 11};
    Colour text{0.1, 0.1, 0.1};
    Colour link{0.0, 0.25, 0.6};
    Colour muted{0.35, 0.35, 0.35};
    RagPalette rag;
};

// Everything the layout needs about one document.
struct LayoutInput {
    const doc::Document* document = nullptr;
    const std::vector<data::ChartSpec>* charts = nullptr; // sizes for chart boxes
    std::string image_root;                // real folder that relative image paths resolve against
    DiagnosticSink* diagnostics = nullptr; // warnings (missing images, bad chart indexes)
    // Widths measured with the same measurer by earlier documents; a new cache when null.
    WidthCache* widths = nullptr;
};

// Lays the document out on as many pages as it needs. `first_page_top_offset` reserves space
// on the first page (for a stamp or a title block drawn by the caller).
std::vector<Page> lay_out(const LayoutInput& input, const PageGeometry& geometry,
                          const TextStyle& style, const TextMeasurer& measurer,
                          double first_page_top_offset = 0);

} // namespace bp::layout
