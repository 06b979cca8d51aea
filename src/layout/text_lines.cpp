#include "layout/text_lines.hpp"

#include "layout/inline_flow.hpp"
#include "layout/line_breaker.hpp"
#include "layout/width_cache.hpp"

namespace bp::layout {

std::vector<std::string> wrap_text(const TextMeasurer& measurer, const std::string& text,
                                   FontStyle style, double size, double width) {
    WidthCache widths(measurer);
    return wrap_text(widths, text, style, size, width);
}

std::vector<std::string> wrap_text(WidthCache& widths, const std::string& text, FontStyle style,
                                   double size, double width) {
    Look look;
    look.style = style;
    look.size = size;
    InlineFlow flow = flow_text(text, look, widths);
    std::vector<std::string> lines;
    if (flow.tokens.empty())
        return lines;
    for (const LineBox& line : break_lines(flow, width, {size, 1.0}, widths)) {
        std::string joined;
        for (const TextRun& run : line.runs)
            joined += run.text;
        lines.push_back(std::move(joined));
    }
    return lines;
}

} // namespace bp::layout
