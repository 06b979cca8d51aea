#pragma once
// The site index as text: everything the index holds that later stages read, and every
// diagnostic, so that two ways of reading a site can be compared whole.
#include "content/load.hpp"
#include "content/publish_record.hpp"
#include "data/actions.hpp"
#include "data/indicators.hpp"

#include <sstream>

inline void dump_location(std::ostream& out, const bp::SourceLocation& where) {
    out << " @" << where.file << ":" << where.line << ":" << where.column;
}

inline void dump_paper(std::ostream& out, const bp::content::Paper& paper, int depth) {
    out << std::string(depth * 2, ' ') << paper.source_path << " " << paper.slug << " "
        << paper.title << " | " << paper.author << " | " << paper.job_title << " | "
        << paper.contact << " | " << paper.summary << " | " << paper.kind << " "
        << (paper.date ? paper.date->iso() : "-") << " " << static_cast<int>(paper.security) << " "
        << paper.marking << paper.marking_public << " " << paper.exempt.paragraph
        << paper.exempt.reason << " " << paper.landscape << paper.is_pdf << " " << paper.native_path
        << " " << paper.supplementary;
    dump_location(out, paper.location);
    dump_location(out, paper.marking_location);
    out << "\n";
}

inline void dump_items(std::ostream& out, const std::vector<bp::content::AgendaItem>& items,
                       int depth) {
    for (const auto& item : items) {
        out << std::string(depth * 2, ' ') << item.number << " " << item.title << " | "
            << item.description << " | " << item.presenter << " | " << item.presenters.size() << " "
            << static_cast<int>(item.kind) << " " << item.minutes << " "
            << static_cast<int>(item.purpose) << " " << item.restricted << item.part_two
            << item.verbal << item.withheld << " " << item.exempt.paragraph << item.exempt.reason
            << " " << item.supplementary;
        dump_location(out, item.location);
        out << "\n";
        for (const auto& paper : item.papers)
            dump_paper(out, paper, depth + 1);
        dump_items(out, item.sub_items, depth + 1);
    }
}

inline void dump_meeting(std::ostream& out, const bp::content::Meeting& meeting) {
    out << meeting.folder << " " << meeting.slug << " " << meeting.title << " "
        << meeting.date.iso() << " " << meeting.data_date.iso() << " " << meeting.start_minutes
        << "-" << meeting.end_minutes << " " << meeting.venue << " "
        << static_cast<int>(meeting.status) << " " << meeting.part_two << " "
        << (meeting.published ? meeting.published->date : "unpublished") << " "
        << meeting.supplementary;
    dump_location(out, meeting.location);
    out << "\n";
    for (const auto& declaration : meeting.declarations)
        out << " declared " << declaration.name << " " << declaration.item << " "
            << declaration.interest << "\n";
    for (const auto& republication : meeting.republications)
        out << " republished " << republication.version << " " << republication.date.iso() << " "
            << republication.reason << "\n";
    if (meeting.minutes) {
        const bp::content::MinutesRecord& record = *meeting.minutes;
        out << " minutes " << record.paper_source << " " << record.holder << " "
            << record.holder_item << " " << record.decisions.size() << " "
            << record.attendance.present.size() << " " << record.approved_at << " by "
            << record.attendance.minutes_by << "\n";
        for (const auto* list : {&record.attendance.present, &record.attendance.apologies,
                                 &record.attendance.absent, &record.attendance.in_attendance})
            for (const auto& attendee : *list)
                out << "  attendee " << attendee.name << " (" << attendee.note << ") "
                    << attendee.person << "\n";
        for (const auto& decision : record.decisions)
            out << "  decided " << decision.item << " " << decision.item_title << ": "
                << decision.text << " [" << decision.points.size() << "] #" << decision.anchor
                << "\n";
    }
    dump_items(out, meeting.items, 1);
}

// The index `load` reads, and what it reports, as text.
template <typename Load> std::string index_dump(Load&& load) {
    bp::DiagnosticSink sink;
    bp::content::Site site = load(sink);
    std::ostringstream out;
    for (const auto& board : site.boards) {
        out << board.slug << " " << board.name << " actions "
            << (board.actions ? board.actions->actions.size() : 0) << " indicators "
            << (board.indicators ? board.indicators->indicators.size() : 0) << "\n";
        for (const auto& meeting : board.meetings)
            dump_meeting(out, meeting);
        if (board.actions)
            for (const auto& action : board.actions->actions)
                out << " action " << action.id << " " << action.raised.iso() << " "
                    << action.sequence << " " << action.text << " | " << action.lead << " | "
                    << action.others << " " << (action.due ? action.due->iso() : "-") << " "
                    << static_cast<int>(action.status) << " " << action.updates.size() << " "
                    << action.members_only << "\n";
    }
    for (const auto& diagnostic : sink.sorted())
        out << bp::format_diagnostic(diagnostic) << "\n";
    return out.str();
}

// The index read on `jobs` threads, as text.
inline std::string index_dump(const bp::FileSystem& files, unsigned jobs) {
    return index_dump(
        [&](bp::DiagnosticSink& sink) { return bp::content::load_site_index(files, sink, jobs); });
}
