#include "site/action_tracker.hpp"

#include "core/text.hpp"
#include "site/board_records.hpp"
#include "site/count_phrase.hpp"
#include "site/site_paths.hpp"

#include <algorithm>
#include <set>
#include <span>
#include <unordered_map>

namespace bp::site {
namespace {

using data::Action;

struct MinutesPaper {
    const content::Meeting* meeting = nullptr;
    const content::AgendaItem* item = nullptr;
    const content::Paper* paper = nullptr;
};

// The board's papers by source path, so finding the minutes that raised an action costs one
// look-up rather than a walk over every agenda: a log of 100,000 actions stays linear.
class MinutesIndex {
  public:
    explicit MinutesIndex(const content::Board& board) {
        for (const auto& meeting : board.meetings)
            for (const auto* item : flatten_items(meeting.items))
                for (const auto& paper : item->papers)
                    if (!paper.source_path.empty())
                        by_path_.emplace(paper.source_path, MinutesPaper{&meeting, item, &paper});
    }

    // The paper an action's location names: the same path, or a path ending in it.
    MinutesPaper find(const std::string& file) const {
        if (file.empty() || by_path_.empty())
            return {};
        if (auto found = by_path_.find(file); found != by_path_.end())
            return found->second;
        for (std::size_t slash = file.find('/'); slash != std::string::npos;
             slash = file.find('/', slash + 1))
            if (auto found = by_path_.find(file.substr(slash + 1)); found != by_path_.end())
                return found->second;
        return {};
    }

