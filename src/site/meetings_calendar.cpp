#include "site/meetings_calendar.hpp"

#include "data/forward_plan.hpp"
#include "site/board_records.hpp"
#include "site/count_phrase.hpp"
#include "site/site_paths.hpp"

#include <algorithm>
#include <map>

namespace bp::site {
namespace {

struct CalendarEntry {
    Date date;
    std::string board; // short name
    std::string title;
    std::string href; // relative to the calendar page
    std::string status;
    std::string status_class;
};

std::string board_label(const content::Board& board) {
    return board.short_name.empty() ? board.name : board.short_name;
}

std::vector<CalendarEntry> calendar_entries(const content::Site& site) {
    std::vector<CalendarEntry> entries;
    for (const auto& board : site.boards) {
        for (const auto& meeting : board.meetings)
            entries.push_back({meeting.date, board_label(board), board.name,
                               "../" + meeting_dir(board, meeting) + "/index.html",
                               status_label(meeting.status), content::to_string(meeting.status)});
        if (!board.forward_plan)
            continue;
        for (const auto& planned : board.forward_plan->meetings) {
            bool listed =
                std::any_of(board.meetings.begin(), board.meetings.end(),
                            [&](const auto& meeting) { return meeting.date == planned.date; });
            if (!listed)
                entries.push_back({planned.date, board_label(board), board.name,
                                   has_forward_plan_page(board) ? "../" + forward_plan_path(board)
                                                                : std::string(),
                                   "Provisional", "provisional"});
        }
    }
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.date != b.date ? a.date < b.date : a.board < b.board;
    });
    return entries;
}

TemplateData entry_data(const CalendarEntry& entry) {
    TemplateData data = object_data();
    put(data, "date", entry.date.long_form());
    put(data, "board", entry.board);
    put(data, "title", entry.title);
    put(data, "href", text_data(entry.href));
    put(data, "status", entry.status);
    put(data, "status_class", entry.status_class);
    return data;
}

// The month as weeks of seven days, Monday first; days outside the month are blank. Filled in
// place: an archive's calendar has a month for every meeting.
void set_month_weeks(TemplateData& month_data, int year, int month,
                     const std::vector<const CalendarEntry*>& entries) {
    std::vector<TemplateData>& weeks = list_in(month_data, "weeks");
    int lead = Date{year, month, 1}.weekday();
    int days = days_in_month(year, month);
    weeks.reserve(static_cast<std::size_t>((lead + days + 6) / 7));
    for (int start = 1 - lead; start <= days; start += 7) {
        TemplateData& row = weeks.emplace_back(object_data());
        std::vector<TemplateData>& week = list_in(row, "days");
        week.reserve(7);
        for (int day = start; day < start + 7; ++day) {
            TemplateData& cell = week.emplace_back(object_data());
            bool inside = day >= 1 && day <= days;
            put(cell, "day", inside ? TemplateData(std::to_string(day)) : TemplateData(false));
            const CalendarEntry* first = nullptr;
            int count = 0;
            for (const auto* entry : entries)
                if (inside && entry->date.day == day) {
                    first = first ? first : entry;
                    ++count;
                }
            put(cell, "has_meeting", first != nullptr);
            put(cell, "href",
                first && !first->href.empty() ? TemplateData("#meeting-" + first->date.iso())
                                              : TemplateData(false));
            put(cell, "meeting_label",
                first ? TemplateData(
                            count_phrase(static_cast<std::size_t>(count), "meeting", "meetings"))
                      : TemplateData(false));
        }
    }
}

} // namespace

void write_meetings_calendar(const SiteContext& context, OutputTree& output) {
    std::vector<CalendarEntry> entries = calendar_entries(context.site);
    std::map<std::pair<int, int>, std::vector<const CalendarEntry*>, std::greater<>> months;
    for (const auto& entry : entries)
        months[{entry.date.year, entry.date.month}].push_back(&entry);
    TemplateData page = object_data();
    put(page, "has_months", !months.empty());
    std::vector<TemplateData>& month_list = list_in(page, "months");
    month_list.reserve(months.size());
    for (const auto& [key, month_entries] : months) {
        auto [year, month] = key;
        TemplateData& data = month_list.emplace_back(object_data());
        std::string label = std::string(month_name(month)) + " " + std::to_string(year);
        put(data, "label", label);
        put(data, "id",
            "month-" + std::to_string(year) + "-" + (month < 10 ? "0" : "") +
                std::to_string(month));
        set_month_weeks(data, year, month, month_entries);
        std::vector<TemplateData>& list = list_in(data, "meetings");
        list.reserve(month_entries.size());
        std::string previous_day;
        for (const auto* entry : month_entries) {
            TemplateData& item = list.emplace_back(entry_data(*entry));
            // The grid's day links to the first meeting of that day.
            std::string anchor =
                entry->date.iso() == previous_day ? std::string() : "meeting-" + entry->date.iso();
            put(item, "anchor", text_data(anchor));
            previous_day = entry->date.iso();
        }
    }
    TemplateData weekdays = list_data();
    for (int day = 0; day < 7; ++day) {
        std::string name = weekday_name(day);
        TemplateData weekday = object_data();
        put(weekday, "name", name);
        put(weekday, "short", name.substr(0, 3));
        weekdays.push_back(weekday);
    }
    put(page, "weekdays", weekdays);
    write_page(context,
               {"meetings_calendar",
                meetings_calendar_path,
                "Browse meetings by month",
                {{"Home", "index.html"}}},
               std::move(page), output);
}

} // namespace bp::site
