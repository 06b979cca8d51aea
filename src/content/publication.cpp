#include "content/publication.hpp"

#include "core/digest.hpp"
#include "data/figure_format.hpp"
#include "data/indicators.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace bp::content {

namespace {

const char* const republish_hint = "declare a republication in meeting.yaml — republished: "
                                   "[{version: 2, date: YYYY-MM-DD, reason: …}] — or restore "
                                   "the file as it was published";

template <typename Visit> void each_item(const std::vector<AgendaItem>& items, Visit&& visit) {
    for (const auto& item : items) {
        visit(item);
        each_item(item.sub_items, visit);
    }
}

std::string publish_command(const Meeting& meeting) {
    // content/<board>/<date> → "boardpack publish <board>/<date>"
    std::string folder = meeting.folder;
    if (folder.rfind("content/", 0) == 0)
        folder = folder.substr(8);
    return "boardpack publish " + folder;
}

void check_unpublished(const Meeting& meeting, DiagnosticSink& sink) {
    std::string how =
        "publish the meeting first (" + publish_command(meeting) + "), or remove 'supplementary:'";
    each_item(meeting.items, [&](const AgendaItem& item) {
        if (item.supplementary > 0) {
            sink.error(item.location,
                       "item " + item.number +
                           " is supplementary, but the meeting has not been published",
                       how);
            return;
        }
        for (const auto& paper : item.papers)
            if (paper.supplementary > 0)
                sink.error(paper.location,
                           "paper '" + file_name(paper.source_path) +
                               "' is supplementary, but the meeting has not been published",
                           how);
    });
    for (const auto& republication : meeting.republications)
        sink.error(republication.location,
                   "republication " + std::to_string(republication.version) +
                       " is declared, but the meeting has not been published",
                   "publish the meeting first (" + publish_command(meeting) +
                       "); a republication re-issues published papers");
}

void check_paper(const FileSystem& files, const Meeting& meeting, const Paper& paper,
                 DiagnosticSink& sink) {
    const PublishRecord& record = *meeting.published;
    auto text = files.read(paper.source_path);
    if (!text)
        return; // reported when the paper was loaded
    const InputDigest* published = record.input(paper.source_path);
    std::string name = file_name(paper.source_path);
    if (!published) {
        sink.error(paper.location,
                   "paper '" + name + "' was added after the meeting was published on " +
                       record.date,
                   "mark it 'supplementary: 1' in meeting.yaml so it goes out in a "
                   "supplementary pack, or declare a republication");
        return;
    }
    if (published->sha256 == sha256_hex(*text) || current_version(meeting) > record.version)
        return;
    SourceLocation where = paper.location;
    if (where.file != paper.source_path)
        where = {paper.source_path, 1, 1};
    sink.error(where,
               "paper '" + name + "' has changed since the meeting was published on " +
                   record.date + " (version " + std::to_string(record.version) + ", " +
                   published->location.file + ":" + std::to_string(published->location.line) + ")",
               republish_hint);
}

void check_published(const FileSystem& files, const Meeting& meeting, DiagnosticSink& sink) {
    const PublishRecord& record = *meeting.published;
    int version = current_version(meeting);
    if (version < record.version)
        sink.error(meeting.location,
                   "published.yaml records version " + std::to_string(record.version) +
                       ", but meeting.yaml declares no republication beyond version " +
                       std::to_string(version),
                   "keep every republication in meeting.yaml's 'republished:' list");
    else if (version > record.version)
        sink.warning(
            meeting.republications.back().location,
            "republication " + std::to_string(version) + " is not yet recorded in published.yaml",
            "run '" + publish_command(meeting) + "' to freeze version " + std::to_string(version));
    each_item(meeting.items, [&](const AgendaItem& item) {
        if (item.supplementary > 0)
            return;
        for (const auto& paper : item.papers)
            if (paper.supplementary == 0)
                check_paper(files, meeting, paper, sink);
    });
}

bool differs(const std::optional<double>& a, const std::optional<double>& b) {
    if (a.has_value() != b.has_value())
        return true;
    return a && std::fabs(*a - *b) > 1e-9 * std::max(1.0, std::fabs(*a));
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const auto& part : parts)
        text += (text.empty() ? "" : "; ") + part;
    return text;
}

std::string shown(const data::Indicator& indicator, const std::optional<double>& value) {
    return value ? data::format_value(indicator, *value) : "none";
}

