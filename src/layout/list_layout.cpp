// Bullet, numbered and task lists with hanging indents.
#include "layout/block_layout.hpp"

#include <algorithm>

namespace bp::layout {

namespace {

const char* bullet_for_depth(int depth) {
    switch (depth % 3) {
    case 0:
        return "\u2022"; // •
    case 1:
        return "\u2013"; // –
    default:
        return "\u00B7"; // ·
    }
}

} // namespace

void BlockLayouter::list(const doc::Block& block, const BlockContext& context) {
    bool ordered = block.kind == doc::BlockKind::ordered_list;
    double gap = context.size * 0.5;
    double indent = context.size * 1.5;
    if (ordered) {
        int last = block.start + static_cast<int>(block.children.size()) - 1;
        std::string widest = std::to_string(std::max(std::abs(last), std::abs(block.start))) + ".";
        indent = std::max(indent, widths_.width(widest, FontStyle::regular, context.size) + gap);
    }
    BlockContext inner = context;
    inner.list_depth = context.list_depth + 1;
    inner.tight = block.tight;
    stream_.space(paragraph_gap(context));
    int number = block.start;
    for (const auto& item : block.children) {
        std::string marker = ordered ? std::to_string(number++) + "."
                                     : std::string(bullet_for_depth(context.list_depth));
        list_item(item, inner, marker, indent);
        if (!block.tight)
            stream_.space(paragraph_gap(context));
    }
    stream_.space(paragraph_gap(context));
}

void BlockLayouter::list_item(const doc::Block& item, const BlockContext& context,
                              const std::string& marker, double indent) {
    BlockContext body = context;
    body.x = context.x + indent;
    body.width = std::max(context.width - indent, 1.0);
    std::size_t first = stream_.size();
    if (item.kind == doc::BlockKind::list_item)
        blocks(item.children, body);
    else
        block(item, body); // a list holding something other than items still shows it
    if (stream_.size() == first) {
        Slice empty;
        empty.height = context.size * style_.leading;
        empty.first_baseline = empty.height * 0.75;
        emit(std::move(empty), body);
    }
    Slice& head = stream_.at(first);
    double baseline = head.first_baseline > 0 ? head.first_baseline : context.size;
    if (item.task) {
        task_box(head, context.x, baseline, context.size, *item.task);
        return;
    }
    double gap = context.size * 0.5;
    double width = widths_.width(marker, FontStyle::regular, context.size);
    TextRun run;
    run.text = marker;
    run.size = context.size;
    run.colour = context.colour;
    run.width = width;
    run.baseline = baseline;
    // Markers end half an em before the text, so numbers line up on their full stops.
    run.x = std::max(context.x, context.x + indent - gap - width);
    // Painted first, so text extraction reads the marker before the item.
    head.boxes.texts.insert(head.boxes.texts.begin(), std::move(run));
}

void BlockLayouter::task_box(Slice& slice, double x, double baseline, double size, bool checked) {
    double side = size * 0.72;
    double top = baseline - side;
    Rectangle box;
    box.x = x;
    box.y = top;
    box.width = side;
    box.height = side;
    box.filled = false;
    box.stroked = true;
    box.stroke = style_.text;
    box.line_width = 0.6;
    slice.boxes.rectangles.push_back(box);
    if (!checked)
        return;
    double lw = 1.0;
    slice.boxes.rules.push_back(Rule{x + side * 0.2, top + side * 0.55, x + side * 0.42,
                                     top + side * 0.8, lw, style_.text});
    slice.boxes.rules.push_back(Rule{x + side * 0.42, top + side * 0.8, x + side * 0.85,
                                     top + side * 0.2, lw, style_.text});
}

} // namespace bp::layout
