#pragma once
// A board with three meetings, minutes that raise actions, and an action log CSV, in memory.
#include "content/action_log_builder.hpp"
#include "content/directives.hpp"
#include "content/minutes_record.hpp"
#include "core/filesystem.hpp"
#include "data/forward_plan.hpp"

#include <string>

namespace records_fixture {

using namespace bp;
using namespace bp::content;

inline Date day(const char* iso) {
    return *parse_date(iso);
}

inline Person person(std::string name, std::string post, std::string role = {}) {
    Person p;
    p.name = std::move(name);
    p.post = std::move(post);
    p.organisation = "Harbourside Borough Council";
    p.role = std::move(role);
    return p;
}

inline Paper minutes_paper(const std::string& path, const std::string& title) {
    Paper paper;
    paper.source_path = path;
    paper.title = title;
    paper.kind = "minutes";
    return paper;
}

inline AgendaItem item(std::string number, std::string title) {
    AgendaItem agenda_item;
    agenda_item.number = std::move(number);
    agenda_item.title = std::move(title);
    return agenda_item;
}

inline Meeting meeting(const char* iso) {
    Meeting m;
    m.slug = iso;
    m.folder = std::string("content/csp/") + iso;
    m.date = day(iso);
    return m;
}

// Meeting 1 (13 June) raises three actions, recorded in the minutes in meeting 2's folder;
// meeting 2 (12 September) raises one, recorded in meeting 3's (12 December) folder.
inline const char* june_minutes =
    "---\n"
    "title: Minutes of the meeting held on 13 June 2017\n"
    "kind: minutes\n"
    "present:\n"
    "  - Cllr Margaret O’Neill (Chair)\n"
    "  - Ayo Bello\n"
    "apologies:\n"
    "  - Sam Reed\n"
    "---\n"
    "## 3. Sub-groups\n"
    "\n"
    "The board discussed the sub-groups.\n"
    "\n"
    "- [ ] Map the membership of every sub-group. {lead: Ayo Bello, due: 2017-10-31}\n"
    "- [ ] Write to the fire service. {lead: Sam Reid, others: Jo Kerr, Ayo Bello, due: "
    "2017-08-31}\n"
    "- [x] Circulate the terms of reference. {lead: Jo Kerr, due: 2017-06-30}\n";

inline const char* september_minutes =
    "---\n"
    "title: Minutes of the meeting held on 12 September 2017\n"
    "kind: minutes\n"
    "records: 2017-09-12\n"
    "---\n"
    "- [ ] Report knife crime figures by ward. {lead: Jo Kerr, due: 2018-01-31, start: "
    "2017-09-12}\n";

inline const char* actions_csv =
    "id,raised,action,lead,others,start,due,status,update,completed\n"
    "2017-06-13/2,,,,,,,complete,\"2017-09-01: Letter sent; the fire service joins each "
    "group.\",2017-09-01\n"
    "2017-03-14/1,2017-03-14,Agree the data-sharing protocol,Jo Kerr,,,2017-05-31,complete,"
    "Signed,2017-05-20\n";

struct Fixture {
    MemoryFileSystem files;
    Site site;
    Board board;
    DiagnosticSink sink;

    Fixture() {
        files.add("content/csp/2017-09-12/02-minutes.md", june_minutes);
        files.add("content/csp/2017-12-12/02-minutes.md", september_minutes);
        files.add("content/csp/actions.csv", actions_csv);
        board.slug = "csp";
        board.folder = "content/csp";
        board.name = "Harbourside Community Safety Partnership Board";
        board.members = {
            person("Cllr Margaret O’Neill", "Cabinet Member for Community Safety", "Chair"),
            person("Ayo Bello", "Head of Community Safety"),
            person("Sam Reid", "Borough Commander")};
        board.advisers = {person("Jo Kerr", "Performance Analyst")};
        board.meetings = {meeting("2017-06-13"), meeting("2017-09-12"), meeting("2017-12-12")};
        AgendaItem minutes2 = item("2", "Minutes of the meeting held on 13 June 2017");
        minutes2.papers.push_back(minutes_paper("content/csp/2017-09-12/02-minutes.md",
                                                "Minutes of the meeting held on 13 June 2017"));
        board.meetings[1].items.push_back(minutes2);
        AgendaItem minutes3 = item("2", "Minutes of the meeting held on 12 September 2017");
        minutes3.papers.push_back(
            minutes_paper("content/csp/2017-12-12/02-minutes.md",
                          "Minutes of the meeting held on 12 September 2017"));
        board.meetings[2].items.push_back(minutes3);
        board.meetings[2].items.push_back(item("7", "Performance report, quarter 2 2017/18"));
    }

    // As the site loader does: the meetings' records, then the action log.
    void build_log() {
        MinutesSources minutes(files);
        attach_minutes_records(minutes, board, sink);
        board.actions = build_action_log(files, minutes, board, sink);
    }
};

} // namespace records_fixture
