// Footnotes collected at the end of the document under a short rule, each numbered and
// carrying the destination that its references link to.
#include "layout/block_layout.hpp"

namespace bp::layout {

namespace {
const Colour footnote_rule{0.55, 0.55, 0.55};
}

void BlockLayouter::footnotes(const std::vector<doc::Footnote>& notes, double measure) {
    if (notes.empty())
        return;
    BlockContext context;
    context.size = reduced_size(style_.body_size, 0.85);
    context.colour = style_.text;
    context.width = measure;

    stream_.space(style_.body_size * 1.5);
    Slice rule;
    rule.height = context.size * 0.8;
    rule.keep_with_next = true;
    rule.boxes.rules.push_back(Rule{0, 0, measure / 3, 0, 0.6, footnote_rule});
    emit(std::move(rule), context);

    for (std::size_t index = 0; index < notes.size(); ++index) {
        const auto& note = notes[index];
        int number = note.number > 0 ? note.number : static_cast<int>(index) + 1;
        std::string label = std::to_string(number) + ".";
        double indent =
            std::max(context.size * 1.8,
                     widths_.width(label, FontStyle::regular, context.size) + context.size * 0.4);
        BlockContext body = context;
        body.x = indent;
        body.width = std::max(measure - indent, 1.0);
        body.tight = true;
        std::size_t first = stream_.size();
        blocks(note.blocks, body);
        if (stream_.size() == first) {
            Slice empty;
            empty.height = context.size * style_.leading;
            empty.first_baseline = empty.height * 0.75;
            emit(std::move(empty), body);
        }
        Slice& head = stream_.at(first);
        double width = widths_.width(label, FontStyle::regular, context.size);
        TextRun marker;
        marker.text = label;
        marker.size = context.size;
        marker.colour = style_.text;
        marker.width = width;
        marker.x = indent - context.size * 0.4 - width;
        marker.baseline = head.first_baseline > 0 ? head.first_baseline : context.size;
        // Painted first, so text extraction reads the number before the note.
        head.boxes.texts.insert(head.boxes.texts.begin(), std::move(marker));
        Destination destination;
        destination.id = "fn-" + std::to_string(number);
        destination.title = "Note " + std::to_string(number);
        head.boxes.destinations.push_back(std::move(destination));
        stream_.space(context.size * 0.3);
    }
}

} // namespace bp::layout
