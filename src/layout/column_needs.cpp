#include "layout/column_needs.hpp"

#include "layout/break_points.hpp"

#include <algorithm>

namespace bp::layout {

namespace {

// The widest pieces of one word: between its Unicode break opportunities (the minimum, as a
// browser's min-content), and between those and its hyphenation points (hyphen included).
void add_word_need(const Token& word, const InlineFlow& flow, WidthCache& widths,
                   ColumnNeed& need) {
    // No piece of a word is wider than the word: one no wider than the column's floor so far
    // changes nothing, and most words are.
    if (word.width <= need.floor())
        return;
    double whole = word.width, hyphenated = word.width;
    if (word.segments.size() == 1) {
        const Segment& segment = word.segments.front();
        const Look& look = flow.looks[segment.look];
        std::string_view text = segment.text;
        whole = hyphenated = 0;
        std::size_t unbroken_start = 0, piece_start = 0;
        auto measure = [&](std::size_t from, std::size_t to, bool hyphen) {
            std::string piece(text.substr(from, to - from));
            if (hyphen)
                piece += '-';
            return widths.width(piece, look.style, look.size);
        };
        for (const BreakPoint& point : word_break_points(text)) {
            hyphenated = std::max(hyphenated, measure(piece_start, point.offset, point.hyphen));
            piece_start = point.offset;
            if (!point.hyphen) {
                whole = std::max(whole, measure(unbroken_start, point.offset, false));
                unbroken_start = point.offset;
            }
        }
        if (piece_start == 0) {
            whole = hyphenated = word.width;
        } else {
            hyphenated = std::max(hyphenated, measure(piece_start, text.size(), false));
            whole =
                std::max(whole, unbroken_start == 0 ? word.width
                                                    : measure(unbroken_start, text.size(), false));
        }
    }
    need.minimum = std::max(need.minimum, whole);
    need.hyphenated = std::max(need.hyphenated, std::min(hyphenated, whole));
}

} // namespace

ColumnNeed flow_need(const InlineFlow& flow, WidthCache& widths, ColumnNeed known) {
    ColumnNeed need = known;
    need.natural = 0;
    double line = 0;
    for (const auto& token : flow.tokens) {
        if (token.kind == TokenKind::line_break) {
            line = 0;
            continue;
        }
        line += token.width;
        need.natural = std::max(need.natural, line);
        if (token.kind == TokenKind::word)
            add_word_need(token, flow, widths, need);
    }
    return need;
}

ColumnNeed text_need(WidthCache& widths, const std::string& text, FontStyle style, double size) {
    Look look;
    look.style = style;
    look.size = size;
    return flow_need(flow_text(text, look, widths), widths);
}

} // namespace bp::layout
