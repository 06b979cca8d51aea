#include "pack/pack_plan.hpp"

#include "pack/house_style.hpp"

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

PackPlan plan_items(const content::Meeting& meeting) {
    PackPlan plan;
    for (const auto& item : meeting.items)
        add_item(plan, item, 0, -1);
    return plan;
}

} // namespace bp::pack
