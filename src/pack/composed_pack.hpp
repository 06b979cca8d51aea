#pragma once
// A pack as a list of finished pages, before it becomes a PDF: what libharu paints, what the
// qpdf pass places on top (charts) or underneath (appendix pages), and the navigation.
#include "chart/font_family.hpp"
#include "data/chart_spec.hpp"
#include "layout/page.hpp"
#include "pack/chart_drawing.hpp"
#include "pack/pack.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace bp::pack {

// A page of an external PDF shown underneath the pack's own stamp and footer.
struct AppendixPageRef {
    std::string native_path;
    int page_index = -1; // 0-based page in that file
};

// A link from a rectangle on one pack page to the top of another (0-based indexes).
struct PageLink {
    double x = 0, y = 0, width = 0, height = 0; // layout coordinates (from the top-left)
    int target_page = 0;
};

struct ComposedPage {
    layout::Page page;
    const std::vector<data::ChartSpec>* chart_specs = nullptr;
    AppendixPageRef appendix;
    std::vector<PageLink> links;
};

// The chart `placement` on `page` shows; null when the page has no charts or the placement
// names none of them.
inline const data::ChartSpec* placed_chart(const ComposedPage& page,
                                           const layout::ChartPlacement& placement) {
    if (!page.chart_specs || placement.chart_index < 0 ||
        placement.chart_index >= static_cast<int>(page.chart_specs->size()))
        return nullptr;
    return &(*page.chart_specs)[placement.chart_index];
}

// A bookmark; children nest beneath it.
struct OutlineEntry {
    std::string title;
    int page = 0; // 0-based
    double y = 0; // layout coordinate of the target on that page
    std::vector<OutlineEntry> children;
};

struct DocumentInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string date_iso; // creation and modification date, from the meeting (YYYY-MM-DD)
};

struct ComposedPack {
    std::vector<ComposedPage> pages;
    // The number printed on each page, which becomes its PDF page label. Empty: 1, 2, 3 …
    std::vector<int> page_numbers;
    std::vector<OutlineEntry> outline;
    DocumentInfo info;
    // "Fast web view" (site.yaml `linearise_pdfs`), for a file larger than `linearise_above`.
    bool linearise = true;
    std::size_t linearise_above = fast_web_view_bytes;
    // The faces the pack's text is set in; its charts draw their text in them too. Empty paths:
    // the bundled faces.
    chart::FontFiles chart_fonts;
};

struct FallbackFace;

// A piece of text set in an installed font other than the bundled faces: drawn with Cairo
// and placed over the page by the post-pass.
struct FallbackText {
    double x = 0, baseline = 0, size = 10;
    std::string text; // UTF-8
    layout::Colour colour;
    const FallbackFace* face = nullptr;
};

// Code points painted in each of the four faces; the ToUnicode maps are written from these.
// Runs that hold characters the bundled faces lack are split first: libharu paints the
// bundled pieces in the run's place, the post-pass draws the rest.
struct UsedGlyphs {
    std::set<char32_t> by_style[4];
    std::string postscript_names[4]; // the face of each style, as the PDF names its font
    std::map<std::pair<std::size_t, std::size_t>, std::vector<layout::TextRun>> bundled_pieces;
    std::vector<std::vector<FallbackText>> fallback_texts; // by page
    // By page, one for each of its charts: drawn for the painter, in the pack's faces; none
    // for a chart the post-pass places as Cairo draws it.
    std::vector<std::vector<std::optional<ChartDrawing>>> chart_drawings;
};

} // namespace bp::pack
