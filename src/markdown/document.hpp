#pragma once
// The project's own document model. cmark-gfm's tree is converted into this once; the site
// (HTML) and the pack (PDF) both render from it, never from cmark's own HTML.
#include "core/diagnostics.hpp"
#include "core/rag.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bp::doc {

enum class InlineKind {
    text,          // text: the characters (already with curly quotes and dashes)
    emphasis,      // children
    strong,        // children
    code,          // text
    strikethrough, // children
    superscript,   // children (from <sup>)
    subscript,     // children (from <sub>)
    link,          // url, children
    image,         // url, text = alt text
    soft_break,    // a line break in the source: a space when rendered
    line_break,    // a hard break (two spaces, backslash, or <br>)
    footnote_ref,  // text = footnote label, number = its 1-based number in the document
    value,         // text = the expression inside {{ }}; replaced by text when resolved
};

struct Inline {
    InlineKind kind = InlineKind::text;
    std::string text;
    std::string url;
    int number = 0;
    std::vector<Inline> children;
    SourceLocation location;
};

using Inlines = std::vector<Inline>;

enum class Alignment { none, left, center, right };

// RAG status carried by a table cell or a chart; text labels make it survive greyscale.
using Rag = bp::Rag;

struct TableCell {
    Inlines content;
    Rag rag = Rag::none;
};

struct TableRow {
    std::vector<TableCell> cells;
};

enum class BlockKind {
    paragraph,    // inlines
    heading,      // level 1-6, inlines, anchor
    bullet_list,  // children are list_items; tight
    ordered_list, // children are list_items; start, tight
    list_item,    // children; task = checked state when it is a task-list item
    block_quote,  // children
    code_block,   // text, info
    thematic_break,
    table,      // header + rows, alignments
    directive,  // ```name fenced block: name, text (YAML body), body_location
    chart,      // a chart placed in the flow: chart_index into the paper's charts
    page_break, // an explicit break; used by directives that need a fresh page
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    SourceLocation location;
    Inlines inlines;
    std::vector<Block> children;

    int level = 0;                // heading level
    std::string anchor;           // heading id, unique within the document
    int start = 1;                // ordered list start number
    bool tight = true;            // list spacing
    std::optional<bool> task;     // task-list item: checked or not
    std::string text;             // code block body or directive body
    std::string info;             // code block info string
    std::string name;             // directive name ("chart", "indicator", …)
    SourceLocation body_location; // first line of a directive's body, for YAML errors
    TableRow header;
    std::vector<TableRow> rows;
    std::vector<Alignment> alignments;
    std::string caption; // table or chart caption, when a directive gives one
    int chart_index = -1;
    std::string css_class; // a hint for renderers ("scorecard", "action-plan", …)
};

struct Footnote {
    std::string label;
    int number = 0;
    std::vector<Block> blocks;
};

struct Document {
    std::vector<Block> blocks;
    std::vector<Footnote> footnotes;
};

// Plain text of inlines (for titles, alt text, search indexes, bookmarks).
std::string plain_text(const Inlines& inlines);

} // namespace bp::doc
