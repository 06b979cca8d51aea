// A meeting and a board's records kept as notes come back whole, and the site's index read
// through a memo is the index read afresh: the same meetings, items, papers, minutes records,
// actions and diagnostics, whichever meetings and boards the memo gave back.
#include "content/meeting_memo.hpp"
#include "content/meeting_note.hpp"
#include "content/publish_record.hpp"
#include "data/actions.hpp"
#include "index_dump.hpp"
#include "site_fixture.hpp"

#include <doctest/doctest.h>
#include <map>
#include <mutex>

using namespace bp;
using namespace bp::content;

namespace {

// A memo keying a meeting by the board's fields the loader reads and every file of the meeting's
// folder, and a board's records by site.yaml and every file under the board's folder.
class FolderMemo final : public MeetingMemo {
  public:
    explicit FolderMemo(const FileSystem& files) : files_(files) {}

    std::optional<Meeting> recall(const Board& board, const std::string& folder,
                                  DiagnosticSink& sink) override {
        std::string key = key_of(board, folder);
        std::lock_guard lock(mutex_);
        auto found = kept_.find(folder);
        if (found == kept_.end() || found->second.key != key) {
            keys_[folder] = key;
            return std::nullopt;
        }
        for (const auto& warning : found->second.warnings)
            sink.report(warning);
        ++recalled;
        return meeting_from_note(found->second.note);
    }

    void keep(const Board&, const std::string& folder, const Meeting& meeting,
              const std::vector<Diagnostic>& warnings) override {
        auto note = meeting_note(meeting);
        std::lock_guard lock(mutex_);
        REQUIRE(note);
        kept_[folder] = {keys_.at(folder), *note, warnings};
        ++kept;
    }

    std::optional<BoardRecords> recall_records(const Board& board, DiagnosticSink& sink) override {
        std::string key = records_key_of(board);
        std::lock_guard lock(mutex_);
        auto found = records_.find(board.folder);
        if (found == records_.end() || found->second.key != key) {
            keys_[board.folder] = key;
            return std::nullopt;
        }
        for (const auto& warning : found->second.warnings)
            sink.report(warning);
        ++records_recalled;
        return board_records_from_note(found->second.note);
    }

    void keep_records(const Board& board, const BoardRecords& records,
                      const std::vector<Diagnostic>& warnings) override {
        std::lock_guard lock(mutex_);
        records_[board.folder] = {keys_.at(board.folder), board_records_note(records), warnings};
        ++records_kept;
    }

    int recalled = 0;
    int kept = 0;
    int records_recalled = 0;
    int records_kept = 0;

