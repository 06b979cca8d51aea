#include "content/board_records_note.hpp"

#include "content/note_codec.hpp"

namespace bp::content {

namespace {

// Every field of these is kept below; one added must be kept here as well, or a memo would
// give back records without it. Their sizes (x86-64, libstdc++) make the compiler say so.
static_assert(sizeof(void*) != 8 || sizeof(MinutesRecord) == 280, "keep the record's new field");
static_assert(sizeof(void*) != 8 || sizeof(Attendance) == 128, "keep the new field");
static_assert(sizeof(void*) != 8 || sizeof(Attendee) == 112, "keep the attendee's new field");
static_assert(sizeof(void*) != 8 || sizeof(Decision) == 168, "keep the decision's new field");
static_assert(sizeof(void*) != 8 || sizeof(data::Action) == 256, "keep the action's new field");
static_assert(sizeof(void*) != 8 || sizeof(data::ActionUpdate) == 64, "keep the new field");
static_assert(sizeof(void*) != 8 || sizeof(data::ActionLog) == 24, "keep the log's new field");

void write_attendees(NoteWriter& out, const std::vector<Attendee>& attendees) {
    out.number(static_cast<long long>(attendees.size()));
    for (const auto& attendee : attendees) {
        for (const auto* text : {&attendee.name, &attendee.note, &attendee.person})
            out.text(*text);
        out.location(attendee.location);
    }
}

std::vector<Attendee> read_attendees(NoteReader& in) {
    std::vector<Attendee> attendees(in.count());
    for (auto& attendee : attendees) {
        for (auto* text : {&attendee.name, &attendee.note, &attendee.person})
            *text = in.text();
        attendee.location = in.location();
    }
    return attendees;
}

void write_record(NoteWriter& out, const MinutesRecord& record) {
    for (const auto* text : {&record.holder, &record.holder_item, &record.paper_source})
        out.text(*text);
    const Attendance& attendance = record.attendance;
    for (const auto* list : {&attendance.present, &attendance.apologies, &attendance.absent,
                             &attendance.in_attendance})
        write_attendees(out, *list);
    out.text(attendance.minutes_by);
    out.number(static_cast<long long>(record.decisions.size()));
    for (const auto& decision : record.decisions) {
        for (const auto* text : {&decision.item, &decision.item_title, &decision.text})
            out.text(*text);
        out.number(static_cast<long long>(decision.points.size()));
        for (const auto& point : decision.points)
            out.text(point);
        out.text(decision.anchor);
        out.location(decision.location);
    }
    out.text(record.approved_at);
}

MinutesRecord read_record(NoteReader& in) {
    MinutesRecord record;
    for (auto* text : {&record.holder, &record.holder_item, &record.paper_source})
        *text = in.text();
    Attendance& attendance = record.attendance;
    for (auto* list : {&attendance.present, &attendance.apologies, &attendance.absent,
                       &attendance.in_attendance})
        *list = read_attendees(in);
    attendance.minutes_by = in.text();
    record.decisions.resize(in.count());
    for (auto& decision : record.decisions) {
        for (auto* text : {&decision.item, &decision.item_title, &decision.text})
            *text = in.text();
        decision.points.resize(in.count());
        for (auto& point : decision.points)
            point = in.text();
        decision.anchor = in.text();
        decision.location = in.location();
    }
    record.approved_at = in.text();
    return record;
}

void write_action(NoteWriter& out, const data::Action& action) {
    out.text(action.id);
    out.date(action.raised);
    out.number(action.sequence);
    for (const auto* text : {&action.text, &action.lead, &action.others})
        out.text(*text);
    out.optional_date(action.start);
    out.optional_date(action.due);
    out.number(static_cast<int>(action.status));
    out.optional_date(action.completed);
    out.number(action.rag_override ? static_cast<int>(*action.rag_override) : -1);
    out.number(static_cast<long long>(action.updates.size()));
    for (const auto& update : action.updates) {
        out.optional_date(update.date);
        out.text(update.text);
        out.location(update.location);
    }
    out.location(action.location);
    out.flag(action.members_only);
}

data::Action read_action(NoteReader& in) {
    data::Action action;
    action.id = in.text();
    action.raised = in.date();
    action.sequence = in.integer();
    for (auto* text : {&action.text, &action.lead, &action.others})
        *text = in.text();
    action.start = in.optional_date();
    action.due = in.optional_date();
    action.status = in.choice(data::ActionStatus::dropped);
    action.completed = in.optional_date();
    if (long long rag = in.number(); rag >= 0) {
        if (rag > static_cast<long long>(Rag::blue))
            throw std::invalid_argument("a RAG out of range in a kept note");
        action.rag_override = static_cast<Rag>(rag);
    }
    action.updates.resize(in.count());
    for (auto& update : action.updates) {
        update.date = in.optional_date();
        update.text = in.text();
        update.location = in.location();
    }
    action.location = in.location();
    action.members_only = in.flag();
    return action;
}

} // namespace

BoardRecords records_of(const Board& board) {
    BoardRecords records;
    records.minutes.reserve(board.meetings.size());
    for (const auto& meeting : board.meetings)
        records.minutes.push_back(meeting.minutes);
    records.actions = board.actions;
    return records;
}

bool apply_records(Board& board, BoardRecords records) {
    if (records.minutes.size() != board.meetings.size())
        return false;
    for (std::size_t i = 0; i < board.meetings.size(); ++i)
        board.meetings[i].minutes = std::move(records.minutes[i]);
    board.actions = std::move(records.actions);
    return true;
}

std::string board_records_note(const BoardRecords& records) {
    NoteWriter out;
    out.number(static_cast<long long>(records.minutes.size()));
    for (const auto& record : records.minutes) {
        out.flag(record.has_value());
        if (record)
            write_record(out, *record);
    }
    out.flag(records.actions != nullptr);
    if (records.actions) {
        out.number(static_cast<long long>(records.actions->actions.size()));
        for (const auto& action : records.actions->actions)
            write_action(out, action);
    }
    return out.take();
}

std::optional<BoardRecords> board_records_from_note(std::string_view note) {
    NoteReader in(note);
    BoardRecords records;
    try {
        records.minutes.resize(in.count());
        for (auto& record : records.minutes)
            if (in.flag())
                record = read_record(in);
        if (in.flag()) {
            auto log = std::make_shared<data::ActionLog>();
            std::size_t count = in.count();
            log->actions.reserve(count);
            for (std::size_t n = 0; n < count; ++n)
                log->actions.push_back(read_action(in));
            records.actions = std::move(log);
        }
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    if (!in.done())
        return std::nullopt;
    return records;
}

} // namespace bp::content
