#include "content/exempt.hpp"
#include "content/loader_parts.hpp"
#include "content/publication.hpp"
#include "content/records_declarations.hpp"
#include "core/text.hpp"
#include "data/forward_plan.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>
#include <set>

namespace bp::content {

namespace {

const std::set<std::string> item_keys = {"number",      "title",   "presenter",    "presenters",
                                         "description", "minutes", "purpose",      "restricted",
                                         "verbal",      "kind",    "paper",        "papers",
                                         "items",       "exempt",  "supplementary"};

const std::vector<std::string> item_kinds = {"paper", "verbal", "presentation", "note",
                                             "next-meeting"};

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
        data::check_keys(entry, {"file", "title", "supplementary"}, context.origin, context.sink,
                         "a paper entry");
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
    if (paper)
        paper->supplementary = read_supplementary(entry, context.origin, context.sink);
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
        papers.reserve(papers.size() + list.size());
        for (const auto& entry : list)
            if (auto paper = read_paper_entry(entry, context))
                papers.push_back(std::move(*paper));
    }
    return papers;
}

ItemKind read_kind(const YAML::Node& node, const SourceLocation& origin, DiagnosticSink& sink) {
    auto text = data::read_choice(node, "kind", item_kinds, origin, sink);
    if (text == "verbal")
        return ItemKind::verbal;
    if (text == "presentation")
        return ItemKind::presentation;
    if (text == "note")
        return ItemKind::to_note;
    if (text == "next-meeting")
        return ItemKind::next_meeting;
    if (!text && data::read_bool(node, "verbal", origin, sink).value_or(false))
        return ItemKind::verbal;
    return ItemKind::paper;
}

// `presenter: Chair`, `presenter: [Ayo Bello, Sam Reid]` or `presenters:` with a list.
std::vector<std::string> read_presenters(const YAML::Node& node, const SourceLocation& origin,
                                         DiagnosticSink& sink) {
    std::vector<std::string> presenters;
    if (node["presenter"] && node["presenters"])
        sink.error(data::location_of(node["presenters"], origin),
                   "an item takes 'presenter' or 'presenters', not both");
    for (const char* key : {"presenter", "presenters"}) {
        YAML::Node value = node[key];
        if (!value || value.IsNull())
            continue;
        if (value.IsScalar()) {
            presenters.push_back(trim(value.Scalar()));
            continue;
        }
        if (!value.IsSequence()) {
            sink.error(data::location_of(value, origin),
                       "'" + std::string(key) + "' must be a name or a list of names",
                       "write presenters: [Ayo Bello, Sam Reid]");
            continue;
        }
        for (const auto& entry : value) {
            if (entry.IsScalar() && !trim(entry.Scalar()).empty())
                presenters.push_back(trim(entry.Scalar()));
            else
                sink.error(data::location_of(entry, origin), "each presenter must be a name");
        }
    }
    return presenters;
}

// "Ayo Bello", "Ayo Bello and Sam Reid", "Ayo Bello, Sam Reid and Jo Kerr"
std::string joined_names(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return text;
}

std::vector<AgendaItem> read_items(const YAML::Node& list, MeetingContext& context);

// Everything under a supplementary item goes out in its supplementary pack.
void inherit_supplementary(AgendaItem& item) {
    if (item.supplementary == 0)
        return;
    for (auto& paper : item.papers)
        paper.supplementary = std::max(paper.supplementary, item.supplementary);
    for (auto& sub : item.sub_items) {
        sub.supplementary = std::max(sub.supplementary, item.supplementary);
        inherit_supplementary(sub);
    }
}

AgendaItem read_item(const YAML::Node& node, MeetingContext& context) {
    const SourceLocation& origin = context.origin;
    AgendaItem item;
    item.location = data::location_of(node, origin);
    data::check_keys(node, item_keys, origin, context.sink, "an agenda item");
    item.number = data::read_string(node, "number", origin, context.sink, true).value_or("");
    item.title = data::read_string(node, "title", origin, context.sink, true).value_or("");
    item.presenters = read_presenters(node, origin, context.sink);
    item.presenter = joined_names(item.presenters);
    item.description =
        trim(data::read_string(node, "description", origin, context.sink).value_or(""));
    item.minutes = data::read_int(node, "minutes", origin, context.sink).value_or(0);
    item.purpose = read_purpose(node, origin, context.sink);
    item.restricted = data::read_bool(node, "restricted", origin, context.sink).value_or(false);
    item.exempt = read_exempt(node, origin, context.sink);
    item.restricted = item.restricted || item.exempt.given(); // exempt information is withheld
    item.kind = read_kind(node, origin, context.sink);
    item.papers = read_papers(node, context);
    if (item.kind == ItemKind::verbal && !item.papers.empty())
        context.sink.error(item.location, "item " + item.number + " is verbal but names a paper",
                           "remove 'verbal: true' (or 'kind: verbal') or the paper");
    // Items with nothing to print take no pages; a presentation's slides may be a PDF appendix.
    item.verbal =
        item.papers.empty() && item.kind != ItemKind::paper && item.kind != ItemKind::to_note;
    if (YAML::Node children = node["items"])
        item.sub_items = read_items(children, context);
    if (item.restricted)
        for (auto& sub : item.sub_items) {
            sub.restricted = true;
            if (!sub.exempt.given())
                sub.exempt = item.exempt;
        }
    item.supplementary = read_supplementary(node, origin, context.sink);
    inherit_supplementary(item);
    return item;
}

