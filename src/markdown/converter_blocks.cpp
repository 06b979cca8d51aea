#include "core/text.hpp"
#include "markdown/cmark_nodes.hpp"
#include "markdown/converter.hpp"
#include "markdown/footnote_labels.hpp"
#include "markdown/raw_html.hpp"

#include <algorithm>
#include <cmark-gfm-core-extensions.h>

namespace bp::markdown {

namespace {

bool is_container(cmark_node* node) {
    auto type = cmark_node_get_type(node);
    return type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM ||
           type == CMARK_NODE_CUSTOM_BLOCK || type == CMARK_NODE_FOOTNOTE_DEFINITION;
}

std::string first_word(std::string_view text) {
    auto word = trim(text);
    auto end = word.find_first_of(" \t");
    return end == std::string::npos ? word : word.substr(0, end);
}

doc::Alignment alignment_of(std::uint8_t code) {
    switch (code) {
    case 'l':
        return doc::Alignment::left;
    case 'c':
        return doc::Alignment::center;
    case 'r':
        return doc::Alignment::right;
    default:
        return doc::Alignment::none;
    }
}

} // namespace

Converter::Converter(const SourceLines& source, DiagnosticSink& sink, const ParseOptions& options)
    : source_(source), sink_(sink), options_(options) {}

doc::Document Converter::convert(cmark_node* document) {
    doc::Document result;
    append_children(document, result.blocks, 0);
    for (const auto& [label, number] : footnote_numbers_) {
        auto found = footnotes_.find(label);
        if (found == footnotes_.end())
            continue;
        found->second.number = number;
        result.footnotes.push_back(std::move(found->second));
    }
    std::sort(result.footnotes.begin(), result.footnotes.end(),
              [](const doc::Footnote& a, const doc::Footnote& b) { return a.number < b.number; });
    return result;
}

SourceLocation Converter::location_of(cmark_node* node) const {
    return source_.locate(cmark_node_get_start_line(node), cmark_node_get_start_column(node),
                          block_location_);
}

void Converter::warn_too_deep(cmark_node* node) {
    if (warned_depth_)
        return;
    warned_depth_ = true;
    sink_.warning(location_of(node), "Markdown is nested too deeply; deeper levels are flattened",
                  "block quotes, lists and emphasis may nest up to " +
                      std::to_string(max_block_depth) + " levels");
}

void Converter::warn_html(const SourceLocation& location, std::string message, std::string hint) {
    constexpr int max_reported = 20;
    ++raw_html_warnings_;
    if (raw_html_warnings_ == max_reported)
        message += " (further HTML problems in this paper are not reported)";
    if (raw_html_warnings_ <= max_reported)
        sink_.warning(location, std::move(message), std::move(hint));
}

void Converter::append_children(cmark_node* parent, std::vector<doc::Block>& out, int depth) {
    for (auto* child = cmark_node_first_child(parent); child; child = cmark_node_next(child))
        append_block(child, out, depth);
}

void Converter::append_block(cmark_node* node, std::vector<doc::Block>& out, int depth) {
    if (is_container(node) && depth >= max_block_depth &&
        cmark_node_get_type(node) != CMARK_NODE_FOOTNOTE_DEFINITION) {
        warn_too_deep(node);
        append_flattened(node, out, depth);
        return;
    }
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH: {
        auto paragraph = leaf_block(node, doc::BlockKind::paragraph);
        if (!paragraph.inlines.empty())
            out.push_back(std::move(paragraph));
        break;
    }
    case CMARK_NODE_HEADING:
        out.push_back(heading(node));
        break;
    case CMARK_NODE_LIST:
        out.push_back(list(node, depth));
        break;
    case CMARK_NODE_ITEM:
        out.push_back(list_item(node, depth));
        break;
    case CMARK_NODE_CODE_BLOCK:
        out.push_back(code_block(node));
        break;
    case CMARK_NODE_HTML_BLOCK:
        append_html_block(node, out);
        break;
    case CMARK_NODE_THEMATIC_BREAK:
        out.push_back(leaf_block(node, doc::BlockKind::thematic_break));
        break;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
        collect_footnote(node, depth);
        break;
    case CMARK_NODE_BLOCK_QUOTE: {
        auto quote = leaf_block(node, doc::BlockKind::block_quote);
        append_children(node, quote.children, depth + 1);
        out.push_back(std::move(quote));
        break;
    }
    default:
        if (has_type_name(node, "table"))
            out.push_back(table(node));
        else
            append_children(node, out, depth + 1);
    }
}

// Containers past the depth limit give up their structure but keep every paragraph, walking
// the subtree without recursion.
void Converter::append_flattened(cmark_node* container, std::vector<doc::Block>& out, int depth) {
    cmark_node* node = cmark_node_first_child(container);
    while (node) {
        if (is_container(node) && cmark_node_first_child(node)) {
            node = cmark_node_first_child(node);
            continue;
        }
        if (!is_container(node))
            append_block(node, out, depth);
        while (node && node != container && !cmark_node_next(node))
            node = cmark_node_parent(node);
        if (!node || node == container)
            break;
        node = cmark_node_next(node);
    }
}

