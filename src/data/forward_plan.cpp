#include "data/forward_plan.hpp"

#include "data/yaml_source.hpp"

#include <algorithm>

namespace bp::data {

namespace {

std::optional<PlannedReport> read_report(const YAML::Node& node, const SourceLocation& origin,
                                         DiagnosticSink& sink) {
    if (!node.IsMap()) {
        sink.error(location_of(node, origin), "a planned report must be a map",
                   "write { title: …, purpose: …, lead: … }");
        return std::nullopt;
    }
    check_keys(node, {"title", "purpose", "lead", "notes", "standing", "restricted"}, origin, sink,
               "a planned report");
    PlannedReport report;
    report.location = location_of(node, origin);
    auto title = read_string(node, "title", origin, sink, true);
    if (!title)
        return std::nullopt;
    report.title = *title;
    report.purpose =
        read_choice(node, "purpose", {"decision", "information", "discussion"}, origin, sink)
            .value_or("");
    report.lead = read_string(node, "lead", origin, sink).value_or("");
    report.notes = read_string(node, "notes", origin, sink).value_or("");
    report.standing = read_bool(node, "standing", origin, sink).value_or(false);
    report.restricted = read_bool(node, "restricted", origin, sink).value_or(false);
    return report;
}

std::optional<PlannedMeeting> read_meeting(const YAML::Node& node, const SourceLocation& origin,
                                           DiagnosticSink& sink) {
    if (!node.IsMap()) {
        sink.error(location_of(node, origin), "a planned meeting must be a map",
                   "write '- date: 2018-06-12' with its 'reports:' beneath");
        return std::nullopt;
    }
    check_keys(node, {"date", "reports"}, origin, sink, "a planned meeting");
    auto date = read_date(node, "date", origin, sink, true);
    if (!date)
        return std::nullopt;
    PlannedMeeting meeting;
    meeting.date = *date;
    meeting.location = location_of(node, origin);
    YAML::Node reports = node["reports"];
    if (reports && !reports.IsNull() && !reports.IsSequence()) {
        sink.error(location_of(reports, origin), "'reports' must be a list",
                   "start each report on its own line with '- '");
        return meeting;
    }
    if (reports && reports.IsSequence())
        for (const auto& entry : reports)
            if (auto report = read_report(entry, origin, sink))
                meeting.reports.push_back(std::move(*report));
    return meeting;
}

} // namespace

std::string printed_notes(const PlannedReport& report) {
    if (!report.restricted)
        return report.notes;
    return report.notes.empty() ? "Not for publication." : "Not for publication. " + report.notes;
}

std::vector<const PlannedMeeting*> ForwardPlan::after(Date date) const {
    std::vector<const PlannedMeeting*> out;
    for (const auto& meeting : meetings)
        if (meeting.date > date)
            out.push_back(&meeting);
    return out;
}

const PlannedMeeting* ForwardPlan::on(Date date) const {
    for (const auto& meeting : meetings)
        if (meeting.date == date)
            return &meeting;
    return nullptr;
}

ForwardPlan parse_forward_plan(std::string_view text, const std::string& path,
                               DiagnosticSink& sink) {
    ForwardPlan plan;
    plan.source_path = path;
    SourceLocation origin{path, 1, 1};
    auto root = parse_yaml(text, origin, sink);
    if (!root || root->IsNull())
        return plan;
    if (!root->IsMap()) {
        sink.error(origin, "forward-plan.yaml must start with 'meetings:'");
        return plan;
    }
    check_keys(*root, {"meetings"}, origin, sink, "forward-plan.yaml");
    YAML::Node meetings = (*root)["meetings"];
    if (!meetings || meetings.IsNull())
        return plan;
    if (!meetings.IsSequence()) {
        sink.error(location_of(meetings, origin), "'meetings' must be a list",
                   "start each meeting with '- date: YYYY-MM-DD'");
        return plan;
    }
    for (const auto& entry : meetings) {
        auto meeting = read_meeting(entry, origin, sink);
        if (!meeting)
            continue;
        if (plan.on(meeting->date)) {
            sink.error(meeting->location,
                       "the forward plan lists " + meeting->date.iso() + " twice",
                       "put all of that meeting's reports under one entry");
            continue;
        }
        plan.meetings.push_back(std::move(*meeting));
    }
    std::stable_sort(plan.meetings.begin(), plan.meetings.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    return plan;
}

std::shared_ptr<const ForwardPlan>
load_forward_plan(const FileSystem& files, const std::string& path, DiagnosticSink& sink) {
    auto text = files.read(path);
    if (!text)
        return std::make_shared<const ForwardPlan>();
    return std::make_shared<const ForwardPlan>(parse_forward_plan(*text, path, sink));
}

} // namespace bp::data
