#pragma once
// Collects slices in reading order, carrying the vertical space and page breaks that blocks
// ask for onto the next slice that is actually emitted.
#include "layout/slice.hpp"

#include <algorithm>
#include <vector>

namespace bp::layout {

class SliceStream {
  public:
    // Space between blocks collapses: the larger request wins, as with CSS margins.
    void space(double amount) { pending_space_ = std::max(pending_space_, amount); }
    // A forced break never strands what keeps with the slice after it (a heading, a table's
    // caption): the break goes before them instead.
    void page_break() {
        std::size_t first = keep_chain_start();
        if (first < slices_.size())
            slices_[first].break_before = true;
        else
            pending_break_ = true;
    }

    // The first of the slices at the end that keep with whatever comes next; size() if none.
    std::size_t keep_chain_start() const {
        std::size_t first = slices_.size();
        while (first > 0 && slices_[first - 1].keep_with_next)
            --first;
        return first;
    }

    Slice& emit(Slice slice) {
        slice.space_before = pending_space_;
        slice.break_before = slice.break_before || pending_break_;
        pending_space_ = 0;
        pending_break_ = false;
        slices_.push_back(std::move(slice));
        return slices_.back();
    }

    std::size_t size() const { return slices_.size(); }
    Slice& at(std::size_t index) { return slices_[index]; }
    std::vector<Slice>& slices() { return slices_; }

  private:
    std::vector<Slice> slices_;
    double pending_space_ = 0;
    bool pending_break_ = false;
};

} // namespace bp::layout
