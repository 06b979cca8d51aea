#include "site/site_pages.hpp"

#include "core/build_clock.hpp"
#include "core/filesystem.hpp"
#include "core/text.hpp"
#include "data/forward_plan.hpp"
#include "site/board_records.hpp"
#include "site/decisions_page.hpp"
#include "site/feeds.hpp"
#include "site/meeting_pages.hpp"
#include "site/meeting_record.hpp"
#include "site/site_paths.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace bp::site {
namespace {

using content::Board;
using content::Meeting;

std::string board_label(const Board& board) {
    return board.short_name.empty() ? board.name : board.short_name;
}

std::string meeting_href(const Board& board, const Meeting& meeting) {
    return meeting_dir(board, meeting) + "/index.html";
}

struct PaperEntry {
    const Board* board;
    const Meeting* meeting;
    const content::AgendaItem* item;
    const content::Paper* paper;
    int order; // position in the meeting, for a stable sort
};

// Newest meeting first, then agenda order: every board's papers, or those of `only`. A board's
// are in the order they have among all the site's.
std::vector<PaperEntry> all_papers(const SiteContext& context, const Board* only = nullptr) {
    std::vector<PaperEntry> entries;
    for (const auto& board : context.site.boards) {
        if (only && &board != only)
            continue;
        for (const auto& meeting : board.meetings) {
            int order = 0;
            for (const auto* item : flatten_items(meeting.items))
                for (const auto* paper : visible_papers(*item, context.audience))
                    entries.push_back({&board, &meeting, item, paper, order++});
        }
    }
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        if (a.meeting->date != b.meeting->date)
            return a.meeting->date > b.meeting->date;
        if (a.board->slug != b.board->slug)
            return a.board->slug < b.board->slug;
        return a.order < b.order;
    });
    return entries;
}

TemplateData meeting_summary(const Board& board, const Meeting& meeting, const std::string& root) {
    TemplateData data = object_data();
    put(data, "date", meeting.date.long_form());
    put(data, "short_date", meeting.date.medium_form());
    put(data, "href", root + meeting_href(board, meeting));
    put(data, "board_name", board.name);
    put(data, "board_short_name", board_label(board));
    put(data, "status", status_label(meeting.status));
    put(data, "status_class", content::to_string(meeting.status));
    put(data, "time", text_data(format_time_range(meeting.start_minutes, meeting.end_minutes)));
    put(data, "venue", text_data(meeting.venue));
    return data;
}

const Meeting* next_scheduled(const Board& board) {
    for (const auto& meeting : board.meetings)
        if (meeting.status == content::MeetingStatus::scheduled)
            return &meeting;
    return nullptr;
}

TemplateData home_boards(const SiteContext& context) {
    TemplateData list = list_data();
    for (const auto& board : context.site.boards) {
        TemplateData data = object_data();
        put(data, "name", board.name);
        put(data, "short_name", board_label(board));
        put(data, "purpose", text_data(board.purpose));
        put(data, "href", board_dir(board) + "/index.html");
        const Meeting* next = next_scheduled(board);
        put(data, "next_meeting", next ? meeting_summary(board, *next, "") : TemplateData(false));
        put(data, "meeting_count", std::to_string(board.meetings.size()));
        list.push_back(data);
    }
    return list;
}

TemplateData upcoming_meetings(const SiteContext& context) {
    std::vector<std::pair<const Board*, const Meeting*>> upcoming;
    for (const auto& board : context.site.boards)
        for (const auto& meeting : board.meetings)
            if (meeting.status == content::MeetingStatus::scheduled)
                upcoming.push_back({&board, &meeting});
    std::stable_sort(upcoming.begin(), upcoming.end(),
                     [](const auto& a, const auto& b) { return a.second->date < b.second->date; });
    TemplateData list = list_data();
    for (std::size_t i = 0; i < upcoming.size() && i < 6; ++i)
        list.push_back(meeting_summary(*upcoming[i].first, *upcoming[i].second, ""));
    return list;
}

