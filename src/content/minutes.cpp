#include "content/minutes.hpp"

#include "core/text.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace bp::content {

namespace {

// ---- actions -------------------------------------------------------------------------------

bool is_key_start(std::string_view segment, std::string& key, std::string& value) {
    std::string text = trim(segment);
    std::size_t colon = text.find(':');
    if (colon == std::string::npos || colon == 0)
        return false;
    for (std::size_t i = 0; i < colon; ++i) {
        char c = text[i];
        bool word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-' ||
                         (i > 0 && c >= '0' && c <= '9');
        if (!word_char)
            return false;
    }
    key = to_lower_ascii(text.substr(0, colon));
    value = trim(text.substr(colon + 1));
    return true;
}

// Quotes around a value are for the writer's comfort; Markdown may have curled them.
std::string unquote(std::string value) {
    for (auto [open, close] : {std::pair<std::string, std::string>{"\"", "\""},
                               {"'", "'"},
                               {"\xE2\x80\x9C", "\xE2\x80\x9D"},
                               {"\xE2\x80\x98", "\xE2\x80\x99"}}) {
        if (value.size() >= open.size() + close.size() && starts_with(value, open) &&
            ends_with(value, close))
            return trim(value.substr(open.size(), value.size() - open.size() - close.size()));
    }
    return value;
}

const std::vector<std::string> brace_keys = {"lead", "due", "others", "start", "id"};

struct TaskText {
    std::string text;   // the action, without its brace group
    std::string braces; // inside the braces; empty when there are none
    bool has_braces = false;
    SourceLocation braces_location;
};

// Where the brace group starts: the last text inline holding a '{'.
SourceLocation brace_location(const doc::Inlines& inlines, const SourceLocation& fallback) {
    for (auto it = inlines.rbegin(); it != inlines.rend(); ++it) {
        if (it->kind != doc::InlineKind::text)
            continue;
        std::size_t brace = it->text.rfind('{');
        if (brace == std::string::npos || it->location.line == 0)
            continue;
        return {it->location.file, it->location.line,
                it->location.column + utf8_length(std::string_view(it->text).substr(0, brace))};
    }
    return fallback;
}

TaskText split_task_text(const doc::Block& item) {
    TaskText out;
    out.braces_location = item.location;
    const doc::Block* paragraph = nullptr;
    for (const auto& child : item.children)
        if (child.kind == doc::BlockKind::paragraph) {
            paragraph = &child;
            break;
        }
    if (!paragraph)
        return out;
    std::string text = trim(doc::plain_text(paragraph->inlines));
    if (!text.empty() && text.back() == '}') {
        std::size_t open = text.rfind('{');
        if (open != std::string::npos) {
            out.has_braces = true;
            out.braces = text.substr(open + 1, text.size() - open - 2);
            text = trim(text.substr(0, open));
            out.braces_location = brace_location(paragraph->inlines, item.location);
        }
    }
    out.text = text;
    return out;
}

void apply_entry(const BraceEntry& entry, data::Action& action, const SourceLocation& where,
                 DiagnosticSink& sink) {
    if (entry.key == "lead") {
        action.lead = entry.value;
    } else if (entry.key == "others") {
        action.others = entry.value;
    } else if (entry.key == "id") {
        if (entry.value.empty())
            return;
        action.id = entry.value;
        // An id in the usual form keeps its place in the plan's order.
        if (auto sequence = data::id_sequence(entry.value))
            action.sequence = *sequence;
    } else {
        auto date = parse_date(entry.value);
        if (!date) {
            sink.error(where, "'" + entry.value + "' is not a valid date for '" + entry.key + "'",
                       "write dates as YYYY-MM-DD, for example 2017-10-31");
            return;
        }
        (entry.key == "due" ? action.due : action.start) = date;
    }
}

std::optional<data::Action> read_task(const doc::Block& item, Date recorded, int sequence,
                                      DiagnosticSink& sink) {
    TaskText task = split_task_text(item);
    data::Action action;
    action.raised = recorded;
    action.sequence = sequence;
    action.id = recorded.iso() + "/" + std::to_string(sequence);
    action.text = task.text;
    action.location = item.location;
    if (*item.task) {
        action.status = data::ActionStatus::complete;
        action.completed = recorded;
    }
    if (!task.has_braces) {
        sink.error(item.location, "the action '" + task.text + "' has no lead or due date",
                   "end the item with a brace group: {lead: Ayo Bello, due: 2017-10-31}");
        return action;
    }
    auto entries = parse_brace_group(task.braces, task.braces_location, sink);
    if (!entries)
        return action;
    for (const auto& entry : *entries)
        apply_entry(entry, action, task.braces_location, sink);
    if (action.text.empty())
        sink.error(item.location, "an action has no text", "say what is to be done before '{'");
    bool has_due_key = std::any_of(entries->begin(), entries->end(),
                                   [](const BraceEntry& e) { return e.key == "due"; });
    if (action.lead.empty())
        sink.error(task.braces_location, "the action '" + action.text + "' has no lead",
                   "add 'lead: <name>' inside the braces");
    if (!has_due_key)
        sink.error(task.braces_location, "the action '" + action.text + "' has no due date",
                   "add 'due: YYYY-MM-DD' inside the braces");
    return action;
}

void collect_tasks(const std::vector<doc::Block>& blocks, Date recorded, int& sequence,
                   std::vector<data::Action>& out, DiagnosticSink& sink) {
    for (const auto& block : blocks) {
        if (block.kind == doc::BlockKind::list_item && block.task) {
            if (auto action = read_task(block, recorded, ++sequence, sink))
                out.push_back(std::move(*action));
        }
        collect_tasks(block.children, recorded, sequence, out, sink);
    }
}

} // namespace

