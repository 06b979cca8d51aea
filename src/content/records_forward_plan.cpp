// ```forward-plan: the reports planned for the board's future meetings.
#include "content/records_blocks.hpp"
#include "content/records_handlers.hpp"
#include "core/text.hpp"
#include "data/forward_plan.hpp"
#include "data/yaml_source.hpp"

namespace bp::content::records {

namespace {

// Letters and digits only, lower case, so "Chair’s report" matches "Chairs Report".
std::string comparable_title(std::string_view title) {
    std::string out;
    bool space = false;
    for (char c : to_lower_ascii(title)) {
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word) {
            if (space && !out.empty())
                out += ' ';
            out += c;
            space = false;
        } else if (c == ' ' || c == '-' || c == ',') {
            space = true;
        }
    }
    return out;
}

void collect_titles(const std::vector<AgendaItem>& items, std::vector<std::string>& titles) {
    for (const auto& item : items) {
        titles.push_back(item.title);
        for (const auto& paper : item.papers)
            if (!paper.title.empty())
                titles.push_back(paper.title);
        collect_titles(item.sub_items, titles);
    }
}

bool is_on_agenda(const std::string& planned, const std::vector<std::string>& titles) {
    std::string wanted = comparable_title(planned);
    for (const auto& title : titles) {
        std::string actual = comparable_title(title);
        if (!wanted.empty() && actual.find(wanted) != std::string::npos)
            return true;
    }
    return false;
}

const Meeting* next_meeting(const Board& board, const Meeting& meeting) {
    for (const auto& other : board.meetings)
        if (other.date > meeting.date && other.status != MeetingStatus::cancelled)
            return &other;
    return nullptr;
}

// Only the next meeting is checked, so each planned report is checked once across the archive
// (by the meeting before it) and never for meetings too far ahead to have papers yet.
void check_next_meeting(const data::ForwardPlan& plan, const Board& board, const Meeting& meeting,
                        DiagnosticSink& sink) {
    const Meeting* next = next_meeting(board, meeting);
    if (!next)
        return;
    const data::PlannedMeeting* planned = plan.on(next->date);
    if (!planned)
        return;
    std::vector<std::string> titles;
    collect_titles(next->items, titles);
    for (const auto& report : planned->reports) {
        if (is_on_agenda(report.title, titles))
            continue;
        auto suggestion = data::closest_match(report.title, titles);
        sink.warning(report.location,
                     "'" + report.title + "' is planned for " + next->date.medium_form() +
                         " but that meeting has no paper or agenda item of that title",
                     suggestion ? "did you mean '" + *suggestion + "'?"
                                : "add it to " + next->folder +
                                      "/meeting.yaml, or move it to a "
                                      "later meeting in the plan");
    }
}

std::string purpose_text(const std::string& purpose) {
    if (purpose.empty())
        return "";
    std::string out = "For " + purpose;
    return out;
}

doc::Block meeting_table(const data::PlannedMeeting& planned, const SourceLocation& where) {
    std::vector<doc::TableRow> rows;
    for (const auto& report : planned.reports) {
        std::string notes = data::printed_notes(report);
        if (report.standing)
            notes = notes.empty() ? "Standing item" : "Standing item. " + notes;
        doc::TableRow row;
        row.cells.push_back(text_cell(report.title, where));
        row.cells.push_back(text_cell(purpose_text(report.purpose), where));
        row.cells.push_back(text_cell(report.lead, where));
        row.cells.push_back(text_cell(notes, where));
        rows.push_back(std::move(row));
    }
    return table({"Report", "Purpose", "Lead", "Notes"}, std::move(rows), where, "forward-plan",
                 planned.date.medium_form());
}

} // namespace

std::vector<doc::Block> forward_plan_directive(const doc::Block& directive, const YAML::Node& body,
                                               const SourceLocation& origin,
                                               DirectiveContext& context) {
    if (!check_body(body, {"meetings"}, origin, context.sink, "forward-plan"))
        return {};
    int limit = 0;
    if (body.IsMap()) {
        limit = data::read_int(body, "meetings", origin, context.sink).value_or(0);
        if (limit < 0) {
            context.sink.error(data::location_of(body["meetings"], origin),
                               "'meetings' must be a positive number of meetings to show");
            limit = 0;
        }
    }
    static const data::ForwardPlan empty_plan;
    const data::ForwardPlan& plan =
        context.board.forward_plan ? *context.board.forward_plan : empty_plan;
    check_next_meeting(plan, context.board, context.meeting, context.sink);
    std::vector<doc::Block> blocks;
    for (const auto* planned : plan.after(context.meeting.date)) {
        if (limit > 0 && static_cast<int>(blocks.size()) >= limit)
            break;
        blocks.push_back(meeting_table(*planned, directive.location));
    }
    if (blocks.empty())
        blocks.push_back(
            paragraph("No reports are planned for future meetings yet.", directive.location));
    return blocks;
}

} // namespace bp::content::records