void keep_for_view(std::vector<AgendaItem>& items, int number) {
    std::vector<AgendaItem> kept;
    for (auto& item : items) {
        keep_for_view(item.sub_items, number);
        std::erase_if(item.papers,
                      [&](const Paper& paper) { return paper.supplementary != number; });
        bool wanted = number == 0 ? item.supplementary == 0
                                  : item.supplementary == number || !item.papers.empty() ||
                                        !item.sub_items.empty();
        if (wanted)
            kept.push_back(std::move(item));
    }
    items = std::move(kept);
}

} // namespace

std::vector<Republication> read_republications(const YAML::Node& list, const SourceLocation& origin,
                                               DiagnosticSink& sink) {
    std::vector<Republication> republications;
    if (!list.IsSequence()) {
        sink.error(data::location_of(list, origin), "'republished' must be a list",
                   "write republished: [{version: 2, date: 2017-09-08, reason: …}]");
        return republications;
    }
    for (const auto& node : list) {
        Republication republication;
        republication.location = data::location_of(node, origin);
        if (!node.IsMap()) {
            sink.error(republication.location, "a republication needs version, date and reason",
                       "write - {version: 2, date: 2017-09-08, reason: …}");
            continue;
        }
        data::check_keys(node, {"version", "date", "reason"}, origin, sink, "a republication");
        auto version = data::read_int(node, "version", origin, sink, true);
        auto date = data::read_date(node, "date", origin, sink, true);
        auto reason = data::read_string(node, "reason", origin, sink, true);
        if (!version || !date || !reason)
            continue;
        int expected = republications.empty() ? 2 : republications.back().version + 1;
        if (*version != expected) {
            sink.error(data::location_of(node["version"], origin),
                       "republication version " + std::to_string(*version) + " is out of order",
                       "the first republication is version 2 (the publication is version 1); "
                       "this one should be version " +
                           std::to_string(expected));
            continue;
        }
        republication.version = *version;
        republication.date = *date;
        republication.reason = *reason;
        republications.push_back(std::move(republication));
    }
    return republications;
}

int read_supplementary(const YAML::Node& node, const SourceLocation& origin, DiagnosticSink& sink) {
    if (!node.IsMap() || !node["supplementary"])
        return 0;
    auto number = data::read_int(node, "supplementary", origin, sink);
    if (number && *number < 1) {
        sink.error(data::location_of(node["supplementary"], origin),
                   "'supplementary' must be the number of a supplementary pack (1, 2, …)",
                   "write 'supplementary: 1' for papers added after publication");
        return 0;
    }
    return number.value_or(0);
}

int current_version(const Meeting& meeting) {
    return meeting.republications.empty() ? 1 : meeting.republications.back().version;
}

void attach_publication(const FileSystem& files, Meeting& meeting, DiagnosticSink& sink) {
    std::string path = join_path(meeting.folder, publish_record_name);
    if (files.is_file(path)) {
        auto record = read_publish_record(files, path, sink);
        if (!record)
            return;
        meeting.published = std::make_shared<const PublishRecord>(std::move(*record));
        check_published(files, meeting, sink);
        return;
    }
    check_unpublished(meeting, sink);
}

void check_published_images(const FileSystem& files, const Meeting& meeting, DiagnosticSink& sink) {
    if (!meeting.published || current_version(meeting) > meeting.published->version)
        return;
    const PublishRecord& record = *meeting.published;
    each_item(meeting.items, [&](const AgendaItem& item) {
        for (const auto& paper : item.papers) {
            if (paper.supplementary > 0)
                continue;
            for (const auto& image : paper.images) {
                const InputDigest* published = record.input(image.site_path);
                auto bytes = files.read(image.site_path);
                if (!bytes || (published && published->sha256 == sha256_hex(*bytes)))
                    continue;
                sink.error({paper.source_path, 1, 1},
                           "image '" + image.url + "' of paper '" + file_name(paper.source_path) +
                               "' has " + (published ? "changed" : "been added") +
                               " since the meeting was published on " + record.date,
                           republish_hint);
            }
        }
    });
}

std::vector<InputDigest> meeting_inputs(const FileSystem& files, const Meeting& meeting,
                                        const Board& board, const std::vector<std::string>& used) {
    std::set<std::string> paths = {join_path(meeting.folder, "meeting.yaml")};
    each_item(meeting.items, [&](const AgendaItem& item) {
        for (const auto& paper : item.papers) {
            paths.insert(paper.source_path);
            for (const auto& image : paper.images)
                paths.insert(image.site_path);
        }
    });
    if (board.indicators)
        for (const auto& id : used)
            if (const data::Indicator* indicator = board.indicators->find(id)) {
                paths.insert(indicator->location.file);
                paths.insert(indicator->figures_file);
            }
    std::vector<InputDigest> inputs;
    for (const auto& path : paths)
        if (auto bytes = files.read(path))
            inputs.push_back({path, sha256_hex(*bytes), {}});
    return inputs;
}

