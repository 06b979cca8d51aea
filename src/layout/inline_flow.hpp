#pragma once
// Inline content flattened into words and spaces, each piece carrying its look (font, size,
// colour, link, decoration, baseline shift). The line breaker works on this, never on the tree.
#include "layout/page.hpp"
#include "layout/width_cache.hpp"
#include "markdown/document.hpp"

#include <string>
#include <vector>

namespace bp::layout {

struct Look {
    FontStyle style = FontStyle::regular;
    double size = 10;
    Colour colour;
    std::string link;
    bool underline = false;
    bool strike = false;
    double rise = 0; // baseline shift upwards, for superscripts (negative for subscripts)
    bool operator==(const Look&) const = default;
};

struct Segment {
    std::string text;
    int look = 0; // index into InlineFlow::looks
    double width = 0;
};

enum class TokenKind { word, space, line_break };

struct Token {
    TokenKind kind = TokenKind::word;
    std::vector<Segment> segments; // a word may change look midway ("**bold**,")
    double width = 0;
};

struct InlineFlow {
    std::vector<Look> looks;
    std::vector<Token> tokens;
    bool verbatim = false;            // code: broken where it must be, but never hyphenated
    int look_index(const Look& look); // interns the look
};

// The base look of a block and the colours inline markup switches to.
struct FlowStyle {
    Look base;
    Colour link_colour;
    Colour muted_colour; // inline code and placeholders
};

InlineFlow flow_inlines(const doc::Inlines& inlines, const FlowStyle& style, WidthCache& widths);

// One line of verbatim text (a code block line) as a single breakable word, spaces kept.
InlineFlow flow_verbatim(const std::string& text, const Look& look, WidthCache& widths);

// Plain text in one look, split into words at spaces.
InlineFlow flow_text(const std::string& text, const Look& look, WidthCache& widths);

} // namespace bp::layout
