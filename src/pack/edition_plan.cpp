#include "pack/edition_plan.hpp"

#include "content/exempt.hpp"

#include <algorithm>
#include <map>

namespace bp::pack {

namespace {

std::map<std::string, int> rows_by_number(const PackPlan& plan) {
    std::map<std::string, int> rows;
    for (std::size_t i = 0; i < plan.items.size(); ++i)
        rows.emplace(plan.items[i].item->number, static_cast<int>(i));
    return rows;
}

const PaperPages* find_paper(const PackPlan& plan, const std::string& source_path) {
    for (const ItemPlan& row : plan.items)
        for (const PaperPages& paper : row.papers)
            if (paper.paper && paper.paper->source_path == source_path)
                return &paper;
    return nullptr;
}

} // namespace

PackPlan counted_plan(const content::Meeting& members, const PackPlan& public_plan,
                      const PageCounter& count) {
    PackPlan plan = plan_items(members);
    for (ItemPlan& row : plan.items) {
        if (row.item->verbal)
            continue;
        for (const content::Paper& paper : row.item->papers) {
            const PaperPages* composed = find_paper(public_plan, paper.source_path);
            int pages = composed ? composed->page_count() : count(paper, *row.item);
            if (pages <= 0)
                continue;
            PaperPages counted;
            counted.paper = &paper;
            counted.title = paper.title;
            counted.withheld_pages = pages;
            row.papers.push_back(std::move(counted));
        }
        label_appendices(row);
    }
    return plan;
}

void fold_in_withheld(PackPlan& public_plan, const PackPlan& members_plan) {
    std::map<std::string, int> public_rows = rows_by_number(public_plan);
    std::vector<std::vector<PaperPages>> ordered(public_plan.items.size());
    for (const ItemPlan& row : members_plan.items) {
        // The row itself, or the nearest parent the public still see.
        const ItemPlan* shown = &row;
        auto target = public_rows.find(shown->item->number);
        while (target == public_rows.end() && shown->parent >= 0) {
            shown = &members_plan.items[shown->parent];
            target = public_rows.find(shown->item->number);
        }
        if (target == public_rows.end())
            continue;
        ItemPlan& into = public_plan.items[target->second];
        bool folded = shown != &row;
        for (std::size_t i = 0; i < row.papers.size(); ++i) {
            const PaperPages& counted = row.papers[i];
            auto printed =
                std::find_if(into.papers.begin(), into.papers.end(), [&](const PaperPages& paper) {
                    return paper.paper && counted.paper &&
                           paper.paper->source_path == counted.paper->source_path;
                });
            if (printed != into.papers.end()) {
                ordered[target->second].push_back(std::move(*printed));
                into.papers.erase(printed);
                continue;
            }
            // Nothing of the paper but its page count and the public ground goes further.
            PaperPages withheld;
            withheld.withheld_pages = counted.page_count();
            withheld.withheld_ground = content::withholding_ground(*row.item, counted.paper);
            if (!withheld.withheld_ground.given())
                withheld.withheld_ground = into.item->exempt;
            withheld.starts_item = folded && i == 0;
            ordered[target->second].push_back(std::move(withheld));
        }
    }
    for (std::size_t r = 0; r < public_plan.items.size(); ++r) {
        auto& papers = public_plan.items[r].papers;
        for (auto& left : papers) // printed here but not in the members' plan: keep it
            ordered[r].push_back(std::move(left));
        papers = std::move(ordered[r]);
    }
}

void copy_page_ranges(const PackPlan& from, PackPlan& to) {
    std::map<std::string, int> rows = rows_by_number(from);
    for (ItemPlan& row : to.items) {
        auto source = rows.find(row.item->number);
        if (source == rows.end())
            continue;
        row.first_page = from.items[source->second].first_page;
        row.last_page = from.items[source->second].last_page;
    }
}

} // namespace bp::pack