TemplateData paper_summary(const PaperEntry& entry, const std::string& root) {
    TemplateData data = object_data();
    put(data, "title", entry.paper->title);
    put(data, "href",
        root + meeting_dir(*entry.board, *entry.meeting) + "/" +
            paper_file(*entry.item, *entry.paper));
    put(data, "is_pdf", entry.paper->is_pdf);
    put(data, "summary", text_data(entry.paper->summary));
    put(data, "board_short_name", board_label(*entry.board));
    put(data, "meeting_date", entry.meeting->date.medium_form());
    put(data, "meeting_href", root + meeting_href(*entry.board, *entry.meeting));
    put(data, "item_number", entry.item->number);
    return data;
}

TemplateData people_data(const Board& board, const std::vector<content::Person>& people) {
    TemplateData list = list_data();
    for (const auto& person : people) {
        TemplateData data = object_data();
        put(data, "attendance", attendance_figure(board, person));
        put(data, "name", person.name);
        put(data, "role", text_data(person.role));
        put(data, "post", text_data(person.post));
        put(data, "organisation", text_data(person.organisation));
        list.push_back(data);
    }
    return list;
}

TemplateData member_groups(const Board& board) {
    TemplateData list = list_data();
    for (const auto& members : content::membership_groups(board)) {
        TemplateData group = object_data();
        put(group, "heading", members.name);
        put(group, "id", slugify(members.name));
        put(group, "people", people_data(board, members.people));
        put(group, "has_attendance", attendance_figure(board, members.people.front()).is_string());
        list.push_back(group);
    }
    return list;
}

TemplateData contact_data(const content::ContactOfficer& contact) {
    if (contact.name.empty() && contact.email.empty() && contact.phone.empty())
        return false;
    TemplateData data = object_data();
    put(data, "name", text_data(contact.name));
    put(data, "job_title", text_data(contact.job_title));
    put(data, "email", text_data(contact.email));
    put(data, "email_href",
        contact.email.empty() ? TemplateData(false) : TemplateData("mailto:" + contact.email));
    // Non-breaking spaces keep a phone number on one line.
    std::string phone;
    for (char c : contact.phone)
        phone += c == ' ' ? std::string("\xC2\xA0") : std::string(1, c);
    put(data, "phone", text_data(phone));
    std::string dial;
    for (char c : contact.phone)
        if ((c >= '0' && c <= '9') || c == '+')
            dial += c;
    put(data, "phone_href", dial.empty() ? TemplateData(false) : TemplateData("tel:" + dial));
    return data;
}

// Meetings grouped by financial year, newest year first and newest meeting first within it.
TemplateData meetings_by_year(const SiteContext& context, const Board& board) {
    data::FinancialCalendar calendar = context.site.config.calendar();
    std::map<int, std::vector<const Meeting*>, std::greater<>> years;
    for (const auto& meeting : board.meetings)
        years[calendar.year_of_date(meeting.date)].push_back(&meeting);
    TemplateData list = list_data();
    for (auto& [year, meetings] : years) {
        std::stable_sort(meetings.begin(), meetings.end(),
                         [](auto* a, auto* b) { return a->date > b->date; });
        TemplateData group = object_data();
        put(group, "label", calendar.year_label(year));
        put(group, "id", "year-" + std::to_string(year));
        TemplateData entries = list_data();
        for (const auto* meeting : meetings) {
            TemplateData entry = meeting_summary(board, *meeting, "../");
            put(entry, "href", meeting->slug + "/index.html");
            entries.push_back(entry);
        }
        put(group, "meetings", entries);
        list.push_back(group);
    }
    return list;
}

std::string host_of(const std::string& url) {
    auto scheme = url.find("://");
    std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
    auto slash = rest.find('/');
    std::string host = rest.substr(0, slash);
    return host.empty() ? "boardpack.invalid" : host;
}

std::string absolute_url(const SiteContext& context, const std::string& path) {
    std::string base = context.site.config.base_url;
    if (base.empty())
        return path;
    if (base.back() != '/')
        base += '/';
    return base + path;
}

std::string paper_updated(const PaperEntry& entry) {
    Date date = entry.paper->date ? *entry.paper->date : entry.meeting->date;
    return date.iso() + "T00:00:00Z";
}