  private:
    std::string key_of(const Board& board, const std::string& folder) const {
        std::string key = board.name + "|" + board.venue + "|" +
                          std::to_string(board.start_minutes) + "|" +
                          std::to_string(board.end_minutes) + "|" + (board.part_two ? "2" : "1");
        for (const auto& name : files_.list(folder))
            key += "|" + name + "=" + files_.read(join_path(folder, name)).value_or("(folder)");
        return key;
    }
    // site.yaml and every file under the board's folder.
    std::string records_key_of(const Board& board) const {
        std::string key = files_.read("site.yaml").value_or("");
        std::vector<std::string> folders = {board.folder};
        while (!folders.empty()) {
            std::string folder = folders.back();
            folders.pop_back();
            for (const auto& name : files_.list(folder)) {
                std::string path = join_path(folder, name);
                if (files_.is_directory(path))
                    folders.push_back(path);
                key += "|" + path + "=" + files_.read(path).value_or("(folder)");
            }
        }
        return key;
    }
    struct Kept {
        std::string key;
        std::string note;
        std::vector<Diagnostic> warnings;
    };
    const FileSystem& files_;
    std::mutex mutex_;
    std::map<std::string, std::string> keys_;
    std::map<std::string, Kept> kept_;
    std::map<std::string, Kept> records_;
};

std::string dump_through(const FileSystem& files, FolderMemo& memo, unsigned jobs) {
    return index_dump(
        [&](DiagnosticSink& sink) { return load_site_index(files, sink, jobs, &memo); });
}

// Three boards of the small site, a paper left off one agenda (a warning) and a meeting with
// errors, which is never kept.
MemoryFileSystem three_boards() {
    MemoryFileSystem files = small_site_boards({"csp", "hwb", "audit"});
    files.add("content/hwb/2017-06-13/05-stray.md", "---\ntitle: Stray\n---\nText.\n");
    return files;
}

Paper full_paper(const std::string& path, int n) {
    Paper paper;
    paper.source_path = path;
    paper.slug = "slug-" + std::to_string(n);
    paper.title = "Title with a line break\nand: a colon " + std::to_string(n);
    paper.author = "Ayo Bello";
    paper.job_title = "Head of Community Safety";
    paper.contact = "ayo.bello@example.org";
    paper.summary = "A summary; with 12: digits";
    paper.kind = "performance-report";
    paper.date = Date{2017, 8, 31};
    paper.security = Security::restricted;
    paper.marking = "OFFICIAL-SENSITIVE";
    paper.marking_public = false;
    paper.marking_location = {path, 5, 10};
    paper.exempt = {3, ""};
    paper.landscape = true;
    paper.is_pdf = n % 2 == 0;
    paper.native_path = "/site/" + path;
    paper.location = {path, 2, 1};
    paper.supplementary = n;
    return paper;
}

// A meeting with every field the index fills set to something other than its default.
Meeting full_meeting() {
    Meeting meeting;
    meeting.slug = "2017-09-12";
    meeting.folder = "content/csp/2017-09-12";
    meeting.title = "Board, 12 September 2017";
    meeting.date = {2017, 9, 12};
    meeting.data_date = {2017, 7, 31};
    meeting.start_minutes = 840;
    meeting.end_minutes = 960;
    meeting.venue = "Committee Room 2";
    meeting.status = MeetingStatus::cancelled;
    AgendaItem item;
    item.number = "5";
    item.title = "Performance";
    item.presenter = "Ayo Bello and Sam Reid";
    item.presenters = {"Ayo Bello", "Sam Reid"};
    item.kind = ItemKind::presentation;
    item.description = "Quarter one figures";
    item.minutes = 20;
    item.purpose = Purpose::discussion;
    item.restricted = true;
    item.exempt = {0, "Commercial terms under negotiation"};
    item.part_two = true;
    item.verbal = true;
    item.withheld = true;
    item.papers = {full_paper("content/csp/2017-09-12/05-a.md", 1),
                   full_paper("content/csp/2017-09-12/05-b.pdf", 2)};
    item.supplementary = 2;
    item.location = {"content/csp/2017-09-12/meeting.yaml", 12, 5};
    AgendaItem sub = item;
    sub.number = "5a";
    sub.papers = {full_paper("content/csp/2017-09-12/05a.md", 3)};
    item.sub_items = {sub};
    meeting.items = {item, AgendaItem{}};
    meeting.items.back().number = "6";
    meeting.declarations = {{"Sam Reid", "5", "Trustee of a bidder", {"m.yaml", 30, 7}}};
    meeting.part_two = true;
    meeting.republications = {{2, {2017, 9, 8}, "Corrected table 3", {"m.yaml", 40, 5}}};
    meeting.supplementary = 1;
    meeting.location = {"content/csp/2017-09-12/meeting.yaml", 1, 1};
    return meeting;
}

std::string dumped(const Meeting& meeting) {
    std::ostringstream out;
    dump_meeting(out, meeting);
    for (const auto& item : meeting.items)
        for (const auto& sub : item.sub_items)
            out << sub.presenters.size() << sub.presenters.front();
    return out.str();
}

} // namespace

TEST_CASE("a meeting's note gives back every field the index fills") {
    Meeting meeting = full_meeting();
    auto note = meeting_note(meeting);
    REQUIRE(note);
    auto back = meeting_from_note(*note);
    REQUIRE(back);
    CHECK(dumped(*back) == dumped(meeting));
    CHECK(back->items[0].sub_items[0].papers[0].title ==
          meeting.items[0].sub_items[0].papers[0].title);
    CHECK(back->items[0].papers[0].date->iso() == "2017-08-31");
    CHECK(!back->items[1].papers.size());
    CHECK(meeting_note(*back) == note);
}

