#include "layout/block_layout.hpp"

#include "layout/direction.hpp"

#include <algorithm>

namespace bp::layout {

namespace {

const Colour quote_rule_colour{0.72, 0.72, 0.72};
const Colour code_background{0.945, 0.945, 0.945};
const Colour break_rule_colour{0.6, 0.6, 0.6};
constexpr double quote_indent = 14;
constexpr double code_padding_x = 6;
constexpr double code_padding_y = 4;

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    for (char c : text) {
        if (c == '\n') {
            lines.push_back(std::move(line));
            line.clear();
        } else if (c == '\t') {
            line += "    ";
        } else if (c != '\r') {
            line += c;
        }
    }
    if (!line.empty())
        lines.push_back(std::move(line));
    return lines;
}

// Lines of a right-to-left paragraph end at the measure's right edge, where they begin.
void set_flush_right(std::vector<LineBox>& lines, double measure) {
    for (auto& line : lines) {
        double shift = std::max(measure - line.width, 0.0);
        for (auto& run : line.runs)
            run.x += shift;
    }
}

} // namespace

BlockLayouter::BlockLayouter(const LayoutInput& input, const TextStyle& style, WidthCache& widths,
                             double page_body_height, double turned_measure)
    : input_(input), style_(style), widths_(widths), page_body_height_(page_body_height),
      turned_measure_(turned_measure) {}

void BlockLayouter::lay_out_document(const doc::Document& document, double measure) {
    BlockContext context;
    context.width = measure;
    context.size = style_.body_size;
    context.colour = style_.text;
    plan_table_kinds(document, context);
    blocks(document.blocks, context);
    footnotes(document.footnotes, measure);
}

void BlockLayouter::blocks(const std::vector<doc::Block>& list, const BlockContext& context) {
    for (const auto& item : list)
        block(item, context);
}

void BlockLayouter::block(const doc::Block& item, const BlockContext& context) {
    using doc::BlockKind;
    switch (item.kind) {
    case BlockKind::paragraph:
        paragraph(item, context);
        break;
    case BlockKind::heading:
        heading(item, context);
        break;
    case BlockKind::bullet_list:
    case BlockKind::ordered_list:
        list(item, context);
        break;
    case BlockKind::list_item:
        blocks(item.children, context);
        break;
    case BlockKind::block_quote:
        block_quote(item, context);
        break;
    case BlockKind::code_block:
        code_block(item, context);
        break;
    case BlockKind::thematic_break:
        thematic_break(context);
        break;
    case BlockKind::table:
        table(item, context);
        break;
    case BlockKind::directive:
        directive(item, context);
        break;
    case BlockKind::chart:
        chart(item, context);
        break;
    case BlockKind::page_break:
        stream_.page_break();
        break;
    }
}

FlowStyle BlockLayouter::flow_style(const BlockContext& context, FontStyle font) const {
    FlowStyle flow;
    flow.base.style = font;
    flow.base.size = context.size;
    flow.base.colour = context.colour;
    flow.link_colour = style_.link;
    flow.muted_colour = style_.muted;
    return flow;
}

double BlockLayouter::paragraph_gap(const BlockContext& context) const {
    return context.tight ? context.size * 0.2 : context.size * 0.6;
}

void BlockLayouter::paragraph(const doc::Block& block, const BlockContext& context) {
    if (image_paragraph(block, context))
        return;
    InlineFlow flow = flow_inlines(block.inlines, flow_style(context, FontStyle::regular), widths_);
    if (flow.tokens.empty())
        return;
    auto lines = break_lines(flow, context.width, metrics(context.size), widths_);
    if (reads_right_to_left(doc::plain_text(block.inlines)))
        set_flush_right(lines, context.width);
    stream_.space(paragraph_gap(context));
    emit_lines(lines, context);
    stream_.space(paragraph_gap(context));
}

void BlockLayouter::heading(const doc::Block& block, const BlockContext& context) {
    int level = std::clamp(block.level, 1, 6);
    BlockContext heading_context = context;
    heading_context.size = style_.heading_sizes[level - 1];
    FontStyle font = level == 6 ? FontStyle::bold_italic : FontStyle::bold;
    InlineFlow flow = flow_inlines(block.inlines, flow_style(heading_context, font), widths_);
    auto lines = break_lines(flow, context.width, {heading_context.size, 1.2}, widths_);
    stream_.space(heading_context.size * (level == 1 ? 1.1 : 0.9));
    std::size_t first = stream_.size();
    emit_lines(lines, heading_context, true);
    Destination destination;
    destination.id =
        block.anchor.empty() ? "heading-" + std::to_string(++unnamed_headings_) : block.anchor;
    destination.title = doc::plain_text(block.inlines);
    destination.level = level;
    stream_.at(first).boxes.destinations.push_back(std::move(destination));
    stream_.space(heading_context.size * 0.4);
}