// Links to the board's record pages that exist, relative to the board page.
TemplateData record_links(const Board& board) {
    TemplateData list = list_data();
    auto add = [&](const std::string& label, const std::string& path,
                   const std::string& description) {
        TemplateData link = link_data(label, path.substr(board_dir(board).size() + 1));
        put(link, "description", description);
        list.push_back(link);
    };
    if (has_indicator_pages(board))
        add("Performance indicators", indicators_index_path(board),
            "Every indicator the board follows: definitions, charts, figures to download and "
            "ratings at each meeting.");
    if (has_action_tracker(board))
        add("Action tracker", action_tracker_path(board),
            "Every action raised at the board\xE2\x80\x99s meetings, with its lead, due date and "
            "status.");
    if (has_decisions_page(board))
        add("Decisions", decisions_path(board),
            "Every decision recorded in the board\xE2\x80\x99s minutes, with a link to the "
            "minute.");
    if (has_forward_plan_page(board))
        add("Forward plan", forward_plan_path(board),
            "The reports planned for the board\xE2\x80\x99s coming meetings.");
    return list;
}

} // namespace

long long build_timestamp(const content::Site& site) {
    if (auto epoch = source_date_epoch())
        return *epoch;
    Date latest{1970, 1, 1};
    for (const auto& board : site.boards)
        for (const auto& meeting : board.meetings)
            latest = std::max(latest, meeting.date);
    return static_cast<long long>(latest.days_since_epoch()) * 86400;
}

void write_home_page(const SiteContext& context, OutputTree& output) {
    TemplateData page = object_data();
    put(page, "boards", home_boards(context));
    TemplateData upcoming = upcoming_meetings(context);
    put(page, "has_upcoming", !upcoming.list_value().empty());
    put(page, "upcoming", upcoming);
    TemplateData latest = list_data();
    auto papers = all_papers(context);
    for (std::size_t i = 0; i < papers.size() && i < 10; ++i)
        latest.push_back(paper_summary(papers[i], ""));
    put(page, "has_latest", !latest.list_value().empty());
    put(page, "latest_papers", latest);
    write_page(context, {"home", "index.html", context.site.config.title, {}}, std::move(page),
               output);
}

void write_board_page(const SiteContext& context, const Board& board, OutputTree& output) {
    TemplateData page = object_data();
    put(page, "name", board.name);
    put(page, "short_name", board_label(board));
    put(page, "purpose", text_data(board.purpose));
    put(page, "venue", text_data(board.venue));
    put(page, "usual_time", text_data(format_time_range(board.start_minutes, board.end_minutes)));
    put(page, "member_groups", member_groups(board));
    TemplateData records = record_links(board);
    put(page, "has_records", !records.list_value().empty());
    put(page, "records", records);
    put(page, "contact", contact_data(board.contact));
    TemplateData years = meetings_by_year(context, board);
    put(page, "has_meetings", !years.list_value().empty());
    put(page, "years", years);
    put(page, "calendar_href", "calendar.ics");
    put(page, "board_feed_href", "feed.xml");
    write_page(context,
               {"board", board_dir(board) + "/index.html", board.name, {{"Home", "index.html"}}},
               std::move(page), output);
}

// The quarter's archive packs the build has written, one per board, with their sizes.
TemplateData quarter_packs(const std::vector<std::pair<const Board*, const Meeting*>>& meetings,
                           int year, int quarter, const data::FinancialCalendar& calendar,
                           content::Audience audience, const OutputTree& output) {
    TemplateData packs = list_data();
    std::vector<const Board*> boards;
    for (const auto& [board, meeting] : meetings)
        if (std::find(boards.begin(), boards.end(), board) == boards.end())
            boards.push_back(board);
    for (const Board* board : boards) {
        std::string path = quarter_pack_path(board->slug, year, quarter, calendar, audience);
        std::error_code error;
        auto bytes = std::filesystem::file_size(output.staging_path(path), error);
        if (error)
            continue;
        TemplateData pack = object_data();
        put(pack, "href", file_name(path));
        put(pack, "board_name", board->short_name.empty() ? board->name : board->short_name);
        put(pack, "size", format_bytes(bytes));
        packs.push_back(pack);
    }
    return packs;
}

