#include "content/load.hpp"

#include "content/action_log_builder.hpp"
#include "content/attendance.hpp"
#include "content/decisions.hpp"
#include "content/directives.hpp"
#include "content/exempt.hpp"
#include "content/front_matter.hpp"
#include "content/loader_parts.hpp"
#include "content/markings.hpp"
#include "content/minutes.hpp"
#include "content/minutes_presentation.hpp"
#include "content/minutes_record.hpp"
#include "content/minutes_record_blocks.hpp"
#include "content/paper_images.hpp"
#include "content/publication.hpp"
#include "core/date.hpp"
#include "core/work_queue.hpp"
#include "data/forward_plan.hpp"
#include "data/indicators.hpp"
#include "data/yaml_source.hpp"
#include "markdown/parse.hpp"

#include <algorithm>

namespace bp::content {

namespace {

// Far beyond any real paper; keeps a stray data dump from taking minutes and gigabytes.
constexpr std::size_t max_paper_bytes = 16u << 20;

// The folders of a board's meetings, in name order; other folders are skipped with a warning.
std::vector<std::string> meeting_folders(const FileSystem& files, const Board& board,
                                         DiagnosticSink& sink) {
    std::vector<std::string> folders;
    for (const auto& name : files.list(board.folder)) {
        std::string folder = join_path(board.folder, name);
        if (!files.is_directory(folder) || name == "indicators")
            continue;
        if (!parse_date(name)) {
            sink.warning({folder, 0, 0}, "folder '" + name + "' is not a meeting and was skipped",
                         "name meeting folders after the meeting's date, e.g. 2017-09-12");
            continue;
        }
        folders.push_back(std::move(folder));
    }
    return folders;
}

// One meeting folder of one board, and what was read from it.
struct MeetingSource {
    Board* board;
    std::string folder;
    std::optional<Meeting> meeting;
};

// The meeting in `source`'s folder from the memo when it holds it unchanged, else read, and
// kept in the memo when it was read without errors.
std::optional<Meeting> read_or_recall(const FileSystem& files, const MeetingSource& source,
                                      MeetingMemo* memo, DiagnosticSink& sink) {
    if (!memo)
        return load_meeting(files, *source.board, source.folder, sink);
    if (auto meeting = memo->recall(*source.board, source.folder, sink))
        return meeting;
    DiagnosticSink own;
    auto meeting = load_meeting(files, *source.board, source.folder, own);
    own.forward_to(sink);
    if (meeting && !own.has_errors())
        memo->keep(*source.board, source.folder, *meeting, own.warnings());
    return meeting;
}

// Reads every meeting.yaml and the front matter of every paper: most of the index's work, and
// each meeting's alone, so they are read in parallel. The sink sorts what they report.
void load_meetings(const FileSystem& files, std::vector<MeetingSource>& sources, unsigned jobs,
                   MeetingMemo* memo, DiagnosticSink& sink) {
    for_each_index(sources.size(), jobs, [&](std::size_t i) {
        auto& meeting = sources[i].meeting;
        meeting = read_or_recall(files, sources[i], memo, sink);
        if (meeting)
            attach_publication(files, *meeting, sink);
    });
    for (auto& source : sources)
        if (source.meeting)
            source.board->meetings.push_back(std::move(*source.meeting));
}

void sort_meetings(Board& board) {
    board.meetings.shrink_to_fit(); // kept for the whole build
    std::sort(board.meetings.begin(), board.meetings.end(),
              [](const Meeting& a, const Meeting& b) { return a.date < b.date; });
}

bool item_restricted(const std::vector<AgendaItem>& items, const std::string& number) {
    for (const auto& item : items)
        if ((item.number == number && item.restricted) || item_restricted(item.sub_items, number))
            return true;
    return false;
}

// The minutes are one text for both audiences, so an interest declared in a restricted item
// stays off them: the members see it on the meeting page.
std::vector<Declaration> printable_declarations(const Meeting& meeting) {
    std::vector<Declaration> declarations;
    for (const auto& declaration : meeting.declarations)
        if (declaration.item.empty() || !item_restricted(meeting.items, declaration.item))
            declarations.push_back(declaration);
    return declarations;
}

// Minutes print their actions, attendance and declarations from the same reading the site's
// records use. Problems were reported when the site index was loaded.
void present_minutes_record(std::string_view yaml, const SourceLocation& origin, const Board& board,
                            const Meeting& holder, Paper& paper) {
    DiagnosticSink already_reported;
    auto parsed = data::parse_yaml(yaml, origin, already_reported);
    YAML::Node front_matter = parsed && parsed->IsMap() ? *parsed : YAML::Node(YAML::NodeType::Map);
    auto recorded = recorded_meeting_date(front_matter, origin, board, holder, already_reported);
    if (recorded) {
        present_minutes_actions(paper.body, *recorded);
        const Meeting* meeting = find_meeting(board, *recorded);
        if (meeting)
            present_declarations(paper.body, printable_declarations(*meeting));
        bool same_paper =
            meeting && meeting->minutes && meeting->minutes->paper_source == paper.source_path;
        present_attendance(paper.body, same_paper ? meeting->minutes->attendance
                                                  : read_attendance(front_matter, origin, board,
                                                                    already_reported));
    }
    separate_actions_from_points(paper.body.blocks);
}

void load_paper_body(const FileSystem& files, const Site& site, const Board& board,
                     const Meeting& meeting, Paper& paper, FigureBook& figures,
                     DiagnosticSink& sink) {
    if (paper.is_pdf || paper.body_loaded)
        return;
    auto text = files.read(paper.source_path);
    if (!text)
        return;
    // The front matter was read and checked when the index was loaded; only minutes read it
    // again, for their attendance.
    auto front = find_front_matter(*text, paper.source_path, sink);
    if (!front)
        return;
    check_utf8(front->body, front->body_origin, sink);
    if (front->body.size() > max_paper_bytes) {
        sink.error(front->body_origin,
                   "the paper is larger than " + std::to_string(max_paper_bytes >> 20) + " MB",
                   "split it into several papers, or attach long material as a PDF appendix");
        return;
    }
    paper.body = markdown::parse(front->body, front->body_origin, sink, directive_parse_options());
    if (paper.kind == "minutes")
        present_minutes_record(front->yaml, front->yaml_origin, board, meeting, paper);
    else
        warn_resolutions_outside_minutes(paper.body, sink);
    paper.charts.clear();
    DirectiveContext context{site, board, meeting, paper, sink, &figures};
    expand_directives(context);
    collect_paper_images(files, paper, sink);
    paper.body_loaded = true;
}

// Each meeting's minutes record and the action log, from the board's minutes and actions.csv.
void work_out_records(const FileSystem& files, Board& board, DiagnosticSink& sink) {
    MinutesSources minutes(files); // read once for the meetings' records and the actions
    attach_minutes_records(minutes, board, sink);
    board.actions = build_action_log(files, minutes, board, sink);
}

// The board's records from the memo when it holds them unchanged, else worked out, and kept
// in the memo when that gave no errors.
void recall_or_work_out_records(const FileSystem& files, Board& board, MeetingMemo* memo,
                                DiagnosticSink& sink) {
    if (!memo) {
        work_out_records(files, board, sink);
        return;
    }
    if (auto records = memo->recall_records(board, sink);
        records && apply_records(board, std::move(*records)))
        return;
    DiagnosticSink own;
    work_out_records(files, board, own);
    own.forward_to(sink);
    if (!own.has_errors())
        memo->keep_records(board, records_of(board), own.warnings());
}

// What needs a board's meetings all read: markings, Part 2, the minutes' records, the action
// log, the indicators, the forward plan and the next meetings' dates. Each board's alone.
void complete_board(const FileSystem& files, const SiteConfig& config, Board& board,
                    MeetingMemo* memo, DiagnosticSink& sink) {
    sort_meetings(board);
    resolve_markings(config, board, sink); // before the action log reads the audience
    for (auto& meeting : board.meetings)
        group_part_two(meeting);
    recall_or_work_out_records(files, board, memo, sink);
    board.indicators =
        data::load_indicators(files, board.folder, config.financial_year_start_month, sink);
    board.forward_plan =
        data::load_forward_plan(files, join_path(board.folder, "forward-plan.yaml"), sink);
    describe_next_meetings(board, sink);
}

} // namespace

Site load_site_index(const FileSystem& files, DiagnosticSink& sink, unsigned jobs,
                     MeetingMemo* memo) {
    Site site;
    site.config = load_site_config(files, sink);
    if (!files.is_directory("content")) {
        sink.error({"content", 0, 0}, "the site has no content folder",
                   "put each board in content/<board>/ with a board.yaml");
        return site;
    }
    for (const auto& name : files.list("content")) {
        std::string folder = join_path("content", name);
        if (!files.is_directory(folder))
            continue;
        if (auto board = load_board(files, folder, sink))
            site.boards.push_back(std::move(*board));
    }
    std::vector<MeetingSource> sources; // pointing into site.boards, which no longer grows
    for (auto& board : site.boards)
        for (auto& folder : meeting_folders(files, board, sink))
            sources.push_back({&board, std::move(folder), std::nullopt});
    load_meetings(files, sources, jobs, memo, sink);
    for_each_index(site.boards.size(), jobs, [&](std::size_t i) {
        complete_board(files, site.config, site.boards[i], memo, sink);
    });
    if (site.boards.empty() && !sink.has_errors())
        sink.error({"content", 0, 0}, "the site has no boards",
                   "create content/<board>/board.yaml, or run 'boardpack new' for an example");
    return site;
}

void load_meeting_papers(const FileSystem& files, const Site& site, const Board& board,
                         Meeting& meeting, DiagnosticSink& sink, FigureBook* figures) {
    FigureBook own;
    FigureBook& book = figures ? *figures : own;
    // A published meeting prints the figures it was published with.
    if (meeting.published)
        book.freeze(meeting.published->frozen(), site.config.calendar(), sink);
    for_each_paper(meeting.items, [&](Paper& paper) {
        load_paper_body(files, site, board, meeting, paper, book, sink);
    });
    check_published_images(files, meeting, sink);
    warn_revised_figures(meeting, board, site.config, sink);
}

void load_meeting_papers(const FileSystem& files, const Site& site, const Board& board,
                         Meeting& meeting, DiagnosticSink& sink,
                         const std::function<bool(const Paper&)>& which) {
    FigureBook book;
    if (meeting.published)
        book.freeze(meeting.published->frozen(), site.config.calendar(), sink);
    for_each_paper(meeting.items, [&](Paper& paper) {
        if (which(paper))
            load_paper_body(files, site, board, meeting, paper, book, sink);
    });
}

void release_meeting_papers(Meeting& meeting) {
    for_each_paper(meeting.items, [](Paper& paper) {
        paper.body = {};
        paper.charts.clear();
        paper.charts.shrink_to_fit();
        paper.images.clear();
        paper.body_loaded = false;
    });
}

} // namespace bp::content
