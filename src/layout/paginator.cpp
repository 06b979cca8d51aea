#include "layout/paginator.hpp"

#include <algorithm>

namespace bp::layout {

double text_measure(const PageGeometry& geometry) {
    return std::max(geometry.width - geometry.margin_inner - geometry.margin_outer, 36.0);
}

double text_height(const PageGeometry& geometry) {
    return std::max(geometry.height - geometry.margin_top - geometry.margin_bottom, 36.0);
}

namespace {

class Paginator {
  public:
    Paginator(const PageGeometry& geometry, double first_page_top_offset)
        : geometry_(geometry), first_offset_(std::max(first_page_top_offset, 0.0)),
          landscape_(geometry.landscape) {}

    std::vector<Page> run(const std::vector<Slice>& slices) {
        open_page();
        std::size_t i = 0;
        while (i < slices.size()) {
            std::size_t end = i + 1;
            while (end < slices.size() && slices[end - 1].keep_with_next &&
                   !slices[end].break_before && slices[end].landscape == slices[i].landscape)
                ++end;
            if (turned(slices[i]) != landscape_)
                turn_for(slices[i]);
            else if (slices[i].break_before && has_content_)
                open_page_for(slices[i]);
            place_group(slices, i, end);
            i = end;
        }
        return std::move(pages_);
    }

  private:
    // The current page's geometry: the paper's, or turned for a landscape slice.
    PageGeometry page_geometry() const {
        PageGeometry turned = geometry_;
        if (landscape_ != geometry_.landscape)
            std::swap(turned.width, turned.height);
        turned.landscape = landscape_;
        return turned;
    }
    bool turned(const Slice& slice) const { return geometry_.landscape || slice.landscape; }
    double full_height() const { return text_height(page_geometry()); }
    double available() const { return bottom_ - y_; }
    bool at_top() const { return y_ <= top_; }
    bool short_first_page() const { return pages_.size() == 1 && first_offset_ > 0; }

    // A page of the other orientation: a new one, or this one turned while it is still blank
    // (the first page keeps its orientation: it holds the paper's title block).
    void turn_for(const Slice& next) {
        bool blank = !has_content_ && !short_first_page();
        if (blank)
            pages_.pop_back();
        open_page_for(next);
    }

    void open_page() {
        PageGeometry geometry = page_geometry();
        Page page;
        page.width = geometry.width;
        page.height = geometry.height;
        page.landscape = geometry.landscape;
        pages_.push_back(std::move(page));
        bool first = pages_.size() == 1;
        // Page index 0 is a right-hand page: its binding edge, the inner margin, is on the left.
        left_ = pages_.size() % 2 == 1 ? geometry_.margin_inner : geometry_.margin_outer;
        top_ = geometry_.margin_top + (first ? first_offset_ : 0);
        bottom_ = std::max(geometry.height - geometry.margin_bottom, geometry.margin_top + 36);
        top_ = std::min(top_, bottom_);
        y_ = top_;
        has_content_ = false;
    }

    void open_page_for(const Slice& next) {
        landscape_ = turned(next);
        open_page();
        const auto& header = next.repeat_header;
        if (header && header->height <= full_height() / 2) {
            place(*header);
            // The header is furniture: the first row still counts as the page top.
            top_ = y_;
            has_content_ = false;
        }
    }

    double group_height(const std::vector<Slice>& slices, std::size_t begin,
                        std::size_t end) const {
        double height = 0;
        for (std::size_t k = begin; k < end; ++k) {
            bool drop_space = k == begin && at_top();
            height += (drop_space ? 0 : slices[k].space_before) + slices[k].height;
        }
        return height;
    }

    void place_group(const std::vector<Slice>& slices, std::size_t begin, std::size_t end) {
        if (group_height(slices, begin, end) <= available()) {
            for (std::size_t k = begin; k < end; ++k)
                place(slices[k]);
            return;
        }
        if (end - begin == 1 && slices[begin].min_split_part > 0) {
            place_flowing(slices[begin]); // a table row: cut at the foot rather than moved
            return;
        }
        // An empty short first page only gives way when a full page would hold the group.
        bool worth_moving = has_content_ || (short_first_page() &&
                                             group_height(slices, begin, end) <= full_height());
        if (worth_moving) {
            open_page_for(slices[begin]);
            if (group_height(slices, begin, end) <= available()) {
                for (std::size_t k = begin; k < end; ++k)
                    place(slices[k]);
                return;
            }
        }
        // Taller than a page: the keep cannot be honoured, so the slices flow one by one.
        for (std::size_t k = begin; k < end; ++k)
            place_flowing(slices[k]);
    }

    // Room a page needs to be worth starting a cut slice on, rather than moving it on whole.
    static constexpr double minimum_cut_room = 36;

    double repeated_header_height(const Slice& slice) const {
        const auto& header = slice.repeat_header;
        return header && header->height <= full_height() / 2 ? header->height : 0;
    }

    void place_flowing(const Slice& slice) {
        Slice current = slice;
        while (true) {
            double space = at_top() ? 0 : current.space_before;
            if (space + current.height <= available()) {
                place(current);
                return;
            }
            if (has_content_ && cut_at_foot(current, space))
                continue;
            bool fits_a_page = current.height <= full_height() - repeated_header_height(current);
            bool move_on = has_content_ ? fits_a_page || available() - space < minimum_cut_room
                                        : fits_a_page && short_first_page();
            if (move_on) {
                open_page_for(current);
                continue;
            }
            auto [head, tail] = split_slice(current, available() - space);
            place(head);
            tail.space_before = 0;
            open_page_for(tail);
            current = std::move(tail);
        }
    }

    // Cuts a splittable slice (a table row) at the page foot when at least its least part fits
    // here and at least that much goes over; places the head and opens the next page.
    bool cut_at_foot(Slice& current, double space) {
        double least = current.min_split_part;
        if (least <= 0)
            return false;
        double cut_at = std::min(available() - space, current.height - least);
        if (cut_at < least)
            return false;
        auto [head, tail] = split_slice(current, cut_at);
        if (head.boxes.texts.empty() || tail.boxes.texts.empty())
            return false;
        place(head);
        tail.space_before = 0;
        open_page_for(tail);
        current = std::move(tail);
        return true;
    }

    void place(const Slice& slice) {
        bool drop_space = at_top();
        double top = y_ + (drop_space ? 0 : slice.space_before);
        Page& page = pages_.back();
        append_boxes(page, slice.boxes, left_, top);
        if (!drop_space) {
            for (auto rule : slice.gap_rules) {
                rule.x1 += left_;
                rule.x2 += left_;
                rule.y1 += top;
                rule.y2 += top;
                page.rules.push_back(rule);
            }
        }
        y_ = top + slice.height;
        has_content_ = true;
    }

    const PageGeometry& geometry_;
    double first_offset_;
    std::vector<Page> pages_;
    double left_ = 0, top_ = 0, bottom_ = 0, y_ = 0;
    bool has_content_ = false;
    bool landscape_ = false; // of the current page
};

} // namespace

std::vector<Page> paginate(const std::vector<Slice>& slices, const PageGeometry& geometry,
                           double first_page_top_offset) {
    return Paginator(geometry, first_page_top_offset).run(slices);
}

} // namespace bp::layout