  private:
    std::unordered_map<std::string, MinutesPaper> by_path_;
};

bool paper_visible(const MinutesPaper& minutes, content::Audience audience) {
    if (item_withheld(*minutes.item, audience))
        return false;
    for (const auto* paper : visible_papers(*minutes.item, audience))
        if (paper == minutes.paper)
            return true;
    return false;
}

std::string optional_date(const std::optional<Date>& date) {
    return date ? date->medium_form() : std::string();
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

// Where the tracker links "raised at": the minutes page when the reader may open it, else the
// meeting page, else nothing.
std::string raised_href(const content::Board& board, const MinutesPaper& minutes,
                        const Action& action, content::Audience audience) {
    if (minutes.paper && !minutes.paper->is_pdf && paper_visible(minutes, audience))
        return minutes.meeting->slug + "/" + paper_file(*minutes.item, *minutes.paper);
    if (const auto* meeting = meeting_on(board, action.raised))
        return meeting->slug + "/index.html";
    return {};
}

TemplateData action_row(const content::Board& board, const MinutesPaper& minutes,
                        const Action& action, Date as_at, content::Audience audience) {
    Rag rag = data::rag_as_at(action, as_at);
    TemplateData row = object_data();
    put(row, "id", action.id);
    put(row, "text", action.text);
    put(row, "lead", text_data(action.lead));
    put(row, "others", text_data(action.others));
    put(row, "raised", action.raised.medium_form());
    put(row, "raised_iso", action.raised.iso());
    put(row, "raised_href", text_data(raised_href(board, minutes, action, audience)));
    put(row, "due", text_data(optional_date(action.due)));
    // The filter matches what the reader sees, so "Overdue" and "Due soon" can be picked.
    put(row, "status_value", action_status_text(action, as_at));
    put(row, "status", rag_badge(rag_key(rag), action_status_text(action, as_at)));
    const data::ActionUpdate* update = data::latest_update_as_at(action, as_at);
    put(row, "update", update ? text_data(update->text) : TemplateData(false));
    put(row, "update_date",
        update && update->date ? text_data(update->date->medium_form()) : TemplateData(false));
    bool closed = data::is_closed_as_at(action, as_at);
    put(row, "completed", text_data(closed ? optional_date(action.completed) : std::string()));
    return row;
}

TemplateData options(const std::set<std::string>& values, bool capitalise) {
    TemplateData list = list_data();
    for (const auto& value : values)
        list.push_back(link_data(capitalise ? capitalised(value) : value, value));
    return list;
}

} // namespace

std::string action_status_text(const Action& action, Date date) {
    if (data::is_overdue_as_at(action, date))
        return "Overdue";
    if (data::is_due_soon_as_at(action, date))
        return "Due soon";
    return capitalised(data::to_string(data::status_as_at(action, date)));
}

bool action_visible(const content::Board& board, const Action& action, content::Audience audience) {
    MinutesPaper minutes = MinutesIndex(board).find(action.location.file);
    return !minutes.paper || paper_visible(minutes, audience);
}

namespace {

// A tracker page lists at most this many actions, so a log of any length loads and filters
// quickly on a phone, and the site is written one page at a time in bounded memory.
constexpr std::size_t actions_per_page = 500;

struct TrackerRow {
    const Action* action;
    MinutesPaper minutes;
};

// The actions the audience may see. A log longer than one page lists the actions still open
// first, in the log's order, then the closed ones, latest raised first: the pages a reader
// opens first hold what the board is still working on.
std::vector<TrackerRow> tracker_rows(const content::Board& board, Date as_at,
                                     content::Audience audience) {
    MinutesIndex index(board);
    std::vector<TrackerRow> rows;
    for (const auto& action : board.actions->actions) {
        MinutesPaper minutes = index.find(action.location.file);
        if (!minutes.paper || paper_visible(minutes, audience))
            rows.push_back({&action, minutes});
    }
    if (rows.size() > actions_per_page) {
        auto closed = std::stable_partition(rows.begin(), rows.end(), [&](const TrackerRow& row) {
            return !data::is_closed_as_at(*row.action, as_at);
        });
        std::reverse(closed, rows.end());
    }
    return rows;
}

std::string tracker_page_path(const content::Board& board, std::size_t page) {
    if (page == 1)
        return action_tracker_path(board);
    return board_dir(board) + "/actions-" + std::to_string(page) + ".html";
}

// Links between the pages of a long tracker, relative to the board folder.
TemplateData paging_data(const content::Board& board, std::size_t page, std::size_t pages,
                         std::size_t first, std::size_t last, std::size_t total) {
    if (pages == 1)
        return TemplateData(false);
    auto file = [&](std::size_t number) {
        std::string path = tracker_page_path(board, number);
        return path.substr(path.rfind('/') + 1);
    };
    TemplateData paging = object_data();
    put(paging, "summary",
        "Page " + std::to_string(page) + " of " + std::to_string(pages) + ": actions " +
            format_number(static_cast<double>(first)) + " to " +
            format_number(static_cast<double>(last)) + " of " +
            format_number(static_cast<double>(total)) +
            ", open actions first, then closed ones, latest raised first.");
    put(paging, "previous",
        page > 1 ? link_data("Page " + std::to_string(page - 1), file(page - 1))
                 : TemplateData(false));
    put(paging, "next",
        page < pages ? link_data("Page " + std::to_string(page + 1), file(page + 1))
                     : TemplateData(false));
    return paging;
}

void write_tracker_page(const SiteContext& context, const content::Board& board, Date as_at,
                        std::span<const TrackerRow> rows, TemplateData paging,
                        const std::string& path, OutputTree& output) {
    TemplateData page = object_data();
    std::vector<TemplateData>& list = list_in(page, "actions");
    list.reserve(rows.size());
    std::set<std::string> statuses, leads;
    std::set<std::pair<std::string, std::string>> raised; // iso, label: by date
    for (const auto& row : rows) {
        const Action& action = *row.action;
        list.push_back(action_row(board, row.minutes, action, as_at, context.audience));
        statuses.insert(action_status_text(action, as_at));
        if (!action.lead.empty())
            leads.insert(action.lead);
        raised.insert({action.raised.iso(), action.raised.medium_form()});
    }
    TemplateData raised_options = list_data();
    for (const auto& [iso, label] : raised)
        raised_options.push_back(link_data(label, iso));
    put(page, "board_name", board.name);
    put(page, "as_at", as_at.medium_form());
    put(page, "count", count_phrase(rows.size(), "action", "actions"));
    put(page, "has_actions", !rows.empty());
    put(page, "paging", paging);
    put(page, "status_options", options(statuses, false));
    put(page, "lead_options", options(leads, false));
    put(page, "raised_options", raised_options);
    std::string label = board.short_name.empty() ? board.name : board.short_name;
    write_page(context,
               {"actions",
                path,
                "Action tracker",
                {{"Home", "index.html"}, {label, board_dir(board) + "/index.html"}}},
               std::move(page), output);
}

} // namespace

void write_action_tracker(const SiteContext& context, const content::Board& board,
                          OutputTree& output) {
    if (!has_action_tracker(board))
        return;
    Date as_at = latest_held_date(board).value_or(Date{1970, 1, 1});
    std::vector<TrackerRow> rows = tracker_rows(board, as_at, context.audience);
    std::size_t pages =
        std::max<std::size_t>(1, (rows.size() + actions_per_page - 1) / actions_per_page);
    for (std::size_t page = 1; page <= pages; ++page) {
        std::size_t first = (page - 1) * actions_per_page;
        std::size_t last = std::min(rows.size(), first + actions_per_page);
        std::span<const TrackerRow> shown(rows.data() + first, last - first);
        write_tracker_page(context, board, as_at, shown,
                           paging_data(board, page, pages, first + 1, last, rows.size()),
                           tracker_page_path(board, page), output);
    }
}

} // namespace bp::site