void BlockLayouter::emit_lines(const std::vector<LineBox>& lines, const BlockContext& context,
                               bool keep_all_with_next) {
    std::size_t count = lines.size();
    for (std::size_t i = 0; i < count; ++i) {
        Slice slice;
        slice.height = lines[i].height;
        slice.first_baseline = lines[i].baseline;
        slice.keep_with_next = keep_all_with_next || (count >= 2 && (i == 0 || i == count - 2));
        for (const auto& run : lines[i].runs) {
            TextRun placed = run;
            placed.x += context.x;
            slice.boxes.texts.push_back(std::move(placed));
        }
        emit(std::move(slice), context);
    }
}

Slice& BlockLayouter::emit(Slice slice, const BlockContext& context) {
    Slice& placed = stream_.emit(std::move(slice));
    for (double x : context.quote_rules) {
        placed.boxes.rules.push_back(Rule{x, 0, x, placed.height, 1.5, quote_rule_colour});
        bool continues = std::find(last_quote_rules_.begin(), last_quote_rules_.end(), x) !=
                         last_quote_rules_.end();
        if (continues && placed.space_before > 0)
            placed.gap_rules.push_back(Rule{x, -placed.space_before, x, 0, 1.5, quote_rule_colour});
    }
    last_quote_rules_ = context.quote_rules;
    return placed;
}

void BlockLayouter::muted_line(const std::string& text, const BlockContext& context) {
    Look look;
    look.style = FontStyle::italic;
    look.size = context.size;
    look.colour = style_.muted;
    InlineFlow flow = flow_text(text, look, widths_);
    stream_.space(paragraph_gap(context));
    emit_lines(break_lines(flow, context.width, metrics(context.size), widths_), context);
    stream_.space(paragraph_gap(context));
}

void BlockLayouter::code_block(const doc::Block& block, const BlockContext& context) {
    double size = reduced_size(context.size, 0.85);
    Look look;
    look.size = size;
    look.colour = context.colour;
    std::vector<LineBox> lines;
    for (const auto& source_line : split_lines(block.text)) {
        InlineFlow flow = flow_verbatim(source_line, look, widths_);
        auto wrapped = break_lines(flow, context.width - 2 * code_padding_x, {size, 1.3}, widths_);
        lines.insert(lines.end(), wrapped.begin(), wrapped.end());
    }
    if (lines.empty())
        return;
    stream_.space(context.size * 0.6);
    std::size_t count = lines.size();
    for (std::size_t i = 0; i < count; ++i) {
        double top_pad = i == 0 ? code_padding_y : 0;
        double bottom_pad = i + 1 == count ? code_padding_y : 0;
        Slice slice;
        slice.height = top_pad + lines[i].height + bottom_pad;
        slice.first_baseline = top_pad + lines[i].baseline;
        // A short listing stays whole; a long one keeps two lines together at each end.
        bool short_listing = count <= 6;
        slice.keep_with_next = short_listing ? i + 1 < count : (i == 0 || i == count - 2);
        slice.boxes.rectangles.push_back(
            Rectangle{context.x, 0, context.width, slice.height, true, code_background});
        for (const auto& run : lines[i].runs) {
            TextRun placed = run;
            placed.x += context.x + code_padding_x;
            placed.baseline += top_pad;
            slice.boxes.texts.push_back(std::move(placed));
        }
        emit(std::move(slice), context);
    }
    stream_.space(context.size * 0.6);
}

void BlockLayouter::thematic_break(const BlockContext& context) {
    Slice slice;
    slice.height = context.size * style_.leading;
    double y = slice.height / 2;
    slice.boxes.rules.push_back(
        Rule{context.x, y, context.x + context.width, y, 0.75, break_rule_colour});
    stream_.space(context.size * 0.5);
    emit(std::move(slice), context);
    stream_.space(context.size * 0.5);
}

void BlockLayouter::block_quote(const doc::Block& block, const BlockContext& context) {
    BlockContext inner = context;
    inner.quote_rules.push_back(context.x + 2);
    inner.x = context.x + quote_indent;
    inner.width = std::max(context.width - quote_indent, 1.0);
    inner.colour = style_.muted;
    stream_.space(paragraph_gap(context));
    blocks(block.children, inner);
    stream_.space(paragraph_gap(context));
}

void BlockLayouter::directive(const doc::Block& block, const BlockContext& context) {
    // Directives are expanded before layout; one that slips through is shown, not dropped.
    std::string label = block.caption.empty() ? block.name : block.name + ": " + block.caption;
    muted_line("[" + (label.empty() ? std::string("directive") : label) + "]", context);
}

void BlockLayouter::warn(const SourceLocation& location, const std::string& message,
                         const std::string& hint) {
    if (input_.diagnostics)
        input_.diagnostics->warning(location, message, hint);
}

} // namespace bp::layout
