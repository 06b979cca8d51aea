#include "content/audience.hpp"

#include "content/exempt.hpp"
#include "data/actions.hpp"

#include <algorithm>

namespace bp::content {

namespace {

void withhold(AgendaItem& item) {
    item.withheld = true;
    item.papers.clear();
    item.description.clear();
    item.presenter.clear();
    // Sub-item titles can say as much as the papers; the public see none of them.
    item.sub_items.clear();
}

void apply_public_audience(std::vector<AgendaItem>& items) {
    for (auto& item : items) {
        if (item.restricted || item.withheld) {
            withhold(item);
            continue;
        }
        if (item_members_only(item)) {
            // Every paper is restricted but the item is not: its sub-items may be public.
            // The public are told why, from the papers' own ground.
            item.exempt = item_ground(item);
            item.withheld = true;
            item.description.clear();
        }
        std::erase_if(item.papers, paper_members_only);
        apply_public_audience(item.sub_items);
    }
}

std::shared_ptr<const data::ActionLog> public_actions(const data::ActionLog& log) {
    auto filtered = std::make_shared<data::ActionLog>();
    for (const auto& action : log.actions)
        if (!action.members_only)
            filtered->actions.push_back(action);
    return filtered;
}

} // namespace

bool paper_members_only(const Paper& paper) {
    return paper.security == Security::restricted || !paper.marking_public || paper.exempt.given();
}

bool has_paper(const std::vector<AgendaItem>& items, const std::string& source_path) {
    for (const auto& item : items) {
        for (const auto& paper : item.papers)
            if (paper.source_path == source_path)
                return true;
        if (has_paper(item.sub_items, source_path))
            return true;
    }
    return false;
}

bool withholds_anything(const std::vector<AgendaItem>& items) {
    for (const auto& item : items) {
        if (item_members_only(item) || withholds_anything(item.sub_items))
            return true;
        for (const auto& paper : item.papers)
            if (paper_members_only(paper))
                return true;
    }
    return false;
}

bool item_members_only(const AgendaItem& item) {
    if (item.restricted || item.withheld)
        return true;
    return !item.papers.empty() &&
           std::all_of(item.papers.begin(), item.papers.end(), paper_members_only);
}

bool withheld_from(const AgendaItem& item, Audience audience) {
    return item.withheld || (audience == Audience::public_audience && item_members_only(item));
}

void apply_audience(Meeting& meeting, Audience audience) {
    if (audience == Audience::members)
        return;
    apply_public_audience(meeting.items);
}

void apply_audience(Site& site, Audience audience) {
    if (audience == Audience::members)
        return;
    for (auto& board : site.boards) {
        for (auto& meeting : board.meetings)
            apply_audience(meeting, audience);
        if (board.actions)
            board.actions = public_actions(*board.actions);
    }
}

} // namespace bp::content