TEST_CASE("a note cut short or altered gives no meeting") {
    auto note = meeting_note(full_meeting());
    REQUIRE(note);
    for (std::size_t size = 0; size < note->size(); ++size)
        CHECK_FALSE(meeting_from_note(std::string_view(*note).substr(0, size)));
    CHECK_FALSE(meeting_from_note(*note + "1;"));
    // The venue, the status (2: cancelled), then the number of items, made far too large.
    const std::string before_items = "16:Committee Room 22;";
    std::size_t items = note->find(before_items) + before_items.size();
    REQUIRE(note->substr(items, 2) == "2;");
    std::string huge_count = *note;
    huge_count.replace(items, 2, "99999999;");
    CHECK_FALSE(meeting_from_note(huge_count));
    std::string one_item = *note;
    one_item.replace(items, 2, "1;"); // the second item's fields then read as the declarations
    CHECK_FALSE(meeting_from_note(one_item));
    CHECK_FALSE(meeting_from_note("not a note"));
}

TEST_CASE("a meeting holding more than the index does before publication has no note") {
    Meeting published = full_meeting();
    published.published = std::make_shared<const PublishRecord>();
    CHECK_FALSE(meeting_note(published));
    Meeting recorded = full_meeting();
    recorded.minutes = MinutesRecord{};
    CHECK_FALSE(meeting_note(recorded));
    Meeting read = full_meeting();
    read.items[0].papers[0].body_loaded = true;
    CHECK_FALSE(meeting_note(read));
}

TEST_CASE("the index read through a memo is the index read afresh") {
    MemoryFileSystem files = three_boards();
    const std::string fresh = index_dump(files, 1);
    CHECK(fresh.find("this paper is not on the meeting's agenda") != std::string::npos);
    FolderMemo memo(files);
    CHECK(dump_through(files, memo, 2) == fresh);
    CHECK(memo.kept == 6); // two meetings of three boards; the one with errors is not kept
    CHECK(memo.recalled == 0);
    CHECK(memo.records_kept == 3);

    SUBCASE("unchanged, every meeting comes from the memo, its warning too") {
        CHECK(dump_through(files, memo, 2) == fresh);
        CHECK(memo.recalled == 6);
        CHECK(memo.kept == 6);
        CHECK(memo.records_recalled == 3);
    }
    SUBCASE("a changed paper's meeting is read again, and only it") {
        files.add("content/hwb/2017-09-12/02-report.md",
                  "---\ntitle: The revised report\nauthor: Ann Lee\n---\nText.\n");
        std::string changed = index_dump(files, 1);
        CHECK(changed.find("The revised report") != std::string::npos);
        CHECK(dump_through(files, memo, 2) == changed);
        CHECK(memo.recalled == 5);
        CHECK(memo.kept == 7);
        CHECK(memo.records_recalled == 2); // the other boards' records
        CHECK(memo.records_kept == 4);
    }
    SUBCASE("a board's venue changed reads its meetings again") {
        std::string board = *files.read("content/audit/board.yaml");
        board.replace(board.find("Room 1"), 6, "Room 4");
        files.add("content/audit/board.yaml", board);
        std::string changed = index_dump(files, 1);
        CHECK(dump_through(files, memo, 1) == changed);
        CHECK(memo.recalled == 4);
    }
}

