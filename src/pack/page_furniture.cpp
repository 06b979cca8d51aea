#include "pack/page_furniture.hpp"

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
    double running_width = measurer.width(running, FontStyle::regular, 8.5);
    bool right_hand = page_number % 2 == 1;
    // The page number sits at the outer edge, where a reader's thumb finds it.
    double number_x = right_hand ? right - number_width : left;
    double running_x = right_hand ? left : right - running_width;
    page.texts.push_back(
        make_run(measurer, running_x, baseline, running, FontStyle::regular, 8.5, style.muted));
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
