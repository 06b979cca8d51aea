#pragma once
// forward-plan.yaml: the reports the board expects at its future meetings.
#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/filesystem.hpp"

#include <memory>
#include <string>
#include <vector>

namespace bp::data {

struct PlannedReport {
    std::string title;
    std::string purpose; // "decision", "information", "discussion" or empty
    std::string lead;
    std::string notes;
    bool standing = false;   // on every agenda
    bool restricted = false; // not for publication: the public see its title only
    SourceLocation location;
};

// The notes as printed: "Not for publication." before them for a restricted report.
std::string printed_notes(const PlannedReport& report);

struct PlannedMeeting {
    Date date;
    std::vector<PlannedReport> reports;
    SourceLocation location;
};

struct ForwardPlan {
    std::vector<PlannedMeeting> meetings; // by date
    std::string source_path;              // empty when the board has no forward plan

    // Planned meetings later than `date`, soonest first.
    std::vector<const PlannedMeeting*> after(Date date) const;
    const PlannedMeeting* on(Date date) const;
};

// Parses forward-plan.yaml text; every problem is located, and what can be read is kept.
ForwardPlan parse_forward_plan(std::string_view text, const std::string& path,
                               DiagnosticSink& sink);

// A missing file gives an empty plan without complaint.
std::shared_ptr<const ForwardPlan> load_forward_plan(const FileSystem& files,
                                                     const std::string& path, DiagnosticSink& sink);

} // namespace bp::data