TEST_CASE("the example site and a site of minutes records read alike through a memo") {
    for (const std::string& folder :
         {std::string(BOARDPACK_SOURCE_ROOT),
          std::string(BOARDPACK_SOURCE_ROOT) + "/tests/fixtures/meeting-record"}) {
        DiskFileSystem files(folder);
        const std::string fresh = index_dump(files, 1);
        FolderMemo memo(files);
        CHECK(dump_through(files, memo, 4) == fresh);
        CHECK(memo.kept > 0);
        CHECK(dump_through(files, memo, 4) == fresh);
        CHECK(memo.recalled == memo.kept);
        CHECK(memo.records_recalled == memo.records_kept);
        CHECK(memo.records_kept > 0);
    }
    // The minutes records and the action log are in what was compared.
    DiskFileSystem files(std::string(BOARDPACK_SOURCE_ROOT) + "/tests/fixtures/meeting-record");
    std::string fresh = index_dump(files, 1);
    CHECK(fresh.find("  attendee ") != std::string::npos);
    CHECK(fresh.find("  decided ") != std::string::npos);
    CHECK(fresh.find(" action ") != std::string::npos);
}

namespace {

BoardRecords full_records() {
    MinutesRecord record;
    record.holder = "2017-12-12";
    record.holder_item = "3";
    record.paper_source = "content/csp/2017-12-12/03-minutes.md";
    Attendee attendee{"Ayo Bello", "Chair", "Ayo Bello", {"m.md", 4, 10}};
    record.attendance.present = {attendee, attendee};
    record.attendance.apologies = {attendee};
    record.attendance.absent = {attendee};
    record.attendance.in_attendance = {{"Sam Reid", "Guest", "", {"m.md", 9, 1}}};
    record.attendance.minutes_by = "Jo Kerr";
    record.decisions = {{"5",
                         "Performance",
                         "That the report be noted.",
                         {"one", "two"},
                         "minute-5",
                         {"m.md", 30, 1}}};
    record.approved_at = "2018-03-13";
    data::Action action;
    action.id = "2017-09-12/1";
    action.raised = {2017, 9, 12};
    action.sequence = 1;
    action.text = "Write: to the commissioner\nabout funding";
    action.lead = "Ayo Bello";
    action.others = "Sam Reid, Jo Kerr";
    action.start = Date{2017, 9, 13};
    action.due = Date{2017, 10, 31};
    action.status = data::ActionStatus::dropped;
    action.completed = Date{2017, 10, 1};
    action.rag_override = Rag::grey;
    action.updates = {{Date{2017, 9, 30}, "Drafted", {"actions.csv", 3, 1}},
                      {std::nullopt, "Undated", {"actions.csv", 4, 1}}};
    action.location = {"m.md", 40, 1};
    action.members_only = true;
    auto log = std::make_shared<data::ActionLog>();
    log->actions = {action, data::Action{}};
    log->actions.back().raised = {2018, 1, 1};
    return {{std::nullopt, record}, log};
}

} // namespace

TEST_CASE("a board's records note gives back every field of its minutes records and actions") {
    BoardRecords records = full_records();
    std::string note = board_records_note(records);
    auto back = board_records_from_note(note);
    REQUIRE(back);
    CHECK(board_records_note(*back) == note);
    REQUIRE(back->minutes.size() == 2);
    CHECK_FALSE(back->minutes[0]);
    const MinutesRecord& record = *back->minutes[1];
    CHECK(record.attendance.present.size() == 2);
    CHECK(record.attendance.in_attendance[0].note == "Guest");
    CHECK(record.attendance.minutes_by == "Jo Kerr");
    CHECK(record.decisions[0].points[1] == "two");
    CHECK(record.decisions[0].location.line == 30);
    CHECK(record.approved_at == "2018-03-13");
    const data::Action& action = back->actions->actions[0];
    CHECK(action.text == "Write: to the commissioner\nabout funding");
    CHECK(action.start->iso() == "2017-09-13");
    CHECK(action.completed->iso() == "2017-10-01");
    CHECK(action.status == data::ActionStatus::dropped);
    CHECK(action.rag_override == Rag::grey);
    CHECK_FALSE(action.updates[1].date);
    CHECK(action.members_only);
    CHECK_FALSE(back->actions->actions[1].rag_override);
    for (std::size_t size = 0; size < note.size(); ++size)
        CHECK_FALSE(board_records_from_note(std::string_view(note).substr(0, size)));
    CHECK(board_records_from_note(board_records_note({{}, nullptr}))->actions == nullptr);
}
