#include "pack/pack_json.hpp"

#include "content/audience.hpp"

#include <nlohmann/json.hpp>

namespace bp::pack {

std::string pack_json(const PackPlan& plan, int pages) {
    // ordered_json keeps the keys in the order written, so the file reads top-down.
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const ItemPlan& row : plan.items) {
        const content::AgendaItem& item = *row.item;
        items.push_back({{"number", item.number},
                         {"title", item.title},
                         {"first_page", row.first_page},
                         {"last_page", row.last_page},
                         {"restricted", content::item_members_only(item)},
                         {"verbal", item.verbal}});
    }
    nlohmann::ordered_json manifest = {{"pages", pages}, {"items", std::move(items)}};
    return manifest.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace bp::pack
