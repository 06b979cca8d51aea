#include "layout/inline_flow.hpp"

#include <string>

namespace bp::layout {

int InlineFlow::look_index(const Look& look) {
    for (std::size_t i = 0; i < looks.size(); ++i)
        if (looks[i] == look)
            return static_cast<int>(i);
    looks.push_back(look);
    return static_cast<int>(looks.size()) - 1;
}

namespace {

FontStyle with_bold(FontStyle style) {
    if (style == FontStyle::italic || style == FontStyle::bold_italic)
        return FontStyle::bold_italic;
    return FontStyle::bold;
}

FontStyle with_italic(FontStyle style) {
    if (style == FontStyle::bold || style == FontStyle::bold_italic)
        return FontStyle::bold_italic;
    return FontStyle::italic;
}

// Builds tokens, keeping a word open across inline boundaries so "**bold**," stays whole.
class FlowWriter {
  public:
    FlowWriter(InlineFlow& flow, WidthCache& widths) : flow_(flow), widths_(widths) {}

    void text(const std::string& text, const Look& look) {
        int index = flow_.look_index(look);
        std::size_t start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            bool end = i == text.size();
            bool blank =
                !end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r');
            if (!end && !blank)
                continue;
            if (i > start)
                word_piece(text.substr(start, i - start), index);
            if (blank)
                space(index);
            start = i + 1;
        }
    }

    void word_piece(std::string piece, int look) {
        if (open_word_ < 0) {
            flow_.tokens.push_back(Token{TokenKind::word, {}, 0});
            open_word_ = static_cast<int>(flow_.tokens.size()) - 1;
        }
        Token& word = flow_.tokens[open_word_];
        const Look& style = flow_.looks[look];
        if (!word.segments.empty() && word.segments.back().look == look) {
            Segment& last = word.segments.back();
            word.width -= last.width;
            last.text += piece;
            last.width = widths_.width(last.text, style.style, style.size);
            word.width += last.width;
            return;
        }
        double width = widths_.width(piece, style.style, style.size);
        word.segments.push_back(Segment{std::move(piece), look, width});
        word.width += width;
    }

    void space(int look) {
        open_word_ = -1;
        if (!flow_.tokens.empty() && flow_.tokens.back().kind == TokenKind::space)
            return; // spaces collapse as they do in HTML
        const Look& style = flow_.looks[look];
        double width = widths_.width(" ", style.style, style.size);
        flow_.tokens.push_back(Token{TokenKind::space, {Segment{" ", look, width}}, width});
    }

    void space(const Look& look) { space(flow_.look_index(look)); }

    void line_break() {
        open_word_ = -1;
        if (!flow_.tokens.empty() && flow_.tokens.back().kind == TokenKind::space)
            flow_.tokens.pop_back();
        flow_.tokens.push_back(Token{TokenKind::line_break, {}, 0});
    }

  private:
    InlineFlow& flow_;
    WidthCache& widths_;
    int open_word_ = -1;
};

Look scripted(Look look, double rise_fraction) {
    look.rise += look.size * rise_fraction;
    look.size = reduced_size(look.size, 0.7);
    return look;
}

void write_inlines(const doc::Inlines& inlines, const Look& look, const FlowStyle& style,
                   FlowWriter& out);

void write_inline(const doc::Inline& item, const Look& look, const FlowStyle& style,
                  FlowWriter& out) {
    using doc::InlineKind;
    Look inner = look;
    switch (item.kind) {
    case InlineKind::text:
    case InlineKind::value:
        out.text(item.text, look);
        return;
    case InlineKind::code:
        inner.colour = style.muted_colour;
        inner.style = FontStyle::regular;
        out.text(item.text, inner);
        return;
    case InlineKind::emphasis:
        inner.style = with_italic(look.style);
        break;
    case InlineKind::strong:
        inner.style = with_bold(look.style);
        break;
    case InlineKind::strikethrough:
        inner.strike = true;
        break;
    case InlineKind::superscript:
        inner = scripted(look, 0.33);
        break;
    case InlineKind::subscript:
        inner = scripted(look, -0.15);
        break;
    case InlineKind::link:
        inner.link = item.url;
        inner.colour = style.link_colour;
        inner.underline = true;
        break;
    case InlineKind::image:
        inner.style = with_italic(look.style);
        inner.colour = style.muted_colour;
        out.text("[" + (item.text.empty() ? std::string("image") : item.text) + "]", inner);
        return;
    case InlineKind::soft_break:
        out.space(look);
        return;
    case InlineKind::line_break:
        out.line_break();
        return;
    case InlineKind::footnote_ref:
        inner = scripted(look, 0.33);
        inner.link = "#fn-" + std::to_string(item.number);
        inner.colour = style.link_colour;
        out.text(std::to_string(item.number), inner);
        return;
    }
    write_inlines(item.children, inner, style, out);
}

void write_inlines(const doc::Inlines& inlines, const Look& look, const FlowStyle& style,
                   FlowWriter& out) {
    for (const auto& item : inlines)
        write_inline(item, look, style, out);
}

} // namespace

InlineFlow flow_inlines(const doc::Inlines& inlines, const FlowStyle& style, WidthCache& widths) {
    InlineFlow flow;
    FlowWriter writer(flow, widths);
    write_inlines(inlines, style.base, style, writer);
    while (!flow.tokens.empty() && flow.tokens.back().kind != TokenKind::word)
        flow.tokens.pop_back(); // trailing breaks would add empty lines
    return flow;
}

InlineFlow flow_verbatim(const std::string& text, const Look& look, WidthCache& widths) {
    InlineFlow flow;
    flow.verbatim = true;
    if (text.empty())
        return flow;
    int index = flow.look_index(look);
    double width = widths.width(text, look.style, look.size);
    flow.tokens.push_back(Token{TokenKind::word, {Segment{text, index, width}}, width});
    return flow;
}

InlineFlow flow_text(const std::string& text, const Look& look, WidthCache& widths) {
    InlineFlow flow;
    FlowWriter writer(flow, widths);
    writer.text(text, look);
    while (!flow.tokens.empty() && flow.tokens.back().kind != TokenKind::word)
        flow.tokens.pop_back();
    return flow;
}

} // namespace bp::layout