void write_archive_page(const SiteContext& context, OutputTree& output) {
    data::FinancialCalendar calendar = context.site.config.calendar();
    std::map<int, std::map<int, std::vector<std::pair<const Board*, const Meeting*>>>,
             std::greater<>>
        years;
    for (const auto& board : context.site.boards)
        for (const auto& meeting : board.meetings)
            years[calendar.year_of_date(meeting.date)][calendar.quarter_of_date(meeting.date)]
                .push_back({&board, &meeting});
    TemplateData page = object_data();
    put(page, "has_years", !years.empty());
    // Reserved: the data's move may throw, so a growing vector would copy what it holds.
    std::vector<TemplateData>& year_list = list_in(page, "years");
    year_list.reserve(years.size());
    for (auto& [year, quarters] : years) {
        TemplateData& year_group = year_list.emplace_back(object_data());
        put(year_group, "label", calendar.year_label(year));
        put(year_group, "id", "year-" + std::to_string(year));
        std::vector<TemplateData>& quarter_list = list_in(year_group, "quarters");
        quarter_list.reserve(quarters.size());
        for (auto& [quarter, meetings] : quarters) {
            std::stable_sort(meetings.begin(), meetings.end(), [](const auto& a, const auto& b) {
                return a.second->date != b.second->date ? a.second->date < b.second->date
                                                        : a.first->slug < b.first->slug;
            });
            TemplateData& group = quarter_list.emplace_back(object_data());
            put(group, "label",
                "Quarter " + std::to_string(quarter) + ": " + calendar.quarter_months(quarter));
            std::vector<TemplateData>& entries = list_in(group, "meetings");
            entries.reserve(meetings.size());
            for (const auto& [board, meeting] : meetings)
                entries.push_back(meeting_summary(*board, *meeting, "../"));
            TemplateData packs =
                quarter_packs(meetings, year, quarter, calendar, context.audience, output);
            put(group, "has_packs", !packs.list_value().empty());
            put(group, "packs", packs);
        }
    }
    write_page(context, {"archive", "archive/index.html", "Archive", {{"Home", "index.html"}}},
               std::move(page), output);
}

void write_search_page(const SiteContext& context, OutputTree& output) {
    PageRequest request{"search", "search/index.html", "Search", {{"Home", "index.html"}}};
    TemplateData page = object_data();
    put(page, "search_js", "../assets/js/search.js");
    data::FinancialCalendar calendar = context.site.config.calendar();
    TemplateData boards = list_data();
    std::set<int, std::greater<>> years;
    for (const auto& board : context.site.boards) {
        boards.push_back(link_data(board_label(board), board.slug));
        for (const auto& meeting : board.meetings)
            years.insert(calendar.year_of_date(meeting.date));
    }
    TemplateData year_options = list_data();
    for (int year : years) {
        std::string label = calendar.year_label(year);
        year_options.push_back(link_data(label, label));
    }
    put(page, "boards", boards);
    put(page, "years", year_options);
    write_page(context, request, std::move(page), output);
}

void write_not_found_page(const SiteContext& context, OutputTree& output) {
    // A server sends this page for a missing address at any depth, so its links and styles
    // start from the site's own path rather than from where the page happens to be.
    PageRequest request{"not_found",
                        "404.html",
                        "Page not found",
                        {},
                        site_root_path(context.site.config.base_url)};
    write_page(context, request, object_data(), output);
}

