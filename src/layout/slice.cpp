#include "layout/slice.hpp"

#include <algorithm>

namespace bp::layout {

void append_boxes(Page& to, const Page& from, double dx, double dy) {
    for (auto text : from.texts) {
        text.x += dx;
        text.baseline += dy;
        to.texts.push_back(std::move(text));
    }
    for (auto rect : from.rectangles) {
        rect.x += dx;
        rect.y += dy;
        to.rectangles.push_back(rect);
    }
    for (auto rule : from.rules) {
        rule.x1 += dx;
        rule.x2 += dx;
        rule.y1 += dy;
        rule.y2 += dy;
        to.rules.push_back(rule);
    }
    for (auto chart : from.charts) {
        chart.x += dx;
        chart.y += dy;
        to.charts.push_back(chart);
    }
    for (auto image : from.images) {
        image.x += dx;
        image.y += dy;
        to.images.push_back(std::move(image));
    }
    for (auto destination : from.destinations) {
        destination.y += dy;
        to.destinations.push_back(std::move(destination));
    }
}

namespace {

// Text extent without a measurer: close enough for any text face, and never overlapping
// for lines set solid.
double text_top(const TextRun& run) {
    return run.baseline - run.size * 0.8;
}
double text_bottom(const TextRun& run) {
    return run.baseline + run.size * 0.2;
}

// A cut at or above `limit` that falls between lines of text: lines whose foot is above the
// limit stay, and the cut moves up to the top of the first line that goes.
double clean_cut(const Page& boxes, double limit) {
    double staying_bottom = 0, leaving_top = limit;
    for (const auto& run : boxes.texts) {
        if (text_bottom(run) <= limit)
            staying_bottom = std::max(staying_bottom, text_bottom(run));
        else
            leaving_top = std::min(leaving_top, text_top(run));
    }
    double cut = std::max(leaving_top, staying_bottom);
    return cut > 0 ? std::min(cut, limit) : limit;
}

void clip_rectangle(const Rectangle& rect, double cut, Page& head, Page& tail) {
    double top = rect.y, bottom = rect.y + rect.height;
    if (top < cut) {
        Rectangle part = rect;
        part.height = std::min(bottom, cut) - top;
        head.rectangles.push_back(part);
    }
    if (bottom > cut) {
        Rectangle part = rect;
        part.y = std::max(top, cut) - cut;
        part.height = bottom - std::max(top, cut);
        tail.rectangles.push_back(part);
    }
}

void clip_rule(const Rule& rule, double cut, Page& head, Page& tail) {
    double top = std::min(rule.y1, rule.y2), bottom = std::max(rule.y1, rule.y2);
    if (top == bottom) {
        if (top <= cut) {
            head.rules.push_back(rule);
        } else {
            Rule moved = rule;
            moved.y1 -= cut;
            moved.y2 -= cut;
            tail.rules.push_back(moved);
        }
        return;
    }
    // Vertical rules (cell and quote borders) are the only slanted case in practice.
    if (top < cut) {
        Rule part = rule;
        part.y1 = top;
        part.y2 = std::min(bottom, cut);
        head.rules.push_back(part);
    }
    if (bottom > cut) {
        Rule part = rule;
        part.y1 = std::max(top, cut) - cut;
        part.y2 = bottom - cut;
        tail.rules.push_back(part);
    }
}

// Moves the slice's content down by `padding`; backgrounds that start at its top grow to
// keep covering it.
void open_top(Slice& slice, double padding) {
    if (padding <= 0)
        return;
    Page moved;
    append_boxes(moved, slice.boxes, 0, padding);
    for (std::size_t i = 0; i < moved.rectangles.size(); ++i)
        if (slice.boxes.rectangles[i].y <= 0) {
            moved.rectangles[i].y = 0;
            moved.rectangles[i].height += padding;
        }
    for (std::size_t i = 0; i < moved.rules.size(); ++i) {
        Rule& rule = moved.rules[i];
        const Rule& before = slice.boxes.rules[i];
        if (std::min(before.y1, before.y2) <= 0 && before.y1 != before.y2) // a vertical border
            (before.y1 <= before.y2 ? rule.y1 : rule.y2) = 0;
    }
    slice.boxes = std::move(moved); // a slice uses only its boxes' lists
    slice.height += padding;
}

} // namespace

std::pair<Slice, Slice> split_slice(const Slice& slice, double max_height) {
    double cut = clean_cut(slice.boxes, std::max(max_height, 1.0));
    Slice head, tail;
    head.height = cut;
    head.space_before = slice.space_before;
    head.repeat_header = slice.repeat_header;
    head.gap_rules = slice.gap_rules;
    head.first_baseline = slice.first_baseline;
    tail.height = slice.height - cut;
    tail.keep_with_next = slice.keep_with_next;
    tail.repeat_header = slice.repeat_header;
    tail.min_split_part = slice.min_split_part;
    tail.split_padding = slice.split_padding;

    for (const auto& run : slice.boxes.texts) {
        if (run.baseline <= cut) {
            head.boxes.texts.push_back(run);
        } else {
            TextRun moved = run;
            moved.baseline -= cut;
            tail.boxes.texts.push_back(std::move(moved));
        }
    }
    for (const auto& rect : slice.boxes.rectangles)
        clip_rectangle(rect, cut, head.boxes, tail.boxes);
    for (const auto& rule : slice.boxes.rules)
        clip_rule(rule, cut, head.boxes, tail.boxes);
    for (const auto& chart : slice.boxes.charts) {
        if (chart.y < cut) {
            head.boxes.charts.push_back(chart);
        } else {
            ChartPlacement moved = chart;
            moved.y -= cut;
            tail.boxes.charts.push_back(moved);
        }
    }
    for (const auto& image : slice.boxes.images) {
        if (image.y < cut) {
            head.boxes.images.push_back(image);
        } else {
            ImagePlacement moved = image;
            moved.y -= cut;
            tail.boxes.images.push_back(std::move(moved));
        }
    }
    for (const auto& destination : slice.boxes.destinations) {
        if (destination.y < cut) {
            head.boxes.destinations.push_back(destination);
        } else {
            Destination moved = destination;
            moved.y -= cut;
            tail.boxes.destinations.push_back(std::move(moved));
        }
    }
    open_top(tail, slice.split_padding);
    return {std::move(head), std::move(tail)};
}

} // namespace bp::layout
