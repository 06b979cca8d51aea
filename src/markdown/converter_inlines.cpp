#include "core/text.hpp"
#include "markdown/cmark_nodes.hpp"
#include "markdown/converter.hpp"
#include "markdown/footnote_labels.hpp"
#include "markdown/inline_values.hpp"
#include "markdown/raw_html.hpp"

#include <optional>

namespace bp::markdown {

// <sup> inside <sup> inside ... is never meant; a bound keeps the model shallow.
constexpr std::size_t max_tag_nesting = 4;

struct Converter::Piece {
    HtmlTag tag = HtmlTag::other; // sup/sub open or close; `other` for an ordinary inline
    bool raw_text = false;        // text still to be joined with its neighbours and scanned
    int line = 0;
    int byte_column = 0;
    doc::Inline item;
};

namespace {

// Inlines whose children are inlines, and so whose nesting is bounded.
bool has_children_inlines(cmark_node* node) {
    auto type = cmark_node_get_type(node);
    return type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK ||
           type == CMARK_NODE_IMAGE || has_type_name(node, "strikethrough");
}

bool is_unsafe_url(std::string_view url) {
    auto lower = to_lower_ascii(trim(url));
    return starts_with(lower, "javascript:") || starts_with(lower, "vbscript:") ||
           starts_with(lower, "data:");
}

// The text of a subtree, gathered without recursion, for nesting past the depth limit.
std::string flat_text(cmark_node* root) {
    std::string out;
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        if (event != CMARK_EVENT_ENTER)
            continue;
        auto* node = cmark_iter_get_node(iter);
        auto type = cmark_node_get_type(node);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
            out += literal_of(node);
        else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
            out += ' ';
    }
    cmark_iter_free(iter);
    return out;
}

bool is_open(HtmlTag tag) {
    return tag == HtmlTag::sup_open || tag == HtmlTag::sub_open;
}
bool is_close(HtmlTag tag) {
    return tag == HtmlTag::sup_close || tag == HtmlTag::sub_close;
}

std::string_view tag_name(HtmlTag tag) {
    return tag == HtmlTag::sup_open || tag == HtmlTag::sup_close ? "sup" : "sub";
}

} // namespace

doc::Inlines Converter::inlines(cmark_node* parent, int depth) {
    std::vector<Piece> pieces;
    append_children_inlines(parent, pieces, depth);
    return finish_inlines(pieces);
}

Converter::Piece Converter::text_piece(cmark_node* node, std::string text) {
    Piece piece;
    piece.raw_text = true;
    piece.line = cmark_node_get_start_line(node);
    piece.byte_column = cmark_node_get_start_column(node);
    piece.item.text = std::move(text);
    piece.item.location = location_of(node);
    return piece;
}

void Converter::append_inline(cmark_node* node, std::vector<Piece>& out, int depth) {
    auto type = cmark_node_get_type(node);
    if (type == CMARK_NODE_TEXT) {
        out.push_back(text_piece(node, literal_of(node)));
    } else if (has_children_inlines(node) && depth >= max_inline_depth) {
        warn_too_deep(node);
        out.push_back(text_piece(node, flat_text(node)));
    } else if (type == CMARK_NODE_HTML_INLINE) {
        append_inline_html(node, out);
    } else if (type == CMARK_NODE_LINK && is_unsafe_url(url_of(node))) {
        warn_html(location_of(node),
                  "link address is not allowed: scripts and data cannot be linked to",
                  "link to a web address (https://...), an email address (mailto:...) or a file "
                  "in the site");
        append_children_inlines(node, out, depth + 1);
    } else if (auto item = convert_inline(node, depth)) {
        Piece piece;
        piece.item = std::move(*item);
        out.push_back(std::move(piece));
    } else {
        append_children_inlines(node, out, depth + 1);
    }
}

void Converter::append_children_inlines(cmark_node* parent, std::vector<Piece>& out, int depth) {
    for (auto* child = cmark_node_first_child(parent); child; child = cmark_node_next(child))
        append_inline(child, out, depth);
}

// Inlines that map one to one onto the model; nothing for nodes cmark-gfm may add that the
// model does not know, whose content is kept instead.
std::optional<doc::Inline> Converter::convert_inline(cmark_node* node, int depth) {
    doc::Inline item;
    item.location = location_of(node);
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_SOFTBREAK:
        item.kind = doc::InlineKind::soft_break;
        return item;
    case CMARK_NODE_LINEBREAK:
        item.kind = doc::InlineKind::line_break;
        return item;
    case CMARK_NODE_CODE:
        item.kind = doc::InlineKind::code;
        item.text = literal_of(node);
        return item;
    case CMARK_NODE_EMPH:
        return container_inline(node, doc::InlineKind::emphasis, depth);
    case CMARK_NODE_STRONG:
        return container_inline(node, doc::InlineKind::strong, depth);
    case CMARK_NODE_LINK:
        item = container_inline(node, doc::InlineKind::link, depth);
        item.url = url_of(node);
        return item;
    case CMARK_NODE_IMAGE:
        item.kind = doc::InlineKind::image;
        item.url = url_of(node);
        item.text = doc::plain_text(inlines(node, depth + 1));
        return item;
    case CMARK_NODE_FOOTNOTE_REFERENCE:
        return footnote_ref(node);
    default:
        if (has_type_name(node, "strikethrough"))
            return container_inline(node, doc::InlineKind::strikethrough, depth);
        return std::nullopt;
    }
}

