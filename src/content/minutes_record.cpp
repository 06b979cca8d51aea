#include "content/minutes_record.hpp"

#include "content/attendance.hpp"
#include "content/decisions.hpp"
#include "content/minutes.hpp"
#include "data/yaml_source.hpp"

#include <map>

namespace bp::content {

namespace {

struct MinutesPaper {
    const AgendaItem* item;
    const Paper* paper;
};

void add_minutes_papers(const std::vector<AgendaItem>& items, std::vector<MinutesPaper>& out) {
    for (const auto& item : items) {
        for (const auto& paper : item.papers)
            if (paper.kind == "minutes" && !paper.is_pdf)
                out.push_back({&item, &paper});
        add_minutes_papers(item.sub_items, out);
    }
}

Meeting* meeting_on(Board& board, const Date& date) {
    for (auto& meeting : board.meetings)
        if (meeting.date == date)
            return &meeting;
    return nullptr;
}

// What one minutes paper says about approving earlier minutes.
struct Approval {
    std::string approver;         // slug of the meeting the paper records
    std::optional<Date> approves; // the `approves:` date, when given
    SourceLocation approves_location;
};

std::optional<Approval> read_record(MinutesSources& sources, Board& board, const Meeting& holder,
                                    const MinutesPaper& minutes, DiagnosticSink& sink) {
    const MinutesSource* source = sources.get(minutes.paper->source_path);
    if (!source)
        return std::nullopt;
    // The paper loader and the action log report malformed front matter, Markdown and
    // unknown recorded meetings; reporting them here too would say everything twice.
    DiagnosticSink already_reported;
    const FrontMatter& front = source->front;
    Attendance attendance = read_attendance(front.yaml, front.yaml_origin, board, sink);
    auto recorded_date =
        recorded_meeting_date(front.yaml, front.yaml_origin, board, holder, already_reported);
    Meeting* recorded = recorded_date ? meeting_on(board, *recorded_date) : nullptr;
    std::vector<Decision> decisions = read_decisions(source->body, recorded, sink);
    if (!recorded)
        return std::nullopt;
    if (recorded->minutes) {
        sink.warning(minutes.paper->location,
                     "the meeting of " + recorded->date.medium_form() +
                         " already has minutes, in " + recorded->minutes->paper_source,
                     "give these minutes 'records: YYYY-MM-DD' naming the meeting they record");
        return std::nullopt;
    }
    recorded->minutes =
        MinutesRecord{holder.slug,           minutes.item->number, minutes.paper->source_path,
                      std::move(attendance), std::move(decisions), ""};
    Approval approval{recorded->slug, std::nullopt, front.yaml_origin};
    if (front.yaml.IsMap() && front.yaml["approves"]) {
        approval.approves = data::read_date(front.yaml, "approves", front.yaml_origin, sink);
        approval.approves_location = data::location_of(front.yaml["approves"], front.yaml_origin);
    }
    return approval;
}

void apply_approval(Board& board, const Approval& approval, DiagnosticSink& sink) {
    if (approval.approves) {
        Meeting* approved = meeting_on(board, *approval.approves);
        if (!approved || !approved->minutes) {
            sink.warning(approval.approves_location,
                         "there are no minutes of a meeting on " + approval.approves->iso() +
                             " to approve",
                         "'approves' names the meeting whose minutes these minutes approve");
            return;
        }
        approved->minutes->approved_at = approval.approver;
        return;
    }
    for (auto& meeting : board.meetings)
        if (meeting.minutes && meeting.minutes->holder == approval.approver)
            meeting.minutes->approved_at = approval.approver;
}

} // namespace

void attach_minutes_records(MinutesSources& sources, Board& board, DiagnosticSink& sink) {
    std::vector<Approval> approvals;
    for (std::size_t i = 0; i < board.meetings.size(); ++i) {
        std::vector<MinutesPaper> papers;
        add_minutes_papers(board.meetings[i].items, papers);
        for (const auto& minutes : papers)
            if (auto approval = read_record(sources, board, board.meetings[i], minutes, sink))
                approvals.push_back(std::move(*approval));
    }
    for (const auto& approval : approvals)
        apply_approval(board, approval, sink);
}

const Meeting* find_meeting(const Board& board, const Date& date) {
    for (const auto& meeting : board.meetings)
        if (meeting.date == date)
            return &meeting;
    return nullptr;
}

} // namespace bp::content