doc::Block Converter::leaf_block(cmark_node* node, doc::BlockKind kind) {
    doc::Block block;
    block.kind = kind;
    block.location =
        source_.locate(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    if (kind == doc::BlockKind::paragraph || kind == doc::BlockKind::heading) {
        block_location_ = block.location;
        block.inlines = inlines(node, 0);
    }
    return block;
}

doc::Block Converter::heading(cmark_node* node) {
    auto block = leaf_block(node, doc::BlockKind::heading);
    block.level = cmark_node_get_heading_level(node);
    block.anchor = unique_anchor(block.inlines);
    return block;
}

std::string Converter::unique_anchor(const doc::Inlines& text) {
    auto base = slugify(doc::plain_text(text));
    if (base.empty())
        base = "section";
    auto anchor = base;
    // Remembering the last suffix per base keeps a thousand "Update" headings linear.
    int& suffix = anchor_suffixes_[base];
    while (anchors_.count(anchor))
        anchor = base + "-" + std::to_string(++suffix + 1);
    anchors_.insert(anchor);
    return anchor;
}

doc::Block Converter::list(cmark_node* node, int depth) {
    bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    auto block =
        leaf_block(node, ordered ? doc::BlockKind::ordered_list : doc::BlockKind::bullet_list);
    block.start = ordered ? cmark_node_get_list_start(node) : 1;
    block.tight = cmark_node_get_list_tight(node) != 0;
    append_children(node, block.children, depth + 1);
    return block;
}

doc::Block Converter::list_item(cmark_node* node, int depth) {
    auto block = leaf_block(node, doc::BlockKind::list_item);
    if (has_type_name(node, "tasklist"))
        block.task = cmark_gfm_extensions_get_tasklist_item_checked(node);
    append_children(node, block.children, depth + 1);
    return block;
}

doc::Block Converter::code_block(cmark_node* node) {
    auto block = leaf_block(node, doc::BlockKind::code_block);
    const char* info = cmark_node_get_fence_info(node);
    block.info = info ? info : "";
    block.text = literal_of(node);
    int fence_length = 0, fence_offset = 0;
    char fence_char = 0;
    bool fenced = cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) != 0;
    auto name = first_word(block.info);
    if (fenced && options_.directive_names.count(name)) {
        block.kind = doc::BlockKind::directive;
        block.name = name;
        block.body_location = source_.locate(cmark_node_get_start_line(node) + 1, 1);
    }
    return block;
}

doc::Block Converter::table(cmark_node* node) {
    auto block = leaf_block(node, doc::BlockKind::table);
    auto columns = static_cast<std::size_t>(cmark_gfm_extensions_get_table_columns(node));
    const std::uint8_t* codes = cmark_gfm_extensions_get_table_alignments(node);
    for (std::size_t i = 0; i < columns; ++i)
        block.alignments.push_back(codes ? alignment_of(codes[i]) : doc::Alignment::none);
    bool have_header = false;
    for (auto* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
        auto converted = table_row(row, columns);
        if (!have_header && cmark_gfm_extensions_get_table_row_is_header(row)) {
            block.header = std::move(converted);
            have_header = true;
        } else {
            block.rows.push_back(std::move(converted));
        }
    }
    return block;
}

// Rows always come out with one cell per column, so renderers can rely on a rectangle.
doc::TableRow Converter::table_row(cmark_node* row, std::size_t columns) {
    doc::TableRow result;
    for (auto* cell = cmark_node_first_child(row); cell && result.cells.size() < columns;
         cell = cmark_node_next(cell)) {
        block_location_ = source_.locate(cmark_node_get_start_line(row), 1);
        if (cmark_node_get_start_line(cell) > 0)
            block_location_ = location_of(cell);
        result.cells.push_back({inlines(cell, 0)});
    }
    result.cells.resize(columns);
    return result;
}

void Converter::collect_footnote(cmark_node* node, int depth) {
    int line = cmark_node_get_start_line(node);
    auto label = definition_label(source_.line(line), cmark_node_get_start_column(node));
    doc::Footnote footnote;
    footnote.label = label;
    append_children(node, footnote.blocks, depth + 1);
    footnotes_.emplace(normalise_label(label), std::move(footnote));
}

void Converter::append_html_block(cmark_node* node, std::vector<doc::Block>& out) {
    auto html = literal_of(node);
    auto tag = classify_html(html);
    // A <br> on a line of its own is an author asking for space; there is nothing to report.
    if (tag == HtmlTag::line_break)
        return;
    auto location =
        source_.locate(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    warn_html(location);
    if (tag == HtmlTag::comment)
        return;
    // Shown as the author typed it, so the problem is visible in the output too.
    doc::Block paragraph;
    paragraph.location = location;
    auto lines = split(trim(html), '\n');
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0)
            paragraph.inlines.push_back({doc::InlineKind::line_break});
        doc::Inline text;
        text.text = lines[i];
        text.location = location.at(static_cast<int>(i), i == 0 ? location.column : 1);
        paragraph.inlines.push_back(std::move(text));
    }
    out.push_back(std::move(paragraph));
}

} // namespace bp::markdown
