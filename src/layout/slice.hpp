#pragma once
// A slice is the unit the paginator moves between pages: one line of a paragraph, one table row,
// one chart. Its boxes are positioned relative to the slice's own top-left corner, which sits on
// the left edge of the text block; the paginator translates them onto a page.
#include "layout/page.hpp"

#include <memory>
#include <vector>

namespace bp::layout {

struct Slice {
    double height = 0;
    double space_before = 0;     // dropped when the slice opens a page
    bool keep_with_next = false; // no page break allowed between this slice and the next
    bool break_before = false;   // an explicit page break
    Page boxes;                  // only the box lists are used; coordinates are relative
    // Drawn in the gap above the slice only when that gap is kept (a block quote's rule).
    std::vector<Rule> gap_rules;
    // Painted first on every page this slice continues onto (a table's header row).
    std::shared_ptr<const Slice> repeat_header;
    double first_baseline = 0; // baseline of the first text line, for list markers
    // A table row may be cut at a page foot when at least this much of it fits there and at
    // least this much goes over (two lines); zero: cut only when taller than a whole page.
    double min_split_part = 0;
    // Space opened above what a cut carries over, as above the slice's own start (a table
    // row's cell padding), so the carried lines do not touch the repeated header.
    double split_padding = 0;
    // Set on a landscape page in a portrait paper (a table too wide for the portrait measure):
    // the paginator turns the page before it and back after it.
    bool landscape = false;
};

// Appends `from`'s boxes to `to`, moved by (dx, dy).
void append_boxes(Page& to, const Page& from, double dx, double dy);

// Cuts a slice that is taller than a page into a part no taller than `max_height` and the rest,
// preferring a cut between text lines. The head is never empty when the slice has content.
std::pair<Slice, Slice> split_slice(const Slice& slice, double max_height);

} // namespace bp::layout
