#include "content/load.hpp"

#include "content/action_log_builder.hpp"
#include "content/directives.hpp"
#include "content/front_matter.hpp"
#include "content/image_check.hpp"
#include "content/loader_parts.hpp"
#include "content/minutes.hpp"
#include "content/minutes_presentation.hpp"
#include "core/date.hpp"
#include "data/forward_plan.hpp"
#include "data/indicators.hpp"
#include "markdown/parse.hpp"

#include <algorithm>

namespace bp::content {

namespace {

void load_meetings(const FileSystem& files, Board& board, DiagnosticSink& sink) {
    for (const auto& name : files.list(board.folder)) {
        std::string folder = join_path(board.folder, name);
        if (!files.is_directory(folder) || name == "indicators")
            continue;
        if (!parse_date(name)) {
            sink.warning({folder, 0, 0}, "folder '" + name + "' is not a meeting and was skipped",
                         "name meeting folders after the meeting's date, e.g. 2017-09-12");
            continue;
        }
        if (auto meeting = load_meeting(files, board, folder, sink))
            board.meetings.push_back(std::move(*meeting));
    }
    std::sort(board.meetings.begin(), board.meetings.end(),
              [](const Meeting& a, const Meeting& b) { return a.date < b.date; });
}

template <typename Visit> void for_each_paper(std::vector<AgendaItem>& items, Visit&& visit) {
    for (auto& item : items) {
        for (auto& paper : item.papers)
            visit(paper);
        for_each_paper(item.sub_items, visit);
    }
}

void load_paper_body(const FileSystem& files, const Site& site, const Board& board,
                     const Meeting& meeting, Paper& paper, DiagnosticSink& sink) {
    if (paper.is_pdf || paper.body_loaded)
        return;
    auto text = files.read(paper.source_path);
    if (!text)
        return;
    auto front = split_front_matter(*text, paper.source_path, sink);
    if (!front)
        return;
    DiagnosticSink quiet; // the front matter was checked when the index was loaded
    read_paper_front_matter(front->yaml, front->yaml_origin, paper, quiet);
    paper.body = markdown::parse(front->body, front->body_origin, sink);
    check_images(files, paper.source_path, paper.body, sink);
    if (paper.kind == "minutes") {
        if (auto recorded =
                recorded_meeting_date(front->yaml, front->yaml_origin, board, meeting, quiet))
            present_minutes_actions(paper.body, *recorded);
    }
    paper.charts.clear();
    DirectiveContext context{site, board, meeting, paper, sink};
    expand_directives(context);
    paper.body_loaded = true;
}

bool paper_is_restricted(const Paper& paper) {
    return paper.security == Security::restricted;
}

void withhold(AgendaItem& item) {
    item.withheld = true;
    item.papers.clear();
    item.description.clear();
    for (auto& sub : item.sub_items)
        withhold(sub);
}

void apply_public_audience(std::vector<AgendaItem>& items) {
    for (auto& item : items) {
        if (item.restricted) {
            withhold(item);
            continue;
        }
        bool had_papers = !item.papers.empty();
        std::erase_if(item.papers, paper_is_restricted);
        if (had_papers && item.papers.empty()) {
            item.withheld = true;
            item.description.clear();
        }
        apply_public_audience(item.sub_items);
    }
}

void load_board_data(const FileSystem& files, const SiteConfig& config, Board& board,
                     DiagnosticSink& sink) {
    board.indicators =
        data::load_indicators(files, board.folder, config.financial_year_start_month, sink);
    board.forward_plan =
        data::load_forward_plan(files, join_path(board.folder, "forward-plan.yaml"), sink);
    board.actions = build_action_log(files, board, sink);
}

} // namespace

Site load_site_index(const FileSystem& files, DiagnosticSink& sink) {
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
        auto board = load_board(files, folder, sink);
        if (!board)
            continue;
        load_meetings(files, *board, sink);
        load_board_data(files, site.config, *board, sink);
        site.boards.push_back(std::move(*board));
    }
    if (site.boards.empty() && !sink.has_errors())
        sink.error({"content", 0, 0}, "the site has no boards",
                   "create content/<board>/board.yaml, or run 'boardpack new' for an example");
    return site;
}

void load_meeting_papers(const FileSystem& files, const Site& site, const Board& board,
                         Meeting& meeting, DiagnosticSink& sink) {
    for_each_paper(meeting.items, [&](Paper& paper) {
        load_paper_body(files, site, board, meeting, paper, sink);
    });
}

void release_meeting_papers(Meeting& meeting) {
    for_each_paper(meeting.items, [](Paper& paper) {
        paper.body = {};
        paper.charts.clear();
        paper.charts.shrink_to_fit();
        paper.body_loaded = false;
    });
}

void apply_audience(Meeting& meeting, Audience audience) {
    if (audience == Audience::members)
        return;
    apply_public_audience(meeting.items);
}

} // namespace bp::content
