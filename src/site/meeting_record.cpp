#include "site/meeting_record.hpp"

#include "content/minutes_record_blocks.hpp"
#include "core/text.hpp"
#include "site/decisions_page.hpp"
#include "site/site_paths.hpp"

namespace bp::site {
namespace {

using content::AgendaItem;
using content::Board;
using content::Meeting;

const Meeting* meeting_by_slug(const Board& board, const std::string& slug) {
    for (const auto& meeting : board.meetings)
        if (meeting.slug == slug)
            return &meeting;
    return nullptr;
}

const AgendaItem* item_numbered(const Meeting& meeting, const std::string& number) {
    for (const auto* item : flatten_items(meeting.items))
        if (item->number == number)
            return item;
    return nullptr;
}

TemplateData meeting_link(const Meeting& meeting, const std::string& prefix) {
    return link_data(meeting.date.medium_form(), prefix + meeting.slug + "/index.html");
}

std::string status_text(const content::MinutesRecord& record) {
    return record.approved_at.empty() ? "Draft minutes" : "Approved minutes";
}

TemplateData attendance_data(const content::Attendance& attendance) {
    TemplateData groups = list_data();
    auto add = [&](const char* label, const std::vector<content::Attendee>& attendees) {
        if (attendees.empty())
            return;
        TemplateData group = object_data();
        put(group, "label", label);
        put(group, "names", content::attendee_names(attendees));
        groups.push_back(group);
    };
    add("Present", attendance.present);
    add("Apologies", attendance.apologies);
    add("Absent", attendance.absent);
    add("In attendance", attendance.in_attendance);
    if (!attendance.minutes_by.empty())
        add("Minutes taken by", {{attendance.minutes_by, "", "", {}}});
    return groups;
}

// What the audience may see of an item's business: nothing of a withheld item.
bool item_visible(const Meeting& meeting, const std::string& number, content::Audience audience) {
    const AgendaItem* item = item_numbered(meeting, number);
    return !item || !item_withheld(*item, audience);
}

TemplateData declarations_data(const Meeting& meeting, content::Audience audience) {
    TemplateData list = list_data();
    for (const auto& declaration : meeting.declarations) {
        if (!declaration.item.empty() && !item_visible(meeting, declaration.item, audience))
            continue;
        TemplateData entry = object_data();
        put(entry, "name", declaration.name);
        put(entry, "item", text_data(declaration.item));
        put(entry, "interest", declaration.interest);
        list.push_back(entry);
    }
    return list;
}

TemplateData points_data(const std::vector<std::string>& points) {
    TemplateData list = list_data();
    for (const auto& point : points)
        list.push_back(TemplateData(point));
    return list;
}

} // namespace

std::string minutes_path(const SiteContext& context, const Board& board, const Meeting& meeting) {
    if (!meeting.minutes)
        return {};
    const Meeting* holder = meeting_by_slug(board, meeting.minutes->holder);
    if (!holder)
        return {};
    const AgendaItem* item = item_numbered(*holder, meeting.minutes->holder_item);
    if (!item || item_withheld(*item, context.audience))
        return {};
    for (const auto* paper : visible_papers(*item, context.audience))
        if (paper->source_path == meeting.minutes->paper_source)
            return meeting_dir(board, *holder) + "/" + paper_file(*item, *paper);
    return {};
}

TemplateData meeting_record_data(const SiteContext& context, const Board& board,
                                 const Meeting& meeting) {
    if (!meeting.minutes)
        return false;
    const content::MinutesRecord& record = *meeting.minutes;
    std::string path = minutes_path(context, board, meeting);
    // From the meeting page (board/slug/index.html) to the minutes page.
    std::string href = path.empty() ? "" : "../../" + path;
    TemplateData data = object_data();
    put(data, "status", status_text(record));
    put(data, "draft", record.approved_at.empty());
    put(data, "minutes_href", text_data(href));
    const Meeting* approver = meeting_by_slug(board, record.approved_at);
    put(data, "approved_at", approver ? meeting_link(*approver, "../") : TemplateData(false));
    put(data, "published", !path.empty());
    if (path.empty()) // the minutes are withheld from this audience, and so is what they say
        return data;
    TemplateData attendance = attendance_data(record.attendance);
    put(data, "has_attendance", !attendance.list_value().empty());
    put(data, "attendance", attendance);
    TemplateData declarations = declarations_data(meeting, context.audience);
    put(data, "has_declarations", !declarations.list_value().empty());
    put(data, "declarations", declarations);
    TemplateData decisions = list_data();
    for (const auto& decision : record.decisions) {
        if (!item_visible(meeting, decision.item, context.audience))
            continue;
        TemplateData entry = object_data();
        put(entry, "item", decision.item);
        put(entry, "title", decision.item_title);
        put(entry, "text", decision.text);
        put(entry, "points", points_data(decision.points));
        put(entry, "has_points", !decision.points.empty());
        put(entry, "href", href + (decision.anchor.empty() ? "" : "#" + decision.anchor));
        decisions.push_back(entry);
    }
    put(data, "has_decisions", !decisions.list_value().empty());
    put(data, "decisions_page_href",
        has_decisions_page(board) ? TemplateData("../decisions.html") : TemplateData(false));
    put(data, "decisions", decisions);
    return data;
}

TemplateData minutes_links_data(const Board& board, const content::Paper& paper) {
    if (paper.kind != "minutes")
        return false;
    for (const auto& meeting : board.meetings) {
        if (!meeting.minutes || meeting.minutes->paper_source != paper.source_path)
            continue;
        TemplateData data = object_data();
        put(data, "status", status_text(*meeting.minutes));
        put(data, "records", meeting_link(meeting, "../"));
        const Meeting* approver = meeting_by_slug(board, meeting.minutes->approved_at);
        put(data, "approved_at", approver ? meeting_link(*approver, "../") : TemplateData(false));
        return data;
    }
    return false;
}

TemplateData attendance_figure(const Board& board, const content::Person& person) {
    int held = 0, attended = 0;
    for (const auto& meeting : board.meetings) {
        if (!meeting.minutes || meeting.minutes->attendance.present.empty())
            continue;
        ++held;
        for (const auto& attendee : meeting.minutes->attendance.present)
            if (attendee.person == person.name) {
                ++attended;
                break;
            }
    }
    if (held == 0)
        return false;
    return TemplateData(std::to_string(attended) + " of " + std::to_string(held));
}

} // namespace bp::site
