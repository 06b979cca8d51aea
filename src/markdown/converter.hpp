#pragma once
// Walks cmark-gfm's tree and builds the document model from it.
#include "core/diagnostics.hpp"
#include "markdown/document.hpp"
#include "markdown/parse.hpp"
#include "markdown/raw_html.hpp"
#include "markdown/source_lines.hpp"

#include <cmark-gfm.h>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace bp::markdown {

// Deeper nesting than this is flattened: no paper needs it, and the renderers recurse.
inline constexpr int max_block_depth = 32;
inline constexpr int max_inline_depth = 32;

class Converter {
  public:
    Converter(const SourceLines& source, DiagnosticSink& sink, const ParseOptions& options);

    doc::Document convert(cmark_node* document);

  private:
    struct Piece; // an inline, or a <sup>/<sub> tag still to be paired

    void append_children(cmark_node* parent, std::vector<doc::Block>& out, int depth);
    void append_block(cmark_node* node, std::vector<doc::Block>& out, int depth);
    void append_flattened(cmark_node* container, std::vector<doc::Block>& out, int depth);
    void append_html_block(cmark_node* node, std::vector<doc::Block>& out);
    void collect_footnote(cmark_node* node, int depth);

    doc::Block leaf_block(cmark_node* node, doc::BlockKind kind);
    doc::Block heading(cmark_node* node);
    doc::Block list(cmark_node* node, int depth);
    doc::Block list_item(cmark_node* node, int depth);
    doc::Block code_block(cmark_node* node);
    doc::Block table(cmark_node* node);
    doc::TableRow table_row(cmark_node* row, std::size_t columns);

    doc::Inlines inlines(cmark_node* parent, int depth);
    void append_inline(cmark_node* node, std::vector<Piece>& out, int depth);
    void append_children_inlines(cmark_node* parent, std::vector<Piece>& out, int depth);
    std::optional<doc::Inline> convert_inline(cmark_node* node, int depth);
    Piece text_piece(cmark_node* node, std::string text);
    doc::Inline container_inline(cmark_node* node, doc::InlineKind kind, int depth);
    doc::Inline footnote_ref(cmark_node* node);
    void append_inline_html(cmark_node* node, std::vector<Piece>& out);
    doc::Inlines finish_inlines(std::vector<Piece>& pieces);
    std::vector<Piece> join_text(std::vector<Piece>& pieces);
    doc::Inlines pair_tags(std::vector<Piece>& pieces);

    SourceLocation location_of(cmark_node* node) const;
    std::string unique_anchor(const doc::Inlines& text);
    void warn_too_deep(cmark_node* node);
    // Every HTML problem goes through here, so a pasted web page gives a few messages, not
    // thousands.
    void warn_html(const SourceLocation& location,
                   std::string message = std::string(raw_html_message),
                   std::string hint = std::string(raw_html_hint));

    const SourceLines& source_;
    DiagnosticSink& sink_;
    const ParseOptions& options_;
    SourceLocation block_location_; // for inlines cmark gives no position
    std::set<std::string> anchors_;
    std::map<std::string, int> anchor_suffixes_;
    std::map<std::string, int> footnote_numbers_; // normalised label -> number
    std::map<std::string, doc::Footnote> footnotes_;
    bool warned_depth_ = false;
    int raw_html_warnings_ = 0;
};

} // namespace bp::markdown
