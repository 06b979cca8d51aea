#include "pack/page_furniture.hpp"

#include <algorithm>
#include <utility>

namespace bp::pack {

const char* const blank_page_sentence = "This page is intentionally left blank";

namespace {
using layout::FontStyle;

// A white panel behind text drawn over an imported page, so the text stays legible.
void add_backing(layout::Page& page, double x, double y, double width, double height) {
    layout::Rectangle panel;
    panel.x = x;
    panel.y = y;
    panel.width = width;
    panel.height = height;
    panel.fill = {1, 1, 1};
    page.rectangles.push_back(panel);
}
} // namespace

void add_footer(layout::Page& page, const layout::TextMeasurer& measurer, const Margins& margins,
                const FooterText& footer, int page_number, bool backed) {
    SheetStyle style;
    double left = left_margin(margins, page_number);
    double right = page.width - right_margin(margins, page_number);
    double baseline = page.height - 34;
    double rule_y = baseline - 13;
    if (backed)
        add_backing(page, left - 4, rule_y - 4, right - left + 8, page.height - rule_y - 18);
    page.rules.push_back({left, rule_y, right, rule_y, 0.5, style.rule});
    std::string running = footer.board + "  ·  " + footer.date;
    std::string number = std::to_string(page_number);
    double number_width = measurer.width(number, FontStyle::bold, 9);
    double running_width = measurer.width(running, FontStyle::regular, 9);
    bool right_hand = page_number % 2 == 1;
    // The page number sits at the outer edge, where a reader's thumb finds it.
    double number_x = right_hand ? right - number_width : left;
    double running_x = right_hand ? left : right - running_width;
    page.texts.push_back(
        make_run(measurer, running_x, baseline, running, FontStyle::regular, 9, style.muted));
    page.texts.push_back(
        make_run(measurer, number_x, baseline, number, FontStyle::bold, 9, style.text));
}

void add_item_stamp(layout::Page& page, const layout::TextMeasurer& measurer,
                    const Margins& margins, const std::string& label, int page_number) {
    SheetStyle style;
    double size = 11;
    double text_width = measurer.width(label, FontStyle::bold, size);
    double box_width = text_width + 20;
    double box_height = 22;
    double right = page.width - right_margin(margins, page_number);
    double top = 30;
    layout::Rectangle box;
    box.x = right - box_width;
    box.y = top;
    box.width = box_width;
    box.height = box_height;
    box.fill = {1, 1, 1};
    box.stroked = true;
    box.stroke = style.accent;
    box.line_width = 1.2;
    page.rectangles.push_back(box);
    double baseline = top + box_height / 2 + size * 0.36;
    page.texts.push_back(
        make_run(measurer, box.x + 10, baseline, label, FontStyle::bold, size, style.accent));
}

void add_protective_marking(layout::Page& page, const layout::TextMeasurer& measurer,
                            const std::string& marking) {
    double size = 9.5;
    double width = measurer.width(marking, FontStyle::bold, size);
    double x = (page.width - width) / 2;
    add_backing(page, x - 6, 14, width + 12, 16);
    page.texts.push_back(make_run(measurer, x, 26, marking, FontStyle::bold, size,
                                  layout::Colour{0.62, 0.08, 0.05}));
}

namespace {
const layout::Colour restriction_red{0.62, 0.08, 0.05};

// The largest size from `size` down to the smallest printed size at which `text` fits `width`;
// below that the text is cut with an ellipsis.
std::pair<std::string, double> fitted(const layout::TextMeasurer& measurer, std::string text,
                                      FontStyle style, double size, double width) {
    while (size - 0.5 >= layout::smallest_text_size && measurer.width(text, style, size) > width)
        size -= 0.5;
    if (measurer.width(text, style, size) <= width)
        return {text, size};
    const std::string ellipsis = "\xE2\x80\xA6";
    while (!text.empty() && measurer.width(text + ellipsis, style, size) > width) {
        text.pop_back();
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
            text.pop_back(); // never cut a character in two
        if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0xC0)
            text.pop_back();
    }
    return {text + ellipsis, size};
}

void centred_line(layout::Page& page, const layout::TextMeasurer& measurer, double left,
                  double right, double baseline, const std::string& line, bool backed) {
    auto [text, size] = fitted(measurer, line, FontStyle::bold, 9, right - left);
    double width = measurer.width(text, FontStyle::bold, size);
    double x = left + (right - left - width) / 2;
    if (backed)
        add_backing(page, x - 4, baseline - size - 2, width + 8, size + 6);
    page.texts.push_back(
        make_run(measurer, x, baseline, text, FontStyle::bold, size, restriction_red));
}
} // namespace

