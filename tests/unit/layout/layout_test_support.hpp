#pragma once
// A measurer with fixed advances, and small builders for document models, so that expected
// positions can be worked out by hand: every code point is half the size wide (bold 0.6).
#include "layout/layout.hpp"
#include "markdown/document.hpp"

#include <string>
#include <vector>

namespace bp::layout::testing {

class FixedMeasurer final : public TextMeasurer {
  public:
    double width(const std::string& utf8, FontStyle style, double size) const override {
        ++calls;
        double advance = style == FontStyle::bold || style == FontStyle::bold_italic ? 0.6 : 0.5;
        double count = 0;
        for (unsigned char c : utf8)
            if ((c & 0xC0) != 0x80)
                ++count;
        return count * advance * size;
    }
    double ascent(FontStyle) const override { return 0.8; }
    double descent(FontStyle) const override { return 0.2; }
    mutable long calls = 0;
};

inline doc::Inline text(std::string value) {
    doc::Inline item;
    item.text = std::move(value);
    return item;
}

inline doc::Inline wrap(doc::InlineKind kind, doc::Inlines children, std::string url = {}) {
    doc::Inline item;
    item.kind = kind;
    item.children = std::move(children);
    item.url = std::move(url);
    return item;
}

inline doc::Inline hard_break() {
    doc::Inline item;
    item.kind = doc::InlineKind::line_break;
    return item;
}

inline doc::Block paragraph(doc::Inlines inlines) {
    doc::Block block;
    block.kind = doc::BlockKind::paragraph;
    block.inlines = std::move(inlines);
    return block;
}

inline doc::Block paragraph(const std::string& value) {
    return paragraph(doc::Inlines{text(value)});
}

// A paragraph of `count` lines, "<prefix>1" … "<prefix>N", separated by hard breaks.
inline doc::Block numbered_lines(const std::string& prefix, int count) {
    doc::Inlines inlines;
    for (int i = 1; i <= count; ++i) {
        if (i > 1)
            inlines.push_back(hard_break());
        inlines.push_back(text(prefix + std::to_string(i)));
    }
    return paragraph(std::move(inlines));
}

inline doc::Block heading(int level, const std::string& title, const std::string& anchor) {
    doc::Block block;
    block.kind = doc::BlockKind::heading;
    block.level = level;
    block.inlines = {text(title)};
    block.anchor = anchor;
    return block;
}

inline doc::TableRow row(const std::vector<std::string>& cells) {
    doc::TableRow result;
    for (const auto& cell : cells)
        result.cells.push_back(doc::TableCell{{text(cell)}, doc::Rag::none});
    return result;
}

// A small page whose text block is 200 pt wide and `text_height` tall (ten body lines by
// default): margins inner 60, outer 40, top 50, bottom 50.
inline PageGeometry small_page(double text_height = 120) {
    PageGeometry geometry;
    geometry.width = 300;
    geometry.height = 100 + text_height;
    geometry.margin_top = 50;
    geometry.margin_bottom = 50;
    geometry.margin_inner = 60;
    geometry.margin_outer = 40;
    return geometry;
}

// Body 10 pt with 1.2 leading: every body line is exactly 12 pt, baseline 9 pt below its top.
inline TextStyle simple_style() {
    TextStyle style;
    style.body_size = 10;
    style.leading = 1.2;
    return style;
}

inline std::vector<Page> lay(const doc::Document& document, const PageGeometry& geometry,
                             const TextStyle& style = simple_style(), double offset = 0,
                             const std::vector<data::ChartSpec>* charts = nullptr,
                             std::string image_root = {}) {
    static FixedMeasurer measurer;
    LayoutInput input;
    input.document = &document;
    input.charts = charts;
    input.image_root = std::move(image_root);
    return lay_out(input, geometry, style, measurer, offset);
}

inline std::vector<std::string> texts_of(const Page& page) {
    std::vector<std::string> texts;
    for (const auto& run : page.texts)
        texts.push_back(run.text);
    return texts;
}

inline const TextRun* find_text(const Page& page, const std::string& value) {
    for (const auto& run : page.texts)
        if (run.text == value)
            return &run;
    return nullptr;
}

} // namespace bp::layout::testing