std::vector<AgendaItem> read_items(const YAML::Node& list, MeetingContext& context) {
    std::vector<AgendaItem> items;
    if (!list.IsSequence()) {
        context.sink.error(data::location_of(list, context.origin), "'items' must be a list",
                           "start each agenda item with '- number: …'");
        return items;
    }
    // The site index holds every item of the archive: no room to spare after the last.
    items.reserve(list.size());
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

std::string time_span(int start, int end) {
    if (start < 0)
        return {};
    return end > start ? format_time_12h(start) + " to " + format_time_12h(end)
                       : format_time_12h(start);
}

// "Tuesday 12 December 2017, 2:00 pm to 4:00 pm, Committee Room 2": the board's next meeting
// after `meeting`, from its folder or else from the forward plan; empty when there is none.
std::string next_meeting_text(const Board& board, const Meeting& meeting) {
    Date date;
    int start = board.start_minutes, end = board.end_minutes;
    std::string venue = board.venue;
    auto later = std::find_if(board.meetings.begin(), board.meetings.end(), [&](const Meeting& m) {
        return m.date > meeting.date && m.status != MeetingStatus::cancelled;
    });
    if (later != board.meetings.end()) {
        date = later->date;
        start = later->start_minutes;
        end = later->end_minutes;
        venue = later->venue;
    } else if (board.forward_plan && !board.forward_plan->after(meeting.date).empty()) {
        date = board.forward_plan->after(meeting.date).front()->date;
    } else {
        return {};
    }
    std::string text = date.long_form();
    for (const auto& part : {time_span(start, end), venue})
        if (!part.empty())
            text += ", " + part;
    return text;
}

} // namespace

std::optional<Meeting> load_meeting(const FileSystem& files, const Board& board,
                                    const std::string& folder, DiagnosticSink& sink) {
    std::string path = join_path(folder, "meeting.yaml");
    auto yaml = read_yaml_file(files, path, sink);
    if (!yaml)
        return std::nullopt;
    const SourceLocation origin{path, 1, 1};
    data::check_keys(*yaml,
                     {"date", "start", "end", "venue", "status", "data_date", "title", "items",
                      "declarations", "republished", "part_two"},
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
    meeting.part_two = data::read_bool(*yaml, "part_two", origin, sink).value_or(board.part_two);
    if (YAML::Node declarations = (*yaml)["declarations"])
        meeting.declarations = read_declarations(declarations, origin, sink);
    MeetingContext context{files, folder, origin, sink};
    if (YAML::Node items = (*yaml)["items"])
        meeting.items = read_items(items, context);
    else
        sink.error(origin, "the meeting has no agenda", "list the agenda under 'items:'");
    std::set<std::string> numbers;
    check_item_numbers(meeting.items, numbers, sink);
    for (const auto& declaration : meeting.declarations)
        if (!declaration.item.empty() && !numbers.count(declaration.item))
            sink.error(declaration.location,
                       "the declaration by " + declaration.name + " names item " +
                           declaration.item + ", which is not on the agenda",
                       "give the number of the item the interest concerns, as the agenda "
                       "numbers it");
    warn_unlisted_papers(meeting, context.named_files, files, sink);
    if (YAML::Node republished = (*yaml)["republished"])
        meeting.republications = read_republications(republished, origin, sink);
    return meeting;
}

void describe_next_meetings(Board& board, DiagnosticSink& sink) {
    for (std::size_t i = 0; i < board.meetings.size(); ++i) {
        std::vector<AgendaItem*> items;
        std::vector<AgendaItem*> pending;
        for (auto& item : board.meetings[i].items)
            pending.push_back(&item);
        while (!pending.empty()) {
            AgendaItem* item = pending.back();
            pending.pop_back();
            if (item->kind == ItemKind::next_meeting && item->description.empty())
                items.push_back(item);
            for (auto& sub : item->sub_items)
                pending.push_back(&sub);
        }
        if (items.empty())
            continue;
        std::string text = next_meeting_text(board, board.meetings[i]);
        for (AgendaItem* item : items) {
            if (text.empty())
                sink.warning(item->location,
                             "item " + item->number +
                                 " is the date of the next meeting, but the "
                                 "board has no later meeting",
                             "add the next meeting's folder, or plan it in forward-plan.yaml");
            item->description = text;
        }
    }
}

} // namespace bp::content
