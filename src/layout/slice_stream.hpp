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
    void page_break() { pending_break_ = true; }

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
