#include "content/action_log_builder.hpp"

#include "content/audience.hpp"
#include "content/minutes.hpp"
#include "data/action_csv.hpp"

#include <unordered_map>

namespace bp::content {

namespace {

struct MinutesPaper {
    const Paper* paper = nullptr;
    bool members_only = false; // the paper or an item above it is restricted
};

void add_minutes_papers(const std::vector<AgendaItem>& items, bool restricted_above,
                        std::vector<MinutesPaper>& papers) {
    for (const auto& item : items) {
        // Sub-items of a members-only item are withheld with it, so their minutes are too.
        bool restricted = restricted_above || item_members_only(item);
        for (const auto& paper : item.papers)
            if (paper.kind == "minutes" && !paper.is_pdf)
                papers.push_back({&paper, restricted || paper_members_only(paper)});
        add_minutes_papers(item.sub_items, restricted, papers);
    }
}

std::vector<data::Action> actions_of_paper(MinutesSources& sources, const Board& board,
                                           const Meeting& holder, const Paper& paper,
                                           DiagnosticSink& sink) {
    const MinutesSource* source = sources.get(paper.source_path);
    if (!source)
        return {};
    auto recorded =
        recorded_meeting_date(source->front.yaml, source->front.yaml_origin, board, holder, sink);
    if (!recorded)
        return {};
    return read_minutes_actions(source->body, *recorded, sink);
}

std::string describe(const SourceLocation& location) {
    return location.file + ":" + std::to_string(location.line);
}

} // namespace

std::shared_ptr<const data::ActionLog> build_action_log(const FileSystem& files,
                                                        MinutesSources& sources, const Board& board,
                                                        DiagnosticSink& sink) {
    auto log = std::make_shared<data::ActionLog>();
    std::unordered_map<std::string, std::size_t> by_id;
    for (const auto& meeting : board.meetings) {
        std::vector<MinutesPaper> papers;
        add_minutes_papers(meeting.items, false, papers);
        for (const auto& minutes : papers) {
            for (auto& action : actions_of_paper(sources, board, meeting, *minutes.paper, sink)) {
                action.members_only = minutes.members_only;
                auto [found, added] = by_id.emplace(action.id, log->actions.size());
                if (!added) {
                    sink.error(action.location, "action id '" + action.id + "' is already used",
                               "the first is at " + describe(log->actions[found->second].location) +
                                   "; give this one its own {id: …}");
                    continue;
                }
                log->actions.push_back(std::move(action));
            }
        }
    }
    std::string csv_path = join_path(board.folder, "actions.csv");
    if (auto text = files.read(csv_path)) {
        for (auto& row : data::parse_actions_csv(*text, csv_path, sink)) {
            auto found = by_id.find(row.action.id);
            if (found != by_id.end()) {
                data::merge_action_row(log->actions[found->second], row);
                continue;
            }
            if (!row.has_errors)
                data::validate_action(row.action, sink);
            by_id.emplace(row.action.id, log->actions.size());
            log->actions.push_back(std::move(row.action));
        }
    }
    log->sort();
    return log;
}

} // namespace bp::content