void add_appendix_label(layout::Page& page, const layout::TextMeasurer& measurer,
                        const Margins& margins, const std::string& label, int page_number) {
    SheetStyle style;
    double right = page.width - right_margin(margins, page_number);
    double room = (right - left_margin(margins, page_number)) * 0.75;
    auto [text, size] = fitted(measurer, label, FontStyle::bold, 9, room);
    double width = measurer.width(text, FontStyle::bold, size);
    double baseline = 64;
    add_backing(page, right - width - 4, baseline - size - 1, width + 8, size + 5);
    page.texts.push_back(
        make_run(measurer, right - width, baseline, text, FontStyle::bold, size, style.accent));
}

void add_restriction_lines(layout::Page& page, const layout::TextMeasurer& measurer,
                           const Margins& margins, const std::string& line, int page_number,
                           bool backed) {
    // The lines sit in the page's edge bands, above and below the text block, so they may run
    // wider than its measure: the whole ground for exclusion stays legible at 9 pt.
    constexpr double edge = 28;
    double left = std::min(left_margin(margins, page_number), edge);
    double right = page.width - std::min(right_margin(margins, page_number), edge);
    centred_line(page, measurer, left, right, 18, line, backed);
    centred_line(page, measurer, left, right, page.height - 16, line, backed);
}

void add_members_banner(layout::Page& page, const layout::TextMeasurer& measurer,
                        const Margins& margins, const std::string& text) {
    double left = left_margin(margins, 1);
    double size = 11;
    double width = measurer.width(text, FontStyle::bold, size) + 24;
    layout::Rectangle band;
    band.x = left;
    band.y = 22;
    band.width = width;
    band.height = 26;
    band.fill = restriction_red;
    page.rectangles.push_back(band);
    page.texts.push_back(make_run(measurer, left + 12, band.y + band.height / 2 + size * 0.36, text,
                                  FontStyle::bold, size, layout::Colour{1, 1, 1}));
}

layout::Page withheld_page(const layout::TextMeasurer& measurer, double width, double height,
                           const Margins& margins, const std::string& item_heading,
                           const std::string& pages, const std::string& ground, int page_number) {
    SheetStyle style;
    SheetWriter writer(measurer, width, height, margins, page_number);
    writer.space(120);
    writer.paragraph(text_spec(item_heading, FontStyle::bold, 16, style.accent));
    writer.space(10);
    writer.paragraph(text_spec(pages, FontStyle::regular, 11, style.text));
    writer.space(8);
    writer.paragraph(text_spec(ground, FontStyle::bold, 11, restriction_red));
    writer.space(14);
    writer.paragraph(
        text_spec("This edition keeps the page numbers of the members\xE2\x80\x99 pack, so "
                  "everyone at the meeting finds a paper on the same page.",
                  FontStyle::italic, 9.5, style.muted));
    return std::move(writer.pages.front());
}

layout::Page blank_page(const layout::TextMeasurer& measurer, double width, double height) {
    layout::Page page;
    page.width = width;
    page.height = height;
    double size = 10;
    double text_width = measurer.width(blank_page_sentence, FontStyle::italic, size);
    page.texts.push_back(make_run(measurer, (width - text_width) / 2, height / 2,
                                  blank_page_sentence, FontStyle::italic, size,
                                  SheetStyle{}.muted));
    return page;
}

} // namespace bp::pack
