#pragma once
// Pages of positioned boxes: what the layout stage produces and the pack stage paints.
// Coordinates are PDF points measured from the page's top-left corner; y grows downwards.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::layout {

enum class FontStyle { regular, bold, italic, bold_italic };
constexpr int font_style_count = 4;

// Nothing is printed smaller than this, in points: not footnotes, captions, table notes,
// superscripts or page furniture. Below it many of a pack's readers need a magnifier.
constexpr double smallest_text_size = 9;

// `size` reduced by `fraction` (a caption, a footnote, a superscript), never below the
// smallest printed size unless `size` itself is already smaller.
inline double reduced_size(double size, double fraction) {
    double floor = size < smallest_text_size ? size : smallest_text_size;
    return size * fraction > floor ? size * fraction : floor;
}

struct Colour {
    double r = 0, g = 0, b = 0;
    bool operator==(const Colour&) const = default;
};

// Measures text in the fonts the pack will embed, so line breaks match what is painted.
class TextMeasurer {
  public:
    virtual ~TextMeasurer() = default;
    virtual double width(const std::string& utf8, FontStyle style, double size) const = 0;
    // The same width, when the measurer can work it out faster than a look-up in a cache of
    // widths (for a word of plain ASCII, a sum of widths it keeps per character); nothing
    // otherwise. Where it answers, it must equal width().
    virtual std::optional<double> quick_width(std::string_view, FontStyle, double) const {
        return std::nullopt;
    }
    // Distance from baseline to the top of tall glyphs, as a fraction of the size.
    virtual double ascent(FontStyle style) const = 0;
    virtual double descent(FontStyle style) const = 0; // positive
};

struct TextRun {
    double x = 0, baseline = 0;
    std::string text; // UTF-8
    FontStyle style = FontStyle::regular;
    double size = 10;
    Colour colour;
    double width = 0; // measured width, for links and decorations
    std::string link; // external URL, or "#anchor" for an internal destination
    bool underline = false;
    bool strike = false;
};

struct Rectangle {
    double x = 0, y = 0, width = 0, height = 0;
    bool filled = true;
    Colour fill;
    bool stroked = false;
    Colour stroke;
    double line_width = 0.5;
};

struct Rule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double line_width = 0.5;
    Colour colour;
};

// A chart to be placed as a vector drawing; index into the paper's chart list.
struct ChartPlacement {
    double x = 0, y = 0, width = 0, height = 0;
    int chart_index = -1;
};

struct ImagePlacement {
    double x = 0, y = 0, width = 0, height = 0;
    std::string native_path; // PNG or JPEG (painted) or SVG (placed as vectors afterwards)
};

// A heading or named point on a page: bookmarks and internal links resolve to these.
struct Destination {
    double y = 0;
    std::string id;    // anchor, unique within a document
    std::string title; // plain text, for bookmarks
    int level = 0;     // heading level; 0 for non-heading anchors
};

struct Page {
    double width = 595.276; // A4 portrait by default
    double height = 841.89;
    bool landscape = false;
    std::vector<TextRun> texts;
    std::vector<Rectangle> rectangles;
    std::vector<Rule> rules;
    std::vector<ChartPlacement> charts;
    std::vector<ImagePlacement> images;
    std::vector<Destination> destinations;
};

} // namespace bp::layout