void warn_revised_figures(const Meeting& meeting, const Board& board, const SiteConfig& config,
                          DiagnosticSink& sink) {
    if (!meeting.published || !board.indicators)
        return;
    const PublishRecord& record = *meeting.published;
    std::vector<std::string> revised, rerated;
    for (const auto& [id, series] : record.series) {
        const data::Indicator* live = board.indicators->find(id);
        if (!live)
            continue;
        DiagnosticSink quiet; // missing data today is not this meeting's problem
        auto figures = data::figures_as_at(*live, config.calendar(), meeting.data_date,
                                           record.location, quiet);
        if (!figures)
            continue;
        for (const auto& now : figure_entries(*live, *figures, config.calendar())) {
            const FigureEntry* then = record.figure(now.key());
            if (!then)
                continue;
            if (differs(then->value, now.value))
                revised.push_back(now.key() + " " + shown(*live, then->value) + " published, " +
                                  shown(*live, now.value) + " now");
            else if (differs(then->last_year, now.last_year))
                revised.push_back(now.key() + " last year " + shown(*live, then->last_year) +
                                  " published, " + shown(*live, now.last_year) + " now");
            else if (then->rag != now.rag)
                rerated.push_back(now.key() + " rated " + then->rag + " when published, " +
                                  now.rag + " by the definition now");
        }
    }
    // Same figures, another rating: an indicator's definition (target, tolerance) has
    // changed. The pack keeps the definition the record holds (records written before
    // definitions were kept: the definition as it is now).
    if (!rerated.empty())
        sink.warning(record.location,
                     record.definitions.empty()
                         ? "an indicator's definition has changed since publication, so the pack "
                           "rates the published figures differently: " +
                               joined(rerated)
                         : "an indicator's definition has changed since publication; the pack "
                           "and pages keep the published definition: " +
                               joined(rerated),
                     "to rate the figures by the new definition, declare a republication and run "
                     "'" +
                         publish_command(meeting) + "'");
    if (revised.empty())
        return;
    std::string list = joined(revised);
    sink.warning(record.location,
                 "the data have been revised since publication; the pack and pages keep the "
                 "published figures: " +
                     list,
                 "to issue the revised figures, declare a republication in meeting.yaml and run "
                 "'" +
                     publish_command(meeting) + "'");
}

FoundMeeting find_meeting(const Site& site, const std::string& name, DiagnosticSink& sink) {
    auto slash = name.find('/');
    std::string board_slug = name.substr(0, slash);
    std::string date = slash == std::string::npos ? "" : name.substr(slash + 1);
    while (!date.empty() && date.back() == '/')
        date.pop_back();
    SourceLocation where{"content/" + name, 0, 0};
    std::vector<std::string> boards;
    for (const auto& board : site.boards) {
        boards.push_back(board.slug);
        if (board.slug != board_slug)
            continue;
        std::vector<std::string> dates;
        for (const auto& meeting : board.meetings) {
            dates.push_back(meeting.slug);
            if (meeting.slug == date)
                return {&board, &meeting};
        }
        auto suggestion = data::closest_match(date, dates);
        sink.error(where, "board '" + board_slug + "' has no meeting '" + date + "'",
                   suggestion ? "did you mean " + board_slug + "/" + *suggestion + "?"
                              : "name the meeting as <board>/<YYYY-MM-DD>, after its folder in "
                                "content/" +
                                    board_slug);
        return {};
    }
    auto suggestion = data::closest_match(board_slug, boards);
    sink.error(where, "there is no board '" + board_slug + "'",
               suggestion ? "did you mean '" + *suggestion + "'?"
                          : "name the meeting as <board>/<YYYY-MM-DD>, e.g. csp/2017-09-12");
    return {};
}

Meeting pack_view(const Meeting& meeting, int number) {
    Meeting view = meeting;
    view.supplementary = number;
    keep_for_view(view.items, number);
    return view;
}

std::vector<int> supplementary_numbers(const Meeting& meeting) {
    std::set<int> numbers;
    each_item(meeting.items, [&](const AgendaItem& item) {
        if (item.supplementary > 0)
            numbers.insert(item.supplementary);
        for (const auto& paper : item.papers)
            if (paper.supplementary > 0)
                numbers.insert(paper.supplementary);
    });
    return {numbers.begin(), numbers.end()};
}

} // namespace bp::content
