#include "pack/pack_plan.hpp"

#include "pack/house_style.hpp"

#include <algorithm>

namespace bp::pack {

namespace {
void add_item(PackPlan& plan, const content::AgendaItem& item, int depth, int parent) {
    ItemPlan row;
    row.item = &item;
    row.depth = depth;
    row.parent = parent;
    plan.items.push_back(std::move(row));
    int index = static_cast<int>(plan.items.size()) - 1;
    for (const auto& sub_item : item.sub_items)
        add_item(plan, sub_item, depth + 1, index);
}
} // namespace

PackGeometry pack_geometry(const content::SiteConfig& config) {
    PackGeometry geometry;
    geometry.text = print_text_style(config);
    if (config.paper == content::PaperSize::letter) {
        geometry.width = 612;
        geometry.height = 792;
    }
    return geometry;
}

void label_appendices(ItemPlan& row) {
    int count = 0;
    for (PaperPages& paper : row.papers)
        if (paper.paper && paper.paper->is_pdf)
            paper.appendix_label = "Appendix " + std::to_string(++count) + ": " + paper.title;
}

int number_items(PackPlan& plan, int first_paper_page) {
    int next = first_paper_page;
    for (ItemPlan& row : plan.items) {
        row.first_page = row.last_page = 0;
        for (std::size_t i = 0; i < row.papers.size(); ++i) {
            PaperPages& paper = row.papers[i];
            if ((i == 0 || paper.starts_item) && next % 2 == 0)
                ++next; // an item opens on a right-hand page; its papers follow on
            paper.first_page = next;
            if (row.first_page == 0)
                row.first_page = next;
            next += paper.page_count();
            row.last_page = next - 1;
        }
    }
    // A parent without papers of its own spans its sub-items' pages.
    for (int i = static_cast<int>(plan.items.size()) - 1; i >= 0; --i) {
        const ItemPlan& row = plan.items[i];
        if (row.parent < 0 || row.first_page == 0)
            continue;
        ItemPlan& parent = plan.items[row.parent];
        if (!parent.papers.empty())
            continue;
        if (parent.first_page == 0 || row.first_page < parent.first_page)
            parent.first_page = row.first_page;
        parent.last_page = std::max(parent.last_page, row.last_page);
    }
    return next - 1;
}

PackPlan plan_items(const content::Meeting& meeting) {
    PackPlan plan;
    for (const auto& item : meeting.items)
        add_item(plan, item, 0, -1);
    return plan;
}

} // namespace bp::pack
