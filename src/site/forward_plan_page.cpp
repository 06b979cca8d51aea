#include "site/forward_plan_page.hpp"

#include "data/forward_plan.hpp"
#include "site/board_records.hpp"
#include "site/site_paths.hpp"

namespace bp::site {
namespace {

std::string purpose_words(const std::string& purpose) {
    if (purpose == "decision")
        return "For decision";
    if (purpose == "information")
        return "For information";
    if (purpose == "discussion")
        return "For discussion";
    return purpose;
}

TemplateData report_rows(const data::PlannedMeeting& planned) {
    TemplateData rows = list_data();
    for (const auto& report : planned.reports) {
        TemplateData row = object_data();
        put(row, "title", report.title);
        put(row, "purpose", text_data(purpose_words(report.purpose)));
        put(row, "lead", text_data(report.lead));
        put(row, "notes", text_data(data::printed_notes(report)));
        put(row, "standing", report.standing ? "Yes" : "No");
        rows.push_back(row);
    }
    return rows;
}

TemplateData planned_meeting(const content::Board& board, const data::PlannedMeeting& planned) {
    TemplateData data = object_data();
    put(data, "date", planned.date.long_form());
    put(data, "id", "meeting-" + planned.date.iso());
    const content::Meeting* meeting = meeting_on(board, planned.date);
    bool upcoming = meeting && meeting->status != content::MeetingStatus::cancelled;
    put(data, "upcoming", upcoming);
    put(data, "cancelled", meeting && meeting->status == content::MeetingStatus::cancelled);
    put(data, "meeting_href",
        meeting ? TemplateData(meeting->slug + "/index.html") : TemplateData(false));
    put(data, "has_reports", !planned.reports.empty());
    put(data, "reports", report_rows(planned));
    return data;
}

} // namespace

void write_forward_plan_page(const SiteContext& context, const content::Board& board,
                             OutputTree& output) {
    if (!has_forward_plan_page(board))
        return;
    auto after = latest_held_date(board);
    std::vector<const data::PlannedMeeting*> future;
    for (const auto& planned : board.forward_plan->meetings)
        if (!after || planned.date > *after)
            future.push_back(&planned);
    TemplateData meetings = list_data();
    for (const auto* planned : future)
        meetings.push_back(planned_meeting(board, *planned));
    TemplateData page = object_data();
    put(page, "board_name", board.name);
    put(page, "after", after ? text_data(after->medium_form()) : TemplateData(false));
    put(page, "has_meetings", !future.empty());
    put(page, "meetings", meetings);
    std::string label = board.short_name.empty() ? board.name : board.short_name;
    write_page(context,
               {"forward_plan",
                forward_plan_path(board),
                "Forward plan",
                {{"Home", "index.html"}, {label, board_dir(board) + "/index.html"}}},
               std::move(page), output);
}

} // namespace bp::site
