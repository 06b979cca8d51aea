#include "content/loader_parts.hpp"
#include "content/records_declarations.hpp"
#include "core/text.hpp"
#include "data/yaml_source.hpp"

#include <set>

namespace bp::content {

namespace {

const std::set<std::string> item_keys = {"number",  "title",   "presenter",  "description",
                                         "minutes", "purpose", "restricted", "verbal",
                                         "paper",   "papers",  "items"};

struct MeetingContext {
    const FileSystem& files;
    std::string folder;
    SourceLocation origin;
    DiagnosticSink& sink;
    std::set<std::string> named_files; // every file the agenda names, loadable or not
};

Purpose read_purpose(const YAML::Node& node, const SourceLocation& origin, DiagnosticSink& sink) {
    auto text =
        data::read_choice(node, "purpose", {"decision", "information", "discussion"}, origin, sink);
    if (text == "decision")
        return Purpose::decision;
    if (text == "information")
        return Purpose::information;
    if (text == "discussion")
        return Purpose::discussion;
    return Purpose::none;
}

std::optional<Paper> read_paper_entry(const YAML::Node& entry, MeetingContext& context) {
    SourceLocation where = data::location_of(entry, context.origin);
    std::string file, title;
    if (entry.IsMap()) {
        data::check_keys(entry, {"file", "title"}, context.origin, context.sink, "a paper entry");
        file = data::read_string(entry, "file", context.origin, context.sink, true).value_or("");
        title = data::read_string(entry, "title", context.origin, context.sink).value_or("");
    } else if (entry.IsScalar()) {
        file = entry.Scalar();
    }
    if (file.empty()) {
        context.sink.error(where, "a paper must name a file in the meeting's folder",
                           "write 'paper: 07-performance.md'");
        return std::nullopt;
    }
    std::string path = join_path(context.folder, file);
    context.named_files.insert(file);
    if (context.files.outside(path)) {
        context.sink.error(where, "paper '" + file + "' lies outside the site folder",
                           outside_site_hint);
        return std::nullopt;
    }
    if (!context.files.is_file(path)) {
        std::vector<std::string> present = context.files.list(context.folder);
        auto suggestion = data::closest_match(file, present);
        context.sink.error(where, "paper '" + file + "' not found in " + context.folder,
                           suggestion ? "did you mean '" + *suggestion + "'?"
                                      : "add the file or correct its name in meeting.yaml");
        return std::nullopt;
    }
    auto paper = load_paper_header(context.files, path, where, context.sink);
    if (paper && !title.empty())
        paper->title = title;
    return paper;
}

std::vector<Paper> read_papers(const YAML::Node& item, MeetingContext& context) {
    std::vector<Paper> papers;
    if (item["paper"] && item["papers"])
        context.sink.error(data::location_of(item["papers"], context.origin),
                           "an item takes 'paper' or 'papers', not both");
    if (YAML::Node single = item["paper"]) {
        if (auto paper = read_paper_entry(single, context))
            papers.push_back(std::move(*paper));
    }
    if (YAML::Node list = item["papers"]) {
        if (!list.IsSequence()) {
            context.sink.error(data::location_of(list, context.origin), "'papers' must be a list");
            return papers;
        }
        for (const auto& entry : list)
            if (auto paper = read_paper_entry(entry, context))
                papers.push_back(std::move(*paper));
    }
    return papers;
}

std::vector<AgendaItem> read_items(const YAML::Node& list, MeetingContext& context);

AgendaItem read_item(const YAML::Node& node, MeetingContext& context) {
    const SourceLocation& origin = context.origin;
    AgendaItem item;
    item.location = data::location_of(node, origin);
    data::check_keys(node, item_keys, origin, context.sink, "an agenda item");
    item.number = data::read_string(node, "number", origin, context.sink, true).value_or("");
    item.title = data::read_string(node, "title", origin, context.sink, true).value_or("");
    item.presenter = data::read_string(node, "presenter", origin, context.sink).value_or("");
    item.description =
        trim(data::read_string(node, "description", origin, context.sink).value_or(""));
    item.minutes = data::read_int(node, "minutes", origin, context.sink).value_or(0);
    item.purpose = read_purpose(node, origin, context.sink);
    item.restricted = data::read_bool(node, "restricted", origin, context.sink).value_or(false);
    item.verbal = data::read_bool(node, "verbal", origin, context.sink).value_or(false);
    item.papers = read_papers(node, context);
    if (item.verbal && !item.papers.empty())
        context.sink.error(item.location, "item " + item.number + " is verbal but names a paper",
                           "remove 'verbal: true' or the paper");
    if (YAML::Node children = node["items"])
        item.sub_items = read_items(children, context);
    if (item.restricted)
        for (auto& sub : item.sub_items)
            sub.restricted = true;
    return item;
}

std::vector<AgendaItem> read_items(const YAML::Node& list, MeetingContext& context) {
    std::vector<AgendaItem> items;
    if (!list.IsSequence()) {
        context.sink.error(data::location_of(list, context.origin), "'items' must be a list",
                           "start each agenda item with '- number: …'");
        return items;
    }
    for (const auto& node : list) {
        if (!node.IsMap()) {
            context.sink.error(data::location_of(node, context.origin),
                               "an agenda item needs at least 'number' and 'title'");
            continue;
        }
        items.push_back(read_item(node, context));
    }
    return items;
}

void check_item_numbers(const std::vector<AgendaItem>& items, std::set<std::string>& seen,
                        DiagnosticSink& sink) {
    for (const auto& item : items) {
        if (!item.number.empty() && !seen.insert(item.number).second)
            sink.error(item.location, "agenda item number " + item.number + " is used twice",
                       "give every item and sub-item its own number (5, 5a, 5b, …)");
        check_item_numbers(item.sub_items, seen, sink);
    }
}

// A paper in the folder that no item names is almost always a forgotten agenda line.
void warn_unlisted_papers(const Meeting& meeting, const std::set<std::string>& listed,
                          const FileSystem& files, DiagnosticSink& sink) {
    for (const auto& name : files.list(meeting.folder)) {
        std::string extension = file_extension(name);
        if ((extension == ".md" || extension == ".pdf") && !listed.count(name))
            sink.warning({join_path(meeting.folder, name), 1, 1},
                         "this paper is not on the meeting's agenda",
                         "name it under an item in " + join_path(meeting.folder, "meeting.yaml"));
    }
}

// Figures are usually reported with a two-month lag: as at the end of the month two months
// before the meeting (a September meeting reports figures to the end of July).
Date default_data_date(const Date& meeting) {
    int month = meeting.month - 2, year = meeting.year;
    if (month < 1) {
        month += 12;
        --year;
    }
    return {year, month, days_in_month(year, month)};
}

MeetingStatus read_status(const YAML::Node& yaml, const SourceLocation& origin,
                          DiagnosticSink& sink) {
    auto status =
        data::read_choice(yaml, "status", {"scheduled", "held", "cancelled"}, origin, sink);
    if (status == "held")
        return MeetingStatus::held;
    if (status == "cancelled")
        return MeetingStatus::cancelled;
    return MeetingStatus::scheduled;
}

} // namespace

std::optional<Meeting> load_meeting(const FileSystem& files, const Board& board,
                                    const std::string& folder, DiagnosticSink& sink) {
    std::string path = join_path(folder, "meeting.yaml");
    auto yaml = read_yaml_file(files, path, sink);
    if (!yaml)
        return std::nullopt;
    const SourceLocation origin{path, 1, 1};
    data::check_keys(
        *yaml,
        {"date", "start", "end", "venue", "status", "data_date", "title", "items", "declarations"},
        origin, sink, "meeting.yaml");
    auto date = data::read_date(*yaml, "date", origin, sink, true);
    if (!date)
        return std::nullopt;
    Meeting meeting;
    meeting.slug = file_name(folder);
    meeting.folder = folder;
    meeting.location = origin;
    meeting.date = *date;
    if (meeting.slug != date->iso())
        sink.error(data::location_of((*yaml)["date"], origin),
                   "the date " + date->iso() + " does not match the folder name '" + meeting.slug +
                       "'",
                   "name the meeting's folder after its date: " + date->iso());
    meeting.title = data::read_string(*yaml, "title", origin, sink)
                        .value_or(board.name + ", " + date->medium_form());
    meeting.data_date =
        data::read_date(*yaml, "data_date", origin, sink).value_or(default_data_date(*date));
    meeting.start_minutes = read_time_of_day(*yaml, "start", origin, sink, board.start_minutes);
    meeting.end_minutes = read_time_of_day(*yaml, "end", origin, sink, board.end_minutes);
    meeting.venue = data::read_string(*yaml, "venue", origin, sink).value_or(board.venue);
    meeting.status = read_status(*yaml, origin, sink);
    if (YAML::Node declarations = (*yaml)["declarations"])
        meeting.declarations = read_declarations(declarations, origin, sink);
    MeetingContext context{files, folder, origin, sink};
    if (YAML::Node items = (*yaml)["items"])
        meeting.items = read_items(items, context);
    else
        sink.error(origin, "the meeting has no agenda", "list the agenda under 'items:'");
    std::set<std::string> numbers;
    check_item_numbers(meeting.items, numbers, sink);
    warn_unlisted_papers(meeting, context.named_files, files, sink);
    return meeting;
}

} // namespace bp::content
