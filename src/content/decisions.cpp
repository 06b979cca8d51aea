#include "content/decisions.hpp"

#include "core/text.hpp"

#include <cctype>

namespace bp::content {

namespace {

const std::vector<std::string> resolution_openings = {
    "resolved",         "it was resolved",    "it was agreed",  "agreed:",           "agreed that",
    "the board agreed", "the board resolved", "members agreed", "all members agreed"};

// Openings that can only be a formal resolution, never a report's narrative.
const std::vector<std::string> formal_openings = {"resolved:", "resolved that", "resolved -",
                                                  "resolved \xE2\x80\x93"};

bool opens_with(std::string_view text, const std::vector<std::string>& openings) {
    std::string lower = to_lower_ascii(trim(text));
    for (const auto& opening : openings)
        if (starts_with(lower, opening))
            return true;
    return false;
}

std::string block_text(const doc::Block& block) {
    if (block.kind == doc::BlockKind::paragraph || block.kind == doc::BlockKind::heading)
        return trim(doc::plain_text(block.inlines));
    std::string text;
    for (const auto& child : block.children) {
        std::string part = block_text(child);
        if (!part.empty())
            text += (text.empty() ? "" : " ") + part;
    }
    return text;
}

bool is_list(const doc::Block& block) {
    return block.kind == doc::BlockKind::bullet_list || block.kind == doc::BlockKind::ordered_list;
}

// The points of a resolution that ends in a colon: the list items after it (not its actions),
// or the paragraph after it.
std::vector<std::string> resolution_points(const std::vector<doc::Block>& blocks,
                                           std::size_t after) {
    std::vector<std::string> points;
    if (after >= blocks.size())
        return points;
    const doc::Block& next = blocks[after];
    if (is_list(next)) {
        for (const auto& item : next.children)
            if (!item.task)
                points.push_back(block_text(item));
    } else if (next.kind == doc::BlockKind::paragraph && !starts_resolution(block_text(next))) {
        points.push_back(block_text(next));
    }
    return points;
}

bool agenda_has(const std::vector<AgendaItem>& items, const std::string& number) {
    for (const auto& item : items)
        if (item.number == number || agenda_has(item.sub_items, number))
            return true;
    return false;
}

void warn_unknown_minute(const doc::Block& heading, const MinuteHeading& minute,
                         const Meeting& recorded, DiagnosticSink& sink) {
    sink.warning(heading.location,
                 "minute " + minute.number + " has a resolution, but the agenda of " +
                     recorded.date.medium_form() + " has no item " + minute.number,
                 "number each minute as its item on that meeting's agenda");
}

} // namespace

std::optional<MinuteHeading> minute_heading(std::string_view heading) {
    std::string text = trim(heading);
    if (starts_with(to_lower_ascii(text), "item "))
        text = trim(text.substr(5));
    std::size_t end = 0;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])))
        ++end;
    if (end == 0 || end > 3)
        return std::nullopt; // item numbers are short; "2017 review" is a title
    while (end < text.size() && std::islower(static_cast<unsigned char>(text[end])) &&
           (end + 1 == text.size() || !std::isalpha(static_cast<unsigned char>(text[end + 1]))))
        ++end;
    std::string number = text.substr(0, end);
    std::string rest = text.substr(end);
    std::size_t skip = 0;
    while (skip < rest.size() && (rest[skip] == '.' || rest[skip] == ')' || rest[skip] == ':' ||
                                  rest[skip] == ' ' || rest[skip] == '-'))
        ++skip;
    rest = rest.substr(skip);
    if (starts_with(rest, "\xE2\x80\x93") || starts_with(rest, "\xE2\x80\x94"))
        rest = trim(rest.substr(3));
    if (rest.empty() || skip == 0)
        return std::nullopt;
    return MinuteHeading{number, rest};
}

bool starts_resolution(std::string_view text) {
    return opens_with(text, resolution_openings);
}

std::vector<Decision> read_decisions(const doc::Document& body, const Meeting* recorded,
                                     DiagnosticSink& sink) {
    std::vector<Decision> decisions;
    const doc::Block* heading = nullptr;
    std::optional<MinuteHeading> minute;
    bool warned_heading = false;
    const auto& blocks = body.blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const doc::Block& block = blocks[i];
        std::string text = block_text(block);
        bool is_heading = block.kind == doc::BlockKind::heading;
        if (is_heading && !starts_resolution(text)) {
            if (auto parsed = minute_heading(text)) {
                heading = &block;
                minute = parsed;
                warned_heading = false;
            }
            continue;
        }
        if ((!is_heading && block.kind != doc::BlockKind::paragraph) || !starts_resolution(text))
            continue;
        if (!minute) {
            sink.warning(block.location, "this resolution is under no numbered minute",
                         "put it under its item's heading, for example '## 5. Terms of "
                         "reference', so the meeting page can show it");
            continue;
        }
        if (recorded && !agenda_has(recorded->items, minute->number)) {
            if (!warned_heading)
                warn_unknown_minute(*heading, *minute, *recorded, sink);
            warned_heading = true;
        }
        Decision decision{minute->number, minute->title, text, {}, heading->anchor, block.location};
        if (ends_with(text, ":"))
            decision.points = resolution_points(blocks, i + 1);
        decisions.push_back(std::move(decision));
    }
    return decisions;
}

void warn_resolutions_outside_minutes(const doc::Document& body, DiagnosticSink& sink) {
    for (const auto& block : body.blocks)
        if (block.kind == doc::BlockKind::paragraph &&
            opens_with(doc::plain_text(block.inlines), formal_openings))
            sink.warning(block.location,
                         "a resolution in a paper that is not minutes is not recorded as a "
                         "decision",
                         "decisions are recorded in the minutes (kind: minutes); in a report, "
                         "write the recommendation instead");
}

} // namespace bp::content