doc::Inline Converter::container_inline(cmark_node* node, doc::InlineKind kind, int depth) {
    doc::Inline item;
    item.kind = kind;
    item.location = location_of(node);
    item.children = inlines(node, depth + 1);
    return item;
}

doc::Inline Converter::footnote_ref(cmark_node* node) {
    int line = cmark_node_get_start_line(node);
    // cmark's public tree keeps only a number; the label is read back from the source, taking
    // the reference nearest to cmark's column, which drifts on continuation lines.
    std::string label;
    if (auto open = source_.nearest(line, "[^", cmark_node_get_start_column(node) - 1))
        label = reference_label(source_.line(line), *open);
    if (label.empty())
        label = literal_of(node);
    auto key = normalise_label(label);
    auto number = static_cast<int>(footnote_numbers_.size()) + 1;
    doc::Inline item;
    item.kind = doc::InlineKind::footnote_ref;
    item.text = label;
    item.number = footnote_numbers_.emplace(key, number).first->second;
    item.location = location_of(node);
    return item;
}

void Converter::append_inline_html(cmark_node* node, std::vector<Piece>& out) {
    Piece piece;
    piece.item.location = location_of(node);
    auto html = literal_of(node);
    auto tag = classify_html(html);
    if (tag == HtmlTag::line_break) {
        piece.item.kind = doc::InlineKind::line_break;
    } else if (is_open(tag) || is_close(tag)) {
        piece.tag = tag;
    } else {
        warn_html(piece.item.location);
        if (tag == HtmlTag::comment)
            return;
        // Kept as the author typed it; renderers escape text, so it shows, never acts.
        piece.item.text = html;
    }
    out.push_back(std::move(piece));
}

doc::Inlines Converter::finish_inlines(std::vector<Piece>& pieces) {
    auto joined = join_text(pieces);
    return pair_tags(joined);
}

std::vector<Converter::Piece> Converter::join_text(std::vector<Piece>& pieces) {
    // cmark splits text at characters that might have started markup ("[", "_", quotes); join
    // the pieces again so that a {{ value }} is seen whole.
    std::vector<Piece> joined;
    for (std::size_t i = 0; i < pieces.size();) {
        if (!pieces[i].raw_text) {
            joined.push_back(std::move(pieces[i++]));
            continue;
        }
        TextRun run{pieces[i].item.text, pieces[i].line, pieces[i].byte_column,
                    pieces[i].item.location};
        for (++i; i < pieces.size() && pieces[i].raw_text; ++i)
            run.text += pieces[i].item.text;
        doc::Inlines split;
        append_text_with_values(run, source_, sink_, split);
        for (auto& item : split) {
            Piece piece;
            piece.item = std::move(item);
            joined.push_back(std::move(piece));
        }
    }
    return joined;
}

// <sup> and <sub> arrive as separate tags around their content; wrap the content.
doc::Inlines Converter::pair_tags(std::vector<Piece>& pieces) {
    struct Frame {
        HtmlTag tag;
        SourceLocation location;
        doc::Inlines content;
    };
    std::vector<Frame> frames(1);
    for (auto& piece : pieces) {
        if (piece.tag == HtmlTag::other) {
            frames.back().content.push_back(std::move(piece.item));
        } else if (is_open(piece.tag)) {
            if (frames.size() > max_tag_nesting)
                warn_html(piece.item.location,
                          "<" + std::string(tag_name(piece.tag)) + "> is nested too deeply",
                          "<sup> and <sub> may be nested " + std::to_string(max_tag_nesting) +
                              " deep; the extra tag is ignored");
            else
                frames.push_back({piece.tag, piece.item.location, {}});
        } else if (frames.size() > 1 && tag_name(frames.back().tag) == tag_name(piece.tag)) {
            doc::Inline wrapped;
            wrapped.kind = piece.tag == HtmlTag::sup_close ? doc::InlineKind::superscript
                                                           : doc::InlineKind::subscript;
            wrapped.location = frames.back().location;
            wrapped.children = std::move(frames.back().content);
            frames.pop_back();
            frames.back().content.push_back(std::move(wrapped));
        } else {
            auto name = std::string(tag_name(piece.tag));
            warn_html(piece.item.location, "</" + name + "> has no matching <" + name + ">",
                      "write <" + name + ">text</" + name + "> within one paragraph");
        }
    }
    while (frames.size() > 1) {
        auto name = std::string(tag_name(frames.back().tag));
        warn_html(frames.back().location, "<" + name + "> is not closed",
                  "close it with </" + name + "> in the same paragraph");
        auto content = std::move(frames.back().content);
        frames.pop_back();
        for (auto& item : content)
            frames.back().content.push_back(std::move(item));
    }
    return std::move(frames.front().content);
}

} // namespace bp::markdown