namespace {

// One feed: the site's (every board) or one board's, at `feed_path`.
// Entry links are absolute when the site has a base URL, else relative to the feed.
void write_one_feed(const SiteContext& context, const Board* only, const std::string& feed_path,
                    OutputTree& output) {
    const auto& config = context.site.config;
    std::string host = slugify(host_of(config.base_url));
    std::string feed_root = config.base_url.empty() ? root_prefix(feed_path) : std::string();
    auto link = [&](const std::string& path) {
        return config.base_url.empty() ? feed_root + path : absolute_url(context, path);
    };
    // Each paper's date first, trimmed as they come: an archive's papers never all wait at
    // once, and an entry's links and summary are made for the newest alone.
    using Dated = std::pair<std::string, const PaperEntry*>;
    auto date_of = [](const Dated& dated) -> const std::string& { return dated.first; };
    std::vector<Dated> newest;
    std::vector<PaperEntry> papers = all_papers(context, only);
    for (const auto& entry : papers) {
        newest.emplace_back(paper_updated(entry), &entry);
        if (newest.size() >= 2 * feed_entry_limit)
            keep_newest(newest, date_of);
    }
    keep_newest(newest, date_of);
    std::vector<FeedEntry> entries;
    for (const auto& [updated, entry] : newest) {
        std::string path = meeting_dir(*entry->board, *entry->meeting) + "/" +
                           paper_file(*entry->item, *entry->paper);
        std::string summary = entry->paper->summary;
        std::string context_line = board_label(*entry->board) + ", meeting of " +
                                   entry->meeting->date.long_form() + ", item " +
                                   entry->item->number;
        entries.push_back({"urn:boardpack:" + host + ":" + path, entry->paper->title, link(path),
                           updated,
                           summary.empty() ? context_line : summary + " (" + context_line + ")",
                           entry->paper->author});
    }
    std::string title = (only ? only->name : config.title) + ": papers";
    std::string home = only ? board_dir(*only) + "/index.html" : std::string("index.html");
    FeedInfo info{title, "urn:boardpack:" + host + ":" + feed_path, link(home), link(feed_path),
                  config.organisation.empty() ? config.title : config.organisation};
    output.write(feed_path, atom_feed(info, entries));
}

// The agenda as calendar text: item numbers and titles (public even when an item is
// withheld), then where to read the papers.
std::string agenda_description(const Meeting& meeting, const std::string& url) {
    std::string text;
    if (!meeting.items.empty())
        text += "Agenda:\n";
    for (const auto* item : flatten_items(meeting.items))
        text += item->number + ". " + item->title + "\n";
    if (!url.empty())
        text += (text.empty() ? "" : "\n") + std::string("Agenda and papers: ") + url;
    return text;
}

std::string planned_description(const data::PlannedMeeting& planned, const std::string& url) {
    std::string text = "Provisional: the forward plan expects this meeting.";
    if (!planned.reports.empty())
        text += "\nReports planned:\n";
    for (const auto& report : planned.reports)
        text += "- " + report.title + "\n";
    if (!url.empty())
        text += "\nForward plan: " + url;
    return text;
}

} // namespace

void write_site_feed(const SiteContext& context, OutputTree& output) {
    write_one_feed(context, nullptr, "feed.xml", output);
}

void write_board_feed(const SiteContext& context, const Board& board, OutputTree& output) {
    write_one_feed(context, &board, board_feed_path(board), output);
}

void write_board_calendar(const SiteContext& context, const Board& board, OutputTree& output) {
    std::string stamp = ics_timestamp(build_timestamp(context.site));
    std::string host = host_of(context.site.config.base_url);
    bool absolute = !context.site.config.base_url.empty();
    std::vector<CalendarEvent> events;
    for (const auto& meeting : board.meetings) {
        CalendarEvent event;
        event.uid = board.slug + "-" + meeting.slug + "@" + host;
        event.date = meeting.date;
        event.start_minutes = meeting.start_minutes;
        event.end_minutes = meeting.end_minutes;
        event.summary = meeting_title(board, meeting);
        event.location = meeting.venue;
        event.url = absolute ? absolute_url(context, meeting_href(board, meeting)) : "";
        event.description = agenda_description(meeting, event.url);
        event.cancelled = meeting.status == content::MeetingStatus::cancelled;
        events.push_back(event);
    }
    if (board.forward_plan)
        for (const auto& planned : board.forward_plan->meetings) {
            bool listed = std::any_of(board.meetings.begin(), board.meetings.end(),
                                      [&](const Meeting& m) { return m.date == planned.date; });
            if (listed)
                continue;
            CalendarEvent event;
            event.uid = board.slug + "-" + planned.date.iso() + "-planned@" + host;
            event.date = planned.date;
            event.start_minutes = board.start_minutes;
            event.end_minutes = board.end_minutes;
            event.summary = board.name + " (provisional)";
            event.location = board.venue;
            std::string plan_url = absolute && has_forward_plan_page(board)
                                       ? absolute_url(context, forward_plan_path(board))
                                       : std::string();
            event.description = planned_description(planned, plan_url);
            event.tentative = true;
            events.push_back(event);
        }
    std::stable_sort(events.begin(), events.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    output.write(board_dir(board) + "/calendar.ics",
                 ics_calendar(board.name, stamp, events, context.site.config.time_zone));
}

void write_sitemap(const SiteContext& context, OutputTree& output) {
    std::vector<std::string> pages;
    for (const auto& path : output.written(".html"))
        if (path != "404.html")
            pages.push_back(path);
    output.write("sitemap.xml", sitemap_xml(context.site.config.base_url, pages));
}

} // namespace bp::site