std::optional<Date> recorded_meeting_date(const YAML::Node& front_matter,
                                          const SourceLocation& origin, const Board& board,
                                          const Meeting& holder, DiagnosticSink& sink) {
    if (front_matter.IsMap() && front_matter["records"])
        return data::read_date(front_matter, "records", origin, sink, true);
    std::optional<Date> previous;
    for (const auto& meeting : board.meetings)
        if (meeting.date < holder.date && meeting.status != MeetingStatus::cancelled)
            previous = meeting.date;
    if (!previous)
        sink.error(origin, "cannot tell which meeting these minutes record",
                   "add 'records: YYYY-MM-DD' (the date of the meeting) to the front matter");
    return previous;
}

std::optional<std::vector<BraceEntry>>
parse_brace_group(std::string_view inside, const SourceLocation& location, DiagnosticSink& sink) {
    std::vector<BraceEntry> entries;
    bool ok = true;
    for (const auto& segment : split(inside, ',')) {
        std::string key, value;
        if (is_key_start(segment, key, value)) {
            entries.push_back({key, value});
        } else if (!entries.empty()) {
            entries.back().value += ", " + trim(segment);
        } else if (!trim(segment).empty()) {
            sink.error(location,
                       "expected 'key: value' in the action's braces, not '" + trim(segment) + "'",
                       "write {lead: Ayo Bello, due: 2017-10-31}");
            return std::nullopt;
        }
    }
    std::set<std::string> seen;
    std::vector<BraceEntry> known;
    for (auto& entry : entries) {
        entry.value = unquote(entry.value);
        if (std::find(brace_keys.begin(), brace_keys.end(), entry.key) == brace_keys.end()) {
            auto suggestion = data::closest_match(entry.key, brace_keys);
            sink.error(location, "unknown key '" + entry.key + "' in an action",
                       suggestion ? "did you mean '" + *suggestion + "'?"
                                  : "the keys are lead, due, others, start and id");
            ok = false;
            continue;
        }
        if (!seen.insert(entry.key).second) {
            sink.error(location, "'" + entry.key + "' is given twice in an action");
            ok = false;
            continue;
        }
        known.push_back(entry);
    }
    if (!ok && known.empty())
        return std::nullopt;
    return known;
}

std::vector<data::Action> read_minutes_actions(const doc::Document& body, Date recorded,
                                               DiagnosticSink& sink) {
    std::vector<data::Action> actions;
    int sequence = 0;
    collect_tasks(body.blocks, recorded, sequence, actions, sink);
    return actions;
}

} // namespace bp::content
