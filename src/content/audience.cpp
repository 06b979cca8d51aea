#include "content/audience.hpp"

#include "content/exempt.hpp"
#include "data/actions.hpp"
#include "data/forward_plan.hpp"

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
        // An item whose papers are all restricted is withheld like a restricted one: its
        // sub-items are parts of the same business and their titles say as much as the papers.
        if (item_members_only(item)) {
            // The public are told why: the item's own ground, else its papers'.
            item.exempt = item_ground(item);
            withhold(item);
            continue;
        }
        std::erase_if(item.papers, paper_members_only);
        apply_public_audience(item.sub_items);
    }
}

const AgendaItem* item_numbered(const std::vector<AgendaItem>& items, const std::string& number) {
    for (const auto& item : items) {
        if (item.number == number)
            return &item;
        if (const AgendaItem* found = item_numbered(item.sub_items, number))
            return found;
    }
    return nullptr;
}

// Whether the minutes recording a meeting survived the gate: their item is not withheld and
// the paper itself is still on it.
bool minutes_public(const Board& board, const MinutesRecord& record) {
    for (const auto& holder : board.meetings) {
        if (holder.slug != record.holder)
            continue;
        const AgendaItem* item = item_numbered(holder.items, record.holder_item);
        if (!item || item->withheld)
            return false;
        return std::any_of(item->papers.begin(), item->papers.end(), [&](const Paper& paper) {
            return paper.source_path == record.paper_source;
        });
    }
    return false;
}

// What minutes record is drawn from them: minutes the public may not read keep only the fact
// that they exist and whether they are approved; a decision about a withheld item goes with
// it. (Declarations stay: the minutes print them alike for both editions, and the pages leave
// out those about withheld items.)
void apply_public_audience(Board& board) {
    for (auto& meeting : board.meetings) {
        auto withheld = [&](const std::string& number) {
            const AgendaItem* item = item_numbered(meeting.items, number);
            return item && item->withheld;
        };
        if (!meeting.minutes)
            continue;
        MinutesRecord& record = *meeting.minutes;
        if (!minutes_public(board, record)) {
            record.attendance = {};
            record.decisions.clear();
            continue;
        }
        std::erase_if(record.decisions,
                      [&](const Decision& decision) { return withheld(decision.item); });
    }
}

// A restricted planned report keeps its title, as a restricted agenda item does; who leads it
// and the notes about it are for members only.
std::shared_ptr<const data::ForwardPlan> public_forward_plan(const data::ForwardPlan& plan) {
    auto filtered = std::make_shared<data::ForwardPlan>(plan);
    for (auto& meeting : filtered->meetings)
        for (auto& report : meeting.reports)
            if (report.restricted) {
                report.lead.clear();
                report.notes.clear();
            }
    return filtered;
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
        apply_public_audience(board);
        if (board.actions)
            board.actions = public_actions(*board.actions);
        if (board.forward_plan)
            board.forward_plan = public_forward_plan(*board.forward_plan);
    }
}

} // namespace bp::content
